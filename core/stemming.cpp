#include "core/stemming.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <unordered_map>

#include "core/normalize.h"

namespace cs {

namespace {

constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kLam = 0x0644;
constexpr UChar32 kWaw = 0x0648;
constexpr UChar32 kFeh = 0x0641;
constexpr UChar32 kBeh = 0x0628;
constexpr UChar32 kKaf = 0x0643;
constexpr UChar32 kTatweel = 0x0640;

bool is_cyrillic_letter(UChar32 c) { return c >= 0x0400 && c <= 0x052F; }

// The matching form of one code point after NFKD, or -1 to drop it. `base` is the last kept
// letter, which decides whether a combining mark stays (й, ї keep theirs; ё loses its own).
UChar32 fold_code_point(UChar32 c, UChar32 base) {
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
    const bool cyrillic_mark = is_cyrillic_letter(base) && !(c == 0x0308 && (base == 0x0435));
    return cyrillic_mark ? c : -1;
  }
  if (type == U_FORMAT_CHAR || c == kTatweel) return -1;
  return u_tolower(static_cast<UChar32>(fold_arabic_variant(static_cast<char32_t>(c))));
}

// Reduces the proclitics of an Arabic word to its article: "wa-/fa-" (and), "bi-/ka-/li-"
// (in, like, for) before "al-", and "lil-" (li + al-), so "والرقة", "بالرقة" and "للرقة" all
// become "الرقة" before stemming. Words without an article keep their letters: a leading ب or
// ل may be the name's own ("بغداد", "لبنان").
std::u32string reduce_arabic_prefixes(std::u32string w) {
  std::size_t i = 0;
  if (w.size() > i && (w[i] == kWaw || w[i] == kFeh)) ++i;
  std::size_t article = std::u32string::npos;
  if (w.size() > i + 1 && w[i] == kLam && w[i + 1] == kLam) {
    article = i;  // "لل": li + al-, the article's alef elided
    w[i] = kAlef;
  } else if (w.size() > i + 2 && (w[i] == kBeh || w[i] == kKaf || w[i] == kLam) &&
             w[i + 1] == kAlef && w[i + 2] == kLam) {
    article = i + 1;
  } else if (w.size() > i + 1 && w[i] == kAlef && w[i + 1] == kLam) {
    article = i;
  }
  if (article == std::u32string::npos || article == 0 || w.size() < article + 4) return w;
  return w.substr(article);
}

// Snowball stemmers, one set per thread (Xapian::Stem is not thread-safe).
struct Stemmers {
  Xapian::Stem english{"english"};
  Xapian::Stem arabic{"arabic"};
  Xapian::Stem russian{"russian"};
};

Stemmers& stemmers() {
  thread_local Stemmers s;
  return s;
}

// Russian stems until the stemmer stops changing the word (at most three rounds).
std::string russian_fixed_point(std::string word) {
  for (int round = 0; round < 3; ++round) {
    std::string next = stemmers().russian(word);
    if (next == word) break;
    word = std::move(next);
  }
  return word;
}

// stem_word with the stems of the words seen so far kept (news text and snippets repeat a
// small vocabulary, and folding plus Snowball cost most of a snippet); the cache is emptied
// when it reaches kMaxCachedStems, which bounds its memory on odd vocabularies.
class ScriptStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
    if (cache_.size() >= kMaxCachedStems) cache_.clear();
    return cache_.emplace(word, stem_word(word)).first->second;
  }
  std::string get_description() const override { return "cs::ScriptStemmer"; }

 private:
  static constexpr std::size_t kMaxCachedStems = 1 << 14;  // ~2 MB; searchd has one per worker
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Script word_script(std::string_view word) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
      case USCRIPT_LATIN:
        return Script::kLatin;
      case USCRIPT_ARABIC:
        return Script::kArabic;
      case USCRIPT_CYRILLIC:
        return Script::kCyrillic;
      default:
        return Script::kOther;
    }
  }
  return Script::kLatin;
}

bool has_ukrainian_letter(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kLetters = {"і", "ї", "є", "ґ",
                                                               "І", "Ї", "Є", "Ґ"};
  for (std::string_view letter : kLetters) {
    if (word.find(letter) != std::string_view::npos) return true;
  }
  return false;
}

std::string fold_term_word(std::string_view word) {
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(word);
  const icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(
                          icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
                      status);
  icu::UnicodeString kept;
  UChar32 base = 0;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    const UChar32 folded = fold_code_point(c, base);
    if (folded < 0) continue;
    if (u_charType(folded) != U_NON_SPACING_MARK) base = folded;
    kept.append(folded);
  }
  std::string out;
  nfc->normalize(kept, status).toUTF8String(out);
  return U_FAILURE(status) ? std::string(word) : out;
}

std::string stem_word(std::string_view word) {
  std::string folded = fold_term_word(word);
  switch (word_script(folded)) {
    case Script::kArabic:
      return stemmers().arabic(to_utf8(reduce_arabic_prefixes(to_utf32(folded))));
    case Script::kCyrillic:
      return has_ukrainian_letter(folded) ? folded : russian_fixed_point(std::move(folded));
    case Script::kLatin:
    case Script::kOther:
      break;
  }
  return stemmers().english(folded);
}

Xapian::Stem make_stemmer() { return Xapian::Stem(new ScriptStemmer); }

}  // namespace cs
