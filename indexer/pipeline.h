// The indexing pipeline behind `corpus-index`: read -> clean -> extract -> write, into a new
// generation of an index root (core/generations.h), which is checked and then published.
//
// A full run builds the new generation from nothing. An incremental run (the default when the
// root already has a live generation) starts from a file copy of the live generation and
// adds new articles, replaces changed ones, leaves unchanged ones alone (files whose size and
// mtime match their stamp are not even read, incremental.h) and deletes the articles whose
// files or records disappeared from an input. Leftovers of a killed run are removed first.
// Either way the live index is untouched until the new generation is complete and readable,
// and a failed run leaves it as it was.
// An incremental run that changes nothing keeps the live generation and writes none.
//
// Thread-safety: run_indexing is not reentrant for one index root (a lock file in the root
// makes a second concurrent run fail with a message).
#ifndef CS_INDEXER_PIPELINE_H_
#define CS_INDEXER_PIPELINE_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "indexer/index_summary.h"
#include "indexer/manifest.h"

namespace cs {

/// What to index and where.
struct IndexOptions {
  std::string out;        ///< index root folder (created if missing)
  std::string manifest;   ///< manifest TSV; "" = every `manifest.tsv` found in input folders
  std::string gazetteer;  ///< gazetteer TSV; "" = gazetteer.tsv in an input folder, else the
                          ///< one stored in the live index, else none
  bool full = false;      ///< build from nothing even when a live generation exists
  bool publish = true;    ///< make the new generation live when it checks out
  std::size_t keep_generations = 2;  ///< generation folders kept after publishing
  unsigned threads = 0;              ///< worker threads (clean, extract, tokenise); 0 = cores - 1
  std::vector<std::string> inputs;   ///< folders and files
};

/// The gazetteer from options.gazetteer, else `gazetteer.tsv` in an input folder, else the one
/// stored in the database at `live_path` (so entities survive a full rebuild), else an empty
/// one. Returns nullptr and sets `error` when a named file cannot be loaded; row problems go to
/// summary.warnings.
std::shared_ptr<const Gazetteer> load_gazetteer(const IndexOptions& options,
                                                const std::optional<std::string>& live_path,
                                                IndexSummary& summary, std::string& error);

/// The manifest from options.manifest, else the union of `manifest.tsv` files in the input
/// folders (possibly empty). Returns nullopt and sets `error` when a manifest cannot be read.
std::optional<Manifest> load_manifest(const IndexOptions& options, IndexSummary& summary,
                                      std::string& error);

/// Runs the pipeline. Returns "" when a generation was written (skipped inputs are warnings
/// in `summary`), otherwise an error message (unwritable root, bad gazetteer or manifest,
/// Xapian failure, lock held); on error nothing is published and the partial generation is
/// removed.
std::string run_indexing(const IndexOptions& options, const ProgressFn& progress,
                         IndexSummary& summary);

}  // namespace cs

#endif  // CS_INDEXER_PIPELINE_H_
