// Remote searching: corpus-search --server's /api query strings and the JSON parsers that read
// searchd's answers back (round trip through the one serializer); stubs opened shard by shard.
#include <catch2/catch.hpp>
#include <fstream>

#include "cli/remote_backend.h"
#include "core/schema.h"
#include "fixture.h"
#include "query/json.h"
#include "query/request_params.h"
#include "query/shards.h"
#include "query/suggest.h"

using cs::query::SearchRequest;
using cs::query::SearchResult;

TEST_CASE("url_encode keeps unreserved characters and escapes every other byte", "[remote]") {
  const std::pair<std::string, std::string> cases[] = {
      {"abc-XYZ_0.9~", "abc-XYZ_0.9~"},
      {"deir ez-zor", "deir%20ez-zor"},
      {"a&b=c+d?e#f/g%", "a%26b%3Dc%2Bd%3Fe%23f%2Fg%25"},
      {"\"quoted\"", "%22quoted%22"},
      {"حلب", "%D8%AD%D9%84%D8%A8"},
      {"", ""},
  };
  for (const auto& [raw, encoded] : cases) {
    CAPTURE(raw);
    CHECK(cs::query::url_encode(raw) == encoded);
  }
}

TEST_CASE("search query strings carry every request field, filters repeated", "[remote]") {
  SearchRequest request;
  CHECK(cs::query::query_string(cs::query::search_params(request)) ==
        "q=&sort=relevance&page=1&size=10");
  request.text = "siege AND \"al-Bab\"";
  request.filters = {{"outlet", "Reuters", false},
                     {"outlet", "Al Jazeera", false},
                     {"person", "assad", true},
                     {"place", "a&b", false}};
  request.from = "2016-01";
  request.to = "2016-12-31";
  request.sort = cs::query::SortOrder::kNewest;
  request.page = 3;
  request.page_size = 25;
  request.collapse = true;
  CHECK(cs::query::query_string(cs::query::search_params(request)) ==
        "q=siege%20AND%20%22al-Bab%22&outlet=Reuters&outlet=Al%20Jazeera&person=-assad"
        "&place=a%26b&from=2016-01&to=2016-12-31&sort=newest&collapse=true&page=3&size=25");
}

TEST_CASE("export query strings ask for JSON Lines and leave paging out", "[remote]") {
  SearchRequest request;
  request.text = "palmyra";
  request.sort = cs::query::SortOrder::kOldest;
  request.page = 4;
  request.filters = {{"source", "SOHR", false}};
  CHECK(cs::query::query_string(
            cs::query::export_params(request, {.format = cs::query::ExportFormat::kJsonl})) ==
        "q=palmyra&source=SOHR&sort=oldest&format=jsonl");
}

namespace {

SearchResult rich_result() {
  SearchResult result;
  result.query = "siege \"aleppo\"";
  result.total = 1234;
  result.total_exact = false;
  result.took_ms = 12.5;
  result.page = 2;
  result.page_size = 2;
  cs::query::Hit full;
  full.id = "a1";
  full.title = "Siege of <Aleppo> & \"more\"";
  full.outlet = "Reuters";
  full.published = "2016-03";
  full.url = "https://example.org/a?b=1&c=2";
  full.score = 3.25;
  full.snippet = "the <mark>siege</mark> &amp; it&#39;s";
  full.entities = {{"q-aleppo", "Aleppo", "place"}, {"isis", "Islamic State", "org"}};
  full.duplicates = 2;
  cs::query::Hit bare;
  bare.id = "b2";
  bare.title = "Untitled";
  result.hits = {full, bare};
  result.facets = {{"outlet", {{"Reuters", "Reuters", 7}, {"AFP", "AFP", 1}}},
                   {"year", {{"2016", "2016", 8}}},
                   {"month", {{"2016-03", "2016-03", 8}}},
                   {"person", {{"Bashar al-Assad", "assad", 3}}},
                   {"org", {}},
                   {"place", {{"Aleppo", "q-aleppo", 8}}},
                   {"source", {{"SOHR", "sohr", 2}}}};
  result.facets_exact = false;
  result.timeline = {{"2016-02", 1}, {"2016-03", 7}};
  result.suggestion = "siege aleppo";
  result.warnings = {"shard 10.0.0.2:7000 unreachable", "second"};
  return result;
}

}  // namespace

TEST_CASE("a SearchResult survives the JSON round trip", "[remote][json]") {
  const nlohmann::json wire = cs::query::to_json(rich_result());
  SearchResult parsed;
  std::string error;
  REQUIRE(cs::query::from_json(wire, parsed, error));
  CHECK(error.empty());
  CHECK(cs::query::to_json(parsed) == wire);
  // Facets come back in the contract's order, not the JSON object's (alphabetical) one.
  REQUIRE(parsed.facets.size() == 7);
  CHECK(parsed.facets[0].name == "outlet");
  CHECK(parsed.facets[1].name == "year");
  CHECK(parsed.facets[6].name == "source");
  CHECK_FALSE(parsed.hits[1].outlet.has_value());
  CHECK(parsed.hits[0].entities[1].type == "org");
}

