// The claims ledger of a match set: its claim rows grouped into incidents
// (query/incidents.h), the listed ones summarised (lowest and highest figure, distinct
// claimants, outlets and articles) and filled with their claims read from the articles'
// stored data.
//
// Thread-safety: pure function over its arguments.
#ifndef CS_QUERY_CLAIMS_LEDGER_H_
#define CS_QUERY_CLAIMS_LEDGER_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "query/incidents.h"
#include "query/search.h"

namespace cs::query {

/// The stored article of a row's `article` number, or nullopt when unreadable.
using ArticleReader = std::function<std::optional<Article>(std::uint32_t article)>;
/// The display name of an entity id (a place or a group).
using EntityNamer = std::function<std::string(const std::string& id)>;

/// Fills result.incidents (at most `limit`, newest first), incidents_total and claims from
/// `rows` of `table`. Only the listed claims' articles are read.
void fill_ledger(const ClaimTable& table, const std::vector<std::uint32_t>& rows, int limit,
                 const ArticleReader& read, const EntityNamer& name, ClaimsResult& result);

}  // namespace cs::query

#endif  // CS_QUERY_CLAIMS_LEDGER_H_
