#include "core/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <vector>

namespace cs {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

namespace {

void append_utf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Emits an ASCII character through `push`, applying the control-character rules of
// normalize_text. `pending_cr` turns CRLF into one newline.
template <class Push>
void emit_ascii(Push&& push, char c, bool& pending_cr) {
  if (c == '\r') {
    push('\n');
    pending_cr = true;
    return;
  }
  const bool was_cr = pending_cr;
  pending_cr = false;
  if (c == '\n') {
    if (!was_cr) push('\n');
  } else if (c == '\t' || c == '\f' || c == '\v') {
    push(' ');
  } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
    push(c);
  }
}

// The ASCII replacement for a typographic code point, or 0 when there is none.
const char* ascii_replacement(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
    case 0x02BB:
    case 0x02BE:
    case 0x02BF:
    case 0x00B4:
    case 0x0060:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x00AD:
      return "-";
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return "\n";
    default:
      return nullptr;
  }
}

bool is_space_like(UChar32 c) {
  return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0x1680;
}

constexpr UChar32 kTatweel = 0x0640;
constexpr UChar32 kReplacement = 0xFFFD;

}  // namespace

std::u32string to_utf32(std::string_view s) {
  std::u32string out;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, static_cast<UChar32>(c));
  return out;
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string repair_utf8(std::string_view bytes) {
  if (is_ascii(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    append_utf8(out, c < 0 ? kReplacement : c);
  }
  return out;
}

namespace {

// True for a combining mark that belongs to a Cyrillic letter's identity (the breve of й, the
// diaeresis of ї), which folding keeps; ё's diaeresis is not one (ё matches е).
bool is_cyrillic_mark(UChar32 c, UChar32 base) {
  if (u_charType(c) != U_NON_SPACING_MARK || base < 0x0400 || base > 0x052F) return false;
  return !(c == 0x0308 && (base == 0x0435 || base == 0x0415));
}

// Invisible characters the stored text drops: soft hyphen, zero-width space and no-break
// space (BOM), word joiner, and the bidi embedding, override and isolate controls (an
// unterminated override would reorder the page around a title). Joiners and direction marks,
// which spell Persian and Arabic words, stay.
bool is_invisible_junk(UChar32 c) {
  return c == 0x00AD || c == 0x200B || c == 0xFEFF || c == 0x2060 || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// The shared pass of normalize_text (`fold` true) and normalize_stored_text (`fold` false).
std::string normalize(std::string_view utf8, bool fold) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_cr = false;
  if (is_ascii(utf8)) {
    for (char c : utf8) emit_ascii([&out](char a) { out.push_back(a); }, c, pending_cr);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return repair_utf8(utf8);

  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString decomposed = fold ? nfkd->normalize(input, status) : input;
  icu::UnicodeString kept;
  kept.getBuffer(decomposed.length());
  kept.releaseBuffer(0);
  UChar32 base = 0;  // the last letter kept: Cyrillic letters keep their marks (й, ї)
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (fold && is_cyrillic_mark(c, base)) {
      kept.append(c);
      continue;
    }
    if (u_isalpha(c)) base = c;
    if (c < 0x80) {
      emit_ascii([&kept](char a) { kept.append(static_cast<UChar>(a)); }, static_cast<char>(c),
                 pending_cr);
      continue;
    }
    pending_cr = false;
    const char* repl = ascii_replacement(c);
    if (repl != nullptr && (fold || repl[0] == '\n')) {
      kept.append(icu::UnicodeString(repl));
      continue;
    }
    if (is_space_like(c)) {
      kept.append(static_cast<UChar32>(' '));
      continue;
    }
    const int8_t type = u_charType(c);
    const bool drop =
        fold ? (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
                type == U_CONTROL_CHAR || c == kTatweel || c == kReplacement)
             : (type == U_CONTROL_CHAR || is_invisible_junk(c));
    if (drop) continue;
    kept.append(fold ? static_cast<UChar32>(fold_arabic_variant(static_cast<char32_t>(c))) : c);
  }
  const icu::UnicodeString composed = nfc->normalize(kept, status);
  if (U_FAILURE(status)) return repair_utf8(utf8);
  composed.toUTF8String(out);
  return out;
}

}  // namespace

char32_t fold_arabic_variant(char32_t c) {
  if (c < 0x0600 || c > 0x06FF) return c;
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);  // Arabic-Indic digits
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);  // Persian digits
  switch (c) {
    case 0x0622:  // alef with madda, hamza above or below, wasla
    case 0x0623:
    case 0x0625:
    case 0x0671:
      return 0x0627;
    case 0x0649:  // alef maqsura, Persian yeh, yeh with hamza
    case 0x06CC:
    case 0x0626:
      return 0x064A;
    case 0x0624:  // waw with hamza
      return 0x0648;
    case 0x0629:  // ta marbuta
      return 0x0647;
    case 0x06A9:  // Persian kaf
      return 0x0643;
    default:
      return c;
  }
}

