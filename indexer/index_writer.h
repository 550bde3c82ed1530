// Index writing: adds or replaces articles in one writable generation, detecting unchanged
// articles (same id, same stored data) and duplicates (same content hash, or a simhash within
// kNearDuplicateBits of an indexed article's), which join that article's duplicate cluster so
// searches can fold them. Documents come from build_document (document.h); the writer adds
// only the simhash band terms it uses to find near-duplicates. On finish() it stores the
// schema version, the gazetteer and the display names of the entities seen, then commits.
//
// Thread-safety: not thread-safe; one IndexWriter per WritableDatabase (Xapian allows one
// writer per database anyway).
#ifndef CS_INDEXER_INDEX_WRITER_H_
#define CS_INDEXER_INDEX_WRITER_H_

#include <xapian.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/gazetteer.h"

namespace cs {

/// Articles whose simhashes differ in at most this many bits are near-duplicates.
inline constexpr int kNearDuplicateBits = 3;

/// The simhash band terms of a signature: 4 bands of 16 bits, "<prefix><band>:<hex>". Two
/// signatures within 3 bits of each other always share at least one band term.
std::vector<std::string> sim_band_terms(std::uint64_t simhash);

/// What writing one article did.
enum class WriteOutcome { kAdded, kUpdated, kUnchanged };

/// The outcome, and whether the article duplicates another indexed article.
struct WriteResult {
  WriteOutcome outcome = WriteOutcome::kAdded;
  bool duplicate = false;
};

/// Writes articles into one database.
class IndexWriter {
 public:
  /// `db` must outlive the writer. Also fills the spelling table ("did you mean").
  explicit IndexWriter(Xapian::WritableDatabase& db);

  /// Adds `article`, or replaces the document with its id; sets article.dup_cluster (and
  /// content_hash when the extractor left it 0). Xapian errors propagate as exceptions.
  WriteResult write(Article& article);

  /// Stores schema version, gazetteer and entity names in the metadata, then commits.
  void finish(const Gazetteer& gazetteer);

 private:
  std::string find_cluster(const Article& article, bool& duplicate) const;

  Xapian::WritableDatabase& db_;
  Xapian::TermGenerator generator_;
  std::map<std::string, std::string> entity_names_;  ///< metadata key -> "<type>\t<name>"
};

}  // namespace cs

#endif  // CS_INDEXER_INDEX_WRITER_H_
