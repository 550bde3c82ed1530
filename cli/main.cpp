// corpus-search: search an index from the command line (see README "Searching").
// Exit status as grep: 0 something matched, 1 nothing matched, 2 error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/backend.h"
#include "cli/batch_command.h"
#include "cli/bench.h"
#include "cli/output.h"
#include "cli/remote_backend.h"
#include "cli/watch_command.h"
#include "core/schema.h"
#include "query/export.h"
#include "query/json.h"
#include "query/request_params.h"

namespace {

using cs::query::ExportFormat;

constexpr int kMatched = 0;
constexpr int kNoMatch = 1;
constexpr int kError = 2;

struct Options {
  std::string index = "var/index";
  std::string server;  // searchd URL; when set, searches go there instead of an index
  bool json = false;
  int limit = 10;
  int page = 1;
  std::string sort = "relevance";
  bool facets = false;
  std::string export_format;
  bool claims = false;
  bool collapse = false;
  std::map<std::string, std::vector<std::string>> filters;  // field -> values ("-v" excludes)
  std::string from;
  std::string to;
  std::vector<std::string> words;
  std::string bench_file;
  bool warmup = false;
  std::vector<std::string> watch;  // ACTION [NAME]
  std::string state;
  std::string since;
  std::string batch_file;
  std::string column;
  std::string entity_page;
  bool timeline = false;
  std::vector<std::string> compare;
  std::string interval = "auto";
  bool normalise = false;
  int facet_size = cs::query::kDefaultFacetSize;
  unsigned match_threads = cs::query::default_match_threads();
};

int fail(const std::string& message) {
  std::cerr << "corpus-search: " << message << "\n";
  return kError;
}

void define_options(CLI::App& app, Options& o) {
  auto* index = app.add_option("--index", o.index, "Index folder, stub file or index root")
                    ->capture_default_str();
  app.add_option("--server", o.server, "Search through searchd's HTTP API (http://HOST:PORT)")
      ->excludes(index);
  app.add_flag("--json", o.json, "Print the result as JSON");
  app.add_option("--limit", o.limit, "Results per page")
      ->check(CLI::Range(1, 100))
      ->capture_default_str();
  app.add_option("--page", o.page, "Result page (1-based)")->check(CLI::PositiveNumber);
  std::vector<std::string> sorts;
  for (const cs::query::SortName& sort : cs::query::kSortNames) sorts.emplace_back(sort.name);
  app.add_option("--sort", o.sort, "Result order")
      ->check(CLI::IsMember(sorts))
      ->capture_default_str();
  app.add_flag("--facets", o.facets, "Print facet counts (outlet, year, month, entities)");
  app.add_option("--facet-size", o.facet_size, "Values listed per facet (years and months: all)")
      ->check(CLI::Range(1, cs::query::kMaxFacetSize))
      ->capture_default_str();
  app.add_option("--export", o.export_format, "Stream every match as csv or jsonl")
      ->check(CLI::IsMember({std::string(cs::query::export_format_name(ExportFormat::kCsv)),
                             std::string(cs::query::export_format_name(ExportFormat::kJsonl))}));
  app.add_flag("--claims", o.claims,
               "Print the claims ledger of the matches (incidents, claimants, figures); with "
               "--json its JSON, with --export its claims, one record per claim");
  app.add_flag("--collapse", o.collapse, "Fold duplicate articles into one result");
  for (const cs::schema::Field& field : cs::schema::fields()) {
    if (!field.is_filter()) continue;
    const std::string name(field.name);
    app.add_option("--" + name, o.filters[name],
                   "Only articles with this " + name + " (" + std::string(field.label) +
                       "; repeatable; --" + name + "=-VALUE excludes)")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);  // the query is not swallowed
  }
  app.add_option("--from", o.from, "Published on or after YYYY[-MM[-DD]]");
  app.add_option("--to", o.to, "Published on or before YYYY[-MM[-DD]]");
  app.add_option("--watch", o.watch,
                 "Watches (saved searches): add NAME (the search of the other options), list, "
                 "rm NAME, check [NAME] (print what is new and record the check; exit 1 when "
                 "nothing is), show [NAME] (the same, recording nothing)")
      ->expected(1, 2)
      ->allow_extra_args(false);
  app.add_option("--state", o.state,
                 "State file of the watches (default: watches.sqlite in the index root)");
  app.add_option("--since", o.since,
                 "With --watch list/check/show: what was added after this UTC time "
                 "(YYYY-MM-DD[THH:MM[:SS][Z]]) instead of since each watch's last check");
  app.add_option("--batch", o.batch_file,
                 "Run every line of FILE (- for stdin) as a query; a row per line with the "
                 "entity it names, total, first and last date, top outlets");
  app.add_option("--entity-page", o.entity_page,
                 "The page of an entity (id as facets show it, or any spelling): spellings, "
                 "timeline, co-occurring entities, outlets, sources, newest articles, incidents; "
                 "the other options narrow the articles");
  app.add_flag("--timeline", o.timeline,
               "Matches per period on one axis: the query, and each --compare query beside it "
               "(table; --json or --export csv)");
  app.add_option("--compare", o.compare, "With --timeline: another query to compare (up to 4)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--interval", o.interval, "With --timeline: auto, day, week, month or year")
      ->capture_default_str();
  app.add_flag("--normalise", o.normalise,
               "With --timeline: also each period's share of all articles under the filters");
  app.add_option("--column", o.column,
                 "With --batch: FILE is CSV, use this column (name or number)");
  app.add_option("--match-threads", o.match_threads,
                 "Threads one search of a local index of 50,000+ articles may use (each matches "
                 "a share of the index; same results)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app.add_option("--bench-queries", o.bench_file, "Run a benchmark query file, print latencies");
  app.add_flag("--warmup", o.warmup, "With --bench-queries: run the file once before timing");
  app.add_option("query", o.words,
                 "Query (see README: Query language); use -- before a "
                 "leading -word");
}

// The request parsed from the parameters the API would get for the same options, so the CLI,
// searchd and --server share one set of rules and messages (a bad date range, an empty
// filter value). Returns the parse error, if any.
cs::query::Params option_params(const Options& o) {
  cs::query::Params params;
  std::string text;
  for (const std::string& w : o.words) text += (text.empty() ? "" : " ") + w;
  if (!text.empty()) params.emplace_back("q", text);
  for (const auto& [field, values] : o.filters) {
    for (const std::string& v : values) params.emplace_back(field, v);
  }
  if (!o.from.empty()) params.emplace_back("from", o.from);
  if (!o.to.empty()) params.emplace_back("to", o.to);
  params.emplace_back("sort", o.sort);
  params.emplace_back("page", std::to_string(o.page));
  params.emplace_back("size", std::to_string(o.limit));
  if (o.facet_size != cs::query::kDefaultFacetSize) {
    params.emplace_back("facet_size", std::to_string(o.facet_size));
  }
  if (o.collapse) params.emplace_back("collapse", "true");
  return params;
}

cs::query::SearchError make_request(const Options& o, cs::query::SearchRequest& request) {
  const cs::query::SearchError error = cs::query::parse_search_params(option_params(o), request);
  request.want_facets = o.facets || o.json;
  request.want_timeline = o.json;
  return error;
}

int run_export(cs::cli::Backend& backend, const cs::query::SearchRequest& request,
               const cs::query::ExportSpec& spec) {
  std::int64_t count = 0;
  std::cout << cs::query::export_header(spec);
  const auto error = backend.for_each_match(request, [&](const cs::query::StoredArticle& a) {
    const std::string records = cs::query::export_record(spec, a);
    std::cout << records;
    count += records.empty() ? 0 : 1;
    return static_cast<bool>(std::cout);
  });
  std::cout.flush();
  if (error) return fail(error.message);
  return count > 0 ? kMatched : kNoMatch;
}

bool use_colour() {
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         (term == nullptr || std::string(term) != "dumb");
}

int run_claims(cs::cli::Backend& backend, const cs::query::SearchRequest& search,
               const Options& o) {
  cs::query::ClaimsRequest request{search, o.limit};
  cs::query::ClaimsResult result;
  if (const auto error = backend.claims(request, result)) return fail(error.message);
  if (o.json) {
    std::cout << cs::query::dump(cs::query::to_json(result)) << "\n";
  } else {
    for (const std::string& w : result.warnings) {
      std::cerr << "corpus-search: warning: " << w << "\n";
    }
    cs::cli::print_claims(std::cout, result, use_colour());
  }
  return result.claims > 0 ? kMatched : kNoMatch;
}

int run_search(cs::cli::Backend& backend, const Options& o) {
  cs::query::SearchRequest request;
  if (const auto error = make_request(o, request)) return fail(error.message);
  if (!o.export_format.empty()) {
    const cs::query::ExportSpec spec{
        *cs::query::export_format_from_name(o.export_format),
        o.claims ? cs::query::ExportWhat::kClaims : cs::query::ExportWhat::kArticles};
    return run_export(backend, request, spec);
  }
  if (o.claims) return run_claims(backend, request, o);
  cs::query::SearchResult result;
  if (const auto error = backend.search(request, result)) return fail(error.message);
  if (o.json) {
    std::cout << cs::query::dump(cs::query::to_json(result)) << "\n";
  } else {
    for (const std::string& w : result.warnings)
      std::cerr << "corpus-search: warning: " << w << "\n";
    cs::cli::print_results(std::cout, result, use_colour());
    if (o.facets) cs::cli::print_facets(std::cout, result);
  }
  return result.total > 0 ? kMatched : kNoMatch;
}

// --timeline: matches per period of the query and of each --compare query (a local index).
int run_timeline(const Options& o) {
  if (!o.server.empty())
    return fail("--timeline works on a local --index (searchd has /api/timeline)");
  if (!o.export_format.empty() && o.export_format != "csv") {
    return fail("--timeline exports only csv");
  }
  cs::query::Params params;
  for (const auto& p : option_params(o)) {
    if (p.first != "sort" && p.first != "page" && p.first != "size" && p.first != "collapse") {
      params.push_back(p);
    }
  }
  for (const std::string& q : o.compare) params.emplace_back("q", q);
  params.emplace_back("interval", o.interval);
  if (o.normalise) params.emplace_back("normalise", "true");
  cs::query::TimelineRequest request;
  if (const auto error = cs::query::parse_timeline_params(params, request)) {
    return fail(error.message);
  }
  cs::query::SearchError error;
  auto searcher = cs::query::Searcher::open(o.index, error);
  if (!searcher) return fail(error.message);
  cs::query::TimelineComparison comparison;
  if ((error = cs::query::compare_timelines(*searcher, request, comparison))) {
    return fail(error.message);
  }
  if (o.json) {
    std::cout << cs::query::dump(cs::query::timeline_json(comparison)) << "\n";
  } else if (o.export_format == "csv") {
    std::cout << cs::query::timeline_csv(comparison);
  } else {
    cs::cli::print_timeline(std::cout, comparison);
  }
  std::int64_t total = 0;
  for (const auto& series : comparison.series) total += series.total;
  return total > 0 ? kMatched : kNoMatch;
}

// --entity-page: the entity's page over the matches of the other options (a local index).
int run_entity_page(const Options& o) {
  if (!o.server.empty())
    return fail("--entity-page works on a local --index (searchd has /api/entity)");
  cs::query::SearchRequest scope;
  if (const auto error = make_request(o, scope)) return fail(error.message);
  cs::query::SearchError error;
  auto searcher = cs::query::Searcher::open(o.index, error);
  if (!searcher) return fail(error.message);
  cs::query::EntityProfile profile;
  error = cs::query::entity_profile(*searcher, o.entity_page, scope, profile);
  if (error.code == cs::query::ErrorCode::kNotFound) {
    std::cerr << "corpus-search: " << error.message << "\n";
    return kNoMatch;
  }
  if (error) return fail(error.message);
  if (o.json) {
    std::cout << cs::query::dump(cs::query::entity_profile_json(profile)) << "\n";
  } else {
    cs::cli::print_entity_profile(std::cout, profile);
  }
  return kMatched;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search a corpus-index index of news articles."};
  Options options;
  define_options(app, options);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    return fail(std::string(e.what()) + " (see --help)");
  }
  if (!options.watch.empty() || !options.batch_file.empty()) {
    if (!options.server.empty()) {
      return fail(
          "--watch and --batch work on a local --index (searchd has /api/watches and "
          "/api/batch)");
    }
    if (!options.watch.empty() && !options.batch_file.empty()) {
      return fail("--watch and --batch cannot be combined");
    }
  }
  if (!options.watch.empty()) {
    return cs::cli::run_watch_command(
        {options.watch, options.index, options.state, option_params(options), options.since,
         options.limit, options.json, use_colour()},
        std::cout, std::cerr);
  }
  if (!options.batch_file.empty()) {
    cs::cli::BatchCommand command{options.batch_file, options.column,
                                  options.index,      {},
                                  options.json,       options.export_format == "csv"};
    if (!options.export_format.empty() && !command.csv) return fail("--batch exports only csv");
    if (!options.words.empty())
      return fail("--batch takes its queries from FILE, not the command line");
    if (const auto error = make_request(options, command.filters)) return fail(error.message);
    return cs::cli::run_batch_command(command, std::cout, std::cerr);
  }
  if (!options.entity_page.empty()) return run_entity_page(options);
  if (options.timeline) return run_timeline(options);
  cs::query::SearchError error;
  auto backend = options.server.empty()
                     ? cs::cli::open_local_backend(options.index, options.match_threads, error)
                     : cs::cli::open_remote_backend(options.server, error);
  if (!backend) return fail(error.message);
  if (!options.bench_file.empty()) {
    std::string message;
    if (!cs::cli::run_bench(*backend, options.bench_file, options.warmup, std::cout, message)) {
      return fail(message);
    }
    return kMatched;
  }
  return run_search(*backend, options);
}
