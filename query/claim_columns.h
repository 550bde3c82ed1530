// Every document's casualty claims held in memory (the compact keys of schema::kSlotClaims,
// with the article id, duplicate cluster and outlet), so a claims request over a match set of
// tens of thousands of articles groups them without reading documents.
//
// Thread-safety: immutable after build(); shared() is thread-safe.
#ifndef CS_QUERY_CLAIM_COLUMNS_H_
#define CS_QUERY_CLAIM_COLUMNS_H_

#include <xapian.h>

#include <memory>
#include <span>
#include <vector>

#include "query/incidents.h"

namespace cs::query {

/// The claims of a local database, by docid.
class ClaimColumns {
 public:
  /// Reads the claim, article id, cluster and outlet value streams of `db`. May throw
  /// Xapian::Error.
  static std::shared_ptr<const ClaimColumns> build(const Xapian::Database& db);

  /// The columns of `db`, built once per revision and shared. May throw Xapian::Error.
  static std::shared_ptr<const ClaimColumns> shared(const Xapian::Database& db);

  /// The claims of document `docid` (empty when it has none), with `article` set to docid.
  std::span<const ClaimRecord> of(Xapian::docid docid) const;

 private:
  std::vector<std::uint32_t> offsets_;  // docid -> first record (size last docid + 2)
  std::vector<ClaimRecord> records_;
};

/// The claim records of one document read from it directly (remote shards, where columns
/// cannot be built); `article` is set to `number`.
std::vector<ClaimRecord> claim_records(const Xapian::Document& doc, std::uint32_t number);

}  // namespace cs::query

#endif  // CS_QUERY_CLAIM_COLUMNS_H_
