#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/schema.h"
#include "fixture.h"
#include "query/search.h"

using cs::Article;
using cs::query::ErrorCode;
using cs::query::Searcher;
using cs::query::SearchError;
using cs::query::SearchRequest;
using cs::query::SearchResult;
using cs::query::SortOrder;
using cs::test::add_entity;
using cs::test::make_article;

namespace {

std::vector<Article> small_corpus() {
  Article a = make_article("a", "Shelling in Deir ez-Zor",
                           "Heavy shelling hit Deir ez-Zor on Monday, residents said.", "Reuters",
                           "2016-03-05");
  add_entity(a, "deir-ez-zor", "Deir ez-Zor");
  Article b =
      make_article("b", "Convoy reaches city",
                   "An aid convoy reached Dayr az-Zawr after weeks of siege.", "BBC", "2017-01-10");
  add_entity(b, "deir-ez-zor", "Dayr az-Zawr");
  Article c = make_article("c", "Markup <b>test</b>",
                           "Officials said <script>alert(\"x\")</script> & 'quoted' shelling "
                           "continued.",
                           "Reuters", "");
  Article d =
      make_article("d", "Assad speech", "Bashar al-Assad spoke about the siege.", "RT", "2015");
  add_entity(d, "bashar-al-assad", "Bashar al-Assad");
  Article e = a;  // a syndicated copy folded by collapse
  e.id = "e";
  e.dup_cluster = "a";
  a.dup_cluster = "a";
  return {a, b, c, d, e};
}

struct Fixture {
  cs::test::TempDir dir;
  std::unique_ptr<Searcher> searcher;
  Fixture() {
    cs::test::write_index(dir.path() + "/db", small_corpus());
    SearchError error;
    searcher = Searcher::open(dir.path() + "/db", error);
    REQUIRE(searcher);
  }
  SearchResult search(SearchRequest request) {
    SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    return result;
  }
  std::vector<std::string> ids(const SearchRequest& request) {
    std::vector<std::string> out;
    for (const auto& hit : search(request).hits) out.push_back(hit.id);
    return out;
  }
};

SearchRequest text(const std::string& q) {
  SearchRequest r;
  r.text = q;
  return r;
}

}  // namespace

TEST_CASE("one spelling finds articles using another", "[searcher]") {
  Fixture f;
  for (const std::string q : {"deir ezzor", "Dayr az-Zawr", "entity:\"deir al-zor\""}) {
    CAPTURE(q);
    const SearchResult r = f.search(text(q));
    CHECK(r.total == 3);  // a, b and the copy e
  }
  const SearchResult r = f.search(text("convoy deir ezzor"));
  REQUIRE(r.hits.size() == 1);
  CAPTURE(r.hits[0].snippet);
  CHECK(r.hits[0].snippet.find("<mark>Dayr</mark> az-<mark>Zawr</mark>") != std::string::npos);
}

TEST_CASE("snippets escape the article's markup and quotes", "[searcher][snippet]") {
  Fixture f;
  const SearchResult r = f.search(text("officials"));
  REQUIRE(r.hits.size() == 1);
  const std::string& s = r.hits[0].snippet;
  CAPTURE(s);
  CHECK(s.find("<script>") == std::string::npos);
  CHECK(s.find("&lt;script&gt;") != std::string::npos);
  CHECK(s.find("&quot;x&quot;") != std::string::npos);
  CHECK(s.find("&amp;") != std::string::npos);
  CHECK(s.find("&#39;quoted&#39;") != std::string::npos);
  CHECK(s.find("<mark>Officials</mark>") != std::string::npos);
  CHECK(s.find('"') == std::string::npos);
  CHECK(s.find('\'') == std::string::npos);
}

TEST_CASE("browsing shows each article's opening as its snippet", "[searcher][snippet]") {
  Fixture f;
  SearchRequest r = text("");
  r.filters = {{"outlet", "RT", false}};
  const SearchResult result = f.search(r);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].snippet == "Bashar al-Assad spoke about the siege.");
}

