#include "query/incidents.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/dates.h"

namespace cs::query {

namespace {

constexpr long kLongPeriodDays = 31;  // a month; longer periods (years) group by year only

// The event period of a claim in days since the epoch; nullopt when the date is unknown.
std::optional<std::pair<long, long>> period_of(const std::string& iso) {
  const auto date = parse_iso_date(iso);
  if (!date || !date->known()) return std::nullopt;
  const int first_month = date->month > 0 ? date->month : 1;
  const int last_month = date->month > 0 ? date->month : 12;
  const int first_day = date->day > 0 ? date->day : 1;
  const int last_day = date->day > 0 ? date->day : days_in_month(date->year, last_month);
  return std::pair{days_from_civil(date->year, first_month, first_day),
                   days_from_civil(date->year, last_month, last_day)};
}

// What must be equal for two claims to share an incident.
struct Bucket {
  std::string place;  // place id, or "article:" + cluster when the claim names no place
  int outcome;
  int victim_class;
  std::string coarse;  // "" for claims dated to the day or month; the year or "?" otherwise
  auto tie() const { return std::tie(place, outcome, victim_class, coarse); }
  bool operator<(const Bucket& o) const { return tie() < o.tie(); }
};

struct Chain {
  long end = 0;
  std::string group_id;
  std::vector<std::size_t> members;
};

// The records left when copies are dropped: the same claim (figures, outcome, victims,
// claimant) in articles of one duplicate cluster is kept once, preferring a known event date.
std::vector<std::size_t> without_copies(const std::vector<ClaimRecord>& records) {
  using Key = std::tuple<std::string, std::int64_t, std::int64_t, int, int, int, std::string>;
  std::map<Key, std::size_t> best;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const ClaimRecord& r = records[i];
    const Key key{r.dup_cluster,
                  r.key.low,
                  r.key.high,
                  r.key.magnitude,
                  static_cast<int>(r.key.outcome),
                  static_cast<int>(r.key.victim_class),
                  r.key.claimant_id};
    const auto [it, added] = best.emplace(key, i);
    if (added) continue;
    const ClaimRecord& kept = records[it->second];
    const bool dated = !r.key.event_date.empty();
    const bool kept_dated = !kept.key.event_date.empty();
    if ((dated && !kept_dated) || (dated == kept_dated && r.article_id < kept.article_id)) {
      it->second = i;
    }
  }
  std::vector<std::size_t> kept;
  for (const auto& [key, index] : best) kept.push_back(index);
  std::sort(kept.begin(), kept.end());
  return kept;
}

}  // namespace

std::vector<IncidentGroup> group_incidents(const std::vector<ClaimRecord>& records) {
  struct Item {
    std::size_t index;
    long start, end;
  };
  std::map<Bucket, std::vector<Item>> buckets;
  for (std::size_t i : without_copies(records)) {
    const ClaimRecord& r = records[i];
    const auto period = period_of(r.key.event_date);
    Bucket b{r.key.place_id.empty() ? "article:" + r.dup_cluster : r.key.place_id,
             static_cast<int>(r.key.outcome), static_cast<int>(r.key.victim_class), ""};
    long start = 0;
    long end = 0;
    if (!period) {
      b.coarse = "?";
      b.place += "@" + r.dup_cluster;  // an undated claim groups only within its article
    } else if (period->second - period->first + 1 > kLongPeriodDays) {
      b.coarse = r.key.event_date.substr(0, 4);
    } else {
      start = period->first;
      end = period->second;
    }
    buckets[b].push_back({i, start, end});
  }

  std::vector<IncidentGroup> groups;
  for (auto& [bucket, items] : buckets) {
    std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
      return std::tie(a.start, a.end, records[a.index].article_id, records[a.index].key.index) <
             std::tie(b.start, b.end, records[b.index].article_id, records[b.index].key.index);
    });
    std::vector<Chain> chains;
    for (const Item& item : items) {
      const std::string& group = records[item.index].key.group_id;
      Chain* best = nullptr;
      for (Chain& c : chains) {
        const bool near = bucket.coarse.empty() ? item.start <= c.end + kIncidentWindowDays : true;
        const bool compatible = group.empty() || c.group_id.empty() || group == c.group_id;
        if (near && compatible && (!best || c.end > best->end)) best = &c;
      }
      if (!best) {
        chains.push_back({item.end, group, {}});
        best = &chains.back();
      }
      best->end = std::max(best->end, item.end);
      if (best->group_id.empty()) best->group_id = group;
      best->members.push_back(item.index);
    }
    for (Chain& c : chains) {
      IncidentGroup g;
      g.group_id = c.group_id;
      // One article per duplicate cluster: the first met keeps its claims.
      std::map<std::string, std::uint32_t> cluster_article;
      for (std::size_t m : c.members) {
        const ClaimRecord& r = records[m];
        const auto [it, added] = cluster_article.emplace(r.dup_cluster, r.article);
        if (added || it->second == r.article) g.members.push_back(m);
      }
      g.first_date = records[g.members.front()].key.event_date;
      g.last_date = g.first_date;
      for (std::size_t m : g.members) {
        const std::string& d = records[m].key.event_date;
        if (period_of(d) && period_of(g.last_date) &&
            period_of(d)->second > period_of(g.last_date)->second) {
          g.last_date = d;
        }
      }
      groups.push_back(std::move(g));
    }
  }
  // Newest first: by the last event day, then the first, then a stable tie-break.
  auto last_day = [](const IncidentGroup& g) {
    const auto p = period_of(g.last_date);
    return p ? p->second : -1000000L;
  };
  std::stable_sort(groups.begin(), groups.end(),
                   [&](const IncidentGroup& a, const IncidentGroup& b) {
                     const long la = last_day(a);
                     const long lb = last_day(b);
                     if (la != lb) return la > lb;
                     return std::tie(records[a.members.front()].article_id,
                                     records[a.members.front()].key.index) <
                            std::tie(records[b.members.front()].article_id,
                                     records[b.members.front()].key.index);
                   });
  return groups;
}

}  // namespace cs::query
