// Batch search: a list of names or queries (one per line, or one column of a CSV) run on the
// search path, one summary row per line: the entity the line names (if any, with the
// spelling matched), the total, the first and last publication dates, the top outlets and a
// link to the search. Bad lines (empty, over-long, not UTF-8, an unterminated CSV quote) are
// rows with an error; they never stop the batch.
//
// Thread-safety: parse_batch and the formatters are pure; run_batch_line uses the Searcher it
// is given (one thread).
#ifndef CS_QUERY_BATCH_H_
#define CS_QUERY_BATCH_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/search.h"

namespace cs::query {

/// Most lines one batch runs; the rest are reported in one error row.
inline constexpr std::size_t kMaxBatchLines = 10000;
/// Longest line (query) accepted, in bytes.
inline constexpr std::size_t kMaxBatchLineBytes = 500;
/// Outlets listed per row.
inline constexpr int kBatchOutlets = 3;

/// One line of a batch, as read.
struct BatchLine {
  std::size_t line = 0;  ///< 1-based line number in the input (a CSV record: its first line)
  std::string query;     ///< the text to search, trimmed
  std::string error;     ///< why the line cannot run ("" when it can)
};

/// Splits batch input into lines to run. Without `column`, every line is a query (a trailing
/// "\r" dropped). With `column`, the input is CSV (RFC 4180: quoted fields, "" escapes, line
/// breaks inside quotes) whose header row names the column to use (case-insensitive) or whose
/// 1-based number `column` is. Returns nullopt and sets `error` when the column is not in the
/// header. Lines past kMaxBatchLines become one error row.
std::optional<std::vector<BatchLine>> parse_batch(std::string_view input, std::string_view column,
                                                  std::string& error);

/// The row of one line.
struct BatchRow {
  std::size_t line = 0;
  std::string query;
  std::string error;                ///< set: the line did not run
  std::optional<NameMatch> entity;  ///< the entity the whole line names
  MatchSummary summary;
  std::string link;  ///< the page's URL of the search ("/?q=...")
};

/// Runs `line` with the filters and dates of `base`: a line that names a gazetteer entity as a
/// whole (also "Surname, Given" for "Given Surname") counts the articles about that entity,
/// under any spelling (its `entity` filter); any other line runs as query text.
BatchRow run_batch_line(Searcher& searcher, const SearchRequest& base, const BatchLine& line);

/// A row as JSON: {"line", "query", "error" (or null), "entity" {id, name, type, spelling} or
/// null, "total", "first", "last", "outlets" [{"value", "count"}], "link"}.
nlohmann::ordered_json batch_row_json(const BatchRow& row);

/// The CSV header of batch rows (CRLF-terminated).
std::string batch_csv_header();

/// A row as one CSV record (CRLF-terminated; fields quoted and formula-safe as exports are).
std::string batch_csv_row(const BatchRow& row);

}  // namespace cs::query

#endif  // CS_QUERY_BATCH_H_
