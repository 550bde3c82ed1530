// Where corpus-search sends its requests: a local index (LocalBackend) or a searchd server
// (remote_backend.h, --server). The CLI only talks to this interface.
//
// Thread-safety: a backend is used by one thread.
#ifndef CS_CLI_BACKEND_H_
#define CS_CLI_BACKEND_H_

#include <functional>
#include <memory>
#include <string>

#include "query/search.h"

namespace cs::cli {

/// Runs search requests somewhere.
class Backend {
 public:
  virtual ~Backend() = default;
  /// Runs `request` into `result`.
  virtual query::SearchError search(const query::SearchRequest& request,
                                    query::SearchResult& result) = 0;
  /// Runs the claims `request` into `result` (the claims ledger).
  virtual query::SearchError claims(const query::ClaimsRequest& request,
                                    query::ClaimsResult& result) = 0;
  /// Streams every match of `request` to `emit` until it returns false.
  virtual query::SearchError for_each_match(
      const query::SearchRequest& request,
      const std::function<bool(const query::StoredArticle&)>& emit) = 0;
};

/// A backend over the index at `path` (folder, stub or index root) whose searches use up to
/// `match_threads` threads (Searcher::set_match_threads); nullptr + `error` on failure.
std::unique_ptr<Backend> open_local_backend(const std::string& path, unsigned match_threads,
                                            query::SearchError& error);

}  // namespace cs::cli

#endif  // CS_CLI_BACKEND_H_
