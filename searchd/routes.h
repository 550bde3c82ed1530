// The one route table of searchd and its thin handlers: parse parameters into a
// SearchRequest, borrow a Searcher from the live index, serialise with query/json.h.
//
// Thread-safety: handlers run concurrently on the server's worker threads; they share only
// the ServiceContext, whose members are thread-safe.
#ifndef CS_SEARCHD_ROUTES_H_
#define CS_SEARCHD_ROUTES_H_

#include <httplib.h>

#include <string>

#include "query/request_params.h"
#include "searchd/live_index.h"
#include "searchd/metrics.h"
#include "searchd/static_files.h"
#include "searchd/write_guard.h"

namespace cs::searchd {

/// What handlers need; owned by main and outliving the server.
struct ServiceContext {
  LiveIndex& index;
  Metrics& metrics;
  const StaticFiles& files;
  const WriteGuard& writes;  ///< decides state-changing requests
  std::string state_file;    ///< the watches' state file; "" = the one of the index root
  std::string index_path;    ///< the index as given (its root holds the default state file)
};

/// Registers every route of the table on `server`.
void install_routes(httplib::Server& server, const ServiceContext& context);

/// True when a route answers `method` (POST, DELETE) at `path`; GET and HEAD are always let
/// through to routing. The pre-routing filter refuses other requests with 405.
bool accepts_method(const std::string& method, const std::string& path);

/// The request's query parameters in the query library's form (same order).
query::Params params_of(const httplib::Request& req);

/// Answers with the status of `error`'s code and its message (500s say only "internal error").
void send_error(httplib::Response& res, const query::SearchError& error);

/// The label of the route that serves `path` ("search", "doc", ...), or "unmatched"; used for
/// metrics so that the number of series stays bounded.
std::string route_label(const std::string& path);

/// `{"error": message}` as a response body, through the shared serializer.
void set_error(httplib::Response& res, int status, const std::string& message);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_ROUTES_H_
