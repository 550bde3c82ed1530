// The live index: the open generation (at one revision), a pool of Searchers for it, and the
// watcher that swaps in a new generation, or a new revision of the live one, when the index
// changes.
//
// Xapian objects are not thread-safe, so each request borrows a Searcher from the pool of the
// generation that is live when it starts; the lease keeps that generation alive, so requests
// in flight finish on the old index while new ones get the new one. A rebuilt index is
// published by rename()-ing a stub (TECH-NOTES.md: reopen() never re-reads a stub), so a swap
// opens a brand-new Searcher and replaces a shared_ptr. An incremental run commits a new
// revision of the live generation in place: it is handled the same way (new Searchers, a new
// response cache), so no answer of an older revision is served once a newer one is live; a
// request that opens a Searcher on a revision newer than the live one makes it live at once.
// The watcher checks the index path's fingerprint (index_fingerprint in core/index_layout.h:
// its stub and the files of the databases it names) once a second, reopens on request
// (SIGHUP), and keeps retrying while no index can be opened, so searchd comes up when an
// index appears.
//
// Thread-safety: every public method may be called from any thread.
#ifndef CS_SEARCHD_LIVE_INDEX_H_
#define CS_SEARCHD_LIVE_INDEX_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "query/search.h"
#include "searchd/metrics.h"
#include "searchd/response_cache.h"

namespace cs::searchd {

struct OpenGeneration;

/// A Searcher borrowed for one request; it returns to its generation's pool when the last
/// copy is dropped (copies may outlive the request, e.g. in a streaming export).
using SearcherLease = std::shared_ptr<query::Searcher>;

/// What a request borrows from the live generation.
struct Lease {
  SearcherLease searcher;                ///< null when no index is open
  std::shared_ptr<ResponseCache> cache;  ///< the generation's answers; null when not cached
  explicit operator bool() const { return searcher != nullptr; }
};

/// What /healthz reports.
struct IndexStatus {
  bool up = false;
  std::int64_t documents = 0;
  std::string generation;  ///< empty when down
  std::string error;       ///< why no index is open, when down
};

/// Owns the live generation and the watcher thread.
class LiveIndex {
 public:
  /// Serves the index at `path` (database folder, stub file or index root), caching up to
  /// `cache_bytes` of answers per local generation (0: no cache); each match of its Searchers
  /// is bounded to `search_timeout` seconds (Searcher::set_time_limit; 0: unbounded) and may
  /// use `match_threads` threads (Searcher::set_match_threads).
  LiveIndex(std::string path, std::size_t cache_bytes, double search_timeout = 0,
            unsigned match_threads = query::default_match_threads());
  /// Stops the watcher; leases still held keep their generation alive.
  ~LiveIndex();
  LiveIndex(const LiveIndex&) = delete;
  LiveIndex& operator=(const LiveIndex&) = delete;

  /// Tries to open the index now, then starts the watcher thread. Call once.
  void start();

  /// Asks the watcher to open the index again even if nothing looks changed (SIGHUP).
  void request_reload();

  /// A Searcher on the live generation and its cache, or an empty lease with `error` set
  /// (kNoIndex when down).
  Lease acquire(query::SearchError& error);

  /// The live generation's name and size, or why there is none.
  IndexStatus status() const;

  /// Gauges, reload counters and cache usage for /metrics.
  IndexGauges gauges() const;

 private:
  void watch();
  /// Searcher::open with this server's search time limit.
  std::unique_ptr<query::Searcher> open_searcher(const std::string& path,
                                                 query::SearchError& error) const;
  /// Opens the index and makes it live; unless `forced`, only a newer revision of the live
  /// generation (or another generation) replaces it.
  void try_open(const std::string& fingerprint, bool forced);
  /// Makes an OpenGeneration of what `searcher` has open the live one and returns the live
  /// one; with `only_if_newer`, only when it is a newer revision of the live generation.
  std::shared_ptr<OpenGeneration> install(const std::string& fingerprint,
                                          const query::Searcher& searcher, bool only_if_newer);
  std::shared_ptr<OpenGeneration> current() const;

  const std::string path_;
  const std::size_t cache_bytes_;
  const double search_timeout_;
  const unsigned match_threads_;
  mutable std::mutex mutex_;  ///< guards current_, error_, failed_fingerprint_
  std::shared_ptr<OpenGeneration> current_;
  std::string error_;
  std::string failed_fingerprint_;
  std::string seen_fingerprint_;  ///< the last fingerprint the watcher opened the index at
  std::atomic<bool> reload_requested_{false};
  std::atomic<std::int64_t> reloads_{0};
  std::atomic<std::int64_t> reload_failures_{0};
  std::condition_variable wake_;
  bool stopping_ = false;  ///< guarded by mutex_
  std::thread watcher_;
};

}  // namespace cs::searchd

#endif  // CS_SEARCHD_LIVE_INDEX_H_
