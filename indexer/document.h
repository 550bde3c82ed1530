// Turns an Article into a Xapian document by walking the field table (core/schema.h): free-text
// terms with positions, every filter field's terms and facet slots (core/field_values.h), value
// slots for dates and duplicate signatures, the unique id term, and the document data
// (core/doc_data.h).
//
// This is the only place that decides what is indexed; the query side mirrors it through the
// same table, the same term_value rules, the same normaliser and the same stemming settings.
//
// Thread-safety: build_document uses the caller's TermGenerator (one per thread).
#ifndef CS_INDEXER_DOCUMENT_H_
#define CS_INDEXER_DOCUMENT_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "core/article.h"

namespace cs {

/// A TermGenerator configured as every index expects: the schema's stemmer with STEM_ALL
/// (every term stemmed and positional: faster indexing and a smaller index than STEM_SOME,
/// and phrases still work because the query parser stems the same way).
Xapian::TermGenerator make_term_generator();

/// The Xapian document for `article`. REQUIRES: article.text is cleaned and normalised and
/// article.id is not empty. Never throws for long values: long terms are hashed.
Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator);

/// Index metadata entries naming the article's entities (schema::kMetaEntityPrefix + id ->
/// "type\tname"), so facets can show names even over remote shards. Writers should set each
/// key once per run, not once per document.
std::vector<std::pair<std::string, std::string>> entity_metadata(const Article& article);

}  // namespace cs

#endif  // CS_INDEXER_DOCUMENT_H_
