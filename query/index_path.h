// Where an index lives on disk: resolves the path a user gives (a database folder, a stub
// file, or an index root holding generations and a stub, core/generations.h) to what Xapian
// opens, the live generation's name, and whether the stub names remote shards.
//
// The reindexer publishes a generation by renaming a new stub over the old one; readers open
// the stub, never a symlink (TECH-NOTES.md), and open a new Database to see a new generation.
//
// Thread-safety: pure functions over the file system; safe from any thread.
#ifndef CS_QUERY_INDEX_PATH_H_
#define CS_QUERY_INDEX_PATH_H_

#include <string>

namespace cs::query {

/// A resolved index location.
struct IndexLocation {
  std::string open_path;   ///< what to pass to Xapian::Database (folder or stub file)
  std::string generation;  ///< name of the live generation (stub target folder, else the path)
  bool remote = false;     ///< true when the stub names a remote shard
};

/// Resolves `path`: an index root opens its stub (generations::kStubName); a stub file or a
/// database folder opens as given. Returns false and sets `error` when `path` does not exist.
bool resolve_index_path(const std::string& path, IndexLocation& location, std::string& error);

}  // namespace cs::query

#endif  // CS_QUERY_INDEX_PATH_H_
