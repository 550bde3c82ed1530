// Highlighted, HTML-safe snippets: the best ~250-character passage of an article's indexed text.
//
// Passages come from Xapian::MSet::snippet with the index's stemmer and no flags (see
// snippet.cpp for why neither SNIPPET_EXHAUSTIVE nor SNIPPET_BACKGROUND_MODEL). Matches are wrapped
// in control-character sentinels, every `& < > " '` of the article is escaped, then sentinels
// become <mark></mark>, so the result is safe in HTML element content and attribute values alike.
// An article with no highlighted word (browsing, filter-only or title-only matches) shows its
// opening instead.
//
// Thread-safety: pure functions; an MSet belongs to one thread.
#ifndef CS_QUERY_SNIPPET_H_
#define CS_QUERY_SNIPPET_H_

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>

namespace cs::query {

/// Snippet length in bytes.
inline constexpr std::size_t kSnippetLength = 250;

/// The stemmer to give make_snippet for hits of `query` (the query of its MSet): `stemmer`'s stem
/// of every word that may stem to one of the query's stemmed ("Z") terms, and "" (no term) for the
/// rest. MSet::snippet stems every word of a hit's text only to look "Z" + stem up among those
/// terms; `stemmer` (make_stemmer: folding, then Snowball English for ASCII) stems an all-ASCII
/// word to a stem that starts with the word's first byte lowercased, so such a word whose first
/// byte starts no stemmed term of the query can match none and is not stemmed. Words with other
/// bytes are always stemmed. Highlights are those of `stemmer` itself.
Xapian::Stem snippet_stemmer(const Xapian::Query& query, const Xapian::Stem& stemmer);

/// `text` with `& < > " '` replaced by HTML entities.
std::string escape_html(std::string_view text);

/// The highlighted snippet of `text` for the query terms of `mset` (see header comment). A
/// highlighted word whose term is in `name_terms` (the words of an entity's longer spellings,
/// such as "State" of "Islamic State") stays highlighted only next to another highlighted word
/// (function words and "al"-style articles between them allowed): alone it is just a word.
std::string make_snippet(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, std::size_t length = kSnippetLength,
                         const std::set<std::string>& name_terms = {});

}  // namespace cs::query

#endif  // CS_QUERY_SNIPPET_H_
