// corpus-search's printers: results and facets as text for people (exports are written by the
// query library's one exporter, query/export.h). Highlighting uses terminal escapes only when asked
// (stdout is a tty).
//
// Thread-safety: functions write to the given stream only.
#ifndef CS_CLI_OUTPUT_H_
#define CS_CLI_OUTPUT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "query/entity_profile.h"
#include "query/search.h"
#include "query/timeline_compare.h"

namespace cs::cli {

/// A snippet's HTML (marks and entities) as terminal text: marks become bold red when
/// `colour`, otherwise are dropped; entities are decoded.
std::string snippet_for_terminal(std::string_view html, bool colour);

/// Prints a human-readable result page: summary line, hits, suggestion.
void print_results(std::ostream& out, const query::SearchResult& result, bool colour);

/// Prints the claims ledger as a table: a line per incident (place, outcome, victims, dates,
/// range of figures, claimants and outlets), then its claims with columns incident, claimant,
/// number, victims, outlet, date.
void print_claims(std::ostream& out, const query::ClaimsResult& result, bool colour);

/// Prints an entity page: name and type, articles, spellings, co-occurring entities, outlets,
/// cited sources, the newest articles and incidents, the mention timeline by year.
void print_entity_profile(std::ostream& out, const query::EntityProfile& profile);

/// Prints a timeline comparison as a table: a row per period, a column per query (with its
/// share of all articles when normalised), totals first.
void print_timeline(std::ostream& out, const query::TimelineComparison& comparison);

/// Prints facet counts as a compact table, one facet per line.
void print_facets(std::ostream& out, const query::SearchResult& result);

}  // namespace cs::cli

#endif  // CS_CLI_OUTPUT_H_
