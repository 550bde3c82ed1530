#include "indexer/index_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "core/arrival.h"
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

// Writes `article` as corpus-index does (DocumentBuilder, then IndexWriter) and copies the
// cluster the writer assigned back into it.
cs::WriteResult write(cs::IndexWriter& writer, cs::Article& article) {
  cs::DocumentBuilder builder;
  cs::PreparedDocument prepared = builder.build(article);
  const cs::WriteResult result = writer.write(prepared);
  article.dup_cluster = prepared.article.dup_cluster;
  return result;
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
  CHECK(write(writer, a).outcome == cs::WriteOutcome::kAdded);
  cs::Article same = article("a", "Palmyra retaken by the army", 0);
  CHECK(write(writer, same).outcome == cs::WriteOutcome::kUnchanged);
  cs::Article changed = article("a", "Palmyra lost again", 0);
  CHECK(write(writer, changed).outcome == cs::WriteOutcome::kUpdated);
  writer.finish(cs::Gazetteer(), cs::Gazetteer());
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
    const char* cluster_of;  // the article whose own cluster key it gets
  };
  Case cases[] = {
      {article("first", "text one", sig), false, "first"},
      {article("exact", "text one", 0x1111111111111111ULL), true, "first"},
      {article("near", "text one, slightly edited", sig ^ 0x5ULL), true, "first"},
      {article("far", "other text", sig ^ 0x00ff00ff00ff00ffULL), false, "far"},
  };
  std::map<std::string, std::string> own_keys;
  for (const Case& c : cases) own_keys[c.article.id] = cs::own_cluster_key(c.article);
  for (Case& c : cases) {
    CAPTURE(c.article.id);
    CHECK(write(writer, c.article).duplicate == c.duplicate);
    CHECK(c.article.dup_cluster == own_keys[c.cluster_of]);
  }
  writer.finish(cs::Gazetteer(), cs::Gazetteer());
  const Xapian::docid near_doc = *db.postlist_begin(cs::schema::id_term("near"));
  CHECK(db.get_document(near_doc).get_value(cs::schema::kSlotDupCluster) == own_keys["first"]);
}

TEST_CASE("articles join the clusters of a peer shard's copies", "[index_writer]") {
  const std::uint64_t sig = 0x0123456789abcdefULL;
  TempDb peer;
  {
    cs::IndexWriter peer_writer(peer.db);
    cs::Article original = article("original", "the siege of the town", sig);
    write(peer_writer, original);
    peer_writer.finish(cs::Gazetteer(), cs::Gazetteer());
    peer.db.commit();
  }
  const std::string original_key =
      cs::own_cluster_key(article("original", "the siege of the town", sig));
  struct Case {
    cs::Article article;
    bool duplicate;
    bool in_peer_cluster;
  };
  Case cases[] = {
      {article("exact", "the siege of the town", 0x1111ULL), true, true},
      {article("near", "the siege of the town, edited", sig ^ 0x30ULL), true, true},
      {article("unrelated", "a ceasefire elsewhere", ~sig), false, false},
  };
  TempDb temp;
  const Xapian::Database peers(peer.dir.path + "/db");
  cs::IndexWriter writer(temp.db, {}, nullptr, &peers);
  for (Case& c : cases) {
    CAPTURE(c.article.id);
    CHECK(write(writer, c.article).duplicate == c.duplicate);
    CHECK((c.article.dup_cluster == original_key) == c.in_peer_cluster);
  }
  writer.finish(cs::Gazetteer(), cs::Gazetteer());
  CHECK(temp.db.get_doccount() == 3);  // the peer's documents are only read
}

