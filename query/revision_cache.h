// One in-memory structure per database revision, shared by every caller in the process while
// any holds it (searchd's workers open one Searcher each): facet columns, claim columns.
//
// Thread-safety: shared_per_revision may be called from any thread.
#ifndef CS_QUERY_REVISION_CACHE_H_
#define CS_QUERY_REVISION_CACHE_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace cs::query {

/// The T built by `build(db)` for db's revision, built once and shared; several databases
/// (no single revision) are built each time. May throw what `build` throws.
template <typename T, typename Build>
std::shared_ptr<const T> shared_per_revision(const Xapian::Database& db, Build build) {
  std::string key;
  try {
    key = db.get_uuid() + "@" + std::to_string(db.get_revision());
  } catch (const Xapian::InvalidOperationError&) {
    return build(db);
  }
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const T>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  std::erase_if(cache, [](const auto& entry) { return entry.second.expired(); });
  if (auto built = cache[key].lock()) return built;
  std::shared_ptr<const T> built = build(db);
  cache[key] = built;
  return built;
}

}  // namespace cs::query

#endif  // CS_QUERY_REVISION_CACHE_H_
