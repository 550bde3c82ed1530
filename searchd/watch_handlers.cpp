#include "searchd/watch_handlers.h"

#include <charconv>
#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/arrival.h"
#include "query/batch.h"
#include "query/json.h"
#include "query/request_params.h"
#include "searchd/atom_feed.h"
#include "state/watches.h"

namespace cs::searchd {

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr int kFeedEntries = 20;
constexpr std::size_t kBatchChunk = 16 * 1024;

using Json = nlohmann::ordered_json;

void send_json(httplib::Response& res, const Json& body, int status = 200) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, Json::error_handler_t::replace), kJson);
}

// The state database, or nullptr after answering 503.
std::unique_ptr<state::WatchStore> open_store(const ServiceContext& ctx, httplib::Response& res) {
  std::string problem;
  const std::string path =
      ctx.state_file.empty() ? state::default_state_path(ctx.index_path, problem) : ctx.state_file;
  if (path.empty()) {
    set_error(res, 503, "watches are unavailable: " + problem);
    return nullptr;
  }
  try {
    return state::WatchStore::open(path);
  } catch (const state::StateError& e) {
    set_error(res, 503, std::string("watches are unavailable: ") + e.what());
    return nullptr;
  }
}

// False after answering when the guard refuses the request.
bool allowed(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const auto [status, message] = ctx.writes.refusal(req);
  if (status == 0) return true;
  set_error(res, status, message);
  return false;
}

// The watch of the path's id, or nullopt after answering 404.
std::optional<state::Watch> path_watch(state::WatchStore& store, const httplib::Request& req,
                                       httplib::Response& res) {
  const std::string text = req.matches[1].str();
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  std::optional<state::Watch> watch;
  if (ec == std::errc() && end == text.data() + text.size()) watch = store.find(id);
  if (!watch) set_error(res, 404, "no watch with id '" + text + "'");
  return watch;
}

// Runs `body` with the state database and the live index, mapping failures to 503.
template <typename Body>
void with_state(const ServiceContext& ctx, httplib::Response& res, Body&& body) {
  auto store = open_store(ctx, res);
  if (!store) return;
  query::SearchError error;
  auto lease = ctx.index.acquire(error);
  if (!lease.searcher) return send_error(res, error);
  try {
    body(*store, *lease.searcher);
  } catch (const state::StateError& e) {
    set_error(res, 503, std::string("watches are unavailable: ") + e.what());
  }
}

// The address the client used, for absolute feed links; "" (relative links) when the Host
// header is not a plain host[:port].
std::string base_url(const httplib::Request& req) {
  const std::string host = req.get_header_value("Host");
  if (host.empty() || host.size() > 255) return {};
  for (const char c : host) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != ':' &&
        c != '[' && c != ']') {
      return {};
    }
  }
  return "http://" + host;
}

}  // namespace

void get_watches(const ServiceContext& ctx, const httplib::Request&, httplib::Response& res) {
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher& searcher) {
    Json list = Json::array();
    for (const state::Watch& watch : store.list()) {
      state::WatchNews news;
      if (auto error = state::watch_news(searcher, watch, std::nullopt, 1, 1, news)) {
        return send_error(res, error);
      }
      list.push_back(state::watch_json(watch, news.matches.total));
    }
    send_json(res, {{"watches", list}});
  });
}

void post_watch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!allowed(ctx, req, res)) return;
  if (req.body.size() > kMaxWatchBody) {
    return set_error(res, 413,
                     "the body is larger than " + std::to_string(kMaxWatchBody) + " bytes");
  }
  const Json body = Json::parse(req.body, nullptr, false);
  if (!body.is_object() || !body.contains("name") || !body["name"].is_string() ||
      (body.contains("query") && !body["query"].is_string())) {
    return set_error(res, 400,
                     "the body must be a JSON object {\"name\": \"...\", \"query\": \"q=...\"}");
  }
  const std::string query = body.value("query", std::string());
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher& searcher) {
    state::Watch watch;
    const std::string name = body["name"].get<std::string>();
    if (auto error = state::create_watch(store, searcher, name, query, watch)) {
      return send_error(res, error);
    }
    send_json(res, state::watch_json(watch, 0), 201);
  });
}

void delete_watch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!allowed(ctx, req, res)) return;
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher&) {
    const auto watch = path_watch(store, req, res);
    if (!watch) return;
    store.remove(watch->id);
    send_json(res, {{"deleted", watch->id}});
  });
}

