// Hardening and observability of the cpp-httplib server (see TECH-NOTES.md, cpp-httplib
// 0.11.4; workers, timeouts and connection limits are gated_server.h's): a payload limit,
// security headers, a pre-routing
// filter for the request shapes this version handles badly, a generic 500 for exceptions,
// JSON bodies for error statuses, and one access-log line plus metrics per request.
//
// Thread-safety: configure before listening; the installed callbacks are thread-safe.
#ifndef CS_SEARCHD_SERVER_SETUP_H_
#define CS_SEARCHD_SERVER_SETUP_H_

#include <httplib.h>

#include "searchd/metrics.h"

namespace cs::searchd {

/// Largest request body accepted: a batch (watch_handlers.h kMaxBatchBody); other POSTs check
/// smaller limits of their own.
inline constexpr std::size_t kMaxPayload = 1024 * 1024;

/// Applies the payload limit, headers, filters and logging to `server`.
void configure_server(httplib::Server& server, Metrics& metrics);

/// Why the pre-routing filter refuses `req` as {status, message}, or {0, ""} to let it pass.
std::pair<int, std::string> refuse_reason(const httplib::Request& req);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_SERVER_SETUP_H_
