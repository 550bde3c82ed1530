#include "cli/bench.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace cs::cli {

namespace {

constexpr int kTopHits = 10;

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!s.empty() && s.back() == sep) parts.emplace_back();
  return parts;
}

// Applies one `key=value` filter; false for an unknown key.
bool apply_filter(const std::string& filter, query::SearchRequest& request) {
  const std::size_t eq = filter.find('=');
  if (eq == std::string::npos) return false;
  const std::string key = filter.substr(0, eq);
  const std::string value = filter.substr(eq + 1);
  if (key == "from") {
    request.from = value;
  } else if (key == "to") {
    request.to = value;
  } else if (key == "outlet" || key == "entity") {
    request.filters.push_back({key, value, false});
  } else {
    return false;
  }
  return true;
}

// p50/p95/p99/mean of `ms` (nearest-rank percentiles).
nlohmann::json summary(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto pct = [&](double p) {
    const std::size_t rank =
        static_cast<std::size_t>(p / 100.0 * static_cast<double>(ms.size()) + 0.999999);
    return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
  };
  double sum = 0;
  for (double v : ms) sum += v;
  return {{"count", ms.size()},
          {"p50", pct(50)},
          {"p95", pct(95)},
          {"p99", pct(99)},
          {"mean", sum / static_cast<double>(ms.size())}};
}

}  // namespace

std::optional<BenchQuery> parse_bench_line(const std::string& line) {
  if (line.empty() || line[0] == '#') return std::nullopt;
  const std::vector<std::string> fields = split(line, '\t');
  if (fields.size() < 2 || fields[0].empty()) return std::nullopt;
  BenchQuery q;
  q.kind = fields[0];
  q.request.text = fields[1];
  q.request.page_size = kTopHits;
  if (q.request.text.empty()) q.request.sort = query::SortOrder::kNewest;
  if (fields.size() >= 3) {
    for (const std::string& filter : split(fields[2], ';')) {
      if (!filter.empty() && !apply_filter(filter, q.request)) return std::nullopt;
    }
  }
  return q;
}

bool run_bench(Backend& backend, const std::string& path, bool warmup, std::ostream& out,
               std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = "cannot read " + path;
    return false;
  }
  std::vector<BenchQuery> queries;
  std::string line;
  while (std::getline(in, line)) {
    if (auto q = parse_bench_line(line)) queries.push_back(std::move(*q));
  }
  if (queries.empty()) {
    error = path + " holds no queries";
    return false;
  }
  std::map<std::string, std::vector<double>> by_kind;
  std::vector<double> all;
  for (int pass = warmup ? 0 : 1; pass < 2; ++pass) {
    for (const BenchQuery& q : queries) {
      query::SearchResult result;
      const auto start = std::chrono::steady_clock::now();
      if (query::SearchError e = backend.search(q.request, result)) {
        error = "query '" + q.request.text + "': " + e.message;
        return false;
      }
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      if (pass == 0) continue;
      by_kind[q.kind].push_back(ms);
      all.push_back(ms);
    }
  }
  nlohmann::json report = {{"queries", all.size()}, {"warmup", warmup}, {"overall", summary(all)}};
  for (const auto& [kind, ms] : by_kind) report["by_kind"][kind] = summary(ms);
  out << report.dump(2) << "\n";
  return true;
}

}  // namespace cs::cli
