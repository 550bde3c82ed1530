#include "searchd/csv.h"

#include <optional>
#include <vector>

namespace cs::searchd {
namespace {

std::string names_of(const std::vector<query::HitEntity>& entities, std::string_view type) {
  std::string joined;
  for (const auto& e : entities) {
    if (!type.empty() && e.type != type) continue;
    if (!joined.empty()) joined += "; ";
    joined += e.name;
  }
  return joined;
}

std::string or_empty(const std::optional<std::string>& value) { return value.value_or(""); }

}  // namespace

std::string csv_field(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_header() {
  return "id,published,outlet,title,url,author,persons,orgs,places,sources,text\r\n";
}

std::string csv_row(const query::StoredArticle& a) {
  const std::string fields[] = {a.id,
                                or_empty(a.published),
                                or_empty(a.outlet),
                                a.title,
                                or_empty(a.url),
                                or_empty(a.author),
                                names_of(a.entities, "person"),
                                names_of(a.entities, "org"),
                                names_of(a.entities, "place"),
                                names_of(a.sources, ""),
                                a.text};
  std::string row;
  for (const auto& f : fields) {
    if (!row.empty()) row += ',';
    row += csv_field(f);
  }
  return row + "\r\n";
}

}  // namespace cs::searchd
