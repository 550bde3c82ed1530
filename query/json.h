// The one JSON serializer of the result model, used by corpus-search --json and searchd.
//
// Wire format of a SearchResult (ARCHITECTURE.md's contract; field names are stable):
//   { "query": str, "total": int, "total_exact": bool, "took_ms": number,
//     "page": int, "page_size": int,
//     "hits": [ { "id": str, "title": str, "outlet": str|null,
//                 "published": "YYYY-MM-DD"|"YYYY-MM"|"YYYY"|null, "url": str|null,
//                 "score": number, "snippet": str,
//                 "entities": [ {"id": str, "name": str, "type": "person"|"org"|"place"|"other"} ],
//                 "duplicates": int } ],
//     "facets": { "outlet": [ {"value": str, "id": str, "count": int} ], "year": [...],
//                 "month": [...], "person": [...], "org": [...], "place": [...],
//                 "source": [...] },
//     "facets_exact": bool,
//     "timeline": [ {"period": "YYYY-MM", "count": int} ],
//     "suggestion": str|null,
//     "warnings": [str] }
// `snippet` is HTML-safe (every & < > " ' escaped) with <mark>...</mark> around matches.
// A facet value's "id" is what to pass back as a filter (entity id; the value otherwise).
//
// A StoredArticle: { "id", "title", "outlet"|null, "published"|null, "precision",
//   "provenance", "url"|null, "author"|null, "text",
//   "entities": [{"id","name","type"}], "sources": [{"id","name"}],
//   "fields": {name: [str]} (extracted fields of the field table; only when there are any),
//   "claims": [claim] (core/claim.h claim_json) }.
// A ClaimsResult (GET /api/claims):
//   { "query": str, "total": int, "articles_with_claims": int, "claims": int,
//     "incidents_total": int, "truncated": bool, "took_ms": number, "warnings": [str],
//     "incidents": [ { "id": str, "place": {"id","name"}|null, "outcome": str,
//                      "victims": str, "group": {"id","name"}|null, "from": date|null,
//                      "to": date|null, "low": int|null, "high": int|null, "claimants": int,
//                      "outlets": int, "articles": int, "claims_total": int,
//                      "claims": [ claim + {"article", "title", "outlet", "published"} ] } ] }
// The schema (GET /api/schema), all from the field table and the sort names:
//   { "fields": [ {"name", "label", "kind": "text"|"filter",
//                  "rule": "text"|"name"|"entity"|"year"|"month", "facet": bool, "panel": bool,
//                  "entity_type": "person"|"org"|"place"|null, "column": str|null} ],
//     "facets": [name], "filters": [name], "sorts": [{"name", "label"}],
//     "export_formats": [name], "entity_fields": {entity type or "other": filter field} }
// An error: { "error": str }.
//
// The parsers read these formats back (corpus-search --server reads searchd's answers):
// to_json(x) of a parsed x gives back the JSON it was parsed from. Facets come back in the
// contract's order (outlet, year, month, person, org, place, source), unknown names after.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_QUERY_JSON_H_
#define CS_QUERY_JSON_H_

#include <nlohmann/json.hpp>
#include <string>

#include "query/search.h"

namespace cs::query {

/// The SearchResult as JSON (format above).
nlohmann::json to_json(const SearchResult& result);

/// One incident of a claims answer as JSON (an element of "incidents").
nlohmann::json to_json(const Incident& incident);

/// The StoredArticle as JSON (format above).
nlohmann::json to_json(const StoredArticle& article);

/// The schema as JSON (format above), so clients (the web page) list fields, facets and sorts
/// without lists of their own.
nlohmann::json schema_json();

/// {"error": message}.
nlohmann::json error_json(const std::string& message);

/// One hit as JSON (an element of "hits").
nlohmann::json to_json(const Hit& hit);

/// Parses a SearchResult (format above). Returns false and sets `error` when a field is
/// missing or has the wrong type; optional fields absent from `value` keep their defaults.
bool from_json(const nlohmann::json& value, SearchResult& result, std::string& error);

/// Parses a StoredArticle (format above); false and `error` as for a SearchResult.
bool from_json(const nlohmann::json& value, StoredArticle& article, std::string& error);

/// The ClaimsResult as JSON (format above).
nlohmann::json to_json(const ClaimsResult& result);

/// Parses a ClaimsResult (format above); false and `error` as for a SearchResult.
bool from_json(const nlohmann::json& value, ClaimsResult& result, std::string& error);

/// `value` dumped compactly; invalid UTF-8 is replaced, never thrown on.
std::string dump(const nlohmann::json& value);

}  // namespace cs::query

#endif  // CS_QUERY_JSON_H_
