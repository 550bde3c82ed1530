#include "searchd/live_index.h"

#include <chrono>
#include <iostream>
#include <vector>

#include "core/index_layout.h"

namespace cs::searchd {

/// One opened revision of a generation and its idle Searchers (an in-place update commits a
/// new revision of the same generation: it gets an OpenGeneration, and a cache, of its own).
struct OpenGeneration {
  std::string name;
  std::uint64_t revision = 0;  ///< Searcher::revision() of its Searchers (0: remote)
  std::int64_t documents = 0;
  std::string fingerprint;
  std::string open_path;                 ///< this generation's own database (not the stub)
  std::shared_ptr<ResponseCache> cache;  ///< null when caching is off or the index is remote
  std::mutex mutex;                      ///< guards idle
  std::vector<std::unique_ptr<query::Searcher>> idle;
};

namespace {

constexpr auto kPollInterval = std::chrono::seconds(1);

/// The database folder of generation `name` when the index at `path` names exactly that one
/// local database, else `path` itself (a remote stub, or a stub that moved on meanwhile).
std::string generation_path(const std::string& path, const std::string& name) {
  IndexLocation location;
  std::string error;
  if (read_index_location(path, location, error) && location.generation == name &&
      !location.database.empty()) {
    return location.database;
  }
  return path;
}

/// True when `searcher` answers from exactly `generation` (the same folder and revision).
bool belongs_to(const query::Searcher& searcher, const OpenGeneration& generation) {
  return searcher.generation() == generation.name && searcher.revision() == generation.revision;
}

/// Hands `searcher` out, returning it to `generation`'s pool when released. A Searcher that
/// reopened on a newer revision meanwhile (the writer committed) is not pooled.
Lease lease(std::shared_ptr<OpenGeneration> generation, std::unique_ptr<query::Searcher> searcher) {
  // A Searcher of another generation or revision must not fill this one's cache either.
  auto cache = belongs_to(*searcher, *generation) ? generation->cache : nullptr;
  return {SearcherLease(searcher.release(),
                        [generation](query::Searcher* s) {
                          std::unique_ptr<query::Searcher> owned(s);
                          if (!belongs_to(*owned, *generation)) return;
                          std::lock_guard lock(generation->mutex);
                          generation->idle.push_back(std::move(owned));
                        }),
          std::move(cache)};
}

}  // namespace

LiveIndex::LiveIndex(std::string path, std::size_t cache_bytes, double search_timeout,
                     unsigned match_threads)
    : path_(std::move(path)),
      cache_bytes_(cache_bytes),
      search_timeout_(search_timeout),
      match_threads_(match_threads) {}

std::unique_ptr<query::Searcher> LiveIndex::open_searcher(const std::string& path,
                                                          query::SearchError& error) const {
  auto searcher = query::Searcher::open(path, error);
  if (searcher) {
    searcher->set_time_limit(search_timeout_);
    searcher->set_match_threads(match_threads_);
  }
  return searcher;
}

LiveIndex::~LiveIndex() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

void LiveIndex::start() {
  try_open(index_fingerprint(path_), true);
  watcher_ = std::thread([this] { watch(); });
}

void LiveIndex::request_reload() {
  reload_requested_ = true;
  wake_.notify_all();
}

void LiveIndex::watch() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    wake_.wait_for(lock, kPollInterval, [this] { return stopping_ || reload_requested_.load(); });
    if (stopping_) break;
    bool forced = reload_requested_.exchange(false);
    lock.unlock();
    std::string fingerprint = index_fingerprint(path_);
    auto live = current();
    bool changed;
    bool failed_before;
    {
      // Compared with the last fingerprint acted on, not the live generation's: a writer's
      // transaction flushes table blocks before its commit (new fingerprint, same revision),
      // and that revision must not be opened again every second.
      std::lock_guard guard(mutex_);
      changed = !live || fingerprint != seen_fingerprint_;
      failed_before = live && fingerprint == failed_fingerprint_;
    }
    if (forced || (changed && !failed_before)) try_open(fingerprint, forced);
    lock.lock();
  }
}

