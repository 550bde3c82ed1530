// What one indexing run did and where it is: the summary corpus-index prints (as text, or as
// JSON for scripts such as scripts/reindex.sh) and the progress it reports while it runs.
// Shared by the pipeline (pipeline.h), the parallel article stream (parallel_indexer.h) and the
// progress display (progress.h), so none of them depends on another for these types.
//
// Thread-safety: plain values; summary_json only reads its argument.
#ifndef CS_INDEXER_INDEX_SUMMARY_H_
#define CS_INDEXER_INDEX_SUMMARY_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cs {

/// Counts and messages of one run, for the summary.
struct IndexSummary {
  std::size_t files = 0;       ///< input files found
  std::size_t read = 0;        ///< articles read
  std::size_t added = 0;       ///< new articles written
  std::size_t updated = 0;     ///< articles whose content or metadata changed
  std::size_t unchanged = 0;   ///< articles already indexed as they are
  std::size_t removed = 0;     ///< documents deleted because their file or record vanished
  std::size_t duplicates = 0;  ///< articles that duplicate (exactly or nearly) another one
  std::size_t documents = 0;   ///< documents in the new generation
  std::uint64_t bytes = 0;     ///< input bytes read
  std::map<std::string, std::size_t> skipped;   ///< skip reason -> count
  std::map<std::string, std::size_t> repaired;  ///< warning reason -> count, articles kept
  std::vector<std::string> warnings;            ///< "WHERE: reason", one per skip or problem
  std::vector<std::string> gazetteers;  ///< the gazetteers loaded: "NAME (N entities)", in order
  std::string generation;  ///< the generation written: a new one (full), the live one updated
                           ///< in place (incremental), or the live one kept (see written)
  bool written = false;    ///< changes were committed: a new generation built (full) or the live
                           ///< one updated in place; false when an incremental run changed nothing
  bool published = false;  ///< the new generation was made live
  bool incremental = false;
  double seconds = 0;
};

/// Where a run is, for progress displays.
struct IndexProgress {
  std::size_t articles = 0;       ///< articles written or found unchanged so far
  std::uint64_t bytes_done = 0;   ///< input bytes consumed up to the last article written
  std::uint64_t bytes_total = 0;  ///< size of every input file read in this run
};

/// Called after each article written, from the thread that called run_indexing.
using ProgressFn = std::function<void(const IndexProgress&)>;

/// The summary of a run into index root `root` as one JSON object, for scripts:
/// {"root", "generation", "written", "published", "incremental", "documents", "files", "read",
///  "added", "updated", "unchanged", "removed", "duplicates", "skipped" (total),
///  "skipped_reasons" {reason: n}, "repaired" {reason: n}, "warnings" (count), "bytes",
///  "seconds"}. The warnings themselves are not included (corpus-index lists them on stderr).
nlohmann::ordered_json summary_json(const IndexSummary& summary, const std::string& root);

}  // namespace cs

#endif  // CS_INDEXER_INDEX_SUMMARY_H_
