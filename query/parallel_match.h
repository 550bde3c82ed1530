// Parallel matching of one local index: the document ids are dealt into as many stripes as there
// are threads, each stripe is matched on a thread of its own with a database handle of its own,
// and the parts' results are merged into what one match of the whole index gives.
//
// Why this gives the same answer as one match: every part searches the whole database (the
// other stripes are filtered out by a docid posting source, which adds no weight), so
// Xapian weighs every document with the statistics of the whole index; each part ranks its
// top entries in the searcher's order (relevance then article id, or a value sort on keys that
// end with the article id; equal keys by document id, as Xapian does), a total order, so
// merging the parts' tops in that order gives the single index's top. Counts add up (facet counts,
// totals); folding duplicates is merged by cluster key (a cluster may have members in several
// parts), and when the parts' tops run out before the merged page is full, the caller falls back to
// one match.
//
// Thread-safety: match_in_parts runs the parts on threads of its own and returns after they
// end; each handle in `databases` is used by exactly one of them.
#ifndef CS_QUERY_PARALLEL_MATCH_H_
#define CS_QUERY_PARALLEL_MATCH_H_

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "query/facets.h"

namespace cs::query {

/// Most document ids in one block of a stripe. Striped rather than halved, an archive indexed
/// in date order still splits a date range's matches evenly; blocks much narrower than this
/// make every part decode most of each long posting list only to skip it.
inline constexpr Xapian::docid kMaxStripeWidth = 32768;

/// The documents of stripe `stripe` (0-based) of `stripes`: blocks of `width` consecutive ids
/// dealt to the stripes in turn (block b to stripe b % stripes). No weight: a filter that
/// confines a match to one share of the index.
Xapian::Query docid_stripe(Xapian::docid stripe, Xapian::docid stripes, Xapian::docid width);

/// The block width for `stripes` stripes of an index whose last id is `last_docid`: at least 8
/// blocks per stripe, each at most kMaxStripeWidth ids.
Xapian::docid stripe_width(Xapian::docid last_docid, Xapian::docid stripes);

/// What every part of a split match runs.
struct PartedMatchSpec {
  std::string query;         ///< Query::serialise() of the whole request's query
  Xapian::doccount ranked;   ///< entries of the merged order wanted (page offset + size)
  bool by_relevance = true;  ///< order: weight, then sort key; otherwise sort key alone
  bool collapse = false;     ///< fold on the collapse key set by `configure`
  Xapian::valueno collapse_slot = Xapian::BAD_VALUENO;  ///< the collapse key's slot
  const FacetColumns* columns = nullptr;  ///< count facets with these columns, or null
  /// Sets the sort order and collapse key on an Enquire (called on the part's thread).
  std::function<void(Xapian::Enquire&)> configure;
  /// Runs Enquire::get_mset(0, size, every document) under the caller's time limit (called on
  /// the part's thread; may throw, the exception is raised again by match_in_parts).
  std::function<Xapian::MSet(Xapian::Enquire&, Xapian::doccount size)> run;
};

/// One entry of the merged order.
struct MergedEntry {
  Xapian::MSetIterator entry;   ///< in one of PartedMatch::msets
  Xapian::doccount duplicates;  ///< documents folded into it over every part
};

/// The merged result of a split match.
struct PartedMatch {
  std::vector<Xapian::MSet> msets;  ///< each part's top, in part order (keeps entries valid)
  std::vector<MergedEntry> ranked;  ///< the first `ranked` entries of the merged order
  bool complete = true;      ///< false: folding emptied a part's top before `ranked` was reached
  std::int64_t total = 0;    ///< matches (folded: results after folding)
  bool total_exact = true;   ///< every part counted all its matches
  FacetCounts counts;        ///< summed over the parts (when spec.columns)
  bool facets_exact = true;  ///< every part's spies saw all of its matches
};

/// Matches `spec` over `databases` (handles of the same database at the same revision, one per
/// thread; the first is matched on the calling thread), each confined to a stripe of the
/// document ids, and merges the parts. Throws what a part threw.
PartedMatch match_in_parts(const std::vector<Xapian::Database>& databases,
                           const PartedMatchSpec& spec);

}  // namespace cs::query

#endif  // CS_QUERY_PARALLEL_MATCH_H_
