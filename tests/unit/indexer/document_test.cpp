#include "indexer/document.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "core/doc_data.h"
#include "core/schema.h"

namespace {

cs::Article sample_article() {
  cs::Article a;
  a.id = "000.txt";
  a.source_path = "corpus/000.txt";
  a.title = "Syrian Army retakes Palmyra";
  a.text = "The Syrian Army retook the ancient city of Palmyra.";
  a.outlet = "FDD's Long War Journal";
  a.author = "Bill Roggio";
  a.published = {2016, 3, 27, cs::DatePrecision::kDay};
  a.published_provenance = cs::DateProvenance::kManifest;
  a.entities = {{"palmyra", "Palmyra", cs::EntityType::kPlace, {"Palmyra"}, 2},
                {"syrian-arab-army", "Syrian Arab Army", cs::EntityType::kOrg, {"Syrian Army"}, 1},
                {"x-khaledasad", "Khaled Asaad", cs::EntityType::kOther, {"Khaled Asaad"}, 1}};
  a.sources = {{"syrian-observatory-for-human-rights", "Syrian Observatory for Human Rights"},
               {"", "Local Activists"}};
  a.content_hash = 0x1234;
  a.simhash = 0xabcd;
  a.dup_cluster = "cluster-1";
  return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}

}  // namespace

TEST_CASE("build_document writes every schema term", "[document]") {
  Xapian::TermGenerator generator = cs::make_term_generator();
  const Xapian::Document doc = cs::build_document(sample_article(), generator);
  const std::set<std::string> terms = terms_of(doc);
  const std::string expected[] = {"Q000.txt",
                                  "XOfdlongwarjournal",
                                  "XAbilrogio",
                                  "Y2016",
                                  "XM201603",
                                  "XLpalmyra",
                                  "XEpalmyra",
                                  "XGsyrian-arab-army",
                                  "XEsyrian-arab-army",
                                  "XEx-khaledasad",
                                  "XCsyrian-observatory-for-human-rights",
                                  "XC" + cs::schema::unknown_name_id("Local Activists"),
                                  "palmyra",  // body, stemmed (STEM_ALL: no Z prefix)
                                  "retook",
                                  "Sretak",  // title with its prefix, stemmed
                                  "ancient"};
  for (const std::string& term : expected) {
    CAPTURE(term);
    CHECK(terms.count(term) == 1);
  }
  CHECK(terms.count("XPx-khaledasad") == 0);  // unknown-type names are not persons
}

TEST_CASE("build_document fills value slots for dates, facets and signatures", "[document]") {
  namespace schema = cs::schema;
  Xapian::TermGenerator generator = cs::make_term_generator();
  const Xapian::Document doc = cs::build_document(sample_article(), generator);
  CHECK(doc.get_value(schema::kSlotDate) == "20160327");
  CHECK(doc.get_value(schema::kSlotYear) == "2016");
  CHECK(doc.get_value(schema::kSlotMonth) == "2016-03");
  CHECK(doc.get_value(schema::kSlotOutlet) == "FDD's Long War Journal");
  CHECK(doc.get_value(schema::kSlotPlaceFirst) == "palmyra");
  CHECK(doc.get_value(schema::kSlotOrgFirst) == "syrian-arab-army");
  CHECK(doc.get_value(schema::kSlotPersonFirst).empty());
  CHECK(doc.get_value(schema::kSlotSourceFirst) == "syrian-observatory-for-human-rights");
  CHECK(doc.get_value(schema::kSlotSourceFirst + 1) == schema::unknown_name_id("Local Activists"));
  CHECK(doc.get_value(schema::kSlotDupCluster) == "cluster-1");
  CHECK(doc.get_value(schema::kSlotExactHash) == "0000000000001234");
}

TEST_CASE("build_document stores data that decodes to the same article", "[document]") {
  Xapian::TermGenerator generator = cs::make_term_generator();
  const cs::Article article = sample_article();
  const auto decoded = cs::decode_doc_data(cs::build_document(article, generator).get_data());
  REQUIRE(decoded);
  CHECK(decoded->title == article.title);
  CHECK(decoded->text == article.text);
  CHECK(decoded->published == article.published);
  REQUIRE(decoded->entities.size() == 3);
  CHECK(decoded->entities[1].mentions == std::vector<std::string>{"Syrian Army"});
}

TEST_CASE("build_document survives values longer than Xapian's term limit", "[document]") {
  cs::Article article = sample_article();
  article.id = std::string(1000, 'i');
  article.outlet = std::string(600, 'o');
  article.entities[0].id = std::string(500, 'e');
  Xapian::TermGenerator generator = cs::make_term_generator();
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_NOTHROW(db.add_document(cs::build_document(article, generator)));
  CHECK(db.term_exists(cs::schema::id_term(article.id)));
}

TEST_CASE("entity_metadata names entities and unresolved sources", "[document]") {
  const auto entries = cs::entity_metadata(sample_article());
  CHECK(entries.size() == 4);
  CHECK(entries[0] == std::pair<std::string, std::string>{"cs:entity:palmyra", "place\tPalmyra"});
  CHECK(entries[3] == std::pair<std::string, std::string>{
                          "cs:entity:" + cs::schema::unknown_name_id("Local Activists"),
                          "other\tLocal Activists"});
}

TEST_CASE("document data keeps any text byte for byte, and rejects foreign data", "[document]") {
  cs::Article article = sample_article();
  article.text = "First paragraph.\n\nSecond: {\"json\": [1,2]} \\ \"quoted\"\nlast line\n";
  const std::string data = cs::encode_doc_data(article);
  const auto decoded = cs::decode_doc_data(data);
  REQUIRE(decoded);
  CHECK(decoded->text == article.text);
  CHECK(decoded->title == article.title);
  CHECK_FALSE(cs::decode_doc_data("not a document"));
  CHECK_FALSE(cs::decode_doc_data("[1,2]\ntext"));
}
