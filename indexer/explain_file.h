// `corpus-index --explain FILE`: reads one file exactly as an indexing run would (the manifest
// and gazetteer of its folder apply, unless others are given), cleans and extracts each of its
// articles, and hands them back for explain_text / explain_json (explain.h).
//
// Thread-safety: no shared state; safe from any thread.
#ifndef CS_INDEXER_EXPLAIN_FILE_H_
#define CS_INDEXER_EXPLAIN_FILE_H_

#include <string>
#include <vector>

#include "core/article.h"

namespace cs {

/// What to explain, and the metadata files to use instead of the folder's own.
struct ExplainRequest {
  std::string file;                     ///< a .txt/.md/.html/.jsonl file
  std::string manifest;                 ///< "" = manifest.tsv beside the file, if any
  std::vector<std::string> gazetteers;  ///< added to the bundled one, as is gazetteer.tsv beside
                                        ///< the file
  bool default_gazetteer = true;        ///< include the bundled gazetteer
};

/// Fills `articles` with the file's articles after cleaning and extraction; read problems and
/// repairs go to `warnings` ("PATH[:LINE]: reason"). Returns "" on success, else an error (the
/// file does not exist or has an unknown extension, a named manifest/gazetteer is unreadable).
/// `gazetteers` lists the gazetteers used ("NAME (N entities)").
std::string explain_file(const ExplainRequest& request, std::vector<Article>& articles,
                         std::vector<std::string>& warnings, std::vector<std::string>& gazetteers);

}  // namespace cs

#endif  // CS_INDEXER_EXPLAIN_FILE_H_
