#include "indexer/pipeline.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>

#include "core/arrival.h"
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

// What a run reads besides the articles: the gazetteer, the manifest and the input files.
struct RunInputs {
  std::shared_ptr<const Gazetteer> gazetteer;
  Gazetteer user_gazetteer;  ///< its users' part, stored for later runs
  Manifest manifest;
  std::vector<InputFile> files;
};

// Loads the run's inputs; returns "" or an error message.
std::string load_inputs(const IndexOptions& options, const std::optional<std::string>& live_path,
                        RunInputs& inputs, IndexSummary& summary) {
  std::string error;
  inputs.gazetteer = load_gazetteer(options, live_path, summary, error, &inputs.user_gazetteer);
  if (!inputs.gazetteer) return error;
  auto manifest = load_manifest(options, summary, error);
  if (!manifest) return error;
  inputs.manifest = std::move(*manifest);
  std::vector<std::string> problems;
  inputs.files = list_input_files(options.inputs, problems);
  for (const std::string& p : problems) add_skip(summary, p, "unusable input");
  summary.files = inputs.files.size();
  return {};
}

// The arrivals of a run whose previous state is `previous` (none: a first run): its stamp
// follows the last one stored there.
Arrivals run_arrivals(const Xapian::Database* previous) {
  std::string last;
  if (previous != nullptr) last = previous->get_metadata(std::string(schema::kMetaLastAdded));
  return {previous, next_run_stamp(std::time(nullptr), last)};
}

// The peer shards of options.peers as one read-only database (nullopt when there are none);
// sets `error` when one cannot be opened.
std::optional<Xapian::Database> open_peers(const IndexOptions& options, std::string& error) {
  if (options.peers.empty()) return std::nullopt;
  Xapian::Database peers;
  for (const std::string& path : options.peers) {
    IndexLocation location;
    std::string why;
    if (!read_index_location(path, location, why)) {
      error = "peer shard: " + why;
      return std::nullopt;
    }
    try {
      peers.add_database(Xapian::Database(location.open_path));
    } catch (const Xapian::Error& e) {
      error = "cannot open peer shard " + path + ": " + e.get_description();
      return std::nullopt;
    }
  }
  return peers;
}

// Writes the run's changes through `writer` into `db` (not committed): the articles of new and
// changed files and, when `incremental`, the deletion of vanished files and records; then the
// file stamps, spelling words and metadata.
void write_changes(const IndexOptions& options, const RunInputs& inputs, bool incremental,
                   Xapian::WritableDatabase& db, IndexWriter& writer, const ProgressFn& progress,
                   IndexSummary& summary) {
  const Extractor extractor(inputs.gazetteer);
  FileStamps stamps(db, stamp_context(manifest_files(options), inputs.gazetteer->to_tsv()));
  std::vector<InputFile> changed;
  std::set<std::string> listed;
  std::set<std::string> reread;
  for (const InputFile& file : inputs.files) {
    listed.insert(file.path);
    if (stamps.unchanged(file)) {
      summary.unchanged += documents_from(db, file.path);
      continue;
    }
    stamps.record(file);
    changed.push_back(file);
    if (file.format == InputFormat::kJsonLines) reread.insert(file.path);
  }
  for (const std::string& path : index_files(changed, inputs.manifest, extractor, writer,
                                             options.threads, progress, summary)) {
    stamps.forget(path);  // an article of it failed: read the file again next run
  }
  if (incremental) {
    summary.removed =
        remove_vanished(db, options.inputs, stamps, listed, reread, writer.ids_written());
  }
  stamps.save(db, listed);
  writer.finish(*inputs.gazetteer, inputs.user_gazetteer);
}

// "" when a run may leave `after` documents where there were `before`; otherwise why not (more
// than half would go: usually a folder that is missing, not an archive that shrank).
std::string shrink_refusal(const IndexOptions& options, Xapian::doccount before,
                           Xapian::doccount after) {
  if (options.allow_shrink || static_cast<std::uint64_t>(after) * 2 >= before) return {};
  return "the run would leave " + std::to_string(after) + " documents of the live " +
         std::to_string(before) +
         ", under half (a missing folder?); nothing was written. Rerun with --allow-shrink if "
         "intended";
}

