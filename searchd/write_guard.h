// Who may change searchd's state (create or delete watches, mark them seen) and run batches:
// only same-origin requests (the page; checked with Sec-Fetch-Site and Origin, never CORS) and
// local tools without those headers; without a write token, only requests addressed to a
// loopback name (no DNS rebinding); and, when searchd listens beyond loopback, only requests
// that carry the write token (--write-token-file). Reads stay open.
//
// Thread-safety: immutable after construction; refusal() is safe from any thread.
#ifndef CS_SEARCHD_WRITE_GUARD_H_
#define CS_SEARCHD_WRITE_GUARD_H_

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cs::searchd {

/// Decides whether a state-changing request may run.
class WriteGuard {
 public:
  /// `loopback`: searchd listens on a loopback address only; `token`: the write token, "" for
  /// none (then writes need loopback).
  WriteGuard(bool loopback, std::string token);

  /// {status, message} refusing `req` (403 cross-site or writes disabled, 401 missing or
  /// wrong token), or {0, ""} to let it run.
  std::pair<int, std::string> refusal(const httplib::Request& req) const;

 private:
  bool loopback_;
  std::string token_;
};

/// The name part of a Host header ("127.0.0.1:8080" -> "127.0.0.1", "[::1]:80" -> "[::1]").
std::string host_name(std::string_view host);

/// True for an address that only this machine reaches ("127.0.0.1", "::1", "localhost", ...).
bool is_loopback_host(std::string_view host);

/// The token in `path` (its first line, trimmed), or nullopt with `error` set when the file
/// cannot be read or holds fewer than 16 characters.
std::optional<std::string> read_write_token(const std::string& path, std::string& error);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_WRITE_GUARD_H_
