#include "indexer/parallel_indexer.h"

#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <new>
#include <set>
#include <thread>

#include "indexer/clean.h"
#include "indexer/document_builder.h"
#include "indexer/readers.h"
#include "indexer/work_queue.h"

namespace cs {

namespace {

// Items in flight between two stages; enough to keep every core busy, small enough that
// memory does not grow with the input.
constexpr std::size_t kQueueCapacity = 256;

// The skip reason of an article whose cleaning, extraction or document failed.
constexpr const char* kFailedReason = "could not be indexed";

// One article on its way to a worker, with the input position it was read at.
struct Task {
  Article article;
  std::uint64_t bytes_done = 0;
  std::promise<PreparedDocument> result;
};

// A worker's product, in input order, with the input position for progress and, should the
// worker fail on it, what names the article.
struct Pending {
  std::future<PreparedDocument> result;
  std::uint64_t bytes_done = 0;
  std::string id;
  std::size_t file = 0;  ///< the input file's index in the run's files
  int source_line = 0;   ///< the line in a JSON Lines file, 0 otherwise
};

// How a warning names an article: "FILE:LINE (id ID)", or "FILE (id ID)" without a line.
std::string article_where(const std::string& path, int source_line, const std::string& id) {
  const std::string line = source_line > 0 ? ":" + std::to_string(source_line) : "";
  return path + line + " (id " + id + ")";
}

// What the reader thread found besides articles (merged into the summary after joining).
struct ReaderReport {
  std::size_t read = 0;
  std::uint64_t bytes_total = 0;
  std::vector<ReadIssue> skips;  ///< skips and repairs, in input order
  std::exception_ptr error;
};

std::uint64_t file_size_or_zero(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// Reads the articles of `file`, passing each with the input offset just after it.
void read_file(const InputFile& file, const std::function<void(Article&&, std::uint64_t)>& sink,
               std::vector<ReadIssue>& issues) {
  const std::uint64_t size = file_size_or_zero(file.path);
  if (file.format != InputFormat::kJsonLines) {
    read_articles(
        file, [&](Article&& a) { sink(std::move(a), size); }, issues);
    return;
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    issues.push_back({file.path, "unreadable file"});
    return;
  }
  read_json_lines(
      in, file,
      [&](Article&& a) {
        const auto pos = in.tellg();  // -1 once the last line hit the end of the file
        sink(std::move(a), pos < 0 ? size : static_cast<std::uint64_t>(pos));
      },
      issues);
}

// The reader stage: every article of `files`, in order, to `tasks` and (as a future) to
// `pending`. Closes both queues when done or when they were closed under it.
void read_stage(const std::vector<InputFile>& files, const Manifest& manifest,
                WorkQueue<Task>& tasks, WorkQueue<Pending>& pending, ReaderReport& report) {
  std::set<std::string> seen_ids;
  std::uint64_t bytes_before = 0;
  bool open = true;
  try {
    for (std::size_t i = 0; i < files.size() && open; ++i) {
      const InputFile& file = files[i];
      const ManifestEntry* entry = manifest_entry_for(manifest, file);
      read_file(
          file,
          [&](Article&& article, std::uint64_t offset) {
            ++report.read;
            if (!open) return;
            if (entry) apply_manifest(*entry, article);
            if (!seen_ids.insert(article.id).second) {
              report.skips.push_back(
                  {article_where(file.path, article.source_line, article.id), "duplicate id"});
              return;
            }
            std::string id = article.id;
            const int line = article.source_line;
            Task task{std::move(article), bytes_before + offset, {}};
            open =
                pending.push({task.result.get_future(), task.bytes_done, std::move(id), i, line}) &&
                tasks.push(std::move(task));
          },
          report.skips);
      bytes_before += file_size_or_zero(file.path);
    }
  } catch (...) {
    report.error = std::current_exception();
  }
  tasks.close();
  pending.close();
}

// The worker stage: prepares articles until `tasks` ends; an article it fails on carries the
// exception to the writing thread.
void work_stage(const PrepareFn& prepare, WorkQueue<Task>& tasks) {
  while (std::optional<Task> task = tasks.pop()) {
    try {
      task->result.set_value(prepare(std::move(task->article)));
    } catch (...) {
      task->result.set_exception(std::current_exception());
    }
  }
}

// Joins the stage threads on every exit path, stopping them first.
class StageThreads {
 public:
  StageThreads(WorkQueue<Task>& tasks, WorkQueue<Pending>& pending)
      : tasks_(tasks), pending_(pending) {}
  ~StageThreads() { join(); }
  StageThreads(const StageThreads&) = delete;
  StageThreads& operator=(const StageThreads&) = delete;

  template <typename Fn>
  void start(Fn fn) {
    threads_.emplace_back(std::move(fn));
  }
  void join() {
    tasks_.close();
    pending_.close();
    for (std::thread& t : threads_) t.join();
    threads_.clear();
  }

 private:
  WorkQueue<Task>& tasks_;
  WorkQueue<Pending>& pending_;
  std::vector<std::thread> threads_;
};

std::uint64_t total_bytes(const std::vector<InputFile>& files) {
  std::uint64_t total = 0;
  for (const InputFile& file : files) total += file_size_or_zero(file.path);
  return total;
}

}  // namespace

std::set<std::string> index_files(const std::vector<InputFile>& files, const Manifest& manifest,
                                  const Extractor& extractor, IndexWriter& writer, unsigned workers,
                                  const ProgressFn& progress, IndexSummary& summary) {
  const PrepareFactory make_prepare = [&extractor]() -> PrepareFn {
    auto builder = std::make_shared<DocumentBuilder>();
    return [&extractor, builder](Article&& article) {
      clean_article(article);
      extractor.extract(article);
      return builder->build(std::move(article));
    };
  };
  return index_articles(files, manifest, make_prepare, writer, workers, progress, summary);
}

std::set<std::string> index_articles(const std::vector<InputFile>& files, const Manifest& manifest,
                                     const PrepareFactory& make_prepare, IndexWriter& writer,
                                     unsigned workers, const ProgressFn& progress,
                                     IndexSummary& summary) {
  std::set<std::string> failed_files;
  if (workers == 0) {
    // The writing thread is the bottleneck: leave it a core of its own.
    const unsigned cores = std::thread::hardware_concurrency();
    workers = cores > 1 ? cores - 1 : 1;
  }
  WorkQueue<Task> tasks(kQueueCapacity);
  WorkQueue<Pending> pending(kQueueCapacity);
  ReaderReport report;
  IndexProgress at;
  at.bytes_total = total_bytes(files);
  {
    StageThreads threads(tasks, pending);
    threads.start([&] { read_stage(files, manifest, tasks, pending, report); });
    for (unsigned i = 0; i < workers; ++i) {
      threads.start([&tasks, prepare = make_prepare()] { work_stage(prepare, tasks); });
    }
    while (std::optional<Pending> next = pending.pop()) {
      std::optional<PreparedDocument> prepared;
      try {
        prepared = next->result.get();
      } catch (const std::bad_alloc&) {
        throw;                             // the machine, not the article: stop the run
      } catch (const std::exception& e) {  // this article only: skip it, go on
        const std::string& path = files[next->file].path;
        ++summary.skipped[kFailedReason];
        summary.warnings.push_back(article_where(path, next->source_line, next->id) + ": " +
                                   kFailedReason + ": " + e.what());
        writer.keep(next->id);
        failed_files.insert(path);
      }
      if (prepared) {
        const WriteResult r = writer.write(*prepared);
        summary.added += r.outcome == WriteOutcome::kAdded;
        summary.updated += r.outcome == WriteOutcome::kUpdated;
        summary.unchanged += r.outcome == WriteOutcome::kUnchanged;
        summary.duplicates += r.duplicate;
      }
      ++at.articles;
      at.bytes_done = next->bytes_done;
      if (progress) progress(at);
    }
    threads.join();
  }
  if (report.error) std::rethrow_exception(report.error);
  summary.read += report.read;
  summary.bytes += at.bytes_total;
  for (const ReadIssue& issue : report.skips) {
    ++(issue.skipped ? summary.skipped : summary.repaired)[issue.reason];
    summary.warnings.push_back(issue.where + ": " + issue.reason);
  }
  return failed_files;
}

}  // namespace cs
