#include "query/parallel_match.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "fixture.h"
#include "query/json.h"
#include "query/search.h"

using cs::query::Filter;
using cs::query::SearchRequest;
using cs::query::SortOrder;

namespace {

// The document ids each stripe's filter lets through, over `db`.
std::vector<std::set<Xapian::docid>> stripe_members(const Xapian::Database& db,
                                                    Xapian::docid stripes, Xapian::docid width) {
  std::vector<std::set<Xapian::docid>> members(stripes);
  for (Xapian::docid s = 0; s < stripes; ++s) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll,
                                    cs::query::docid_stripe(s, stripes, width)));
    const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) members[s].insert(*it);
  }
  return members;
}

}  // namespace

TEST_CASE("docid stripes deal every document to exactly one stripe", "[parallel]") {
  struct Case {
    Xapian::docid documents, stripes, width;
  };
  const std::vector<Case> cases = {{50, 2, 1},      {50, 3, 4}, {37, 4, 5},
                                   {100, 2, 32768}, {1, 2, 1},  {64, 2, 8}};
  for (const Case& c : cases) {
    cs::test::TempDir dir;
    Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE);
    for (Xapian::docid i = 0; i < c.documents; ++i) db.add_document(Xapian::Document());
    // Gaps, as deletions leave them: every seventh id, and the last.
    for (Xapian::docid id = 7; id <= c.documents; id += 7) db.delete_document(id);
    if (c.documents % 7 != 0) db.delete_document(c.documents);
    db.commit();
    const auto members = stripe_members(db, c.stripes, c.width);
    std::set<Xapian::docid> seen;
    for (Xapian::docid s = 0; s < c.stripes; ++s) {
      for (Xapian::docid id : members[s]) {
        INFO("documents " << c.documents << " stripes " << c.stripes << " width " << c.width
                          << " id " << id);
        CHECK((id - 1) / c.width % c.stripes == s);
        CHECK(seen.insert(id).second);
      }
    }
    std::set<Xapian::docid> all;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) all.insert(*it);
    CHECK(seen == all);
  }
}

TEST_CASE("stripe widths give every stripe several blocks and stay bounded", "[parallel]") {
  CHECK(cs::query::stripe_width(0, 2) == 1);
  CHECK(cs::query::stripe_width(600, 2) == 37);
  CHECK(cs::query::stripe_width(1000000, 2) == cs::query::kMaxStripeWidth);
  CHECK(cs::query::stripe_width(4000000000u, 3) == cs::query::kMaxStripeWidth);
}

