// Coverage over time (query/timeline_compare.h): the period helpers table-driven, then
// compare_timelines on a small fixture index checked against plain searches of the same text
// and filters.
#include "query/timeline_compare.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "fixture.h"
#include "query/search.h"

using cs::Article;
using cs::query::ErrorCode;
using cs::query::Interval;
using cs::query::Searcher;
using cs::query::SearchError;
using cs::query::SearchRequest;
using cs::query::SearchResult;
using cs::query::TimelineComparison;
using cs::query::TimelineRequest;
using cs::query::TimelineSeries;
using cs::test::make_article;

namespace {

namespace ch = std::chrono;

// The day of an ISO "YYYY-MM-DD" period.
ch::sys_days iso_day(const std::string& iso) {
  REQUIRE(iso.size() == 10);
  return ch::sys_days(ch::year(std::stoi(iso.substr(0, 4))) /
                      ch::month(static_cast<unsigned>(std::stoi(iso.substr(5, 2)))) /
                      ch::day(static_cast<unsigned>(std::stoi(iso.substr(8, 2)))));
}

// "YYYY-MM-DD" of `day`.
std::string iso(ch::sys_days day) {
  const ch::year_month_day ymd(day);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

// The period after `period` for `interval`, computed independently of the library.
std::string following(const std::string& period, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return iso(iso_day(period) + ch::days(1));
    case Interval::kWeek:
      return iso(iso_day(period) + ch::days(7));
    case Interval::kMonth: {
      int year = std::stoi(period.substr(0, 4));
      int month = std::stoi(period.substr(5, 2)) + 1;
      if (month == 13) {
        month = 1;
        ++year;
      }
      char text[32];
      std::snprintf(text, sizeof text, "%04d-%02d", year, month);
      return text;
    }
    case Interval::kYear:
      return std::to_string(std::stoi(period) + 1);
    case Interval::kAuto:
      break;
  }
  FAIL("no following period for auto");
  return {};
}

// The first and last day ("YYYY-MM-DD") a period stands for, as from/to bounds of a search.
std::pair<std::string, std::string> period_bounds(const std::string& period, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return {period, period};
    case Interval::kWeek:
      return {period, iso(iso_day(period) + ch::days(6))};
    case Interval::kMonth:
    case Interval::kYear:
    case Interval::kAuto:
      break;
  }
  return {period, period};  // "YYYY-MM" and "YYYY" are partial dates the search takes as bounds
}

// Articles over five months of 2016 (none in February), one on the last day of 2015, one
// dated only to its month and one undated.
std::vector<Article> timeline_corpus() {
  return {
      make_article("a1", "Shelling in Aleppo", "Shelling hit Aleppo overnight.", "Reuters",
                   "2016-01-15"),
      make_article("a2", "Aleppo shelling goes on", "More shelling in Aleppo.", "BBC",
                   "2016-01-20"),
      make_article("a3", "Ceasefire in Aleppo", "A ceasefire began in Aleppo.", "Reuters",
                   "2016-03-02"),
      make_article("a4", "Ceasefire in Homs", "A ceasefire began in Homs.", "AFP", "2016-03-31"),
      make_article("a5", "Shelling in Homs", "Shelling hit Homs.", "Reuters", "2016-05"),
      make_article("a6", "Shelling reported", "Shelling was reported near Qusayr.", "Reuters", ""),
      make_article("a7", "Aleppo ceasefire holds", "The ceasefire in Aleppo held.", "Reuters",
                   "2016-05-10"),
      make_article("a8", "Market news", "Wheat prices rose.", "BBC", "2016-04-10"),
      make_article("a9", "Weather report", "Snow fell in the mountains.", "Reuters", "2015-12-31"),
  };
}

