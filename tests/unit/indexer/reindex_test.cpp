// Tests incremental indexing (indexer/incremental.h through run_indexing): vanished files and
// records are removed, unchanged files are skipped, other roots are untouched, and the
// generation lifecycle (abandoned generations, checked publishing).
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/generations.h"
#include "indexer/incremental.h"
#include "indexer/pipeline.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

void write_article(const fs::path& path, const std::string& title, const std::string& body) {
  write_file(path, title + "\n\n" + body + "\n");
}

// Runs corpus-index's pipeline over `inputs` into `root`; returns the summary.
cs::IndexSummary index(const std::string& root, std::vector<std::string> inputs,
                       bool full = false) {
  cs::IndexOptions options;
  options.out = root;
  options.inputs = std::move(inputs);
  options.full = full;
  cs::IndexSummary summary;
  REQUIRE(cs::run_indexing(options, nullptr, summary).empty());
  return summary;
}

Xapian::doccount live_count(const std::string& root) {
  return Xapian::Database(root).get_doccount();
}

}  // namespace

TEST_CASE("incremental runs add, update, skip and remove articles", "[reindex]") {
  cs::test::TempDir dir;
  const fs::path a = fs::path(dir.path) / "a";
  const fs::path b = fs::path(dir.path) / "b";
  const std::string root = dir.path + "/index";
  write_article(a / "one.txt", "Shelling in Aleppo", "Shelling hit Aleppo on Monday.");
  write_article(a / "two.txt", "Talks in Geneva", "Delegations met in Geneva.");
  write_article(a / "sub/three.txt", "Convoy reaches Homs", "An aid convoy reached Homs.");
  write_article(b / "four.txt", "Floods in Idlib", "Heavy rain flooded camps in Idlib.");
  const auto first = index(root, {a.string(), b.string()});
  CHECK(first.added == 4);
  CHECK(live_count(root) == 4);

  SECTION("an unchanged corpus is skipped without writing a generation") {
    const auto again = index(root, {a.string(), b.string()});
    CHECK(again.unchanged == 4);
    CHECK(again.read == 0);
    CHECK(again.added + again.updated + again.removed == 0);
    CHECK(again.generation == first.generation);
  }

  SECTION("vanished files under the given folder are removed, other roots untouched") {
    fs::remove(a / "sub/three.txt");
    write_article(a / "two.txt", "Talks in Geneva resume", "Delegations met again in Geneva.");
    write_article(a / "five.txt", "Ceasefire in Daraa", "A ceasefire held in Daraa.");
    const auto second = index(root, {a.string()});
    CHECK(second.added == 1);
    CHECK(second.updated == 1);
    CHECK(second.unchanged == 1);
    CHECK(second.removed == 1);
    CHECK(second.written);                         // committed ...
    CHECK(second.generation == first.generation);  // ... in place, into the live generation
    CHECK(live_count(root) == 4);                  // one, two, five from a; four from b
    const Xapian::Database db(root);
    CHECK(db.get_termfreq("idlib") == 1);                          // from b
    CHECK(db.get_termfreq("daraa") == 1);                          // added
    CHECK(db.get_termfreq("homs") + db.get_termfreq("hom") == 0);  // removed
  }

  SECTION("a full run rebuilds from the inputs given") {
    const auto rebuilt = index(root, {a.string()}, true);
    CHECK_FALSE(rebuilt.incremental);
    CHECK(live_count(root) == 3);
  }
}

TEST_CASE("records that vanished from a JSON Lines file are removed", "[reindex]") {
  cs::test::TempDir dir;
  const fs::path feed = fs::path(dir.path) / "in/feed.jsonl";
  const std::string root = dir.path + "/index";
  const std::string r1 = R"({"id":"r1","title":"Raid in Raqqa","text":"A raid in Raqqa."})";
  const std::string r2 = R"({"id":"r2","title":"Strike in Deir","text":"A strike near Deir."})";
  write_file(feed, r1 + "\n" + r2 + "\n");
  CHECK(index(root, {feed.parent_path().string()}).added == 2);
  write_file(feed, r1 + "\n");
  const auto second = index(root, {feed.parent_path().string()});
  CHECK(second.removed == 1);
  CHECK(second.unchanged == 1);
  CHECK(live_count(root) == 1);
}

TEST_CASE("abandoned generations and stub temp files are cleaned up", "[reindex]") {
  cs::test::TempDir dir;
  const fs::path corpus = fs::path(dir.path) / "corpus";
  const std::string root = dir.path + "/index";
  write_article(corpus / "one.txt", "Shelling in Aleppo", "Shelling hit Aleppo on Monday.");
  const auto first = index(root, {corpus.string()});
  fs::create_directory(fs::path(root) / "gen-7");
  write_file(fs::path(root) / "XAPIANDB.tmp.123", "auto gen-7\n");
  CHECK(cs::clean_abandoned(root) == std::vector<std::string>{"gen-7", "XAPIANDB.tmp.123"});
  CHECK(cs::generations::live_generation(root) == first.generation);
}

TEST_CASE("publish_generation checks the generation before making it live", "[reindex]") {
  cs::test::TempDir dir;
  const fs::path corpus = fs::path(dir.path) / "corpus";
  const std::string root = dir.path + "/index";
  write_article(corpus / "one.txt", "Shelling in Aleppo", "Shelling hit Aleppo on Monday.");
  const auto first = index(root, {corpus.string()});
  write_article(corpus / "two.txt", "Talks in Geneva", "Delegations met in Geneva.");
  cs::IndexOptions options;
  options.out = root;
  options.inputs = {corpus.string()};
  options.full = true;  // unpublished builds are new generations (incremental runs go in place)
  options.publish = false;
  cs::IndexSummary built;
  REQUIRE(cs::run_indexing(options, nullptr, built).empty());
  CHECK(cs::generations::live_generation(root) == first.generation);

  fs::create_directory(fs::path(root) / "gen-99");  // not a database
  CHECK_FALSE(cs::publish_generation(root, "gen-99", 2).empty());
  CHECK_FALSE(cs::publish_generation(root, "gen-404", 2).empty());
  CHECK(cs::generations::live_generation(root) == first.generation);

  CHECK(cs::publish_generation(root, built.generation, 2).empty());
  CHECK(cs::generations::live_generation(root) == built.generation);
  CHECK(live_count(root) == 2);

  // An incremental run has no generation to leave unpublished: it refuses --no-publish.
  options.full = false;
  cs::IndexSummary refused;
  CHECK_THAT(cs::run_indexing(options, nullptr, refused), Catch::Contains("--no-publish"));
}
