// Exact facet counts (every facet field of schema::fields(): outlet, year, month, person, org,
// place, source, ...) over a whole match set.
//
// Two counters give identical counts: FacetColumns keeps every document's facet values in
// memory (one docid-indexed column built at open from the value streams) and counts with one
// cheap MatchSpy; slot counting uses Xapian's ValueCountMatchSpy per facet slot (multi-valued
// facets span schema::kMultiSlots slots, summed), which also works over remote shards where
// custom spies do not run. Counts are per facet: slot value (outlet name, "YYYY", "YYYY-MM",
// entity or source id) -> number of matching documents; spies count before collapsing.
//
// Thread-safety: FacetColumns is immutable after build() and may be shared between threads
// (shared() is thread-safe); a FacetCounter is used by one thread for one get_mset() call.
#ifndef CS_QUERY_FACETS_H_
#define CS_QUERY_FACETS_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/schema.h"
#include "query/search.h"

namespace cs::query {

/// A request filter on a facet field, resolved once when the query is built, so facet counting
/// keeps the selected value in view without resolving the filter again.
struct Selection {
  const schema::Field* field;  ///< the facet field the value belongs to
  std::string term;            ///< the term value the filter resolved to
  std::string raw;             ///< the value as the request gave it
};

/// Counts per facet, indexed like schema::facet_fields().
struct FacetCounts {
  std::vector<std::map<std::string, std::int64_t>> by_facet;
  std::int64_t documents_seen = 0;  ///< documents the spies saw
};

/// Spies attached to an Enquire for one get_mset() call.
class FacetCounter {
 public:
  virtual ~FacetCounter() = default;
  /// Adds this counter's spies to `enquire` (call once, before get_mset).
  virtual void attach(Xapian::Enquire& enquire) = 0;
  /// The counts after get_mset().
  virtual FacetCounts counts() const = 0;
  /// Adds the counts of `other`, made the same way (by the same FacetColumns, or for the same
  /// slots) and attached to another match, so that a match split in parts counts as one.
  virtual void add(const FacetCounter& other) = 0;
  /// Documents the spies saw (FacetCounts::documents_seen without building the counts).
  virtual std::int64_t documents_seen() const = 0;
};

/// Every document's facet values held in memory, for fast local counting.
class FacetColumns {
 public:
  /// Reads the facet value streams of `db` (a local database). May throw Xapian::Error.
  static std::shared_ptr<const FacetColumns> build(const Xapian::Database& db);

  /// The columns of `db`, built once per database revision and shared by every caller in the
  /// process while any holds them (searchd's workers open one Searcher each). May throw
  /// Xapian::Error.
  static std::shared_ptr<const FacetColumns> shared(const Xapian::Database& db);

  /// A counter reading these columns.
  std::unique_ptr<FacetCounter> make_counter() const;

 private:
  friend class ColumnSpy;
  std::vector<std::uint32_t> offsets_;     // docid -> first entry in values_ (size last+2)
  std::vector<std::uint32_t> values_;      // global value ids
  std::vector<std::uint8_t> value_facet_;  // global value id -> index in facet_fields()
  std::vector<std::string> value_text_;    // global value id -> slot value
};

/// True when spies that saw `documents_seen` documents, attached to a match run with
/// check_at_least covering the index (so Xapian considers every match), counted all of
/// `mset`'s matches. Unfolded,
/// Xapian's bounds are exact and confirm it; with folding (`folded`) they are estimates from
/// term frequencies, either side of the true count, so there is nothing to check against.
bool counted_every_match(std::int64_t documents_seen, const Xapian::MSet& mset, bool folded);

/// A facet value slot in use: (index in schema::facet_fields(), slot).
using FacetSlot = std::pair<std::size_t, Xapian::valueno>;

/// The facet value slots `db` uses (a facet's slots fill in order, so its first empty slot
/// ends it). Over remote shards every slot looked at costs a round trip to each shard, so
/// callers keep the list for as long as the database's revision.
std::vector<FacetSlot> used_facet_slots(const Xapian::Database& db);

/// A counter with one ValueCountMatchSpy per slot of `slots` (works remotely).
std::unique_ptr<FacetCounter> make_slot_counter(const std::vector<FacetSlot>& slots);

/// Display name for a facet value (entity names); returns the value itself when unknown.
using FacetNamer = std::function<std::string(const schema::Field&, const std::string& value)>;

/// The facet values `selections` select, per facet (indexed like schema::facet_fields()): the
/// term value for entity ids; for a name, the counted value it folds to (else as given); for
/// a year or month, the value as given.
std::vector<std::vector<std::string>> selected_values(const std::vector<Selection>& selections,
                                                      const FacetCounts& counts);

/// The top `limit` values of each facet (count descending, then value), plus every value in
/// `selected` (per facet, as slot values) even when outside the top or not counted. Year and
/// month facets list every value, oldest first.
std::vector<FacetResult> top_facets(const FacetCounts& counts, int limit,
                                    const std::vector<std::vector<std::string>>& selected,
                                    const FacetNamer& namer);

/// The month counts as a timeline, oldest first.
std::vector<TimelineBucket> timeline_from(const FacetCounts& counts);

}  // namespace cs::query

#endif  // CS_QUERY_FACETS_H_
