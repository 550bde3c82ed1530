#include "indexer/duplicates.h"

#include <charconv>
#include <map>

#include "core/hash.h"
#include "core/schema.h"

namespace cs {

namespace {

bool parse_hex(const std::string& s, std::uint64_t& value) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value, 16);
  return ec == std::errc() && end == s.data() + s.size();
}

// Every document's value in `slot`, by docid.
std::map<Xapian::docid, std::string> slot_values(const Xapian::Database& db, Xapian::valueno slot) {
  std::map<Xapian::docid, std::string> values;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    values.emplace(it.get_docid(), *it);
  }
  return values;
}

}  // namespace

DuplicateIndex::DuplicateIndex(int max_distance) : max_distance_(max_distance) {}

std::string own_cluster_key(const Article& article) { return "c" + hex64(article.content_hash); }

ClusterMatch DuplicateIndex::assign_cluster(const Article& article) {
  const std::uint64_t self = stable_hash64(article.id);
  const Entry* match = nullptr;
  if (const auto exact = by_content_.find(article.content_hash); exact != by_content_.end()) {
    match = &entries_[exact->second];
  } else {
    int best = max_distance_ + 1;
    for (int band = 0; band < kSimhashBands; ++band) {
      const auto it = by_band_.find(simhash_band(article.simhash, band));
      if (it == by_band_.end()) continue;
      for (std::size_t index : it->second) {
        const int distance = hamming_distance(article.simhash, entries_[index].simhash);
        if (distance < best) {
          best = distance;
          match = &entries_[index];
        }
      }
    }
  }
  ClusterMatch result{match ? match->cluster : own_cluster_key(article),
                      match != nullptr && match->article != self};
  remember(article.content_hash, {article.simhash, self, result.cluster});
  return result;
}

void DuplicateIndex::attach(const Xapian::Database& db) {
  const auto content = slot_values(db, schema::kSlotExactHash);
  const auto sims = slot_values(db, schema::kSlotSimhash);
  const auto clusters = slot_values(db, schema::kSlotDupCluster);
  const auto ids = slot_values(db, schema::kSlotArticleId);
  for (const auto& [docid, hex] : sims) {
    std::uint64_t sim = 0;
    std::uint64_t exact = 0;
    const auto c = content.find(docid);
    const auto k = clusters.find(docid);
    const auto i = ids.find(docid);
    if (!parse_hex(hex, sim) || c == content.end() || !parse_hex(c->second, exact) ||
        k == clusters.end() || k->second.empty() || i == ids.end()) {
      continue;
    }
    remember(exact, {sim, stable_hash64(i->second), k->second});
  }
}

void DuplicateIndex::remember(std::uint64_t content, const Entry& entry) {
  const std::size_t index = entries_.size();
  entries_.push_back(entry);
  by_content_.emplace(content, index);
  for (int band = 0; band < kSimhashBands; ++band) {
    by_band_[simhash_band(entry.simhash, band)].push_back(index);
  }
}

}  // namespace cs
