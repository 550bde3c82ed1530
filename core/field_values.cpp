#include "core/field_values.h"

namespace cs {

namespace {

// A value whose term comes from the field's rule and whose facet value is the raw text (the
// term may be empty: a name of punctuation only is still shown and counted).
void add_by_rule(const schema::Field& field, const std::string& raw,
                 std::vector<IndexedValue>& out) {
  if (!raw.empty()) out.push_back({schema::term_value(field, raw, nullptr), raw, raw});
}

void add_entities(const schema::Field& field, const Article& article,
                  std::vector<IndexedValue>& out) {
  for (const EntityMention& e : article.entities) {
    if (e.id.empty() || (field.entity_type && *field.entity_type != e.type)) continue;
    out.push_back({e.id, e.id, e.name});
  }
}

void add_sources(const Article& article, std::vector<IndexedValue>& out) {
  for (const CitedSource& s : article.sources) {
    std::string id = source_id(s);
    if (!id.empty()) out.push_back({id, id, s.name});
  }
}

void add_published(const schema::Field& field, const Article& article,
                   std::vector<IndexedValue>& out) {
  const PartialDate& date = article.published;
  if (!date.known()) return;
  const bool month = field.source == schema::ArticleSource::kPublishedMonth;
  if (month && date.precision == DatePrecision::kYear) return;
  const std::string period = date.iso().substr(0, month ? 7 : 4);
  out.push_back({schema::term_value(field, period, nullptr), period, period});
}

}  // namespace

std::string source_id(const CitedSource& source) {
  return source.id.empty() ? schema::unknown_name_id(source.name) : source.id;
}

std::vector<IndexedValue> indexed_values(const schema::Field& field, const Article& article) {
  std::vector<IndexedValue> out;
  switch (field.source) {
    case schema::ArticleSource::kTitle:
      break;
    case schema::ArticleSource::kOutlet:
      add_by_rule(field, article.outlet, out);
      break;
    case schema::ArticleSource::kAuthor:
      add_by_rule(field, article.author, out);
      break;
    case schema::ArticleSource::kPublishedYear:
    case schema::ArticleSource::kPublishedMonth:
      add_published(field, article, out);
      break;
    case schema::ArticleSource::kEntities:
      add_entities(field, article, out);
      break;
    case schema::ArticleSource::kSources:
      add_sources(article, out);
      break;
    case schema::ArticleSource::kExtracted:
      if (const auto it = article.field_values.find(std::string(field.name));
          it != article.field_values.end()) {
        for (const std::string& raw : it->second) add_by_rule(field, raw, out);
      }
      break;
  }
  return out;
}

}  // namespace cs
