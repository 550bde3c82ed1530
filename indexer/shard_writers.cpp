#include "indexer/shard_writers.h"

#include <sys/resource.h>
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

// Raises the soft limit on open files to the hard one: merging opens every part at once (about
// four files each), and a soft limit of 1,024 would stop a build of a few million articles.
void allow_all_open_files() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

// One shard: its queue, its writing thread and the part databases the thread has filled.
struct ShardWriters::Shard {
  Shard(std::string shard_path, std::size_t documents_per_part)
      : path(std::move(shard_path)),
        part_documents(documents_per_part),
        db(open_part(0)),
        queue(kShardQueueCapacity) {}

  // The folder of this shard's `index`-th part.
  std::string part_path(std::size_t index) const { return path + "/part-" + std::to_string(index); }

  // Creates the `index`-th part (recorded in `parts`, so `parts` is declared before `db`).
  Xapian::WritableDatabase open_part(std::size_t index) {
    parts.push_back(part_path(index));
    std::filesystem::create_directories(parts.back());
    return Xapian::WritableDatabase(parts.back(), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  }

  // The thread body: writes queued documents until the queue ends, then commits. A part that
  // reaches part_documents is committed and closed, and the next one opened.
  void run() {
    try {
      std::size_t in_part = 0;
      while (std::optional<Xapian::Document> next = queue.pop()) {
        if (in_part == part_documents) {
          db.commit();
          db.close();
          db = open_part(parts.size());
          in_part = 0;
        }
        db.add_document(*next);
        ++in_part;
      }
      db.commit();
      db.close();
    } catch (...) {
      error = std::current_exception();
      queue.close();
    }
  }

  std::string path;
  std::size_t part_documents;
  std::vector<std::string> parts;  ///< filled in order; only the last is open
  Xapian::WritableDatabase db;
  WorkQueue<Xapian::Document> queue;
  std::exception_ptr error;  ///< set by the thread before it ends
  std::thread thread;
};

ShardWriters::ShardWriters(const std::string& gen_path, unsigned shards,
                           std::size_t part_documents) {
  std::filesystem::create_directories(gen_path);
  for (unsigned i = 0; i < std::max(shards, 1U); ++i) {
    shards_.push_back(std::make_unique<Shard>(gen_path + "/shard-" + std::to_string(i),
                                              std::max<std::size_t>(part_documents, 1)));
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
  allow_all_open_files();
  Xapian::Database all(meta_path);
  for (const auto& shard : shards_) {
    for (const std::string& part : shard->parts) all.add_database(Xapian::Database(part));
  }
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
