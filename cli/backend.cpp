#include "cli/backend.h"

namespace cs::cli {

namespace {

class LocalBackend : public Backend {
 public:
  explicit LocalBackend(std::unique_ptr<query::Searcher> searcher)
      : searcher_(std::move(searcher)) {}
  query::SearchError search(const query::SearchRequest& request,
                            query::SearchResult& result) override {
    return searcher_->search(request, result);
  }
  query::SearchError claims(const query::ClaimsRequest& request,
                            query::ClaimsResult& result) override {
    return searcher_->claims(request, result);
  }
  query::SearchError for_each_match(
      const query::SearchRequest& request,
      const std::function<bool(const query::StoredArticle&)>& emit) override {
    return searcher_->for_each_match(request, emit);
  }

 private:
  std::unique_ptr<query::Searcher> searcher_;
};

}  // namespace

std::unique_ptr<Backend> open_local_backend(const std::string& path, unsigned match_threads,
                                            query::SearchError& error) {
  auto searcher = query::Searcher::open(path, error);
  if (!searcher) return nullptr;
  searcher->set_match_threads(match_threads);
  return std::make_unique<LocalBackend>(std::move(searcher));
}

}  // namespace cs::cli
