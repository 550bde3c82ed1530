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

#include "core/claim.h"

namespace cs::query {

/// Event periods this many days apart still make one incident.
inline constexpr int kIncidentWindowDays = 3;

/// One claim to group, with what grouping needs of its article.
struct ClaimRecord {
  ClaimKey key;
  std::uint32_t article = 0;  ///< caller's article number (e.g. the docid)
  std::string article_id;     ///< breaks ties in a stable order
  std::string dup_cluster;    ///< near-duplicate cluster key (the article id when alone)
  std::string outlet;
};

/// One incident: indexes into the records, oldest event first, duplicates left out.
struct IncidentGroup {
  std::vector<std::size_t> members;
  std::string first_date;  ///< ISO event date of the first member ("" when unknown)
  std::string last_date;   ///< ISO event date of the last member
  std::string group_id;    ///< the victims' named group, when any member names one
};

/// Groups `records` into incidents by the rule above, newest first.
std::vector<IncidentGroup> group_incidents(const std::vector<ClaimRecord>& records);

}  // namespace cs::query

#endif  // CS_QUERY_INCIDENTS_H_
