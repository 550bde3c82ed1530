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
// thread only. An exception from any stage stops the others and is rethrown.
#ifndef CS_INDEXER_PARALLEL_INDEXER_H_
#define CS_INDEXER_PARALLEL_INDEXER_H_

#include <vector>

#include "indexer/extract.h"
#include "indexer/index_summary.h"
#include "indexer/index_writer.h"
#include "indexer/input_files.h"
#include "indexer/manifest.h"

namespace cs {

/// Reads, cleans, extracts and writes every article of `files` with `workers` worker threads
/// (0 = one per core but one, which is left to the writing thread), counting outcomes and
/// skips in `summary` and calling `progress` after each article written.
void index_files(const std::vector<InputFile>& files, const Manifest& manifest,
                 const Extractor& extractor, IndexWriter& writer, unsigned workers,
                 const ProgressFn& progress, IndexSummary& summary);

}  // namespace cs

#endif  // CS_INDEXER_PARALLEL_INDEXER_H_
