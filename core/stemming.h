// The stemmer of every index and every query: one function of the word alone, so the indexer,
// the query parser and the snippet highlighter always agree, whatever the article's language.
//
// A word is first folded for matching (fold_term_word): compatibility forms, case, Latin
// accents, Arabic vowel marks, tatweel and letter variants (hamza forms of alef, alef maqsura,
// ta marbuta, Persian yeh and kaf), Cyrillic ё; Arabic-Indic digits become ASCII. Then the
// word's script picks the stemmer: Arabic script gets Snowball's Arabic stemmer (after its
// conjunction/preposition + article prefixes are reduced to the article), Russian Cyrillic
// Snowball's Russian stemmer applied until it stops changing the word (so names in -ов/-ев
// meet their case forms), Cyrillic with a letter only Ukrainian has (і ї є ґ) stays folded and
// unstemmed (Xapian has no Ukrainian stemmer), and every other word Snowball's English one.
// English stemming thus never touches Arabic or Cyrillic words, nor theirs English ones.
//
// Thread-safety: a Xapian::Stem is not thread-safe; make one per thread with make_stemmer().
#ifndef CS_CORE_STEMMING_H_
#define CS_CORE_STEMMING_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace cs {

/// Writing system of a word, by its letters (the first letter that has one decides).
enum class Script { kLatin, kArabic, kCyrillic, kOther };

/// The script of `word` (UTF-8); words without letters are kLatin.
Script word_script(std::string_view word);

/// True for a Cyrillic word with a letter only Ukrainian uses (і ї є ґ).
bool has_ukrainian_letter(std::string_view word);

/// `word` folded for matching (see the file comment); used for terms only, never for the
/// stored text, which keeps the letters as written.
std::string fold_term_word(std::string_view word);

/// The stem of one word as every index and query computes it.
std::string stem_word(std::string_view word);

/// A Xapian::Stem running stem_word, for TermGenerator, QueryParser and MSet::snippet; it
/// keeps the stems it computed (at most 16,384 words, ~2 MB), so keep one per thread and reuse
/// it.
Xapian::Stem make_stemmer();

}  // namespace cs

#endif  // CS_CORE_STEMMING_H_
