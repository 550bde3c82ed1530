#include "indexer/shard_writers.h"

#include <xapian.h>

#include <exception>
#include <filesystem>
#include <thread>

#include "indexer/work_queue.h"

namespace cs {

namespace {

// Documents waiting for one shard: a block and a half, so the writer can fill the next
// block of a shard while that shard still works on the previous one.
constexpr std::size_t kShardQueueCapacity = kShardBlock + kShardBlock / 2;

}  // namespace

// One shard database, its queue and its writing thread.
struct ShardWriters::Shard {
  explicit Shard(std::string shard_path)
      : path(std::move(shard_path)),
        db(path, Xapian::DB_CREATE | Xapian::DB_NO_SYNC),
        queue(kShardQueueCapacity) {}

  // The thread body: writes queued documents until the queue ends, then commits.
  void run() {
    try {
      while (std::optional<Xapian::Document> next = queue.pop()) {
        db.add_document(*next);
      }
      db.commit();
      db.close();
    } catch (...) {
      error = std::current_exception();
      queue.close();
    }
  }

  std::string path;
  Xapian::WritableDatabase db;
  WorkQueue<Xapian::Document> queue;
  std::exception_ptr error;  ///< set by the thread before it ends
  std::thread thread;
};

ShardWriters::ShardWriters(const std::string& gen_path, unsigned shards) {
  std::filesystem::create_directories(gen_path);
  for (unsigned i = 0; i < std::max(shards, 1U); ++i) {
    shards_.push_back(std::make_unique<Shard>(gen_path + "/shard-" + std::to_string(i)));
  }
  for (auto& shard : shards_) shard->thread = std::thread([s = shard.get()] { s->run(); });
}

ShardWriters::~ShardWriters() { stop(); }

void ShardWriters::add(PreparedDocument& prepared) {
  Shard& shard = *shards_[(added_++ / kShardBlock) % shards_.size()];
  if (!shard.queue.push(std::move(prepared.document))) {
    stop();
    rethrow_error();
  }
}

void ShardWriters::merge_into(const std::string& meta_path, const std::string& gen_path) {
  stop();
  rethrow_error();
  Xapian::Database all(meta_path);
  for (const auto& shard : shards_) all.add_database(Xapian::Database(shard->path));
  all.compact(gen_path);
  all.close();
  std::filesystem::remove_all(meta_path);
  for (const auto& shard : shards_) std::filesystem::remove_all(shard->path);
}

void ShardWriters::stop() {
  for (auto& shard : shards_) shard->queue.close();
  for (auto& shard : shards_) {
    if (shard->thread.joinable()) shard->thread.join();
  }
}

void ShardWriters::rethrow_error() const {
  for (const auto& shard : shards_) {
    if (shard->error) std::rethrow_exception(shard->error);
  }
}

}  // namespace cs
