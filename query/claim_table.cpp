#include "query/claim_table.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/dates.h"

namespace cs::query {

namespace {

// Precision and day range of a stored ISO event date.
void set_period(std::string_view iso, ClaimRow& row) {
  const auto date = parse_iso_date(iso);
  if (!date || !date->known()) return;
  const int first_month = date->month > 0 ? date->month : 1;
  const int last_month = date->month > 0 ? date->month : 12;
  const int first_day = date->day > 0 ? date->day : 1;
  const int last_day = date->day > 0 ? date->day : days_in_month(date->year, last_month);
  row.first_day = static_cast<std::int32_t>(days_from_civil(date->year, first_month, first_day));
  row.last_day = static_cast<std::int32_t>(days_from_civil(date->year, last_month, last_day));
  row.year = static_cast<std::int16_t>(date->year);
  row.precision = date->day > 0     ? Precision::kDay
                  : date->month > 0 ? Precision::kMonth
                                    : Precision::kYear;
}

}  // namespace

ClaimTable::ClaimTable() { texts_.emplace_back(); }

TextId ClaimTable::intern(std::string_view text) {
  if (text.empty()) return 0;
  const auto [it, added] = ids_.try_emplace(std::string(text), static_cast<TextId>(texts_.size()));
  if (added) texts_.emplace_back(text);
  return it->second;
}

std::size_t ClaimTable::add(const std::vector<ClaimKey>& keys, std::uint32_t article,
                            std::string_view article_id, std::string_view cluster,
                            std::string_view outlet) {
  const TextId id = intern(article_id);
  const TextId cluster_id = intern(cluster.empty() ? article_id : cluster);
  const TextId outlet_id = intern(outlet);
  for (const ClaimKey& key : keys) {
    ClaimRow row;
    row.low = key.low;
    row.high = key.high;
    row.magnitude = static_cast<std::uint8_t>(std::clamp(key.magnitude, 0, 255));
    row.outcome = key.outcome;
    row.victim_class = key.victim_class;
    row.place = intern(key.place_id);
    row.group = intern(key.group_id);
    row.claimant = intern(key.claimant_id);
    row.cluster = cluster_id;
    row.outlet = outlet_id;
    row.article_id = id;
    row.event_date = intern(key.event_date);
    row.article = article;
    row.index = key.index;
    set_period(key.event_date, row);
    rows_.push_back(row);
  }
  return keys.size();
}

void ClaimTable::finish() {
  // Ranks of the article ids.
  std::vector<TextId> ids;
  for (const ClaimRow& row : rows_) {
    if (ids.empty() || ids.back() != row.article_id) ids.push_back(row.article_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::sort(ids.begin(), ids.end(), [&](TextId a, TextId b) { return texts_[a] < texts_[b]; });
  std::vector<std::uint32_t> rank(texts_.size(), 0);
  for (std::size_t i = 0; i < ids.size(); ++i) rank[ids[i]] = static_cast<std::uint32_t>(i);

  // Articles per cluster.
  std::vector<std::uint32_t> cluster_articles(texts_.size(), 0);
  std::unordered_set<std::uint64_t> seen;  // (cluster, article) pairs
  for (const ClaimRow& row : rows_) {
    if (seen.insert((std::uint64_t{row.cluster} << 32) | row.article).second) {
      ++cluster_articles[row.cluster];
    }
  }

  // Buckets.
  struct Key {
    std::uint64_t where;
    std::uint32_t coarse;
    std::uint16_t kind;  // outcome << 8 | victim class
    bool operator==(const Key& o) const {
      return where == o.where && coarse == o.coarse && kind == o.kind;
    }
  };
  struct Hash {
    std::size_t operator()(const Key& k) const {
      return static_cast<std::size_t>((k.where * 0x9E3779B97F4A7C15ull) ^
                                      (std::uint64_t{k.coarse} << 16 | k.kind));
    }
  };
  std::unordered_map<Key, std::uint32_t, Hash> buckets;
  fine_.clear();
  for (ClaimRow& row : rows_) {
    row.copies = cluster_articles[row.cluster] >= 2;
    row.rank = rank[row.article_id] * 64u + std::min<std::uint32_t>(row.index, 63);
    Key key{row.place != 0 ? std::uint64_t{row.place} : ((std::uint64_t{1} << 32) | row.cluster), 0,
            static_cast<std::uint16_t>(static_cast<unsigned>(row.outcome) << 8 |
                                       static_cast<unsigned>(row.victim_class))};
    if (row.precision == Precision::kUnknown) {
      key.coarse = (1u << 31) | row.cluster;  // an undated claim groups only within its article
    } else if (row.precision == Precision::kYear) {
      key.coarse = static_cast<std::uint32_t>(row.year);
    }
    const auto [it, added] = buckets.try_emplace(key, static_cast<std::uint32_t>(buckets.size()));
    if (added) fine_.push_back(key.coarse == 0);
    row.bucket = it->second;
  }
  bucket_count_ = static_cast<std::uint32_t>(buckets.size());
  sort_for_grouping();
  number_copy_groups();
}

void ClaimTable::number_copy_groups() {
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
  std::unordered_map<Key, std::uint32_t, Hash> groups;
  copy_groups_.assign(rows_.size(), 0);
  copy_preferences_.resize(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const ClaimRow& row = rows_[i];
    const bool undated = row.precision == Precision::kUnknown;
    copy_preferences_[i] = (std::uint64_t{undated} << 32) | row.rank;
    if (!row.copies) continue;
    const Key key{row.cluster,
                  row.claimant,
                  row.low,
                  row.high,
                  row.magnitude,
                  static_cast<std::uint8_t>(row.outcome),
                  static_cast<std::uint8_t>(row.victim_class)};
    copy_groups_[i] =
        groups.try_emplace(key, static_cast<std::uint32_t>(groups.size() + 1)).first->second;
  }
  copy_group_count_ = static_cast<std::uint32_t>(groups.size());
}

void ClaimTable::sort_for_grouping() {
  std::vector<std::uint32_t> order(rows_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const ClaimRow& x = rows_[a];
    const ClaimRow& y = rows_[b];
    return std::tie(x.bucket, x.first_day, x.last_day, x.rank, a) <
           std::tie(y.bucket, y.first_day, y.last_day, y.rank, b);
  });
  std::vector<ClaimRow> sorted;
  sorted.reserve(rows_.size());
  row_of_added_.assign(rows_.size(), 0);
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    sorted.push_back(rows_[order[i]]);
    row_of_added_[order[i]] = i;
  }
  rows_ = std::move(sorted);
}

}  // namespace cs::query
