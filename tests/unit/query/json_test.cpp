#include "query/json.h"

#include <catch2/catch.hpp>

using cs::query::SearchResult;

TEST_CASE("SearchResult JSON carries the contract's fields and nulls", "[json]") {
  SearchResult result;
  result.query = "siege";
  result.total = 1;
  cs::query::Hit hit;
  hit.id = "a";
  hit.title = "T";
  hit.snippet = "<mark>siege</mark>";
  hit.entities = {{"isis", "Islamic State", "org"}};
  result.hits.push_back(hit);
  result.facets = {{"outlet", {{"Reuters", "Reuters", 3}}}};
  result.timeline = {{"2016-03", 3}};
  result.warnings = {"w"};
  const nlohmann::json j = cs::query::to_json(result);
  for (const char* key : {"query", "total", "total_exact", "took_ms", "page", "page_size", "hits",
                          "facets", "facets_exact", "timeline", "suggestion", "warnings"}) {
    CAPTURE(key);
    CHECK(j.contains(key));
  }
  CHECK(j["suggestion"].is_null());
  const auto& h = j["hits"][0];
  CHECK(h["outlet"].is_null());
  CHECK(h["published"].is_null());
  CHECK(h["url"].is_null());
  CHECK(h["duplicates"] == 0);
  CHECK(h["entities"][0]["type"] == "org");
  CHECK(j["facets"]["outlet"][0]["count"] == 3);
  CHECK(j["timeline"][0]["period"] == "2016-03");
  CHECK(cs::query::dump(cs::query::error_json("bad")) == R"({"error":"bad"})");
}

TEST_CASE("JSON dump never throws on invalid UTF-8", "[json]") {
  SearchResult result;
  result.query = "bad \xff bytes";
  std::string text;
  REQUIRE_NOTHROW(text = cs::query::dump(cs::query::to_json(result)));
  CHECK(text.find("bad") != std::string::npos);
}
