#include "core/field_values.h"

#include <algorithm>

#include "core/claim.h"

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

void add_claimants(const Article& article, std::vector<IndexedValue>& out) {
  for (const CasualtyClaim& c : article.claims) {
    std::string id = claimant_id(c);
    if (id.empty() ||
        std::any_of(out.begin(), out.end(), [&](const IndexedValue& v) { return v.term == id; })) {
      continue;
    }
    out.push_back({id, id, c.claimant.name});
  }
}

void add_victim_classes(const schema::Field& field, const Article& article,
                        std::vector<IndexedValue>& out) {
  for (const CasualtyClaim& c : article.claims) {
    const std::string name(victim_class_name(c.victim_class));
    if (std::none_of(out.begin(), out.end(),
                     [&](const IndexedValue& v) { return v.facet == name; })) {
      add_by_rule(field, name, out);
    }
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
    case schema::ArticleSource::kClaimants:
      add_claimants(article, out);
      break;
    case schema::ArticleSource::kVictimClasses:
      add_victim_classes(field, article, out);
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