struct Fixture {
  cs::test::TempDir dir;
  std::unique_ptr<Searcher> searcher;
  Fixture() {
    cs::test::write_index(dir.path() + "/db", timeline_corpus());
    SearchError error;
    searcher = Searcher::open(dir.path() + "/db", error);
    INFO(error.message);
    REQUIRE(searcher);
  }
  TimelineComparison compare(const TimelineRequest& request) {
    TimelineComparison comparison;
    const SearchError error = cs::query::compare_timelines(*searcher, request, comparison);
    INFO(error.message);
    REQUIRE_FALSE(error);
    return comparison;
  }
  // The total of a plain search of `text` under the filters and dates of `filters`.
  std::int64_t total(const SearchRequest& filters, const std::string& text) {
    SearchRequest request = filters;
    request.text = text;
    SearchResult result;
    REQUIRE_FALSE(searcher->search(request, result));
    REQUIRE(result.total_exact);
    return result.total;
  }
};

TimelineRequest request_of(std::vector<std::string> queries, Interval interval,
                           bool normalise = false) {
  TimelineRequest request;
  request.queries = std::move(queries);
  request.interval = interval;
  request.normalise = normalise;
  return request;
}

// What every comparison must satisfy: one series per query in order, a count per period, the
// counts summing to `dated`, dated <= total == the plain search's total, periods continuous.
void check_consistent(Fixture& f, const TimelineRequest& request, const TimelineComparison& c) {
  REQUIRE(c.series.size() == request.queries.size());
  CHECK(c.normalised == request.normalise);
  // The baseline is counted for shares only (JSON null otherwise).
  CHECK(c.baseline.size() == (request.normalise ? c.periods.size() : 0));
  if (request.interval != Interval::kAuto) {
    CHECK(c.interval == request.interval);
  }
  for (std::size_t k = 0; k + 1 < c.periods.size(); ++k) {
    INFO("period " << k << ": " << c.periods[k] << " then " << c.periods[k + 1]);
    CHECK(c.periods[k + 1] == following(c.periods[k], c.interval));
  }
  for (std::size_t i = 0; i < c.series.size(); ++i) {
    const TimelineSeries& s = c.series[i];
    INFO("query " << s.query);
    CHECK(s.query == request.queries[i]);
    REQUIRE(s.counts.size() == c.periods.size());
    CHECK(std::accumulate(s.counts.begin(), s.counts.end(), std::int64_t{0}) == s.dated);
    CHECK(s.dated <= s.total);
    CHECK(s.total == f.total(request.filters, s.query));
    if (request.normalise) {
      REQUIRE(s.shares.size() == c.periods.size());
    } else {
      CHECK(s.shares.empty());
    }
  }
}

}  // namespace

TEST_CASE("period_of: days weeks months and years", "[query][timeline]") {
  struct Case {
    const char* date;
    Interval interval;
    const char* period;
  };
  const Case cases[] = {
      // days, across month and year ends and a leap day
      {"20160131", Interval::kDay, "2016-01-31"},
      {"20160201", Interval::kDay, "2016-02-01"},
      {"20160229", Interval::kDay, "2016-02-29"},
      {"20161231", Interval::kDay, "2016-12-31"},
      {"20170101", Interval::kDay, "2017-01-01"},
      // ISO weeks, named by their Monday
      {"20160104", Interval::kWeek, "2016-01-04"},  // a Monday is its own week
      {"20160108", Interval::kWeek, "2016-01-04"},  // Friday
      {"20160110", Interval::kWeek, "2016-01-04"},  // a Sunday belongs to the Monday before it
      {"20160111", Interval::kWeek, "2016-01-11"},  // the next Monday starts a new week
      {"20160301", Interval::kWeek, "2016-02-29"},  // Tuesday: its Monday is a leap day
      {"20151231", Interval::kWeek, "2015-12-28"},  // Thursday of a week spanning a year end
      {"20160103", Interval::kWeek, "2015-12-28"},  // Sunday of that week: the previous year
      {"20170101", Interval::kWeek, "2016-12-26"},  // Sunday, New Year's Day
      {"20200101", Interval::kWeek, "2019-12-30"},  // Wednesday
      {"20210103", Interval::kWeek, "2020-12-28"},  // Sunday
      // months and years
      {"20160101", Interval::kMonth, "2016-01"},
      {"20160131", Interval::kMonth, "2016-01"},
      {"20161231", Interval::kMonth, "2016-12"},
      {"20170101", Interval::kMonth, "2017-01"},
      {"20160101", Interval::kYear, "2016"},
      {"20161231", Interval::kYear, "2016"},
      {"19991231", Interval::kYear, "1999"},
  };
  for (const Case& c : cases) {
    INFO(c.date << " per " << cs::query::interval_name(c.interval));
    CHECK(cs::query::period_of(c.date, c.interval) == c.period);
  }
}

