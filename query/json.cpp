#include "query/json.h"

#include <algorithm>

#include "core/claim.h"
#include "core/schema.h"
#include "query/export.h"
#include "query/request_params.h"

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
  hit.added = optional_from(value, "added").value_or("");
  hit.score = value.at("score").get<double>();
  hit.snippet = value.at("snippet").get<std::string>();
  hit.lang = optional_from(value, "lang").value_or("");
  hit.entities = entities_from(value.at("entities"));
  hit.duplicates = value.at("duplicates").get<int>();
  return hit;
}

// Position of a facet name in the contract's order; unknown names sort after known ones.
std::size_t facet_rank(const std::string& name) {
  const auto facets = schema::facet_fields();
  const auto it = std::find_if(facets.begin(), facets.end(),
                               [&](const schema::Field* f) { return f->name == name; });
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
  article.added = optional_from(value, "added").value_or("");
  article.text = value.at("text").get<std::string>();
  article.entities = entities_from(value.at("entities"));
  article.sources = entities_from(value.at("sources"));
  if (const auto it = value.find("fields"); it != value.end()) {
    article.fields = it->get<std::map<std::string, std::vector<std::string>>>();
  }
  if (const auto it = value.find("claims"); it != value.end()) {
    for (const json& c : *it) article.claims.push_back(claim_from_json(c));
  }
  return article;
}

json ref_json(const ClaimRef& ref) {
  if (ref.empty()) return nullptr;
  return {{"id", ref.id}, {"name", ref.name}};
}

ClaimRef ref_from(const json& value, const char* key) {
  const auto it = value.find(key);
  if (it == value.end() || !it->is_object()) return {};
  return {it->value("id", std::string()), it->value("name", std::string())};
}

