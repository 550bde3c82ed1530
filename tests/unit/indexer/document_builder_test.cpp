#include "indexer/document_builder.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "core/schema.h"
#include "indexer/document.h"
#include "indexer/duplicates.h"
#include "indexer/index_writer.h"
#include "temp_dir.h"

namespace {

cs::Article sample(const std::string& id) {
  cs::Article a;
  a.id = id;
  a.title = "Shelling in Aleppo";
  a.text =
      "Government forces shelled Aleppo's eastern districts. Shelling resumed at dawn, "
      "residents said; the shelling killed 12.";
  a.content_hash = 0x1234;
  a.simhash = 0xfeed;
  return a;
}

std::map<std::string, Xapian::termcount> spelling_table(const Xapian::Database& db) {
  std::map<std::string, Xapian::termcount> words;
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w) words[*w] = w.get_termfreq();
  return words;
}

std::map<std::string, Xapian::termcount> terms(const Xapian::Document& doc) {
  std::map<std::string, Xapian::termcount> out;
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) out[*t] = t.get_wdf();
  return out;
}

}  // namespace

TEST_CASE("document builder: same document as build_document", "[document_builder]") {
  cs::DocumentBuilder builder;
  cs::Article expected_article = sample("a1");
  expected_article.dup_cluster = cs::own_cluster_key(expected_article);
  Xapian::TermGenerator generator = cs::make_term_generator();
  const Xapian::Document expected = cs::build_document(expected_article, generator);
  const cs::PreparedDocument prepared = builder.build(sample("a1"));
  CHECK(terms(prepared.document) == terms(expected));
  CHECK(prepared.document.get_data() == expected.get_data());
  CHECK(prepared.document.get_value(cs::schema::kSlotDupCluster) ==
        cs::own_cluster_key(expected_article));
  CHECK(prepared.article.dup_cluster == cs::own_cluster_key(expected_article));
}

TEST_CASE("document builder: spelling words equal those of FLAG_SPELLING", "[document_builder]") {
  const std::string long_word(300, 'w');
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Shelling in Aleppo", sample("x").text},
      {"Aleppo Aleppo aleppo", "Aleppo, again: ALEPPO and aleppo's."},
      {"", "Numbers 12 and 3.5 and 2016-03-27, U.S. forces, e-mail, ez-Zor."},
      {"Title only words", ""},
      {"Caf\xc3\xa9 \xd8\xad\xd9\x84\xd8\xa8", "\xe6\x9d\xb1\xe4\xba\xac " + long_word + " end"},
  };
  cs::test::TempDir dir;
  Xapian::WritableDatabase reference(dir.path + "/ref", Xapian::DB_CREATE);
  Xapian::TermGenerator generator = cs::make_term_generator();
  generator.set_database(reference);
  generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  Xapian::WritableDatabase written(dir.path + "/new", Xapian::DB_CREATE);
  cs::IndexWriter writer(written);
  cs::DocumentBuilder builder;
  int n = 0;
  for (const auto& [title, text] : cases) {
    cs::Article article = sample("a" + std::to_string(++n));
    article.title = title;
    article.text = text;
    article.content_hash = static_cast<std::uint64_t>(n);
    article.simhash = 0;
    cs::PreparedDocument prepared = builder.build(article);
    writer.write(prepared);
    article.dup_cluster = article.id;
    reference.replace_document(cs::schema::id_term(article.id),
                               cs::build_document(article, generator));
  }
  reference.commit();
  writer.finish(cs::Gazetteer(), cs::Gazetteer());
  CHECK_FALSE(spelling_table(written).empty());
  CHECK(spelling_table(written) == spelling_table(reference));
}

TEST_CASE("document builder: a duplicate's document is patched with its cluster",
          "[document_builder]") {
  cs::test::TempDir dir;
  Xapian::WritableDatabase db(dir.path + "/db", Xapian::DB_CREATE);
  cs::IndexWriter writer(db);
  cs::DocumentBuilder builder;
  cs::PreparedDocument first = builder.build(sample("a1"));
  cs::PreparedDocument copy = builder.build(sample("a2"));
  CHECK_FALSE(writer.write(first).duplicate);
  CHECK(writer.write(copy).duplicate);
  writer.finish(cs::Gazetteer(), cs::Gazetteer());
  const Xapian::Document stored = db.get_document(*db.postlist_begin(cs::schema::id_term("a2")));
  const std::string cluster = cs::own_cluster_key(first.article);  // the first copy's cluster
  CHECK(stored.get_value(cs::schema::kSlotDupCluster) == cluster);
  CHECK(stored.get_data().find("\"dup_cluster\":\"" + cluster + "\"") != std::string::npos);
}
