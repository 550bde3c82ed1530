#include "indexer/document.h"

#include "core/claim.h"
#include "core/doc_data.h"
#include "core/field_values.h"
#include "core/hash.h"
#include "core/schema.h"
#include "core/stemming.h"

namespace cs {

namespace {

namespace schema = cs::schema;

void add_text_terms(const Article& article, Xapian::TermGenerator& generator) {
  generator.index_text(article.title, 1, std::string(schema::find_field("title")->prefix));
  generator.increase_termpos();
  generator.index_text(article.title, 2);
  generator.increase_termpos();
  generator.index_text(article.text);
}

void add_identity_terms(const Article& article, Xapian::Document& doc) {
  doc.add_boolean_term(schema::id_term(article.id));
  if (!article.source_path.empty()) {
    doc.add_boolean_term(
        schema::make_term(schema::kPrefixPath, hex64(stable_hash64(article.source_path))));
  }
  doc.add_boolean_term(schema::make_term(schema::kPrefixContent, hex64(article.content_hash)));
}

// Every filter field's terms, and its facet values in its slots (the i-th value of a
// multi-valued field in first_slot + i, while slots remain).
void add_field_values(const Article& article, Xapian::Document& doc) {
  for (const schema::Field& field : schema::fields()) {
    if (!field.is_filter()) continue;
    unsigned used = 0;
    for (const IndexedValue& value : indexed_values(field, article)) {
      if (!value.term.empty()) doc.add_boolean_term(schema::make_term(field.prefix, value.term));
      if (used < field.slot_count) doc.add_value(field.first_slot + used++, value.facet);
    }
  }
}

void add_date_and_order(const Article& article, Xapian::Document& doc) {
  doc.add_value(schema::kSlotArticleId, article.id);
  if (!article.published.known()) {
    doc.add_value(schema::kSlotNewestKey, "1" + article.id);
    doc.add_value(schema::kSlotOldestKey, "1" + article.id);
    return;
  }
  const std::string date = article.published.sortable();
  doc.add_value(schema::kSlotDate, date);
  doc.add_value(schema::kSlotPrecision, std::string(precision_name(article.published.precision)));
  std::string inverted = date;  // sorts later dates first
  for (char& digit : inverted) digit = static_cast<char>('9' - (digit - '0'));
  doc.add_value(schema::kSlotNewestKey, "0" + inverted + article.id);
  doc.add_value(schema::kSlotOldestKey, "0" + date + article.id);
}

void add_claims(const Article& article, Xapian::Document& doc) {
  if (article.claims.empty()) return;
  doc.add_boolean_term(std::string(schema::kTermHasClaims));
  doc.add_value(schema::kSlotClaims, encode_claim_keys(article.claims));
}

void add_signatures(const Article& article, Xapian::Document& doc) {
  doc.add_value(schema::kSlotExactHash, hex64(article.content_hash));
  doc.add_value(schema::kSlotSimhash, hex64(article.simhash));
  doc.add_value(schema::kSlotDupCluster,
                article.dup_cluster.empty() ? article.id : article.dup_cluster);
}

}  // namespace

Xapian::TermGenerator make_term_generator() {
  Xapian::TermGenerator generator;
  generator.set_stemmer(make_stemmer());
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  return generator;
}

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator) {
  Xapian::Document doc;
  generator.set_document(doc);
  add_text_terms(article, generator);
  add_identity_terms(article, doc);
  add_field_values(article, doc);
  add_date_and_order(article, doc);
  add_signatures(article, doc);
  add_claims(article, doc);
  doc.set_data(encode_doc_data(article));
  return doc;
}

std::vector<std::pair<std::string, std::string>> entity_metadata(const Article& article) {
  std::vector<std::pair<std::string, std::string>> entries;
  for (const EntityMention& e : article.entities) {
    if (e.id.empty()) continue;
    entries.emplace_back(std::string(schema::kMetaEntityPrefix) + e.id,
                         std::string(entity_type_name(e.type)) + "\t" + e.name);
  }
  // Sources in the gazetteer are named by the gazetteer stored in the index; only the others
  // need an entry of their own.
  for (const CitedSource& s : article.sources) {
    if (!s.id.empty()) continue;
    const std::string id = source_id(s);
    if (!id.empty()) {
      entries.emplace_back(std::string(schema::kMetaEntityPrefix) + id, "other\t" + s.name);
    }
  }
  for (const CasualtyClaim& c : article.claims) {
    if (!c.claimant.id.empty() || c.claimant.name.empty()) continue;
    entries.emplace_back(std::string(schema::kMetaEntityPrefix) + claimant_id(c),
                         "other\t" + c.claimant.name);
  }
  return entries;
}

}  // namespace cs