std::optional<std::int64_t> optional_int(const json& value, const char* key) {
  const auto it = value.find(key);
  if (it == value.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

ClaimsResult claims_from(const json& value) {
  ClaimsResult result;
  result.query = value.at("query").get<std::string>();
  result.total = value.at("total").get<std::int64_t>();
  result.articles_with_claims = value.at("articles_with_claims").get<std::int64_t>();
  result.claims = value.at("claims").get<std::int64_t>();
  result.incidents_total = value.at("incidents_total").get<std::int64_t>();
  result.truncated = value.value("truncated", false);
  result.took_ms = value.value("took_ms", 0.0);
  for (const json& i : value.at("incidents")) {
    Incident incident;
    incident.id = i.at("id").get<std::string>();
    incident.place = ref_from(i, "place");
    incident.outcome = i.at("outcome").get<std::string>();
    incident.victims = i.at("victims").get<std::string>();
    incident.group = ref_from(i, "group");
    incident.from = i.value("from", std::string());
    incident.to = i.value("to", std::string());
    incident.low = optional_int(i, "low");
    incident.high = optional_int(i, "high");
    incident.claimants = i.at("claimants").get<int>();
    incident.outlets = i.at("outlets").get<int>();
    incident.articles = i.at("articles").get<int>();
    incident.claims_total = i.at("claims_total").get<int>();
    for (const json& c : i.at("claims")) {
      IncidentClaim claim;
      claim.article_id = c.at("article").get<std::string>();
      claim.title = c.at("title").get<std::string>();
      claim.outlet = optional_from(c, "outlet");
      claim.published = optional_from(c, "published");
      claim.claim = claim_from_json(c);
      incident.claims.push_back(std::move(claim));
    }
    result.incidents.push_back(std::move(incident));
  }
  if (value.contains("warnings")) {
    result.warnings = value.at("warnings").get<std::vector<std::string>>();
  }
  return result;
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
          {"added", hit.added.empty() ? json() : json(hit.added)},
          {"score", hit.score},
          {"snippet", hit.snippet},
          {"lang", hit.lang.empty() ? json() : json(hit.lang)},
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
  json out = {{"id", article.id},
              {"title", article.title},
              {"outlet", optional_json(article.outlet)},
              {"published", optional_json(article.published)},
              {"precision", article.published_precision},
              {"provenance", article.published_provenance},
              {"url", optional_json(article.url)},
              {"author", optional_json(article.author)},
              {"added", article.added.empty() ? json() : json(article.added)},
              {"text", article.text},
              {"entities", entities_json(article.entities, true)},
              {"sources", entities_json(article.sources, false)}};
  if (!article.fields.empty()) out["fields"] = article.fields;
  json claims = json::array();
  for (const CasualtyClaim& c : article.claims) claims.push_back(claim_json(c));
  out["claims"] = std::move(claims);
  return out;
}

json to_json(const Incident& incident) {
  json claims = json::array();
  for (const IncidentClaim& c : incident.claims) {
    json claim = claim_json(c.claim);
    claim["article"] = c.article_id;
    claim["title"] = c.title;
    claim["outlet"] = optional_json(c.outlet);
    claim["published"] = optional_json(c.published);
    claims.push_back(std::move(claim));
  }
  return {{"id", incident.id},
          {"place", ref_json(incident.place)},
          {"outcome", incident.outcome},
          {"victims", incident.victims},
          {"group", ref_json(incident.group)},
          {"from", incident.from.empty() ? json(nullptr) : json(incident.from)},
          {"to", incident.to.empty() ? json(nullptr) : json(incident.to)},
          {"low", incident.low ? json(*incident.low) : json(nullptr)},
          {"high", incident.high ? json(*incident.high) : json(nullptr)},
          {"claimants", incident.claimants},
          {"outlets", incident.outlets},
          {"articles", incident.articles},
          {"claims_total", incident.claims_total},
          {"claims", std::move(claims)}};
}

json to_json(const ClaimsResult& result) {
  json incidents = json::array();
  for (const Incident& i : result.incidents) incidents.push_back(to_json(i));
  return {{"query", result.query},
          {"total", result.total},
          {"articles_with_claims", result.articles_with_claims},
          {"claims", result.claims},
          {"incidents_total", result.incidents_total},
          {"truncated", result.truncated},
          {"took_ms", result.took_ms},
          {"incidents", std::move(incidents)},
          {"warnings", result.warnings}};
}

bool from_json(const json& value, ClaimsResult& result, std::string& error) {
  return parse_into(value, result, error, claims_from);
}

bool from_json(const json& value, SearchResult& result, std::string& error) {
  return parse_into(value, result, error, result_from);
}

bool from_json(const json& value, StoredArticle& article, std::string& error) {
  return parse_into(value, article, error, article_from);
}

namespace {

// The rule's name in the schema JSON.
std::string_view value_rule_name(schema::ValueRule rule) {
  switch (rule) {
    case schema::ValueRule::kText:
      return "text";
    case schema::ValueRule::kName:
      return "name";
    case schema::ValueRule::kEntity:
      return "entity";
    case schema::ValueRule::kYear:
      return "year";
    case schema::ValueRule::kMonth:
      return "month";
  }
  return {};
}

}  // namespace

json schema_json() {
  json fields = json::array();
  json facets = json::array();
  json filters = json::array();
  json entity_fields = json::object();
  for (const schema::Field& f : schema::fields()) {
    const json entity_type =
        f.entity_type ? json(std::string(entity_type_name(*f.entity_type))) : json(nullptr);
    fields.push_back({{"name", f.name},
                      {"label", f.label},
                      {"kind", f.is_filter() ? "filter" : "text"},
                      {"rule", value_rule_name(f.rule)},
                      {"facet", f.is_facet()},
                      {"panel", f.panel},
                      {"entity_type", entity_type},
                      {"column", f.column.empty() ? json(nullptr) : json(f.column)}});
    if (f.is_facet()) facets.push_back(f.name);
    if (f.is_filter()) filters.push_back(f.name);
  }
  // The filter field of each entity type; "other" names only the any-type entity field.
  for (const EntityType type :
       {EntityType::kPerson, EntityType::kOrg, EntityType::kPlace, EntityType::kOther}) {
    const schema::Field* field = schema::field_for_entity_type(type);
    for (const schema::Field& f : schema::fields()) {
      if (field == nullptr && f.source == schema::ArticleSource::kEntities && !f.entity_type) {
        field = &f;
      }
    }
    if (field != nullptr) entity_fields[std::string(entity_type_name(type))] = field->name;
  }
  json sorts = json::array();
  for (const SortName& sort : kSortNames) {
    sorts.push_back({{"name", sort.name}, {"label", sort.label}});
  }
  return {{"fields", std::move(fields)},
          {"facets", std::move(facets)},
          {"filters", std::move(filters)},
          {"sorts", std::move(sorts)},
          {"export_formats",
           {export_format_name(ExportFormat::kCsv), export_format_name(ExportFormat::kJsonl)}},
          {"entity_fields", std::move(entity_fields)}};
}

json error_json(const std::string& message) { return {{"error", message}}; }

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace cs::query
