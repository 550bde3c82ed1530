#include "query/date_range.h"

#include "core/schema.h"
#include "query/match_all.h"

namespace cs::query {

namespace {

struct DateParts {
  std::string year;
  std::string month;  // "" when not given
  std::string day;    // "" when not given
};

bool digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool in_range(std::string_view two_digits, int lo, int hi) {
  const int v = (two_digits[0] - '0') * 10 + (two_digits[1] - '0');
  return v >= lo && v <= hi;
}

// Splits YYYY, YYYY-MM or YYYY-MM-DD; nullopt for anything else or impossible month/day.
std::optional<DateParts> split_date(std::string_view text) {
  DateParts parts;
  if (text.size() < 4 || !digits(text.substr(0, 4), 4)) return std::nullopt;
  parts.year = std::string(text.substr(0, 4));
  if (text.size() == 4) return parts;
  if (text.size() < 7 || text[4] != '-' || !digits(text.substr(5, 2), 2)) return std::nullopt;
  if (!in_range(text.substr(5, 2), 1, 12)) return std::nullopt;
  parts.month = std::string(text.substr(5, 2));
  if (text.size() == 7) return parts;
  if (text.size() != 10 || text[7] != '-' || !digits(text.substr(8, 2), 2)) return std::nullopt;
  if (!in_range(text.substr(8, 2), 1, 31)) return std::nullopt;
  parts.day = std::string(text.substr(8, 2));
  return parts;
}

}  // namespace

std::optional<std::string> period_start(std::string_view text) {
  const auto parts = split_date(text);
  if (!parts) return std::nullopt;
  return parts->year + (parts->month.empty() ? "01" : parts->month) +
         (parts->day.empty() ? "01" : parts->day);
}

std::optional<std::string> period_end(std::string_view text) {
  const auto parts = split_date(text);
  if (!parts) return std::nullopt;
  return parts->year + (parts->month.empty() ? "12" : parts->month) +
         (parts->day.empty() ? "31" : parts->day);
}

std::optional<Xapian::Query> date_range_query(std::string_view from, std::string_view to,
                                              std::string& error) {
  std::optional<std::string> lo;
  std::optional<std::string> hi;
  if (!from.empty() && !(lo = period_start(from))) {
    error = "invalid date '" + std::string(from) + "' (use YYYY, YYYY-MM or YYYY-MM-DD)";
    return std::nullopt;
  }
  if (!to.empty() && !(hi = period_end(to))) {
    error = "invalid date '" + std::string(to) + "' (use YYYY, YYYY-MM or YYYY-MM-DD)";
    return std::nullopt;
  }
  const Xapian::valueno slot = schema::kSlotDate;
  if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *lo, *hi);
  if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, *lo);
  if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, *hi);
  return match_all();
}

DateRangeProcessor::DateRangeProcessor(std::vector<std::string>* warnings)
    : Xapian::RangeProcessor(schema::kSlotDate, "date:"), warnings_(warnings) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  std::string error;
  auto query = date_range_query(begin, end, error);
  if (query) return *query;
  warnings_->push_back(error + "; date range ignored");
  return match_all();
}

}  // namespace cs::query
