#include "query/facets.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "core/normalize.h"
#include "core/schema.h"
#include "fixture.h"
#include "query/search.h"

using cs::Article;
using cs::query::Filter;
using cs::query::SearchRequest;
using FacetMap = std::map<std::string, std::map<std::string, std::int64_t>>;

namespace {

const std::vector<std::string> kOutlets = {"Reuters", "BBC", "Al Jazeera", "RT", "Enab Baladi"};
const std::vector<std::string> kWords = {"alpha", "beta", "gamma", "delta"};
const std::vector<std::string> kEntities = {
    "deir-ez-zor", "bashar-al-assad", "isis", "united-states", "sohr", "x-abuone"};

std::vector<Article> synthetic_corpus(int n) {
  std::mt19937 rng(42);
  auto pick = [&](std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size - 1)(rng);
  };
  std::vector<Article> articles;
  for (int i = 0; i < n; ++i) {
    std::string text = "report";
    for (const std::string& w : kWords) {
      if (rng() % 3 == 0) text += " " + w;
    }
    const int year = 2011 + static_cast<int>(pick(10));
    const int month = 1 + static_cast<int>(pick(12));
    std::string date = std::to_string(year) + (month < 10 ? "-0" : "-") + std::to_string(month);
    if (i % 17 == 0) date.clear();
    Article a = cs::test::make_article("doc" + std::to_string(i), "title", text,
                                       kOutlets[pick(kOutlets.size())], date);
    for (const std::string& id : kEntities) {
      if (rng() % 4 == 0) cs::test::add_entity(a, id, id);
    }
    if (rng() % 3 == 0) a.sources.push_back({"sohr", "SOHR"});
    if (rng() % 5 == 0) a.sources.push_back({"", "Local Council"});
    articles.push_back(std::move(a));
  }
  return articles;
}

bool has_entity(const Article& a, const std::string& id) {
  for (const auto& e : a.entities) {
    if (e.id == id) return true;
  }
  return false;
}

// The brute-force facet counts of the articles `request` should match.
FacetMap brute_force(const std::vector<Article>& articles, const SearchRequest& request) {
  FacetMap counts;
  for (const Article& a : articles) {
    if (!request.text.empty() &&
        (" " + a.text + " ").find(" " + request.text + " ") == std::string::npos)
      continue;
    bool outlet_wanted = false;  // some outlet is required
    bool outlet_ok = false;
    bool excluded = false;
    for (const Filter& f : request.filters) {
      const bool hit = f.field == "outlet" ? cs::fold_key(a.outlet) == cs::fold_key(f.value)
                                           : has_entity(a, f.value);
      if (f.exclude && hit) excluded = true;
      if (!f.exclude && f.field == "outlet") {
        outlet_wanted = true;
        outlet_ok = outlet_ok || hit;
      }
    }
    if (excluded || (outlet_wanted && !outlet_ok)) continue;
    ++counts["outlet"][a.outlet];
    const std::string iso = a.published.iso();
    if (!iso.empty()) {
      ++counts["year"][iso.substr(0, 4)];
      ++counts["month"][iso.substr(0, 7)];
    }
    for (const auto& e : a.entities) {
      if (e.type != cs::EntityType::kOther)
        ++counts[std::string(cs::entity_type_name(e.type))][e.id];
    }
    for (const auto& s : a.sources) {
      ++counts["source"][s.id.empty() ? cs::schema::unknown_name_id(s.name) : s.id];
    }
  }
  return counts;
}

FacetMap from_result(const cs::query::SearchResult& result) {
  FacetMap counts;
  for (const auto& facet : result.facets) {
    for (const auto& v : facet.values) counts[facet.name][v.id] = v.count;
  }
  return counts;
}

}  // namespace

TEST_CASE("facet counts equal a brute-force count over the documents", "[facets]") {
  const std::vector<Article> articles = synthetic_corpus(3000);
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", articles);
  cs::query::SearchError error;
  auto searcher = cs::query::Searcher::open(dir.path() + "/db", error);
  REQUIRE(searcher);

  struct Case {
    std::string text;
    std::vector<Filter> filters;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"alpha", {}},
      {"gamma", {{"outlet", "Reuters", false}, {"outlet", "bbc", false}}},
      {"", {{"outlet", "Al Jazeera", true}}},
      {"beta", {{"entity", "isis", true}, {"entity", "x-abuone", true}}},
  };
  for (const Case& c : cases) {
    SearchRequest request;
    request.text = c.text;
    request.filters = c.filters;
    request.facet_limit = 1000;
    cs::query::SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    CAPTURE(c.text, c.filters.size());
    CHECK(result.facets_exact);
    FacetMap expected = brute_force(articles, request);
    FacetMap actual = from_result(result);
    for (auto& [facet, values] : actual) {  // facets with no values are listed but empty
      if (values.empty()) expected[facet];
    }
    CHECK(actual == expected);
    std::int64_t timeline_total = 0;
    for (const auto& bucket : result.timeline) timeline_total += bucket.count;
    std::int64_t month_total = 0;
    for (const auto& [month, count] : expected["month"]) month_total += count;
    CHECK(timeline_total == month_total);
  }
}

