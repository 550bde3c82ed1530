#include "core/schema.h"

#include <array>

#include "core/hash.h"

namespace cs::schema {

namespace {
constexpr std::size_t kMaxTermBytes = 245;
constexpr std::array kAllFacets = {Facet::kOutlet, Facet::kYear,  Facet::kMonth, Facet::kPerson,
                                   Facet::kOrg,    Facet::kPlace, Facet::kSource};
}  // namespace

std::string_view facet_name(Facet f) {
  switch (f) {
    case Facet::kOutlet:
      return "outlet";
    case Facet::kYear:
      return "year";
    case Facet::kMonth:
      return "month";
    case Facet::kPerson:
      return "person";
    case Facet::kOrg:
      return "org";
    case Facet::kPlace:
      return "place";
    case Facet::kSource:
      return "source";
    case Facet::kNone:
      break;
  }
  return {};
}

std::span<const Facet> all_facets() { return kAllFacets; }

const Field* find_field(std::string_view name) {
  for (const Field& f : kFields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const Field* field_for_facet(Facet facet) {
  for (const Field& f : kFields) {
    if (f.facet == facet) return &f;
  }
  return nullptr;
}

std::string make_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() + value.size() <= kMaxTermBytes) {
    term.append(value);
  } else {
    term.append(hex64(stable_hash64(value)));
  }
  return term;
}

std::string id_term(std::string_view article_id) { return make_term(kPrefixId, article_id); }

std::string check_schema_version(const Xapian::Database& db) {
  const std::string stored = db.get_metadata(std::string(kMetaSchemaVersion));
  const std::string expected = std::to_string(kSchemaVersion);
  if (stored == expected) return {};
  if (stored.empty()) {
    return "index has no schema version (not built by corpus-index?); reindex with corpus-index";
  }
  return "index has schema version " + stored + ", this program needs " + expected +
         "; reindex with corpus-index";
}

}  // namespace cs::schema