void get_watch_news(const ServiceContext& ctx, const httplib::Request& req,
                    httplib::Response& res) {
  std::optional<std::string> since;
  int page = 1;
  int size = 10;
  for (const auto& [name, value] : req.params) {
    if (name == "since") {
      since = parse_stamp(value);
      if (!since)
        return set_error(res, 400,
                         "parameter 'since' must be a UTC time YYYY-MM-DD[THH:MM[:SS][Z]]");
    } else if (name == "page" || name == "size") {
      int& out = name == "page" ? page : size;
      const int hi = name == "page" ? query::kMaxPage : state::kMaxWatchMatches;
      const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
      if (ec != std::errc() || end != value.data() + value.size() || out < 1 || out > hi) {
        return set_error(
            res, 400,
            "parameter '" + name + "' must be an integer from 1 to " + std::to_string(hi));
      }
    } else {
      return set_error(res, 400, "parameter '" + name + "' is not known");
    }
  }
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher& searcher) {
    const auto watch = path_watch(store, req, res);
    if (!watch) return;
    state::WatchNews news;
    if (auto error = state::watch_news(searcher, *watch, since, page, size, news)) {
      return send_error(res, error);
    }
    send_json(res, state::news_json(*watch, news));
  });
}

void post_watch_seen(const ServiceContext& ctx, const httplib::Request& req,
                     httplib::Response& res) {
  if (!allowed(ctx, req, res)) return;
  std::optional<std::string> seen;
  if (!req.body.empty()) {
    const Json body = Json::parse(req.body, nullptr, false);
    if (req.body.size() > kMaxWatchBody || !body.is_object() ||
        (body.contains("seen") && !body["seen"].is_string())) {
      return set_error(res, 400, "the body must be empty or {\"seen\": \"TIME\"}");
    }
    if (body.contains("seen")) {
      seen = parse_stamp(body["seen"].get<std::string>());
      if (!seen) return set_error(res, 400, "'seen' must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
    }
  }
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher& searcher) {
    auto watch = path_watch(store, req, res);
    if (!watch) return;
    const std::string mark = seen.value_or(searcher.last_added());
    if (mark.empty()) {
      return set_error(res, 503,
                       "the index has no arrival stamp to record (rebuild it with --full)");
    }
    const auto checked = store.record_check(watch->id, mark, stamp_of(std::time(nullptr)))
                             ? store.find(watch->id)
                             : std::nullopt;
    if (!checked) return set_error(res, 404, "the watch was deleted meanwhile");
    send_json(res, state::watch_json(*checked));
  });
}

void get_watch_feed(const ServiceContext& ctx, const httplib::Request& req,
                    httplib::Response& res) {
  with_state(ctx, res, [&](state::WatchStore& store, query::Searcher& searcher) {
    const auto watch = path_watch(store, req, res);
    if (!watch) return;
    state::WatchNews news;
    if (auto error = state::watch_news(searcher, *watch, std::string(), 1, kFeedEntries, news)) {
      return send_error(res, error);
    }
    res.set_content(atom_feed(*watch, news.matches, base_url(req)),
                    "application/atom+xml; charset=utf-8");
  });
}

void post_batch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!allowed(ctx, req, res)) return;
  // cpp-httplib would read a form body as parameters: the lines must come as plain text.
  if (req.get_header_value("Content-Type").starts_with("application/x-www-form-urlencoded")) {
    return set_error(res, 415, "send the batch as text/plain or text/csv, not a form");
  }
  if (req.body.size() > kMaxBatchBody) {
    return set_error(res, 413,
                     "the batch is larger than " + std::to_string(kMaxBatchBody) +
                         " bytes (at most " + std::to_string(query::kMaxBatchLines) + " lines)");
  }
  std::string column;
  query::Params params;
  for (const auto& [name, value] : req.params) {
    if (name == "column") {
      column = value;
    } else {
      params.emplace_back(name, value);
    }
  }
  if (column.empty() && req.get_header_value("Content-Type").starts_with("text/csv")) {
    return set_error(res, 400, "a CSV batch needs ?column=NAME (or its number)");
  }
  query::SearchRequest base;
  if (auto error = query::parse_search_params(params, base)) return send_error(res, error);
  if (!base.text.empty())
    return set_error(res, 400, "parameter 'q' is not used by a batch: each line is a query");
  std::string message;
  auto lines = query::parse_batch(req.body, column, message);
  if (!lines) return set_error(res, 400, message);
  query::SearchError error;
  auto searcher = ctx.index.acquire(error).searcher;
  if (!searcher) return send_error(res, error);
  auto shared_lines = std::make_shared<std::vector<query::BatchLine>>(std::move(*lines));
  res.set_chunked_content_provider(
      "application/x-ndjson; charset=utf-8",
      [searcher, base, shared_lines](std::size_t, httplib::DataSink& sink) {
        std::string buffer;
        for (const query::BatchLine& line : *shared_lines) {
          const query::BatchRow row = query::run_batch_line(*searcher, base, line);
          buffer += query::batch_row_json(row).dump(-1, ' ', false, Json::error_handler_t::replace);
          buffer += '\n';
          if (buffer.size() >= kBatchChunk) {
            if (!sink.write(buffer.data(), buffer.size())) return false;
            buffer.clear();
          }
        }
        if (!buffer.empty() && !sink.write(buffer.data(), buffer.size())) return false;
        sink.done();
        return true;
      });
}

}  // namespace cs::searchd
