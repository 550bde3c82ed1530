// A SearchRequest as URL query parameters and back: the one mapping that searchd's API, the
// web page's URLs and `corpus-search --server` share (ARCHITECTURE.md: HTTP API).
//
// Parameters are plain name/value pairs in the order they came (no HTTP types here). The
// filter parameters are the filter fields of the field table (schema::fields()), so a new
// field is a new parameter without touching this file. Every unknown, repeated-when-single or
// malformed parameter is an error whose message names the parameter.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_QUERY_REQUEST_PARAMS_H_
#define CS_QUERY_REQUEST_PARAMS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "query/export.h"
#include "query/search.h"
#include "query/timeline_compare.h"

namespace cs::query {

/// Query parameters, in order; a name may repeat (filters).
using Params = std::vector<std::pair<std::string, std::string>>;

/// Largest accepted page number (keeps page * size far from integer overflow).
inline constexpr int kMaxPage = 1000000;

/// A sort order's parameter name and the label people see.
struct SortName {
  SortOrder order;
  std::string_view name;
  std::string_view label;
};

/// The sort orders, in the order help and the page list them.
inline constexpr SortName kSortNames[] = {{SortOrder::kRelevance, "relevance", "Relevance"},
                                          {SortOrder::kNewest, "newest", "Newest first"},
                                          {SortOrder::kOldest, "oldest", "Oldest first"},
                                          {SortOrder::kAdded, "added", "Newest added first"}};

/// The parameter name of `sort` ("relevance", "newest", "oldest", "added").
std::string_view sort_name(SortOrder sort);

/// The sort order named `name`, or nullopt.
std::optional<SortOrder> sort_from_name(std::string_view name);

/// Fills `request` from /api/search parameters. Returns kBadRequest naming the parameter when
/// one is unknown, repeated (where single), empty or out of range.
SearchError parse_search_params(const Params& params, SearchRequest& request);

/// Same as parse_search_params plus `format` (csv|jsonl, default csv) and `what`
/// (articles|claims, default articles); facets, snippets and the timeline are switched off
/// because export needs none of them.
SearchError parse_export_params(const Params& params, SearchRequest& request, ExportSpec& spec);

/// Fills a claims request from /api/claims parameters: those of /api/search (paging and sort
/// accepted but without effect) plus `limit` (incidents, 1..kMaxIncidents).
SearchError parse_claims_params(const Params& params, ClaimsRequest& request);

/// The /api/search parameters of `request`: q, one parameter per filter ("-value" for
/// excludes), from, to, added_after (when set), sort, collapse (when true), page, size,
/// facet_size (when not the default).
Params search_params(const SearchRequest& request);

/// The /api/export parameters of `request` for `spec` (paging left out).
Params export_params(const SearchRequest& request, const ExportSpec& spec);

/// The /api/claims parameters of `request`.
Params claims_params(const ClaimsRequest& request);

/// Fills a timeline comparison from /api/timeline parameters: `q` (repeatable, one per query,
/// at most kMaxCompareQueries), `interval` (auto|day|week|month|year), `normalise`
/// (true|false), `format` (json|csv) and the filters and dates of /api/search (sort, paging
/// and collapse refused). Each but `q` at most once.
SearchError parse_timeline_params(const Params& params, TimelineRequest& request);

/// `params` as a URL query string (no leading "?"), values percent-encoded.
std::string query_string(const Params& params);

/// The parameters of a URL query string ("q=a+b&outlet=Reuters", a leading "?" allowed):
/// "+" and percent escapes decoded. Returns nullopt and sets `error` for a malformed escape
/// or a decoded byte 0.
std::optional<Params> parse_query_string(std::string_view query, std::string& error);

/// `value` percent-encoded for a URL query string (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view value);

}  // namespace cs::query

#endif  // CS_QUERY_REQUEST_PARAMS_H_