TEST_CASE("auto_interval: day week month and year by span", "[query][timeline]") {
  struct Case {
    const char* first;
    const char* last;
    Interval interval;
  };
  const Case cases[] = {
      {"20160101", "20160101", Interval::kDay},   // one day
      {"20160101", "20160402", Interval::kDay},   // 92 days
      {"20160101", "20160403", Interval::kWeek},  // 93 days
      {"20151201", "20160302", Interval::kDay},   // 92 days over a year end
      {"20151201", "20160303", Interval::kWeek},  // 93 days over a year end
      {"20160101", "20171231", Interval::kWeek},  // just under two years
      {"20160101", "20180101", Interval::kWeek},  // two years
      {"20160101", "20180401", Interval::kMonth}, {"20160101", "20200101", Interval::kMonth},
      {"19900101", "20141231", Interval::kMonth},  // just under 25 years
      {"19900101", "20150101", Interval::kMonth},  // 25 years
      {"19900101", "20160101", Interval::kYear},   // 26 years
      {"19000101", "20160101", Interval::kYear},
  };
  for (const Case& c : cases) {
    INFO(c.first << " to " << c.last);
    CHECK(cs::query::auto_interval(c.first, c.last) == c.interval);
  }
}

TEST_CASE("interval names round trip", "[query][timeline]") {
  const std::pair<Interval, const char*> names[] = {{Interval::kAuto, "auto"},
                                                    {Interval::kDay, "day"},
                                                    {Interval::kWeek, "week"},
                                                    {Interval::kMonth, "month"},
                                                    {Interval::kYear, "year"}};
  for (const auto& [interval, name] : names) {
    CHECK(cs::query::interval_name(interval) == name);
    const auto back = cs::query::interval_from_name(name);
    REQUIRE(back);
    CHECK(*back == interval);
  }
  for (const char* bad : {"", "fortnight", "days", "weekly", " month", "quarter"}) {
    INFO(bad);
    CHECK_FALSE(cs::query::interval_from_name(bad));
  }
}

TEST_CASE("compare_timelines: monthly counts of three queries", "[query][timeline]") {
  Fixture f;
  const TimelineRequest request = request_of({"shelling", "aleppo", "ceasefire"}, Interval::kMonth);
  const TimelineComparison c = f.compare(request);
  check_consistent(f, request, c);
  CHECK(c.interval == Interval::kMonth);
  CHECK_FALSE(c.normalised);
  // From the first to the last dated match, February and April included though empty.
  CHECK(c.periods ==
        std::vector<std::string>{"2016-01", "2016-02", "2016-03", "2016-04", "2016-05"});
  REQUIRE(c.series.size() == 3);
  CHECK(c.series[0].counts == std::vector<std::int64_t>{2, 0, 0, 0, 1});
  CHECK(c.series[1].counts == std::vector<std::int64_t>{2, 0, 1, 0, 1});
  CHECK(c.series[2].counts == std::vector<std::int64_t>{0, 0, 2, 0, 1});
  // The undated shelling report counts in the total only; the month-dated one on its month.
  CHECK(c.series[0].total == 4);
  CHECK(c.series[0].dated == 3);
  CHECK(c.series[1].total == 4);
  CHECK(c.series[1].dated == 4);
  CHECK(c.series[2].total == 3);
  CHECK(c.series[2].dated == 3);
  CHECK(c.warnings.empty());
}

