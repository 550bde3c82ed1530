// corpus-search --server URL: a Backend that sends SearchRequests to searchd's HTTP API
// (GET /api/search, GET /api/export?format=jsonl) and reads the answers back with the same
// JSON code that wrote them (query/json.h), so every printer works unchanged.
//
// Every request has bounded connect and read timeouts. Failures (refused connection, timeout,
// a non-2xx status, an unreadable body) become SearchErrors whose message names the URL and
// the HTTP status or error; a server's {"error": ...} text is shown as is.
//
// The parameters are the query library's one request <-> parameters mapping
// (query/request_params.h), the same that searchd parses.
//
// Thread-safety: a RemoteBackend is used by one thread.
#ifndef CS_CLI_REMOTE_BACKEND_H_
#define CS_CLI_REMOTE_BACKEND_H_

#include <memory>
#include <string>

#include "cli/backend.h"

namespace cs::cli {

/// A backend over the searchd at `url` ("http://host:port", optionally with a path prefix;
/// https too). Returns nullptr and sets `error` (kBadRequest) when `url` is malformed; the
/// server itself is first contacted by the first request.
std::unique_ptr<Backend> open_remote_backend(const std::string& url, query::SearchError& error);

}  // namespace cs::cli

#endif  // CS_CLI_REMOTE_BACKEND_H_
