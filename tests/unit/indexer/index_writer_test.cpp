#include "indexer/index_writer.h"

#include <catch2/catch.hpp>
#include <string>

#include "core/schema.h"
#include "temp_dir.h"

namespace {

cs::Article article(const std::string& id, const std::string& text, std::uint64_t simhash) {
  cs::Article a;
  a.id = id;
  a.title = "Title " + id;
  a.text = text;
  a.content_hash = std::hash<std::string>{}(text) | 1;
  a.simhash = simhash;
  return a;
}

// A real on-disk database (the in-memory backend has no spelling table).
struct TempDb {
  cs::test::TempDir dir;
  Xapian::WritableDatabase db{dir.path + "/db", Xapian::DB_CREATE};
};

}  // namespace

TEST_CASE("writing: added, unchanged, updated", "[index_writer]") {
  TempDb temp;
  Xapian::WritableDatabase& db = temp.db;
  cs::IndexWriter writer(db);
  cs::Article a = article("a", "Palmyra retaken by the army", 0);
  CHECK(writer.write(a).outcome == cs::WriteOutcome::kAdded);
  cs::Article same = article("a", "Palmyra retaken by the army", 0);
  CHECK(writer.write(same).outcome == cs::WriteOutcome::kUnchanged);
  cs::Article changed = article("a", "Palmyra lost again", 0);
  CHECK(writer.write(changed).outcome == cs::WriteOutcome::kUpdated);
  writer.finish(cs::Gazetteer());
  CHECK(db.get_doccount() == 1);
  CHECK(cs::schema::check_schema_version(db).empty());
}

TEST_CASE("duplicates join the first article's cluster", "[index_writer]") {
  TempDb temp;
  Xapian::WritableDatabase& db = temp.db;
  cs::IndexWriter writer(db);
  const std::uint64_t sig = 0xf0f0f0f0f0f0f0f0ULL;
  struct Case {
    cs::Article article;
    bool duplicate;
    const char* cluster;
  };
  Case cases[] = {
      {article("first", "text one", sig), false, "first"},
      {article("exact", "text one", 0x1111111111111111ULL), true, "first"},
      {article("near", "text one, slightly edited", sig ^ 0x5ULL), true, "first"},
      {article("far", "other text", sig ^ 0x00ff00ff00ff00ffULL), false, "far"},
  };
  for (Case& c : cases) {
    CAPTURE(c.article.id);
    CHECK(writer.write(c.article).duplicate == c.duplicate);
    CHECK(c.article.dup_cluster == c.cluster);
  }
  writer.finish(cs::Gazetteer());
  const Xapian::docid near_doc = *db.postlist_begin(cs::schema::id_term("near"));
  CHECK(db.get_document(near_doc).get_value(cs::schema::kSlotDupCluster) == "first");
}

TEST_CASE("re-writing an article is not a duplicate of its own old version", "[index_writer]") {
  TempDb temp;
  Xapian::WritableDatabase& db = temp.db;
  cs::IndexWriter writer(db);
  cs::Article a = article("a", "same text", 0xabcdefULL);
  writer.write(a);
  cs::Article again = article("a", "same text", 0xabcdefULL);
  again.title = "New title";
  const cs::WriteResult r = writer.write(again);
  CHECK(r.outcome == cs::WriteOutcome::kUpdated);
  CHECK_FALSE(r.duplicate);
  CHECK(again.dup_cluster == "a");
}
