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

#include <span>
#include <string>
#include <string_view>

namespace cs {

/// True when `bytes` is well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes);

/// `bytes` with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view bytes);

/// Unicode-normalised text, case and line breaks kept: invalid UTF-8 repaired; compatibility
/// forms folded (NFKD then NFC: ligatures, full-width, superscripts); diacritics and Arabic
/// harakat/tatweel removed; format characters (bidi marks, soft hyphens, zero-width) and
/// control characters other than newline removed; typographic quotes, apostrophes and dashes
/// mapped to ASCII; CR/LF and Unicode line separators made "\n"; tabs and exotic spaces made
/// " ". Pure-ASCII input takes a fast path.
std::string normalize_text(std::string_view utf8);

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
/// key would be empty), words joined without spaces, runs of one repeated letter collapsed.
std::string join_folded(std::span<const std::string> folded_words);

/// The comparison key of a name or phrase: split on anything that is not a letter, digit or
/// apostrophe (so "Hay'at" stays one word), fold each word (a possessive "'s" dropped), then
/// join_folded. "Bashar al-Assad" and
/// "bashar assad" give one key.
std::string fold_key(std::string_view text);

}  // namespace cs

#endif  // CS_CORE_NORMALIZE_H_
