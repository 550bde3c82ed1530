#include "query/json.h"

#include <algorithm>

#include "core/schema.h"

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

// Reading: json::at() and get<>() throw json::exception on a missing key or a wrong type;
// from_json() turns that into an error message.

std::optional<std::string> optional_from(const json& value, const char* key) {
  const auto it = value.find(key);
  if (it == value.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<HitEntity> entities_from(const json& value) {
  std::vector<HitEntity> out;
  for (const json& item : value) {
    out.push_back({item.at("id").get<std::string>(), item.at("name").get<std::string>(),
                   item.value("type", std::string())});
  }
  return out;
}

Hit hit_from(const json& value) {
  Hit hit;
  hit.id = value.at("id").get<std::string>();
  hit.title = value.at("title").get<std::string>();
  hit.outlet = optional_from(value, "outlet");
  hit.published = optional_from(value, "published");
  hit.url = optional_from(value, "url");
  hit.score = value.at("score").get<double>();
  hit.snippet = value.at("snippet").get<std::string>();
  hit.entities = entities_from(value.at("entities"));
  hit.duplicates = value.at("duplicates").get<int>();
  return hit;
}

// Position of a facet name in the contract's order; unknown names sort after known ones.
std::size_t facet_rank(const std::string& name) {
  const auto facets = schema::all_facets();
  const auto it = std::find_if(facets.begin(), facets.end(),
                               [&](schema::Facet f) { return schema::facet_name(f) == name; });
  return static_cast<std::size_t>(it - facets.begin());
}

std::vector<FacetResult> facets_from(const json& value) {
  std::vector<FacetResult> out;
  for (const auto& [name, values] : value.items()) {
    FacetResult facet{name, {}};
    for (const json& c : values) {
      const std::string shown = c.at("value").get<std::string>();
      facet.values.push_back({shown, c.value("id", shown), c.at("count").get<std::int64_t>()});
    }
    out.push_back(std::move(facet));
  }
  std::stable_sort(out.begin(), out.end(), [](const FacetResult& a, const FacetResult& b) {
    return facet_rank(a.name) < facet_rank(b.name);
  });
  return out;
}

SearchResult result_from(const json& value) {
  SearchResult result;
  result.query = value.at("query").get<std::string>();
  result.total = value.at("total").get<std::int64_t>();
  result.total_exact = value.value("total_exact", true);
  result.took_ms = value.value("took_ms", 0.0);
  result.page = value.at("page").get<int>();
  result.page_size = value.at("page_size").get<int>();
  for (const json& hit : value.at("hits")) result.hits.push_back(hit_from(hit));
  if (value.contains("facets")) result.facets = facets_from(value.at("facets"));
  result.facets_exact = value.value("facets_exact", true);
  if (value.contains("timeline")) {
    for (const json& b : value.at("timeline")) {
      result.timeline.push_back(
          {b.at("period").get<std::string>(), b.at("count").get<std::int64_t>()});
    }
  }
  result.suggestion = optional_from(value, "suggestion");
  if (value.contains("warnings")) {
    result.warnings = value.at("warnings").get<std::vector<std::string>>();
  }
  return result;
}

StoredArticle article_from(const json& value) {
  StoredArticle article;
  article.id = value.at("id").get<std::string>();
  article.title = value.at("title").get<std::string>();
  article.outlet = optional_from(value, "outlet");
  article.published = optional_from(value, "published");
  article.published_precision = value.value("precision", std::string());
  article.published_provenance = value.value("provenance", std::string());
  article.url = optional_from(value, "url");
  article.author = optional_from(value, "author");
  article.text = value.at("text").get<std::string>();
  article.entities = entities_from(value.at("entities"));
  article.sources = entities_from(value.at("sources"));
  return article;
}

// Runs `parse` on `value`, turning a shape error into false + `error`.
template <typename T, typename Parse>
bool parse_into(const json& value, T& out, std::string& error, Parse parse) {
  try {
    out = parse(value);
    return true;
  } catch (const json::exception& e) {
    error = std::string("unexpected JSON: ") + e.what();
    return false;
  }
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

bool from_json(const json& value, SearchResult& result, std::string& error) {
  return parse_into(value, result, error, result_from);
}

bool from_json(const json& value, StoredArticle& article, std::string& error) {
  return parse_into(value, article, error, article_from);
}

json error_json(const std::string& message) { return {{"error", message}}; }

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cs::query
