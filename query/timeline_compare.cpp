#include "query/timeline_compare.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "query/export.h"

namespace cs::query {

namespace {

namespace ch = std::chrono;

constexpr std::string_view kIntervalNames[] = {"auto", "day", "week", "month", "year"};

int digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

ch::sys_days day_of(std::string_view date) {
  return ch::sys_days(ch::year(digits(date.substr(0, 4))) /
                      ch::month(static_cast<unsigned>(digits(date.substr(4, 2)))) /
                      ch::day(static_cast<unsigned>(digits(date.substr(6, 2)))));
}

std::string iso_day(ch::sys_days day) {
  const ch::year_month_day ymd(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

// The period after `period` (as period_of writes it) for `interval`.
std::string next_period(const std::string& period, Interval interval) {
  switch (interval) {
    case Interval::kYear:
      return std::to_string(digits(period) + 1);
    case Interval::kMonth: {
      int year = digits(period.substr(0, 4));
      int month = digits(period.substr(5, 2)) + 1;
      if (month > 12) {
        month = 1;
        ++year;
      }
      char text[24];  // room for any int, so the compiler sees no truncation
      std::snprintf(text, sizeof text, "%04d-%02d", year, month);
      return text;
    }
    case Interval::kWeek:
    case Interval::kDay: {
      const std::string compact = period.substr(0, 4) + period.substr(5, 2) + period.substr(8, 2);
      return iso_day(day_of(compact) + ch::days(interval == Interval::kWeek ? 7 : 1));
    }
    case Interval::kAuto:
      break;
  }
  return period;
}

// A date slot value that is a whole valid day ("YYYYMMDD").
bool is_day(std::string_view date) {
  if (date.size() != 8) return false;
  for (char c : date) {
    if (c < '0' || c > '9') return false;
  }
  return ch::year_month_day(ch::year(digits(date.substr(0, 4))) /
                            ch::month(static_cast<unsigned>(digits(date.substr(4, 2)))) /
                            ch::day(static_cast<unsigned>(digits(date.substr(6, 2)))))
      .ok();
}

// Adds the counts by date of one match set to `by_period`.
std::map<std::string, std::int64_t> by_period(const std::map<std::string, std::int64_t>& by_date,
                                              Interval interval) {
  std::map<std::string, std::int64_t> periods;
  for (const auto& [date, count] : by_date) {
    if (is_day(date)) periods[period_of(date, interval)] += count;
  }
  return periods;
}

}  // namespace

std::string_view interval_name(Interval interval) {
  return kIntervalNames[static_cast<int>(interval)];
}

std::optional<Interval> interval_from_name(std::string_view name) {
  for (int i = 0; i < static_cast<int>(std::size(kIntervalNames)); ++i) {
    if (kIntervalNames[i] == name) return static_cast<Interval>(i);
  }
  return std::nullopt;
}

std::string period_of(std::string_view date, Interval interval) {
  switch (interval) {
    case Interval::kYear:
      return std::string(date.substr(0, 4));
    case Interval::kMonth:
      return std::string(date.substr(0, 4)) + "-" + std::string(date.substr(4, 2));
    case Interval::kWeek: {
      const ch::sys_days day = day_of(date);
      const unsigned from_monday = ch::weekday(day).iso_encoding() - 1;
      return iso_day(day - ch::days(from_monday));
    }
    case Interval::kDay:
    case Interval::kAuto:
      break;
  }
  return iso_day(day_of(date));
}

Interval auto_interval(std::string_view first, std::string_view last) {
  const auto span = (day_of(last) - day_of(first)).count();
  if (span <= 92) return Interval::kDay;
  if (span <= 2 * 366) return Interval::kWeek;
  if (span <= 25 * 366) return Interval::kMonth;
  return Interval::kYear;
}

SearchError compare_timelines(Searcher& searcher, const TimelineRequest& request,
                              TimelineComparison& comparison) {
  comparison = TimelineComparison{};
  if (request.queries.empty() || request.queries.size() > kMaxCompareQueries) {
    return {ErrorCode::kBadRequest,
            "compare 1 to " + std::to_string(kMaxCompareQueries) + " queries (parameter 'q')"};
  }
  struct Counted {
    std::map<std::string, std::int64_t> by_date;
    std::int64_t total = 0;
  };
  std::vector<Counted> counted(request.queries.size());
  std::string first;
  std::string last;
  for (std::size_t i = 0; i < request.queries.size(); ++i) {
    if (request.queries[i].find_first_not_of(" \t") == std::string::npos) {
      return {ErrorCode::kBadRequest, "query " + std::to_string(i + 1) + " is empty"};
    }
    SearchRequest search = request.filters;
    search.text = request.queries[i];
    std::vector<std::string> warnings;
    if (SearchError e =
            searcher.date_counts(search, counted[i].by_date, counted[i].total, warnings)) {
      return e;
    }
    for (const std::string& w : warnings) {
      comparison.warnings.push_back("query " + std::to_string(i + 1) + ": " + w);
    }
    for (const auto& [date, count] : counted[i].by_date) {
      if (!is_day(date)) continue;
      if (first.empty() || date < first) first = date;
      if (last.empty() || date > last) last = date;
    }
  }
  comparison.interval = request.interval;
  if (comparison.interval == Interval::kAuto) {
    comparison.interval = first.empty() ? Interval::kMonth : auto_interval(first, last);
  }
  comparison.normalised = request.normalise;
  if (!first.empty()) {
    const std::string end = period_of(last, comparison.interval);
    for (std::string p = period_of(first, comparison.interval);;
         p = next_period(p, comparison.interval)) {
      comparison.periods.push_back(p);
      if (p >= end) break;
    }
  }
  std::map<std::string, std::int64_t> baseline_periods;
  if (request.normalise) {
    Counted all;
    SearchRequest search = request.filters;
    search.text.clear();
    std::vector<std::string> warnings;  // the filters' own, already reported with each query
    if (SearchError e = searcher.date_counts(search, all.by_date, all.total, warnings)) return e;
    baseline_periods = by_period(all.by_date, comparison.interval);
  }
  if (request.normalise) {
    for (const std::string& p : comparison.periods) {
      const auto it = baseline_periods.find(p);
      comparison.baseline.push_back(it == baseline_periods.end() ? 0 : it->second);
    }
  }
  for (std::size_t i = 0; i < request.queries.size(); ++i) {
    TimelineSeries series;
    series.query = request.queries[i];
    series.total = counted[i].total;
    const auto periods = by_period(counted[i].by_date, comparison.interval);
    for (std::size_t k = 0; k < comparison.periods.size(); ++k) {
      const auto it = periods.find(comparison.periods[k]);
      const std::int64_t count = it == periods.end() ? 0 : it->second;
      series.counts.push_back(count);
      series.dated += count;
      if (request.normalise) {
        const std::int64_t base = comparison.baseline[k];
        series.shares.push_back(base > 0 ? static_cast<double>(count) / base : 0.0);
      }
    }
    comparison.series.push_back(std::move(series));
  }
  return {};
}

nlohmann::json timeline_json(const TimelineComparison& comparison) {
  nlohmann::json series = nlohmann::json::array();
  for (const TimelineSeries& s : comparison.series) {
    series.push_back(
        {{"query", s.query},
         {"total", s.total},
         {"dated", s.dated},
         {"counts", s.counts},
         {"shares", comparison.normalised ? nlohmann::json(s.shares) : nlohmann::json()}});
  }
  return {
      {"interval", interval_name(comparison.interval)},
      {"normalised", comparison.normalised},
      {"periods", comparison.periods},
      {"baseline", comparison.normalised ? nlohmann::json(comparison.baseline) : nlohmann::json()},
      {"series", std::move(series)},
      {"warnings", comparison.warnings}};
}

std::string timeline_csv(const TimelineComparison& comparison) {
  std::string csv = csv_field("period");
  for (const TimelineSeries& s : comparison.series) {
    csv += "," + csv_field(s.query);
    if (comparison.normalised) csv += "," + csv_field(s.query + " (share)");
  }
  if (comparison.normalised) csv += "," + csv_field("all articles");
  csv += "\r\n";
  for (std::size_t k = 0; k < comparison.periods.size(); ++k) {
    csv += csv_field(comparison.periods[k]);
    for (const TimelineSeries& s : comparison.series) {
      csv += "," + std::to_string(s.counts[k]);
      if (comparison.normalised) {
        char share[32];
        std::snprintf(share, sizeof share, "%.6f", s.shares[k]);
        csv += std::string(",") + share;
      }
    }
    if (comparison.normalised) csv += "," + std::to_string(comparison.baseline[k]);
    csv += "\r\n";
  }
  return csv;
}

}  // namespace cs::query
