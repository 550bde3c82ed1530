// `corpus-search --batch FILE`: runs every line of FILE (or one column of a CSV) as a query on
// a local index and prints a row per line (query/batch.h): as a table, JSON Lines (--json) or
// CSV (--export csv). "-" reads standard input.
//
// Thread-safety: runs on the calling thread.
#ifndef CS_CLI_BATCH_COMMAND_H_
#define CS_CLI_BATCH_COMMAND_H_

#include <ostream>
#include <string>

#include "query/search.h"

namespace cs::cli {

/// What a batch command needs from the command line.
struct BatchCommand {
  std::string file;              ///< the list; "-" = standard input
  std::string column;            ///< CSV column (name or 1-based number); "" = plain lines
  std::string index;             ///< the local index
  query::SearchRequest filters;  ///< filters and dates applied to every line
  bool json = false;             ///< JSON Lines
  bool csv = false;              ///< CSV
};

/// Runs the batch. Exit status: 0 some line matched, 1 none did, 2 the batch could not run
/// (unreadable file, unknown column, no index); bad lines are rows, not failures.
int run_batch_command(const BatchCommand& command, std::ostream& out, std::ostream& err);

}  // namespace cs::cli

#endif  // CS_CLI_BATCH_COMMAND_H_
