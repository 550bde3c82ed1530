// Claims as integer rows, for grouping hundreds of thousands of them per request: every text
// (place, group, claimant, duplicate cluster, outlet, article id) interned once, event periods
// as day numbers. Built once per index revision from the claim slot (query/claim_columns.h),
// or per request from the documents of remote shards.
//
// Thread-safety: a finished table is immutable and may be read from any thread.
#ifndef CS_QUERY_CLAIM_TABLE_H_
#define CS_QUERY_CLAIM_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/claim.h"

namespace cs::query {

/// Interned text: 0 is always "".
using TextId = std::uint32_t;

/// Event dates by precision.
enum class Precision : std::uint8_t { kUnknown, kYear, kMonth, kDay };

/// One claim, all integers.
struct ClaimRow {
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::int32_t first_day = 0;  ///< event period in days since 1970-01-01 (0 when unknown)
  std::int32_t last_day = 0;
  TextId place = 0;
  TextId group = 0;
  TextId claimant = 0;
  TextId cluster = 0;
  TextId outlet = 0;
  TextId article_id = 0;
  TextId event_date = 0;      ///< the ISO date as stored
  std::uint32_t article = 0;  ///< the caller's article number (a docid)
  std::uint16_t index = 0;    ///< position among the article's claims
  std::int16_t year = 0;
  Outcome outcome = Outcome::kKilled;
  VictimClass victim_class = VictimClass::kUnspecified;
  Precision precision = Precision::kUnknown;
  std::uint8_t magnitude = 0;
  // Set by ClaimTable::finish(), so grouping reads nothing but the row:
  bool copies = false;       ///< its duplicate cluster spans several articles
  std::uint32_t bucket = 0;  ///< number of its (place, outcome, victims, coarse date) bucket
  std::uint32_t rank = 0;    ///< article id order * 64 + index: a stable tie-break
};

/// Rows and the texts they refer to.
class ClaimTable {
 public:
  ClaimTable();

  /// Adds the claims of one article (its slot keys) as rows; returns how many.
  std::size_t add(const std::vector<ClaimKey>& keys, std::uint32_t article,
                  std::string_view article_id, std::string_view cluster, std::string_view outlet);

  /// Completes the rows (call once all are in): whether each row's duplicate cluster spans
  /// several articles and its copy group, its bucket (what must be equal for two claims to
  /// share an incident: the place, or the article's cluster when it names none; outcome;
  /// victim class; and for a year-precise date the year, for an undated claim its cluster),
  /// and its rank (article ids in string order, so ties break the same way on one index and
  /// over shards). Then puts the rows in grouping order (bucket, event period, rank), so a
  /// request groups its claims in one pass without sorting: row_of() maps the order of add().
  void finish();

  /// The row (after finish()) of the `n`th claim added.
  std::uint32_t row_of(std::uint32_t n) const { return row_of_added_[n]; }

  /// Number of copy groups (after finish()); copy_group() is 0 or 1..this.
  std::uint32_t copy_group_count() const { return copy_group_count_; }

  /// When the row's duplicate cluster spans several articles: the number (from 1) of the rows
  /// stating the same claim (figures, outcome, victims, claimant) in articles of that cluster;
  /// 0 otherwise. Kept apart from the rows: a request looks it up for every selected row in
  /// no particular order, and a compact array keeps those reads in cache.
  std::uint32_t copy_group(std::uint32_t row) const { return copy_groups_[row]; }

  /// Which copy of a claim to keep: lower wins (a dated copy, then the first article).
  std::uint64_t copy_preference(std::uint32_t row) const { return copy_preferences_[row]; }

  /// Number of buckets (after finish()).
  std::uint32_t bucket_count() const { return bucket_count_; }

  /// True when the bucket's claims are dated to the day or month (they chain by date).
  bool fine_bucket(std::uint32_t bucket) const { return fine_[bucket]; }

  /// The text of an id.
  const std::string& text(TextId id) const { return texts_[id]; }

  const std::vector<ClaimRow>& rows() const { return rows_; }

 private:
  TextId intern(std::string_view text);

  /// Fills copy_groups_ and copy_preferences_ for the sorted rows (finish()).
  void number_copy_groups();

  /// Puts the rows in grouping order and fills row_of_added_ (finish()).
  void sort_for_grouping();

  std::vector<ClaimRow> rows_;
  std::vector<std::string> texts_;
  std::unordered_map<std::string, TextId> ids_;
  std::uint32_t bucket_count_ = 0;
  std::uint32_t copy_group_count_ = 0;
  std::vector<bool> fine_;                       // bucket -> dated to the day or month
  std::vector<std::uint32_t> row_of_added_;      // order of add() -> row
  std::vector<std::uint32_t> copy_groups_;       // row -> copy_group()
  std::vector<std::uint64_t> copy_preferences_;  // row -> undated << 32 | rank
};

}  // namespace cs::query

#endif  // CS_QUERY_CLAIM_TABLE_H_
