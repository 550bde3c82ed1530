#include "indexer/entities_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>

#include "core/normalize.h"

namespace cs {

namespace {

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
// Byte length of the character at text[i] when it belongs to a word (an ASCII letter or
// digit; any other letter, mark or number), else 0: Arabic commas and other punctuation
// beyond ASCII separate words.
std::size_t word_char_length(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return is_upper(b) || is_lower(b) || is_digit(b) ? 1 : 0;
  UChar32 c = 0;
  auto next = static_cast<int32_t>(i);
  U8_NEXT(text.data(), next, static_cast<int32_t>(text.size()), c);
  if (c < 0) return 0;
  const int8_t type = u_charType(c);
  const bool word = u_isalnum(c) || type == U_NON_SPACING_MARK ||
                    type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
                    type == U_MODIFIER_LETTER;
  return word ? static_cast<std::size_t>(next) - i : 0;
}

// Folded words whose trailing dot does not end a sentence (titles, months, and the
// thousands and millions of Russian and Ukrainian figures: "10 тыс. человек").
bool is_abbreviation(std::string_view folded) {
  static constexpr std::array<std::string_view, 28> kAbbreviations = {
      "mr",   "mrs", "ms",  "dr",  "st",  "gen", "col", "lt",  "sgt", "capt",
      "maj",  "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
      "sept", "oct", "nov", "dec", "тыс", "тис", "млн", "млрд"};
  if (folded.size() == 1) return true;
  for (std::string_view a : kAbbreviations) {
    if (folded == a) return true;
  }
  return false;
}

// End of the word starting at `i`: word bytes and apostrophes between word bytes.
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    if (const std::size_t n = word_char_length(text, i); n > 0) {
      i += n;
    } else if (text[i] == '\'' && i + 1 < text.size() && word_char_length(text, i + 1) > 0) {
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
  if (first >= 0x80) {
    UChar32 c = 0;
    int32_t i = 0;
    U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
    t.capitalised = c >= 0 && u_isupper(c);
    t.caseless = c >= 0 && u_isalpha(c) && !u_hasBinaryProperty(c, UCHAR_CASED);
  }
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
  if (gap.find("؟") != std::string_view::npos) g.sentence_break = true;  // Arabic question mark
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
  // A wire story's sign-off ("(Reporting by Timour Azhari; Editing by Frances Kerry)") is
  // mostly names but no headline.
  std::vector<bool> sign_off(t.sentences.size(), false);
  for (std::size_t k = 0; k + 1 < t.tokens.size(); ++k) {
    const Token& token = t.tokens[k];
    const bool opens = k == 0 || t.tokens[k - 1].sentence != token.sentence;
    if (opens && t.tokens[k + 1].folded == "by" &&
        (token.folded == "reporting" || token.folded == "writing" || token.folded == "editing" ||
         token.folded == "compiled")) {
      sign_off[token.sentence] = true;
    }
  }
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
    t.sentences[i].headline = c.words >= 3 && c.capitalised * 10 >= c.words * 6 && !sign_off[i];
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
    if (word_char_length(text, i) == 0) {
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

TokenizedText tokenize(const MappedText& mapped, std::string_view original) {
  TokenizedText t = tokenize(mapped.text);
  if (!mapped.offsets.empty()) {
    t.original = original;
    t.offsets = mapped.offsets;
  }
  return t;
}

}  // namespace cs
