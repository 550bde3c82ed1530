#include "indexer/pipeline.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "core/gazetteer.h"
#include "core/generations.h"
#include "core/index_layout.h"
#include "core/schema.h"
#include "indexer/extract.h"
#include "indexer/incremental.h"
#include "indexer/index_writer.h"
#include "indexer/input_files.h"
#include "indexer/manifest.h"
#include "indexer/parallel_indexer.h"
#include "indexer/shard_writers.h"

namespace cs {

namespace {

namespace fs = std::filesystem;

// Writer threads of a fresh generation (shard_writers.h): the writer is the bottleneck, and
// two halves written in parallel then compacted beat one writer (TECH-NOTES "Writing").
constexpr unsigned kWriterShards = 2;

// An exclusive lock on the index root, released on destruction.
class RootLock {
 public:
  explicit RootLock(const fs::path& root)
      : fd_(::open((root / kIndexerLockName).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    locked_ = fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
  }
  ~RootLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  RootLock(const RootLock&) = delete;
  RootLock& operator=(const RootLock&) = delete;
  bool locked() const { return locked_; }

 private:
  int fd_;
  bool locked_ = false;
};

void add_skip(IndexSummary& summary, const std::string& where, const std::string& reason) {
  ++summary.skipped[reason];
  summary.warnings.push_back(where + ": " + reason);
}

// The first `name` file directly inside an input folder, or "".
std::string find_in_inputs(const IndexOptions& options, const char* name) {
  for (const std::string& input : options.inputs) {
    std::error_code ec;
    const fs::path candidate = fs::path(input) / name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
  }
  return {};
}

// The manifest files the run reads (for the file stamps' context).
std::vector<std::string> manifest_files(const IndexOptions& options) {
  if (!options.manifest.empty()) return {options.manifest};
  std::vector<std::string> found;
  for (const std::string& input : options.inputs) {
    std::error_code ec;
    const fs::path candidate = fs::path(input) / "manifest.tsv";
    if (fs::is_regular_file(candidate, ec)) found.push_back(candidate.string());
  }
  return found;
}

// Opens the new generation: a copy of `live_path` when given, else a fresh one.
Xapian::WritableDatabase open_generation(const fs::path& gen_path,
                                         const std::optional<std::string>& live_path) {
  if (live_path) {
    // A plain file copy: several times faster than compacting, and the live generation is
    // never written to, so its files are a consistent database (README "Reindexing").
    fs::create_directory(gen_path);
    for (const auto& entry : fs::directory_iterator(*live_path)) {
      if (entry.is_regular_file() && entry.path().filename() != kXapianLockName) {
        fs::copy_file(entry.path(), gen_path / entry.path().filename());
      }
    }
    return Xapian::WritableDatabase(gen_path.string(), Xapian::DB_OPEN);
  }
  return Xapian::WritableDatabase(gen_path.string(), Xapian::DB_CREATE);
}

// Builds the generation at `gen_path`; returns "" or an error message.
std::string build_generation(const IndexOptions& options, const fs::path& gen_path,
                             const std::optional<std::string>& live_path,
                             const ProgressFn& progress, IndexSummary& summary) {
  std::string error;
  const auto gazetteer = load_gazetteer(options, live_path, summary, error);
  if (!gazetteer) return error;
  const auto manifest = load_manifest(options, summary, error);
  if (!manifest) return error;
  std::vector<std::string> problems;
  const std::vector<InputFile> files = list_input_files(options.inputs, problems);
  for (const std::string& p : problems) add_skip(summary, p, "unusable input");
  summary.files = files.size();
  summary.incremental = live_path && !options.full;
  // A fresh generation is written by shard threads; `db` then only collects the metadata.
  std::optional<ShardWriters> shards;
  if (!summary.incremental) shards.emplace(gen_path.string(), kWriterShards);
  const fs::path db_path = shards ? gen_path / "meta" : gen_path;
  Xapian::WritableDatabase db =
      open_generation(db_path, summary.incremental ? live_path : std::nullopt);
  IndexWriter writer(db, shards ? &*shards : nullptr);
  const Extractor extractor(gazetteer);
  FileStamps stamps(db, stamp_context(manifest_files(options), gazetteer->to_tsv()));
  std::vector<InputFile> changed;
  std::set<std::string> listed;
  std::set<std::string> reread;
  for (const InputFile& file : files) {
    listed.insert(file.path);
    if (stamps.unchanged(file)) {
      summary.unchanged += documents_from(db, file.path);
      continue;
    }
    stamps.record(file);
    changed.push_back(file);
    if (file.format == InputFormat::kJsonLines) reread.insert(file.path);
  }
  index_files(changed, *manifest, extractor, writer, options.threads, progress, summary);
  if (summary.incremental) {
    summary.removed =
        remove_vanished(db, options.inputs, stamps, listed, reread, writer.ids_written());
  }
  stamps.save(db, listed);
  writer.finish(*gazetteer);
  db.close();
  if (shards) shards->merge_into(db_path.string(), gen_path.string());
  const Xapian::Database check(gen_path.string());
  summary.documents = check.get_doccount();
  return schema::check_schema_version(check);
}

// Returns "" when `root` can hold generations (creating it), else a message.
std::string prepare_root(const fs::path& root) {
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return "cannot create index folder " + root.string() + ": " + ec.message();
  if (fs::exists(root / "iamglass", ec) || fs::exists(root / "iamchert", ec)) {
    return root.string() + " is a single Xapian database, not an index root; use a new folder";
  }
  return {};
}

// Records the run time in `summary` and passes `error` through.
std::string finish_timing(std::chrono::steady_clock::time_point start, IndexSummary& summary,
                          std::string error = {}) {
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return error;
}

}  // namespace

// The gazetteer from --gazetteer, else `gazetteer.tsv` in an input folder, else the one stored
// in the live generation (also for a full rebuild, so entities survive it), else none.
std::shared_ptr<const Gazetteer> load_gazetteer(const IndexOptions& options,
                                                const std::optional<std::string>& live_path,
                                                IndexSummary& summary, std::string& error) {
  std::string path = options.gazetteer;
  if (path.empty()) path = find_in_inputs(options, "gazetteer.tsv");
  if (!path.empty()) {
    auto g = Gazetteer::load_file(path, error, summary.warnings);
    return g ? std::make_shared<const Gazetteer>(std::move(*g)) : nullptr;
  }
  if (live_path) {
    const Xapian::Database live(*live_path);
    const std::string tsv = live.get_metadata(std::string(schema::kMetaGazetteer));
    if (!tsv.empty()) {
      return std::make_shared<const Gazetteer>(Gazetteer::parse_tsv(tsv, summary.warnings));
    }
  }
  return std::make_shared<const Gazetteer>();
}

// The manifest from --manifest, else the union of `manifest.tsv` files in the input folders.
std::optional<Manifest> load_manifest(const IndexOptions& options, IndexSummary& summary,
                                      std::string& error) {
  if (!options.manifest.empty())
    return Manifest::load_file(options.manifest, error, summary.warnings);
  Manifest merged;
  for (const std::string& input : options.inputs) {
    const fs::path candidate = fs::path(input) / "manifest.tsv";
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) continue;
    auto m = Manifest::load_file(candidate.string(), error, summary.warnings);
    if (!m) return std::nullopt;
    merged.merge(*m);
  }
  return merged;
}

std::string run_indexing(const IndexOptions& options, const ProgressFn& progress,
                         IndexSummary& summary) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path root(options.out);
  if (std::string e = prepare_root(root); !e.empty()) return e;
  const RootLock lock(root);
  if (!lock.locked()) return "another corpus-index is writing to " + root.string();
  clean_abandoned(root.string());
  std::optional<std::string> live_path;
  if (const auto live = generations::live_generation(root.string()); live) {
    live_path = (root / *live).string();
  }
  summary.generation = generations::next_generation(root.string());
  const fs::path gen_path = root / summary.generation;
  std::string error;
  try {
    error = build_generation(options, gen_path, live_path, progress, summary);
  } catch (const Xapian::Error& e) {
    error = "index error: " + e.get_description();
  } catch (const std::exception& e) {
    error = std::string("index error: ") + e.what();
  }
  if (error.empty() && summary.incremental &&
      summary.added + summary.updated + summary.removed == 0) {
    std::error_code ec;
    fs::remove_all(gen_path, ec);
    summary.generation = generations::live_generation(root.string()).value_or("");
    return finish_timing(start, summary);
  }
  summary.written = error.empty();
  if (error.empty() && options.publish) {
    error = generations::publish(root.string(), summary.generation);
    summary.published = error.empty();
    if (summary.published) generations::prune(root.string(), options.keep_generations);
  }
  if (!error.empty()) {
    std::error_code ec;
    fs::remove_all(gen_path, ec);
  }
  return finish_timing(start, summary, error);
}

}  // namespace cs