// Builds a fresh generation at `gen_path`; returns "" or an error message.
std::string build_generation(const IndexOptions& options, const fs::path& gen_path,
                             const std::optional<std::string>& live_path,
                             const ProgressFn& progress, IndexSummary& summary) {
  RunInputs inputs;
  if (std::string error = load_inputs(options, live_path, inputs, summary); !error.empty()) {
    return error;
  }
  std::string peer_error;
  const std::optional<Xapian::Database> peers = open_peers(options, peer_error);
  if (!peer_error.empty()) return peer_error;
  // The shard threads write the documents; `db` only collects the metadata.
  ShardWriters shards(gen_path.string(), kWriterShards);
  const fs::path db_path = gen_path / "meta";
  {
    // Articles already live keep their "added" stamp across the rebuild.
    std::optional<Xapian::Database> live;
    if (live_path) live.emplace(*live_path);
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE);
    IndexWriter writer(db, run_arrivals(live ? &*live : nullptr), &shards,
                       peers ? &*peers : nullptr);
    write_changes(options, inputs, false, db, writer, progress, summary);
    db.commit();
  }
  shards.merge_into(db_path.string(), gen_path.string());
  const Xapian::Database check(gen_path.string());
  summary.documents = check.get_doccount();
  if (std::string error = schema::check_schema_version(check); !error.empty()) return error;
  if (!live_path) return {};
  return shrink_refusal(options, Xapian::Database(*live_path).get_doccount(), summary.documents);
}