TEST_CASE("compare_timelines: every interval gives continuous zero-filled periods",
          "[query][timeline]") {
  Fixture f;
  for (const Interval interval :
       {Interval::kDay, Interval::kWeek, Interval::kMonth, Interval::kYear}) {
    INFO("per " << cs::query::interval_name(interval));
    const TimelineRequest request = request_of({"shelling", "aleppo", "ceasefire"}, interval);
    const TimelineComparison c = f.compare(request);
    check_consistent(f, request, c);
    REQUIRE_FALSE(c.periods.empty());
    // The axis runs from the first dated match (a1, 2016-01-15) to the last (a7, 2016-05-10).
    CHECK(c.periods.front() == cs::query::period_of("20160115", interval));
    CHECK(c.periods.back() == cs::query::period_of("20160510", interval));
    // Every dated match lands in the period of its date.
    const auto at = [&](const std::string& date) {
      const std::string period = cs::query::period_of(date, interval);
      for (std::size_t k = 0; k < c.periods.size(); ++k) {
        if (c.periods[k] == period) return k;
      }
      FAIL("no period " << period);
      return std::size_t{0};
    };
    CHECK(c.series[2].counts[at("20160302")] >= 1);  // a3
    CHECK(c.series[2].counts[at("20160331")] >= 1);  // a4
    CHECK(c.series[0].counts[at("20160501")] >= 1);  // a5, known only to its month
  }
  const TimelineComparison days = f.compare(request_of({"shelling"}, Interval::kDay));
  // 2016-01-15 to 2016-05-01 (a5 counts on the first of its month): 108 days.
  CHECK(days.periods.size() == 108);
  CHECK(days.periods.front() == "2016-01-15");
  CHECK(days.periods.back() == "2016-05-01");
  const TimelineComparison years = f.compare(request_of({"shelling"}, Interval::kYear));
  CHECK(years.periods == std::vector<std::string>{"2016"});
}

TEST_CASE("compare_timelines: weeks and years across a year end", "[query][timeline]") {
  Fixture f;
  const TimelineRequest weekly = request_of({"snow", "shelling"}, Interval::kWeek);
  const TimelineComparison w = f.compare(weekly);
  check_consistent(f, weekly, w);
  REQUIRE(w.periods.size() >= 3);
  CHECK(w.periods[0] == "2015-12-28");  // the week of Thursday 2015-12-31
  CHECK(w.periods[1] == "2016-01-04");
  CHECK(w.periods[2] == "2016-01-11");      // a1, Friday 2016-01-15
  CHECK(w.periods.back() == "2016-04-25");  // a5 counts on 2016-05-01, a Sunday
  CHECK(w.series[0].counts[0] == 1);
  CHECK(w.series[1].counts[2] == 1);
  CHECK(w.series[1].counts[3] == 1);  // a2, Wednesday 2016-01-20

  const TimelineRequest yearly = request_of({"snow", "aleppo"}, Interval::kYear);
  const TimelineComparison y = f.compare(yearly);
  check_consistent(f, yearly, y);
  CHECK(y.periods == std::vector<std::string>{"2015", "2016"});
  CHECK(y.series[0].counts == std::vector<std::int64_t>{1, 0});
  CHECK(y.series[1].counts == std::vector<std::int64_t>{0, 4});
}

