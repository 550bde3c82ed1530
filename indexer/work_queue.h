// A bounded blocking FIFO queue connecting the stages of the indexing pipeline: producers
// block while it is full, consumers block while it is empty, and close() releases everyone
// (pushes then fail, pops drain what is left and then report the end).
//
// Thread-safety: every member may be called from any number of threads concurrently.
#ifndef CS_INDEXER_WORK_QUEUE_H_
#define CS_INDEXER_WORK_QUEUE_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace cs {

/// A closable FIFO holding at most `capacity` items.
template <typename T>
class WorkQueue {
 public:
  /// REQUIRES: capacity > 0.
  explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}

  /// Appends `item`, waiting while the queue is full. Returns false (dropping the item) when
  /// the queue was closed.
  bool push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// The oldest item, waiting while the queue is empty and open; nullopt once it is closed
  /// and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  /// Ends the stream: later pushes fail, waiting calls return. Idempotent.
  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace cs

#endif  // CS_INDEXER_WORK_QUEUE_H_
