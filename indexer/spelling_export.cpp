#include "indexer/spelling_export.h"

#include <fcntl.h>
#include <stdio.h>
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/index_layout.h"
#include "core/schema.h"

namespace cs {

namespace fs = std::filesystem;

namespace {

// "" when `out` may be (re)written: it does not exist, or it is an earlier export: a plain
// database folder (no stub) marked as one. Nothing else is ever replaced.
std::string check_replaceable(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) return {};
  const std::string refusal =
      out.string() + " exists and is not a spelling export; give a new folder";
  if (!fs::is_directory(out, ec) || !fs::exists(out / "iamglass", ec) ||
      fs::exists(out / kStubName, ec)) {
    return refusal;
  }
  try {
    const Xapian::Database db(out.string());
    if (!db.get_metadata(std::string(schema::kMetaSpellingExport)).empty()) return {};
  } catch (const Xapian::Error&) {
  }
  return refusal;
}

// Copies the spelling table (and the metadata readers check) of `source` into a new database
// at `path`; returns the number of words.
std::size_t write_export(const Xapian::Database& source, const std::string& source_path,
                         const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  std::size_t words = 0;
  for (auto it = source.spellings_begin(); it != source.spellings_end(); ++it) {
    db.add_spelling(*it, it.get_termfreq());
    ++words;
  }
  for (std::string_view key : {schema::kMetaSchemaVersion, schema::kMetaGazetteer}) {
    db.set_metadata(std::string(key), source.get_metadata(std::string(key)));
  }
  db.set_metadata(std::string(schema::kMetaSpellingExport), source_path);
  db.commit();
  db.close();
  return words;
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
  fs::path out = fs::absolute(out_dir).lexically_normal();
  if (!out.has_filename()) out = out.parent_path();  // "var/spelling/"
  if (out == out.root_path() || out.filename() == "." || out.filename() == "..") {
    return "'" + out_dir + "' cannot hold a spelling export; give a new folder";
  }
  if (std::string refusal = check_replaceable(out); !refusal.empty()) return refusal;
  // The new export is written beside the old one under a name of its own, then swapped in.
  std::string fresh_name = (out.parent_path() / (out.filename().string() + ".new-XXXXXX"));
  if (::mkdtemp(fresh_name.data()) == nullptr) {
    return "cannot create a folder beside " + out.string() + ": " + std::strerror(errno);
  }
  const fs::path fresh(fresh_name);
  std::error_code ec;
  try {
    const Xapian::Database source(location.open_path);
    if (source.spellings_begin() == source.spellings_end()) {
      fs::remove_all(fresh, ec);
      return index_path + " has no spelling table";
    }
    words = write_export(source, fs::absolute(index_path).string(), fresh.string());
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
