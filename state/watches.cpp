#include "state/watches.h"

#include <ctime>

#include "core/arrival.h"
#include "query/json.h"
#include "query/request_params.h"

namespace cs::state {

query::SearchError watch_request(std::string_view query_string, query::SearchRequest& request) {
  using query::ErrorCode;
  if (query_string.size() > kMaxWatchQuery) {
    return {ErrorCode::kBadRequest,
            "the query is longer than " + std::to_string(kMaxWatchQuery) + " bytes"};
  }
  std::string error;
  const auto params = query::parse_query_string(query_string, error);
  if (!params) return {ErrorCode::kBadRequest, error};
  request = query::SearchRequest{};
  return query::parse_search_params(*params, request);
}

query::SearchError create_watch(WatchStore& store, query::Searcher& searcher, std::string_view name,
                                std::string_view query_string, Watch& created) {
  using query::ErrorCode;
  if (std::string problem = watch_name_problem(name); !problem.empty()) {
    return {ErrorCode::kBadRequest, "watch name: " + problem};
  }
  query::SearchRequest request;
  if (query::SearchError error = watch_request(query_string, request)) return error;
  if (store.find_by_name(name)) {
    return {ErrorCode::kBadRequest, "a watch named '" + std::string(name) + "' already exists"};
  }
  try {
    created = store.add(name, query_string, stamp_of(std::time(nullptr)), searcher.last_added());
  } catch (const StateError& e) {
    if (!store.find_by_name(name)) throw;
    return {ErrorCode::kBadRequest, e.what()};  // added by another process meanwhile
  }
  return {};
}

query::SearchError watch_news(query::Searcher& searcher, const Watch& watch,
                              std::optional<std::string> since, int page, int page_size,
                              WatchNews& news) {
  query::SearchRequest request;
  if (query::SearchError error = watch_request(watch.query, request)) return error;
  news = WatchNews{};
  news.since = since ? std::move(*since) : watch.seen;
  news.seen = searcher.last_added();  // before the search: a later run is news next time
  request.added_after = news.since;
  request.sort = query::SortOrder::kAdded;
  request.page = page;
  request.page_size = page_size;
  request.want_facets = false;
  request.want_timeline = false;
  return searcher.search(request, news.matches);
}

namespace {

nlohmann::ordered_json iso_or_null(const std::string& stamp) {
  const std::string iso = stamp_to_iso(stamp);
  return iso.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(iso);
}

}  // namespace

nlohmann::ordered_json watch_json(const Watch& watch, std::optional<std::int64_t> new_count) {
  nlohmann::ordered_json json = {{"id", watch.id},
                                 {"name", watch.name},
                                 {"query", watch.query},
                                 {"created", iso_or_null(watch.created)},
                                 {"checked", iso_or_null(watch.checked)},
                                 {"seen", iso_or_null(watch.seen)}};
  if (new_count) json["new"] = *new_count;
  return json;
}

nlohmann::ordered_json news_json(const Watch& watch, const WatchNews& news) {
  nlohmann::ordered_json json = {{"watch", watch_json(watch, news.matches.total)},
                                 {"since", iso_or_null(news.since)},
                                 {"seen", iso_or_null(news.seen)}};
  const nlohmann::json matches = query::to_json(news.matches);
  for (const auto& [key, value] : matches.items()) json[key] = value;
  return json;
}

}  // namespace cs::state
