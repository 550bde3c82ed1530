// Word tokens of an article for entity, source and date extraction: byte offsets into the
// text, the folded form (fold_word, computed once), capitalisation, and sentence boundaries,
// with each sentence flagged when it is shouted (all capitals) or headline-styled (most words
// capitalised), where capitalisation says nothing about names.
//
// Thread-safety: pure functions; the result refers to the text it was made from.
#ifndef CS_INDEXER_ENTITIES_TOKENS_H_
#define CS_INDEXER_ENTITIES_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// One word: letters, digits and inner apostrophes; a possessive "'s" is left out.
struct Token {
  std::uint32_t begin = 0;     ///< byte offset of the first character
  std::uint32_t end = 0;       ///< byte offset past the last character
  std::uint32_t sentence = 0;  ///< index into TokenizedText::sentences
  std::string folded;          ///< fold_word of the word
  bool capitalised = false;    ///< starts with an upper-case letter (or is a number)
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
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  /// The text of tokens [first, end) as written, from the first's start to the last's end.
  std::string_view span_text(std::size_t first, std::size_t end) const {
    return text.substr(tokens[first].begin, tokens[end - 1].end - tokens[first].begin);
  }
};

/// Tokenises normalised text. Sentences end at line breaks and at . ! ? that do not follow an
/// abbreviation ("Mar.", "U.S.", "Mr.").
TokenizedText tokenize(std::string_view text);

}  // namespace cs

#endif  // CS_INDEXER_ENTITIES_TOKENS_H_