TEST_CASE("date sorts put unknown dates last both ways", "[searcher]") {
  Fixture f;
  SearchRequest r = text("");
  r.sort = SortOrder::kNewest;
  CHECK(f.ids(r) == std::vector<std::string>{"b", "a", "e", "d", "c"});
  r.sort = SortOrder::kOldest;
  const auto oldest = f.ids(r);
  REQUIRE(oldest.size() == 5);
  CHECK(oldest.front() == "d");
  CHECK(oldest.back() == "c");
}

TEST_CASE("paging, collapse, filters and the timeline", "[searcher]") {
  Fixture f;
  SearchRequest r = text("");
  r.page_size = 2;
  r.page = 3;
  CHECK(f.search(r).hits.size() == 1);
  r = text("shelling");
  r.collapse = true;
  const SearchResult collapsed = f.search(r);
  int duplicates = 0;
  for (const auto& hit : collapsed.hits) duplicates += hit.duplicates;
  CHECK(collapsed.hits.size() == 2);  // a (with e folded in) and c
  CHECK(duplicates == 1);
  r = text("");
  r.filters = {{"outlet", "reuters", false}, {"entity", "Deir Ezzor", true}};
  CHECK(f.ids(r) == std::vector<std::string>{"c"});
  r = text("");
  r.from = "2016";
  r.to = "2016-03";
  const SearchResult dated = f.search(r);
  CHECK(dated.total == 2);
  REQUIRE(dated.timeline.size() == 1);
  CHECK(dated.timeline[0].period == "2016-03");
  CHECK(dated.timeline[0].count == 2);
  r.page = 0;
  SearchResult ignored;
  CHECK(f.searcher->search(r, ignored).code == ErrorCode::kBadRequest);
}

TEST_CASE("documents, related articles and export", "[searcher]") {
  Fixture f;
  cs::query::StoredArticle article;
  REQUIRE_FALSE(f.searcher->document("d", article));
  CHECK(article.title == "Assad speech");
  CHECK(article.published == "2015");
  CHECK(f.searcher->document("nope", article).code == ErrorCode::kNotFound);
  SearchResult related;
  REQUIRE_FALSE(f.searcher->related("a", 5, related));
  REQUIRE_FALSE(related.hits.empty());
  for (const auto& hit : related.hits) {
    CHECK(hit.id != "a");
    CHECK(hit.id != "e");  // a's syndicated copy is the same story, not a related one
  }
  int exported = 0;
  REQUIRE_FALSE(f.searcher->for_each_match(text("siege"), [&](const auto&) {
    ++exported;
    return true;
  }));
  CHECK(exported == 2);
}

TEST_CASE("a match past the time limit fails instead of answering partial counts", "[searcher]") {
  Fixture f;
  SearchRequest browse;
  browse.want_facets = true;
  const std::int64_t total = f.search(browse).total;
  // A microsecond: every match takes longer, so each kind of request fails the same way.
  f.searcher->set_time_limit(1e-6);
  SearchResult result;
  SearchError error = f.searcher->search(browse, result);
  CHECK(error.code == ErrorCode::kTimeout);
  CHECK(error.message.find("1e-06 s limit") != std::string::npos);
  cs::query::MatchSummary summary;
  CHECK(f.searcher->summarize(browse, 5, summary).code == ErrorCode::kTimeout);
  cs::query::ClaimsRequest claims;
  cs::query::ClaimsResult ledger;
  CHECK(f.searcher->claims(claims, ledger).code == ErrorCode::kTimeout);
  f.searcher->set_time_limit(0);  // unbounded again
  CHECK(f.search(browse).total == total);
  f.searcher->set_time_limit(60);  // a generous bound changes nothing
  CHECK(f.search(browse).total == total);
}