// Applies an incremental run to the live database at `live_path` in one Xapian transaction:
// readers see the revision before the run until commit_transaction(), then all of it at once;
// a run killed before that leaves the last committed revision (TECH-NOTES "In-place updates").
// A run that would shrink the index too much, or that changes nothing, is cancelled.
std::string update_in_place(const IndexOptions& options, const std::string& live_path,
                            const ProgressFn& progress, IndexSummary& summary) {
  if (std::string error = schema::check_schema_version(Xapian::Database(live_path));
      !error.empty()) {
    return "cannot update the live index in place: " + error + " (--full rebuilds it)";
  }
  RunInputs inputs;
  if (std::string error = load_inputs(options, live_path, inputs, summary); !error.empty()) {
    return error;
  }
  std::string peer_error;
  const std::optional<Xapian::Database> peers = open_peers(options, peer_error);
  if (!peer_error.empty()) return peer_error;
  Xapian::WritableDatabase db(live_path, Xapian::DB_OPEN);
  const Xapian::doccount before = db.get_doccount();
  db.begin_transaction();
  IndexWriter writer(db, run_arrivals(&db), nullptr, peers ? &*peers : nullptr);
  write_changes(options, inputs, true, db, writer, progress, summary);
  summary.documents = db.get_doccount();
  std::string refusal = shrink_refusal(options, before, summary.documents);
  // Nothing read again and nothing removed: no stamp, context or document to store.
  if (!refusal.empty() || summary.read + summary.removed == 0) {
    db.cancel_transaction();
    summary.documents = before;
    return refusal;
  }
  db.commit_transaction();
  summary.written = true;
  return {};
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

namespace {

// "NAME (N entities)" for the run summary.
std::string describe_gazetteer(const std::string& name, const Gazetteer& g) {
  return name + " (" + std::to_string(g.size()) + " entities)";
}

// The gazetteer files a run names: --gazetteer files, then each input folder's gazetteer.tsv.
std::vector<std::string> gazetteer_files(const IndexOptions& options) {
  std::vector<std::string> files = options.gazetteers;
  for (const std::string& input : options.inputs) {
    std::error_code ec;
    const fs::path candidate = fs::path(input) / "gazetteer.tsv";
    if (fs::is_regular_file(candidate, ec) &&
        std::find(files.begin(), files.end(), candidate.string()) == files.end()) {
      files.push_back(candidate.string());
    }
  }
  return files;
}

}  // namespace

std::shared_ptr<const Gazetteer> load_gazetteer(const IndexOptions& options,
                                                const std::optional<std::string>& live_path,
                                                IndexSummary& summary, std::string& error,
                                                Gazetteer* user_layer) {
  auto merged = std::make_shared<Gazetteer>();
  const std::vector<std::string> files = gazetteer_files(options);
  for (const std::string& path : files) {
    auto g = Gazetteer::load_file(path, error, summary.warnings);
    if (!g) return nullptr;
    merged->merge(*g, &summary.warnings);
    summary.gazetteers.push_back(describe_gazetteer(path, *g));
  }
  if (files.empty() && live_path) {
    const Xapian::Database live(*live_path);
    std::string tsv = live.get_metadata(std::string(schema::kMetaUserGazetteer));
    // An index written before the users' part was kept apart: its whole gazetteer.
    if (tsv.empty()) tsv = live.get_metadata(std::string(schema::kMetaGazetteer));
    if (!tsv.empty()) {
      const Gazetteer stored = Gazetteer::parse_tsv(tsv, summary.warnings);
      merged->merge(stored, &summary.warnings);
      summary.gazetteers.push_back(describe_gazetteer("stored in the live index", stored));
    }
  }
  if (user_layer != nullptr) *user_layer = *merged;
  if (options.default_gazetteer) {
    const std::size_t refused = merged->merge(default_gazetteer(), nullptr);
    std::string name = "bundled";
    if (refused > 0) {
      name += ", " + std::to_string(refused) + " of its spellings kept for entities above";
    }
    summary.gazetteers.push_back(describe_gazetteer(name, default_gazetteer()));
  }
  return merged;
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

namespace {

/// The message for a run that failed while writing: a full disk says so and what to do.
std::string write_failure(const std::string& what, const fs::path& gen_path, bool in_place) {
  if (what.find("No space left on device") == std::string::npos &&
      what.find("Disk quota exceeded") == std::string::npos) {
    return "index error: " + what;
  }
  return "out of disk space writing " + gen_path.string() + " (" + what + "); " +
         (in_place ? "nothing of this run was committed, the live index is unchanged"
                   : "the new generation is removed, the live index is unchanged") +
         ": free some space and run again";
}

}  // namespace

std::string run_indexing(const IndexOptions& options, const ProgressFn& progress,
                         IndexSummary& summary) {
  const auto start = std::chrono::steady_clock::now();
  const fs::path root(options.out);
  if (std::string e = prepare_root(root); !e.empty()) return e;
  const RootLock lock(root);
  if (!lock.locked()) return "another corpus-index is writing to " + root.string();
  clean_abandoned(root.string());
  std::optional<std::string> live_path;
  const auto live = generations::live_generation(root.string());
  if (live) live_path = (root / *live).string();
  summary.incremental = live_path && !options.full;
  if (summary.incremental && !options.publish) {
    return "--no-publish applies to new generations (--full or a first run); an incremental run "
           "updates the live generation in place";
  }
  summary.generation = summary.incremental ? *live : generations::next_generation(root.string());
  const fs::path gen_path = root / summary.generation;
  std::string error;
  try {
    error = summary.incremental ? update_in_place(options, *live_path, progress, summary)
                                : build_generation(options, gen_path, live_path, progress, summary);
  } catch (const Xapian::Error& e) {
    error = write_failure(e.get_description(), gen_path, summary.incremental);
  } catch (const std::exception& e) {
    error = write_failure(e.what(), gen_path, summary.incremental);
  }
  if (summary.incremental) return finish_timing(start, summary, error);
  summary.written = error.empty();
  if (error.empty() && options.publish) {
    error = generations::publish(root.string(), summary.generation);
    summary.published = error.empty();
    if (summary.published) generations::prune(root.string(), options.keep_generations);
  }
  if (!error.empty()) {
    summary.written = false;
    std::error_code ec;
    fs::remove_all(gen_path, ec);
  }
  return finish_timing(start, summary, error);
}

}  // namespace cs
