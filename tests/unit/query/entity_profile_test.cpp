// Entity pages (query/entity_profile.h) on a fixture index whose articles name gazetteer
// entities under different spellings: the page agrees with a search filtered by the entity.
#include "query/entity_profile.h"

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/schema.h"
#include "fixture.h"
#include "query/search.h"

using cs::Article;
using cs::query::EntityProfile;
using cs::query::ErrorCode;
using cs::query::FacetCount;
using cs::query::FacetResult;
using cs::query::Searcher;
using cs::query::SearchError;
using cs::query::SearchRequest;
using cs::query::SearchResult;
using cs::test::add_entity;
using cs::test::make_article;

namespace {

// The id the indexer gives the unknown name "Abu Hamza".
std::string abu_hamza_id() { return cs::schema::unknown_name_id("Abu Hamza"); }

// Islamic State in six articles under three spellings (Daesh 3, ISIS 2, Islamic State 1), one
// of them undated; Deir ez-Zor in three under three spellings; an unknown name in one; SOHR
// (in the gazetteer) cited as a source by two, but mentioned by none.
std::vector<Article> entity_corpus() {
  Article e1 = make_article("e1", "ISIS fighters near Deir ez-Zor",
                            "ISIS fighters attacked Deir ez-Zor; Assad's forces answered.",
                            "Reuters", "2016-03-01");
  add_entity(e1, "isis", "ISIS");
  add_entity(e1, "bashar-al-assad", "Assad");
  add_entity(e1, "deir-ez-zor", "Deir ez-Zor");
  e1.sources.push_back({"sohr", "Syrian Observatory for Human Rights"});
  Article e2 = make_article("e2", "Daesh shells Dayr az-Zawr", "Daesh shelled Dayr az-Zawr again.",
                            "BBC", "2016-04-02");
  add_entity(e2, "isis", "Daesh");
  add_entity(e2, "deir-ez-zor", "Dayr az-Zawr");
  Article e3 = make_article("e3", "US strikes ISIS", "The US struck ISIS positions.", "Reuters",
                            "2016-05-03");
  add_entity(e3, "isis", "ISIS");
  add_entity(e3, "united-states", "US");
  e3.sources.push_back({"sohr", "SOHR"});
  e3.sources.push_back({"", "Local Council"});
  Article e4 = make_article("e4", "Islamic State statement", "Islamic State issued a statement.",
                            "AFP", "2015-12-10");
  add_entity(e4, "isis", "Islamic State");
  Article e5 = make_article("e5", "Bashar al-Assad visits Deir Ezzor",
                            "Bashar al-Assad visited Deir Ezzor.", "RT", "2016-06-01");
  add_entity(e5, "bashar-al-assad", "Bashar al-Assad");
  add_entity(e5, "deir-ez-zor", "Deir Ezzor");
  Article e6 = make_article("e6", "Market news", "Wheat prices rose.", "BBC", "2016-02-02");
  Article e7 = make_article("e7", "Daesh video", "Daesh released a video.", "AFP", "");
  add_entity(e7, "isis", "Daesh");
  Article e8 =
      make_article("e8", "Abu Hamza and Daesh", "Abu Hamza joined Daesh.", "Reuters", "2016-05-20");
  add_entity(e8, "isis", "Daesh");
  add_entity(e8, abu_hamza_id(), "Abu Hamza");
  return {e1, e2, e3, e4, e5, e6, e7, e8};
}

struct Fixture {
  cs::test::TempDir dir;
  std::unique_ptr<Searcher> searcher;
  Fixture() {
    cs::test::write_index(dir.path() + "/db", entity_corpus());
    SearchError error;
    searcher = Searcher::open(dir.path() + "/db", error);
    INFO(error.message);
    REQUIRE(searcher);
  }
  EntityProfile profile(const std::string& id_or_name, const SearchRequest& scope = {}) {
    EntityProfile p;
    const SearchError error = cs::query::entity_profile(*searcher, id_or_name, scope, p);
    INFO(id_or_name << ": " << error.message);
    REQUIRE_FALSE(error);
    return p;
  }
  // A search of `scope` filtered by entity `id`.
  SearchResult filtered(const std::string& id, SearchRequest scope = {}) {
    cs::query::Filter entity{"entity", id, false};
    entity.required = true;  // ANDed with the scope's own entity filters, as the page does
    scope.filters.push_back(entity);
    scope.facet_limit = 50;
    SearchResult result;
    REQUIRE_FALSE(searcher->search(scope, result));
    return result;
  }
};

// The count of `id` in facet `name` of `result` (0 when absent).
std::int64_t facet_count(const SearchResult& result, const std::string& name,
                         const std::string& id) {
  for (const FacetResult& facet : result.facets) {
    if (facet.name != name) continue;
    for (const FacetCount& value : facet.values) {
      if (value.id == id) return value.count;
    }
  }
  return 0;
}

const std::vector<FacetCount>& facet_of(const SearchResult& result, const std::string& name) {
  for (const FacetResult& facet : result.facets) {
    if (facet.name == name) return facet.values;
  }
  FAIL("no facet " << name);
  return result.facets.front().values;
}

std::map<std::string, std::int64_t> as_map(const std::vector<FacetCount>& counts) {
  std::map<std::string, std::int64_t> out;
  for (const FacetCount& c : counts) out[c.id.empty() ? c.value : c.id] = c.count;
  return out;
}

// What every page must agree on with the search filtered by its entity.
void check_against_search(Fixture& f, const EntityProfile& p, const SearchRequest& scope = {}) {
  INFO("entity " << p.entity.id);
  const SearchResult result = f.filtered(p.entity.id, scope);
  CHECK(p.articles == result.total);
  if (p.entity.type == "person" || p.entity.type == "org" || p.entity.type == "place") {
    CHECK(p.articles == facet_count(result, p.entity.type, p.entity.id));
  }
  // Co-occurring entities: the facets of that search, without the entity itself.
  REQUIRE(p.cooccurring.size() == 3);
  std::set<std::string> types;
  for (const FacetResult& facet : p.cooccurring) {
    INFO("co-occurring " << facet.name);
    types.insert(facet.name);
    std::map<std::string, std::int64_t> expected = as_map(facet_of(result, facet.name));
    expected.erase(p.entity.id);
    CHECK(as_map(facet.values) == expected);
    for (std::size_t i = 1; i < facet.values.size(); ++i) {
      CHECK(facet.values[i - 1].count >= facet.values[i].count);
    }
  }
  CHECK(types == std::set<std::string>{"person", "org", "place"});
  CHECK(as_map(p.outlets) == as_map(facet_of(result, "outlet")));
  // Cited sources: the search's (leaving the entity itself aside, which the page may omit).
  std::map<std::string, std::int64_t> sources = as_map(p.sources);
  std::map<std::string, std::int64_t> cited = as_map(facet_of(result, "source"));
  sources.erase(p.entity.id);
  cited.erase(p.entity.id);
  CHECK(sources == cited);
  // The timeline is the search's.
  REQUIRE(p.timeline.size() == result.timeline.size());
  for (std::size_t i = 0; i < p.timeline.size(); ++i) {
    CHECK(p.timeline[i].period == result.timeline[i].period);
    CHECK(p.timeline[i].count == result.timeline[i].count);
  }
  // Spellings: each article here writes the entity one way, so they add up to the articles.
  std::int64_t spelled = 0;
  for (std::size_t i = 0; i < p.spellings.size(); ++i) {
    spelled += p.spellings[i].count;
    if (i > 0) CHECK(p.spellings[i - 1].count >= p.spellings[i].count);
  }
  CHECK(spelled == p.articles);
  CHECK(p.spellings_from == p.articles);
  // Newest first, every one mentioning the entity.
  CHECK(p.newest.size() == std::min<std::size_t>(p.articles, cs::query::kProfileNewest));
  for (std::size_t i = 0; i < p.newest.size(); ++i) {
    bool mentions = false;
    for (const auto& e : p.newest[i].entities) mentions = mentions || e.id == p.entity.id;
    CHECK(mentions);
    if (i > 0 && p.newest[i].published) {
      REQUIRE(p.newest[i - 1].published);  // undated ones come last
      CHECK(*p.newest[i - 1].published >= *p.newest[i].published);
    }
  }
}

}  // namespace

