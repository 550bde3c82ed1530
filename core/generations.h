// Index generations: how the indexer creates, publishes and prunes the generations of an index
// root (the layout itself, and how readers find the live generation: core/index_layout.h).
//
// An index root is a folder holding one Xapian database per generation (`gen-1`, `gen-2`, ...)
// and a Xapian stub file named `XAPIANDB` whose single line `auto gen-N` names the live one.
// A new generation is built beside the live one, checked, then published by writing the stub
// to a temporary file and rename()-ing it over `XAPIANDB`, so readers always see a whole index.
// Readers must open a new Database to see a new generation (reopen() does not re-read a stub).
//
// Thread-safety: functions touch the file system only; publishing is atomic for readers, but
// only one process may create generations in a root at a time (the indexer holds a lock file).
#ifndef CS_CORE_GENERATIONS_H_
#define CS_CORE_GENERATIONS_H_

#include <optional>
#include <string>
#include <vector>

namespace cs::generations {

/// The live generation's folder name (as in the stub, e.g. "gen-3"), or nullopt when `root`
/// has no readable stub or its stub names no local database.
std::optional<std::string> live_generation(const std::string& root);

/// Generation folder names present in `root`, oldest first (by number).
std::vector<std::string> list_generations(const std::string& root);

/// The name for a new generation: one above the highest present ("gen-1" in an empty root).
std::string next_generation(const std::string& root);

/// Makes `generation` (a folder inside `root`) the live index by atomically replacing the stub.
/// Returns "" on success, otherwise an error message; on error the old stub is untouched.
std::string publish(const std::string& root, const std::string& generation);

/// Removes generation folders other than the live one and the `keep` newest. Returns the
/// names removed. Open readers of a removed generation keep working (POSIX unlink semantics).
std::vector<std::string> prune(const std::string& root, std::size_t keep);

}  // namespace cs::generations

#endif  // CS_CORE_GENERATIONS_H_
