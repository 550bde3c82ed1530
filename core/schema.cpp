#include "core/schema.h"

#include <cctype>

#include "core/dates.h"
#include "core/gazetteer.h"
#include "core/hash.h"
#include "core/normalize.h"

namespace cs::schema {

namespace {

constexpr std::size_t kMaxTermBytes = 245;
constexpr std::string_view kUnknownIdPrefix = "x-";
// After the prefix: the id is a loose key, which no folded key contains.
constexpr std::string_view kLooseIdMark = "~";

std::span<const Field> active_table = kFields;

}  // namespace

std::span<const Field> fields() { return active_table; }

std::vector<const Field*> facet_fields() {
  std::vector<const Field*> facets;
  for (const Field& f : active_table) {
    if (f.is_facet()) facets.push_back(&f);
  }
  return facets;
}

const Field* find_field(std::string_view name) {
  for (const Field& f : active_table) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const Field* field_for_entity_type(EntityType type) {
  for (const Field& f : active_table) {
    if (f.source == ArticleSource::kEntities && f.entity_type == type) return &f;
  }
  return nullptr;
}

FieldTableOverride::FieldTableOverride(std::span<const Field> table) : previous_(active_table) {
  active_table = table;
}

FieldTableOverride::~FieldTableOverride() { active_table = previous_; }

std::string unknown_name_id(std::string_view name) {
  const std::string key = fold_key(name);
  if (key.empty()) return {};
  const std::string loose = loose_key_of(name);
  if (loose.empty()) return std::string(kUnknownIdPrefix) + key;
  // Spelling variants share the loose key; written in URL-safe lower case.
  std::string id = std::string(kUnknownIdPrefix) + std::string(kLooseIdMark);
  for (const char c : loose) {
    if (c == '@') {
      id += '.';  // opens with a vowel
    } else if (c == '$') {
      id += '_';  // closes with one
    } else {
      id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return id;
}

std::string term_value(const Field& field, std::string_view raw, const Gazetteer* gazetteer) {
  switch (field.rule) {
    case ValueRule::kText:
      break;
    case ValueRule::kName:
      return fold_key(raw);
    case ValueRule::kEntity:
      if (const GazetteerEntity* entity = gazetteer ? gazetteer->resolve(raw) : nullptr) {
        return entity->id;
      }
      // An unknown name's id, as facets report it, is accepted as given.
      if (raw.starts_with(kUnknownIdPrefix) && raw.size() > kUnknownIdPrefix.size()) {
        return std::string(raw);
      }
      return unknown_name_id(raw);
    case ValueRule::kYear:
      if (raw.size() != 4) return {};
      return period_start(raw).value_or("").substr(0, 4);
    case ValueRule::kMonth:
      if (raw.size() == 4) return {};
      return period_start(raw).value_or("").substr(0, 6);
  }
  return {};
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
