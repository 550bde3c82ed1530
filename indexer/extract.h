// Domain extraction for one cleaned article: publication date from the text when metadata
// gave none, outlet and author from the text, entities (gazetteer matches with every spelling
// unified, plus unknown capitalised names), cited sources, dates mentioned in the text,
// casualty claims, and the exact-content hash and near-duplicate simhash.
//
// Thread-safety: Extractor is immutable after construction; extract() may run concurrently.
#ifndef CS_INDEXER_EXTRACT_H_
#define CS_INDEXER_EXTRACT_H_

#include <memory>

#include "core/article.h"
#include "core/gazetteer.h"
#include "indexer/entities.h"

namespace cs {

/// Fills the extracted fields of articles, using one gazetteer.
class Extractor {
 public:
  explicit Extractor(std::shared_ptr<const Gazetteer> gazetteer);

  /// Fills entities, sources, mentioned_dates, claims, content_hash, simhash; and published (with
  /// kText provenance), outlet and author when `article` has none. REQUIRES: article.text is
  /// already cleaned and normalised.
  void extract(Article& article) const;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  EntityMatcher matcher_;  ///< refers to *gazetteer_
};

}  // namespace cs

#endif  // CS_INDEXER_EXTRACT_H_