TEST_CASE("an unknown name is shown by its least spelling whatever the order", "[index_writer]") {
  const std::string key = std::string(cs::schema::kMetaEntityPrefix) + "x-~grgr";
  // The least comes in the first run, or only in the second (the stored name is replaced).
  const char* orders[][3] = {{"Gregory", "Gregorio", "Grégoire"},
                             {"Grégoire", "Gregorio", "Gregory"},
                             {"Gregory", "Grégoire", "Gregorio"}};
  for (const auto& order : orders) {
    TempDb temp;
    for (int run = 0; run < 2; ++run) {  // a first run, then an in-place run adding one more
      cs::IndexWriter writer(temp.db);
      for (int i = run == 0 ? 0 : 2; i < (run == 0 ? 2 : 3); ++i) {
        cs::Article a = article(order[i], std::string("text about ") + order[i], i + 1);
        a.entities.push_back({"x-~grgr", order[i], cs::EntityType::kPerson, {order[i]}, 1});
        write(writer, a);
      }
      writer.finish(cs::Gazetteer(), cs::Gazetteer());
      temp.db.commit();
    }
    CAPTURE(order[0]);
    CHECK(temp.db.get_metadata(key) == "person\tGregorio");
  }
}

TEST_CASE("re-writing an article is not a duplicate of its own old version", "[index_writer]") {
  TempDb temp;
  Xapian::WritableDatabase& db = temp.db;
  cs::IndexWriter writer(db);
  cs::Article a = article("a", "same text", 0xabcdefULL);
  write(writer, a);
  cs::Article again = article("a", "same text", 0xabcdefULL);
  again.title = "New title";
  const cs::WriteResult r = write(writer, again);
  CHECK(r.outcome == cs::WriteOutcome::kUpdated);
  CHECK_FALSE(r.duplicate);
  CHECK(again.dup_cluster == cs::own_cluster_key(a));
}

TEST_CASE("a fresh generation written by shards merges into one database", "[index_writer]") {
  cs::test::TempDir dir;
  const std::string gen = dir.path + "/gen-1";
  const std::string meta = gen + "/meta";
  const std::size_t count = 2 * cs::kShardBlock + 10;  // every shard gets a block
  {
    cs::ShardWriters shards(gen, 2);
    Xapian::WritableDatabase db(meta, Xapian::DB_CREATE);
    cs::IndexWriter writer(db, {}, &shards);
    for (std::size_t i = 0; i < count; ++i) {
      // The last article copies the first one, across shards.
      const std::size_t text = i + 1 == count ? 0 : i;
      cs::Article a = article("a" + std::to_string(i), "palmyra report " + std::to_string(text),
                              0x1000ULL * (text + 1) * 0x9e3779b97f4a7c15ULL);
      CHECK(write(writer, a).outcome == cs::WriteOutcome::kAdded);
    }
    writer.finish(cs::Gazetteer(), cs::Gazetteer());
    db.close();
    shards.merge_into(meta, gen);
  }
  const Xapian::Database merged(gen);
  CHECK(merged.get_doccount() == count);
  CHECK(cs::schema::check_schema_version(merged).empty());
  CHECK(merged.get_spelling_suggestion("palmyr") == "palmyra");
  const std::string last = cs::schema::id_term("a" + std::to_string(count - 1));
  CHECK(merged.get_document(*merged.postlist_begin(last)).get_value(cs::schema::kSlotDupCluster) ==
        cs::own_cluster_key(article("a0", "palmyra report 0", 0)));
  CHECK_FALSE(std::filesystem::exists(gen + "/shard-0"));
  CHECK_FALSE(std::filesystem::exists(meta));
}

namespace {

// The article ids of a fresh generation written by two shards of `part_documents`-document
// parts, in docid order.
std::vector<std::string> ids_in_docid_order(std::size_t part_documents, std::size_t count) {
  cs::test::TempDir dir;
  const std::string gen = dir.path + "/gen-1";
  const std::string meta = gen + "/meta";
  {
    cs::ShardWriters shards(gen, 2, part_documents);
    Xapian::WritableDatabase db(meta, Xapian::DB_CREATE);
    cs::IndexWriter writer(db, {}, &shards);
    for (std::size_t i = 0; i < count; ++i) {
      cs::Article a = article("a" + std::to_string(i), "homs report " + std::to_string(i),
                              0x2000ULL * (i + 1) * 0x9e3779b97f4a7c15ULL);
      write(writer, a);
    }
    writer.finish(cs::Gazetteer(), cs::Gazetteer());
    db.close();
    shards.merge_into(meta, gen);
  }
  const Xapian::Database merged(gen);
  std::vector<std::string> ids;
  for (Xapian::docid did = 1; did <= merged.get_lastdocid(); ++did) {
    ids.push_back(merged.get_document(did).get_value(cs::schema::kSlotArticleId));
  }
  return ids;
}

}  // namespace