std::string normalize_text(std::string_view utf8) { return normalize(utf8, true); }

std::string normalize_stored_text(std::string_view utf8) { return normalize(utf8, false); }

MappedText normalize_text_mapped(std::string_view original) {
  MappedText mapped;
  mapped.text = normalize_text(original);
  if (mapped.text == original) return mapped;
  mapped.text.clear();
  mapped.offsets.reserve(original.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\r' && i < length && s[i] == '\n') ++i;  // CRLF is one line break
    // A character takes its combining marks along: they fold (or vanish) with it.
    while (i < length) {
      int32_t next = i;
      UChar32 mark;
      U8_NEXT(s, next, length, mark);
      const int8_t type = mark < 0 ? 0 : u_charType(mark);
      if (type != U_NON_SPACING_MARK && type != U_ENCLOSING_MARK &&
          type != U_COMBINING_SPACING_MARK) {
        break;
      }
      i = next;
    }
    const std::size_t before = mapped.text.size();
    const std::string_view piece =
        original.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    if (c >= 0 && c < 0x80 && (i - start == 1 || piece == "\r\n")) {
      bool pending_cr = false;
      for (char a : piece)
        emit_ascii([&mapped](char b) { mapped.text.push_back(b); }, a, pending_cr);
    } else {
      mapped.text += normalize_text(piece);
    }
    mapped.offsets.insert(mapped.offsets.end(), mapped.text.size() - before,
                          static_cast<std::uint32_t>(start));
  }
  mapped.offsets.push_back(static_cast<std::uint32_t>(original.size()));
  return mapped;
}

std::string fold_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  if (is_ascii(word)) {
    for (char c : word) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 'A' && u <= 'Z') {
        out.push_back(static_cast<char>(u - 'A' + 'a'));
      } else if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9')) {
        out.push_back(c);
      }
    }
    return out;
  }
  const std::string normal = normalize_text(word);
  const auto* s = reinterpret_cast<const uint8_t*>(normal.data());
  const auto length = static_cast<int32_t>(normal.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isalnum(c)) append_utf8(out, u_tolower(c));
  }
  return out;
}

bool is_arabic_article(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 14> kArticles = {
      "al", "el", "ad", "ar", "as", "ash", "az", "ez", "an", "at", "ath", "adh", "ul", "ed"};
  for (std::string_view a : kArticles) {
    if (folded_word == a) return true;
  }
  return false;
}

bool is_function_word(std::string_view folded_word) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "the",  "a",  "an",   "of",  "and", "or", "in",  "on", "at", "for", "to", "from",
      "with", "by", "into", "via", "de",  "du", "des", "la", "le", "les", "et", "del"};
  for (std::string_view w : kWords) {
    if (folded_word == w) return true;
  }
  return false;
}

