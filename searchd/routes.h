// The one route table of searchd and its thin handlers: parse parameters into a
// SearchRequest, borrow a Searcher from the live index, serialise with query/json.h.
//
// Thread-safety: handlers run concurrently on the server's worker threads; they share only
// the ServiceContext, whose members are thread-safe.
#ifndef CS_SEARCHD_ROUTES_H_
#define CS_SEARCHD_ROUTES_H_

#include <httplib.h>

#include <string>

#include "searchd/live_index.h"
#include "searchd/metrics.h"
#include "searchd/static_files.h"

namespace cs::searchd {

/// What handlers need; owned by main and outliving the server.
struct ServiceContext {
  LiveIndex& index;
  Metrics& metrics;
  const StaticFiles& files;
};

/// Registers every route of the table on `server`.
void install_routes(httplib::Server& server, const ServiceContext& context);

/// The label of the route that serves `path` ("search", "doc", ...), or "unmatched"; used for
/// metrics so that the number of series stays bounded.
std::string route_label(const std::string& path);

/// `{"error": message}` as a response body, through the shared serializer.
void set_error(httplib::Response& res, int status, const std::string& message);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_ROUTES_H_
