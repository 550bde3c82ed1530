#include "indexer/duplicates.h"

#include <bit>
#include <charconv>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "core/hash.h"
#include "core/schema.h"

namespace cs {

namespace {

bool parse_hex(const std::string& s, std::uint64_t& value) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 16);
  return ec == std::errc() && end == s.data() + s.size();
}

// The value `it` holds for `docid`, moving it there; "" when the document has none. The
// streams are in docid order, so a caller asking for ascending docids reads each stream once.
std::string value_at(Xapian::ValueIterator& it, const Xapian::ValueIterator& end,
                     Xapian::docid docid) {
  if (it == end) return {};
  if (it.get_docid() < docid) it.skip_to(docid);
  return it != end && it.get_docid() == docid ? *it : std::string();
}

// The lowest-numbered byte that is zero in `differ` (two simhashes XORed), or 8 when none is.
int lowest_equal_byte(std::uint64_t differ) {
  for (int byte = 0; byte < 8; ++byte) {
    if (((differ >> (8 * byte)) & 0xff) == 0) return byte;
  }
  return 8;
}

// The key of a cluster an article with content hash `content` starts.
std::string content_cluster_key(std::uint64_t content) {
  std::string key(1, 'c');
  return key += hex64(content);
}

// Whether `cluster` is content_cluster_key(content), without building it.
bool is_content_cluster_key(const std::string& cluster, std::uint64_t content) {
  return cluster.size() == 17 && cluster[0] == 'c' && cluster.compare(1, 16, hex64(content)) == 0;
}

}  // namespace

DuplicateIndex::DuplicateIndex(int max_distance)
    : max_distance_(max_distance), by_block_(kSimhashBlockKeys) {}

std::string own_cluster_key(const Article& article) {
  return content_cluster_key(article.content_hash);
}

ClusterMatch DuplicateIndex::assign_cluster(const Article& article) {
  const std::uint64_t self = stable_hash64(article.id);
  const Entry* match = nullptr;
  if (const auto exact = by_content_.find(article.content_hash); exact != FirstByContent::kNone) {
    match = &entries_[exact];
  } else {
    // Nearest first, then the lowest shared byte, then the earliest entry.
    std::tuple<int, int, std::uint32_t> best{max_distance_ + 1, 0, 0};
    for (int block = 0; block < kSimhashBlocks; ++block) {
      const std::uint32_t key = simhash_block(article.simhash, block);
      for (int flip = -1; flip < kSimhashBlockBits; ++flip) {
        const std::uint32_t probe = flip < 0 ? key : key ^ (std::uint32_t{1} << flip);
        for (std::uint32_t index : by_block_[probe]) {
          const std::uint64_t differ = article.simhash ^ entries_[index].simhash;
          const std::tuple<int, int, std::uint32_t> rank{std::popcount(differ),
                                                         lowest_equal_byte(differ), index};
          if (rank < best) {
            best = rank;
            match = &entries_[index];
          }
        }
      }
    }
  }
  ClusterMatch result{match ? cluster_of(*match) : own_cluster_key(article),
                      match != nullptr && match->article != self};
  remember(article.simhash, article.content_hash, self, result.cluster);
  return result;
}

void DuplicateIndex::attach(const Xapian::Database& db) {
  entries_.reserve(entries_.size() + db.get_doccount());
  by_content_.reserve(entries_.size() + db.get_doccount());
  auto content = db.valuestream_begin(schema::kSlotExactHash);
  auto cluster = db.valuestream_begin(schema::kSlotDupCluster);
  auto id = db.valuestream_begin(schema::kSlotArticleId);
  const auto content_end = db.valuestream_end(schema::kSlotExactHash);
  const auto cluster_end = db.valuestream_end(schema::kSlotDupCluster);
  const auto id_end = db.valuestream_end(schema::kSlotArticleId);
  for (auto sim = db.valuestream_begin(schema::kSlotSimhash);
       sim != db.valuestream_end(schema::kSlotSimhash); ++sim) {
    const Xapian::docid docid = sim.get_docid();
    std::uint64_t simhash = 0;
    std::uint64_t exact = 0;
    const std::string key = value_at(cluster, cluster_end, docid);
    const std::string article = value_at(id, id_end, docid);
    if (!parse_hex(*sim, simhash) || !parse_hex(value_at(content, content_end, docid), exact) ||
        key.empty() || article.empty()) {
      continue;
    }
    remember(simhash, exact, stable_hash64(article), key);
  }
}

void DuplicateIndex::remember(std::uint64_t simhash, std::uint64_t content, std::uint64_t article,
                              const std::string& cluster) {
  if (entries_.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("too many articles for the duplicate index");
  }
  const auto index = static_cast<std::uint32_t>(entries_.size());
  Entry entry{simhash, content, article, kOwnCluster};
  if (!is_content_cluster_key(cluster, content)) {
    entry.cluster = static_cast<std::uint32_t>(joined_clusters_.size());
    joined_clusters_.push_back(cluster);
  }
  entries_.push_back(entry);
  by_content_.insert(content, index);
  for (int block = 0; block < kSimhashBlocks; ++block) {
    by_block_[simhash_block(simhash, block)].push_back(index);
  }
}

std::string DuplicateIndex::cluster_of(const Entry& entry) const {
  return entry.cluster == kOwnCluster ? content_cluster_key(entry.content)
                                      : joined_clusters_[entry.cluster];
}

void DuplicateIndex::FirstByContent::reserve(std::size_t count) {
  int bits = 4;
  while ((std::size_t{1} << bits) < 2 * count) ++bits;
  if ((std::size_t{1} << bits) <= slots_.size()) return;
  std::vector<Slot> old(std::size_t{1} << bits);
  old.swap(slots_);
  bits_ = bits;
  for (const Slot& slot : old) {
    if (slot.index != kNone) slots_[position(slot.content)] = slot;
  }
}

std::uint32_t DuplicateIndex::FirstByContent::find(std::uint64_t content) const {
  return slots_.empty() ? kNone : slots_[position(content)].index;
}

void DuplicateIndex::FirstByContent::insert(std::uint64_t content, std::uint32_t index) {
  if (2 * (used_ + 1) > slots_.size()) reserve(used_ + 1);
  Slot& slot = slots_[position(content)];
  if (slot.index != kNone) return;
  slot = {content, index};
  ++used_;
}

std::size_t DuplicateIndex::FirstByContent::position(std::uint64_t content) const {
  // Fibonacci hashing (the top bits of the product) spreads keys that differ only in low
  // bits; linear probing from there ends at the key's slot or the first free one.
  const std::size_t mask = slots_.size() - 1;
  std::size_t at = static_cast<std::size_t>((content * 0x9e3779b97f4a7c15ULL) >> (64 - bits_));
  while (slots_[at].index != kNone && slots_[at].content != content) at = (at + 1) & mask;
  return at;
}

}  // namespace cs
