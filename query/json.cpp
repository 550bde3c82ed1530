#include "query/json.h"

namespace cs::query {

namespace {

using nlohmann::json;

json optional_json(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

json entities_json(const std::vector<HitEntity>& entities, bool with_type) {
  json out = json::array();
  for (const HitEntity& e : entities) {
    json item = {{"id", e.id}, {"name", e.name}};
    if (with_type) item["type"] = e.type;
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

json to_json(const Hit& hit) {
  return {{"id", hit.id},
          {"title", hit.title},
          {"outlet", optional_json(hit.outlet)},
          {"published", optional_json(hit.published)},
          {"url", optional_json(hit.url)},
          {"score", hit.score},
          {"snippet", hit.snippet},
          {"entities", entities_json(hit.entities, true)},
          {"duplicates", hit.duplicates}};
}

json to_json(const SearchResult& result) {
  json hits = json::array();
  for (const Hit& hit : result.hits) hits.push_back(to_json(hit));
  json facets = json::object();
  for (const FacetResult& facet : result.facets) {
    json values = json::array();
    for (const FacetCount& c : facet.values) {
      values.push_back({{"value", c.value}, {"id", c.id}, {"count", c.count}});
    }
    facets[facet.name] = std::move(values);
  }
  json timeline = json::array();
  for (const TimelineBucket& b : result.timeline) {
    timeline.push_back({{"period", b.period}, {"count", b.count}});
  }
  return {{"query", result.query},
          {"total", result.total},
          {"total_exact", result.total_exact},
          {"took_ms", result.took_ms},
          {"page", result.page},
          {"page_size", result.page_size},
          {"hits", std::move(hits)},
          {"facets", std::move(facets)},
          {"facets_exact", result.facets_exact},
          {"timeline", std::move(timeline)},
          {"suggestion", optional_json(result.suggestion)},
          {"warnings", result.warnings}};
}

json to_json(const StoredArticle& article) {
  return {{"id", article.id},
          {"title", article.title},
          {"outlet", optional_json(article.outlet)},
          {"published", optional_json(article.published)},
          {"precision", article.published_precision},
          {"provenance", article.published_provenance},
          {"url", optional_json(article.url)},
          {"author", optional_json(article.author)},
          {"text", article.text},
          {"entities", entities_json(article.entities, true)},
          {"sources", entities_json(article.sources, false)}};
}

json error_json(const std::string& message) { return {{"error", message}}; }

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cs::query
