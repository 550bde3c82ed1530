#include "searchd/server_setup.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>

#include "searchd/routes.h"

namespace cs::searchd {
namespace {

using Clock = std::chrono::steady_clock;

/// When the request being handled on this worker thread reached routing; the logger runs on
/// the same thread after the response is written. Requests refused before routing (414)
/// have no start and are logged with 0 ms.
thread_local std::optional<Clock::time_point> request_start;

httplib::Headers security_headers() {
  return {
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
  };
}

void log_request(Metrics& metrics, const httplib::Request& req, const httplib::Response& res) {
  double seconds = 0;
  if (request_start) {
    seconds = std::chrono::duration<double>(Clock::now() - *request_start).count();
    request_start.reset();
  }
  metrics.record(route_label(req.path), res.status, seconds);
  std::string path = req.path;  // decoded: keep control characters out of the log
  std::replace_if(
      path.begin(), path.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }, '?');
  std::fprintf(stderr, "%s %s %d %.1fms\n", req.method.c_str(), path.c_str(), res.status,
               seconds * 1000);
}

}  // namespace

std::pair<int, std::string> refuse_reason(const httplib::Request& req) {
  if (req.method != "GET" && req.method != "HEAD" && !accepts_method(req.method, req.path)) {
    return {405, "only GET is supported here"};
  }
  // Without a length cpp-httplib waits for a body until the read timeout.
  if (req.method == "POST" && !req.has_header("Content-Length") &&
      !req.has_header("Transfer-Encoding")) {
    return {411, "a POST needs a Content-Length (an empty body: Content-Length: 0, curl -d '')"};
  }
  if (req.has_header("Transfer-Encoding") || req.has_header("Content-Encoding")) {
    return {415, "request bodies with Transfer-Encoding or Content-Encoding are not accepted"};
  }
  if (req.ranges.size() > 1 || req.get_header_value_count("Range") > 1 ||
      req.get_header_value("Range").find(',') != std::string::npos) {
    return {416, "only a single byte range is supported"};
  }
  return {0, ""};
}

void configure_server(httplib::Server& server, Metrics& metrics) {
  server.set_payload_max_length(kMaxPayload);
  server.set_default_headers(security_headers());
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    request_start = Clock::now();
    auto [status, message] = refuse_reason(req);
    if (status == 0) return httplib::Server::HandlerResponse::Unhandled;
    if (status == 405) {
      res.set_header("Allow", accepts_method("POST", req.path)     ? "GET, HEAD, POST"
                              : accepts_method("DELETE", req.path) ? "GET, HEAD, DELETE"
                                                                   : "GET, HEAD");
    }
    res.set_header("Connection", "close");  // any unread body must not become the next request
    set_error(res, status, message);
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          std::fprintf(stderr, "searchd: %s %s failed: %s\n", req.method.c_str(), req.path.c_str(),
                       e.what());
        } catch (...) {
          std::fprintf(stderr, "searchd: %s %s failed\n", req.method.c_str(), req.path.c_str());
        }
        res.headers.clear();
        set_error(res, 500, "internal error");
      });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.is_chunked_content_provider_) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        set_error(res, res.status, res.status == 404 ? "not found" : "request refused");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_logger([&metrics](const httplib::Request& req, const httplib::Response& res) {
    log_request(metrics, req, res);
  });
}

}  // namespace cs::searchd
