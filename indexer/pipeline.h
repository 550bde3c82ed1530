// The indexing pipeline behind `corpus-index`: read -> clean -> extract -> write, into an index
// root (core/generations.h).
//
// A full run builds a new generation from nothing beside the live one; it is checked and then
// published by the stub swap. An incremental run (the default when the root already has a live
// generation) updates the live generation in place, in one Xapian transaction: it adds new
// articles, replaces changed ones, leaves unchanged ones alone (files whose size and mtime
// match their stamp are not even read, incremental.h) and deletes the articles whose files or
// records disappeared from an input; readers see the revision before the run until it commits
// and all of it after, and a run killed or failed before that leaves the last committed
// revision. Its cost follows the change, not the archive: no copy of the live generation.
// A run that would leave under half of the live documents is refused unless allow_shrink
// (decided before anything is committed or published); an incremental run that changes
// nothing commits nothing. Leftovers of a killed full run are removed first.
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
  std::string out;       ///< index root folder (created if missing)
  std::string manifest;  ///< manifest TSV; "" = every `manifest.tsv` found in input folders
  /// Gazetteer TSVs added to the bundled one (with every input folder's gazetteer.tsv); when
  /// there are none, the gazetteer stored in the live index is used.
  std::vector<std::string> gazetteers;
  bool default_gazetteer = true;     ///< include the bundled gazetteer (default_gazetteer())
  bool full = false;                 ///< build from nothing even when a live generation exists
  bool publish = true;               ///< make a new (full) generation live when it checks out
  bool allow_shrink = false;         ///< accept a run that leaves under half of the live documents
  std::size_t keep_generations = 2;  ///< generation folders kept after publishing
  unsigned threads = 0;              ///< worker threads (clean, extract, tokenise); 0 = cores - 1
  std::vector<std::string> inputs;   ///< folders and files
  /// Other shards of the same archive (index roots, stubs or databases, read only): an
  /// article that copies or nearly copies one of their articles joins its duplicate cluster,
  /// so a collapsing search over all the shards folds them as one index would.
  std::vector<std::string> peers;
};

/// The gazetteer of a run: the files of options.gazetteers and every input folder's
/// `gazetteer.tsv`, or when there are none the one stored in the database at `live_path` (so
/// entities survive a full rebuild), merged in that order with the bundled gazetteer (unless
/// options.default_gazetteer is false). Earlier sources win a spelling two entities claim.
/// What was loaded is listed in summary.gazetteers. Returns nullptr and sets `error` when a
/// named file cannot be loaded; row problems go to summary.warnings.
/// `user_layer`, when given, receives the gazetteer before the bundled one is merged in (what
/// the index stores under schema::kMetaUserGazetteer for later runs).
std::shared_ptr<const Gazetteer> load_gazetteer(const IndexOptions& options,
                                                const std::optional<std::string>& live_path,
                                                IndexSummary& summary, std::string& error,
                                                Gazetteer* user_layer = nullptr);

/// The manifest from options.manifest, else the union of `manifest.tsv` files in the input
/// folders (possibly empty). Returns nullopt and sets `error` when a manifest cannot be read.
std::optional<Manifest> load_manifest(const IndexOptions& options, IndexSummary& summary,
                                      std::string& error);

/// Runs the pipeline. Returns "" when the run succeeded (skipped inputs are warnings in
/// `summary`), otherwise an error message (unwritable root, bad gazetteer or manifest, Xapian
/// failure, lock held, a refused shrink, a live index of another schema version that cannot be
/// updated in place); on error nothing is published or committed and a partial generation is
/// removed.
std::string run_indexing(const IndexOptions& options, const ProgressFn& progress,
                         IndexSummary& summary);

}  // namespace cs

#endif  // CS_INDEXER_PIPELINE_H_