TEST_CASE("entity profile: by id and by any spelling", "[query][entity_profile]") {
  Fixture f;
  for (const std::string name : {"isis", "Daesh", "daesh", "ISIS", "Islamic State", "ISIL"}) {
    INFO("asked for " << name);
    const EntityProfile p = f.profile(name);
    CHECK(p.entity.id == "isis");
    CHECK(p.entity.name == "Islamic State");
    CHECK(p.entity.type == "org");
    CHECK(p.articles == 6);
    check_against_search(f, p);
  }
}

TEST_CASE("entity profile: spellings co-occurring entities outlets and newest",
          "[query][entity_profile]") {
  Fixture f;
  const EntityProfile p = f.profile("isis");
  check_against_search(f, p);
  // Every surface form with the number of articles writing it, most used first.
  REQUIRE(p.spellings.size() == 3);
  CHECK(p.spellings[0].value == "Daesh");
  CHECK(p.spellings[0].count == 3);
  CHECK(p.spellings[1].value == "ISIS");
  CHECK(p.spellings[1].count == 2);
  CHECK(p.spellings[2].value == "Islamic State");
  CHECK(p.spellings[2].count == 1);
  CHECK(p.spellings_from == 6);
  // The others named with it, never itself.
  std::map<std::string, std::map<std::string, std::int64_t>> with;
  for (const FacetResult& facet : p.cooccurring) with[facet.name] = as_map(facet.values);
  CHECK(with["org"].empty());
  CHECK(with["person"] == std::map<std::string, std::int64_t>{{"bashar-al-assad", 1}});
  CHECK(with["place"] ==
        std::map<std::string, std::int64_t>{{"deir-ez-zor", 2}, {"united-states", 1}});
  REQUIRE(p.outlets.size() == 3);
  CHECK(p.outlets[0].value == "Reuters");
  CHECK(p.outlets[0].count == 3);
  CHECK(as_map(p.outlets) ==
        std::map<std::string, std::int64_t>{{"Reuters", 3}, {"AFP", 2}, {"BBC", 1}});
  // The five newest, newest first; the undated e7 is the sixth.
  std::vector<std::string> newest;
  for (const auto& hit : p.newest) newest.push_back(hit.id);
  CHECK(newest == std::vector<std::string>{"e8", "e3", "e2", "e1", "e4"});
  CHECK(p.incidents.empty());
  CHECK(p.incidents_total == 0);
  // Sources cited by the articles: SOHR twice, a council not in the gazetteer once.
  REQUIRE(p.sources.size() == 2);
  CHECK(p.sources[0].id == "sohr");
  CHECK(p.sources[0].count == 2);
  CHECK(p.sources[1].value == "Local Council");
  CHECK(p.sources[1].count == 1);

  // Another entity's page leaves itself out of its own type too.
  const EntityProfile deir = f.profile("Dayr az-Zawr");
  check_against_search(f, deir);
  CHECK(deir.entity.id == "deir-ez-zor");
  CHECK(deir.articles == 3);
  CHECK(as_map(deir.spellings) == std::map<std::string, std::int64_t>{
                                      {"Deir ez-Zor", 1}, {"Dayr az-Zawr", 1}, {"Deir Ezzor", 1}});
  for (const FacetResult& facet : deir.cooccurring) {
    for (const FacetCount& value : facet.values) CHECK(value.id != "deir-ez-zor");
    if (facet.name == "person") {
      CHECK(as_map(facet.values) == std::map<std::string, std::int64_t>{{"bashar-al-assad", 2}});
    }
    if (facet.name == "org") {
      CHECK(as_map(facet.values) == std::map<std::string, std::int64_t>{{"isis", 2}});
    }
  }
}

