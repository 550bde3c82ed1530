// Entity recognition over tokenised text: gazetteer names matched by folded key (so every
// spelling equal under fold_key resolves to one entity, listed or not), longest match first,
// with acronyms required in capitals and English-word acronyms ("IS", "US") accepted only in
// context; then capitalised multi-word names the gazetteer does not know, as EntityType::kOther.
//
// Thread-safety: EntityMatcher is immutable after construction; find() may run concurrently.
#ifndef CS_INDEXER_ENTITIES_H_
#define CS_INDEXER_ENTITIES_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/article.h"
#include "core/gazetteer.h"
#include "indexer/entities_tokens.h"

namespace cs {

/// One entity occurrence: tokens [first, end) of a TokenizedText.
struct EntityMatch {
  std::size_t first = 0;
  std::size_t end = 0;
  const GazetteerEntity* entity = nullptr;  ///< nullptr for an unknown name (kOther)
  bool loose = false;  ///< linked through the loose key (no listed spelling matched)
  /// For an unknown name: the type its context shows ("the town of X", "commander X",
  /// "the 92nd Mechanised Brigade"), else EntityType::kOther.
  EntityType unknown_type = EntityType::kOther;
  /// For a back reference to an unknown name ("Osmani" after "Kamal Osmani", "DPM" after
  /// "Darfur Protection Monitor (DPM)"): the tokens [same_first, same_end) of the name it
  /// refers to, which gives its id and name; empty (equal) otherwise.
  std::size_t same_first = 0;
  std::size_t same_end = 0;

  /// The tokens whose text names the entity: the referred name's, else the match's own.
  std::size_t name_first() const { return same_end > same_first ? same_first : first; }
  std::size_t name_end() const { return same_end > same_first ? same_end : end; }
};

/// Finds entity occurrences using one gazetteer (which must outlive the matcher).
class EntityMatcher {
 public:
  explicit EntityMatcher(const Gazetteer& gazetteer);

  /// Occurrences in token order, never overlapping.
  std::vector<EntityMatch> find(const TokenizedText& text) const;

 private:
  // The entity named at tokens[start], trying the first word's Arabic proclitic forms;
  // `end` is set past its last token.
  const GazetteerEntity* match_at(const TokenizedText& text, std::size_t start,
                                  std::size_t& end) const;
  // Links runs of capitalised words no listed spelling matched to the one entity sharing
  // their loose key (longest run first), marking their tokens `covered`.
  void find_loose(const TokenizedText& text, std::vector<bool>& covered,
                  std::vector<EntityMatch>& out) const;
  // The longest entity name at tokens[start] with `first_word` as its first folded word.
  const GazetteerEntity* longest_match(const TokenizedText& text, std::size_t start,
                                       const std::string& first_word, std::size_t& end) const;

  // Links what refers back to a name found earlier in the text, on tokens not `covered`: a
  // person's surname alone, and an acronym defined in parentheses after a name.
  void link_back_references(const TokenizedText& text, std::vector<bool>& covered,
                            std::vector<EntityMatch>& matches) const;

  // Whether `key` is a prefix of some spelling's key (where a longer name may still match).
  bool is_key_prefix(const std::string& key) const;

  const Gazetteer& gazetteer_;
  std::vector<std::string> keys_;  ///< every spelling's key, sorted, without repeats
};

/// The article's entities from its matches, in order of first appearance: gazetteer entities
/// by id and canonical name, unknown names as "x-" + fold_key with the first spelling as name.
std::vector<EntityMention> collect_entities(const TokenizedText& text,
                                            const std::vector<EntityMatch>& matches);

/// True for a capitalised word that never names or starts a name on its own: weekdays,
/// months, pronouns, titles, common sentence openers. `folded` is the fold_word form.
bool is_name_stopword(std::string_view folded);

}  // namespace cs

#endif  // CS_INDEXER_ENTITIES_H_
