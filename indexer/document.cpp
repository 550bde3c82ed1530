#include "indexer/document.h"

#include <cstdio>

#include "core/doc_data.h"
#include "core/hash.h"
#include "core/normalize.h"
#include "core/schema.h"

namespace cs {

namespace {

namespace schema = cs::schema;

const schema::Field& field(std::string_view name) { return *schema::find_field(name); }

// The facet field an entity type feeds (person/org/place), or nullptr for kOther.
const schema::Field* field_for_type(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return &field("person");
    case EntityType::kOrg:
      return &field("org");
    case EntityType::kPlace:
      return &field("place");
    case EntityType::kOther:
      break;
  }
  return nullptr;
}

// Writes the i-th value of a multi-valued facet into its slot while slots remain.
void add_multi_value(Xapian::Document& doc, const schema::Field& f, unsigned& used,
                     const std::string& value) {
  if (used < f.slot_count) doc.add_value(f.first_slot + used++, value);
}

// The facet/filter id of a cited source: its gazetteer id, else "x-" + its folded name
// ("" when the name folds to nothing).
std::string source_id(const CitedSource& source) {
  if (!source.id.empty()) return source.id;
  const std::string key = fold_key(source.name);
  return key.empty() ? std::string() : "x-" + key;
}

void add_text_terms(const Article& article, Xapian::TermGenerator& generator) {
  generator.index_text(article.title, 1, std::string(field("title").prefix));
  generator.increase_termpos();
  generator.index_text(article.title, 2);
  generator.increase_termpos();
  generator.index_text(article.text);
}

void add_metadata_terms(const Article& article, Xapian::Document& doc) {
  doc.add_boolean_term(schema::id_term(article.id));
  if (!article.source_path.empty()) {
    doc.add_boolean_term(
        schema::make_term(schema::kPrefixPath, hex64(stable_hash64(article.source_path))));
  }
  doc.add_boolean_term(schema::make_term(schema::kPrefixContent, hex64(article.content_hash)));
  if (!article.outlet.empty()) {
    doc.add_boolean_term(
        schema::make_term(field("outlet").prefix, name_term_value(article.outlet)));
    doc.add_value(schema::kSlotOutlet, article.outlet);
  }
  if (!article.author.empty()) {
    doc.add_boolean_term(
        schema::make_term(field("author").prefix, name_term_value(article.author)));
  }
}

void add_date(const Article& article, Xapian::Document& doc) {
  const PartialDate& date = article.published;
  if (!date.known()) return;
  const std::string iso = date.iso();
  doc.add_value(schema::kSlotDate, date.sortable());
  doc.add_value(schema::kSlotPrecision, std::string(precision_name(date.precision)));
  doc.add_boolean_term(schema::make_term(schema::kPrefixYear, iso.substr(0, 4)));
  doc.add_value(schema::kSlotYear, iso.substr(0, 4));
  if (date.precision != DatePrecision::kYear) {
    doc.add_boolean_term(
        schema::make_term(schema::kPrefixMonth, iso.substr(0, 4) + iso.substr(5, 2)));
    doc.add_value(schema::kSlotMonth, iso.substr(0, 7));
  }
}

void add_entities(const Article& article, Xapian::Document& doc) {
  const schema::Field& any = field("entity");
  unsigned used_person = 0, used_org = 0, used_place = 0;
  for (const EntityMention& e : article.entities) {
    if (e.id.empty()) continue;
    doc.add_boolean_term(schema::make_term(any.prefix, e.id));
    const schema::Field* typed = field_for_type(e.type);
    if (typed == nullptr) continue;
    doc.add_boolean_term(schema::make_term(typed->prefix, e.id));
    unsigned& used = e.type == EntityType::kPerson ? used_person
                     : e.type == EntityType::kOrg  ? used_org
                                                   : used_place;
    add_multi_value(doc, *typed, used, e.id);
  }
  const schema::Field& source = field("source");
  unsigned used_source = 0;
  for (const CitedSource& s : article.sources) {
    const std::string id = source_id(s);
    if (id.empty()) continue;
    doc.add_boolean_term(schema::make_term(source.prefix, id));
    add_multi_value(doc, source, used_source, id);
  }
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
  generator.set_stemmer(Xapian::Stem(schema::kStemLanguage));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
  return generator;
}

std::string name_term_value(std::string_view name) { return fold_key(name); }

Xapian::Document build_document(const Article& article, Xapian::TermGenerator& generator) {
  Xapian::Document doc;
  generator.set_document(doc);
  add_text_terms(article, generator);
  add_metadata_terms(article, doc);
  add_date(article, doc);
  add_entities(article, doc);
  add_signatures(article, doc);
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
  return entries;
}

}  // namespace cs
