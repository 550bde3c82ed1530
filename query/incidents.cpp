#include "query/incidents.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace cs::query {

namespace {

// The rows left when copies are dropped: the same claim (figures, outcome, victims,
// claimant) in several articles of one duplicate cluster is kept once, a dated copy first.
std::vector<std::uint32_t> without_copies(const ClaimTable& table,
                                          const std::vector<std::uint32_t>& rows) {
  struct Key {
    TextId cluster, claimant;
    std::int64_t low, high;
    std::uint8_t magnitude, outcome, victim_class;
    bool operator==(const Key& o) const {
      return std::tie(cluster, claimant, low, high, magnitude, outcome, victim_class) ==
             std::tie(o.cluster, o.claimant, o.low, o.high, o.magnitude, o.outcome, o.victim_class);
    }
  };
  struct Hash {
    std::size_t operator()(const Key& k) const {
      std::uint64_t h = (std::uint64_t{k.cluster} << 32) ^ k.claimant;
      h = h * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(k.low);
      h = h * 0x9E3779B97F4A7C15ull ^ static_cast<std::uint64_t>(k.high);
      return h ^
             (std::uint64_t{k.magnitude} << 16 | std::uint64_t{k.outcome} << 8 | k.victim_class);
    }
  };
  std::vector<std::uint32_t> kept;
  kept.reserve(rows.size());
  std::unordered_map<Key, std::size_t, Hash> best;  // -> position in `kept`
  const auto& all = table.rows();
  for (std::uint32_t i : rows) {
    const ClaimRow& r = all[i];
    if (!r.copies) {  // the usual case
      kept.push_back(i);
      continue;
    }
    const Key key{r.cluster,
                  r.claimant,
                  r.low,
                  r.high,
                  r.magnitude,
                  static_cast<std::uint8_t>(r.outcome),
                  static_cast<std::uint8_t>(r.victim_class)};
    const auto [it, added] = best.try_emplace(key, kept.size());
    if (added) {
      kept.push_back(i);
      continue;
    }
    const ClaimRow& held = all[kept[it->second]];
    const bool dated = r.precision != Precision::kUnknown;
    const bool held_dated = held.precision != Precision::kUnknown;
    if ((dated && !held_dated) || (dated == held_dated && r.rank < held.rank)) {
      kept[it->second] = i;
    }
  }
  return kept;
}

}  // namespace

