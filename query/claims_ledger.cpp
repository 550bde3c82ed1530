#include "query/claims_ledger.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/claim.h"

namespace cs::query {

namespace {

Incident summarise(const ClaimTable& table, const IncidentGroup& group, const EntityNamer& name) {
  const auto& all = table.rows();
  const ClaimRow& first = all[group.first];
  Incident incident;
  incident.outcome = std::string(outcome_name(first.outcome));
  incident.victims = std::string(victim_class_name(first.victim_class));
  if (first.place != 0) incident.place = {table.text(first.place), name(table.text(first.place))};
  if (group.group != 0) incident.group = {table.text(group.group), name(table.text(group.group))};
  incident.from = table.text(first.event_date);
  incident.to = table.text(all[group.last].event_date);
  const ClaimRow& front = all[group.members.front()];
  incident.id = (first.place == 0 ? "-" : table.text(first.place)) + "/" + incident.outcome + "/" +
                incident.victims + "/" + (incident.from.empty() ? "-" : incident.from) + "/" +
                table.text(front.article_id);
  std::set<TextId> claimants, outlets, articles;
  for (std::uint32_t m : group.members) {
    const ClaimRow& r = all[m];
    if (r.low > 0 || r.high > 0) {
      incident.low = std::min(incident.low.value_or(r.low), r.low);
      incident.high = std::max(incident.high.value_or(r.high), r.high);
    }
    if (r.claimant != 0) claimants.insert(r.claimant);
    if (r.outlet != 0) outlets.insert(r.outlet);
    articles.insert(r.cluster);
  }
  incident.claimants = static_cast<int>(claimants.size());
  incident.outlets = static_cast<int>(outlets.size());
  incident.articles = static_cast<int>(articles.size());
  incident.claims_total = static_cast<int>(group.members.size());
  return incident;
}

// The members listed under an incident, at most kMaxClaimsPerIncident: every claimant's first
// claim (every outlet's, for the outlets' own statements) before further claims of the same
// claimants, so the disagreement stays in view; in date order.
std::vector<std::uint32_t> listed_members(const ClaimTable& table, const IncidentGroup& g) {
  const auto limit = static_cast<std::size_t>(kMaxClaimsPerIncident);
  if (g.members.size() <= limit) return g.members;
  std::vector<std::uint32_t> listed;
  std::vector<bool> taken(g.members.size(), false);
  std::set<std::uint64_t> voices;  // claimant, or (1 << 32 | outlet) for the outlet's own
  for (std::size_t i = 0; i < g.members.size() && listed.size() < limit; ++i) {
    const ClaimRow& r = table.rows()[g.members[i]];
    const std::uint64_t voice =
        r.claimant != 0 ? r.claimant : ((std::uint64_t{1} << 32) | r.outlet);
    if (voices.insert(voice).second) {
      listed.push_back(static_cast<std::uint32_t>(i));
      taken[i] = true;
    }
  }
  for (std::size_t i = 0; i < g.members.size() && listed.size() < limit; ++i) {
    if (!taken[i]) listed.push_back(static_cast<std::uint32_t>(i));
  }
  std::sort(listed.begin(), listed.end());
  for (std::uint32_t& i : listed) i = g.members[i];
  return listed;
}

}  // namespace

void fill_ledger(const ClaimTable& table, const std::vector<std::uint32_t>& rows, int limit,
                 const ArticleReader& read, const EntityNamer& name, ClaimsResult& result) {
  IncidentCounts counts;
  const std::vector<IncidentGroup> groups =
      group_incidents(table, rows, static_cast<std::size_t>(std::max(limit, 0)), counts);
  result.incidents_total = static_cast<std::int64_t>(counts.incidents);
  result.claims = static_cast<std::int64_t>(counts.claims);
  std::map<std::uint32_t, std::optional<Article>> articles;  // read once per request
  for (const IncidentGroup& g : groups) {
    Incident incident = summarise(table, g, name);
    for (std::uint32_t m : listed_members(table, g)) {
      const ClaimRow& r = table.rows()[m];
      auto it = articles.find(r.article);
      if (it == articles.end()) it = articles.emplace(r.article, read(r.article)).first;
      const std::optional<Article>& article = it->second;
      if (!article || r.index >= article->claims.size()) continue;
      IncidentClaim c;
      c.article_id = article->id;
      c.title = article->title;
      if (!article->outlet.empty()) c.outlet = article->outlet;
      if (article->published.known()) c.published = article->published.iso();
      c.claim = article->claims[r.index];
      incident.claims.push_back(std::move(c));
    }
    result.incidents.push_back(std::move(incident));
  }
}

}  // namespace cs::query
