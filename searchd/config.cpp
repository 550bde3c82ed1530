#include "searchd/config.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <thread>

namespace cs::searchd {
namespace {

void env_string(const char* name, std::string& out) {
  if (const char* v = std::getenv(name); v && *v) out = v;
}

bool env_int(const char* name, int& out) {
  const char* v = std::getenv(name);
  if (!v || !*v) return true;
  try {
    std::size_t used = 0;
    out = std::stoi(v, &used);
    return used == std::string(v).size();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int default_threads() {
  return std::max(16, 4 * static_cast<int>(std::thread::hardware_concurrency()));
}

ParseOutcome parse_config(int argc, char** argv, Config& config) {
  config.web_dir = CS_SEARCHD_WEB_DIR;
  env_string("SEARCHD_HOST", config.host);
  env_string("SEARCHD_INDEX", config.index);
  if (!env_int("SEARCHD_PORT", config.port) || !env_int("SEARCHD_THREADS", config.threads) ||
      !env_int("SEARCHD_CACHE_MB", config.cache_mb) ||
      !env_int("SEARCHD_MAX_CONNECTIONS", config.max_connections)) {
    std::cerr << "searchd: SEARCHD_PORT, SEARCHD_THREADS, SEARCHD_CACHE_MB and "
                 "SEARCHD_MAX_CONNECTIONS must be integers\n";
    return ParseOutcome::kExitError;
  }
  CLI::App app{"searchd: HTTP search API and web page over a corpus-index index"};
  app.add_option("--host", config.host, "Address to bind (env SEARCHD_HOST)");
  app.add_option("--port", config.port, "TCP port (env SEARCHD_PORT)")->check(CLI::Range(0, 65535));
  app.add_option("--index", config.index,
                 "Index: database folder, stub file or index root (env SEARCHD_INDEX)");
  app.add_option("--threads", config.threads, "Worker threads, 0 = automatic (env SEARCHD_THREADS)")
      ->check(CLI::Range(0, 1024));
  app.add_option("--cache-mb", config.cache_mb,
                 "Memory for cached answers per index generation, 0 = no cache "
                 "(env SEARCHD_CACHE_MB)")
      ->check(CLI::Range(0, 65536));
  app.add_option("--web", config.web_dir, "Folder holding the search page");
  app.add_option("--pid-file", config.pid_file, "Write the process id here (for SIGHUP reloads)");
  app.add_option("--state", config.state,
                 "State file of the watches (default: watches.sqlite in the index root)");
  app.add_option("--write-token-file", config.write_token_file,
                 "File whose first line is the token that writes (watches, batch) must carry; "
                 "required for writes when --host is not a loopback address");
  app.add_option("--max-connections", config.max_connections,
                 "Open connections beyond which new ones are answered 503 with Retry-After "
                 "(env SEARCHD_MAX_CONNECTIONS)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--request-timeout", config.request_timeout,
                 "Seconds a request (header and body) may take to arrive; slower ones get 408")
      ->check(CLI::Range(0.1, 3600.0));
  app.add_option("--search-timeout", config.search_timeout,
                 "Seconds one search may spend matching; longer ones get 503")
      ->check(CLI::Range(1e-6, 3600.0));
  app.add_option("--match-threads", config.match_threads,
                 "Threads one search of a local index of 50,000+ articles may use (each matches "
                 "a share of the index; same results; 1 under heavy concurrent load)")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? ParseOutcome::kExitOk : ParseOutcome::kExitError;
  }
  if (config.cache_mb < 0 || config.cache_mb > 65536) {
    std::cerr << "searchd: SEARCHD_CACHE_MB must be between 0 and 65536\n";
    return ParseOutcome::kExitError;
  }
  if (config.max_connections < 1 || config.max_connections > 100000) {
    std::cerr << "searchd: SEARCHD_MAX_CONNECTIONS must be between 1 and 100000\n";
    return ParseOutcome::kExitError;
  }
  if (config.threads == 0) config.threads = default_threads();
  return ParseOutcome::kRun;
}

}  // namespace cs::searchd