TEST_CASE("in-memory columns and slot spies count the same", "[facets]") {
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", synthetic_corpus(1500));
  Xapian::Database db(dir.path() + "/db");
  const auto columns = cs::query::FacetColumns::build(db);
  for (const std::string term : {"alpha", "delta", "report"}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    auto by_columns = columns->make_counter();
    auto by_slots = cs::query::make_slot_counter(cs::query::used_facet_slots(db));
    by_columns->attach(enquire);
    by_slots->attach(enquire);
    enquire.get_mset(0, 10, db.get_doccount());
    CAPTURE(term);
    CHECK(by_columns->counts().by_facet == by_slots->counts().by_facet);
    CHECK(by_columns->counts().documents_seen == by_slots->counts().documents_seen);
  }
}

TEST_CASE("top facets keep selected values outside the top N", "[facets]") {
  cs::query::FacetCounts counts;
  counts.by_facet.resize(cs::schema::facet_fields().size());
  counts.by_facet[0] = {{"A", 5}, {"B", 9}, {"C", 1}, {"D", 5}};
  const auto namer = [](const cs::schema::Field&, const std::string& v) { return "name of " + v; };
  const auto facets = cs::query::top_facets(counts, 2, {{"C", "Z"}}, namer);
  REQUIRE(facets[0].name == "outlet");
  std::vector<std::pair<std::string, std::int64_t>> got;
  for (const auto& v : facets[0].values) got.emplace_back(v.id, v.count);
  CHECK(got ==
        std::vector<std::pair<std::string, std::int64_t>>{{"B", 9}, {"A", 5}, {"C", 1}, {"Z", 0}});
  CHECK(facets[0].values[0].value == "name of B");
}

// Issue 20, defect 3: the year facet listed the 10 busiest years, so a search could not offer
// the quiet ones; years and months are a calendar: all of them, oldest first.
TEST_CASE("year and month facets list every period oldest first", "[facets]") {
  const auto fields = cs::schema::facet_fields();
  cs::query::FacetCounts counts;
  counts.by_facet.resize(fields.size());
  std::size_t year = fields.size();
  std::size_t month = fields.size();
  for (std::size_t f = 0; f < fields.size(); ++f) {
    if (fields[f]->name == "year") year = f;
    if (fields[f]->name == "month") month = f;
  }
  REQUIRE(year < fields.size());
  REQUIRE(month < fields.size());
  for (int y = 2011; y <= 2024; ++y) counts.by_facet[year][std::to_string(y)] = 100 - y % 7;
  counts.by_facet[month] = {{"2016-03", 2}, {"2011-01", 9}, {"2024-12", 1}};
  const auto namer = [](const cs::schema::Field&, const std::string& v) { return v; };
  const auto facets = cs::query::top_facets(counts, 3, {}, namer);
  std::vector<std::string> years;
  for (const auto& v : facets[year].values) years.push_back(v.id);
  CHECK(years.size() == 14);
  CHECK(years.front() == "2011");
  CHECK(years.back() == "2024");
  CHECK(std::is_sorted(years.begin(), years.end()));
  std::vector<std::string> months;
  for (const auto& v : facets[month].values) months.push_back(v.id);
  CHECK(months == std::vector<std::string>{"2011-01", "2016-03", "2024-12"});
}

TEST_CASE("facet columns are shared per database revision", "[facets]") {
  cs::test::TempDir dir;
  cs::test::write_index(dir.path() + "/db", synthetic_corpus(50));
  const Xapian::Database first(dir.path() + "/db");
  const Xapian::Database second(dir.path() + "/db");
  const auto a = cs::query::FacetColumns::shared(first);
  CHECK(a == cs::query::FacetColumns::shared(second));
  cs::test::write_index(dir.path() + "/db", synthetic_corpus(60));
  const Xapian::Database rebuilt(dir.path() + "/db");
  CHECK(a != cs::query::FacetColumns::shared(rebuilt));
}