TEST_CASE("entity profile: the scope narrows every section", "[query][entity_profile]") {
  Fixture f;
  SearchRequest reuters;
  reuters.filters.push_back({"outlet", "Reuters", false});
  const EntityProfile p = f.profile("Daesh", reuters);
  check_against_search(f, p, reuters);
  CHECK(p.articles == 3);  // e1, e3, e8
  CHECK(as_map(p.spellings) == std::map<std::string, std::int64_t>{{"ISIS", 2}, {"Daesh", 1}});
  CHECK(as_map(p.outlets) == std::map<std::string, std::int64_t>{{"Reuters", 3}});

  SearchRequest dated;
  dated.from = "2016";
  const EntityProfile d = f.profile("isis", dated);
  check_against_search(f, d, dated);
  CHECK(d.articles == 4);  // e1, e2, e3, e8: e4 is of 2015 and e7 undated

  SearchRequest text;
  text.text = "statement";
  const EntityProfile t = f.profile("isis", text);
  check_against_search(f, t, text);
  CHECK(t.articles == 1);
  REQUIRE(t.newest.size() == 1);
  CHECK(t.newest[0].id == "e4");

  // An entity filter of the scope narrows the page: both entities, not either.
  SearchRequest with_deir;
  with_deir.filters.push_back({"entity", "deir-ez-zor", false});
  const EntityProfile both = f.profile("isis", with_deir);
  check_against_search(f, both, with_deir);
  CHECK(both.articles == 2);  // e1, e2
  CHECK(as_map(both.spellings) == std::map<std::string, std::int64_t>{{"ISIS", 1}, {"Daesh", 1}});
  SearchRequest in_place;
  in_place.filters.push_back({"place", "Deir Ezzor", false});
  in_place.filters.push_back({"place", "US", false});
  const EntityProfile either = f.profile("isis", in_place);
  check_against_search(f, either, in_place);
  CHECK(either.articles == 3);  // e1, e2 (Deir ez-Zor) or e3 (US)
  SearchRequest without_deir;
  without_deir.filters.push_back({"entity", "deir-ez-zor", true});
  const EntityProfile apart = f.profile("isis", without_deir);
  check_against_search(f, apart, without_deir);
  CHECK(apart.articles == 4);  // e3, e4, e7, e8

  // Paging and order of the scope do not change the page.
  SearchRequest paged;
  paged.page = 3;
  paged.page_size = 1;
  paged.sort = cs::query::SortOrder::kOldest;
  const EntityProfile g = f.profile("isis", paged);
  CHECK(g.articles == 6);
  CHECK(g.newest.size() == 5);
  CHECK(g.newest[0].id == "e8");
}

