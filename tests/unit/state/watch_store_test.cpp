// Tests state/watch_store: the SQLite store of watches (add, list, find, remove, checks), its
// schema migration, refusal of newer, corrupt and unopenable files, concurrent connections,
// watch name validation and the default state path beside an index.
#include "state/watch_store.h"

#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.h"

namespace fs = std::filesystem;

using cs::state::kStateVersion;
using cs::state::StateError;
using cs::state::Watch;
using cs::state::WatchStore;

namespace {

std::string state_file(const cs::test::TempDir& dir) {
  return (fs::path(dir.path) / "watches.sqlite").string();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs `statements` on the database at `path` with the bare SQLite API; "" or the first error.
std::string exec_raw(const std::string& path, const std::vector<std::string>& statements) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return message;
  }
  std::string problem;
  for (const std::string& sql : statements) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      problem = sql + ": " + (message != nullptr ? message : "error");
      sqlite3_free(message);
      break;
    }
  }
  sqlite3_close(db);
  return problem;
}

// PRAGMA user_version of the database at `path`, read with the bare SQLite API (-1 on error;
// opened read-write without create, since a read-only connection to a WAL file may need -shm).
int raw_user_version(const std::string& path) {
  sqlite3* db = nullptr;
  int version = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      version = sqlite3_column_int(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return version;
}

// The message of the StateError WatchStore::open(path) throws, or nullopt when it opens.
std::optional<std::string> open_error(const std::string& path) {
  try {
    auto store = WatchStore::open(path);
  } catch (const StateError& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

std::vector<std::string> names_of(const std::vector<Watch>& watches) {
  std::vector<std::string> names;
  for (const Watch& w : watches) names.push_back(w.name);
  return names;
}

}  // namespace

TEST_CASE("watch store: a new file is created at the current version", "[state][watch_store]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  auto store = WatchStore::open(path);
  REQUIRE(store != nullptr);
  CHECK(store->version() == kStateVersion);
  CHECK(store->list().empty());
  CHECK(fs::exists(path));
  store.reset();
  CHECK(raw_user_version(path) == kStateVersion);
}

TEST_CASE("watch store: add, list, find, find by name, record a check, remove",
          "[state][watch_store]") {
  cs::test::TempDir dir;
  auto store = WatchStore::open(state_file(dir));

  const Watch palmyra =
      store->add("palmyra", "q=Palmyra&sort=newest", "20261129010203", "20261129000000");
  CHECK(palmyra.id > 0);
  CHECK(palmyra.name == "palmyra");
  CHECK(palmyra.query == "q=Palmyra&sort=newest");
  CHECK(palmyra.created == "20261129010203");
  CHECK(palmyra.seen == "20261129000000");
  CHECK(palmyra.checked.empty());

  const Watch aleppo = store->add("aleppo", "q=Aleppo", "20261129010204", "");
  const Watch tiyas = store->add("Tiyas airbase", "place=Tiyas", "20261129010205", "");
  CHECK(aleppo.id != palmyra.id);
  CHECK(tiyas.id != aleppo.id);

  SECTION("list is ordered by name, ASCII case ignored") {
    const std::vector<std::string> expected = {"aleppo", "palmyra", "Tiyas airbase"};
    CHECK(names_of(store->list()) == expected);
  }

  SECTION("find and find_by_name") {
    struct Case {
      std::int64_t id;
      std::string name;
    };
    const Case cases[] = {
        {palmyra.id, "palmyra"}, {aleppo.id, "aleppo"}, {tiyas.id, "Tiyas airbase"}};
    for (const Case& c : cases) {
      INFO(c.name);
      const auto by_id = store->find(c.id);
      REQUIRE(by_id.has_value());
      CHECK(by_id->name == c.name);
      const auto by_name = store->find_by_name(c.name);
      REQUIRE(by_name.has_value());
      CHECK(by_name->id == c.id);
    }
    const auto found = store->find(palmyra.id);
    REQUIRE(found.has_value());
    CHECK(found->query == palmyra.query);
    CHECK(found->created == palmyra.created);
    CHECK(found->seen == palmyra.seen);
    CHECK(found->checked == palmyra.checked);
    CHECK_FALSE(store->find(tiyas.id + 1000).has_value());
    CHECK_FALSE(store->find(0).has_value());
    CHECK_FALSE(store->find_by_name("nobody").has_value());
    CHECK_FALSE(store->find_by_name("").has_value());
  }

  SECTION("record_check stores what was seen and when") {
    store->record_check(aleppo.id, "20261130000000", "20261130120000");
    const auto checked = store->find(aleppo.id);
    REQUIRE(checked.has_value());
    CHECK(checked->seen == "20261130000000");
    CHECK(checked->checked == "20261130120000");
    CHECK(checked->query == "q=Aleppo");
    // The other watches are untouched.
    const auto other = store->find(palmyra.id);
    REQUIRE(other.has_value());
    CHECK(other->seen == "20261129000000");
    CHECK(other->checked.empty());
    // A check of a missing watch changes nothing and does not throw.
    CHECK_NOTHROW(store->record_check(tiyas.id + 1000, "x", "y"));
    CHECK(store->list().size() == 3);
  }

  SECTION("remove deletes once") {
    CHECK(store->remove(aleppo.id));
    CHECK_FALSE(store->remove(aleppo.id));
    CHECK_FALSE(store->remove(tiyas.id + 1000));
    CHECK_FALSE(store->find(aleppo.id).has_value());
    CHECK_FALSE(store->find_by_name("aleppo").has_value());
    const std::vector<std::string> expected = {"palmyra", "Tiyas airbase"};
    CHECK(names_of(store->list()) == expected);
    // The name is free again.
    CHECK_NOTHROW(store->add("aleppo", "q=Aleppo", "20261129010206", ""));
  }

  SECTION("a duplicate name throws StateError and adds nothing") {
    CHECK_THROWS_AS(store->add("palmyra", "q=other", "20261129010206", ""), StateError);
    CHECK_THROWS_AS(store->add("PALMYRA", "q=other", "20261129010206", ""), StateError);
    CHECK(store->list().size() == 3);
    CHECK(store->find_by_name("Palmyra").has_value());
    const auto kept = store->find_by_name("palmyra");
    REQUIRE(kept.has_value());
    CHECK(kept->query == "q=Palmyra&sort=newest");
  }

  CHECK(store->version() == kStateVersion);
}

TEST_CASE("watch store: watches persist across reopening", "[state][watch_store]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  std::int64_t id = 0;
  {
    auto store = WatchStore::open(path);
    id = store->add("kept", "q=kept", "20261129010203", "20261129000000").id;
    store->record_check(id, "20261129000001", "20261129020000");
  }
  auto reopened = WatchStore::open(path);
  CHECK(reopened->version() == kStateVersion);
  const auto watch = reopened->find(id);
  REQUIRE(watch.has_value());
  CHECK(watch->name == "kept");
  CHECK(watch->query == "q=kept");
  CHECK(watch->created == "20261129010203");
  CHECK(watch->seen == "20261129000001");
  CHECK(watch->checked == "20261129020000");
}

TEST_CASE("watch store: a version-1 file is migrated keeping its rows", "[state][watch_store]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  // Exactly the schema of migration 0 -> 1, written by hand.
  const std::string problem =
      exec_raw(path, {"CREATE TABLE watches (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                      "query TEXT NOT NULL, created TEXT NOT NULL)",
                      "INSERT INTO watches (id, name, query, created) VALUES "
                      "(5, 'palmyra', 'q=Palmyra&sort=newest', '20260101000000')",
                      "INSERT INTO watches (id, name, query, created) VALUES "
                      "(9, 'aleppo', 'q=Aleppo', '20260102000000')",
                      "PRAGMA user_version = 1"});
  REQUIRE(problem.empty());
  REQUIRE(raw_user_version(path) == 1);

  auto store = WatchStore::open(path);
  CHECK(store->version() == 2);
  CHECK(store->version() == kStateVersion);

  struct Case {
    std::int64_t id;
    std::string name;
    std::string query;
    std::string created;
  };
  const Case cases[] = {{5, "palmyra", "q=Palmyra&sort=newest", "20260101000000"},
                        {9, "aleppo", "q=Aleppo", "20260102000000"}};
  for (const Case& c : cases) {
    INFO(c.name);
    const auto watch = store->find(c.id);
    REQUIRE(watch.has_value());
    CHECK(watch->name == c.name);
    CHECK(watch->query == c.query);
    CHECK(watch->created == c.created);
    CHECK(watch->seen.empty());
    CHECK(watch->checked.empty());
  }
  CHECK(store->list().size() == 2);

  // The new columns work on the migrated file.
  store->record_check(5, "20261129000000", "20261129010000");
  const auto checked = store->find(5);
  REQUIRE(checked.has_value());
  CHECK(checked->seen == "20261129000000");
  CHECK(checked->checked == "20261129010000");
  const Watch added = store->add("new", "q=new", "20261129010203", "20261129000000");
  CHECK(added.seen == "20261129000000");

  // Reopening a migrated file is a no-op.
  store.reset();
  CHECK(raw_user_version(path) == kStateVersion);
  auto again = WatchStore::open(path);
  CHECK(again->version() == kStateVersion);
  CHECK(again->list().size() == 3);
}

TEST_CASE("watch store: files it must not open throw StateError", "[state][watch_store]") {
  cs::test::TempDir dir;

  SECTION("a newer version is refused, naming it newer, and left as it was") {
    const std::string path = state_file(dir);
    REQUIRE(exec_raw(path, {"CREATE TABLE future (x)", "PRAGMA user_version = 99"}).empty());
    const auto error = open_error(path);
    REQUIRE(error.has_value());
    INFO(*error);
    CHECK(error->find("newer") != std::string::npos);
    CHECK(error->find("99") != std::string::npos);
    CHECK(raw_user_version(path) == 99);
  }

  SECTION("a newer version without tables is refused too") {
    const std::string path = state_file(dir);
    REQUIRE(exec_raw(path, {"PRAGMA user_version = 99"}).empty());
    const auto error = open_error(path);
    REQUIRE(error.has_value());
    CHECK(error->find("newer") != std::string::npos);
  }

  SECTION("a corrupt file") {
    const std::string path = state_file(dir);
    std::string garbage;
    while (garbage.size() < 4096) garbage += "this is not a database ";
    garbage.resize(4096);
    write_file(path, garbage);
    const auto error = open_error(path);
    REQUIRE(error.has_value());
    INFO(*error);
    CHECK(error->find("state database") != std::string::npos);
  }

  SECTION("a file in a folder that does not exist") {
    const std::string path = (fs::path(dir.path) / "no" / "such" / "watches.sqlite").string();
    CHECK(open_error(path).has_value());
    CHECK_FALSE(fs::exists(path));
  }

  SECTION("a folder instead of a file") {
    const std::string path = (fs::path(dir.path) / "folder").string();
    fs::create_directories(path);
    CHECK(open_error(path).has_value());
  }
}

TEST_CASE("watch store: an empty file is a new database", "[state][watch_store]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  write_file(path, "");
  REQUIRE(fs::file_size(path) == 0);
  auto store = WatchStore::open(path);
  CHECK(store->version() == kStateVersion);
  CHECK(store->list().empty());
}

TEST_CASE("watch store: two stores on one file see each other's writes", "[state][watch_store]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  auto a = WatchStore::open(path);
  auto b = WatchStore::open(path);
  CHECK(b->version() == kStateVersion);

  const Watch added = a->add("shared", "q=shared", "20261129010203", "");
  const auto seen_by_b = b->find_by_name("shared");
  REQUIRE(seen_by_b.has_value());
  CHECK(seen_by_b->id == added.id);
  // The name is taken for the other connection too.
  CHECK_THROWS_AS(b->add("shared", "q=other", "20261129010204", ""), StateError);

  b->record_check(added.id, "20261129000000", "20261129020000");
  const auto seen_by_a = a->find(added.id);
  REQUIRE(seen_by_a.has_value());
  CHECK(seen_by_a->checked == "20261129020000");

  CHECK(b->remove(added.id));
  CHECK(a->list().empty());
}

TEST_CASE("watch store: a writer thread and a reading thread on one file",
          "[state][watch_store][threads]") {
  cs::test::TempDir dir;
  const std::string path = state_file(dir);
  auto reader = WatchStore::open(path);
  constexpr int kWatches = 50;

  std::atomic<bool> done{false};
  std::string writer_error;  // written by the writer only, read after join
  std::thread writer([&] {
    try {
      auto store = WatchStore::open(path);  // one connection per thread
      for (int i = 0; i < kWatches; ++i) {
        store->add("watch " + std::to_string(i), "q=w" + std::to_string(i), "20261129010203", "");
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
    done = true;
  });

  std::string reader_error;
  std::size_t lists = 0;
  std::size_t last_size = 0;
  bool shrank = false;
  try {
    while (!done) {
      const std::size_t size = reader->list().size();
      if (size < last_size) shrank = true;
      last_size = size;
      ++lists;
    }
  } catch (const std::exception& e) {
    reader_error = e.what();
  }
  writer.join();

  INFO("writer: " << writer_error << " reader: " << reader_error << " lists: " << lists);
  CHECK(writer_error.empty());
  CHECK(reader_error.empty());
  CHECK_FALSE(shrank);
  const auto all = reader->list();
  CHECK(all.size() == static_cast<std::size_t>(kWatches));
  for (int i = 0; i < kWatches; ++i) {
    CHECK(reader->find_by_name("watch " + std::to_string(i)).has_value());
  }
}

TEST_CASE("watch names: what may name a watch", "[state][watch_name]") {
  struct Case {
    std::string name;
    std::string problem;  // a part of the expected problem, or "" when the name is fine
  };
  const Case cases[] = {
      {"", "empty"},
      {"ok name", ""},
      {"Tiyas airbase", ""},
      {"a", ""},
      {std::string(cs::state::kMaxWatchName, 'a'), ""},
      {std::string(cs::state::kMaxWatchName + 1, 'a'), "longer"},
      {"a\tb", "control"},
      {"a\nb", "control"},
      {"a\x7f", "control"},
      {std::string("a\0b", 3), "control"},
      {"   ", "spaces"},
      {" ", "spaces"},
      {" padded ", ""},
      {"-rf", "starts with '-'"},
      {"\xff", "UTF-8"},
      {"ab\xc3", "UTF-8"},
      {"\xc3\xa9t\xc3\xa9 \xd8\xad\xd9\x84\xd8\xa8", ""},  // "été حلب"
  };
  for (const Case& c : cases) {
    INFO("name '" << c.name << "' (" << c.name.size() << " bytes)");
    const std::string problem = cs::state::watch_name_problem(c.name);
    if (c.problem.empty()) {
      CHECK(problem.empty());
    } else {
      INFO("problem: " << problem);
      CHECK_FALSE(problem.empty());
      CHECK(problem.find(c.problem) != std::string::npos);
    }
  }
}

TEST_CASE("default state path: beside an index root or stub, never for a bare database",
          "[state][state_path]") {
  cs::test::TempDir dir;
  const fs::path root = fs::path(dir.path) / "index";
  fs::create_directories(root);
  // The stub's generation need not exist: read_index_location only parses the stub.
  write_file(root / "XAPIANDB", "auto gen-1\n");
  const fs::path database = fs::path(dir.path) / "bare-db";
  fs::create_directories(database);
  const fs::path bad_root = fs::path(dir.path) / "bad";
  fs::create_directories(bad_root);
  write_file(bad_root / "XAPIANDB", "bogus line\n");
  const std::string expected = (root / cs::state::kStateFileName).string();

  struct Case {
    std::string index_path;
    std::string state_path;  // "" when an error is expected
    std::string error_part;  // a part of the expected error
  };
  const Case cases[] = {
      {root.string(), expected, ""},
      {(root / "XAPIANDB").string(), expected, ""},
      {(fs::path(dir.path) / "missing").string(), "", "no index"},
      {database.string(), "", "--state"},
      {bad_root.string(), "", "unknown stub line"},
  };
  for (const Case& c : cases) {
    INFO(c.index_path);
    std::string error;
    const std::string path = cs::state::default_state_path(c.index_path, error);
    INFO("error: " << error);
    CHECK(path == c.state_path);
    if (c.state_path.empty()) {
      CHECK_FALSE(error.empty());
      CHECK(error.find(c.error_part) != std::string::npos);
    } else {
      CHECK(error.empty());
    }
  }
  CHECK(std::string(cs::state::kStateFileName) == "watches.sqlite");
}
