// ResponseCache: a bounded least-recently-used store of serialised JSON responses.
//
// Analysts repeat requests constantly: paging back, toggling a facet off again, the back
// button, a shared link opened by a team. A search with exact facets costs milliseconds of
// CPU; a cached answer costs a hash lookup. searchd keeps one cache per open index
// generation (searchd/live_index.h), so a swap to a new generation starts empty and an
// answer can never outlive the index it came from; remote shards, whose contents change
// without a new generation, get none.
//
// Thread-safety: every method may be called from any thread (one mutex).
#ifndef CS_SEARCHD_RESPONSE_CACHE_H_
#define CS_SEARCHD_RESPONSE_CACHE_H_

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cs::searchd {

/// What a cache holds now, for /metrics.
struct CacheUsage {
  std::size_t entries = 0;
  std::size_t bytes = 0;  ///< keys, bodies and bookkeeping, as counted against the capacity
};

/// Serialised responses by request key, evicting the least recently used beyond a byte budget.
class ResponseCache {
 public:
  /// A cache holding at most `capacity_bytes`.
  explicit ResponseCache(std::size_t capacity_bytes);

  /// The body stored under `key` (now the most recently used), or nullptr.
  std::shared_ptr<const std::string> find(const std::string& key);

  /// Stores `body` under `key`, evicting older entries as needed. An entry larger than an
  /// eighth of the capacity is not stored, so one huge answer cannot flush the cache.
  void insert(const std::string& key, std::string body);

  /// Entries and bytes held now.
  CacheUsage usage() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const std::string> body;
    std::size_t bytes;
  };
  void evict_to(std::size_t budget);  // requires mutex_

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::size_t bytes_ = 0;
};

/// The cache key of a GET request: its path and every parameter, length-prefixed so that no
/// two different requests share a key.
std::string cache_key(const std::string& path,
                      const std::multimap<std::string, std::string>& params);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_RESPONSE_CACHE_H_
