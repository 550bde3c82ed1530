// CSV rows for GET /api/export?format=csv (RFC 4180).
//
// Every field is quoted, quotes are doubled, and a field that a spreadsheet would run as a
// formula (starting with = + - @ or a tab/CR) gets a leading apostrophe, since exports of
// untrusted article text are opened in spreadsheets by the people who use this tool.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_SEARCHD_CSV_H_
#define CS_SEARCHD_CSV_H_

#include <string>
#include <string_view>

#include "query/search.h"

namespace cs::searchd {

/// `value` as one quoted CSV field.
std::string csv_field(std::string_view value);

/// The header line (with CRLF) naming the columns of csv_row.
std::string csv_header();

/// One article as a CSV record ending in CRLF: id, published, outlet, title, url, author,
/// persons, orgs, places, sources (names joined by "; ") and the text.
std::string csv_row(const query::StoredArticle& article);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_CSV_H_
