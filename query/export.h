// Exports of a match set, one writer per format for every front end: `corpus-search --export`
// and GET /api/export produce the same bytes for the same query.
//
// CSV (RFC 4180): a header line, then one record per article, CRLF line ends; every field is
// quoted with quotes doubled, and a field a spreadsheet would run as a formula (starting with
// = + - @ or a tab/CR) gets a leading apostrophe, since exports of untrusted article text are
// opened in spreadsheets. Columns: id, published, outlet, title, url, author, then one column
// per field-table row with an export column (persons, orgs, places, sources, ...: names joined
// by "; "), then the text. JSON Lines: the article view's JSON (query/json.h), one per line.
//
// Claims (what=claims) have one record per casualty claim: CSV columns id, outlet, published,
// claimant, number, low, high, qualifier, vague, victims, class, outcome, place, event_date,
// update, sentence; JSON Lines: the claim's JSON (core/claim.h) with "article", "outlet" and
// "published" added.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_QUERY_EXPORT_H_
#define CS_QUERY_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "query/search.h"

namespace cs::query {

/// Output format of an export.
enum class ExportFormat { kCsv, kJsonl };

/// What one record of an export is: an article, or one casualty claim of an article.
enum class ExportWhat { kArticles, kClaims };

/// An export's format and records.
struct ExportSpec {
  ExportFormat format = ExportFormat::kCsv;
  ExportWhat what = ExportWhat::kArticles;
};

/// "csv" or "jsonl".
std::string_view export_format_name(ExportFormat format);

/// The format named `name` ("csv", "jsonl"), or nullopt.
std::optional<ExportFormat> export_format_from_name(std::string_view name);

/// "articles" or "claims".
std::string_view export_what_name(ExportWhat what);

/// The records named `name` ("articles", "claims"), or nullopt.
std::optional<ExportWhat> export_what_from_name(std::string_view name);

/// What an export starts with: the CSV header line (with CRLF); nothing for JSON Lines.
std::string export_header(const ExportSpec& spec);

/// The records of one article: for articles one CSV record ending in CRLF or one JSON line
/// ending in LF; for claims one per claim ("" for an article without claims).
std::string export_record(const ExportSpec& spec, const StoredArticle& article);

/// `value` as one quoted, formula-safe CSV field.
std::string csv_field(std::string_view value);

/// The names `field` gives `article`, in order (entity or source names, extracted values).
std::vector<std::string> field_names_of(const schema::Field& field, const StoredArticle& article);

}  // namespace cs::query

#endif  // CS_QUERY_EXPORT_H_
