// Opening a stub file shard by shard, so that one unreachable remote shard (a `remote
// HOST:PORT` line whose xapian-tcpsrv is down) leaves the others searchable with a warning
// instead of failing the whole open as Xapian::Database(stub) does (TECH-NOTES.md).
//
// The stub is read by core/index_layout.h (`remote HOST:PORT`, `remote :PROGRAM ARGS...`,
// `auto|glass|chert PATH`). Remote shards get bounded connect and read timeouts.
//
// Thread-safety: opening touches only its arguments; safe from any thread.
#ifndef CS_QUERY_SHARDS_H_
#define CS_QUERY_SHARDS_H_

#include <xapian.h>

#include <string>
#include <vector>

namespace cs::query {

/// Shards that opened, merged into one Database, and one warning per shard that did not.
struct OpenedShards {
  Xapian::Database db;
  /// The same shards one by one: Xapian 1.4 reads metadata of a merged database from its
  /// first shard only, so names stored in the others are looked up here.
  std::vector<Xapian::Database> parts;
  std::vector<std::string> warnings;  ///< "shard HOST:PORT unreachable: ..." per failed shard
  /// The stub's spelling exports (local databases marked schema::kMetaSpellingExport): the
  /// spelling tables Xapian cannot read from remote shards, kept out of the searched `db`.
  Xapian::Database spelling;
};

/// Opens every shard named by the stub at `stub_path` (read again on every call, so a
/// reconnect follows an edited stub). Returns false and sets `error` when the stub cannot be
/// read, has a bad line, or no shard at all could be opened (spelling exports do not count).
bool open_shards(const std::string& stub_path, OpenedShards& shards, std::string& error);

}  // namespace cs::query

#endif  // CS_QUERY_SHARDS_H_