namespace {

bool is_cyrillic(char32_t c) { return c >= 0x0400 && c <= 0x052F; }

bool is_cyrillic_vowel(char32_t c) {
  return std::u32string_view(U"аеиоуыэюяіїє").find(c) != std::u32string_view::npos;
}

// The case endings of Russian and Ukrainian nouns, adjectives and surnames, as fold_word
// leaves them (ё as е; й and ї kept) and є as е (cyrillic_name_stem folds it first), longest
// first. A soft sign closing the stem goes too, so область, области and областью meet, as do
// Запорожье and Запорожью, Одеська and Одеській.
constexpr std::u32string_view kCyrillicEndings[] = {
    U"овом", U"евом", U"ового", U"овому", U"овою", U"ией", U"іею", U"ами", U"ями", U"ові",
    U"еві",  U"ого",  U"его",   U"ому",   U"ему",  U"ова", U"ове", U"ову", U"ом",  U"ем",
    U"ою",   U"ею",   U"ої",    U"ів",    U"ов",   U"ев",  U"ах",  U"ям",  U"ам",  U"ия",
    U"ию",   U"ія",   U"ію",    U"ії",    U"ии",   U"ий",  U"ый",  U"ой",  U"ей",  U"ая",
    U"яя",   U"ое",   U"ее",    U"ые",    U"ій",   U"ую",  U"юю",  U"а",   U"я",   U"у",
    U"ю",    U"е",    U"і",     U"ї",     U"и",    U"ы",   U"о"};
constexpr std::size_t kMinCyrillicStem = 3;

// The key form of one folded Cyrillic word of a name: є as е, the longest case ending off
// (leaving at least three letters), and a nominative's closing "і + consonant" as "е +
// consonant", so Київ, Києва, Києві and Киев, or Харкова, Харкові and Харків, meet.
std::u32string cyrillic_name_stem(std::u32string w) {
  for (char32_t& c : w) {
    if (c == U'є') c = U'е';
  }
  const auto without_soft_sign = [](std::u32string& stem) {
    if (stem.size() > kMinCyrillicStem && stem.back() == U'ь') stem.pop_back();
  };
  for (std::u32string_view ending : kCyrillicEndings) {
    if (w.size() >= ending.size() + kMinCyrillicStem && w.ends_with(ending)) {
      w.resize(w.size() - ending.size());
      without_soft_sign(w);
      return w;
    }
  }
  without_soft_sign(w);
  const char32_t closing = w.size() >= 3 ? w[w.size() - 2] : 0;
  if ((closing == U'і' || closing == U'ї') && !is_cyrillic_vowel(w.back())) {
    w[w.size() - 2] = U'е';
  }
  return w;
}

// The key form of one folded word: Cyrillic words lose their case ending; other words are
// unchanged. (Arabic keeps its attached article: "الأقصى" is a name, "أقصى" the word
// "farthest".)
std::string key_word(const std::string& folded) {
  if (folded.empty() || static_cast<unsigned char>(folded[0]) < 0x80) return folded;
  std::u32string w = to_utf32(folded);
  if (is_cyrillic(w[0])) return to_utf8(cyrillic_name_stem(std::move(w)));
  return folded;
}

}  // namespace

std::string join_folded(std::span<const std::string> folded_words) {
  std::string joined;
  for (const std::string& w : folded_words) {
    if (!is_arabic_article(w)) joined += key_word(w);
  }
  if (joined.empty()) {
    for (const std::string& w : folded_words) joined += w;
  }
  std::string key;
  key.reserve(joined.size());
  for (char c : joined) {
    if (key.empty() || key.back() != c || static_cast<unsigned char>(c) >= 0x80) {
      key.push_back(c);
    }
  }
  return key;
}

namespace {

// fold_word of one word of a name, without a possessive "'s" (the entity tokeniser leaves it
// out too, so "People's Protection Units" meets "People Protection Units").
std::string fold_name_word(std::string_view word) {
  if (word.size() > 2 && word[word.size() - 2] == '\'' &&
      (word.back() == 's' || word.back() == 'S')) {
    word.remove_suffix(2);
  }
  return fold_word(word);
}

}  // namespace

