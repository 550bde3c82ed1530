// Parallel writing of a fresh generation (a full build, nothing to replace): documents whose
// duplicate clusters are already assigned (index_writer.h) are spread in input order, by
// blocks of kShardBlock, over several shards in sub-folders of the generation, each filled by
// its own thread with add_document (Xapian's inverter is the indexing bottleneck and one
// WritableDatabase is single-threaded). A shard is a series of part databases of at most
// kShardPartDocuments documents each. merge_into() then compacts a metadata database (which
// also holds the spelling table) and every part into the generation folder and removes the
// sub-folders. Docids are renumbered shard after shard (a shard's parts in order, so the
// numbering does not depend on the part size), and a corpus smaller than one block keeps its
// sequential docids.
//
// The shards are opened with DB_NO_SYNC: they are scratch space inside a generation that is
// not published before the merged, synced copy is complete; a killed run leaves a generation
// folder that the next run removes (clean_abandoned).
//
// Thread-safety: add() and merge_into() are called from one thread (the writer); each shard
// database is touched only by its own thread. An error on a shard thread is rethrown by the
// next add() or by merge_into().
#ifndef CS_INDEXER_SHARD_WRITERS_H_
#define CS_INDEXER_SHARD_WRITERS_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "indexer/document_builder.h"

namespace cs {

/// Consecutive documents sent to one shard before moving to the next.
inline constexpr std::size_t kShardBlock = 128;

/// Documents a shard writes into one part database before it starts the next. Xapian's flushes
/// cost more as a database grows (each touches the tail of every term's position and posting
/// lists), so a shard writes parts of bounded size and merge_into() merges them all at once.
inline constexpr std::size_t kShardPartDocuments = 16384;

/// Shard databases with one writing thread each.
class ShardWriters {
 public:
  /// Creates `shards` (at least 1) shards in sub-folders of `gen_path`, each starting a new
  /// part database after `part_documents` (at least 1) documents, and starts their threads.
  /// Throws Xapian::Error or std::filesystem::filesystem_error when a part cannot be created.
  ShardWriters(const std::string& gen_path, unsigned shards,
               std::size_t part_documents = kShardPartDocuments);
  /// Stops and joins the threads (discarding unwritten documents when merge_into was not called).
  ~ShardWriters();
  ShardWriters(const ShardWriters&) = delete;
  ShardWriters& operator=(const ShardWriters&) = delete;

  /// Queues the document of `prepared` (cluster assigned, id not yet in any shard) for its
  /// shard's thread; the rest of `prepared` is left as it is. Rethrows a shard thread's error.
  void add(PreparedDocument& prepared);

  /// Finishes every shard, then compacts the database at `meta_path` (closed; it holds the
  /// run's metadata) and the shards into `gen_path`, and removes the shard and metadata
  /// folders. Throws the first shard error, or Xapian::Error.
  void merge_into(const std::string& meta_path, const std::string& gen_path);

 private:
  struct Shard;
  void stop();
  void rethrow_error() const;

  std::vector<std::unique_ptr<Shard>> shards_;
  std::size_t added_ = 0;
};

}  // namespace cs

#endif  // CS_INDEXER_SHARD_WRITERS_H_
