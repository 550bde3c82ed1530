// `corpus-index --status`: what an index path holds, for people and scripts (scripts/reindex.sh,
// bench/run.sh read the JSON form instead of the stub file). The path may be an index root, a
// stub file or a database folder (core/index_layout.h); local databases are opened to count
// their documents and read their schema version, remote shards are not contacted.
//
// Thread-safety: read_index_status touches only the file system and its arguments.
#ifndef CS_INDEXER_INDEX_STATUS_H_
#define CS_INDEXER_INDEX_STATUS_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/index_layout.h"

namespace cs {

/// What read_index_status found; its exit code for corpus-index.
enum class StatusOutcome {
  kIndex = 0,       ///< an index is there and opens
  kNoIndex = 1,     ///< nothing at the path, or a folder without a stub or a database
  kUnreadable = 2,  ///< something is there but cannot be read (bad stub, broken database)
};

/// The state of one index path.
struct IndexStatus {
  std::string path;                        ///< as given
  IndexLocation location;                  ///< what the path points at
  std::vector<std::string> generations;    ///< generation folders of an index root, oldest first
  std::optional<std::uint64_t> documents;  ///< document count; none for a remote index
  std::optional<int> schema_version;       ///< stored schema version; none when remote or absent
  std::string last_added;  ///< stamp of the last run that wrote (core/arrival.h), or ""
  bool lock_held = false;  ///< a corpus-index run is writing into the root
};

/// Fills `status` for `path`. Returns kIndex, or another outcome with `error` set to a message
/// saying what is missing or wrong.
StatusOutcome read_index_status(const std::string& path, IndexStatus& status, std::string& error);

/// `status` as one JSON object: {"root", "kind" ("root"|"stub"|"database"), "live_generation",
/// "live_database" (folder or null), "generations" [..], "documents" (or null), "schema_version"
/// (or null), "schema_current", "last_added" (the last run's stamp, or null), "remote", "shards"
/// [remote targets], "lock_held"}.
nlohmann::ordered_json status_json(const IndexStatus& status);

/// `status` as aligned "key  value" lines for a terminal.
std::string status_text(const IndexStatus& status);

}  // namespace cs

#endif  // CS_INDEXER_INDEX_STATUS_H_
