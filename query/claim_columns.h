// Every document's casualty claims held in memory as a ClaimTable (query/claim_table.h), with
// each document's rows and publication day, so a claims request over a match set of tens of
// thousands of articles groups them without reading documents.
//
// Thread-safety: immutable after build(); shared() is thread-safe.
#ifndef CS_QUERY_CLAIM_COLUMNS_H_
#define CS_QUERY_CLAIM_COLUMNS_H_

#include <xapian.h>

#include <memory>
#include <vector>

#include "query/claim_table.h"

namespace cs::query {

/// The claims of a local database, by docid.
class ClaimColumns {
 public:
  /// Reads the claim, article id, cluster, outlet and date value streams of `db`. May throw
  /// Xapian::Error.
  static std::shared_ptr<const ClaimColumns> build(const Xapian::Database& db);

  /// The columns of `db`, built once per revision and shared. May throw Xapian::Error.
  static std::shared_ptr<const ClaimColumns> shared(const Xapian::Database& db);

  /// Appends the row indexes of document `docid` to `rows`.
  void rows_of(Xapian::docid docid, std::vector<std::uint32_t>& rows) const;

  /// True when document `docid` has claims.
  bool has_claims(Xapian::docid docid) const {
    return docid + 1 < offsets_.size() && offsets_[docid + 1] > offsets_[docid];
  }

  /// The publication date of `docid` as YYYYMMDD (0 when unknown), to keep the newest.
  std::uint32_t published(Xapian::docid docid) const {
    return docid < published_.size() ? published_[docid] : 0;
  }

  const ClaimTable& table() const { return table_; }

 private:
  ClaimTable table_;
  std::vector<std::uint32_t> offsets_;    // docid -> first row (size last docid + 2)
  std::vector<std::uint32_t> published_;  // docid -> YYYYMMDD
};

/// Adds the claims of one document read directly (remote shards, where no columns are
/// built) to `table` as article `number`.
void add_document_claims(const Xapian::Document& doc, std::uint32_t number, ClaimTable& table);

}  // namespace cs::query

#endif  // CS_QUERY_CLAIM_COLUMNS_H_
