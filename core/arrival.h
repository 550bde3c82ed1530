// When an article arrived: the "added" stamp every document carries (the time of the indexing
// run that first indexed it, UTC, "YYYYMMDDHHMMSS") and the conversions around it.
//
// Each run's stamp is strictly later than the stamp of the run before it (kMetaLastAdded in
// the index), even when two runs start in the same second, so "added after the stamp a watch
// last saw" selects exactly the articles of later runs (watches, query/watches.h).
//
// Thread-safety: pure functions, safe from any thread.
#ifndef CS_CORE_ARRIVAL_H_
#define CS_CORE_ARRIVAL_H_

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace cs {

/// Number of characters of a stamp ("YYYYMMDDHHMMSS").
inline constexpr std::size_t kStampLength = 14;

/// The stamp of `when` (seconds since the epoch), UTC.
std::string stamp_of(std::time_t when);

/// The stamp for a run starting at `now`: stamp_of(now), or one second after `previous` (the
/// index's last run stamp, "" when none) when that is not earlier.
std::string next_run_stamp(std::time_t now, std::string_view previous);

/// True when `text` is a well-formed stamp (14 digits forming a real UTC time).
bool is_stamp(std::string_view text);

/// The stamp as ISO 8601 UTC ("2026-11-29T01:43:21Z"); "" when it is not a stamp.
std::string stamp_to_iso(std::string_view stamp);

/// Parses a time as users and the API write it: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z]" (UTC;
/// a space may replace the T) or a stamp. A date alone is its first second. nullopt when
/// malformed.
std::optional<std::string> parse_stamp(std::string_view text);

/// The sort key of a stamp for "newest added first" as an ascending value sort: every digit d
/// replaced by 9 - d, then `article_id` (ties in article id order).
std::string added_sort_key(std::string_view stamp, std::string_view article_id);

}  // namespace cs

#endif  // CS_CORE_ARRIVAL_H_
