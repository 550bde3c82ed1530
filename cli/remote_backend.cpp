#include "cli/remote_backend.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "query/json.h"
#include "query/request_params.h"

namespace cs::cli {

namespace {

using query::ErrorCode;
using query::SearchError;

constexpr std::time_t kConnectTimeoutSeconds = 5;
constexpr std::time_t kReadTimeoutSeconds = 30;

// The server's {"error": ...} text, or the body itself when it is not such an object.
std::string error_text(const std::string& body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_string()) {
    return parsed["error"].get<std::string>();
  }
  return body.substr(0, body.find('\n'));
}

// httplib's error names ("Connection", "Read") in words a user can act on.
std::string describe(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection:
      return "connection failed (refused or unreachable)";
    case httplib::Error::ConnectionTimeout:
      return "connection timed out";
    case httplib::Error::Read:
      return "no complete answer (read failed or timed out)";
    default:
      return httplib::to_string(error);
  }
}

bool is_success(int status) { return status >= 200 && status < 300; }

class RemoteBackend : public Backend {
 public:
  RemoteBackend(std::string origin, std::string prefix)
      : origin_(std::move(origin)), prefix_(std::move(prefix)), client_(origin_) {
    client_.set_connection_timeout(kConnectTimeoutSeconds);
    client_.set_read_timeout(kReadTimeoutSeconds);
  }

  SearchError search(const query::SearchRequest& request, query::SearchResult& result) override {
    return get_json("/api/search?" + query::query_string(query::search_params(request)), result);
  }

  SearchError claims(const query::ClaimsRequest& request, query::ClaimsResult& result) override {
    return get_json("/api/claims?" + query::query_string(query::claims_params(request)), result);
  }

  SearchError for_each_match(
      const query::SearchRequest& request,
      const std::function<bool(const query::StoredArticle&)>& emit) override {
    const std::string target =
        prefix_ + "/api/export?" +
        query::query_string(query::export_params(request, {.format = query::ExportFormat::kJsonl}));
    int status = 0;
    std::string pending;  // bytes after the last complete line (or an error body)
    std::string parse_error;
    bool stopped = false;
    // Emits every complete line of `pending`; false to stop the download.
    const auto emit_lines = [&] {
      std::size_t start = 0;
      for (std::size_t end; (end = pending.find('\n', start)) != std::string::npos;
           start = end + 1) {
        const nlohmann::json line =
            nlohmann::json::parse(pending.begin() + start, pending.begin() + end, nullptr, false);
        query::StoredArticle article;
        if (line.is_discarded() || !query::from_json(line, article, parse_error)) {
          if (parse_error.empty()) parse_error = "an export line is not JSON";
          return false;
        }
        if (!emit(article)) {
          stopped = true;
          return false;
        }
      }
      pending.erase(0, start);
      return true;
    };
    const httplib::Result response = client_.Get(
        target,
        [&](const httplib::Response& head) {
          status = head.status;
          return true;
        },
        [&](const char* data, std::size_t length) {
          pending.append(data, length);
          return !is_success(status) || emit_lines();
        });
    if (stopped) return {};
    if (!parse_error.empty()) return bad_answer(parse_error);
    if (!response) return unreachable(response.error());
    if (!is_success(status)) return http_error(status, pending);
    if (!pending.empty()) {
      pending += '\n';
      if (!emit_lines() && !stopped) return bad_answer(parse_error);
    }
    return {};
  }

 private:
  // GETs `path_and_query` and parses the JSON answer into `result` (query/json.h).
  template <typename Result>
  SearchError get_json(const std::string& path_and_query, Result& result) {
    const httplib::Result response = client_.Get(prefix_ + path_and_query);
    if (!response) return unreachable(response.error());
    if (!is_success(response->status)) return http_error(response->status, response->body);
    std::string message;
    const nlohmann::json parsed = nlohmann::json::parse(response->body, nullptr, false);
    if (parsed.is_discarded()) return bad_answer("the answer is not JSON");
    if (!query::from_json(parsed, result, message)) return bad_answer(message);
    return {};
  }

  SearchError unreachable(httplib::Error error) const {
    return {ErrorCode::kInternal,
            "cannot reach searchd at " + origin_ + prefix_ + ": " + describe(error)};
  }
  SearchError http_error(int status, const std::string& body) const {
    const std::string text = error_text(body);
    return {status == 400 ? ErrorCode::kBadRequest : ErrorCode::kInternal,
            "searchd at " + origin_ + prefix_ + " answered HTTP " + std::to_string(status) +
                (text.empty() ? "" : ": " + text)};
  }
  SearchError bad_answer(const std::string& why) const {
    return {ErrorCode::kInternal,
            "unreadable answer from searchd at " + origin_ + prefix_ + ": " + why};
  }

  std::string origin_;  // scheme://host[:port]
  std::string prefix_;  // path before /api, without a trailing slash
  httplib::Client client_;
};

}  // namespace

std::unique_ptr<Backend> open_remote_backend(const std::string& url, query::SearchError& error) {
  const std::size_t scheme_end = url.find("://");
  const std::string scheme = url.substr(0, scheme_end);
  if (scheme_end == std::string::npos || (scheme != "http" && scheme != "https") ||
      scheme_end + 3 == url.size() || url[scheme_end + 3] == '/') {
    error = {ErrorCode::kBadRequest,
             "--server wants a URL like http://127.0.0.1:8080, not '" + url + "'"};
    return nullptr;
  }
  const std::size_t path_start = url.find('/', scheme_end + 3);
  std::string prefix = path_start == std::string::npos ? "" : url.substr(path_start);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return std::make_unique<RemoteBackend>(url.substr(0, path_start), std::move(prefix));
}

}  // namespace cs::cli
