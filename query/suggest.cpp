#include "query/suggest.h"

#include <algorithm>
#include <sstream>

#include "core/normalize.h"
#include "core/schema.h"
#include "core/stemming.h"

namespace cs::query {

namespace {

constexpr std::size_t kMinWordLength = 4;

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// A word worth checking: letters only, not an operator, not a field:value.
bool is_plain_word(const std::string& w) {
  if (w.size() < kMinWordLength || w == "AND" || w == "NOT" || w == "XOR") return false;
  return std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalpha(c); });
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

bool has_spellings(const Xapian::Database& db) {
  return db.spellings_begin() != db.spellings_end();
}

}  // namespace

Suggester::Suggester(const Xapian::Database& db, const Gazetteer& gazetteer,
                     const Xapian::Database* spelling)
    : db_(db),
      spelling_(spelling != nullptr && has_spellings(*spelling) ? *spelling : db),
      gazetteer_(gazetteer),
      stemmer_(make_stemmer()),
      has_spelling_table_(has_spellings(spelling_)) {}

const std::vector<std::pair<std::string, std::string>>& Suggester::aliases() const {
  std::call_once(aliases_once_, [this] {
    for (const GazetteerEntity& entity : gazetteer_.entities()) {
      for (const std::string& alias : entity.aliases) {
        aliases_.emplace_back(fold_key(alias), lowercase(alias));
      }
    }
  });
  return aliases_;
}

std::optional<std::string> Suggester::correct_word(const std::string& word) const {
  const std::string lower = lowercase(word);
  if (db_.term_exists(stemmer_(lower))) return std::nullopt;
  if (has_spelling_table_) {
    std::string fix = spelling_.get_spelling_suggestion(lower);
    if (!fix.empty()) return fix;
  }
  // Folded as the spellings are: a word that folds to a spelling's key already finds that
  // entity ("hezbolah", "raqqa"), and suggesting it back would only repeat the query.
  const std::string key = fold_key(lower);
  const std::size_t max_distance = key.size() >= 8 ? 2 : 1;
  const std::pair<std::string, std::string>* best = nullptr;
  std::size_t best_distance = max_distance + 1;
  for (const auto& alias : aliases()) {
    const std::size_t d = edit_distance(key, alias.first);
    if (d < best_distance) {
      best = &alias;
      best_distance = d;
    }
  }
  if (best == nullptr || best_distance == 0 || best->second == lower) return std::nullopt;
  return best->second;
}

std::optional<std::string> Suggester::suggest(const std::string& query) const {
  std::istringstream words(normalize_text(query));
  std::string word;
  std::string out;
  bool changed = false;
  while (words >> word) {
    if (is_plain_word(word)) {
      if (auto fix = correct_word(word)) {
        word = *fix;
        changed = true;
      }
    }
    out += (out.empty() ? "" : " ") + word;
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace cs::query