std::vector<IncidentGroup> group_incidents(const ClaimTable& table,
                                           const std::vector<std::uint32_t>& rows,
                                           std::size_t limit, IncidentCounts& counts) {
  const auto& all = table.rows();
  // Everything the sort and the chaining read, side by side (no row is read twice).
  struct Item {
    std::int32_t first_day, last_day;
    std::uint32_t rank;
    std::uint32_t row;
    std::uint32_t bucket;
    TextId group;
    std::uint32_t chain;
    TextId cluster;
    std::uint32_t article;
    bool dated;
    bool copies;
  };
  const std::vector<std::uint32_t> kept = without_copies(table, rows);
  // Items by bucket (a counting sort), then each bucket in date order: many small sorts
  // instead of one over every claim.
  std::vector<std::uint32_t> bucket_start(table.bucket_count() + 1, 0);
  for (std::uint32_t i : kept) ++bucket_start[all[i].bucket + 1];
  for (std::size_t b = 0; b < table.bucket_count(); ++b) bucket_start[b + 1] += bucket_start[b];
  std::vector<Item> items(kept.size());
  {
    std::vector<std::uint32_t> next(bucket_start.begin(), bucket_start.end() - 1);
    for (std::uint32_t i : kept) {
      const ClaimRow& r = all[i];
      items[next[r.bucket]++] = {
          r.first_day, r.last_day, r.rank,    i,         r.bucket,
          r.group,     0,          r.cluster, r.article, r.precision != Precision::kUnknown,
          r.copies};
    }
  }
  std::vector<std::uint32_t> used;  // buckets with items, in order
  for (std::uint32_t b = 0; b < table.bucket_count(); ++b) {
    if (bucket_start[b + 1] == bucket_start[b]) continue;
    used.push_back(b);
    std::sort(items.begin() + bucket_start[b], items.begin() + bucket_start[b + 1],
              [](const Item& x, const Item& y) {
                return std::tie(x.first_day, x.last_day, x.rank) <
                       std::tie(y.first_day, y.last_day, y.rank);
              });
  }

  // Chain each bucket in date order; a chain is an incident.
  struct Chain {
    std::int32_t end;
    TextId group;
  };
  std::vector<Chain> chains;
  std::vector<std::uint32_t> open;  // chains of the current bucket that may still grow
  for (std::uint32_t b : used) {
    const bool fine = table.fine_bucket(b);
    open.clear();
    for (std::uint32_t i = bucket_start[b]; i < bucket_start[b + 1]; ++i) {
      Item& item = items[i];
      if (fine) {  // chains no later claim can reach are closed
        std::erase_if(open, [&](std::uint32_t c) {
          return chains[c].end + kIncidentWindowDays < item.first_day;
        });
      }
      std::uint32_t best = UINT32_MAX;
      for (std::uint32_t c : open) {
        const Chain& chain = chains[c];
        const bool compatible = item.group == 0 || chain.group == 0 || item.group == chain.group;
        if (compatible && (best == UINT32_MAX || chain.end > chains[best].end)) best = c;
      }
      if (best == UINT32_MAX) {
        best = static_cast<std::uint32_t>(chains.size());
        chains.push_back({item.last_day, item.group});
        open.push_back(best);
      }
      Chain& chain = chains[best];
      chain.end = std::max(chain.end, item.last_day);
      if (chain.group == 0) chain.group = item.group;
      item.chain = best;
    }
  }

  // Members by chain, in date order (a counting sort keeps the order within each chain); an
  // incident keeps the claims of the first article of each duplicate cluster it meets.
  std::vector<std::uint32_t> start(chains.size() + 1, 0);
  for (const Item& item : items) ++start[item.chain + 1];
  for (std::size_t c = 0; c < chains.size(); ++c) start[c + 1] += start[c];
  std::vector<std::uint32_t> members(items.size());
  {
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint32_t i = 0; i < items.size(); ++i) members[next[items[i].chain]++] = i;
  }
  std::unordered_map<std::uint64_t, std::uint32_t> cluster_article;  // (chain, cluster) -> article
  std::vector<bool> dropped(items.size(), false);
  counts.claims = items.size();
  for (std::uint32_t c = 0; c < chains.size(); ++c) {
    for (std::uint32_t m = start[c]; m < start[c + 1]; ++m) {
      const Item& item = items[members[m]];
      if (!item.copies) continue;
      const auto [it, added] =
          cluster_article.try_emplace((std::uint64_t{c} << 32) | item.cluster, item.article);
      if (!added && it->second != item.article) {
        dropped[members[m]] = true;
        --counts.claims;
      }
    }
  }
  counts.incidents = chains.size();

  // Newest first: by the latest event day (undated last), then the first claim's article.
  struct Order {
    std::int32_t last_day;
    std::uint32_t rank;
    std::uint32_t chain;
  };
  std::vector<Order> order;
  order.reserve(chains.size());
  for (std::uint32_t c = 0; c < chains.size(); ++c) {
    const Item& first = items[members[start[c]]];
    order.push_back({first.dated ? chains[c].end : INT32_MIN, first.rank, c});
  }
  const std::size_t shown = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                    [](const Order& a, const Order& b) {
                      if (a.last_day != b.last_day) return a.last_day > b.last_day;
                      return a.rank < b.rank;
                    });
  std::vector<IncidentGroup> groups;
  for (std::size_t k = 0; k < shown; ++k) {
    const std::uint32_t c = order[k].chain;
    IncidentGroup g;
    g.group = chains[c].group;
    for (std::uint32_t m = start[c]; m < start[c + 1]; ++m) {
      if (!dropped[members[m]]) g.members.push_back(items[members[m]].row);
    }
    g.first = g.last = g.members.front();
    for (std::uint32_t m : g.members) {
      if (all[m].last_day > all[g.last].last_day) g.last = m;
    }
    groups.push_back(std::move(g));
  }
  return groups;
}

}  // namespace cs::query
