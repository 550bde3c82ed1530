#include "indexer/duplicates.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/schema.h"

namespace {

namespace sc = cs::schema;

// A document as the indexer stores one: its signature values, and the cluster it was given.
// An empty field is a value the document does not have.
struct Stored {
  std::string id;
  std::string simhash;
  std::string content;
  std::string cluster;
};

Xapian::WritableDatabase database_of(const std::vector<Stored>& stored) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const Stored& s : stored) {
    Xapian::Document doc;
    if (!s.id.empty()) doc.add_value(sc::kSlotArticleId, s.id);
    if (!s.simhash.empty()) doc.add_value(sc::kSlotSimhash, s.simhash);
    if (!s.content.empty()) doc.add_value(sc::kSlotExactHash, s.content);
    if (!s.cluster.empty()) doc.add_value(sc::kSlotDupCluster, s.cluster);
    db.add_document(doc);
  }
  return db;
}

cs::Article article(const std::string& id, std::uint64_t content, std::uint64_t simhash) {
  cs::Article a;
  a.id = id;
  a.content_hash = content;
  a.simhash = simhash;
  return a;
}

}  // namespace

TEST_CASE("attach remembers what an index stores and skips documents without signatures",
          "[duplicates]") {
  const std::string own_a = "c" + cs::hex64(0xa);
  const std::vector<Stored> stored = {
      {"a", cs::hex64(0x0f0f0f0f0f0f0f0f), cs::hex64(0xa), own_a},
      // a near copy of a, in a's cluster
      {"b", cs::hex64(0x0f0f0f0f0f0f0f0e), cs::hex64(0xb), own_a},
      // a cluster key not made from a content hash (older or other writers) is kept as it is
      {"c", cs::hex64(0xf0f0f0f0f0f0f0f0), cs::hex64(0xc), "cluster-of-c"},
      {"d", "not hex", cs::hex64(0xd), "c" + cs::hex64(0xd)},           // unreadable signature
      {"e", cs::hex64(0x1234), "", "c" + cs::hex64(0xe)},               // no content hash
      {"f", cs::hex64(0x5678), cs::hex64(0xf), ""},                     // no cluster
      {"", cs::hex64(0x9abc), cs::hex64(0x10), "c" + cs::hex64(0x10)},  // no article id
  };
  const Xapian::WritableDatabase db = database_of(stored);
  cs::DuplicateIndex index;
  index.attach(db);
  CHECK(index.size() == 3);

  struct Case {
    cs::Article article;
    std::string cluster;
    bool duplicate;
  };
  const std::vector<Case> cases = {
      // exact copy of b (same content hash): b's cluster, which is a's
      {article("x1", 0xb, 0), own_a, true},
      // near copy of c: c's stored key, unchanged
      {article("x2", 0x100, 0xf0f0f0f0f0f0f0f1), "cluster-of-c", true},
      // a's new version (same id, new text): its own cluster again, and not a duplicate
      {article("a", 0x200, 0x0f0f0f0f0f0f0f0f), own_a, false},
      // the skipped documents are not there to match
      {article("x3", 0xd, 0x5678), "c" + cs::hex64(0xd), false},
      // articles assigned in this run are remembered: an exact copy of x3
      {article("x4", 0xd, 0), "c" + cs::hex64(0xd), true},
  };
  for (const Case& c : cases) {
    INFO("article " << c.article.id);
    const cs::ClusterMatch match = index.assign_cluster(c.article);
    CHECK(match.cluster == c.cluster);
    CHECK(match.duplicate == c.duplicate);
  }
  CHECK(index.size() == 3 + cases.size());
}

namespace {

// The cluster the byte-band scan (before the block lookup) gave: bands 0..7 in order, each
// band's entries oldest first, the first entry found at the least distance within `max`.
std::string band_scan_cluster(const std::vector<std::pair<std::uint64_t, std::string>>& seen,
                              std::uint64_t simhash, int max, const std::string& own) {
  int best = max + 1;
  const std::string* cluster = &own;
  for (int band = 0; band < 8; ++band) {
    for (const auto& [other, other_cluster] : seen) {
      if (((simhash ^ other) >> (8 * band) & 0xff) != 0) continue;
      const int distance = cs::hamming_distance(simhash, other);
      if (distance < best) {
        best = distance;
        cluster = &other_cluster;
      }
    }
  }
  return *cluster;
}

}  // namespace

TEST_CASE("near copies join the cluster the byte-band scan chose", "[duplicates]") {
  // Families of signatures a few bits apart (ties at equal distance across families and
  // bands), and strays: 3,000 articles, compared one by one with a scan of all before them.
  std::uint64_t state = 0x243f6a8885a308d3ULL;
  const auto next = [&state] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::vector<std::uint64_t> roots;
  for (int i = 0; i < 40; ++i) roots.push_back(next());
  cs::DuplicateIndex index;
  std::vector<std::pair<std::uint64_t, std::string>> seen;
  int joined = 0;
  for (int i = 0; i < 3000; ++i) {
    std::uint64_t simhash = next();
    if (i % 4 != 0) {
      simhash = roots[next() % roots.size()];
      const int flips = static_cast<int>(next() % 10);  // up to 9 bits: some beyond the limit
      for (int f = 0; f < flips; ++f) simhash ^= std::uint64_t{1} << (next() % 64);
    }
    const cs::Article a = article("a" + std::to_string(i), 0x100000ULL + i, simhash);
    const std::string expected =
        band_scan_cluster(seen, simhash, cs::kNearDuplicateDistance, cs::own_cluster_key(a));
    const cs::ClusterMatch match = index.assign_cluster(a);
    INFO("article " << i);
    REQUIRE(match.cluster == expected);
    joined += match.duplicate;
    seen.emplace_back(simhash, match.cluster);
  }
  CHECK(joined > 1000);  // the families did cluster: the comparison is not vacuous
}
