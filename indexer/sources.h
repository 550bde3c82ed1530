// Cited sources: the named parties an article attributes claims to ("according to X",
// "X said/reported/claimed/confirmed/told/stated/announced", "said X", "told X", "X, citing"),
// resolved to gazetteer entities where the name is one, otherwise kept as written. Pronouns,
// common nouns and sentence-initial common words are never sources.
//
// Thread-safety: pure function.
#ifndef CS_INDEXER_SOURCES_H_
#define CS_INDEXER_SOURCES_H_

#include <vector>

#include "core/article.h"
#include "indexer/entities.h"
#include "indexer/entities_tokens.h"

namespace cs {

/// Distinct cited sources in order of first citation. `matches` are the entity matches of
/// the same tokens (EntityMatcher::find).
std::vector<CitedSource> find_sources(const TokenizedText& text,
                                      const std::vector<EntityMatch>& matches);

}  // namespace cs

#endif  // CS_INDEXER_SOURCES_H_
