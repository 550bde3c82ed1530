#include "cli/output.h"

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

}  // namespace cs::cli
