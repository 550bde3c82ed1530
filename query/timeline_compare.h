// Coverage over time for several queries side by side (Media Cloud's "attention over time"):
// each query's matches counted per day, week, month or year on one continuous axis, raw or as a
// share of all articles of the period under the same filters (the baseline). Counts are exact,
// from one pass over each match set on the search path; undated articles are counted apart.
//
// Thread-safety: pure helpers, and compare_timelines uses the Searcher it is given.
#ifndef CS_QUERY_TIMELINE_COMPARE_H_
#define CS_QUERY_TIMELINE_COMPARE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"

namespace cs::query {

/// Most queries compared at once.
inline constexpr std::size_t kMaxCompareQueries = 5;

/// Bucket width of a comparison.
enum class Interval { kAuto, kDay, kWeek, kMonth, kYear };

/// "auto", "day", "week", "month", "year".
std::string_view interval_name(Interval interval);

/// The interval named `name`, or nullopt.
std::optional<Interval> interval_from_name(std::string_view name);

/// The period of `date` ("YYYYMMDD", the date slot's form) for `interval` (not kAuto):
/// "YYYY-MM-DD", the Monday of its ISO week "YYYY-MM-DD", "YYYY-MM" or "YYYY".
std::string period_of(std::string_view date, Interval interval);

/// The interval auto chooses for dates from `first` to `last` ("YYYYMMDD"): day up to 92 days,
/// week up to two years, month up to 25 years, else year.
Interval auto_interval(std::string_view first, std::string_view last);

/// What to compare.
struct TimelineRequest {
  std::vector<std::string> queries;  ///< 1..kMaxCompareQueries query-language texts
  SearchRequest filters;             ///< filters and dates applied to every query (text unused)
  Interval interval = Interval::kAuto;
  bool normalise = false;
  bool csv = false;  ///< the API answers timeline_csv instead of JSON
};

/// One query's counts.
struct TimelineSeries {
  std::string query;
  std::int64_t total = 0;            ///< matches
  std::int64_t dated = 0;            ///< matches with a known date (those counted in periods)
  std::vector<std::int64_t> counts;  ///< per period
  std::vector<double> shares;        ///< per period: count / baseline (when normalised)
};

/// The comparison.
struct TimelineComparison {
  Interval interval = Interval::kMonth;  ///< the one used
  bool normalised = false;
  std::vector<std::string> periods;    ///< continuous, oldest first
  std::vector<std::int64_t> baseline;  ///< all articles under the filters, per period
  std::vector<TimelineSeries> series;
  std::vector<std::string> warnings;
};

/// Counts every query of `request` per period. kBadRequest for no query, more than
/// kMaxCompareQueries or an empty one.
SearchError compare_timelines(Searcher& searcher, const TimelineRequest& request,
                              TimelineComparison& comparison);

/// The comparison as JSON: {"interval", "normalised", "periods", "baseline" (null when not
/// normalised), "series": [{"query", "total", "dated", "counts", "shares" (null when not
/// normalised)}], "warnings"}.
nlohmann::json timeline_json(const TimelineComparison& comparison);

/// The comparison as CSV (CRLF): period, then per query its count (and share when normalised).
std::string timeline_csv(const TimelineComparison& comparison);

}  // namespace cs::query

#endif  // CS_QUERY_TIMELINE_COMPARE_H_
