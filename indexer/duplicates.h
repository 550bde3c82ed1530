// Duplicate clustering for the single writer thread: each article gets the cluster key of an
// earlier article with the same content hash (exact copy) or a simhash within
// kNearDuplicateDistance bits sharing an LSH band (near copy), else its own id. Can be seeded
// from an existing index so incremental runs cluster against what is already indexed.
//
// Thread-safety: not thread-safe; use from one thread (the writer).
#ifndef CS_INDEXER_DUPLICATES_H_
#define CS_INDEXER_DUPLICATES_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "indexer/signature.h"

namespace cs {

/// Signatures of the articles seen so far and their clusters.
class DuplicateIndex {
 public:
  /// `max_distance`: largest simhash Hamming distance counted as a near duplicate (at most
  /// kSimhashBands - 1 to be found reliably through the bands).
  explicit DuplicateIndex(int max_distance = kNearDuplicateDistance);

  /// The cluster key for `article` (content_hash and simhash filled in), remembering it:
  /// the cluster of an exact copy, else of the nearest near copy, else article.id.
  std::string assign_cluster(const Article& article);

  /// Remembers the signatures and clusters of every document in `db` (value slots of the
  /// schema). Documents without signatures are skipped. Throws Xapian::Error on read errors.
  void attach(const Xapian::Database& db);

  /// Number of articles remembered.
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t simhash;
    std::string cluster;
  };
  void remember(std::uint64_t content, std::uint64_t simhash, const std::string& cluster);

  int max_distance_;
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::size_t> by_content_;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_band_;
};

}  // namespace cs

#endif  // CS_INDEXER_DUPLICATES_H_
