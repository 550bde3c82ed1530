// Incidents: casualty claims about the same event and victim group, across articles and
// outlets.
//
// The grouping rule (README "Claims"): two claims belong to one incident when they name the
// same place (a gazetteer place; claims without one only group within their article), the same
// outcome (killed, wounded, ...) and the same victim class, their named groups do not differ
// (a claim naming none joins one that does), and their event periods lie within
// kIncidentWindowDays of each other, chained in date order (a month-precise date covers its
// month; a year-precise or unknown date groups only with claims of the same year or article).
// Articles of one duplicate cluster count once: the same claim (figures, outcome, victims,
// claimant) in several articles of a cluster is kept once (a dated copy before an undated
// one), and an incident keeps the claims of the first article of each cluster it meets.
// Incidents are ordered newest first.
//
// Thread-safety: pure function.
#ifndef CS_QUERY_INCIDENTS_H_
#define CS_QUERY_INCIDENTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "query/claim_table.h"

namespace cs::query {

/// Event periods this many days apart still make one incident.
inline constexpr int kIncidentWindowDays = 3;

/// One incident: rows of the table, oldest event first, duplicates left out.
struct IncidentGroup {
  std::vector<std::uint32_t> members;  ///< indexes into ClaimTable::rows()
  std::uint32_t first = 0;             ///< the member with the earliest event period
  std::uint32_t last = 0;              ///< the member with the latest event period
  TextId group = 0;                    ///< the victims' named group, when any member names one
};

/// How many incidents and claims (copies left out) a grouping found.
struct IncidentCounts {
  std::size_t incidents = 0;
  std::size_t claims = 0;
};

/// The incidents of `rows` (indexes into `table`) by the rule above; the newest `limit` are
/// returned, newest first, and `counts` gets the totals.
std::vector<IncidentGroup> group_incidents(const ClaimTable& table,
                                           const std::vector<std::uint32_t>& rows,
                                           std::size_t limit, IncidentCounts& counts);

}  // namespace cs::query

#endif  // CS_QUERY_INCIDENTS_H_
