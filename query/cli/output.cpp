#include "query/cli/output.h"

#include <utility>

namespace cs::cli {

namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kMatch = "\x1b[1;31m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kDim = "\x1b[2m";

std::string csv_field(std::string_view value) {
  if (value.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

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

std::string csv_header() { return "id,title,outlet,published,url,author,entities"; }

std::string csv_line(const query::StoredArticle& article) {
  std::string entities;
  for (const query::HitEntity& e : article.entities) {
    entities += (entities.empty() ? "" : "; ") + e.name;
  }
  const std::string fields[] = {article.id,
                                article.title,
                                article.outlet.value_or(""),
                                article.published.value_or(""),
                                article.url.value_or(""),
                                article.author.value_or(""),
                                entities};
  std::string line;
  for (const std::string& f : fields) line += (line.empty() ? "" : ",") + csv_field(f);
  return line;
}

}  // namespace cs::cli
