// Date ranges: `date:A..B` (publication) and `added:A..B` (when the article was first indexed)
// in the query language, and the from/to of a request.
//
// Bounds are YYYY, YYYY-MM or YYYY-MM-DD; either end may be open. A year or month bound covers
// the whole period ("2016..2016" is all of 2016, "..2016-02" ends on the last day of
// February). Ranges are value-range queries over schema::kSlotDate ("YYYYMMDD"; articles with
// unknown dates never match a range) or schema::kSlotAdded ("YYYYMMDDHHMMSS", UTC days).
//
// Thread-safety: the functions are pure; a DateRangeProcessor belongs to one QueryParser.
#ifndef CS_QUERY_DATE_RANGE_H_
#define CS_QUERY_DATE_RANGE_H_

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::query {

/// Which date a range is over.
enum class DateKind {
  kPublished,  ///< `date:`, from/to: schema::kSlotDate
  kAdded,      ///< `added:`: schema::kSlotAdded
};

/// The query for [from, to] (empty = open end) over the slot of `kind`. Returns nullopt and
/// sets `error` when a bound is invalid; returns a match-all query when both ends are open.
std::optional<Xapian::Query> date_range_query(std::string_view from, std::string_view to,
                                              std::string& error,
                                              DateKind kind = DateKind::kPublished);

/// QueryParser range processor for `date:A..B` or `added:A..B`. An invalid bound adds a
/// warning to the vector it was given and leaves the range out of the query instead of failing.
class DateRangeProcessor : public Xapian::RangeProcessor {
 public:
  /// `warnings` must outlive the processor; parse warnings are appended to it.
  DateRangeProcessor(DateKind kind, std::vector<std::string>* warnings);

  /// Builds the range query for the text between the prefix and "..", and after "..".
  Xapian::Query operator()(const std::string& begin, const std::string& end) override;

 private:
  DateKind kind_;
  std::vector<std::string>* warnings_;
};

}  // namespace cs::query

#endif  // CS_QUERY_DATE_RANGE_H_
