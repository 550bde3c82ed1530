#include "indexer/entities_tokens.h"

#include <array>

#include "core/normalize.h"

namespace cs {

namespace {

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_word_byte(unsigned char c) {
  return is_upper(c) || is_lower(c) || is_digit(c) || c >= 0x80;
}

// Folded words whose trailing dot does not end a sentence.
bool is_abbreviation(std::string_view folded) {
  static constexpr std::array<std::string_view, 24> kAbbreviations = {
      "mr",  "mrs", "ms",  "dr",  "st",  "gen", "col", "lt",  "sgt",  "capt", "maj", "gov",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",  "nov", "dec"};
  if (folded.size() == 1) return true;
  for (std::string_view a : kAbbreviations) {
    if (folded == a) return true;
  }
  return false;
}

// End of the word starting at `i`: word bytes and apostrophes between word bytes.
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
      ++i;
    } else if (c == '\'' && i + 1 < text.size() &&
               is_word_byte(static_cast<unsigned char>(text[i + 1]))) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

Token make_token(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t word_stop = end;
  if (end - begin > 2 && text[end - 2] == '\'' && (text[end - 1] == 's' || text[end - 1] == 'S')) {
    word_stop = end - 2;
  }
  Token t;
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(word_stop);
  const std::string_view word = text.substr(begin, word_stop - begin);
  t.folded = fold_word(word);
  const auto first = static_cast<unsigned char>(word.front());
  t.capitalised = is_upper(first) || is_digit(first);
  bool letters = false;
  bool lower = false;
  for (unsigned char c : word) {
    letters = letters || is_upper(c) || is_lower(c);
    lower = lower || is_lower(c);
  }
  t.all_caps = letters && !lower;
  return t;
}

// How the gap between two tokens relates them.
struct Gap {
  bool joined = false;
  bool sentence_break = false;
};

Gap classify_gap(std::string_view gap, const Token& previous) {
  // A possessive "'s" left out of the previous token keeps it joined to the next one
  // ("Donetsk People's Republic").
  if (gap.size() >= 2 && gap[0] == '\'' && (gap[1] == 's' || gap[1] == 'S')) gap.remove_prefix(2);
  Gap g;
  int hyphens = 0;
  bool other = false;
  for (char c : gap) {
    if (c == '\n') {
      g.sentence_break = true;
    } else if (c == '.' || c == '!' || c == '?') {
      if (c != '.' || !is_abbreviation(previous.folded)) g.sentence_break = true;
      if (c == '.' && previous.folded.size() == 1) continue;
      other = true;
    } else if (c == '-') {
      ++hyphens;
    } else if (c != ' ') {
      other = true;
    }
  }
  g.joined = !g.sentence_break && !other && hyphens <= 1;
  return g;
}

void flag_sentences(TokenizedText& t) {
  struct Counts {
    int words = 0, capitalised = 0, caps = 0;
  };
  std::vector<Counts> counts(t.sentences.size());
  for (const Token& token : t.tokens) {
    if (token.folded.empty() || is_digit(static_cast<unsigned char>(t.text[token.begin]))) {
      continue;
    }
    Counts& c = counts[token.sentence];
    ++c.words;
    c.capitalised += token.capitalised ? 1 : 0;
    c.caps += token.all_caps && token.end - token.begin > 1 ? 1 : 0;
  }
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const Counts& c = counts[i];
    t.sentences[i].shouting = c.words >= 2 && c.caps * 10 >= c.words * 7;
    t.sentences[i].headline = c.words >= 3 && c.capitalised * 10 >= c.words * 6;
  }
}

}  // namespace

TokenizedText tokenize(std::string_view text) {
  TokenizedText t;
  t.text = text;
  t.tokens.reserve(text.size() / 5);
  t.sentences.emplace_back();
  std::size_t i = 0;
  std::size_t gap_start = 0;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t end = word_end(text, i);
    Token token = make_token(text, i, end);
    if (!t.tokens.empty()) {
      const Gap gap = classify_gap(text.substr(gap_start, i - gap_start), t.tokens.back());
      if (gap.sentence_break) t.sentences.emplace_back();
      token.joined = gap.joined;
    }
    token.sentence = static_cast<std::uint32_t>(t.sentences.size() - 1);
    gap_start = token.end;
    t.tokens.push_back(std::move(token));
    i = end;
  }
  flag_sentences(t);
  return t;
}

}  // namespace cs