TEST_CASE("entity profile: an unknown x- name", "[query][entity_profile]") {
  Fixture f;
  for (const std::string& name : {abu_hamza_id(), std::string("Abu Hamza")}) {
    INFO("asked for " << name);
    const EntityProfile p = f.profile(name);
    CHECK(p.entity.id == abu_hamza_id());
    CHECK(p.entity.name == "Abu Hamza");
    CHECK(p.articles == 1);
    check_against_search(f, p);
    REQUIRE(p.spellings.size() == 1);
    CHECK(p.spellings[0].value == "Abu Hamza");
    for (const FacetResult& facet : p.cooccurring) {
      if (facet.name == "org") {
        CHECK(as_map(facet.values) == std::map<std::string, std::int64_t>{{"isis", 1}});
      }
    }
  }
}

TEST_CASE("entity profile: unknown names and entities no article mentions are not found",
          "[query][entity_profile]") {
  Fixture f;
  SearchRequest afp;
  afp.filters.push_back({"outlet", "AFP", false});
  struct Case {
    std::string name;
    SearchRequest scope;
  };
  const Case cases[] = {
      {"Nobody Knows", {}},   // neither the gazetteer nor the index knows it
      {"x-nobodyknows", {}},  // an x- id no article has
      {"sohr", {}},           // in the gazetteer, only cited as a source
      {"SOHR", {}},           // the same by a spelling
      {"Deir ez-Zor", afp},   // mentioned, but not in the scope
  };
  for (const Case& c : cases) {
    INFO(c.name);
    EntityProfile p;
    p.articles = 99;
    const SearchError error = cs::query::entity_profile(*f.searcher, c.name, c.scope, p);
    CHECK(error.code == ErrorCode::kNotFound);
    CHECK_FALSE(error.message.empty());
  }
}

TEST_CASE("entity profile JSON: the documented keys", "[query][entity_profile]") {
  Fixture f;
  const EntityProfile p = f.profile("Daesh");
  const nlohmann::json j = cs::query::entity_profile_json(p);
  const auto keys = [](const nlohmann::json& object) {
    std::set<std::string> out;
    for (const auto& item : object.items()) out.insert(item.key());
    return out;
  };
  CHECK(keys(j) == std::set<std::string>{"id", "name", "type", "articles", "spellings",
                                         "spellings_from", "timeline", "cooccurring", "outlets",
                                         "sources", "newest", "incidents", "incidents_total",
                                         "warnings"});
  CHECK(j["id"] == "isis");
  CHECK(j["name"] == "Islamic State");
  CHECK(j["type"] == "org");
  CHECK(j["articles"] == 6);
  CHECK(j["spellings_from"] == 6);
  REQUIRE(j["spellings"].size() == 3);
  for (const auto& s : j["spellings"]) {
    CHECK(keys(s) == std::set<std::string>{"spelling", "articles"});
  }
  CHECK(j["spellings"][0]["spelling"] == "Daesh");
  CHECK(j["spellings"][0]["articles"] == 3);
  REQUIRE(j["timeline"].size() == p.timeline.size());
  for (const auto& b : j["timeline"]) CHECK(keys(b) == std::set<std::string>{"period", "count"});
  CHECK(keys(j["cooccurring"]) == std::set<std::string>{"person", "org", "place"});
  for (const char* type : {"person", "org", "place"}) {
    for (const auto& v : j["cooccurring"][type]) {
      CHECK(keys(v) == std::set<std::string>{"value", "id", "count"});
    }
  }
  CHECK(j["cooccurring"]["place"][0]["id"] == "deir-ez-zor");
  CHECK(j["cooccurring"]["place"][0]["value"] == "Deir ez-Zor");
  CHECK(j["cooccurring"]["place"][0]["count"] == 2);
  REQUIRE(j["outlets"].size() == 3);
  for (const auto& v : j["outlets"])
    CHECK(keys(v) == std::set<std::string>{"value", "id", "count"});
  REQUIRE(j["sources"].size() == 2);
  for (const auto& v : j["sources"])
    CHECK(keys(v) == std::set<std::string>{"value", "id", "count"});
  CHECK(j["sources"][0]["id"] == "sohr");
  REQUIRE(j["newest"].size() == 5);
  CHECK(j["newest"][0]["id"] == "e8");
  CHECK(j["newest"][0].contains("title"));
  CHECK(j["incidents"].is_array());
  CHECK(j["incidents_total"] == 0);
  CHECK(j["warnings"].is_array());
}
