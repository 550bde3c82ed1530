#include "state/watch_store.h"

#include <sqlite3.h>

#include <filesystem>

#include "core/index_layout.h"
#include "core/normalize.h"

namespace cs::state {

namespace {

// Schema steps: migration i takes a database of version i to version i + 1. Never edit a
// step that has shipped; add one.
constexpr const char* kMigrations[] = {
    // 0 -> 1: the watches and their parameters.
    "CREATE TABLE watches (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, "
    "query TEXT NOT NULL, created TEXT NOT NULL)",
    // 1 -> 2: what each watch has seen, so checks report only what is new.
    "ALTER TABLE watches ADD COLUMN seen TEXT NOT NULL DEFAULT '';"
    "ALTER TABLE watches ADD COLUMN checked TEXT NOT NULL DEFAULT ''",
};
static_assert(std::size(kMigrations) == kStateVersion);

constexpr int kBusyTimeoutMs = 2000;

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  std::string message = "state database: " + std::string(what);
  if (db != nullptr) message += ": " + std::string(sqlite3_errmsg(db));
  throw StateError(message);
}

void exec(sqlite3* db, const char* sql, std::string_view what) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, what);
}

// A prepared statement, finalised on scope exit.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail(db, "prepare");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  // True while a row is there; throws on an error.
  bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc == SQLITE_CONSTRAINT ? "constraint" : "query");
  }
  std::string text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p == nullptr ? std::string() : reinterpret_cast<const char*>(p);
  }
  std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

constexpr const char* kColumns = "SELECT id, name, query, created, seen, checked FROM watches";

Watch watch_of(const Statement& row) {
  return {row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

int user_version(sqlite3* db) {
  Statement version(db, "PRAGMA user_version");
  return version.step() ? static_cast<int>(version.integer(0)) : 0;
}

// Refuses a database of a newer schema version, before anything is written to it.
void check_not_newer(sqlite3* db) {
  const int version = user_version(db);
  if (version > kStateVersion) {
    throw StateError("state database: version " + std::to_string(version) +
                     " is newer than this build's " + std::to_string(kStateVersion) +
                     " (written by a newer corpus-search?)");
  }
}

// Brings the schema to kStateVersion, each step in a transaction of its own.
void migrate(sqlite3* db) {
  check_not_newer(db);
  for (int version = user_version(db); version < kStateVersion; ++version) {
    exec(db, "BEGIN IMMEDIATE", "begin migration");
    try {
      if (user_version(db) == version) {  // not migrated meanwhile by another process
        exec(db, kMigrations[version], "migrate");
        exec(db, ("PRAGMA user_version = " + std::to_string(version + 1)).c_str(), "migrate");
      }
      exec(db, "COMMIT", "commit migration");
    } catch (const StateError&) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw;
    }
  }
}

}  // namespace

std::unique_ptr<WatchStore> WatchStore::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<WatchStore> store(new WatchStore(db));  // closes db on any failure below
  if (rc != SQLITE_OK) fail(db, "cannot open " + path);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  check_not_newer(db);
  exec(db, "PRAGMA journal_mode = WAL", "cannot read " + path);
  migrate(db);
  return store;
}

WatchStore::WatchStore(sqlite3* db) : db_(db) {}

WatchStore::~WatchStore() { sqlite3_close_v2(db_); }

std::vector<Watch> WatchStore::list() {
  Statement rows(db_, (std::string(kColumns) + " ORDER BY name").c_str());
  std::vector<Watch> watches;
  while (rows.step()) watches.push_back(watch_of(rows));
  return watches;
}

std::optional<Watch> WatchStore::find(std::int64_t id) {
  Statement row(db_, (std::string(kColumns) + " WHERE id = ?").c_str());
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return watch_of(row);
}

std::optional<Watch> WatchStore::find_by_name(std::string_view name) {
  Statement row(db_, (std::string(kColumns) + " WHERE name = ?").c_str());
  row.bind(1, name);
  if (!row.step()) return std::nullopt;
  return watch_of(row);
}

Watch WatchStore::add(std::string_view name, std::string_view query, std::string_view created,
                      std::string_view seen) {
  if (find_by_name(name)) {
    throw StateError("a watch named '" + std::string(name) + "' already exists");
  }
  Statement insert(db_, "INSERT INTO watches (name, query, created, seen) VALUES (?, ?, ?, ?)");
  try {
    insert.bind(1, name).bind(2, query).bind(3, created).bind(4, seen).step();
  } catch (const StateError&) {
    // Another process added the name between the look-up and the insert.
    if (find_by_name(name)) {
      throw StateError("a watch named '" + std::string(name) + "' already exists");
    }
    throw;
  }
  const auto added = find(sqlite3_last_insert_rowid(db_));
  if (!added) throw StateError("state database: the new watch vanished");
  return *added;
}

bool WatchStore::remove(std::int64_t id) {
  Statement del(db_, "DELETE FROM watches WHERE id = ?");
  del.bind(1, id).step();
  return sqlite3_changes(db_) > 0;
}

bool WatchStore::record_check(std::int64_t id, std::string_view seen, std::string_view checked) {
  Statement update(db_, "UPDATE watches SET seen = ?, checked = ? WHERE id = ?");
  update.bind(1, seen).bind(2, checked).bind(3, id).step();
  return sqlite3_changes(db_) > 0;
}

int WatchStore::version() { return user_version(db_); }

std::string watch_name_problem(std::string_view name) {
  if (name.empty()) return "the name is empty";
  if (name.size() > kMaxWatchName) {
    return "the name is longer than " + std::to_string(kMaxWatchName) + " bytes";
  }
  if (!is_valid_utf8(name)) return "the name is not valid UTF-8";
  bool blank = true;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) return "the name has a control character";
    if (c != ' ') blank = false;
  }
  if (blank) return "the name is only spaces";
  if (name.front() == '-')
    return "the name starts with '-' (taken for an option on a command line)";
  return {};
}

std::string default_state_path(const std::string& index_path, std::string& error) {
  IndexLocation location;
  if (!read_index_location(index_path, location, error)) return {};
  const std::filesystem::path path(index_path);
  switch (location.kind) {
    case IndexPathKind::kRoot:
      return (path / kStateFileName).string();
    case IndexPathKind::kStub:
      return (path.parent_path() / kStateFileName).string();
    case IndexPathKind::kDatabase:
      break;
  }
  error = index_path +
          " is a database folder, not an index root: name a state file for the "
          "watches (--state FILE)";
  return {};
}

}  // namespace cs::state
