#include "query/article_view.h"

#include "core/schema.h"

namespace cs::query {

namespace {

std::optional<std::string> optional_text(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::vector<HitEntity> entities_of(const Article& article) {
  std::vector<HitEntity> out;
  out.reserve(article.entities.size());
  for (const EntityMention& e : article.entities) {
    out.push_back({e.id, e.name, std::string(entity_type_name(e.type))});
  }
  return out;
}

}  // namespace

StoredArticle to_stored_article(const Article& article) {
  StoredArticle out;
  out.id = article.id;
  out.title = article.title;
  out.outlet = optional_text(article.outlet);
  out.published = optional_text(article.published.iso());
  out.published_precision = std::string(precision_name(article.published.precision));
  out.published_provenance = std::string(provenance_name(article.published_provenance));
  out.url = optional_text(article.url);
  out.author = optional_text(article.author);
  out.text = article.text;
  out.entities = entities_of(article);
  for (const CitedSource& s : article.sources) out.sources.push_back({s.id, s.name, ""});
  out.fields = article.field_values;
  out.claims = article.claims;
  return out;
}

Hit to_hit(const Article& article) {
  Hit hit;
  hit.id = article.id;
  hit.title = article.title;
  hit.outlet = optional_text(article.outlet);
  hit.published = optional_text(article.published.iso());
  hit.url = optional_text(article.url);
  hit.entities = entities_of(article);
  if (const auto it = article.field_values.find(std::string(schema::kLanguageField));
      it != article.field_values.end() && !it->second.empty()) {
    hit.lang = it->second.front();
  }
  return hit;
}

}  // namespace cs::query
