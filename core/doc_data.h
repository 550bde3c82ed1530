// The document data layout: how an Article is stored in a Xapian document's data, so the query
// side can show and export it without re-reading the source files.
//
// The data is one line of JSON holding the fields below, a newline, one line with the
// article's casualty claims (core/claim.h encode_claims; empty when none), a newline, then the
// article text: the cleaned, normalised body exactly as it was indexed (snippets are made from
// it). Keeping the 4 KB text, and the claims, out of the first line spares every hit shown their
// JSON parse (the text was a quarter of the query path when it was inside). Keys:
//   id, title, url, outlet, author                 strings ("" when unknown)
//   published, precision, provenance               "YYYY[-MM[-DD]]" / "day|month|year|" /
//                                                  "manifest|json|html-meta|text|none"
//   entities   [{id, name, type, mentions:[str], count}]
//   sources    [{id, name}]     (id "" when the source is not in the gazetteer)
//   dates      [{text, date}]   (date as "YYYY[-MM[-DD]]")
//   path, line                  where the article was read from
//   content_hash, simhash       16 hex digits each
//   dup_cluster                 near-duplicate cluster key
//   fields      {name: [str]}   extracted field values (Article::field_values); absent when none
// Changing this layout means bumping schema::kSchemaVersion.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_CORE_DOC_DATA_H_
#define CS_CORE_DOC_DATA_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/article.h"

namespace cs {

/// The document data for `article` (JSON text as described above).
std::string encode_doc_data(const Article& article);

/// The Article stored in `data`, or nullopt when `data` is not a valid document data object.
/// Missing keys decode to their defaults, so older optional keys never fail a read. The
/// claims are read only when `with_claims` (the article view, exports, the claims ledger).
std::optional<Article> decode_doc_data(std::string_view data, bool with_claims = false);

/// The id, title, outlet, publication date and claims of the article in `data`, the rest left
/// empty: what the claims ledger lists, decoded without building entities, sources or the text.
std::optional<Article> decode_doc_claims(std::string_view data);

}  // namespace cs

#endif  // CS_CORE_DOC_DATA_H_
