#include "core/gazetteer.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "core/normalize.h"

namespace cs {

namespace {

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(sep, start);
    parts.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::optional<EntityType> parse_type(std::string_view type) {
  const std::string folded = fold_word(type);
  if (folded == "person") return EntityType::kPerson;
  if (folded == "org" || folded == "organisation" || folded == "organization") {
    return EntityType::kOrg;
  }
  if (folded == "place") return EntityType::kPlace;
  return std::nullopt;
}

// Number of words fold_key sees in a spelling (letters, digits and apostrophes).
std::size_t count_words(std::string_view spelling) {
  std::size_t words = 0;
  bool in_word = false;
  for (unsigned char c : spelling) {
    const bool word_char = std::isalnum(c) || c == '\'' || c >= 0x80;
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// Column positions of the required header names, or an error naming the missing one.
struct Columns {
  std::size_t id, type, canonical, aliases;
  std::optional<std::size_t> subtype;  ///< optional column
};

std::optional<Columns> find_columns(std::string_view header, std::string& error) {
  const auto names = split(header, '\t');
  auto column = [&](std::string_view name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (fold_word(trim(names[i])) == name) return i;
    }
    error = "gazetteer header has no '" + std::string(name) + "' column";
    return std::nullopt;
  };
  const auto id = column("id");
  const auto type = column("type");
  const auto canonical = column("canonical");
  const auto aliases = column("aliases");
  if (!id || !type || !canonical || !aliases) return std::nullopt;
  std::optional<std::size_t> subtype;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (fold_word(trim(names[i])) == "subtype") subtype = i;
  }
  return Columns{*id, *type, *canonical, *aliases, subtype};
}

// The entity of one data row, or nullopt with a warning.
std::optional<GazetteerEntity> parse_row(std::string_view line, const Columns& columns, int line_no,
                                         std::vector<std::string>& warnings) {
  const auto cells = split(line, '\t');
  auto warn = [&](const std::string& what) {
    warnings.push_back("line " + std::to_string(line_no) + ": " + what);
    return std::nullopt;
  };
  const std::size_t needed =
      std::max({columns.id, columns.type, columns.canonical, columns.aliases}) + 1;
  if (cells.size() < needed) return warn("expected " + std::to_string(needed) + " columns");
  GazetteerEntity entity;
  entity.id = std::string(trim(cells[columns.id]));
  entity.canonical = std::string(trim(cells[columns.canonical]));
  if (entity.id.empty() || entity.canonical.empty()) return warn("empty id or canonical name");
  const auto type = parse_type(trim(cells[columns.type]));
  if (!type) return warn("unknown type '" + std::string(trim(cells[columns.type])) + "'");
  entity.type = *type;
  if (columns.subtype && *columns.subtype < cells.size()) {
    entity.subtype = std::string(trim(cells[*columns.subtype]));
  }
  entity.aliases.push_back(entity.canonical);
  for (std::string_view alias : split(cells[columns.aliases], '|')) {
    alias = trim(alias);
    if (alias.empty()) continue;
    if (std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) {
      entity.aliases.emplace_back(alias);
    }
  }
  return entity;
}

// Parses TSV text; nullopt with `error` set when there is no usable header.
std::optional<Gazetteer> parse(std::string_view tsv, std::string& error,
                               std::vector<std::string>& warnings) {
  Gazetteer gazetteer;
  std::optional<Columns> columns;
  std::size_t pos = 0;
  int line_no = 0;
  while (pos < tsv.size()) {
    const std::size_t end = std::min(tsv.find('\n', pos), tsv.size());
    const std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (trim(line).empty() || line.front() == '#') continue;
    if (!columns) {
      columns = find_columns(line, error);
      if (!columns) return std::nullopt;
      continue;
    }
    if (auto entity = parse_row(line, *columns, line_no, warnings)) {
      gazetteer.add(std::move(*entity), warnings);
    }
  }
  if (!columns) {
    error = "gazetteer has no header row";
    return std::nullopt;
  }
  return gazetteer;
}

}  // namespace

Gazetteer Gazetteer::parse_tsv(std::string_view tsv, std::vector<std::string>& warnings) {
  std::string error;
  auto gazetteer = parse(tsv, error, warnings);
  if (!gazetteer) {
    warnings.push_back(error);
    return {};
  }
  return std::move(*gazetteer);
}

std::optional<Gazetteer> Gazetteer::load_file(const std::string& path, std::string& error,
                                              std::vector<std::string>& warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read gazetteer " + path;
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto gazetteer = parse(buffer.str(), error, warnings);
  if (!gazetteer) error = path + ": " + error;
  return gazetteer;
}

bool Gazetteer::add(GazetteerEntity entity, std::vector<std::string>& warnings) {
  if (by_id_.count(entity.id) != 0) {
    warnings.push_back("duplicate entity id '" + entity.id + "' ignored");
    return false;
  }
  const std::size_t index = entities_.size();
  std::vector<std::string> aliases = std::move(entity.aliases);
  entity.aliases.clear();
  by_id_.emplace(entity.id, index);
  entities_.push_back(std::move(entity));
  add_spellings(index, std::move(aliases), true, &warnings);
  return true;
}

std::size_t Gazetteer::add_spellings(std::size_t index, std::vector<std::string> aliases,
                                     bool append, std::vector<std::string>* warnings) {
  std::size_t refused = 0;
  GazetteerEntity& entity = entities_[index];
  for (std::string& alias : aliases) {
    const std::vector<std::string> words = fold_words_of(alias);
    const std::string key = join_folded(words);
    if (key.size() < 2) continue;  // "PPP" folds to "p": one letter names nothing
    auto& keys = is_acronym_spelling(alias) ? by_acronym_ : by_key_;
    const auto [it, inserted] = keys.emplace(key, index);
    if (!inserted && it->second != index) {
      ++refused;
      if (warnings != nullptr) {
        const std::string& owner = entities_[it->second].id;
        warnings->push_back("spelling '" + alias + "' of " + entity.id + " already names " + owner +
                            "; kept for " + owner);
      }
      continue;
    }
    if (!inserted && !append) continue;  // a spelling the entity has under another form
    max_words_ = std::max(max_words_, count_words(alias));
    if (&keys == &by_key_) {
      if (std::string loose = loose_key(words); !loose.empty()) {
        const auto [at, fresh] = by_loose_.emplace(std::move(loose), index);
        if (!fresh && at->second != index) at->second = kAmbiguous;
      }
    }
    if (append ||
        std::find(entity.aliases.begin(), entity.aliases.end(), alias) == entity.aliases.end()) {
      entity.aliases.push_back(std::move(alias));
    }
  }
  return refused;
}

std::size_t Gazetteer::merge(const Gazetteer& other, std::vector<std::string>* warnings) {
  std::size_t refused = 0;
  for (const GazetteerEntity& e : other.entities_) {
    if (const auto it = by_id_.find(e.id); it != by_id_.end()) {
      refused += add_spellings(it->second, e.aliases, false, warnings);
      continue;
    }
    GazetteerEntity copy = e;
    const std::size_t index = entities_.size();
    std::vector<std::string> aliases = std::move(copy.aliases);
    copy.aliases.clear();
    by_id_.emplace(copy.id, index);
    entities_.push_back(std::move(copy));
    refused += add_spellings(index, std::move(aliases), true, warnings);
  }
  return refused;
}

bool Gazetteer::is_acronym_spelling(std::string_view spelling) {
  int letters = 0;
  for (unsigned char c : spelling) {
    if (c >= 'a' && c <= 'z') return false;
    letters += (c >= 'A' && c <= 'Z') ? 1 : 0;
  }
  return letters > 0 && letters <= kMaxAcronymLetters;
}

const GazetteerEntity* Gazetteer::find_in_text(std::string_view folded_key,
                                               bool in_capitals) const {
  const std::string key(folded_key);
  if (in_capitals) {
    if (const auto it = by_acronym_.find(key); it != by_acronym_.end()) {
      return &entities_[it->second];
    }
  }
  const auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &entities_[it->second];
}

const GazetteerEntity* Gazetteer::find_by_key(std::string_view folded_key) const {
  const std::string key(folded_key);
  if (const auto it = by_key_.find(key); it != by_key_.end()) return &entities_[it->second];
  const auto it = by_acronym_.find(key);
  return it == by_acronym_.end() ? nullptr : &entities_[it->second];
}

const GazetteerEntity* Gazetteer::find_loose(std::string_view loose) const {
  if (loose.empty()) return nullptr;
  const auto it = by_loose_.find(std::string(loose));
  return it == by_loose_.end() || it->second == kAmbiguous ? nullptr : &entities_[it->second];
}

const GazetteerEntity* Gazetteer::find_loose_spelling(
    std::span<const std::string> folded_words) const {
  for (const std::string& key : loose_keys(folded_words)) {
    if (const GazetteerEntity* e = find_loose(key)) return e;
  }
  return nullptr;
}

const GazetteerEntity* Gazetteer::find_by_id(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

const GazetteerEntity* Gazetteer::resolve(std::string_view name) const {
  // An id first: facets hand ids out, and an id may fold to another entity's spelling ("sana",
  // the news agency SANA, against "Sana'a", the city).
  if (const GazetteerEntity* e = find_by_id(name)) return e;
  return find_by_key(fold_key(name));
}

const Gazetteer& default_gazetteer() {
  static const Gazetteer kDefault = [] {
    std::vector<std::string> warnings;  // the gazetteer test keeps the bundled files clean
    return Gazetteer::parse_tsv(default_gazetteer_tsv(), warnings);
  }();
  return kDefault;
}

std::string Gazetteer::to_tsv() const {
  std::string out = "id\ttype\tcanonical\taliases\n";
  for (const GazetteerEntity& e : entities_) {
    out += e.id + '\t' + std::string(entity_type_name(e.type)) + '\t' + e.canonical + '\t';
    for (std::size_t i = 0; i < e.aliases.size(); ++i) {
      if (i > 0) out += '|';
      out += e.aliases[i];
    }
    out += '\n';
  }
  return out;
}

}  // namespace cs
