#include "searchd/write_guard.h"

#include <arpa/inet.h>

#include <fstream>

namespace cs::searchd {

namespace {

constexpr std::size_t kMinTokenLength = 16;

// Compares without an early exit, so timing does not tell how much of a guess was right.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  }
  return diff == 0;
}

std::string presented_token(const httplib::Request& req) {
  const std::string bearer = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (bearer.starts_with(kBearer)) return bearer.substr(kBearer.size());
  return req.get_header_value("X-Write-Token");
}

}  // namespace

WriteGuard::WriteGuard(bool loopback, std::string token)
    : loopback_(loopback), token_(std::move(token)) {}

std::pair<int, std::string> WriteGuard::refusal(const httplib::Request& req) const {
  static const std::string kCrossSite = "cross-site requests may not change watches or run batches";
  if (req.has_header("Sec-Fetch-Site")) {
    const std::string site = req.get_header_value("Sec-Fetch-Site");
    if (site != "same-origin" && site != "none") return {403, kCrossSite};
  }
  if (req.has_header("Origin")) {
    const std::string origin = req.get_header_value("Origin");
    const std::string host = req.get_header_value("Host");
    if (host.empty() || (origin != "http://" + host && origin != "https://" + host)) {
      return {403, kCrossSite};
    }
  }
  if (!token_.empty()) {
    if (!same_secret(presented_token(req), token_)) {
      return {401, "this request needs the write token (Authorization: Bearer TOKEN)"};
    }
    return {0, ""};
  }
  if (!loopback_) {
    return {403, "writes are disabled: searchd listens beyond loopback without --write-token-file"};
  }
  // Without a token the request must name this machine: a page of another site whose name
  // was rebound to 127.0.0.1 sends its own name as Host (and as Origin).
  if (!is_loopback_host(host_name(req.get_header_value("Host")))) {
    return {403, "writes without a token must address this machine as localhost or 127.0.0.1"};
  }
  return {0, ""};
}

std::string host_name(std::string_view host) {
  if (host.starts_with("[")) {  // [IPv6]:port
    const std::size_t end = host.find(']');
    return std::string(host.substr(0, end == std::string_view::npos ? host.size() : end + 1));
  }
  return std::string(host.substr(0, host.find(':')));
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost" || host == "::1" || host == "[::1]") return true;
  // Only an IPv4 literal 127.x.y.z: a name such as "127.evil.example" is any machine.
  in_addr address{};
  const std::string text(host);
  return inet_pton(AF_INET, text.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

std::optional<std::string> read_write_token(const std::string& path, std::string& error) {
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) {
    error = "cannot read the write token file " + path;
    return std::nullopt;
  }
  const auto not_space = token.find_last_not_of(" \t\r\n");
  token.erase(not_space == std::string::npos ? 0 : not_space + 1);
  token.erase(0, token.find_first_not_of(" \t"));
  if (token.size() < kMinTokenLength) {
    error = "the write token in " + path + " is shorter than " + std::to_string(kMinTokenLength) +
            " characters";
    return std::nullopt;
  }
  return token;
}

}  // namespace cs::searchd