TEST_CASE("a StoredArticle survives the JSON round trip", "[remote][json]") {
  cs::query::StoredArticle article;
  article.id = "x";
  article.title = "T";
  article.published = "2016-03-01";
  article.published_precision = "day";
  article.published_provenance = "manifest";
  article.author = "A. Writer";
  article.text = "line one\nline \"two\"";
  article.entities = {{"assad", "Bashar al-Assad", "person"}};
  article.sources = {{"", "a local activist", ""}, {"sohr", "SOHR", ""}};
  const nlohmann::json wire = cs::query::to_json(article);
  cs::query::StoredArticle parsed;
  std::string error;
  REQUIRE(cs::query::from_json(wire, parsed, error));
  CHECK(cs::query::to_json(parsed) == wire);
}

TEST_CASE("malformed result JSON is an error, not an exception", "[remote][json]") {
  const char* bad[] = {
      R"({})",
      R"({"query": "q", "total": "many", "page": 1, "page_size": 10, "hits": []})",
      R"({"query": "q", "total": 1, "page": 1, "page_size": 10, "hits": [{"id": 5}]})",
      R"([1, 2])",
  };
  for (const char* text : bad) {
    CAPTURE(text);
    SearchResult parsed;
    std::string error;
    CHECK_FALSE(cs::query::from_json(nlohmann::json::parse(text), parsed, error));
    CHECK_FALSE(error.empty());
  }
}

namespace {

// Writes `lines` as a stub file `name` in `dir` and returns its path.
std::string write_stub(const cs::test::TempDir& dir, const std::string& name,
                       const std::string& lines) {
  const std::string path = dir.path() + "/" + name;
  std::ofstream(path) << lines;
  return path;
}

}  // namespace

TEST_CASE("a stub opens shard by shard, an unreachable one becomes a warning", "[shards]") {
  const cs::test::TempDir dir;
  cs::test::write_index(
      dir.path() + "/a",
      {cs::test::make_article("a1", "Siege", "siege of the city", "Reuters", "2016-03-01")});
  cs::test::write_index(
      dir.path() + "/b",
      {cs::test::make_article("b1", "Siege", "siege lifted", "AFP", "2016-04-01"),
       cs::test::make_article("b2", "Talks", "talks began", "AFP", "2016-05-01")});
  cs::query::OpenedShards shards;
  std::string error;

  REQUIRE(cs::query::open_shards(write_stub(dir, "both", "# shards\n\nauto a\nauto b\n"), shards,
                                 error));
  CHECK(shards.db.get_doccount() == 3);
  CHECK(shards.warnings.empty());

  // Port 1 on loopback refuses connections at once.
  const std::string degraded = write_stub(dir, "degraded", "auto a\nremote 127.0.0.1:1\n");
  REQUIRE(cs::query::open_shards(degraded, shards, error));
  CHECK(shards.db.get_doccount() == 1);
  REQUIRE(shards.warnings.size() == 1);
  CHECK(shards.warnings[0].rfind("shard 127.0.0.1:1 unreachable", 0) == 0);

  CHECK_FALSE(
      cs::query::open_shards(write_stub(dir, "dead", "remote 127.0.0.1:1\n"), shards, error));
  CHECK(error.find("no shard") != std::string::npos);
  CHECK_FALSE(cs::query::open_shards(write_stub(dir, "odd", "auto a\nbogus x\n"), shards, error));
  CHECK(error.find("unknown stub line") != std::string::npos);

  // The Searcher passes the warning on with every result.
  cs::query::SearchError open_error;
  auto searcher = cs::query::Searcher::open(degraded, open_error);
  REQUIRE(searcher);
  SearchRequest request;
  request.text = "siege";
  SearchResult result;
  REQUIRE_FALSE(searcher->search(request, result));
  CHECK(result.total == 1);
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].find("unreachable") != std::string::npos);
}

TEST_CASE("spelling exports in a stub give spelling data, not documents", "[shards]") {
  const cs::test::TempDir dir;
  cs::test::write_index(
      dir.path() + "/a",
      {cs::test::make_article("a1", "Siege", "siege of the city", "Reuters", "2016-03-01")});
  {
    Xapian::WritableDatabase spelling(dir.path() + "/spelling", Xapian::DB_CREATE);
    spelling.add_spelling("palmyra", 3);
    spelling.set_metadata(std::string(cs::schema::kMetaSpellingExport), "/shards/b");
    spelling.commit();
  }
  cs::query::OpenedShards shards;
  std::string error;
  REQUIRE(
      cs::query::open_shards(write_stub(dir, "with", "auto a\nauto spelling\n"), shards, error));
  CHECK(shards.db.get_doccount() == 1);
  CHECK(shards.parts.size() == 1);
  CHECK(shards.spelling.get_spelling_suggestion("palmira") == "palmyra");
  // Suggestions come from the exports; words of the documents are still known as such.
  const cs::Gazetteer no_names;
  const cs::query::Suggester suggester(shards.db, no_names, &shards.spelling);
  CHECK(suggester.suggest("palmira") == "palmyra");
  CHECK_FALSE(suggester.suggest("siege").has_value());
  // An export alone, or beside shards that are all down, is nothing to search.
  CHECK_FALSE(cs::query::open_shards(write_stub(dir, "down", "remote 127.0.0.1:1\nauto spelling\n"),
                                     shards, error));
  CHECK(error.find("no shard") != std::string::npos);
}
