#include "searchd/response_cache.h"

namespace cs::searchd {

namespace {

// Per-entry memory besides key and body: list node, hash node, shared_ptr control block.
constexpr std::size_t kEntryOverhead = 160;

void append_field(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

}  // namespace

ResponseCache::ResponseCache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}

std::shared_ptr<const std::string> ResponseCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  const auto it = by_key_.find(key);
  if (it == by_key_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->body;
}

void ResponseCache::insert(const std::string& key, std::string body) {
  const std::size_t bytes = 2 * key.size() + body.size() + kEntryOverhead;  // key kept twice
  if (bytes > capacity_ / 8) return;
  auto shared = std::make_shared<const std::string>(std::move(body));
  std::lock_guard lock(mutex_);
  if (const auto it = by_key_.find(key); it != by_key_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    by_key_.erase(it);
  }
  evict_to(capacity_ - bytes);
  lru_.push_front(Entry{key, std::move(shared), bytes});
  by_key_.emplace(key, lru_.begin());
  bytes_ += bytes;
}

void ResponseCache::evict_to(std::size_t budget) {
  while (bytes_ > budget && !lru_.empty()) {
    bytes_ -= lru_.back().bytes;
    by_key_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

CacheUsage ResponseCache::usage() const {
  std::lock_guard lock(mutex_);
  return {lru_.size(), bytes_};
}

std::string cache_key(const std::string& path,
                      const std::multimap<std::string, std::string>& params) {
  std::string key;
  append_field(key, path);
  for (const auto& [name, value] : params) {
    append_field(key, name);
    append_field(key, value);
  }
  return key;
}

}  // namespace cs::searchd