TEST_CASE("a search split over threads answers exactly as one thread", "[parallel]") {
  // Articles over several outlets, dates and entities, with copies folded into clusters that
  // lie far apart in the index (so a cluster has members in several stripes).
  const std::vector<std::string> outlets = {"Reuters", "BBC", "Al Jazeera", "RT"};
  const std::vector<std::string> words = {"strike", "shelling", "convoy", "ceasefire", "market"};
  const std::vector<std::string> entities = {"deir-ez-zor", "bashar-al-assad", "isis", "sohr"};
  std::mt19937 rng(7);
  std::vector<cs::Article> articles;
  for (int i = 0; i < 600; ++i) {
    std::string text = "report";
    for (const std::string& w : words) {
      for (unsigned k = rng() % 3; k > 0; --k) text += " " + w;
    }
    // Three words always found together (equal term frequencies), repeated unevenly: their
    // weights sum in an order Xapian picks among equals, which the split must not change.
    if (i % 3 == 0) {
      for (const char* w : {"alpha", "beta", "gamma"}) {
        for (unsigned k = 1 + rng() % 4; k > 0; --k) text += " " + std::string(w);
      }
    }
    const int year = 2012 + static_cast<int>(rng() % 8);
    const int month = 1 + static_cast<int>(rng() % 12);
    std::string date = std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
    if (i % 13 == 0) date.clear();
    cs::Article a = cs::test::make_article("doc" + std::to_string(i), "title " + words[i % 5], text,
                                           outlets[rng() % outlets.size()], date);
    for (const std::string& id : entities) {
      if (rng() % 3 == 0) cs::test::add_entity(a, id, id);
    }
    if (i % 4 == 0) a.dup_cluster = "cluster" + std::to_string(i % 40);
    articles.push_back(std::move(a));
  }
  cs::test::TempDir dir;
  const std::string path = dir.path() + "/db";
  cs::test::write_index(path, articles);

  cs::query::SearchError error;
  auto one = cs::query::Searcher::open(path, error);
  REQUIRE(one);
  one->set_match_threads(1);
  struct Request {
    std::string text;
    std::vector<Filter> filters;
    SortOrder sort;
    bool collapse;
    int page, size;
  };
  const std::vector<Request> requests = {
      {"strike", {}, SortOrder::kRelevance, false, 1, 10},
      {"strike", {}, SortOrder::kRelevance, true, 1, 10},
      {"convoy OR market", {}, SortOrder::kNewest, false, 2, 20},
      {"convoy OR market", {}, SortOrder::kOldest, true, 3, 15},
      {"", {}, SortOrder::kNewest, false, 1, 10},
      {"", {}, SortOrder::kNewest, true, 5, 25},
      {"", {{"outlet", "BBC"}}, SortOrder::kOldest, true, 1, 100},
      {"shelling ceasefire", {{"person", "bashar-al-assad"}}, SortOrder::kRelevance, true, 1, 10},
      {"\"strike shelling\"", {}, SortOrder::kRelevance, false, 1, 10},
      {"report", {{"outlet", "-RT"}}, SortOrder::kAdded, false, 2, 50},
      {"market", {}, SortOrder::kRelevance, true, 30, 10},  // past the last folded result
      {"nothingmatches", {}, SortOrder::kRelevance, true, 1, 10},
      {"alpha beta gamma", {{"outlet", "BBC"}}, SortOrder::kRelevance, false, 1, 100},
      {"alpha beta gamma report", {}, SortOrder::kRelevance, false, 1, 100},
      {"alpha beta gamma",
       {{"outlet", "BBC"}, {"person", "bashar-al-assad"}},
       SortOrder::kRelevance,
       false,
       1,
       100},
      {"alpha beta", {{"outlet", "-RT"}}, SortOrder::kRelevance, false, 1, 100},
      {"alpha gamma beta", {{"place", "deir-ez-zor"}}, SortOrder::kRelevance, false, 1, 100},
      {"beta gamma alpha", {}, SortOrder::kRelevance, false, 1, 100},
  };
  for (unsigned threads : {2u, 3u}) {
    auto split = cs::query::Searcher::open(path, error);
    REQUIRE(split);
    split->set_match_threads(threads, 0);
    for (const Request& r : requests) {
      SearchRequest request;
      request.text = r.text;
      request.filters = r.filters;
      request.sort = r.sort;
      request.collapse = r.collapse;
      request.page = r.page;
      request.page_size = r.size;
      cs::query::SearchResult a;
      cs::query::SearchResult b;
      REQUIRE_FALSE(one->search(request, a));
      REQUIRE_FALSE(split->search(request, b));
      auto ja = cs::query::to_json(a);
      auto jb = cs::query::to_json(b);
      ja.erase("took_ms");
      jb.erase("took_ms");
      INFO("threads " << threads << " query '" << r.text << "' page " << r.page
                      << (r.collapse ? " folded" : ""));
      CHECK(ja.dump() == jb.dump());
    }
    // Every request but the page past the end of the folded results ran split.
    CHECK(split->split_searches() >= static_cast<std::int64_t>(requests.size()) - 1);
    CHECK(one->split_searches() == 0);
  }
}

TEST_CASE("a split search past the time limit fails as a whole search does", "[parallel]") {
  std::vector<cs::Article> articles;
  for (int i = 0; i < 300; ++i) {
    articles.push_back(cs::test::make_article("doc" + std::to_string(i), "title",
                                              "report strike convoy", "BBC", "2016-05"));
  }
  cs::test::TempDir dir;
  const std::string path = dir.path() + "/db";
  cs::test::write_index(path, articles);
  cs::query::SearchError error;
  auto searcher = cs::query::Searcher::open(path, error);
  REQUIRE(searcher);
  searcher->set_match_threads(2, 0);
  searcher->set_time_limit(1e-9);
  SearchRequest request;
  request.text = "report";
  cs::query::SearchResult result;
  CHECK(searcher->search(request, result).code == cs::query::ErrorCode::kTimeout);
  searcher->set_time_limit(0);
  REQUIRE_FALSE(searcher->search(request, result));
  CHECK(result.total == 300);
}
