#include "query/snippet.h"

#include <algorithm>
#include <bitset>
#include <vector>

#include "core/normalize.h"
#include "core/stemming.h"

namespace cs::query {

namespace {

constexpr char kMarkStart = '\x01';
constexpr char kMarkEnd = '\x02';
// No flags: SNIPPET_EXHAUSTIVE costs ~1 ms per hit, and SNIPPET_BACKGROUND_MODEL alone was seen
// returning a three-letter passage while a match sat further down the text.
constexpr unsigned kSnippetFlags = 0;
// Bytes a passage may run over the length asked for (Xapian's "..." and a word's end).
constexpr std::size_t kSnippetSlack = 16;

// Xapian's snippet escapes `& < >` itself; undo that so escape_html() sees the raw text once.
std::string unescape_xapian(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// `at`, moved back to the first byte of the UTF-8 character it falls in.
std::size_t character_start(const std::string& s, std::size_t at) {
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

// `raw` cut to at most `limit` bytes of text (sentinels not counted; never inside a UTF-8
// sequence), with "..." when cut. Xapian keeps its passage near the length asked for, but after
// the last word it takes every following non-word byte to the end of the sentence: a page of
// dot leaders or "!!!!" would make a snippet of any size.
std::string cap_text(const std::string& raw, std::size_t limit) {
  std::size_t text_bytes = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == kMarkStart || raw[i] == kMarkEnd) continue;
    if (++text_bytes <= limit) continue;
    return raw.substr(0, character_start(raw, i)) + "...";
  }
  return raw;
}

// `raw` with every highlight closed: Xapian highlights a phrase as one span and, when the
// passage ends inside it, leaves the span open (a start before "Islamic", then "..."). An open
// span is closed where its last word ends; an end without a start is dropped.
std::string balance_marks(const std::string& raw) {
  std::string out;
  out.reserve(raw.size() + 1);
  bool open = false;
  std::size_t opened_at = 0;
  for (char c : raw) {
    if (c == kMarkStart) {
      if (open) continue;
      open = true;
      opened_at = out.size();
    } else if (c == kMarkEnd) {
      if (!open) continue;
      open = false;
    }
    out += c;
  }
  if (open) {
    std::size_t close_at = out.size();
    while (close_at > opened_at + 1 && !is_word_byte(out[close_at - 1])) --close_at;
    out.insert(close_at, 1, kMarkEnd);
  }
  return out;
}

// The opening of `text`, cut at a space before `length` bytes (never inside a UTF-8
// sequence), with "..." when cut: the snippet of an article with no highlighted match.
std::string leading_text(const std::string& text, std::size_t length) {
  if (text.size() <= length) return text;
  std::size_t cut = text.rfind(' ', length);
  if (cut == std::string::npos || cut == 0) {
    cut = character_start(text, length);
  }
  return text.substr(0, cut) + "...";
}

// True when `between` (the text separating two highlighted words) holds nothing but spaces,
// hyphens, apostrophes and at most two function words or articles ("Deir ez-Zor", "Observatory
// for Human Rights"): the two belong to one written name.
bool joins_name(std::string_view between) {
  int words = 0;
  std::string word;
  const auto end_word = [&] {
    if (word.empty()) return true;
    const std::string folded = fold_term_word(word);
    word.clear();
    return ++words <= 2 && (is_function_word(folded) || is_arabic_article(folded));
  };
  for (const char c : between) {
    if (c == ' ' || c == '-' || c == '\'') {
      if (!end_word()) return false;
    } else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' ||
               c == '\n') {
      return false;
    } else {
      word += c;
    }
  }
  return end_word();
}

// `raw` (Xapian's snippet with sentinels) with the marks taken off the words whose terms are in
// `name_terms` and that have no highlighted word joined to them (see make_snippet).
std::string unmark_lone_name_words(const std::string& raw,
                                   const std::set<std::string>& name_terms) {
  struct Span {
    std::size_t start, end;  // positions of kMarkStart and kMarkEnd
  };
  std::vector<Span> spans;
  for (std::size_t i = raw.find(kMarkStart); i != std::string::npos;
       i = raw.find(kMarkStart, i + 1)) {
    const std::size_t end = raw.find(kMarkEnd, i);
    if (end == std::string::npos) break;
    spans.push_back({i, end});
  }
  std::vector<bool> drop(spans.size(), false);
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const std::string word = raw.substr(spans[k].start + 1, spans[k].end - spans[k].start - 1);
    if (name_terms.count(stem_word(fold_term_word(word))) == 0) continue;
    const bool before = k > 0 && joins_name(std::string_view(raw).substr(
                                     spans[k - 1].end + 1, spans[k].start - spans[k - 1].end - 1));
    const bool after =
        k + 1 < spans.size() && joins_name(std::string_view(raw).substr(
                                    spans[k].end + 1, spans[k + 1].start - spans[k].end - 1));
    drop[k] = !before && !after;
  }
  std::string out;
  out.reserve(raw.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    while (k < spans.size() && spans[k].end < i) ++k;
    const bool sentinel = k < spans.size() && (i == spans[k].start || i == spans[k].end);
    if (sentinel && drop[k]) continue;
    out += raw[i];
  }
  return out;
}

// `c` lowercased when it is an ASCII capital.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// See snippet_stemmer.
class SnippetStemmer : public Xapian::StemImplementation {
 public:
  SnippetStemmer(Xapian::Stem stemmer, std::bitset<128> stem_starts)
      : stemmer_(std::move(stemmer)), stem_starts_(stem_starts) {}

  std::string operator()(const std::string& word) override {
    if (!word.empty() && is_ascii(word) &&
        !stem_starts_[static_cast<unsigned char>(ascii_lower(word[0]))]) {
      return {};
    }
    return stemmer_(word);
  }
  std::string get_description() const override { return "cs::SnippetStemmer"; }

 private:
  Xapian::Stem stemmer_;
  std::bitset<128> stem_starts_;  ///< the ASCII first bytes of the query's stemmed terms
};

}  // namespace

Xapian::Stem snippet_stemmer(const Xapian::Query& query, const Xapian::Stem& stemmer) {
  std::bitset<128> stem_starts;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.size() > 1 && term[0] == 'Z' && static_cast<unsigned char>(term[1]) < 0x80) {
      stem_starts.set(static_cast<unsigned char>(term[1]));
    }
  }
  return Xapian::Stem(new SnippetStemmer(stemmer, stem_starts));
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, std::size_t length,
                         const std::set<std::string>& name_terms) {
  std::string clean = text;
  std::replace_if(
      clean.begin(), clean.end(), [](char c) { return c == kMarkStart || c == kMarkEnd; }, ' ');
  // Xapian escapes `& < >` itself: undone first, so that cutting and escape_html() see the
  // article's own text.
  std::string raw = balance_marks(cap_text(
      unescape_xapian(mset.snippet(clean, length, stemmer, kSnippetFlags,
                                   std::string(1, kMarkStart), std::string(1, kMarkEnd), "...")),
      length + kSnippetSlack));
  if (!name_terms.empty()) raw = unmark_lone_name_words(raw, name_terms);
  const bool matched = raw.find(kMarkStart) != std::string::npos;
  const std::string escaped = escape_html(matched ? raw : leading_text(clean, length));
  std::string out;
  out.reserve(escaped.size() + 32);
  for (char c : escaped) {
    if (c == kMarkStart) {
      out += "<mark>";
    } else if (c == kMarkEnd) {
      out += "</mark>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace cs::query
