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
  /// 2 * kSimhashBlocks - 1 to be found reliably through the blocks).
  explicit DuplicateIndex(int max_distance = kNearDuplicateDistance);

  /// The cluster for `article` (content_hash and simhash filled in), remembering it: the
  /// cluster of an exact copy, else of the nearest near copy, else own_cluster_key(article).
  /// Among near copies equally near, the one whose simhash shares the lowest-numbered byte
  /// with the article's, then the earliest remembered (the choice of the byte-band scan this
  /// lookup replaced, so clusters do not depend on which of the two built an index).
  ClusterMatch assign_cluster(const Article& article);

  /// Remembers the signatures and clusters of every document in `db` (value slots of the
  /// schema), reading the value streams once in docid order. Documents without signatures are
  /// skipped. Throws Xapian::Error on read errors.
  void attach(const Xapian::Database& db);

  /// Number of articles remembered.
  std::size_t size() const { return entries_.size(); }

 private:
  // 32 bytes an article, and no allocation for those in clusters of their own (most of them):
  // an incremental run on a large archive starts by remembering every indexed article.
  struct Entry {
    std::uint64_t simhash;
    std::uint64_t content;  ///< content hash: the cluster key when `cluster` is kOwnCluster
    std::uint64_t article;  ///< stable hash of the article id: an article never copies itself
    std::uint32_t cluster;  ///< kOwnCluster, or an index into joined_clusters_
  };
  static constexpr std::uint32_t kOwnCluster = UINT32_MAX;

  // Content hash -> first entry with it: open addressing, so that remembering a million
  // articles allocates a few arrays instead of a million nodes.
  class FirstByContent {
   public:
    void reserve(std::size_t count);
    /// The entry remembered for `content`, or kNone.
    std::uint32_t find(std::uint64_t content) const;
    /// Remembers `index` for `content` unless it has one already.
    void insert(std::uint64_t content, std::uint32_t index);
    static constexpr std::uint32_t kNone = UINT32_MAX;

   private:
    struct Slot {
      std::uint64_t content = 0;
      std::uint32_t index = kNone;
    };
    std::size_t position(std::uint64_t content) const;
    std::vector<Slot> slots_;  // 2^bits_ of them, at most half full
    int bits_ = 0;
    std::size_t used_ = 0;
  };

  void remember(std::uint64_t simhash, std::uint64_t content, std::uint64_t article,
                const std::string& cluster);
  std::string cluster_of(const Entry& entry) const;

  int max_distance_;
  std::vector<Entry> entries_;
  std::vector<std::string> joined_clusters_;  // cluster keys other than an article's own key
  FirstByContent by_content_;
  // simhash_block key -> entries, kSimhashBlockKeys of them. A lookup reads the article's key
  // and its one-bit neighbours in every block: about 1,000 entries at 1M articles, where the
  // eight byte-bands it replaced held 31,000 (and a build slowed as it grew).
  std::vector<std::vector<std::uint32_t>> by_block_;
};

}  // namespace cs

#endif  // CS_INDEXER_DUPLICATES_H_
