// SearchRequest -> Xapian::Query: the one configured QueryParser of the query language.
//
// Free text is normalised (normalize_text), entity names in it are widened to every spelling
// (entity_aliases.h), and parsed with the English stemmer and STEM_ALL like the indexer;
// fields come from the field table (schema::fields(): title weighted free text, every filter
// field's value turned into a term by schema::term_value, so outlet/author fold and entity
// spellings resolve to ids exactly as the indexer wrote them), plus `date:A..B`. A query the parser
// rejects falls back to an AND of its words with a warning. Request filters: one field's values
// ORed, fields ANDed, excludes removed with AND_NOT; from/to restrict the date slot.
//
// Thread-safety: not thread-safe (owns a QueryParser); one per Searcher.
#ifndef CS_QUERY_QUERY_BUILDER_H_
#define CS_QUERY_QUERY_BUILDER_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/gazetteer.h"
#include "core/schema.h"
#include "query/entity_aliases.h"
#include "query/facets.h"
#include "query/search.h"

namespace cs::query {

/// What a build produced besides the query.
struct BuiltQuery {
  Xapian::Query query;                  ///< text, filters and dates combined
  Xapian::Query text_query;             ///< the free-text part alone (MatchAll when empty)
  std::vector<std::string> entity_ids;  ///< entities the text or filters resolved to
  std::vector<Selection> selections;    ///< the request's included filters on facet fields
  std::vector<std::string> warnings;    ///< for SearchResult::warnings
  bool fell_back = false;               ///< the text had a syntax error; its words were used
};

/// Builds Xapian queries for one database and gazetteer (both must outlive the builder).
class QueryBuilder {
 public:
  /// Maximum terms a trailing-`*` wildcard expands to (the most frequent are kept).
  static constexpr Xapian::termcount kMaxWildcardExpansion = 100;

  QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer);
  ~QueryBuilder();
  QueryBuilder(const QueryBuilder&) = delete;
  QueryBuilder& operator=(const QueryBuilder&) = delete;

  /// Builds the whole request. Returns kBadRequest for an unknown filter field or a bad
  /// from/to date; a malformed query text never fails.
  SearchError build(const SearchRequest& request, BuiltQuery& built);

  /// The query for one `field:value` (a filter or a query-language field), recording warnings
  /// and resolved entities in the current build.
  Xapian::Query field_query(const schema::Field& field, std::string_view value);

  /// The query for entity-alias placeholder `index` of the current build.
  Xapian::Query alias_query(std::string_view index);

  /// The free-text query for `words` as a phrase (stemmed like the index), for highlighting.
  Xapian::Query phrase_query(std::string_view words);

  /// The stemmer shared with the index, for snippets.
  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::Query parse_text(const std::string& text);
  Xapian::Query parse_fallback(const std::string& text);
  // `text` without field prefixes that have no value ("title:" alone), each with a warning.
  std::string drop_empty_fields(const std::string& text);
  Xapian::Query value_query(const schema::Field& field, std::string_view value,
                            const std::string& term_value);
  void add_selection(const schema::Field& field, const std::string& term_value,
                     const std::string& raw);
  SearchError add_filters(const SearchRequest& request, Xapian::Query& query);

  std::vector<std::string> range_warnings_;  // filled by the date range processor
  const Xapian::Database& db_;
  const Gazetteer& gazetteer_;
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;        // the query language
  Xapian::QueryParser plain_parser_;  // phrases and fallback words, no operators
  BuiltQuery* current_ = nullptr;     // the build in progress (field processors report here)
  std::vector<AliasSpan> alias_spans_;
};

}  // namespace cs::query

#endif  // CS_QUERY_QUERY_BUILDER_H_