TEST_CASE("shards split into parts number the documents as whole shards do", "[index_writer]") {
  const std::size_t count = 2 * cs::kShardBlock + 50;
  const std::vector<std::string> whole = ids_in_docid_order(cs::kShardPartDocuments, count);
  REQUIRE(whole.size() == count);
  for (const std::size_t part_documents : {7UL, cs::kShardBlock, cs::kShardBlock + 1}) {
    INFO("part_documents " << part_documents);
    CHECK(ids_in_docid_order(part_documents, count) == whole);
  }
}

namespace {

// The "added" stamp stored for article `id` in `db`.
std::string added_of(const Xapian::Database& db, const std::string& id) {
  const std::string term = cs::schema::id_term(id);
  return db.get_document(*db.postlist_begin(term)).get_value(cs::schema::kSlotAdded);
}

}  // namespace

TEST_CASE("an article keeps the stamp of the run that first indexed it", "[index_writer]") {
  TempDb temp;
  Xapian::WritableDatabase& db = temp.db;
  const std::string first_run = "20261101120000";
  const std::string second_run = "20261102120000";
  {
    cs::IndexWriter writer(db, {nullptr, first_run});
    cs::Article a = article("a", "first text", 0);
    cs::Article b = article("b", "other text", 0x00ff00ff00ff00ffULL);
    write(writer, a);
    write(writer, b);
    writer.finish(cs::Gazetteer(), cs::Gazetteer());
    db.commit();
  }
  CHECK(db.get_metadata(std::string(cs::schema::kMetaLastAdded)) == first_run);
  {  // In place: an update keeps its stamp, a new article gets the run's.
    cs::IndexWriter writer(db, {&db, second_run});
    cs::Article changed = article("a", "first text, corrected", 0);
    cs::Article fresh = article("c", "a third text", 0x0f0f0f0f0f0f0f0fULL);
    CHECK(write(writer, changed).outcome == cs::WriteOutcome::kUpdated);
    CHECK(write(writer, fresh).outcome == cs::WriteOutcome::kAdded);
    writer.finish(cs::Gazetteer(), cs::Gazetteer());
    db.commit();
  }
  CHECK(added_of(db, "a") == first_run);
  CHECK(added_of(db, "b") == first_run);
  CHECK(added_of(db, "c") == second_run);
  CHECK(db.get_metadata(std::string(cs::schema::kMetaLastAdded)) == second_run);
  // A full rebuild reads the live generation: old articles keep theirs, new ones get its own.
  const std::string rebuild_run = "20261103120000";
  Xapian::WritableDatabase rebuilt(temp.dir.path + "/rebuilt", Xapian::DB_CREATE);
  {
    cs::IndexWriter writer(rebuilt, {&db, rebuild_run});
    for (const char* id : {"a", "c", "d"}) {
      cs::Article x = article(id, std::string("text of ") + id, 0);
      write(writer, x);
    }
    writer.finish(cs::Gazetteer(), cs::Gazetteer());
    rebuilt.commit();
  }
  CHECK(added_of(rebuilt, "a") == first_run);
  CHECK(added_of(rebuilt, "c") == second_run);
  CHECK(added_of(rebuilt, "d") == rebuild_run);
  const std::string key = rebuilt.get_document(*rebuilt.postlist_begin(cs::schema::id_term("d")))
                              .get_value(cs::schema::kSlotAddedKey);
  CHECK(key == cs::added_sort_key(rebuild_run, "d"));
}
