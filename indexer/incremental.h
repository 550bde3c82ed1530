// Incremental indexing support: what an incremental run may skip, what it must delete, and
// how a finished generation is published.
//
// - FileStamps: the size and modification time of every file indexed, stored in the index
//   metadata with a context hash (manifests, gazetteer, schema version). A file whose stamp
//   matches, under the same context, is not read again (as make or rsync); after a change to
//   the extraction code, rebuild with --full.
// - remove_vanished: deletes the documents of files that disappeared from an input folder,
//   and of JSON Lines records that disappeared from a file read again.
// - clean_abandoned / publish_generation: the generation lifecycle around a run, for
//   `corpus-index` and `scripts/reindex.sh` (build with --no-publish, check, --publish).
//
// Thread-safety: not thread-safe; callers hold the index root lock (pipeline.h).
#ifndef CS_INDEXER_INCREMENTAL_H_
#define CS_INDEXER_INCREMENTAL_H_

#include <xapian.h>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/input_files.h"

namespace cs {

/// File stamps ("<size>:<mtime ns>") by path, loaded from and saved to one database.
class FileStamps {
 public:
  /// Loads the stamps of `db` when its stored context equals `context`; otherwise none match.
  FileStamps(const Xapian::Database& db, std::string context);

  /// True when `file` has the stamp recorded for it (so its documents are current).
  bool unchanged(const InputFile& file) const;

  /// The paths with a stored stamp: every file indexed into the database by corpus-index.
  std::vector<std::string> known_paths() const;

  /// Records the current stamp of `file` (after its articles were written).
  void record(const InputFile& file);

  /// Drops the stamp recorded this run for `path` (an article of it could not be indexed), so
  /// the next run reads the file again.
  void forget(const std::string& path) { recorded_.erase(path); }

  /// Writes the recorded stamps and the context into `db`, and drops the stamps of files not
  /// in `present` (paths listed this run) that have no documents left; call before commit.
  void save(Xapian::WritableDatabase& db, const std::set<std::string>& present) const;

 private:
  std::string context_;
  bool context_matches_ = false;
  std::map<std::string, std::string> stored_;    ///< path -> stamp in the database
  std::map<std::string, std::string> recorded_;  ///< path -> stamp taken this run
};

/// The number of documents read from the file at `path` (as stored in their source path).
Xapian::doccount documents_from(const Xapian::Database& db, const std::string& path);

/// The context hash for FileStamps: changes when any of `manifest_files` (contents), the
/// gazetteer TSV or the schema version changes.
std::string stamp_context(const std::vector<std::string>& manifest_files,
                          const std::string& gazetteer_tsv);

/// Deletes documents from files that vanished: the documents of a file in `stamps` (every
/// file indexed before) under one of the folders in `inputs` but not in `listed` (every file
/// found this run); and a document from a file in `reread` (JSON Lines files read this run)
/// whose id is not in `written`. Documents whose id is in `written` and documents from other
/// folders are untouched. Returns the number deleted.
std::size_t remove_vanished(Xapian::WritableDatabase& db, const std::vector<std::string>& inputs,
                            const FileStamps& stamps, const std::set<std::string>& listed,
                            const std::set<std::string>& reread,
                            const std::set<std::string>& written);

/// Removes what a killed or failed run left in `root`: generation folders newer than the live
/// one (never published) and temporary stub files. Returns the names removed.
std::vector<std::string> clean_abandoned(const std::string& root);

/// Makes `generation` of `root` live after checking that it opens and has the current schema
/// version, then prunes all but `keep` older generations. Returns "" or an error message;
/// on error the live index is unchanged.
std::string publish_generation(const std::string& root, const std::string& generation,
                               std::size_t keep);

}  // namespace cs

#endif  // CS_INDEXER_INCREMENTAL_H_
