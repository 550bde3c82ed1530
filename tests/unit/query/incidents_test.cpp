// Tests of incident grouping (query/incidents.h) and the ledger's summaries
// (query/claims_ledger.h) over hand-made claim records from several articles and outlets.
#include "query/incidents.h"

#include <catch2/catch.hpp>

#include "query/claims_ledger.h"

namespace {

using cs::Outcome;
using cs::VictimClass;
// One article with one claim.
struct Record {
  std::uint32_t article;
  std::string article_id, cluster, outlet;
  cs::ClaimKey key;
};

Record record(std::uint32_t article, const std::string& place, const std::string& date,
              std::int64_t value, VictimClass victims = VictimClass::kCivilians,
              const std::string& claimant = "sohr", const std::string& outlet = "",
              const std::string& group = "", const std::string& cluster = "") {
  Record r;
  r.article = article;
  r.article_id = "a" + std::to_string(article);
  r.cluster = cluster.empty() ? r.article_id : cluster;
  r.outlet = outlet.empty() ? "Outlet " + std::to_string(article) : outlet;
  r.key.low = r.key.high = value;
  r.key.magnitude = value >= 100 ? 2 : 1;
  r.key.outcome = Outcome::kKilled;
  r.key.victim_class = victims;
  r.key.group_id = group;
  r.key.claimant_id = claimant;
  r.key.place_id = place;
  r.key.event_date = date;
  return r;
}

cs::query::ClaimTable table_of(const std::vector<Record>& records) {
  cs::query::ClaimTable table;
  for (const Record& r : records) table.add({r.key}, r.article, r.article_id, r.cluster, r.outlet);
  table.finish();
  return table;
}

std::vector<std::uint32_t> all_rows(const cs::query::ClaimTable& table) {
  std::vector<std::uint32_t> rows(table.rows().size());
  for (std::uint32_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

// The members of each group, as article numbers, newest group first.
std::vector<std::vector<std::uint32_t>> grouped(const std::vector<Record>& records) {
  const cs::query::ClaimTable table = table_of(records);
  std::vector<std::vector<std::uint32_t>> out;
  cs::query::IncidentCounts counts;
  for (const auto& g : cs::query::group_incidents(table, all_rows(table), 100, counts)) {
    std::vector<std::uint32_t> articles;
    for (std::uint32_t m : g.members) articles.push_back(table.rows()[m].article);
    out.push_back(articles);
  }
  CHECK(counts.incidents == out.size());
  return out;
}

}  // namespace

TEST_CASE("incidents: the grouping rule", "[query][claims]") {
  using Groups = std::vector<std::vector<std::uint32_t>>;
  struct Case {
    const char* what;
    std::vector<Record> records;
    Groups groups;
  };
  const Case cases[] = {
      {"same place, class and days apart within the window",
       {record(1, "palmyra", "2016-03-27", 400), record(2, "palmyra", "2016-03-29", 420),
        record(3, "palmyra", "2016-04-01", 380, VictimClass::kCivilians, "amaq")},
       {{1, 2, 3}}},
      {"a month-precise date covers its month",
       {record(1, "palmyra", "2016-03", 400), record(2, "palmyra", "2016-04-03", 400)},
       {{1, 2}}},
      {"months apart are two incidents, newest first",
       {record(1, "palmyra", "2016-03-27", 400), record(2, "palmyra", "2016-12-11", 300)},
       {{2}, {1}}},
      {"another place, another incident",
       {record(1, "palmyra", "2016-12-11", 30), record(2, "homs", "2016-12-11", 19)},
       {{1}, {2}}},
      {"another victim class, another incident",
       {record(1, "palmyra", "2016-12-11", 30, VictimClass::kArmedGroup),
        record(2, "palmyra", "2016-12-11", 19, VictimClass::kGovernmentForces)},
       {{1}, {2}}},
      {"chained: each within the window of the one before",
       {record(1, "aleppo", "2016-12-01", 5), record(2, "aleppo", "2016-12-04", 6),
        record(3, "aleppo", "2016-12-07", 7), record(4, "aleppo", "2016-12-20", 8)},
       {{4}, {1, 2, 3}}},
      {"different named groups split, an unnamed one joins",
       {record(1, "raqqa", "2017-06-01", 50, VictimClass::kArmedGroup, "a", "", "islamic-state"),
        record(2, "raqqa", "2017-06-01", 10, VictimClass::kArmedGroup, "b", "", "sdf"),
        record(3, "raqqa", "2017-06-02", 60, VictimClass::kArmedGroup, "c", "", "")},
       {{1, 3}, {2}}},
      {"no place: only within the article",
       {record(1, "", "2016-12-11", 5), record(2, "", "2016-12-11", 5)},
       {{1}, {2}}},
      {"a duplicated article counts once",
       {record(1, "idlib", "2020-02-01", 9, VictimClass::kCivilians, "sohr", "AFP", "", "c1"),
        record(2, "idlib", "2020-02-01", 9, VictimClass::kCivilians, "sohr", "AFP", "", "c1"),
        record(3, "idlib", "2020-02-02", 11, VictimClass::kCivilians, "un", "BBC", "", "")},
       {{1, 3}}},
      {"year-precise dates group by year only (and end with their year)",
       {record(1, "mosul", "2017", 100), record(2, "mosul", "2017-07-01", 120),
        record(3, "mosul", "2017", 90)},
       {{1, 3}, {2}}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(grouped(c.records) == c.groups);
  }
}

TEST_CASE("ledger: summaries and listed claims", "[query][claims]") {
  std::vector<Record> records = {
      record(1, "palmyra", "2016-03-27", 400, VictimClass::kArmedGroup, "sohr", "omouggos"),
      record(2, "palmyra", "2016-03-30", 420, VictimClass::kArmedGroup, "sohr", ""),
      record(3, "palmyra", "2016-03-28", 300, VictimClass::kArmedGroup, "", "LWJ"),
      record(4, "homs", "2016-12-10", 19, VictimClass::kGovernmentForces, "hussein", "ARA")};
  records[1].outlet.clear();
  const cs::query::ClaimTable table = table_of(records);
  auto read = [](std::uint32_t article) {
    cs::Article a;
    a.id = "a" + std::to_string(article);
    a.title = "Title " + std::to_string(article);
    a.outlet = article == 2 ? "" : "Outlet";
    a.claims.resize(1);
    a.claims[0].number = std::to_string(article);
    return std::optional<cs::Article>(a);
  };
  auto name = [](const std::string& id) { return "Name of " + id; };
  cs::query::ClaimsResult result;
  cs::query::fill_ledger(table, all_rows(table), 1, read, name, result);
  CHECK(result.incidents_total == 2);
  CHECK(result.claims == 4);
  REQUIRE(result.incidents.size() == 1);  // the limit
  const cs::query::Incident& i = result.incidents[0];
  CHECK(i.place.name == "Name of homs");
  CHECK(i.victims == "government forces");

  result = {};
  cs::query::fill_ledger(table, all_rows(table), 10, read, name, result);
  REQUIRE(result.incidents.size() == 2);
  const cs::query::Incident& march = result.incidents[1];
  CHECK(march.low == 300);
  CHECK(march.high == 420);
  CHECK(march.claimants == 1);  // SOHR twice; the outlet's own statement is no claimant
  CHECK(march.outlets == 2);    // one article has no outlet
  CHECK(march.articles == 3);
  CHECK(march.from == "2016-03-27");
  CHECK(march.to == "2016-03-30");
  REQUIRE(march.claims.size() == 3);
  CHECK(march.claims[0].article_id == "a1");
  CHECK(march.claims[1].article_id == "a3");
  CHECK(march.claims[2].title == "Title 2");
  CHECK_FALSE(march.claims[2].outlet);
}
