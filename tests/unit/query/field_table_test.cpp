// A field is one row of the field table: a test-only row ("weapon", values from its own
// extractor in Article::field_values) becomes filterable in the query language, the request
// parameters and the CLI's flags, counted as a facet, exported as a column and listed by the
// schema, with no other code knowing about it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "core/schema.h"
#include "fixture.h"
#include "query/export.h"
#include "query/json.h"
#include "query/request_params.h"
#include "query/search.h"

namespace schema = cs::schema;

namespace {

// The shipped table plus one throw-away row.
std::vector<schema::Field> table_with_weapon() {
  std::vector<schema::Field> table(std::begin(schema::kFields), std::end(schema::kFields));
  table.push_back({"weapon", "Weapons", schema::FieldKind::kFilter, "XW", schema::ValueRule::kName,
                   schema::ArticleSource::kExtracted, std::nullopt, schema::kSlotNextFree,
                   schema::kMultiSlots, true, "weapons"});
  return table;
}

std::vector<cs::Article> articles_with_weapons() {
  auto a = cs::test::make_article("a1", "Shelling of Aleppo", "Rockets hit Aleppo.", "Reuters",
                                  "2016-03-01");
  a.field_values["weapon"] = {"Grad rockets", "Barrel bombs"};
  auto b = cs::test::make_article("a2", "Raid near Idlib", "Barrel bombs fell on Idlib.", "BBC",
                                  "2016-04-02");
  b.field_values["weapon"] = {"barrel bombs"};
  auto c = cs::test::make_article("a3", "Talks in Geneva", "No weapons here.", "BBC", "2016-05-03");
  return {a, b, c};
}

std::int64_t facet_count(const cs::query::SearchResult& result, const std::string& facet,
                         const std::string& value) {
  for (const auto& f : result.facets) {
    if (f.name != facet) continue;
    for (const auto& v : f.values) {
      if (v.value == value) return v.count;
    }
  }
  return -1;
}

}  // namespace

TEST_CASE("a new row of the field table is filterable, facetable, exportable and listed",
          "[schema][fields]") {
  const std::vector<schema::Field> table = table_with_weapon();
  const schema::FieldTableOverride with_weapon(table);
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", articles_with_weapons());
  cs::query::SearchError error;
  auto searcher = cs::query::Searcher::open(dir.path() + "/db", error);
  REQUIRE(searcher);

  SECTION("a request parameter and a filter, folded like any name") {
    cs::query::SearchRequest request;
    REQUIRE_FALSE(cs::query::parse_search_params({{"weapon", "BARREL BOMBS"}}, request));
    cs::query::SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    CHECK(result.total == 2);
    request.filters = {{"weapon", "barrel bombs", true}};
    REQUIRE_FALSE(searcher->search(request, result));
    CHECK(result.total == 1);
  }

  SECTION("a prefix of the query language") {
    cs::query::SearchRequest request;
    request.text = "weapon:\"grad rockets\"";
    cs::query::SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].id == "a1");
  }

  SECTION("a facet, in table order after the shipped ones, selected value kept") {
    cs::query::SearchRequest request;
    request.filters = {{"weapon", "grad rockets", false}};
    cs::query::SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    REQUIRE_FALSE(result.facets.empty());
    CHECK(result.facets.back().name == "weapon");
    CHECK(facet_count(result, "weapon", "Grad rockets") == 1);
    CHECK(facet_count(result, "weapon", "Barrel bombs") == 1);
    request.filters.clear();
    REQUIRE_FALSE(searcher->search(request, result));
    CHECK(facet_count(result, "weapon", "Grad rockets") == 1);
    CHECK(facet_count(result, "weapon", "Barrel bombs") +
              facet_count(result, "weapon", "barrel bombs") ==
          2);
  }

  SECTION("an export column and a stored field") {
    cs::query::StoredArticle article;
    REQUIRE_FALSE(searcher->document("a1", article));
    CHECK(article.fields.at("weapon") == std::vector<std::string>{"Grad rockets", "Barrel bombs"});
    const std::string header = cs::query::export_header({});
    CHECK(header ==
          "id,published,outlet,title,url,author,persons,orgs,places,sources,claimants,victims,"
          "lang,weapons,"
          "text\r\n");
    const std::string row = cs::query::export_record({}, article);
    CHECK(row.find("\"Grad rockets; Barrel bombs\"") != std::string::npos);
    const std::string line =
        cs::query::export_record({.format = cs::query::ExportFormat::kJsonl}, article);
    CHECK(line.find("\"weapon\":[\"Grad rockets\",\"Barrel bombs\"]") != std::string::npos);
  }

  SECTION("listed by the schema the page reads") {
    const nlohmann::json s = cs::query::schema_json();
    CHECK(std::find(s["filters"].begin(), s["filters"].end(), "weapon") != s["filters"].end());
    CHECK(std::find(s["facets"].begin(), s["facets"].end(), "weapon") != s["facets"].end());
    const auto row = std::find_if(s["fields"].begin(), s["fields"].end(),
                                  [](const nlohmann::json& f) { return f["name"] == "weapon"; });
    REQUIRE(row != s["fields"].end());
    CHECK((*row)["label"] == "Weapons");
    CHECK((*row)["column"] == "weapons");
  }
}

TEST_CASE("without the row, the field is unknown everywhere", "[schema][fields]") {
  cs::query::SearchRequest request;
  const auto error = cs::query::parse_search_params({{"weapon", "grad"}}, request);
  CHECK(error.code == cs::query::ErrorCode::kBadRequest);
  CHECK(error.message.find("'weapon'") != std::string::npos);
  CHECK(cs::query::export_header({}).find("weapons") == std::string::npos);
}
