// Turns a stored document (core/doc_data.h) into the result model's StoredArticle and Hit.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_QUERY_ARTICLE_VIEW_H_
#define CS_QUERY_ARTICLE_VIEW_H_

#include <optional>
#include <string>

#include "core/article.h"
#include "query/search.h"

namespace cs::query {

/// The article view of `article` (empty optional fields become nullopt).
StoredArticle to_stored_article(const Article& article);

/// A hit for `article` with its entities; score, snippet and duplicates are left to the caller.
Hit to_hit(const Article& article);

}  // namespace cs::query

#endif  // CS_QUERY_ARTICLE_VIEW_H_