TEST_CASE("compare_timelines: filters apply to every query", "[query][timeline]") {
  Fixture f;
  TimelineRequest request = request_of({"shelling", "aleppo", "ceasefire"}, Interval::kMonth);
  request.filters.filters.push_back({"outlet", "Reuters", false});
  const TimelineComparison c = f.compare(request);
  check_consistent(f, request, c);
  CHECK(c.series[0].total == 3);  // a1, a5 and the undated a6
  CHECK(c.series[0].dated == 2);
  CHECK(c.series[1].total == 3);  // a1, a3, a7
  CHECK(c.series[2].total == 2);  // a3, a7
  CHECK(c.series[0].counts == std::vector<std::int64_t>{1, 0, 0, 0, 1});

  TimelineRequest excluded = request_of({"shelling", "aleppo"}, Interval::kMonth);
  excluded.filters.filters.push_back({"outlet", "Reuters", true});
  const TimelineComparison e = f.compare(excluded);
  check_consistent(f, excluded, e);
  CHECK(e.periods == std::vector<std::string>{"2016-01"});  // a2 (BBC) only
  CHECK(e.series[0].total == 1);

  TimelineRequest dates = request_of({"aleppo", "shelling"}, Interval::kMonth);
  dates.filters.from = "2016-03";
  dates.filters.to = "2016-05";
  const TimelineComparison d = f.compare(dates);
  check_consistent(f, dates, d);
  CHECK(d.periods == std::vector<std::string>{"2016-03", "2016-04", "2016-05"});
  CHECK(d.series[0].counts == std::vector<std::int64_t>{1, 0, 1});
  CHECK(d.series[1].total == 1);  // a5 only: the undated a6 is outside any date range
  CHECK(d.series[1].dated == 1);
}

TEST_CASE("compare_timelines: normalised shares of all articles per period", "[query][timeline]") {
  Fixture f;
  for (const bool reuters : {false, true}) {
    for (const Interval interval : {Interval::kWeek, Interval::kMonth, Interval::kYear}) {
      INFO((reuters ? "Reuters only" : "every outlet")
           << " per " << cs::query::interval_name(interval));
      TimelineRequest request = request_of({"shelling", "aleppo", "ceasefire"}, interval, true);
      if (reuters) request.filters.filters.push_back({"outlet", "Reuters", false});
      const TimelineComparison c = f.compare(request);
      check_consistent(f, request, c);
      CHECK(c.normalised);
      REQUIRE(c.baseline.size() == c.periods.size());
      for (std::size_t k = 0; k < c.periods.size(); ++k) {
        INFO("period " << c.periods[k]);
        // The baseline is every article of the period under the filters (an empty query).
        SearchRequest all = request.filters;
        std::tie(all.from, all.to) = period_bounds(c.periods[k], interval);
        CHECK(c.baseline[k] == f.total(all, ""));
        for (const TimelineSeries& s : c.series) {
          INFO("query " << s.query);
          CHECK(s.counts[k] <= c.baseline[k]);
          if (c.baseline[k] > 0) {
            CHECK(s.shares[k] == Approx(static_cast<double>(s.counts[k]) / c.baseline[k]));
          } else {
            CHECK(s.shares[k] == 0.0);
          }
          CHECK(s.shares[k] >= 0.0);
          CHECK(s.shares[k] <= 1.0);
        }
      }
    }
  }
  const TimelineComparison c =
      f.compare(request_of({"shelling", "aleppo", "ceasefire"}, Interval::kMonth, true));
  // a1 a2 | - | a3 a4 | a8 | a5 a7 (a9 of 2015 is before the axis, a6 undated)
  CHECK(c.baseline == std::vector<std::int64_t>{2, 0, 2, 1, 2});
  CHECK(c.series[0].shares[0] == Approx(1.0));
  CHECK(c.series[0].shares[4] == Approx(0.5));
  CHECK(c.series[1].shares[2] == Approx(0.5));
  CHECK(c.series[2].shares[2] == Approx(1.0));
  CHECK(c.series[2].shares[3] == 0.0);
}

TEST_CASE("compare_timelines: auto picks the interval from the span of the matches",
          "[query][timeline]") {
  Fixture f;
  // 2016-01-15 to 2016-05-10: 116 days.
  const TimelineRequest wide = request_of({"shelling", "aleppo"}, Interval::kAuto);
  const TimelineComparison w = f.compare(wide);
  check_consistent(f, wide, w);
  CHECK(w.interval == Interval::kWeek);
  CHECK(cs::query::timeline_json(w)["interval"] == "week");
  // 2016-03-02 to 2016-05-10: 69 days.
  const TimelineRequest narrow = request_of({"ceasefire"}, Interval::kAuto);
  const TimelineComparison n = f.compare(narrow);
  check_consistent(f, narrow, n);
  CHECK(n.interval == Interval::kDay);
  CHECK(n.periods.size() == 70);
}

