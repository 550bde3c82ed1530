// Tests core/index_layout: what an index path points at, stub parsing and the fingerprint.
#include "core/index_layout.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

// An index root at DIR/root with one generation (gen-1, a real database) and its stub.
std::string make_root(const std::string& dir) {
  const fs::path root = fs::path(dir) / "root";
  fs::create_directories(root);
  Xapian::WritableDatabase db((root / "gen-1").string(), Xapian::DB_CREATE);
  db.add_document(Xapian::Document());
  db.commit();
  write_file(root / cs::kStubName, "auto gen-1\n");
  return root.string();
}

}  // namespace

TEST_CASE("index paths: root, stub file, database folder, remote stub", "[index_layout]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  write_file(fs::path(dir.path) / "local.stub", "# one generation\n\nauto root/gen-1\n");
  write_file(fs::path(dir.path) / "remote.stub",
             "remote 10.0.0.2:7001\r\n  remote [::1]:7002  \nremote :xapian-progsrv /srv/idx\n");
  write_file(fs::path(dir.path) / "mixed.stub", "glass root/gen-1\nremote host:7003\n");
  using Kind = cs::IndexPathKind;
  struct Case {
    std::string path;
    Kind kind;
    std::string open_path;
    std::string generation;
    std::string database;
    bool remote;
    std::size_t stub_lines;
  };
  const Case cases[] = {
      {root, Kind::kRoot, root + "/XAPIANDB", "gen-1", root + "/gen-1", false, 1},
      {root + "/XAPIANDB", Kind::kStub, root + "/XAPIANDB", "gen-1", root + "/gen-1", false, 1},
      {dir.path + "/local.stub", Kind::kStub, dir.path + "/local.stub", "gen-1",
       dir.path + "/root/gen-1", false, 1},
      {root + "/gen-1", Kind::kDatabase, root + "/gen-1", "gen-1", root + "/gen-1", false, 0},
      {root + "/gen-1/", Kind::kDatabase, root + "/gen-1/", "gen-1", root + "/gen-1/", false, 0},
      {dir.path + "/remote.stub", Kind::kStub, dir.path + "/remote.stub", "remote.stub", "", true,
       3},
      // With remote shards the stub is the generation (its local lines may be spelling exports).
      {dir.path + "/mixed.stub", Kind::kStub, dir.path + "/mixed.stub", "mixed.stub", "", true, 2},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    cs::IndexLocation location;
    std::string error;
    REQUIRE(cs::read_index_location(c.path, location, error));
    CHECK(location.kind == c.kind);
    CHECK(location.open_path == c.open_path);
    CHECK(location.generation == c.generation);
    CHECK(location.database == c.database);
    CHECK(location.remote == c.remote);
    CHECK(location.stub.size() == c.stub_lines);
  }
}

TEST_CASE("stub lines are parsed into local folders and remote shards", "[index_layout]") {
  cs::test::TempDir dir;
  const fs::path stub = fs::path(dir.path) / "stub";
  write_file(stub,
             "auto gen-2\nchert /abs/db\nremote 10.0.0.2:7001\nremote [::1]:7002\n"
             "remote :xapian-progsrv /srv/idx\n");
  std::vector<cs::StubLine> lines;
  std::string error;
  REQUIRE(cs::read_stub(stub.string(), lines, error));
  REQUIRE(lines.size() == 5);
  using Kind = cs::StubLine::Kind;
  CHECK(lines[0].kind == Kind::kLocal);
  CHECK(lines[0].target == "gen-2");
  CHECK(lines[0].path == (fs::path(dir.path) / "gen-2").string());
  CHECK(lines[1].path == "/abs/db");
  CHECK(lines[2].kind == Kind::kTcp);
  CHECK(lines[2].host == "10.0.0.2");
  CHECK(lines[2].port == 7001);
  CHECK(lines[3].host == "::1");
  CHECK(lines[3].port == 7002);
  CHECK(lines[3].target == "[::1]:7002");
  CHECK(lines[4].kind == Kind::kProgram);
  CHECK(lines[4].program == "xapian-progsrv");
  CHECK(lines[4].args == "/srv/idx");
}

TEST_CASE("missing paths and bad stub lines are errors", "[index_layout]") {
  cs::test::TempDir dir;
  struct Case {
    const char* name;
    const char* stub;  // nullptr: the path does not exist
    const char* message;
  };
  const Case cases[] = {
      {"missing", nullptr, "no index at"},
      {"unknown-word", "auto gen-1\nbogus x\n", "unknown stub line 'bogus x'"},
      {"inmemory", "inmemory\n", "unknown stub line"},
      {"no-port", "remote 10.0.0.2\n", "expected HOST:PORT"},
      {"bad-port", "remote 10.0.0.2:99999\n", "bad port"},
      {"word-port", "remote host:http\n", "bad port"},
      {"no-program", "remote :\n", "no program"},
      {"no-path", "auto\n", "no database path"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const std::string path = dir.path + "/" + c.name;
    if (c.stub != nullptr) write_file(path, c.stub);
    cs::IndexLocation location;
    std::string error;
    CHECK_FALSE(cs::read_index_location(path, location, error));
    CHECK_THAT(error, Catch::Contains(c.message));
  }
}

TEST_CASE("a single-file database is a database, not a stub", "[index_layout]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  const std::string single = dir.path + "/single.glass";
  Xapian::Database(root + "/gen-1").compact(single, Xapian::DBCOMPACT_SINGLE_FILE);
  cs::IndexLocation location;
  std::string error;
  REQUIRE(cs::read_index_location(single, location, error));
  CHECK(location.kind == cs::IndexPathKind::kDatabase);
  CHECK(location.database == single);
  CHECK(location.stub.empty());
}

TEST_CASE("the fingerprint follows the stub and the commits of its databases, not Xapian's lock",
          "[index_layout]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  CHECK(cs::index_fingerprint(dir.path + "/nothing").empty());
  const std::string before = cs::index_fingerprint(root);
  CHECK_FALSE(before.empty());
  CHECK(cs::index_fingerprint(root + "/XAPIANDB") == before);
  // A publish renames a new stub over the old one: a new inode.
  write_file(root + "/XAPIANDB.tmp", "auto gen-1\n");
  fs::rename(root + "/XAPIANDB.tmp", root + "/XAPIANDB");
  CHECK(cs::index_fingerprint(root) != before);

  const std::string db = root + "/gen-1";
  const std::string db_before = cs::index_fingerprint(db);
  const std::string root_before = cs::index_fingerprint(root);
  write_file(fs::path(db) / cs::kXapianLockName, "");
  CHECK(cs::index_fingerprint(db) == db_before);
  CHECK(cs::index_fingerprint(root) == root_before);
  {
    Xapian::WritableDatabase writer(db, Xapian::DB_OPEN);
    writer.add_document(Xapian::Document());
    writer.commit();
  }
  CHECK(cs::index_fingerprint(db) != db_before);
  // An in-place commit to the live generation is seen through the root's stub too.
  CHECK(cs::index_fingerprint(root) != root_before);
}
