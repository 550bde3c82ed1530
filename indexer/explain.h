// Human- and machine-readable account of what extraction found in one article, for
// `corpus-index --explain FILE [--json]`: metadata with its provenance, entities with every
// spelling seen, cited sources, mentioned dates, every filter field of the field table with the
// values the article is found under, and the duplicate signatures.
//
// Thread-safety: pure functions of their argument; safe from any thread.
#ifndef CS_INDEXER_EXPLAIN_H_
#define CS_INDEXER_EXPLAIN_H_

#include <nlohmann/json.hpp>
#include <string>

#include "core/article.h"

namespace cs {

/// A multi-line plain-text report of an extracted article, ending with a newline.
std::string explain_text(const Article& article);

/// The same report as JSON: title, outlet, author, url, published (ISO or null),
/// published_provenance, published_precision, entities [{id, name, type, count, mentions}],
/// sources [{id|null, name}], mentioned_dates [{text, date}], fields {filter field: [values]},
/// signature, content_hash, dup_cluster.
nlohmann::json explain_json(const Article& article);

}  // namespace cs

#endif  // CS_INDEXER_EXPLAIN_H_
