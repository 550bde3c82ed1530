// Watches (saved searches) in a small SQLite database beside the index: the one piece of state
// the engine keeps that is not derived from the articles.
//
// The file is opened in WAL mode with a busy timeout, so searchd reads while a CLI writes, and
// its schema is versioned (PRAGMA user_version) and migrated forward on open, one step per
// version, in a transaction. A file of a newer version, a corrupt file or a locked one raises
// StateError with a message for the user; callers answer "watches unavailable" and keep
// searching.
//
// Thread-safety: a WatchStore is one SQLite connection; use one per thread (opening is cheap).
#ifndef CS_STATE_WATCH_STORE_H_
#define CS_STATE_WATCH_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;

namespace cs::state {

/// Version of the state database's schema (PRAGMA user_version) this build writes.
inline constexpr int kStateVersion = 2;

/// Longest watch name, in bytes.
inline constexpr std::size_t kMaxWatchName = 100;

/// Longest stored query string, in bytes.
inline constexpr std::size_t kMaxWatchQuery = 4096;

/// Any failure of the state database (unreadable, corrupt, locked, newer version).
class StateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One saved search.
struct Watch {
  std::int64_t id = 0;
  std::string name;
  std::string query;    ///< its /api/search parameters as a URL query string
  std::string created;  ///< stamp (core/arrival.h) of its creation
  std::string seen;     ///< the index's last run stamp at its last check: newer is new
  std::string checked;  ///< stamp of the wall-clock time of its last check ("" = never)
};

/// The watches of one state file.
class WatchStore {
 public:
  /// Opens (creating and migrating as needed) the state database at `path`. Throws StateError.
  static std::unique_ptr<WatchStore> open(const std::string& path);
  ~WatchStore();
  WatchStore(const WatchStore&) = delete;
  WatchStore& operator=(const WatchStore&) = delete;

  /// Every watch, by name (ASCII case ignored, as it is for uniqueness).
  std::vector<Watch> list();

  /// The watch with this id, or nullopt.
  std::optional<Watch> find(std::int64_t id);

  /// The watch with this name (ASCII case ignored), or nullopt.
  std::optional<Watch> find_by_name(std::string_view name);

  /// Adds a watch (its id is assigned). Throws StateError when the name is taken.
  Watch add(std::string_view name, std::string_view query, std::string_view created,
            std::string_view seen);

  /// Deletes the watch with this id; false when there is none.
  bool remove(std::int64_t id);

  /// Records a check: what the watch has now seen and when it looked. False when the watch
  /// is gone (deleted meanwhile).
  bool record_check(std::int64_t id, std::string_view seen, std::string_view checked);

  /// The schema version of an open store (always kStateVersion after open).
  int version();

 private:
  explicit WatchStore(sqlite3* db);
  sqlite3* db_;
};

/// "" when `name` may name a watch (1..kMaxWatchName bytes of valid UTF-8, no control
/// characters, not only spaces), else why not.
std::string watch_name_problem(std::string_view name);

/// Name of the state file in an index root.
inline constexpr const char* kStateFileName = "watches.sqlite";

/// The state file of the index at `index_path`: kStateFileName in its root (the folder, or the
/// stub file's folder). "" with `error` set when the path is a bare database, which has no
/// root to keep state in (give a state file explicitly), or names nothing.
std::string default_state_path(const std::string& index_path, std::string& error);

}  // namespace cs::state

#endif  // CS_STATE_WATCH_STORE_H_
