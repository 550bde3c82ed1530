// Duplicate clustering for the single writer thread: each article gets the cluster key of an
// earlier article with the same content hash (exact copy) or a simhash within
// kNearDuplicateDistance bits sharing an LSH band (near copy), else a key of its own made from
// its content hash. Because a new cluster's key comes from the content, not from the index,
// exact copies indexed into different shards get the same key and are folded by a collapsing
// search over the shards too; near copies are joined across shards when the index of one is
// seeded with the others (corpus-index --peer). Seeded from an existing index, incremental
// runs cluster against what is already indexed.
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

/// The cluster key an article starts (when it copies no earlier one): "c" + its content hash.
std::string own_cluster_key(const Article& article);

/// The cluster given to an article, and whether it copies another article.
struct ClusterMatch {
  std::string cluster;     ///< the cluster key to store (schema::kSlotDupCluster)
  bool duplicate = false;  ///< it joined another article's cluster (not its own old version)
};

/// Signatures of the articles seen so far and their clusters.
class DuplicateIndex {
 public:
  /// `max_distance`: largest simhash Hamming distance counted as a near duplicate (at most
  /// kSimhashBands - 1 to be found reliably through the bands).
  explicit DuplicateIndex(int max_distance = kNearDuplicateDistance);

  /// The cluster for `article` (content_hash and simhash filled in), remembering it: the
  /// cluster of an exact copy, else of the nearest near copy, else own_cluster_key(article).
  ClusterMatch assign_cluster(const Article& article);

  /// Remembers the signatures and clusters of every document in `db` (value slots of the
  /// schema). Documents without signatures are skipped. Throws Xapian::Error on read errors.
  void attach(const Xapian::Database& db);

  /// Number of articles remembered.
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::uint64_t simhash;
    std::uint64_t article;  ///< stable hash of the article id: an article never copies itself
    std::string cluster;
  };
  void remember(std::uint64_t content, const Entry& entry);

  int max_distance_;
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::size_t> by_content_;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_band_;
};

}  // namespace cs

#endif  // CS_INDEXER_DUPLICATES_H_