TEST_CASE("compare_timelines: queries without dated matches", "[query][timeline]") {
  Fixture f;
  const TimelineRequest none = request_of({"zeppelin"}, Interval::kMonth, true);
  const TimelineComparison c = f.compare(none);
  check_consistent(f, none, c);
  CHECK(c.periods.empty());
  CHECK(c.series[0].total == 0);
  CHECK(c.series[0].counts.empty());
  // Only the undated article matches: counted in the total, in no period.
  const TimelineRequest undated = request_of({"qusayr"}, Interval::kAuto);
  const TimelineComparison u = f.compare(undated);
  check_consistent(f, undated, u);
  CHECK(u.periods.empty());
  CHECK(u.series[0].total == 1);
  CHECK(u.series[0].dated == 0);
  // Beside a query with dates, a query with none gets zeros on the shared axis.
  const TimelineRequest mixed = request_of({"aleppo", "zeppelin", "qusayr"}, Interval::kMonth);
  const TimelineComparison m = f.compare(mixed);
  check_consistent(f, mixed, m);
  CHECK(m.periods.size() == 5);
  CHECK(m.series[1].counts == std::vector<std::int64_t>(5, 0));
  CHECK(m.series[2].counts == std::vector<std::int64_t>(5, 0));
  CHECK(m.series[2].total == 1);
}

// A search falls back to the words of a malformed query, or matches nothing for an unknown
// entity filter, and says so in its warnings (query/search.h); a timeline of the same text and
// filters counts the same matches and must say so too (its "warnings").
TEST_CASE("compare_timelines: warns like the search it counts", "[query][timeline]") {
  Fixture f;
  struct Case {
    std::string query;
    std::vector<cs::query::Filter> filters;
  };
  const Case cases[] = {
      {"shelling AND (", {}},
      {"aleppo", {{"person", "Nobody Known", false}}},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    SearchRequest search;
    search.text = c.query;
    search.filters = c.filters;
    SearchResult result;
    REQUIRE_FALSE(f.searcher->search(search, result));
    REQUIRE_FALSE(result.warnings.empty());
    TimelineRequest request = request_of({c.query}, Interval::kMonth);
    request.filters.filters = c.filters;
    const TimelineComparison t = f.compare(request);
    CHECK(t.series[0].total == result.total);
    CHECK_FALSE(t.warnings.empty());
  }
}

TEST_CASE("compare_timelines: 1 to 5 non-empty queries", "[query][timeline]") {
  Fixture f;
  const std::vector<std::string> five = {"shelling", "aleppo", "ceasefire", "homs", "snow"};
  const TimelineRequest ok = request_of(five, Interval::kMonth);
  check_consistent(f, ok, f.compare(ok));
  std::vector<std::vector<std::string>> bad_lists;
  bad_lists.emplace_back();  // none
  bad_lists.push_back(five);
  bad_lists.back().push_back("wheat");  // six
  bad_lists.push_back({std::string("shelling"), std::string()});
  bad_lists.push_back({std::string("  ")});
  bad_lists.push_back({std::string("aleppo"), std::string(" \t ")});
  for (const auto& queries : bad_lists) {
    INFO(queries.size() << " queries");
    TimelineComparison c;
    const SearchError error =
        cs::query::compare_timelines(*f.searcher, request_of(queries, Interval::kMonth), c);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK_FALSE(error.message.empty());
  }
}

