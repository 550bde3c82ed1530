#include "fixture.h"

#include <xapian.h>

#include <cstdlib>
#include <filesystem>

#include "core/schema.h"
#include "indexer/document.h"

namespace cs::test {

const std::string& gazetteer_tsv() {
  static const std::string tsv =
      "id\ttype\tcanonical\taliases\n"
      "deir-ez-zor\tplace\tDeir ez-Zor\tDeir ez-Zor|Deir al-Zor|Dayr az-Zawr|Deir Ezzor\n"
      "bashar-al-assad\tperson\tBashar al-Assad\tBashar al-Assad|Assad|Bashar Assad\n"
      "isis\torg\tIslamic State\tIslamic State|ISIS|ISIL|IS|Daesh\n"
      "united-states\tplace\tUnited States\tUnited States|US|U.S.|USA\n"
      "sohr\torg\tSyrian Observatory for Human Rights\tSyrian Observatory for Human "
      "Rights|SOHR\n";
  return tsv;
}

const Gazetteer& gazetteer() {
  static const Gazetteer g = [] {
    std::vector<std::string> warnings;
    return Gazetteer::parse_tsv(gazetteer_tsv(), warnings);
  }();
  return g;
}

Article make_article(const std::string& id, const std::string& title, const std::string& text,
                     const std::string& outlet, const std::string& date) {
  Article a;
  a.id = id;
  a.title = title;
  a.text = text;
  a.outlet = outlet;
  a.url = "https://example.org/" + id;
  if (date.size() >= 4) {
    a.published.year = std::stoi(date.substr(0, 4));
    a.published.precision = DatePrecision::kYear;
  }
  if (date.size() >= 7) {
    a.published.month = std::stoi(date.substr(5, 2));
    a.published.precision = DatePrecision::kMonth;
  }
  if (date.size() >= 10) {
    a.published.day = std::stoi(date.substr(8, 2));
    a.published.precision = DatePrecision::kDay;
  }
  a.published_provenance = date.empty() ? DateProvenance::kNone : DateProvenance::kJson;
  return a;
}

void add_entity(Article& article, const std::string& id, const std::string& mention) {
  EntityMention m;
  if (const GazetteerEntity* e = gazetteer().find_by_id(id)) {
    m.id = e->id;
    m.name = e->canonical;
    m.type = e->type;
  } else {
    m.id = id;
    m.name = mention;
  }
  m.mentions = {mention};
  m.count = 1;
  article.entities.push_back(m);
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cs-query-test-XXXXXX").string();
  path_ = mkdtemp(tmpl.data());
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_index(const std::string& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator = make_term_generator();
  for (const Article& a : articles) {
    db.replace_document(schema::id_term(a.id), build_document(a, generator));
    for (const auto& [key, value] : entity_metadata(a)) db.set_metadata(key, value);
  }
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaGazetteer), gazetteer_tsv());
  db.commit();
}

}  // namespace cs::test
