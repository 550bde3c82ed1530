// Tests indexer/index_status: what `corpus-index --status` reports for each kind of path.
#include "indexer/index_status.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/schema.h"
#include "temp_dir.h"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

// An index root at DIR/root: gen-1 (2 documents, current schema) published, gen-2 beside it.
std::string make_root(const std::string& dir) {
  const fs::path root = fs::path(dir) / "root";
  fs::create_directories(root / "gen-2");
  Xapian::WritableDatabase db((root / "gen-1").string(), Xapian::DB_CREATE);
  db.add_document(Xapian::Document());
  db.add_document(Xapian::Document());
  db.set_metadata(std::string(cs::schema::kMetaSchemaVersion),
                  std::to_string(cs::schema::kSchemaVersion));
  db.commit();
  write_file(root / cs::kStubName, "auto gen-1\n");
  return root.string();
}

}  // namespace

TEST_CASE("status of an index root, its stub and its database", "[index_status]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  for (const std::string& path : {root, root + "/XAPIANDB", root + "/gen-1"}) {
    CAPTURE(path);
    cs::IndexStatus status;
    std::string error;
    REQUIRE(cs::read_index_status(path, status, error) == cs::StatusOutcome::kIndex);
    CHECK(status.documents == 2u);
    CHECK(status.schema_version == cs::schema::kSchemaVersion);
    CHECK_FALSE(status.lock_held);
    const nlohmann::ordered_json json = cs::status_json(status);
    CHECK(json["live_generation"] == "gen-1");
    CHECK(json["documents"] == 2);
    CHECK(json["schema_current"] == true);
    CHECK(json["remote"] == false);
  }
  cs::IndexStatus status;
  std::string error;
  REQUIRE(cs::read_index_status(root, status, error) == cs::StatusOutcome::kIndex);
  const nlohmann::ordered_json json = cs::status_json(status);
  CHECK(json["kind"] == "root");
  CHECK(json["live_database"] == root + "/gen-1");
  CHECK(json["generations"] == nlohmann::ordered_json::array({"gen-1", "gen-2"}));
  CHECK_THAT(cs::status_text(status), Catch::Contains("documents    2"));
}

TEST_CASE("status sees the indexer's lock", "[index_status]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  const int fd = ::open((fs::path(root) / cs::kIndexerLockName).c_str(), O_RDWR | O_CREAT, 0644);
  REQUIRE(fd >= 0);
  REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
  cs::IndexStatus status;
  std::string error;
  CHECK(cs::read_index_status(root, status, error) == cs::StatusOutcome::kIndex);
  CHECK(status.lock_held);
  ::close(fd);
  CHECK(cs::read_index_status(root, status, error) == cs::StatusOutcome::kIndex);
  CHECK_FALSE(status.lock_held);
}

TEST_CASE("status of a remote stub lists its shards without contacting them", "[index_status]") {
  cs::test::TempDir dir;
  write_file(fs::path(dir.path) / "shards.stub", "remote 127.0.0.1:1\nremote 127.0.0.1:2\n");
  cs::IndexStatus status;
  std::string error;
  REQUIRE(cs::read_index_status(dir.path + "/shards.stub", status, error) ==
          cs::StatusOutcome::kIndex);
  const nlohmann::ordered_json json = cs::status_json(status);
  CHECK(json["remote"] == true);
  CHECK(json["documents"].is_null());
  CHECK(json["shards"] == nlohmann::ordered_json::array({"127.0.0.1:1", "127.0.0.1:2"}));
}

TEST_CASE("no index, or one that cannot be read", "[index_status]") {
  cs::test::TempDir dir;
  const std::string root = make_root(dir.path);
  fs::create_directory(dir.path + "/empty");
  write_file(fs::path(dir.path) / "bad.stub", "auto gen-1\nbogus\n");
  write_file(fs::path(dir.path) / "dangling.stub", "auto gen-9\n");
  struct Case {
    std::string path;
    cs::StatusOutcome outcome;
    const char* message;
  };
  const Case cases[] = {
      {dir.path + "/missing", cs::StatusOutcome::kNoIndex, "no index at"},
      {dir.path + "/empty", cs::StatusOutcome::kNoIndex, "no XAPIANDB stub"},
      {dir.path + "/bad.stub", cs::StatusOutcome::kUnreadable, "unknown stub line"},
      {dir.path + "/dangling.stub", cs::StatusOutcome::kUnreadable, "cannot open"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.path);
    cs::IndexStatus status;
    std::string error;
    CHECK(cs::read_index_status(c.path, status, error) == c.outcome);
    CHECK_THAT(error, Catch::Contains(c.message));
  }
}
