#include "query/date_range.h"

#include "core/dates.h"
#include "core/schema.h"
#include "query/match_all.h"

namespace cs::query {

namespace {

// The slot and query-language prefix of a date kind.
Xapian::valueno slot_of(DateKind kind) {
  return kind == DateKind::kAdded ? schema::kSlotAdded : schema::kSlotDate;
}

const char* prefix_of(DateKind kind) { return kind == DateKind::kAdded ? "added:" : "date:"; }

}  // namespace

std::optional<Xapian::Query> date_range_query(std::string_view from, std::string_view to,
                                              std::string& error, DateKind kind) {
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
  const Xapian::valueno slot = slot_of(kind);
  if (kind == DateKind::kAdded) {  // stamps: the first and last second of the days
    if (lo) *lo += "000000";
    if (hi) *hi += "235959";
  }
  if (lo && hi) return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, *lo, *hi);
  if (lo) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, *lo);
  if (hi) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, *hi);
  return match_all();
}

DateRangeProcessor::DateRangeProcessor(DateKind kind, std::vector<std::string>* warnings)
    : Xapian::RangeProcessor(slot_of(kind), prefix_of(kind)), kind_(kind), warnings_(warnings) {}

Xapian::Query DateRangeProcessor::operator()(const std::string& begin, const std::string& end) {
  std::string error;
  auto query = date_range_query(begin, end, error, kind_);
  if (query) return *query;
  warnings_->push_back(error + "; date range ignored");
  return match_all();
}

}  // namespace cs::query
