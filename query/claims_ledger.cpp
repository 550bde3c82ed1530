#include "query/claims_ledger.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/claim.h"

namespace cs::query {

namespace {

Incident summarise(const std::vector<ClaimRecord>& records, const IncidentGroup& group,
                   const EntityNamer& name) {
  const ClaimKey& first = records[group.members.front()].key;
  Incident incident;
  incident.outcome = std::string(outcome_name(first.outcome));
  incident.victims = std::string(victim_class_name(first.victim_class));
  if (!first.place_id.empty()) incident.place = {first.place_id, name(first.place_id)};
  if (!group.group_id.empty()) incident.group = {group.group_id, name(group.group_id)};
  incident.from = group.first_date;
  incident.to = group.last_date;
  incident.id = (first.place_id.empty() ? "-" : first.place_id) + "/" + incident.outcome + "/" +
                incident.victims + "/" + (group.first_date.empty() ? "-" : group.first_date) + "/" +
                records[group.members.front()].article_id;
  std::set<std::string> claimants, outlets, articles;
  for (std::size_t m : group.members) {
    const ClaimRecord& r = records[m];
    if (r.key.low > 0 || r.key.high > 0) {
      incident.low = std::min(incident.low.value_or(r.key.low), r.key.low);
      incident.high = std::max(incident.high.value_or(r.key.high), r.key.high);
    }
    if (!r.key.claimant_id.empty()) claimants.insert(r.key.claimant_id);
    if (!r.outlet.empty()) outlets.insert(r.outlet);
    articles.insert(r.dup_cluster);
  }
  incident.claimants = static_cast<int>(claimants.size());
  incident.outlets = static_cast<int>(outlets.size());
  incident.articles = static_cast<int>(articles.size());
  incident.claims_total = static_cast<int>(group.members.size());
  return incident;
}

}  // namespace

void fill_ledger(const std::vector<ClaimRecord>& records, int limit, const ArticleReader& read,
                 const EntityNamer& name, ClaimsResult& result) {
  const std::vector<IncidentGroup> groups = group_incidents(records);
  result.incidents_total = static_cast<std::int64_t>(groups.size());
  result.claims = 0;
  for (const IncidentGroup& g : groups)
    result.claims += static_cast<std::int64_t>(g.members.size());
  std::map<std::uint32_t, std::optional<Article>> articles;  // read once per request
  for (const IncidentGroup& g : groups) {
    if (static_cast<int>(result.incidents.size()) >= limit) break;
    Incident incident = summarise(records, g, name);
    for (std::size_t m : g.members) {
      if (static_cast<int>(incident.claims.size()) >= kMaxClaimsPerIncident) break;
      const ClaimRecord& r = records[m];
      auto it = articles.find(r.article);
      if (it == articles.end()) it = articles.emplace(r.article, read(r.article)).first;
      const std::optional<Article>& article = it->second;
      if (!article || r.key.index >= article->claims.size()) continue;
      IncidentClaim c;
      c.article_id = article->id;
      c.title = article->title;
      if (!article->outlet.empty()) c.outlet = article->outlet;
      if (article->published.known()) c.published = article->published.iso();
      c.claim = article->claims[r.key.index];
      incident.claims.push_back(std::move(c));
    }
    result.incidents.push_back(std::move(incident));
  }
}

}  // namespace cs::query
