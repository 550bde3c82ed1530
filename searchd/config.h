// searchd's settings: command-line flags over environment variables over defaults.
//
// Thread-safety: parse once in main before any thread starts; the result is a plain value.
#ifndef CS_SEARCHD_CONFIG_H_
#define CS_SEARCHD_CONFIG_H_

#include <string>

#include "query/search.h"

namespace cs::searchd {

/// Everything searchd can be told at startup.
struct Config {
  std::string host = "127.0.0.1";   ///< address to bind (SEARCHD_HOST)
  int port = 8080;                  ///< TCP port (SEARCHD_PORT)
  std::string index = "var/index";  ///< database, stub file or index root (SEARCHD_INDEX)
  int threads = 0;                  ///< worker threads (SEARCHD_THREADS); 0 = default_threads()
  std::string web_dir;              ///< folder of the search page; default baked in at build
  std::string pid_file;             ///< written at startup when not empty
  int cache_mb = 64;                ///< response cache per generation (SEARCHD_CACHE_MB); 0 = off
  std::string state;                ///< watches' state file; "" = watches.sqlite in the index root
  std::string write_token_file;     ///< file holding the token writes need; "" = none
  int max_connections = 1000;       ///< open connections before 503 (SEARCHD_MAX_CONNECTIONS)
  double request_timeout = 10;      ///< seconds for a whole request to arrive
  double search_timeout = 10;       ///< seconds one search may match before 503
  unsigned match_threads = query::default_match_threads();  ///< threads one search may use
};

/// What parse_config decided.
enum class ParseOutcome { kRun, kExitOk, kExitError };

/// Fills `config` from the environment, then from `argv`. Prints help or errors itself;
/// returns whether to run or exit (with status 0 for --help, 2 for bad usage).
ParseOutcome parse_config(int argc, char** argv, Config& config);

/// The worker count used when none is given: several per core, so requests that wait on the
/// disk (a cold index) do not hold the cores idle.
int default_threads();

}  // namespace cs::searchd

#endif  // CS_SEARCHD_CONFIG_H_
