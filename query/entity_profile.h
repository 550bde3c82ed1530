// The entity page: what the engine knows of one entity (a gazetteer entity or an unknown
// "x-" name) over the articles that mention it: every spelling seen, when it was mentioned,
// with whom, by which outlets and cited sources, the newest articles and the incidents of the
// claims ledger that involve it. One search, one claims request and one read of the newest
// articles' stored entities, all on the search path (filters and dates may narrow it).
//
// Thread-safety: uses the Searcher it is given (one thread).
#ifndef CS_QUERY_ENTITY_PROFILE_H_
#define CS_QUERY_ENTITY_PROFILE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"

namespace cs::query {

/// Values listed per section of an entity page.
inline constexpr int kProfileTop = 10;
/// Newest articles listed.
inline constexpr int kProfileNewest = 5;
/// Incidents listed.
inline constexpr int kProfileIncidents = 5;
/// Spellings are counted over at most this many articles, the most recently indexed (the page
/// says so).
inline constexpr int kProfileSpellingArticles = 300;

/// One entity's page.
struct EntityProfile {
  HitEntity entity;                   ///< id, canonical name, type
  std::int64_t articles = 0;          ///< articles mentioning it (in the scope)
  std::vector<FacetCount> spellings;  ///< surface form -> articles using it, most used first
  int spellings_from = 0;             ///< articles read for the spellings (last indexed first)
  std::vector<TimelineBucket> timeline;
  std::vector<FacetResult> cooccurring;  ///< person, org, place: other entities, most shared first
  std::vector<FacetCount> outlets;
  std::vector<FacetCount> sources;
  std::vector<Hit> newest;
  std::vector<Incident> incidents;
  std::int64_t incidents_total = 0;
  std::vector<std::string> warnings;
};

/// Builds the page of the entity `id_or_name` (an id, as facets show, or any spelling) over
/// the articles of `scope` that mention it (scope's text, filters and dates; paging ignored).
/// kNotFound when the name is no entity or no article in the scope mentions it.
SearchError entity_profile(Searcher& searcher, std::string_view id_or_name,
                           const SearchRequest& scope, EntityProfile& profile);

/// The page as JSON: {"id", "name", "type", "articles", "spellings": [{"spelling",
/// "articles"}], "spellings_from", "timeline": [{"period", "count"}], "cooccurring":
/// {"person"|"org"|"place": [{"value", "id", "count"}]}, "outlets", "sources" ([{"value",
/// "id", "count"}]), "newest": [hits], "incidents": [as /api/claims], "incidents_total",
/// "warnings"}.
nlohmann::json entity_profile_json(const EntityProfile& profile);

}  // namespace cs::query

#endif  // CS_QUERY_ENTITY_PROFILE_H_
