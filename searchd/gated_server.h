// An httplib::Server whose workers only serve requests that have fully arrived.
//
// cpp-httplib 0.11.4 gives every accepted connection a worker thread until the connection
// closes, and its read timeout applies to each read: 300 clients that trickle a header one
// byte at a time hold every worker and stall the server (issue 16). Here a single gate thread
// holds connections while their request header arrives (and while a keep-alive connection is
// idle), with a deadline for the whole header; only a connection whose header is complete is
// handed to a worker, which answers that one request and hands the connection back. A cap on
// open connections and on requests waiting for a worker answers the excess at once with 503
// and Retry-After instead of queueing it silently.
//
// Thread-safety: configure before listening; listen/stop as for httplib::Server.
#ifndef CS_SEARCHD_GATED_SERVER_H_
#define CS_SEARCHD_GATED_SERVER_H_

#include <httplib.h>

#include <atomic>
#include <memory>

#include "searchd/metrics.h"

namespace cs::searchd {

/// The gate's limits (searchd flags; see README "Limits").
struct GateLimits {
  int workers = 16;               ///< threads answering requests
  int max_queued = 64;            ///< complete requests waiting for a worker before 503
  int max_connections = 1000;     ///< open connections (waiting or served) before 503
  double request_timeout = 10;    ///< seconds from a request's first byte to its end
  double keep_alive_timeout = 2;  ///< seconds an idle keep-alive connection is kept
  int keep_alive_max = 100;       ///< requests served on one connection
  double read_timeout = 5;        ///< seconds one read of a request body may wait
  double write_timeout = 30;      ///< seconds one write of a response may wait
};

/// A header larger than this is answered 431 (cpp-httplib reads a URI of at most 8 KB).
inline constexpr std::size_t kMaxHeaderBytes = 32 * 1024;

/// The gated server; routes, handlers and hooks are set as on httplib::Server.
class GatedServer : public httplib::Server {
 public:
  /// A server with `limits`; refusals (408, 431, 503) are counted in `metrics` under the
  /// route label "connection".
  GatedServer(const GateLimits& limits, Metrics& metrics);
  ~GatedServer() override;

  GatedServer(const GatedServer&) = delete;
  GatedServer& operator=(const GatedServer&) = delete;

  class Gate;

 private:
  /// Called by httplib's accept loop (through an inline task queue) for each accepted socket:
  /// hands it to the gate.
  bool process_and_close_socket(socket_t sock) override;

  std::unique_ptr<Gate> gate_;
};

}  // namespace cs::searchd

#endif  // CS_SEARCHD_GATED_SERVER_H_
