#include "cli/output.h"

#include <cstdio>
#include <map>
#include <utility>

namespace cs::cli {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string styled(std::string_view text, std::string_view style, bool colour) {
  if (!colour) return std::string(text);
  return std::string(style) + std::string(text) + std::string(kReset);
}

// `text` cut to `width` - 1 characters (UTF-8 aware; a cut marked with "…") and padded to
// `width`, so columns stay apart.
std::string cell(std::string_view text, std::size_t width) {
  const std::size_t room = width - 1;
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (chars + 1 == room && i + len < text.size()) {
      out += "\u2026";
      ++chars;
      break;
    }
    out.append(text.substr(i, len));
    i += len;
    ++chars;
  }
  out.append(width - chars, ' ');
  return out;
}

std::string figure(const CasualtyClaim& c) {
  if (!c.vague.empty()) return c.number;
  std::string n = std::to_string(c.low);
  if (c.high != c.low) n += "-" + std::to_string(c.high);
  if (!c.qualifier.empty()) n = c.qualifier + " " + n;
  return n + (c.update ? " (update)" : "");
}

}  // namespace

std::string snippet_for_terminal(std::string_view html, bool colour) {
  static const std::pair<std::string_view, std::string_view> kReplacements[] = {
      {"<mark>", kMatch}, {"</mark>", kReset}, {"&amp;", "&"}, {"&lt;", "<"},
      {"&gt;", ">"},      {"&quot;", "\""},    {"&#39;", "'"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    bool replaced = false;
    for (const auto& [from, to] : kReplacements) {
      if (html.substr(i, from.size()) == from) {
        const bool is_mark = from[0] == '<';
        if (!is_mark || colour) out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      const char c = html[i++];
      out += c == '\n' ? ' ' : c;
    }
  }
  return out;
}

void print_results(std::ostream& out, const query::SearchResult& result, bool colour) {
  const std::int64_t first = static_cast<std::int64_t>(result.page - 1) * result.page_size + 1;
  out << result.total << (result.total_exact ? "" : " (about)") << " matching article"
      << (result.total == 1 ? "" : "s");
  if (!result.hits.empty()) {
    out << ", showing " << first << "-"
        << first + static_cast<std::int64_t>(result.hits.size()) - 1;
  }
  out << "\n";
  if (result.suggestion) out << "Did you mean: " << *result.suggestion << "\n";
  std::int64_t rank = first;
  for (const query::Hit& hit : result.hits) {
    out << "\n"
        << rank++ << ". " << styled(hit.title.empty() ? hit.id : hit.title, kBold, colour) << "\n";
    std::string meta = hit.outlet.value_or("unknown outlet") + " | " +
                       hit.published.value_or("undated") + " | " + hit.id;
    if (hit.duplicates > 0) meta += " | +" + std::to_string(hit.duplicates) + " copies";
    out << "   " << styled(meta, kDim, colour) << "\n";
    if (!hit.snippet.empty()) out << "   " << snippet_for_terminal(hit.snippet, colour) << "\n";
    if (hit.url) out << "   " << *hit.url << "\n";
  }
}

void print_claims(std::ostream& out, const query::ClaimsResult& result, bool colour) {
  out << result.incidents_total << " incident" << (result.incidents_total == 1 ? "" : "s") << ", "
      << result.claims << " claim" << (result.claims == 1 ? "" : "s") << " in "
      << result.articles_with_claims << " of " << result.total << " matching articles";
  if (result.truncated) out << " (the newest " << result.articles_with_claims << " read)";
  if (!result.incidents.empty()) out << ", showing " << result.incidents.size();
  out << "\n";
  if (result.incidents.empty()) return;
  out << "\n"
      << cell("INCIDENT", 9) << cell("CLAIMANT", 36) << cell("NUMBER", 18) << cell("VICTIMS", 30)
      << cell("OUTLET", 22) << "DATE\n";
  int number = 1;
  for (const query::Incident& i : result.incidents) {
    std::string head = "#" + std::to_string(number) + " " +
                       (i.place.empty() ? "unknown place" : i.place.name) + ", " + i.outcome +
                       ", " + i.victims + (i.group.empty() ? "" : " (" + i.group.name + ")") +
                       ", " + (i.from.empty() ? "undated" : i.from) +
                       (i.to != i.from && !i.to.empty() ? " to " + i.to : "");
    if (i.low) {
      head +=
          ", " + std::to_string(*i.low) + (*i.high != *i.low ? "-" + std::to_string(*i.high) : "");
    }
    head += " | " + std::to_string(i.claimants) + " claimant" + (i.claimants == 1 ? "" : "s") +
            ", " + std::to_string(i.outlets) + " outlet" + (i.outlets == 1 ? "" : "s");
    out << "\n" << styled(head, kBold, colour) << "\n";
    for (const query::IncidentClaim& c : i.claims) {
      const std::string claimant =
          c.claim.claimant.empty() ? "(the outlet itself)" : c.claim.claimant.name;
      const std::string date = c.claim.event_date.known() ? c.claim.event_date.iso() : "-";
      out << cell("#" + std::to_string(number), 9) << cell(claimant, 36)
          << cell(figure(c.claim), 18) << cell(c.claim.victims.empty() ? "-" : c.claim.victims, 30)
          << cell(c.outlet.value_or("-"), 22) << date << "\n";
    }
    if (i.claims_total > static_cast<int>(i.claims.size())) {
      out << cell("", 9) << "... " << i.claims_total - static_cast<int>(i.claims.size())
          << " more\n";
    }
    ++number;
  }
}

void print_facets(std::ostream& out, const query::SearchResult& result) {
  out << "\nFacets" << (result.facets_exact ? "" : " (approximate)") << ":\n";
  for (const query::FacetResult& facet : result.facets) {
    out << "  " << facet.name << ":";
    if (facet.values.empty()) out << " -";
    for (std::size_t i = 0; i < facet.values.size(); ++i) {
      out << (i == 0 ? " " : ", ") << facet.values[i].value << " (" << facet.values[i].count << ")";
    }
    out << "\n";
  }
}

namespace {

// "name 12, other 3": a list of counts on one line.
std::string count_list(const std::vector<query::FacetCount>& counts) {
  std::string line;
  for (const query::FacetCount& c : counts) {
    if (!line.empty()) line += ", ";
    line += c.value + " " + std::to_string(c.count);
  }
  return line.empty() ? "-" : line;
}

}  // namespace

void print_entity_profile(std::ostream& out, const query::EntityProfile& profile) {
  out << profile.entity.name << " (" << profile.entity.type << ", " << profile.entity.id
      << "): " << profile.articles << " articles\n";
  out << "  spellings   " << count_list(profile.spellings) << "  (in the newest "
      << profile.spellings_from << " articles)\n";
  for (const query::FacetResult& facet : profile.cooccurring) {
    out << "  with " << facet.name
        << std::string(facet.name.size() < 6 ? 6 - facet.name.size() : 0, ' ') << " "
        << count_list(facet.values) << "\n";
  }
  out << "  outlets     " << count_list(profile.outlets) << "\n";
  out << "  sources     " << count_list(profile.sources) << "\n";
  std::map<std::string, std::int64_t> years;
  for (const query::TimelineBucket& b : profile.timeline) years[b.period.substr(0, 4)] += b.count;
  std::string by_year;
  for (const auto& [year, count] : years) {
    by_year += (by_year.empty() ? "" : ", ") + year + " " + std::to_string(count);
  }
  out << "  by year     " << (by_year.empty() ? "-" : by_year) << "\n";
  out << "  newest:\n";
  for (const query::Hit& hit : profile.newest) {
    out << "    " << hit.published.value_or("undated") << "  " << hit.title << " ("
        << hit.outlet.value_or("unknown outlet") << ")\n";
  }
  if (!profile.incidents.empty()) {
    out << "  incidents (" << profile.incidents_total << "):\n";
    for (const query::Incident& i : profile.incidents) {
      out << "    " << (i.from.empty() ? "undated" : i.from) << "  " << i.outcome << " "
          << i.victims << (i.place.name.empty() ? "" : " in " + i.place.name) << ": "
          << (i.low ? std::to_string(*i.low) : "?")
          << (i.high && i.low != i.high ? "-" + std::to_string(*i.high) : "") << " (" << i.claimants
          << " claimants, " << i.outlets << " outlets)\n";
    }
  }
}

void print_timeline(std::ostream& out, const query::TimelineComparison& comparison) {
  for (const query::TimelineSeries& s : comparison.series) {
    out << s.query << ": " << s.total << " matches (" << s.dated << " dated)\n";
  }
  out << "per " << query::interval_name(comparison.interval) << "\n";
  char cell[64];
  for (std::size_t k = 0; k < comparison.periods.size(); ++k) {
    out << comparison.periods[k];
    for (const query::TimelineSeries& s : comparison.series) {
      if (comparison.normalised) {
        std::snprintf(cell, sizeof cell, "  %8lld %6.2f%%", static_cast<long long>(s.counts[k]),
                      100.0 * s.shares[k]);
      } else {
        std::snprintf(cell, sizeof cell, "  %8lld", static_cast<long long>(s.counts[k]));
      }
      out << cell;
    }
    out << "\n";
  }
}

}  // namespace cs::cli
