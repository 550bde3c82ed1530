#include "indexer/spelling_export.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/index_layout.h"
#include "core/schema.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

// "" when `out_dir` may be (re)written: it does not exist, or it is an earlier export (only
// such a folder is ever replaced).
std::string check_replaceable(const fs::path& out_dir) {
  std::error_code ec;
  if (!fs::exists(out_dir, ec)) return {};
  try {
    if (!Xapian::Database(out_dir.string())
             .get_metadata(std::string(schema::kMetaSpellingExport))
             .empty())
      return {};
  } catch (const Xapian::Error&) {
  }
  return out_dir.string() + " exists and is not a spelling export; give a new folder";
}

}  // namespace

std::string export_spelling(const std::string& index_path, const std::string& out_dir,
                            std::size_t& words) {
  words = 0;
  IndexLocation location;
  std::string error;
  if (!read_index_location(index_path, location, error)) return error;
  if (location.remote) {
    return index_path +
           " names remote shards, whose spelling Xapian cannot read: export on "
           "the shard's own machine";
  }
  const fs::path out = fs::absolute(out_dir).lexically_normal();
  if (std::string refusal = check_replaceable(out); !refusal.empty()) return refusal;
  const fs::path fresh = out.parent_path() / (out.filename().string() + ".new");
  std::error_code ec;
  fs::remove_all(fresh, ec);  // a killed export's leftover
  try {
    const Xapian::Database source(location.open_path);
    if (source.spellings_begin() == source.spellings_end()) {
      return index_path + " has no spelling table";
    }
    Xapian::WritableDatabase db(fresh.string(), Xapian::DB_CREATE);
    for (auto it = source.spellings_begin(); it != source.spellings_end(); ++it) {
      db.add_spelling(*it, it.get_termfreq());
      ++words;
    }
    for (std::string_view key : {schema::kMetaSchemaVersion, schema::kMetaGazetteer}) {
      db.set_metadata(std::string(key), source.get_metadata(std::string(key)));
    }
    db.set_metadata(std::string(schema::kMetaSpellingExport), fs::absolute(index_path).string());
    db.commit();
    db.close();
  } catch (const Xapian::Error& e) {
    fs::remove_all(fresh, ec);
    return "cannot export the spelling of " + index_path + ": " + e.get_description();
  }
  // Swap the new export in at once, then drop the old one (a reader that has it open keeps it).
  const bool existed = fs::exists(out, ec);
  const int renamed =
      existed ? ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE)
              : ::rename(fresh.c_str(), out.c_str());
  if (renamed != 0) {
    const std::string why = std::strerror(errno);
    fs::remove_all(fresh, ec);
    return "cannot move the export into " + out.string() + ": " + why;
  }
  if (existed) fs::remove_all(fresh, ec);
  return {};
}

}  // namespace cs
