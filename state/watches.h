// Watches on the search path: creating a watch from API parameters, and finding what is new
// for it, the same way for corpus-search, searchd's API and its Atom feeds.
//
// What is new is decided by the "added" stamps of core/arrival.h, not by the clock: a check
// reads the index's last run stamp before it searches and records that as seen, and the next
// check asks for articles added after it. A run that commits while a check searches is
// reported by the next check, so nothing is missed (an article committed during a check may be
// reported by it and again by the next one).
//
// Thread-safety: functions use the Searcher and WatchStore they are given (one thread each).
#ifndef CS_STATE_WATCHES_H_
#define CS_STATE_WATCHES_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "query/search.h"
#include "state/watch_store.h"

namespace cs::state {

/// Most new matches one check lists (its total counts them all).
inline constexpr int kMaxWatchMatches = query::kMaxPageSize;

/// The search request of a watch's query string (the /api/search parameters). kBadRequest
/// naming the parameter when one is wrong; paging and sort are ignored.
query::SearchError watch_request(std::string_view query_string, query::SearchRequest& request);

/// Validates `name` and `query_string`, and adds the watch; what the index holds now counts as
/// seen. kBadRequest for a bad name, a taken name or a bad parameter. Throws StateError when
/// the state database fails.
query::SearchError create_watch(WatchStore& store, query::Searcher& searcher, std::string_view name,
                                std::string_view query_string, Watch& created);

/// What is new for a watch.
struct WatchNews {
  std::string since;            ///< the stamp the matches were added after ("" = all)
  std::string seen;             ///< the index's stamp before the search: record it as seen
  query::SearchResult matches;  ///< newest added first
};

/// The matches of `watch` added after `since` (a stamp; nullopt: the watch's seen stamp; "":
/// every match), newest added first, page `page` of `page_size` (1..kMaxWatchMatches), with
/// snippets and without facets.
query::SearchError watch_news(query::Searcher& searcher, const Watch& watch,
                              std::optional<std::string> since, int page, int page_size,
                              WatchNews& news);

/// A watch as JSON: {"id", "name", "query", "created", "checked" (or null), "seen" (or
/// null), and "new" when `new_count` is given}; times ISO 8601 UTC.
nlohmann::ordered_json watch_json(const Watch& watch, std::optional<std::int64_t> new_count = {});

/// What is new for a watch as JSON: the search result's fields (query/json.h) plus "watch",
/// "since" (ISO or null) and "seen" (ISO or null).
nlohmann::ordered_json news_json(const Watch& watch, const WatchNews& news);

}  // namespace cs::state

#endif  // CS_STATE_WATCHES_H_
