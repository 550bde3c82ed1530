// corpus-search --server URL: a Backend that sends SearchRequests to searchd's HTTP API
// (GET /api/search, GET /api/export?format=jsonl) and reads the answers back with the same
// JSON code that wrote them (query/json.h), so every printer works unchanged.
//
// Every request has bounded connect and read timeouts. Failures (refused connection, timeout,
// a non-2xx status, an unreadable body) become SearchErrors whose message names the URL and
// the HTTP status or error; a server's {"error": ...} text is shown as is.
//
// Thread-safety: a RemoteBackend is used by one thread; the URL builders are pure functions.
#ifndef CS_QUERY_CLI_REMOTE_BACKEND_H_
#define CS_QUERY_CLI_REMOTE_BACKEND_H_

#include <memory>
#include <string>
#include <string_view>

#include "query/cli/backend.h"

namespace cs::cli {

/// `value` percent-encoded for a URL query string (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view value);

/// The query string (no leading "?") of /api/search for `request`: q, one parameter per
/// filter ("-value" for excludes), from, to, sort, page, size, collapse.
std::string search_query_string(const query::SearchRequest& request);

/// The query string of /api/export?format=jsonl for `request` (paging left out).
std::string export_query_string(const query::SearchRequest& request);

/// A backend over the searchd at `url` ("http://host:port", optionally with a path prefix;
/// https too). Returns nullptr and sets `error` (kBadRequest) when `url` is malformed; the
/// server itself is first contacted by the first request.
std::unique_ptr<Backend> open_remote_backend(const std::string& url, query::SearchError& error);

}  // namespace cs::cli

#endif  // CS_QUERY_CLI_REMOTE_BACKEND_H_
