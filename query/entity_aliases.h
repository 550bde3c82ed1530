// Finds entity names in free query text, so one spelling finds articles that use another.
//
// The query string is scanned like the QueryParser would see it: operators, field:value
// tokens, wildcards and parentheses break word runs. In each run of plain words the longest
// sequence whose fold_key names a gazetteer entity is replaced by a placeholder
// `<field>:<n>` (any + or - in front kept); a quoted phrase naming an entity is replaced
// whole. The query builder's field processor for the placeholder field turns span n into
// `(the words as a phrase) OR <entity term>`. A short all-lowercase word ("is", "us") never
// names an entity: acronyms must be typed in capitals.
//
// Thread-safety: pure function; safe from any thread for a const Gazetteer.
#ifndef CS_QUERY_ENTITY_ALIASES_H_
#define CS_QUERY_ENTITY_ALIASES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/gazetteer.h"

namespace cs::query {

/// One stretch of the query that names an entity.
struct AliasSpan {
  std::string words;      ///< the words as typed (quotes removed)
  std::string entity_id;  ///< gazetteer id of the entity they name
  bool loose = false;     ///< named through the loose key only (no listed spelling matches)
};

/// The query with entity spans replaced by placeholders, and the spans in placeholder order.
struct AliasRewrite {
  std::string query;
  std::vector<AliasSpan> spans;
};

/// Replaces entity-naming spans of `query` (already normalised) by `<field>:<index>`.
AliasRewrite rewrite_entity_aliases(std::string_view query, const Gazetteer& gazetteer,
                                    std::string_view placeholder_field);

}  // namespace cs::query

#endif  // CS_QUERY_ENTITY_ALIASES_H_