TEST_CASE("timeline_json: the documented keys", "[query][timeline]") {
  Fixture f;
  for (const bool normalise : {false, true}) {
    INFO("normalise " << normalise);
    const TimelineComparison c =
        f.compare(request_of({"shelling", "aleppo"}, Interval::kMonth, normalise));
    const nlohmann::json j = cs::query::timeline_json(c);
    std::set<std::string> keys;
    for (const auto& item : j.items()) keys.insert(item.key());
    CHECK(keys == std::set<std::string>{"interval", "normalised", "periods", "baseline", "series",
                                        "warnings"});
    CHECK(j["interval"] == "month");
    CHECK(j["normalised"] == normalise);
    CHECK(j["periods"].size() == c.periods.size());
    if (normalise) {
      CHECK(j["baseline"].get<std::vector<std::int64_t>>() == c.baseline);
      CHECK(j["baseline"].size() == c.periods.size());
    } else {
      CHECK(j["baseline"].is_null());
    }
    REQUIRE(j["series"].size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const nlohmann::json& s = j["series"][i];
      std::set<std::string> series_keys;
      for (const auto& item : s.items()) series_keys.insert(item.key());
      CHECK(series_keys == std::set<std::string>{"query", "total", "dated", "counts", "shares"});
      CHECK(s["query"] == c.series[i].query);
      CHECK(s["total"] == c.series[i].total);
      CHECK(s["dated"] == c.series[i].dated);
      CHECK(s["counts"].get<std::vector<std::int64_t>>() == c.series[i].counts);
      if (normalise) {
        CHECK(s["shares"].size() == c.periods.size());
      } else {
        CHECK(s["shares"].is_null());
      }
    }
    CHECK(j["warnings"].is_array());
  }
}

TEST_CASE("timeline_csv: a header and a row per period", "[query][timeline]") {
  Fixture f;
  // Splits CRLF records into fields (none of these values holds a comma or a quote).
  const auto records = [](const std::string& csv) {
    std::vector<std::vector<std::string>> out;
    std::size_t at = 0;
    while (at < csv.size()) {
      const std::size_t end = csv.find("\r\n", at);
      REQUIRE(end != std::string::npos);  // every record ends with CRLF
      std::vector<std::string> fields;
      std::string line = csv.substr(at, end - at);
      std::size_t from = 0;
      for (;;) {
        const std::size_t comma = line.find(',', from);
        std::string field = line.substr(from, comma - from);
        if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
          field = field.substr(1, field.size() - 2);
        }
        fields.push_back(field);
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
      out.push_back(fields);
      at = end + 2;
    }
    return out;
  };
  const TimelineComparison raw =
      f.compare(request_of({"shelling", "aleppo", "ceasefire"}, Interval::kMonth));
  const auto rows = records(cs::query::timeline_csv(raw));
  REQUIRE(rows.size() == raw.periods.size() + 1);
  CHECK(rows[0] == std::vector<std::string>{"period", "shelling", "aleppo", "ceasefire"});
  for (std::size_t k = 0; k < raw.periods.size(); ++k) {
    INFO("row " << k + 1);
    REQUIRE(rows[k + 1].size() == 4);
    CHECK(rows[k + 1][0] == raw.periods[k]);
    for (std::size_t i = 0; i < 3; ++i) {
      CHECK(rows[k + 1][i + 1] == std::to_string(raw.series[i].counts[k]));
    }
  }

  const TimelineComparison shares =
      f.compare(request_of({"shelling", "aleppo"}, Interval::kWeek, true));
  const auto share_rows = records(cs::query::timeline_csv(shares));
  REQUIRE(share_rows.size() == shares.periods.size() + 1);
  // period, then each query's count and share, then all articles of the period.
  REQUIRE(share_rows[0].size() == 6);
  CHECK(share_rows[0][0] == "period");
  CHECK(share_rows[0][1] == "shelling");
  CHECK(share_rows[0][3] == "aleppo");
  for (std::size_t k = 0; k < shares.periods.size(); ++k) {
    INFO("row " << k + 1);
    REQUIRE(share_rows[k + 1].size() == 6);
    CHECK(share_rows[k + 1][0] == shares.periods[k]);
    CHECK(share_rows[k + 1][1] == std::to_string(shares.series[0].counts[k]));
    CHECK(std::stod(share_rows[k + 1][2]) == Approx(shares.series[0].shares[k]).margin(1e-6));
    CHECK(share_rows[k + 1][5] == std::to_string(shares.baseline[k]));
  }
}