void LiveIndex::try_open(const std::string& fingerprint, bool forced) {
  query::SearchError error;
  auto searcher = open_searcher(path_, error);
  if (!searcher) {
    std::lock_guard lock(mutex_);
    if (error_ != error.message) std::cerr << "searchd: no index: " << error.message << "\n";
    error_ = error.message;
    failed_fingerprint_ = fingerprint;
    if (current_) ++reload_failures_;
    return;
  }
  searcher->warm();  // a failure shows again, and is reported, on the first search
  // Unless forced (SIGHUP), a revision already live is not made live again.
  auto generation = install(fingerprint, *searcher, !forced);
  {
    std::lock_guard lock(mutex_);
    seen_fingerprint_ = fingerprint;
  }
  // Pooled only into a generation installed for it (an existing one has Searchers enough).
  if (generation->fingerprint != fingerprint || !belongs_to(*searcher, *generation)) return;
  std::lock_guard lock(generation->mutex);
  generation->idle.push_back(std::move(searcher));
}

std::shared_ptr<OpenGeneration> LiveIndex::install(const std::string& fingerprint,
                                                   const query::Searcher& searcher,
                                                   bool only_if_newer) {
  auto generation = std::make_shared<OpenGeneration>();
  generation->name = searcher.generation();
  generation->revision = searcher.revision();
  generation->documents = searcher.document_count();
  generation->fingerprint = fingerprint;
  generation->open_path = generation_path(path_, generation->name);
  if (cache_bytes_ > 0 && !searcher.remote()) {
    generation->cache = std::make_shared<ResponseCache>(cache_bytes_);
  }
  std::lock_guard lock(mutex_);
  // The watcher or a request may have made this revision live already (both noticed it);
  // remote shards have no revision (0) to compare, so their stub's change always counts.
  if (only_if_newer && current_ && generation->revision != 0 &&
      current_->name == generation->name && current_->revision >= generation->revision) {
    return current_;
  }
  std::cerr << "searchd: serving index generation " << generation->name << " revision "
            << generation->revision << " (" << generation->documents << " documents)\n";
  if (current_) ++reloads_;
  current_ = generation;
  error_.clear();
  failed_fingerprint_.clear();
  return generation;
}

std::shared_ptr<OpenGeneration> LiveIndex::current() const {
  std::lock_guard lock(mutex_);
  return current_;
}

Lease LiveIndex::acquire(query::SearchError& error) {
  auto generation = current();
  if (!generation) {
    std::lock_guard lock(mutex_);
    error = {query::ErrorCode::kNoIndex, "no index is open: " + error_};
    return {};
  }
  {
    std::lock_guard lock(generation->mutex);
    if (!generation->idle.empty()) {
      auto searcher = std::move(generation->idle.back());
      generation->idle.pop_back();
      return lease(generation, std::move(searcher));
    }
  }
  // Open the generation this lease belongs to, not whatever the stub names by now, so a
  // client never sees the old and the new generation alternate during a swap.
  auto searcher = open_searcher(generation->open_path, error);
  if (!searcher) {
    request_reload();  // the generation was pruned under us: move on to the live one
    searcher = open_searcher(path_, error);
  }
  if (!searcher) return {};
  // The writer committed since the live revision was opened: this Searcher sees the new
  // revision, so make that the live one now (before the watcher's next poll), and no request
  // started after this one answers from the older revision.
  if (!belongs_to(*searcher, *generation) && searcher->generation() == generation->name &&
      searcher->revision() > generation->revision) {
    generation = install(index_fingerprint(path_), *searcher, true);
  }
  return lease(generation, std::move(searcher));
}

IndexStatus LiveIndex::status() const {
  auto generation = current();
  if (!generation) {
    std::lock_guard lock(mutex_);
    return {false, 0, "", error_};
  }
  return {true, generation->documents, generation->name, ""};
}

IndexGauges LiveIndex::gauges() const {
  auto s = status();
  IndexGauges gauges{s.up, s.documents, reloads_.load(), reload_failures_.load(), {}};
  if (auto generation = current(); generation && generation->cache) {
    gauges.cache = generation->cache->usage();
  }
  return gauges;
}

}  // namespace cs::searchd
