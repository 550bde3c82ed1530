// corpus-search --bench-queries: runs a query file in one process and reports latencies.
//
// The file format is ../shared/bench/queries.txt: `kind<TAB>text<TAB>filters` per line,
// `#` comments, filters `outlet=..;from=..;to=..;entity=..` (`;`-separated, all required);
// an empty text is a browse (newest first). Every query asks for the top 10 with snippets and
// exact facets. Prints per-kind and overall p50/p95/p99/mean milliseconds as JSON.
//
// Thread-safety: single-threaded.
#ifndef CS_CLI_BENCH_H_
#define CS_CLI_BENCH_H_

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/backend.h"

namespace cs::cli {

/// One benchmark query.
struct BenchQuery {
  std::string kind;
  query::SearchRequest request;
};

/// Parses one queries-file line; nullopt for comments, blank lines and malformed lines.
std::optional<BenchQuery> parse_bench_line(const std::string& line);

/// Runs every query of `path` (twice with `warmup`, timing the second pass) and prints the
/// report to `out`. Returns false and sets `error` when the file cannot be read or a search
/// fails.
bool run_bench(Backend& backend, const std::string& path, bool warmup, std::ostream& out,
               std::string& error);

}  // namespace cs::cli

#endif  // CS_CLI_BENCH_H_
