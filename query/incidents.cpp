#include "query/incidents.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace cs::query {

namespace {

// Marks the rows to group: every one of `rows`, except that the same claim (figures, outcome,
// victims, claimant) in several articles of one duplicate cluster is kept once.
std::vector<std::uint8_t> selected_rows(const ClaimTable& table,
                                        const std::vector<std::uint32_t>& rows) {
  constexpr std::uint32_t kNone = UINT32_MAX;
  std::vector<std::uint8_t> selected(table.rows().size(), 0);
  std::vector<std::uint32_t> best(table.copy_group_count() + 1, kNone);
  for (std::uint32_t i : rows) {
    const std::uint32_t group = table.copy_group(i);
    if (group == 0) {  // the usual case
      selected[i] = 1;
      continue;
    }
    std::uint32_t& kept = best[group];
    if (kept == kNone || table.copy_preference(i) < table.copy_preference(kept)) kept = i;
  }
  for (std::uint32_t kept : best) {
    if (kept != kNone) selected[kept] = 1;
  }
  return selected;
}

}  // namespace

std::vector<IncidentGroup> group_incidents(const ClaimTable& table,
                                           const std::vector<std::uint32_t>& rows,
                                           std::size_t limit, IncidentCounts& counts) {
  const auto& all = table.rows();
  // Everything the chaining reads, side by side (no row is read twice).
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
  // The table's rows are in grouping order (bucket, event period, rank): one pass over the
  // selection lists the items bucket by bucket, each bucket in date order.
  const std::vector<std::uint8_t> selected = selected_rows(table, rows);
  std::vector<Item> items;
  items.reserve(rows.size());
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    if (!selected[i]) continue;
    const ClaimRow& r = all[i];
    items.push_back({r.first_day, r.last_day, r.rank, i, r.bucket, r.group, 0, r.cluster, r.article,
                     r.precision != Precision::kUnknown, r.copies});
  }

  // Chain each bucket in date order; a chain is an incident.
  struct Chain {
    std::int32_t end;
    TextId group;
  };
  std::vector<Chain> chains;
  std::vector<std::uint32_t> open;  // chains of the current bucket that may still grow
  for (std::size_t begin = 0, end = 0; begin < items.size(); begin = end) {
    const std::uint32_t bucket = items[begin].bucket;
    for (end = begin; end < items.size() && items[end].bucket == bucket;) ++end;
    const bool fine = table.fine_bucket(bucket);
    open.clear();
    for (std::size_t i = begin; i < end; ++i) {
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
