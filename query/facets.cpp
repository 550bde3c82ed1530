#include "query/facets.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "query/revision_cache.h"

namespace cs::query {

namespace {

std::size_t facet_count() { return schema::facet_fields().size(); }

FacetCounts empty_counts() {
  FacetCounts c;
  c.by_facet.resize(facet_count());
  return c;
}

// Counts with one ValueCountMatchSpy per used slot.
class SlotCounter : public FacetCounter {
 public:
  explicit SlotCounter(const std::vector<FacetSlot>& slots) {
    for (const auto& [facet, slot] : slots) {
      spies_.emplace_back(facet, std::make_unique<Xapian::ValueCountMatchSpy>(slot));
    }
  }
  void attach(Xapian::Enquire& enquire) override {
    for (auto& [facet, spy] : spies_) enquire.add_matchspy(spy.get());
  }
  void add(const FacetCounter& other) override {
    const auto& spies = dynamic_cast<const SlotCounter&>(other).spies_;
    for (std::size_t i = 0; i < spies_.size() && i < spies.size(); ++i) {
      spies_[i].second->merge_results(spies[i].second->serialise_results());
    }
  }
  std::int64_t documents_seen() const override {
    return spies_.empty() ? 0 : static_cast<std::int64_t>(spies_.front().second->get_total());
  }
  FacetCounts counts() const override {
    FacetCounts c = empty_counts();
    for (const auto& [facet, spy] : spies_) {
      c.documents_seen = spy->get_total();
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
        c.by_facet[facet][*it] += it.get_termfreq();
      }
    }
    return c;
  }

 private:
  std::vector<std::pair<std::size_t, std::unique_ptr<Xapian::ValueCountMatchSpy>>> spies_;
};

}  // namespace

// Counts by looking each matching docid up in the columns.
class ColumnSpy : public Xapian::MatchSpy {
 public:
  explicit ColumnSpy(const FacetColumns& columns)
      : columns_(columns), counts_(columns.value_text_.size(), 0) {}
  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    const Xapian::docid id = doc.get_docid();
    if (id + 1 >= columns_.offsets_.size()) return;
    for (std::uint32_t k = columns_.offsets_[id]; k < columns_.offsets_[id + 1]; ++k) {
      ++counts_[columns_.values_[k]];
    }
  }
  std::int64_t documents_seen() const { return seen_; }
  // Adds what `other`, a spy over the same columns, counted.
  void add(const ColumnSpy& other) {
    for (std::size_t v = 0; v < counts_.size() && v < other.counts_.size(); ++v) {
      counts_[v] += other.counts_[v];
    }
    seen_ += other.seen_;
  }
  FacetCounts counts() const {
    FacetCounts c = empty_counts();
    c.documents_seen = seen_;
    // Value ids follow (facet, value) order: each insertion goes at its map's end.
    for (std::size_t v = 0; v < counts_.size(); ++v) {
      if (counts_[v] == 0) continue;
      auto& by_value = c.by_facet[columns_.value_facet_[v]];
      by_value.emplace_hint(by_value.end(), columns_.value_text_[v], counts_[v]);
    }
    return c;
  }

 private:
  const FacetColumns& columns_;
  std::vector<std::int64_t> counts_;
  std::int64_t seen_ = 0;
};

namespace {

class ColumnCounter : public FacetCounter {
 public:
  explicit ColumnCounter(const FacetColumns& columns) : spy_(columns) {}
  void attach(Xapian::Enquire& enquire) override { enquire.add_matchspy(&spy_); }
  FacetCounts counts() const override { return spy_.counts(); }
  void add(const FacetCounter& other) override {
    spy_.add(dynamic_cast<const ColumnCounter&>(other).spy_);
  }
  std::int64_t documents_seen() const override { return spy_.documents_seen(); }

 private:
  ColumnSpy spy_;
};

}  // namespace

std::shared_ptr<const FacetColumns> FacetColumns::build(const Xapian::Database& db) {
  auto columns = std::make_shared<FacetColumns>();
  std::unordered_map<std::string, std::uint32_t> ids;  // facet index + '\0' + value -> id
  std::vector<std::pair<Xapian::docid, std::uint32_t>> entries;
  const auto facets = schema::facet_fields();
  for (std::size_t f = 0; f < facets.size(); ++f) {
    for (unsigned i = 0; i < facets[f]->slot_count; ++i) {
      const Xapian::valueno slot = facets[f]->first_slot + i;
      for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        const std::string value = *it;
        const auto [pos, added] =
            ids.try_emplace(std::to_string(f) + '\0' + value, columns->value_text_.size());
        if (added) {
          columns->value_text_.push_back(value);
          columns->value_facet_.push_back(static_cast<std::uint8_t>(f));
        }
        entries.emplace_back(it.get_docid(), pos->second);
      }
    }
  }
  // Value ids in (facet, value) order, so that counts() fills each facet's map in key order.
  std::vector<std::uint32_t> order(columns->value_text_.size());
  for (std::uint32_t v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(columns->value_facet_[a], columns->value_text_[a]) <
           std::tie(columns->value_facet_[b], columns->value_text_[b]);
  });
  std::vector<std::uint32_t> renumbered(order.size());
  std::vector<std::string> text(order.size());
  std::vector<std::uint8_t> facet(order.size());
  for (std::uint32_t rank = 0; rank < order.size(); ++rank) {
    renumbered[order[rank]] = rank;
    text[rank] = std::move(columns->value_text_[order[rank]]);
    facet[rank] = columns->value_facet_[order[rank]];
  }
  columns->value_text_ = std::move(text);
  columns->value_facet_ = std::move(facet);
  for (auto& entry : entries) entry.second = renumbered[entry.second];
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  columns->offsets_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  for (const auto& [docid, value] : entries) ++columns->offsets_[docid + 1];
  for (std::size_t d = 1; d < columns->offsets_.size(); ++d) {
    columns->offsets_[d] += columns->offsets_[d - 1];
  }
  columns->values_.reserve(entries.size());
  for (const auto& [docid, value] : entries) columns->values_.push_back(value);
  return columns;
}

