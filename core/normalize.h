// Text normalisation shared by the indexer and the query side.
//
// Every article text and every query string goes through normalize_text() before Xapian sees
// it, so index and query terms agree across ligatures, full-width forms, accents, Arabic
// vowel marks and typographic punctuation. Entity names and outlets are compared through
// fold_key(), which also removes case, hyphens, apostrophes, spacing, doubled letters and the
// Arabic article's variants, so "Deir ez-Zor", "Deir al-Zor" and "deir ezzor" can meet.
//
// Thread-safety: all functions are safe to call from any thread.
#ifndef CS_CORE_NORMALIZE_H_
#define CS_CORE_NORMALIZE_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// True when `s` has no byte above 0x7F (the fast paths of the functions below).
bool is_ascii(std::string_view s);

/// The code points of UTF-8 text (ill-formed sequences skipped), and back.
std::u32string to_utf32(std::string_view utf8);
std::string to_utf8(std::u32string_view code_points);

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// `bytes` with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes);

/// Unicode-normalised text, case and line breaks kept: invalid UTF-8 repaired; compatibility
/// forms folded (NFKD then NFC: ligatures, full-width, superscripts); diacritics and Arabic
/// harakat/tatweel removed; Arabic letter variants and digits folded (fold_arabic_variant); format
/// characters (bidi marks, soft hyphens, zero-width) and control characters other than newline
/// removed; typographic quotes, apostrophes and dashes mapped to ASCII; CR/LF and Unicode line
/// separators made "\n"; tabs and exotic spaces made " ". Pure-ASCII input takes a fast path.
std::string normalize_text(std::string_view utf8);

/// The matching form of an Arabic-script letter variant or digit: alef with hamza, madda or
/// wasla -> alef; alef maqsura, Persian yeh, yeh with hamza -> yeh; waw with hamza -> waw; ta
/// marbuta -> heh; Persian kaf -> kaf; Arabic-Indic and Persian digits -> ASCII digits. Every
/// other code point is returned unchanged.
char32_t fold_arabic_variant(char32_t c);

/// normalize_text of a text with, for every byte of the result, where it came from.
struct MappedText {
  std::string text;  ///< normalize_text(original)
  /// offsets[i]: byte offset in the original of the character that produced text[i], with
  /// offsets[text.size()] == original.size(); empty when text == original (plain ASCII).
  std::vector<std::uint32_t> offsets;
};

/// normalize_text applied one character (with its combining marks) at a time, recording the
/// origin of every output byte, so spans found in the folded text can be shown as written.
MappedText normalize_text_mapped(std::string_view original);

/// Text as it is stored and shown: invalid UTF-8 repaired, NFC, CR/LF and Unicode line
/// separators made "\n", tabs and exotic spaces " ", control characters and invisible junk
/// (soft hyphens, zero-width spaces, BOMs, bidi overrides) removed; letters, marks, digits and
/// punctuation kept exactly as written. Matching works on normalize_text of it instead.
std::string normalize_stored_text(std::string_view utf8);

/// One word folded for comparison: normalize_text, lowercase, only letters and digits kept.
/// Returns "" for a word with neither.
std::string fold_word(std::string_view word);

/// True for a folded word that is a variant of the Arabic article (al, el, ad, ar, as, ash,
/// az, ez, an, at, ...), which fold_key drops in front of another word.
bool is_arabic_article(std::string_view folded_word);

/// True for a folded English (or French) function word: articles, prepositions, conjunctions
/// ("the", "of", "and", "de", ...). Names contain them ("Islamic State of Iraq and the
/// Levant"), but alone they show nothing of the name.
bool is_function_word(std::string_view folded_word);

/// The comparison key of a sequence of already folded words: articles dropped (unless the
/// key would be empty), Cyrillic case endings
/// dropped (Харькове -> харьков's key), words joined without spaces, runs of one repeated
/// ASCII letter collapsed.
std::string join_folded(std::span<const std::string> folded_words);

/// The loose key of a name written in Latin script, for spellings no gazetteer lists: the
/// letters transliterations swap fall into one class (q/k/c, w/v, j/zh/dj, z/th/dh,
/// sh/sch, ch/tch; kh stays apart from h, g from h), doubled letters count once, the "l" of
/// "Abd al-" assimilated to a sun letter is dropped (Abdulrahman, Abdurrahman), a word's final "h"
/// after a vowel goes (Raqqah), vowels are dropped except the class of the first inner vowel (a;
/// e/i/y and diphthongs with them; o/u/ou), and the ends are marked (opens with a vowel, closes
/// with one). "" for words not all ASCII or a key of fewer than kMinLooseUnits units.
std::string loose_key(std::span<const std::string> folded_words);

/// The loose keys of a name as English, German and French transliterations write it: its own
/// loose_key first; then, when a word has letters only German writes (ch, a final j), the keys
/// of the name read as German (ch as kh, j as y, an opening s before a vowel as z: Bachmut,
/// Selenskyj, Chan Junis; then sch as zh: Prigoschin); when a word has letters only French
/// writes (ch, gue/gui, a final ine), read as French (ch as sh, gu as g, ine as in: Sergueï
/// Choïgou, Poutine). Without empty keys or repeats.
std::vector<std::string> loose_keys(std::span<const std::string> folded_words);

/// loose_key of `text`, split into words as fold_key splits them.
std::string loose_key_of(std::string_view text);

/// Fewest units (consonant classes and vowel marks) a loose key needs: shorter keys link
/// different names too often (Hama, Homs).
inline constexpr std::size_t kMinLooseUnits = 4;

/// The folded words of a name or phrase, as fold_key sees them: split on anything that is not a
/// letter, digit or apostrophe, each fold_word-ed without a possessive "'s".
std::vector<std::string> fold_words_of(std::string_view text);

/// The comparison key of a name or phrase: split on anything that is not a letter, digit or
/// apostrophe (so "Hay'at" stays one word), fold each word (a possessive "'s" dropped), then
/// join_folded. "Bashar al-Assad" and
/// "bashar assad" give one key.
std::string fold_key(std::string_view text);

}  // namespace cs

#endif  // CS_CORE_NORMALIZE_H_
