#include "searchd/routes.h"

#include <regex>
#include <vector>

#include "query/entity_profile.h"
#include "query/export.h"
#include "query/json.h"
#include "query/request_params.h"
#include "searchd/watch_handlers.h"

namespace cs::searchd {
namespace {

using query::ErrorCode;
using query::ExportFormat;
using query::ExportSpec;
using query::SearchError;

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr int kRelatedLimit = 10;
constexpr std::size_t kExportChunk = 64 * 1024;

using RouteHandler = void (*)(const ServiceContext&, const httplib::Request&, httplib::Response&);

/// One route: a label for metrics, the method, a path pattern and its handler.
struct Route {
  const char* label;
  const char* method;
  const char* pattern;
  RouteHandler handler;
};

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kNoIndex:
    case ErrorCode::kSchemaVersion:
    case ErrorCode::kTimeout:
      return 503;
    case ErrorCode::kNone:
    case ErrorCode::kInternal:
      break;
  }
  return 500;
}

void get_page(const ServiceContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto page = ctx.files.load("index.html");
  if (!page) return set_error(res, 404, "the search page is not installed");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(page->content, page->content_type);
}

void get_static(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  auto file = ctx.files.load(req.matches[1].str());
  if (!file) return set_error(res, 404, "not found");
  res.set_header("Cache-Control", "no-cache");
  res.set_content(file->content, file->content_type);
}

/// Answers from the lease's cache when it holds this request; otherwise runs `compute`
/// (SearchError(std::string& body)) and caches a successful answer. `X-Cache` says which.
template <typename Compute>
void answer_cached(const ServiceContext& ctx, const Lease& lease, const httplib::Request& req,
                   httplib::Response& res, Compute&& compute) {
  std::string key;
  if (lease.cache) {
    key = cache_key(req.path, req.params);
    if (auto body = lease.cache->find(key)) {
      ctx.metrics.record_cache(true);
      res.set_header("X-Cache", "hit");
      res.set_content(*body, kJson);
      return;
    }
    ctx.metrics.record_cache(false);
  }
  std::string body;
  if (SearchError error = compute(body)) return send_error(res, error);
  if (lease.cache) {
    res.set_header("X-Cache", "miss");
    lease.cache->insert(key, body);
  }
  res.set_content(body, kJson);
}

void get_search(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  query::SearchRequest request;
  if (auto error = query::parse_search_params(params_of(req), request)) {
    return send_error(res, error);
  }
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  answer_cached(ctx, lease, req, res, [&](std::string& body) {
    query::SearchResult result;
    SearchError e = lease.searcher->search(request, result);
    if (!e) body = query::dump(query::to_json(result));
    return e;
  });
}

void get_claims(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  query::ClaimsRequest request;
  if (auto error = query::parse_claims_params(params_of(req), request)) {
    return send_error(res, error);
  }
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  answer_cached(ctx, lease, req, res, [&](std::string& body) {
    query::ClaimsResult result;
    SearchError e = lease.searcher->claims(request, result);
    if (!e) body = query::dump(query::to_json(result));
    return e;
  });
}

void get_entity(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  query::SearchRequest scope;
  if (auto error = query::parse_search_params(params_of(req), scope)) {
    return send_error(res, error);
  }
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  answer_cached(ctx, lease, req, res, [&](std::string& body) {
    query::EntityProfile profile;
    SearchError e = query::entity_profile(*lease.searcher, req.matches[1].str(), scope, profile);
    if (!e) body = query::dump(query::entity_profile_json(profile));
    return e;
  });
}

void get_timeline(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  query::TimelineRequest request;
  if (auto error = query::parse_timeline_params(params_of(req), request)) {
    return send_error(res, error);
  }
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  if (request.csv) {  // a download: not cached, the cache holds JSON
    query::TimelineComparison comparison;
    if (SearchError e = query::compare_timelines(*lease.searcher, request, comparison)) {
      return send_error(res, e);
    }
    res.set_header("Content-Disposition", "attachment; filename=\"timeline.csv\"");
    return res.set_content(query::timeline_csv(comparison), "text/csv; charset=utf-8");
  }
  answer_cached(ctx, lease, req, res, [&](std::string& body) {
    query::TimelineComparison comparison;
    SearchError e = query::compare_timelines(*lease.searcher, request, comparison);
    if (!e) body = query::dump(query::timeline_json(comparison));
    return e;
  });
}

void get_doc(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  query::StoredArticle article;
  if ((error = lease.searcher->document(req.matches[1].str(), article))) {
    return send_error(res, error);
  }
  res.set_content(query::dump(query::to_json(article)), kJson);
}

void get_related(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease) return send_error(res, error);
  answer_cached(ctx, lease, req, res, [&](std::string& body) {
    query::SearchResult result;
    SearchError e = lease.searcher->related(req.matches[1].str(), kRelatedLimit, result);
    if (!e) body = query::dump(query::to_json(result));
    return e;
  });
}

