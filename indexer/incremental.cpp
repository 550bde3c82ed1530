#include "indexer/incremental.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/generations.h"
#include "core/hash.h"
#include "core/index_layout.h"
#include "core/schema.h"

namespace cs {

namespace {

namespace fs = std::filesystem;
namespace sc = cs::schema;

constexpr std::string_view kMetaStampPrefix = "cs:stamp:";
constexpr std::string_view kMetaStampContext = "cs:stamp-context";

// "<size>:<mtime ns>:<inode>" of `path`, or "" when it cannot be stat()ed.
std::string stamp_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  const auto mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL +
                        static_cast<long long>(st.st_mtim.tv_nsec);
  return std::to_string(st.st_size) + ":" + std::to_string(mtime_ns) + ":" +
         std::to_string(st.st_ino);
}

std::string path_term(const std::string& path) {
  return sc::make_term(sc::kPrefixPath, hex64(stable_hash64(path)));
}

fs::path normal_absolute(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal();
}

// True when `path` lies inside one of `folders` (absolute, normalised).
bool under_any(const std::string& path, const std::vector<fs::path>& folders) {
  const fs::path p = normal_absolute(path);
  for (const fs::path& folder : folders) {
    const fs::path rel = p.lexically_relative(folder);
    if (!rel.empty() && *rel.begin() != ".." && rel != ".") return true;
  }
  return false;
}

// The id term of document `docid` ("" if it has none).
std::string id_term_of(const Xapian::Database& db, Xapian::docid docid) {
  Xapian::TermIterator t = db.termlist_begin(docid);
  t.skip_to(std::string(sc::kPrefixId));
  if (t == db.termlist_end(docid) || !(*t).starts_with(sc::kPrefixId)) return {};
  return *t;
}

}  // namespace

Xapian::doccount documents_from(const Xapian::Database& db, const std::string& path) {
  return db.get_termfreq(path_term(path));
}

FileStamps::FileStamps(const Xapian::Database& db, std::string context)
    : context_(std::move(context)) {
  context_matches_ = db.get_metadata(std::string(kMetaStampContext)) == context_;
  const std::string prefix(kMetaStampPrefix);
  for (auto k = db.metadata_keys_begin(prefix); k != db.metadata_keys_end(prefix); ++k) {
    stored_.emplace((*k).substr(prefix.size()), db.get_metadata(*k));
  }
}

bool FileStamps::unchanged(const InputFile& file) const {
  if (!context_matches_) return false;
  const auto it = stored_.find(file.path);
  return it != stored_.end() && it->second == stamp_of(file.path);
}

std::vector<std::string> FileStamps::known_paths() const {
  std::vector<std::string> paths;
  for (const auto& [path, stamp] : stored_) paths.push_back(path);
  return paths;
}

void FileStamps::record(const InputFile& file) { recorded_[file.path] = stamp_of(file.path); }

void FileStamps::save(Xapian::WritableDatabase& db, const std::set<std::string>& present) const {
  const std::string prefix(kMetaStampPrefix);
  for (const auto& [path, stamp] : stored_) {
    if (!present.contains(path) && documents_from(db, path) == 0) {
      db.set_metadata(prefix + path, "");
    }
  }
  for (const auto& [path, stamp] : recorded_) {
    if (!stamp.empty()) db.set_metadata(prefix + path, stamp);
  }
  db.set_metadata(std::string(kMetaStampContext), context_);
}

std::string stamp_context(const std::vector<std::string>& manifest_files,
                          const std::string& gazetteer_tsv) {
  std::string all = std::to_string(sc::kSchemaVersion) + "\n";
  for (const std::string& path : manifest_files) {
    std::ifstream in(path, std::ios::binary);
    all += path + "\n";
    all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  all += gazetteer_tsv;
  return hex64(stable_hash64(all));
}

std::size_t remove_vanished(Xapian::WritableDatabase& db, const std::vector<std::string>& inputs,
                            const FileStamps& stamps, const std::set<std::string>& listed,
                            const std::set<std::string>& reread,
                            const std::set<std::string>& written) {
  std::vector<fs::path> folders;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) folders.push_back(normal_absolute(input));
  }
  std::set<std::string> written_terms;
  for (const std::string& id : written) written_terms.insert(sc::id_term(id));
  std::set<Xapian::docid> doomed;
  for (const std::string& path : stamps.known_paths()) {
    if (listed.contains(path) || !under_any(path, folders)) continue;
    const std::string term = path_term(path);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      // An id written this run has moved to another file (its document no longer holds this
      // path), unless it was only kept (IndexWriter::keep): then its old version stays.
      if (!written_terms.contains(id_term_of(db, *p))) doomed.insert(*p);
    }
  }
  for (const std::string& path : reread) {
    const std::string term = path_term(path);
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      if (!written_terms.contains(id_term_of(db, *p))) doomed.insert(*p);
    }
  }
  for (Xapian::docid docid : doomed) db.delete_document(docid);
  return doomed.size();
}

std::vector<std::string> clean_abandoned(const std::string& root) {
  std::vector<std::string> removed;
  const auto live = generations::live_generation(root);
  const std::vector<std::string> all = generations::list_generations(root);
  bool after_live = !live;
  for (const std::string& name : all) {
    if (live && name == *live) {
      after_live = true;
      continue;
    }
    if (!after_live) continue;
    std::error_code ec;
    fs::remove_all(fs::path(root) / name, ec);
    if (!ec) removed.push_back(name);
  }
  std::error_code ec;
  const std::string tmp_prefix = std::string(kStubName) + ".tmp.";
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(tmp_prefix) && fs::remove(entry.path(), ec)) removed.push_back(name);
  }
  return removed;
}

std::string publish_generation(const std::string& root, const std::string& generation,
                               std::size_t keep) {
  const std::vector<std::string> all = generations::list_generations(root);
  if (std::find(all.begin(), all.end(), generation) == all.end()) {
    return "no generation " + generation + " in " + root;
  }
  try {
    const Xapian::Database db((fs::path(root) / generation).string());
    if (std::string e = sc::check_schema_version(db); !e.empty()) return generation + ": " + e;
  } catch (const Xapian::Error& e) {
    return "cannot open " + generation + ": " + e.get_description();
  }
  if (std::string e = generations::publish(root, generation); !e.empty()) return e;
  generations::prune(root, keep);
  return {};
}

}  // namespace cs
