// The entity gazetteer: canonical entities with their spellings, looked up by folded key.
//
// Loaded from a TSV with a header row naming at least `id`, `type` (person, org/organisation,
// place), `canonical` and `aliases` (`|`-separated); other columns are ignored, so users can
// bring their own lists. The indexer uses it to find entities in text; the query side uses it
// (loaded from the index metadata, schema::kMetaGazetteer) to resolve any spelling a user
// types to the same canonical id.
//
// Thread-safety: immutable after construction; const methods are safe from any thread.
#ifndef CS_CORE_GAZETTEER_H_
#define CS_CORE_GAZETTEER_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"

namespace cs {

/// One gazetteer entry.
struct GazetteerEntity {
  std::string id;
  EntityType type = EntityType::kOther;
  std::string canonical;
  std::string subtype;  ///< the optional subtype column ("city", "country", "armed", "gov", ...)
  std::vector<std::string> aliases;  ///< every listed spelling, canonical included
};

/// Entities keyed by the fold_key of each of their spellings.
class Gazetteer {
 public:
  Gazetteer() = default;

  /// Parses TSV text. Bad rows are skipped with a message ("line N: ...") added to `warnings`.
  static Gazetteer parse_tsv(std::string_view tsv, std::vector<std::string>& warnings);

  /// Reads and parses a TSV file. Returns nullopt and sets `error` if the file cannot be read
  /// or has no usable header; row problems go to `warnings`.
  static std::optional<Gazetteer> load_file(const std::string& path, std::string& error,
                                            std::vector<std::string>& warnings);

  /// Adds an entity (its canonical name should be among its aliases). A spelling whose folded
  /// key already names another entity stays with the first one, with a warning; a repeated
  /// id is refused (returns false) with a warning. Call only while building the gazetteer.
  bool add(GazetteerEntity entity, std::vector<std::string>& warnings);

  /// Adds `other`'s entities: a new id as add() does, an id already here gains the spellings it
  /// lacks. A spelling that already names another entity stays with it; each such refusal is
  /// a warning when `warnings` is given. Returns the number of refused spellings.
  std::size_t merge(const Gazetteer& other, std::vector<std::string>* warnings);

  /// The entity whose spelling folds to `folded_key` (non-acronym spellings first), or nullptr.
  const GazetteerEntity* find_by_key(std::string_view folded_key) const;

  /// The entity a span of article text names: a span written in capitals ("SANA") matches
  /// acronym spellings first, then other spellings; any other span ("Sanaa") only non-acronym
  /// spellings, so acronyms are recognised only when written in capitals.
  const GazetteerEntity* find_in_text(std::string_view folded_key, bool in_capitals) const;

  /// The one entity whose non-acronym spellings have `loose` as loose key (normalize.h
  /// loose_key), or nullptr when none has or several different entities share it: a loose
  /// match links only when it is unambiguous.
  const GazetteerEntity* find_loose(std::string_view loose) const;

  /// The entity of the first of `folded_words`' loose_keys (its own, then as German and as
  /// French transliterations write it) that find_loose links, or nullptr.
  const GazetteerEntity* find_loose_spelling(std::span<const std::string> folded_words) const;

  /// True for an acronym spelling: no lower-case letters, at most kMaxAcronymLetters letters.
  static bool is_acronym_spelling(std::string_view spelling);

  /// Longest acronym spelling ("UNHCR").
  static constexpr int kMaxAcronymLetters = 5;

  /// The entity with this id, or nullptr.
  const GazetteerEntity* find_by_id(std::string_view id) const;

  /// The entity whose id is `name`, else find_by_key(fold_key(name)).
  const GazetteerEntity* resolve(std::string_view name) const;

  /// Most words in any spelling (bounds the n-gram length a matcher must try).
  std::size_t max_words() const { return max_words_; }

  /// Number of entities.
  std::size_t size() const { return entities_.size(); }

  /// All entities, in file order.
  const std::vector<GazetteerEntity>& entities() const { return entities_; }

  /// The gazetteer as TSV (header id, type, canonical, aliases), for the index metadata.
  std::string to_tsv() const;

 private:
  std::vector<GazetteerEntity> entities_;
  std::unordered_map<std::string, std::size_t> by_key_;      ///< non-acronym spellings
  std::unordered_map<std::string, std::size_t> by_acronym_;  ///< acronym spellings
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, std::size_t> by_loose_;  ///< kAmbiguous when shared
  static constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);
  std::size_t max_words_ = 0;

  // Keys `aliases` for the entity at `index` (appending to its list when `append`); refused
  // spellings are counted and reported to `warnings` when given.
  std::size_t add_spellings(std::size_t index, std::vector<std::string> aliases, bool append,
                            std::vector<std::string>* warnings);
};

/// The bundled gazetteer's TSV (data/gazetteer/*.tsv joined under one header, generated at
/// build time by cmake/EmbedGazetteer.cmake).
std::string_view default_gazetteer_tsv();

/// The gazetteer bundled with the engine (data/gazetteer/*.tsv, compiled in at build time):
/// the people, groups and places of today's wars, with their spellings in Latin, Arabic and
/// Cyrillic script. Parsed once; shared by every caller.
const Gazetteer& default_gazetteer();

}  // namespace cs

#endif  // CS_CORE_GAZETTEER_H_