TEST_CASE("opening reports missing indexes and other schema versions", "[searcher]") {
  cs::test::TempDir dir;
  SearchError error;
  CHECK_FALSE(Searcher::open(dir.path() + "/missing", error));
  CHECK(error.code == ErrorCode::kNoIndex);
  {
    Xapian::WritableDatabase db(dir.path() + "/old", Xapian::DB_CREATE);
    db.set_metadata(std::string(cs::schema::kMetaSchemaVersion), "0");
    db.commit();
  }
  CHECK_FALSE(Searcher::open(dir.path() + "/old", error));
  CHECK(error.code == ErrorCode::kSchemaVersion);
  CHECK(error.message.find("reindex") != std::string::npos);

  const std::string root = dir.path() + "/root";
  std::filesystem::create_directories(root);
  cs::test::write_index(root + "/gen-2", small_corpus());
  std::ofstream(root + "/XAPIANDB") << "auto gen-2\n";
  auto searcher = Searcher::open(root, error);
  REQUIRE(searcher);
  CHECK(searcher->generation() == "gen-2");
  CHECK(searcher->document_count() == 5);
}

TEST_CASE("Searchers on several threads answer at once as one thread does", "[searcher][threads]") {
  // searchd's model: one Searcher per worker thread. Nothing they share (facet columns,
  // Xapian statics) may be written without a lock; browse and open date ranges build
  // match-all queries, which once copied a Xapian static from every thread.
  Fixture f;
  std::vector<SearchRequest> requests = {text(""), text("shelling"), text("date:2015..2016"),
                                         text("date:.."), text("entity:\"deir al-zor\"")};
  requests[0].sort = SortOrder::kNewest;
  std::vector<std::vector<std::string>> expected;
  for (const auto& request : requests) expected.push_back(f.ids(request));

  constexpr int kThreads = 4;
  constexpr int kRounds = 100;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      SearchError error;
      auto searcher = Searcher::open(f.dir.path() + "/db", error);
      if (!searcher) {
        mismatches[t] = kRounds;
        return;
      }
      for (int round = 0; round < kRounds; ++round) {
        for (std::size_t i = 0; i < requests.size(); ++i) {
          SearchResult result;
          std::vector<std::string> ids;
          if (!searcher->search(requests[i], result)) {
            for (const auto& hit : result.hits) ids.push_back(hit.id);
          }
          if (ids != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(mismatches == std::vector<int>(kThreads, 0));
  CHECK(expected[0].size() == 5);
}

// Issue 20, defect 2: folding duplicates must never raise the count. Xapian's collapsed total is
// an estimate once the query has an exclusion (AND_NOT), so a folded search reported "about"
// more results than there were.
TEST_CASE("folding duplicates gives the exact number of folded results", "[searcher]") {
  std::vector<Article> articles;
  for (int i = 0; i < 3000; ++i) {
    const std::string id = "n" + std::to_string(1000 + i);
    Article a = make_article(id, "Strike report " + id, "Air strikes killed people near the town.",
                             i % 4 ? "Reuters" : "AFP",
                             "2016-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10));
    a.dup_cluster = "c" + std::to_string(i / 3);  // 1,000 stories, three copies each
    articles.push_back(a);
  }
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", articles);
  SearchError error;
  auto searcher = Searcher::open(dir.path() + "/db", error);
  REQUIRE(searcher);
  for (const SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    for (const int size : {1, 10, 100}) {
      CAPTURE(static_cast<int>(sort), size);
      SearchRequest request;
      request.text = "killed";
      request.filters = {{"outlet", "AFP", true}};  // an exclusion: Xapian's count turns inexact
      request.sort = sort;
      request.page_size = size;
      request.collapse = true;
      SearchResult result;
      REQUIRE_FALSE(searcher->search(request, result));
      CHECK(result.total == 1000);
      CHECK(result.total_exact);
      request.collapse = false;
      REQUIRE_FALSE(searcher->search(request, result));
      CHECK(result.total == 2250);
    }
  }
}

// Issue 20, defect 1: an entity filter highlighted the function words of its spellings ("for",
// "the", "and") everywhere, and an excluded entity's words too.
TEST_CASE("entity filters highlight their names and not function words or excluded names",
          "[searcher][snippet]") {
  Article sohr = make_article("s1", "Convoy report",
                              "The convoy was hit by the Islamic State, according to the Syrian "
                              "Observatory for Human Rights, and aid stopped for days.",
                              "Reuters", "2016-05-01");
  add_entity(sohr, "sohr", "Syrian Observatory for Human Rights");
  add_entity(sohr, "isis", "Islamic State");
  Article state = make_article("s2", "Convoy delayed",
                               "The convoy was delayed, the State Department said on Monday.",
                               "AFP", "2016-05-02");
  Article both = make_article("s3", "Convoy attacked",
                              "Islamic State fighters attacked the convoy, the State Department "
                              "said on Tuesday.",
                              "AFP", "2016-05-03");
  add_entity(both, "isis", "Islamic State");
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", {sohr, state, both});
  SearchError error;
  auto searcher = Searcher::open(dir.path() + "/db", error);
  REQUIRE(searcher);
  struct Case {
    const char* what;
    cs::query::Filter filter;
    std::string id;
    std::vector<std::string> marked;
    std::vector<std::string> unmarked;
    std::size_t hits = 1;  // of which `id` is checked
  };
  const Case cases[] = {
      {"included",
       {"org", "sohr", false},
       "s1",
       {"<mark>convoy</mark>", "<mark>Syrian</mark>", "<mark>Rights</mark>"},
       {"<mark>for</mark>", "<mark>the</mark>", "<mark>and</mark>"}},
      {"excluded", {"org", "isis", true}, "s2", {"<mark>convoy</mark>"}, {"<mark>State</mark>"}},
      // A word of a longer spelling alone is no mention: "State" of the State Department.
      {"word of a name",
       {"org", "isis", false},
       "s3",
       {"<mark>Islamic</mark> <mark>State</mark>", "<mark>convoy</mark>"},
       {"<mark>State</mark> Department"},
       2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    SearchRequest request;
    request.text = "convoy";
    request.filters = {c.filter};
    SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    REQUIRE(result.hits.size() == c.hits);
    const auto hit = std::find_if(result.hits.begin(), result.hits.end(),
                                  [&](const cs::query::Hit& h) { return h.id == c.id; });
    REQUIRE(hit != result.hits.end());
    for (const std::string& mark : c.marked) {
      CAPTURE(mark, hit->snippet);
      CHECK(hit->snippet.find(mark) != std::string::npos);
    }
    for (const std::string& mark : c.unmarked) {
      CAPTURE(mark, hit->snippet);
      CHECK(hit->snippet.find(mark) == std::string::npos);
    }
  }
}

// Issue 20, defect 8: related reports listed one story twice (its copies) and the article's own
// copies, even with folding on.
TEST_CASE("related reports list each story once and never the article's own copies", "[searcher]") {
  const std::string text = "Shelling of the old city of Aleppo killed residents near the citadel.";
  Article source = make_article("src", "Aleppo shelling", text, "Reuters", "2016-05-01");
  Article source_copy = source;
  source_copy.id = "src-copy";
  Article other =
      make_article("other", "Aleppo citadel shelled", text + " Rescuers dug.", "AFP", "2016-05-02");
  Article other_copy = other;
  other_copy.id = "other-copy";
  source.dup_cluster = source_copy.dup_cluster = "src";
  other.dup_cluster = other_copy.dup_cluster = "other";
  Article unrelated = make_article(
      "far", "Aleppo talks", "Talks on Aleppo in Geneva, near the old city.", "BBC", "2016-05-03");
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", {source, source_copy, other, other_copy, unrelated});
  SearchError error;
  auto searcher = Searcher::open(dir.path() + "/db", error);
  REQUIRE(searcher);
  SearchResult related;
  REQUIRE_FALSE(searcher->related("src", 10, related));
  std::vector<std::string> ids;
  for (const auto& hit : related.hits) ids.push_back(hit.id);
  CAPTURE(ids);
  CHECK(std::count(ids.begin(), ids.end(), "src") == 0);
  CHECK(std::count(ids.begin(), ids.end(), "src-copy") == 0);
  CHECK(std::count(ids.begin(), ids.end(), "other") +
            std::count(ids.begin(), ids.end(), "other-copy") ==
        1);
}
