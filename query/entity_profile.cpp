#include "query/entity_profile.h"

#include "query/json.h"

namespace cs::query {

namespace {

// The values of facet `name` in `result`, without `skip_id` (the entity itself).
std::vector<FacetCount> facet_values(const SearchResult& result, std::string_view name,
                                     const std::string& skip_id, std::size_t limit) {
  std::vector<FacetCount> values;
  for (const FacetResult& facet : result.facets) {
    if (facet.name != name) continue;
    for (const FacetCount& value : facet.values) {
      if (value.id != skip_id && values.size() < limit) values.push_back(value);
    }
  }
  return values;
}

nlohmann::json counts_json(const std::vector<FacetCount>& counts) {
  nlohmann::json out = nlohmann::json::array();
  for (const FacetCount& c : counts) {
    out.push_back({{"value", c.value}, {"id", c.id}, {"count", c.count}});
  }
  return out;
}

}  // namespace

SearchError entity_profile(Searcher& searcher, std::string_view id_or_name,
                           const SearchRequest& scope, EntityProfile& profile) {
  profile = EntityProfile{};
  const auto entity = searcher.describe_entity(id_or_name);
  if (!entity) {
    return {ErrorCode::kNotFound, "no entity '" + std::string(id_or_name) + "' in the index"};
  }
  profile.entity = *entity;
  SearchRequest request = scope;
  request.filters.push_back({"entity", entity->id, false, true});  // ANDed with the scope's
  request.sort = SortOrder::kNewest;
  request.collapse = false;  // articles, as the facets count them
  request.page = 1;
  request.page_size = kProfileNewest;
  request.want_facets = true;
  request.want_timeline = true;
  request.want_snippets = true;
  request.facet_limit = kProfileTop + 1;  // the entity itself is among its own facet values
  SearchResult result;
  if (SearchError error = searcher.search(request, result)) return error;
  if (result.total == 0) {
    return {ErrorCode::kNotFound, "no article mentions '" + entity->name + "'"};
  }
  profile.articles = result.total;
  profile.timeline = std::move(result.timeline);
  profile.newest = std::move(result.hits);
  profile.warnings = std::move(result.warnings);
  for (const char* type : {"person", "org", "place"}) {
    profile.cooccurring.push_back({type, facet_values(result, type, entity->id, kProfileTop)});
  }
  profile.outlets = facet_values(result, "outlet", "", kProfileTop);
  profile.sources = facet_values(result, "source", entity->id, kProfileTop);

  ClaimsRequest claims{request, kProfileIncidents};
  claims.search.want_facets = false;
  claims.search.want_timeline = false;
  claims.search.want_snippets = false;
  ClaimsResult ledger;
  if (SearchError error = searcher.claims(claims, ledger)) return error;
  profile.incidents = std::move(ledger.incidents);
  profile.incidents_total = ledger.incidents_total;

  SearchRequest mentions = request;
  mentions.want_facets = false;
  mentions.want_timeline = false;
  return searcher.mention_spellings(mentions, entity->id, kProfileSpellingArticles,
                                    profile.spellings, profile.spellings_from);
}

nlohmann::json entity_profile_json(const EntityProfile& profile) {
  nlohmann::json spellings = nlohmann::json::array();
  for (const FacetCount& s : profile.spellings) {
    spellings.push_back({{"spelling", s.value}, {"articles", s.count}});
  }
  nlohmann::json timeline = nlohmann::json::array();
  for (const TimelineBucket& b : profile.timeline) {
    timeline.push_back({{"period", b.period}, {"count", b.count}});
  }
  nlohmann::json cooccurring = nlohmann::json::object();
  for (const FacetResult& facet : profile.cooccurring) {
    cooccurring[facet.name] = counts_json(facet.values);
  }
  nlohmann::json newest = nlohmann::json::array();
  for (const Hit& hit : profile.newest) newest.push_back(to_json(hit));
  nlohmann::json incidents = nlohmann::json::array();
  for (const Incident& incident : profile.incidents) incidents.push_back(to_json(incident));
  return {{"id", profile.entity.id},
          {"name", profile.entity.name},
          {"type", profile.entity.type},
          {"articles", profile.articles},
          {"spellings", std::move(spellings)},
          {"spellings_from", profile.spellings_from},
          {"timeline", std::move(timeline)},
          {"cooccurring", std::move(cooccurring)},
          {"outlets", counts_json(profile.outlets)},
          {"sources", counts_json(profile.sources)},
          {"newest", std::move(newest)},
          {"incidents", std::move(incidents)},
          {"incidents_total", profile.incidents_total},
          {"warnings", profile.warnings}};
}

}  // namespace cs::query
