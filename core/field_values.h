// The values an Article gives each field of the schema (core/schema.h): the terms the document
// writer indexes and the facet values it stores, derived from the field's row alone.
//
// A field's ArticleSource says where its raw values live in the Article and its ValueRule how a
// raw value becomes a term (schema::term_value, the same function the query builder uses), so
// the writer never names a field and a new row needs no writer change.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_CORE_FIELD_VALUES_H_
#define CS_CORE_FIELD_VALUES_H_

#include <string>
#include <vector>

#include "core/article.h"
#include "core/schema.h"

namespace cs {

/// One value of a field in one article.
struct IndexedValue {
  std::string term;   ///< term value after the field's prefix (see schema::term_value)
  std::string facet;  ///< facet slot value: display name, id, "YYYY" or "YYYY-MM"
  std::string shown;  ///< the value as people read it (exports, --explain)
};

/// The values of `field` in `article`, in the article's order. A term may be empty (a name
/// that folds to nothing): it is then counted and shown but not indexed. Free-text fields have
/// none (their text is indexed by the term generator).
std::vector<IndexedValue> indexed_values(const schema::Field& field, const Article& article);

/// The id a cited source is filtered and counted under: its gazetteer id, else the unknown-name
/// id of its name ("" when the name folds to nothing).
std::string source_id(const CitedSource& source);

}  // namespace cs

#endif  // CS_CORE_FIELD_VALUES_H_
