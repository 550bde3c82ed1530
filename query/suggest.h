// "Did you mean": a corrected query for searches that found little.
//
// A query word that matches no indexed term is replaced by the index's spelling suggestion
// when the index has a spelling table (over remote shards, which have none Xapian can read:
// the stub's spelling exports), otherwise by the closest gazetteer spelling (edit distance 1,
// or 2 for words of 8+ letters). Field values and operators are left alone.
//
// Thread-safety: not thread-safe (uses the Database); one per Searcher.
#ifndef CS_QUERY_SUGGEST_H_
#define CS_QUERY_SUGGEST_H_

#include <xapian.h>

#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/gazetteer.h"

namespace cs::query {

/// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Suggests corrections for one database and gazetteer (both must outlive it).
class Suggester {
 public:
  /// `spelling`, when it holds spelling data (and must then outlive the Suggester), is where
  /// corrections come from instead of `db`: the spelling exports of remote shards.
  Suggester(const Xapian::Database& db, const Gazetteer& gazetteer,
            const Xapian::Database* spelling = nullptr);

  /// The corrected query, or nullopt when no word needed (or had) a correction.
  std::optional<std::string> suggest(const std::string& query) const;

 private:
  std::optional<std::string> correct_word(const std::string& word) const;
  // fold_key -> lowercase spelling of every alias, made on first use: most searches never ask
  // for a correction, and folding every spelling was a quarter of a CLI search's start-up.
  const std::vector<std::pair<std::string, std::string>>& aliases() const;

  const Xapian::Database& db_;
  const Xapian::Database& spelling_;  // db_, or the spelling exports given
  const Gazetteer& gazetteer_;
  Xapian::Stem stemmer_;
  bool has_spelling_table_;
  mutable std::once_flag aliases_once_;
  mutable std::vector<std::pair<std::string, std::string>> aliases_;
};

}  // namespace cs::query

#endif  // CS_QUERY_SUGGEST_H_
