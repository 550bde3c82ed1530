// `corpus-search --watch ACTION [NAME]`: watches (saved searches) kept in the state database
// beside a local index (state/watch_store.h), checked on the same search path as every query.
//
//   add NAME   saves the search given by the other options and the query words
//   list       each watch with its count of new matches (since its last check, or --since)
//   rm NAME    deletes a watch
//   check [NAME]  prints what is new for every watch (or NAME) and records the check
//   show [NAME]   prints what is new, recording nothing (scripts, hooks)
//
// Thread-safety: runs on the calling thread.
#ifndef CS_CLI_WATCH_COMMAND_H_
#define CS_CLI_WATCH_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "query/request_params.h"

namespace cs::cli {

/// What a watch command needs from the command line.
struct WatchCommand {
  std::vector<std::string> args;  ///< ACTION [NAME]
  std::string index;              ///< the local index
  std::string state;              ///< the state file ("" = watches.sqlite in the index root)
  query::Params search;           ///< add: the search parameters (q, filters, dates)
  std::string since;              ///< list, check: count from this time instead of the last check
  int limit = 10;                 ///< check: matches printed per watch
  bool json = false;
  bool colour = false;
};

/// Runs the command. Exit status: 0 done (check, show: something new), 1 nothing new,
/// 2 error (message on `err`).
int run_watch_command(const WatchCommand& command, std::ostream& out, std::ostream& err);

}  // namespace cs::cli

#endif  // CS_CLI_WATCH_COMMAND_H_