std::shared_ptr<const FacetColumns> FacetColumns::shared(const Xapian::Database& db) {
  return shared_per_revision<FacetColumns>(db, &FacetColumns::build);
}

std::unique_ptr<FacetCounter> FacetColumns::make_counter() const {
  return std::make_unique<ColumnCounter>(*this);
}

bool counted_every_match(std::int64_t documents_seen, const Xapian::MSet& mset, bool folded) {
  return folded ||
         documents_seen >= static_cast<std::int64_t>(mset.get_uncollapsed_matches_upper_bound());
}

std::vector<FacetSlot> used_facet_slots(const Xapian::Database& db) {
  std::vector<FacetSlot> slots;
  const auto facets = schema::facet_fields();
  for (std::size_t f = 0; f < facets.size(); ++f) {
    for (unsigned i = 0; i < facets[f]->slot_count; ++i) {
      const Xapian::valueno slot = facets[f]->first_slot + i;
      if (db.get_value_freq(slot) == 0) break;  // slots fill in order
      slots.emplace_back(f, slot);
    }
  }
  return slots;
}

std::unique_ptr<FacetCounter> make_slot_counter(const std::vector<FacetSlot>& slots) {
  return std::make_unique<SlotCounter>(slots);
}

std::vector<FacetResult> top_facets(const FacetCounts& counts, int limit,
                                    const std::vector<std::vector<std::string>>& selected,
                                    const FacetNamer& namer) {
  std::vector<FacetResult> results;
  const auto facets = schema::facet_fields();
  for (std::size_t f = 0; f < facets.size(); ++f) {
    const auto& by_value = counts.by_facet[f];
    // Years and months are a calendar, not a ranking: all of them, oldest first (the counts
    // come ordered by value). Other facets: the top `limit` by count, then by value.
    std::vector<const std::pair<const std::string, std::int64_t>*> order;
    order.reserve(by_value.size());
    for (const auto& entry : by_value) order.push_back(&entry);
    const schema::ValueRule rule = facets[f]->rule;
    if (rule != schema::ValueRule::kYear && rule != schema::ValueRule::kMonth) {
      const auto top = std::min(order.size(), static_cast<std::size_t>(std::max(limit, 0)));
      std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top),
                        order.end(), [](const auto* a, const auto* b) {
                          return a->second != b->second ? a->second > b->second
                                                        : a->first < b->first;
                        });
      order.resize(top);
    }
    std::vector<std::pair<std::string, std::int64_t>> ranked;
    ranked.reserve(order.size());
    for (const auto* entry : order) ranked.emplace_back(entry->first, entry->second);
    for (const std::string& value :
         f < selected.size() ? selected[f] : std::vector<std::string>{}) {
      const bool shown = std::any_of(ranked.begin(), ranked.end(),
                                     [&](const auto& r) { return r.first == value; });
      const auto it = by_value.find(value);
      if (!shown) ranked.emplace_back(value, it == by_value.end() ? 0 : it->second);
    }
    FacetResult result{std::string(facets[f]->name), {}};
    for (auto& [value, count] : ranked) {
      result.values.push_back({namer(*facets[f], value), value, count});
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<std::vector<std::string>> selected_values(const std::vector<Selection>& selections,
                                                      const FacetCounts& counts) {
  const auto facets = schema::facet_fields();
  std::vector<std::vector<std::string>> selected(facets.size());
  for (const Selection& s : selections) {
    const auto f =
        static_cast<std::size_t>(std::find(facets.begin(), facets.end(), s.field) - facets.begin());
    if (f == facets.size()) continue;
    std::string value = s.raw;
    switch (s.field->rule) {
      case schema::ValueRule::kEntity:
        value = s.term;
        break;
      case schema::ValueRule::kName:
        for (const auto& [counted, count] : counts.by_facet[f]) {
          if (schema::term_value(*s.field, counted, nullptr) == s.term) value = counted;
        }
        break;
      case schema::ValueRule::kText:
      case schema::ValueRule::kYear:
      case schema::ValueRule::kMonth:
        break;
    }
    selected[f].push_back(std::move(value));
  }
  return selected;
}

std::vector<TimelineBucket> timeline_from(const FacetCounts& counts) {
  const auto facets = schema::facet_fields();
  std::vector<TimelineBucket> timeline;
  for (std::size_t f = 0; f < facets.size(); ++f) {
    if (facets[f]->rule != schema::ValueRule::kMonth) continue;
    for (const auto& [period, count] : counts.by_facet[f]) timeline.push_back({period, count});
  }
  return timeline;
}

}  // namespace cs::query
