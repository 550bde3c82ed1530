#include "indexer/index_status.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <charconv>
#include <filesystem>
#include <sstream>

#include "core/generations.h"
#include "core/schema.h"

namespace cs {

namespace {

namespace fs = std::filesystem;

// True when another process holds the indexer's lock in `folder`. The probe takes a shared
// lock for an instant, so it never blocks and never creates the lock file.
bool indexer_lock_held(const fs::path& folder) {
  const int fd = ::open((folder / kIndexerLockName).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
  ::close(fd);
  return held;
}

std::optional<int> stored_schema_version(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(std::string(schema::kMetaSchemaVersion));
  int version = 0;
  const auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), version);
  if (stored.empty() || ec != std::errc() || end != stored.data() + stored.size()) {
    return std::nullopt;
  }
  return version;
}

const char* kind_name(IndexPathKind kind) {
  switch (kind) {
    case IndexPathKind::kRoot:
      return "root";
    case IndexPathKind::kStub:
      return "stub";
    case IndexPathKind::kDatabase:
      break;
  }
  return "database";
}

std::vector<std::string> remote_shards(const IndexLocation& location) {
  std::vector<std::string> shards;
  for (const StubLine& line : location.stub) {
    if (line.kind != StubLine::Kind::kLocal) shards.push_back(line.target);
  }
  return shards;
}

}  // namespace

StatusOutcome read_index_status(const std::string& path, IndexStatus& status, std::string& error) {
  status = IndexStatus{};
  status.path = path;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    error = "no index at " + path + " (nothing there; build one with corpus-index --out " + path +
            " INPUT...)";
    return StatusOutcome::kNoIndex;
  }
  if (!read_index_location(path, status.location, error)) return StatusOutcome::kUnreadable;
  const IndexLocation& location = status.location;
  if (location.kind == IndexPathKind::kRoot)
    status.generations = generations::list_generations(path);
  if (location.kind != IndexPathKind::kDatabase) {
    status.lock_held = indexer_lock_held(fs::path(location.open_path).parent_path());
  }
  if (location.remote) return StatusOutcome::kIndex;
  try {
    const Xapian::Database db(location.open_path);
    status.documents = db.get_doccount();
    status.schema_version = stored_schema_version(db);
    status.last_added = db.get_metadata(std::string(schema::kMetaLastAdded));
  } catch (const Xapian::DatabaseNotFoundError& e) {
    if (location.kind != IndexPathKind::kDatabase) {
      error = "cannot open the index at " + path + ": " + e.get_msg();
      return StatusOutcome::kUnreadable;
    }
    error = "no index at " + path + " (no " + kStubName +
            " stub and no Xapian database; build one with corpus-index --out " + path +
            " INPUT...)";
    return StatusOutcome::kNoIndex;
  } catch (const Xapian::Error& e) {
    error = "cannot open the index at " + path + ": " + e.get_msg();
    return StatusOutcome::kUnreadable;
  }
  return StatusOutcome::kIndex;
}

nlohmann::ordered_json status_json(const IndexStatus& status) {
  const IndexLocation& location = status.location;
  nlohmann::ordered_json json = {
      {"root", status.path},
      {"kind", kind_name(location.kind)},
      {"live_generation", location.generation},
      {"live_database", nullptr},
      {"generations", status.generations},
      {"documents", nullptr},
      {"schema_version", nullptr},
      {"schema_current", status.schema_version == schema::kSchemaVersion},
      {"last_added", nullptr},
      {"remote", location.remote},
      {"shards", remote_shards(location)},
      {"lock_held", status.lock_held},
  };
  if (!location.database.empty()) json["live_database"] = location.database;
  if (status.documents) json["documents"] = *status.documents;
  if (status.schema_version) json["schema_version"] = *status.schema_version;
  if (!status.last_added.empty()) json["last_added"] = status.last_added;
  return json;
}

std::string status_text(const IndexStatus& status) {
  const IndexLocation& location = status.location;
  std::ostringstream out;
  out << "index        " << status.path << " (" << kind_name(location.kind) << ")\n";
  out << "live         " << location.generation;
  if (!location.database.empty()) out << " (" << location.database << ")";
  out << "\n";
  if (location.kind == IndexPathKind::kRoot) {
    out << "generations ";
    for (const std::string& name : status.generations) out << " " << name;
    out << "\n";
  }
  if (location.remote) {
    out << "remote      ";
    for (const std::string& shard : remote_shards(location)) out << " " << shard;
    out << "\n";
  } else {
    out << "documents    " << status.documents.value_or(0) << "\n";
    out << "schema       ";
    if (status.schema_version) {
      out << "version " << *status.schema_version
          << (*status.schema_version == schema::kSchemaVersion ? " (current)"
                                                               : " (outdated: reindex)");
    } else {
      out << "none (not built by corpus-index?)";
    }
    out << "\n";
  }
  out << "lock         " << (status.lock_held ? "held (a corpus-index run is writing)" : "free")
      << "\n";
  return out.str();
}

}  // namespace cs
