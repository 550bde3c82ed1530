#include "indexer/spelling_export.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "core/schema.h"
#include "temp_dir.h"

namespace {

// Writes a database at `path` whose spelling table holds `words` (word -> frequency).
void write_spellings(const std::string& path, const std::map<std::string, int>& words) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (const auto& [word, frequency] : words) db.add_spelling(word, frequency);
  db.set_metadata(std::string(cs::schema::kMetaSchemaVersion), "7");
  db.commit();
}

std::map<std::string, int> spellings_of(const std::string& path) {
  const Xapian::Database db(path);
  std::map<std::string, int> words;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    words[*it] = static_cast<int>(it.get_termfreq());
  }
  return words;
}

}  // namespace

TEST_CASE("a spelling export copies the table and replaces an earlier export", "[spelling]") {
  cs::test::TempDir dir;
  const std::string out = dir.path + "/spelling";
  struct Run {
    std::map<std::string, int> words;
    std::string out;  // how the user names the folder
  };
  const Run runs[] = {{{{"aleppo", 5}, {"siege", 2}}, out},
                      {{{"aleppo", 7}, {"palmyra", 1}}, out + "/"},
                      {{{"raqqa", 2}}, out}};
  for (const Run& run : runs) {
    write_spellings(dir.path + "/index", run.words);
    std::size_t words = 0;
    REQUIRE(cs::export_spelling(dir.path + "/index", run.out, words).empty());
    CHECK(words == run.words.size());
    CHECK(spellings_of(out) == run.words);
    CHECK(Xapian::Database(out).get_metadata(std::string(cs::schema::kMetaSchemaVersion)) == "7");
    int entries = 0;  // the export, and nothing left beside it
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path)) {
      ++entries;
    }
    CHECK(entries == 2);
  }
}

TEST_CASE("a spelling export refuses what it cannot or must not do", "[spelling]") {
  cs::test::TempDir dir;
  write_spellings(dir.path + "/index", {{"aleppo", 1}});
  write_spellings(dir.path + "/empty", {});
  std::filesystem::create_directory(dir.path + "/papers");
  std::ofstream(dir.path + "/papers/notes.txt") << "keep me";
  std::ofstream(dir.path + "/remote.stub") << "remote 127.0.0.1:1\n";
  std::filesystem::create_directory(dir.path + "/root");  // an index root: a stub and a database
  write_spellings(dir.path + "/root/gen-1", {{"x", 1}});
  std::ofstream(dir.path + "/root/XAPIANDB") << "auto gen-1\n";
  struct Case {
    std::string index;
    std::string out;
    const char* message;
  };
  const Case cases[] = {
      {"index", "papers", "is not a spelling export"},
      {"index", "empty", "is not a spelling export"},
      {"empty", "new", "has no spelling table"},
      {"remote.stub", "new", "remote shards"},
      {"index", "root", "is not a spelling export"},
      {"index", ".", "is not a spelling export"},  // the folder holding it all
      {"missing", "new", "no index at"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.index, c.out);
    std::size_t words = 0;
    const std::string error =
        cs::export_spelling(dir.path + "/" + c.index, dir.path + "/" + c.out, words);
    CHECK(error.find(c.message) != std::string::npos);
  }
  std::size_t words = 0;
  CHECK(cs::export_spelling(dir.path + "/index", "/", words).find("cannot hold") !=
        std::string::npos);
  std::string kept;
  std::getline(std::ifstream(dir.path + "/papers/notes.txt"), kept);
  CHECK(kept == "keep me");
  CHECK_FALSE(std::filesystem::exists(dir.path + "/new"));
}
