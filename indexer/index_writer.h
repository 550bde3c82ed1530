// Index writing: adds or replaces articles in one writable generation, detecting unchanged
// articles (same id, same stored data) and duplicates (DuplicateIndex, seeded with what the
// database already holds), which join the first copy's cluster so searches can fold them.
// Documents come from build_document (document.h). On finish() it stores the spelling words
// (counted over the run: adding them per document cost a fifth of a full build, as Xapian
// rewrote the frequent words at every flush), the schema version, the gazetteer and the
// display names of the entities seen; the caller commits (a fresh generation with commit(), an
// in-place update with commit_transaction(), pipeline.h).
// For a fresh generation the documents can go to ShardWriters (shard_writers.h) instead:
// clusters are still assigned here, in input order, and `db` then holds only the metadata.
//
// Thread-safety: not thread-safe; one IndexWriter per WritableDatabase (Xapian allows one
// writer per database anyway).
#ifndef CS_INDEXER_INDEX_WRITER_H_
#define CS_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "core/gazetteer.h"
#include "indexer/document_builder.h"
#include "indexer/duplicates.h"
#include "indexer/shard_writers.h"

namespace cs {

/// What writing one article did.
enum class WriteOutcome { kAdded, kUpdated, kUnchanged };

/// The outcome, and whether the article duplicates another indexed article.
struct WriteResult {
  WriteOutcome outcome = WriteOutcome::kAdded;
  bool duplicate = false;
};

/// Where the "added" stamps of a run's documents come from (core/arrival.h): an article
/// already in `previous` (the live generation a full rebuild replaces; nullptr when none)
/// keeps its stamp, as does one the written database already holds; any other gets
/// `run_stamp` (when empty, the stamp of the time the writer was made).
struct Arrivals {
  const Xapian::Database* previous = nullptr;
  std::string run_stamp;
};

/// Writes articles into one database.
class IndexWriter {
 public:
  /// `db` must outlive the writer, and so must `arrivals.previous`. Also fills the spelling
  /// table ("did you mean"). With `shards` (a fresh generation; must outlive the writer),
  /// documents and spellings go there and the empty `db` only receives the metadata. With
  /// `peers` (other shards of the archive; only read here), articles also cluster with theirs
  /// (std::runtime_error naming them when they cannot be read).
  explicit IndexWriter(Xapian::WritableDatabase& db, Arrivals arrivals = {},
                       ShardWriters* shards = nullptr, const Xapian::Database* peers = nullptr);

  /// Adds the article of `prepared` (built by a DocumentBuilder, possibly on another thread),
  /// or replaces the document with its id; assigns prepared.article.dup_cluster, patching the
  /// document when the article duplicates another one. REQUIRES: extraction filled the
  /// article's content_hash and simhash. Xapian errors propagate.
  WriteResult write(PreparedDocument& prepared);

  /// Adds the spelling words, stores schema version, gazetteer (and `user_gazetteer`, its users'
  /// part, which later runs reuse), entity names and the run's stamp (kMetaLastAdded) in the
  /// metadata. Does not commit: the caller decides when the run
  /// becomes visible.
  void finish(const Gazetteer& gazetteer, const Gazetteer& user_gazetteer);

  /// Counts `id` among the ids written without writing it: its new version could not be
  /// prepared, so an incremental run keeps the version already indexed (remove_vanished spares
  /// it). A fresh generation has no version to keep.
  void keep(const std::string& id) { ids_written_.insert(id); }

  /// The ids of every article passed to write() or keep() so far (whatever the outcome).
  const std::set<std::string>& ids_written() const { return ids_written_; }

 private:
  Xapian::WritableDatabase& db_;
  Arrivals arrivals_;
  ShardWriters* shards_ = nullptr;  ///< where documents go in a fresh generation, or nullptr
  DuplicateIndex duplicates_;
  /// Metadata key -> "<type>\t<name>": of the names an entity is written with, the least
  /// (byte order), so the name shown does not depend on the order articles were indexed in,
  /// nor on how they were split into shards (the search side takes the least of the shards').
  std::map<std::string, std::string> entity_names_;
  std::set<std::string> ids_written_;
  std::unordered_map<std::string, Xapian::termcount> spellings_;  ///< word -> occurrences
};

}  // namespace cs

#endif  // CS_INDEXER_INDEX_WRITER_H_
