// HTTP query parameters → SearchRequest, for /api/search and /api/export.
//
// The parameter names are the API contract (ARCHITECTURE.md) and the web page keeps its state
// in the URL with the same names, so one parser serves both. Every unknown, repeated-when-single
// or malformed parameter is an error whose message names the parameter.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_SEARCHD_REQUEST_PARAMS_H_
#define CS_SEARCHD_REQUEST_PARAMS_H_

#include <map>
#include <string>

#include "query/search.h"

namespace cs::searchd {

/// Query parameters as decoded by the HTTP server (same type as httplib::Params).
using Params = std::multimap<std::string, std::string>;

/// Output format of /api/export.
enum class ExportFormat { kCsv, kJsonl };

/// Largest accepted page number (keeps page * size far from integer overflow).
inline constexpr int kMaxPage = 1000000;

/// Fills `request` from /api/search parameters. Returns kBadRequest naming the parameter when
/// one is unknown, repeated (where single), empty or out of range.
query::SearchError parse_search_params(const Params& params, query::SearchRequest& request);

/// Same as parse_search_params plus the required-or-defaulted `format` (csv|jsonl, default
/// csv); facets, snippets and the timeline are switched off because export needs none of them.
query::SearchError parse_export_params(const Params& params, query::SearchRequest& request,
                                       ExportFormat& format);

/// True for "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a plausible month and day.
bool is_partial_date(const std::string& value);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_REQUEST_PARAMS_H_
