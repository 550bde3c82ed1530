// The article stream of one indexing run, spread over the cores: a reader thread reads the
// input files in order (skipping repeated ids and applying the manifest), worker threads clean,
// extract and build each article's document (document_builder.h), and the calling thread
// writes the documents in input order through the single IndexWriter. Because only the
// calling thread writes, and in input order, duplicate clusters and outcomes are the same as
// in a sequential run. Queues between the stages are bounded, so memory stays flat however
// large the input is.
//
// Thread-safety: index_files starts and joins its own threads; `extractor` must be safe to
// share (Extractor is) and `writer`, `progress` and `summary` are used from the calling
// thread only. A std::exception while preparing one article (but std::bad_alloc) skips that
// article with a warning naming it; the caller keeps its file unstamped, so the next run reads
// it again, and an incremental run keeps the version already indexed (IndexWriter::keep). Any
// other exception, and one from reading or writing, stops the other stages and is rethrown.
#ifndef CS_INDEXER_PARALLEL_INDEXER_H_
#define CS_INDEXER_PARALLEL_INDEXER_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/extract.h"
#include "indexer/index_summary.h"
#include "indexer/index_writer.h"
#include "indexer/input_files.h"
#include "indexer/manifest.h"

namespace cs {

/// Reads, cleans, extracts and writes every article of `files` with `workers` worker threads
/// (0 = one per core but one, which is left to the writing thread), counting outcomes and
/// skips in `summary` and calling `progress` after each article written or skipped. Returns
/// the files holding an article that could not be indexed.
[[nodiscard]] std::set<std::string> index_files(const std::vector<InputFile>& files,
                                                const Manifest& manifest,
                                                const Extractor& extractor, IndexWriter& writer,
                                                unsigned workers, const ProgressFn& progress,
                                                IndexSummary& summary);

/// Turns one article as read into its document (cleaning, extraction, DocumentBuilder).
using PrepareFn = std::function<PreparedDocument(Article&&)>;
/// Makes one worker thread's PrepareFn (each owns its builder, which is not thread-safe).
using PrepareFactory = std::function<PrepareFn()>;

/// index_files with the preparation step given: what index_files runs, and a seam for tests
/// (a step that fails on chosen articles).
[[nodiscard]] std::set<std::string> index_articles(const std::vector<InputFile>& files,
                                                   const Manifest& manifest,
                                                   const PrepareFactory& make_prepare,
                                                   IndexWriter& writer, unsigned workers,
                                                   const ProgressFn& progress,
                                                   IndexSummary& summary);

}  // namespace cs

#endif  // CS_INDEXER_PARALLEL_INDEXER_H_