std::vector<std::string> fold_words_of(std::string_view text) {
  const std::string normal = normalize_text(text);
  std::vector<std::string> words;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(normal.data());
  const auto length = static_cast<int32_t>(normal.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    bool in_word = false;
    if (s[i] < 0x80) {  // ASCII without ICU: u_isalnum is true for exactly these
      const char a = static_cast<char>(s[i++]);
      in_word =
          (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || a == '\'';
    } else {
      UChar32 c;
      U8_NEXT(s, i, length, c);
      in_word = c >= 0 && u_isalnum(c);
    }
    if (in_word) {
      current.append(normal, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    } else if (!current.empty()) {
      words.push_back(fold_name_word(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(fold_name_word(current));
  return words;
}

std::string fold_key(std::string_view text) { return join_folded(fold_words_of(text)); }

}  // namespace cs

namespace cs {

namespace {

bool is_vowel_letter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The letter groups transliterations write for one sound, longest first, as one class.
constexpr std::pair<std::string_view, char> kLooseDigraphs[] = {
    {"tsch", 'C'}, {"sch", 'S'}, {"tch", 'C'}, {"dzh", 'J'}, {"kh", 'X'}, {"gh", 'G'},
    {"sh", 'S'},   {"ch", 'C'},  {"zh", 'J'},  {"dj", 'J'},  {"th", 'Z'}, {"dh", 'Z'},
    {"ph", 'F'},   {"ck", 'K'},  {"ts", 'T'},  {"tz", 'T'}};

// The class of one consonant letter ("" for one that has none, e.g. an apostrophe).
std::string_view consonant_class(char c) {
  switch (c) {
    case 'q':
    case 'k':
    case 'c':
      return "K";
    case 'g':
      return "G";  // not h: German is no Hermon (list both forms of Slavic г: Synehubov, Sinegubov)
    case 'h':
      return "H";
    case 'j':
      return "J";
    case 'z':
      return "Z";
    case 'w':
    case 'v':
      return "V";
    case 'f':
      return "F";
    case 'x':
      return "KS";
    case 's':
      return "S";
    case 't':
      return "T";
    case 'd':
      return "D";
    case 'b':
      return "B";
    case 'p':
      return "P";
    case 'l':
      return "L";
    case 'r':
      return "R";
    case 'm':
      return "M";
    case 'n':
      return "N";
    default:
      return "";
  }
}

// The class of a group of vowel letters: 'U' with o or u (unless it also has i, as in "ui"),
// 'I' with e, i or y (also "ai", "ay", "ei"), 'A' for a alone.
char vowel_class(std::string_view group) {
  const auto has = [&](char c) { return group.find(c) != std::string_view::npos; };
  if (has('o') || has('u')) return has('i') && group != "oi" && group != "ou" ? 'I' : 'U';
  if (has('a') && !has('e') && !has('i') && !has('y')) return 'A';
  return 'I';
}

// True when s[i] is 'y' used as a consonant: opening the word before a vowel ("Yemen"), or
// inside a vowel group before a vowel ("Ruqayya").
bool consonant_y(std::string_view s, std::size_t i, bool in_group) {
  const bool before_vowel = i + 1 < s.size() && is_vowel_letter(s[i + 1]);
  return s[i] == 'y' && before_vowel && (i == 0 || in_group);
}

}  // namespace

std::string loose_key(std::span<const std::string> folded_words) {
  const bool has_content = std::any_of(folded_words.begin(), folded_words.end(),
                                       [](const std::string& w) { return !is_arabic_article(w); });
  std::string letters;
  for (const std::string& w : folded_words) {
    if (has_content && is_arabic_article(w)) continue;
    for (char c : w) {
      if (static_cast<unsigned char>(c) >= 0x80) return "";
    }
    std::string_view word = w;
    // A final "h" after a vowel is the Arabic ta marbuta's, written or not (Raqqah, Raqqa).
    if (word.size() >= 2 && word.back() == 'h' && is_vowel_letter(word[word.size() - 2])) {
      word.remove_suffix(1);
    }
    letters += word;
  }
  std::string s;  // digraphs replaced by their class (upper case)
  s.reserve(letters.size());
  for (std::size_t i = 0; i < letters.size();) {
    bool replaced = false;
    // Only these letters open a digraph.
    const bool opens = std::string_view("tsdkgzcp").find(letters[i]) != std::string_view::npos;
    for (const auto& [digraph, cls] : kLooseDigraphs) {
      if (!opens) break;
      if (letters.compare(i, digraph.size(), digraph) == 0) {
        s += cls;
        i += digraph.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) s += letters[i++];
  }
  std::string units;
  int inner_vowels = 0;
  const auto push = [&units](char u) {
    if (units.empty() || units.back() != u) units.push_back(u);
  };
  for (std::size_t i = 0; i < s.size();) {
    const bool vowel = is_vowel_letter(s[i]) || (s[i] == 'y' && !consonant_y(s, i, false));
    if (!vowel) {
      const char c = s[i++];
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        push(c);  // a digit, or a digraph's class
      } else {
        for (char u : consonant_class(c)) push(u);
      }
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && (is_vowel_letter(s[j]) || (s[j] == 'y' && !consonant_y(s, j, j > i)))) {
      ++j;
    }
    if (i == 0) {
      push('@');  // opens with a vowel
    } else if (j == s.size()) {
      push('$');  // closes with one
    } else if (++inner_vowels == 1) {
      push(vowel_class(std::string_view(s).substr(i, j - i)));
    }
    i = j;
  }
  // The article's "l" after "Abd" assimilated to a sun letter: Abdulrahman, Abdurrahman.
  std::string key;
  for (std::size_t k = 0; k < units.size(); ++k) {
    const char u = units[k];
    const bool assimilated =
        u == 'L' && k >= 2 && k + 1 < units.size() && units[k - 1] == 'D' &&
        std::string_view("TDRZSN").find(units[k + 1]) != std::string_view::npos;
    if (assimilated || (!key.empty() && key.back() == u)) continue;
    key.push_back(u);
  }
  const std::size_t counted = key.size() - (!key.empty() && key.back() == '$' ? 1 : 0);
  return counted >= kMinLooseUnits ? key : std::string();
}

namespace {

// A folded word as German writes a Russian or Arabic name, in English letters: "ch" (not in
// "sch") as "kh", "j" as "y", an opening "s" before a vowel as "z"; with `sch_as_zh`, "sch"
// as "zh" (Prigoschin, Breschnew), else left as it is (sh).
std::string german_as_english(std::string_view w, bool sch_as_zh) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const bool sch = w.compare(i, 3, "sch") == 0;
    if (sch && sch_as_zh && !(i > 0 && w[i - 1] == 't')) {
      out += "zh";
      i += 2;
    } else if (sch || w.compare(i, 4, "tsch") == 0) {
      const std::size_t n = sch ? 3 : 4;
      out += w.substr(i, n);
      i += n - 1;
    } else if (w.compare(i, 2, "ch") == 0) {
      out += "kh";
      ++i;
    } else if (w[i] == 'j') {
      out += 'y';
    } else if (i == 0 && w[i] == 's' && w.size() > 1 && is_vowel_letter(w[1])) {
      out += 'z';
    } else {
      out += w[i];
    }
  }
  return out;
}

// Letters English transliteration never writes, which mark a name as German-written: "ch"
// (in "sch", "tsch" or alone: Bachmut, Prigoschin) or a final "j" (Selenskyj, Syrskyj).
bool german_written(std::string_view w) {
  return w.find("ch") != std::string_view::npos || w.ends_with('j');
}

// Marks of a French-written name: "ch" (Choïgou), "gu" before e or i (Sergueï), a final
// "ine" (Poutine, Prigojine).
bool french_written(std::string_view w) {
  return w.find("ch") != std::string_view::npos || w.find("gue") != std::string_view::npos ||
         w.find("gui") != std::string_view::npos || w.ends_with("ine");
}

// A folded word as French writes it, in English letters: "ch" as "sh" (not in "tch"), "gu"
// before e or i as "g", a final "ine" as "in".
std::string french_as_english(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.compare(i, 2, "ch") == 0 && !(i > 0 && w[i - 1] == 't')) {
      out += "sh";
      ++i;
    } else if (w.compare(i, 2, "gu") == 0 && i + 2 < w.size() &&
               (w[i + 2] == 'e' || w[i + 2] == 'i')) {
      out += 'g';
      ++i;
    } else {
      out += w[i];
    }
  }
  if (out.ends_with("ine")) out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> loose_keys(std::span<const std::string> folded_words) {
  std::vector<std::string> keys;
  const auto add = [&keys](std::string key) {
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) {
      keys.push_back(std::move(key));
    }
  };
  add(loose_key(folded_words));
  // A reading applies to a name with a word written its way (one is enough: "Chan Junis"),
  // and gives a key when it changes some word.
  const auto add_read = [&](bool (*written)(std::string_view), const auto& rewrite) {
    if (std::none_of(folded_words.begin(), folded_words.end(),
                     [&](const std::string& w) { return written(w); })) {
      return;
    }
    std::vector<std::string> words;
    bool changed = false;
    for (const std::string& w : folded_words) {
      words.push_back(rewrite(w));
      changed = changed || words.back() != w;
    }
    if (changed) add(loose_key(words));
  };
  add_read(german_written, [](const std::string& w) { return german_as_english(w, false); });
  add_read(german_written, [](const std::string& w) { return german_as_english(w, true); });
  add_read(french_written, [](const std::string& w) { return french_as_english(w); });
  return keys;
}

std::string loose_key_of(std::string_view text) { return loose_key(fold_words_of(text)); }

}  // namespace cs
