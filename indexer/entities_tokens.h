// Word tokens of an article for entity, source and date extraction: byte offsets into the
// text, the folded form (fold_word, computed once), capitalisation, and sentence boundaries,
// with each sentence flagged when it is shouted (all capitals) or headline-styled (most words
// capitalised), where capitalisation says nothing about names.
//
// Thread-safety: pure functions; the result refers to the text it was made from.
#ifndef CS_INDEXER_ENTITIES_TOKENS_H_
#define CS_INDEXER_ENTITIES_TOKENS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/normalize.h"

namespace cs {

/// One word: letters, digits and inner apostrophes; a possessive "'s" is left out.
struct Token {
  std::uint32_t begin = 0;     ///< byte offset of the first character
  std::uint32_t end = 0;       ///< byte offset past the last character
  std::uint32_t sentence = 0;  ///< index into TokenizedText::sentences
  std::string folded;          ///< fold_word of the word
  bool capitalised = false;    ///< starts with an upper-case letter (or is a number)
  bool caseless = false;       ///< starts with a letter of a script without case (Arabic)
  bool all_caps = false;       ///< has letters, all upper case
  bool joined = false;  ///< only spaces, one hyphen or an abbreviation dot since the previous
                        ///< token, in the same sentence: both may belong to one name
};

/// Per-sentence flags.
struct Sentence {
  bool shouting = false;  ///< most words in capitals ("SYRIAN ARMY RETAKES PALMYRA")
  bool headline = false;  ///< most words capitalised ("Syrian Army Losing Ground To ISIS")
};

/// A text split into tokens and sentences. Views into the tokenised text.
struct TokenizedText {
  std::string_view text;  ///< the normalised text the tokens index
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::string_view original;               ///< the text as written ("" = `text` itself)
  std::span<const std::uint32_t> offsets;  ///< MappedText::offsets of `text` in `original`

  /// The text of tokens [first, end) as written, from the first's start to the last's end:
  /// from the original when there is one, so names keep their letters ("إدلب", "Київ").
  std::string_view span_text(std::size_t first, std::size_t end) const {
    const std::uint32_t b = tokens[first].begin;
    const std::uint32_t e = tokens[end - 1].end;
    if (offsets.empty()) return text.substr(b, e - b);
    return original.substr(offsets[b], offsets[e] - offsets[b]);
  }
};

/// Tokenises normalised text. Sentences end at line breaks and at . ! ? (and the Arabic ؟)
/// that do not follow an abbreviation ("Mar.", "U.S.", "Mr.").
TokenizedText tokenize(std::string_view text);

/// Tokenises the normalised form of `mapped.text`, keeping the way back to `original` (which
/// must outlive the result, as must `mapped`).
TokenizedText tokenize(const MappedText& mapped, std::string_view original);

}  // namespace cs

#endif  // CS_INDEXER_ENTITIES_TOKENS_H_