/// Streams every match of `request` into `sink`, buffered into chunks; false on a write or
/// search failure (the connection is then closed, as the status is already sent).
bool stream_export(query::Searcher& searcher, const query::SearchRequest& request,
                   const ExportSpec& spec, httplib::DataSink& sink) {
  std::string buffer = query::export_header(spec);
  bool written = true;
  auto error = searcher.for_each_match(request, [&](const query::StoredArticle& article) {
    buffer += query::export_record(spec, article);
    if (buffer.size() < kExportChunk) return true;
    written = sink.write(buffer.data(), buffer.size());
    buffer.clear();
    return written;
  });
  if (error || !written) return false;
  if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) return false;
  sink.done();
  return true;
}

void get_export(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  query::SearchRequest request;
  ExportSpec spec;
  if (auto error = query::parse_export_params(params_of(req), request, spec)) {
    return send_error(res, error);
  }
  SearchError error;
  auto searcher = ctx.index.acquire(error).searcher;
  if (!searcher) return send_error(res, error);
  const bool csv = spec.format == ExportFormat::kCsv;
  const std::string name = spec.what == query::ExportWhat::kClaims ? "claims" : "export";
  res.set_header("Content-Disposition",
                 "attachment; filename=\"" + name + (csv ? ".csv\"" : ".jsonl\""));
  res.set_chunked_content_provider(
      csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      [searcher, request, spec](std::size_t, httplib::DataSink& sink) {
        return stream_export(*searcher, request, spec, sink);
      });
}

// Browsers ask for it on every page: no icon, and no 404 in the logs (issue 20, defect 8).
void get_favicon(const ServiceContext&, const httplib::Request&, httplib::Response& res) {
  res.status = 204;
  res.set_header("Cache-Control", "max-age=86400");
}

void get_schema(const ServiceContext&, const httplib::Request&, httplib::Response& res) {
  res.set_content(query::dump(query::schema_json()), kJson);
}

void get_healthz(const ServiceContext& ctx, const httplib::Request&, httplib::Response& res) {
  auto status = ctx.index.status();
  if (!status.up) return set_error(res, 503, "no index is open: " + status.error);
  res.set_content(
      query::dump(
          {{"status", "ok"}, {"documents", status.documents}, {"generation", status.generation}}),
      kJson);
}

void get_metrics(const ServiceContext& ctx, const httplib::Request&, httplib::Response& res) {
  res.set_content(ctx.metrics.render(ctx.index.gauges()), "text/plain; version=0.0.4");
}

/// The route table: every path searchd answers, in one place.
constexpr Route kRoutes[] = {
    {"page", "GET", "/", get_page},
    {"static", "GET", "/static/(.+)", get_static},
    {"search", "GET", "/api/search", get_search},
    {"claims", "GET", "/api/claims", get_claims},
    {"doc", "GET", "/api/doc/([^/]+)", get_doc},
    {"entity", "GET", "/api/entity/([^/]+)", get_entity},
    {"timeline", "GET", "/api/timeline", get_timeline},
    {"related", "GET", "/api/doc/([^/]+)/related", get_related},
    {"export", "GET", "/api/export", get_export},
    {"schema", "GET", "/api/schema", get_schema},
    {"watches", "GET", "/api/watches", get_watches},
    {"watches", "POST", "/api/watches", post_watch},
    {"watch", "DELETE", "/api/watches/([^/]+)", delete_watch},
    {"watch_new", "GET", "/api/watches/([^/]+)/new", get_watch_news},
    {"watch_seen", "POST", "/api/watches/([^/]+)/seen", post_watch_seen},
    {"watch_feed", "GET", "/watches/([^/]+)\\.atom", get_watch_feed},
    {"batch", "POST", "/api/batch", post_batch},
    {"favicon", "GET", "/favicon.ico", get_favicon},
    {"healthz", "GET", "/healthz", get_healthz},
    {"metrics", "GET", "/metrics", get_metrics},
};

// The compiled patterns of kRoutes, in table order.
const std::vector<std::regex>& route_patterns() {
  static const auto patterns = [] {
    std::vector<std::regex> compiled;
    for (const auto& route : kRoutes) compiled.emplace_back(route.pattern);
    return compiled;
  }();
  return patterns;
}

}  // namespace

query::Params params_of(const httplib::Request& req) {
  return {req.params.begin(), req.params.end()};
}

void send_error(httplib::Response& res, const SearchError& error) {
  int status = status_for(error.code);
  set_error(res, status, status == 500 ? "internal error" : error.message);
}

bool accepts_method(const std::string& method, const std::string& path) {
  const auto& patterns = route_patterns();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (kRoutes[i].method == method && std::regex_match(path, patterns[i])) return true;
  }
  return false;
}

void set_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(query::dump(query::error_json(message)), kJson);
}

void install_routes(httplib::Server& server, const ServiceContext& context) {
  for (const auto& route : kRoutes) {
    auto handler = [&context, handler = route.handler](const httplib::Request& req,
                                                       httplib::Response& res) {
      handler(context, req, res);
    };
    const std::string method = route.method;
    if (method == "GET") server.Get(route.pattern, handler);
    if (method == "POST") server.Post(route.pattern, handler);
    if (method == "DELETE") server.Delete(route.pattern, handler);
  }
}

std::string route_label(const std::string& path) {
  const auto& patterns = route_patterns();
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    if (std::regex_match(path, patterns[i])) return kRoutes[i].label;
  }
  return "unmatched";
}

}  // namespace cs::searchd
