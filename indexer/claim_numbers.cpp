#include "indexer/claim_numbers.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/normalize.h"

namespace cs {

namespace {

constexpr std::size_t kMaxDigits = 12;  // above kMaxClaimValue with room for groups

// Where arithmetic on written numbers stops growing ("a dozen dozen dozen ...", "999999999999
// billion"): far above kMaxClaimValue, so such a figure is dropped as too large, never wraps.
constexpr std::int64_t kSaturated = 1'000'000'000'000'000;

// a * b and a + b for non-negative values, held at kSaturated.
std::int64_t times(std::int64_t a, std::int64_t b) {
  return (b != 0 && a > kSaturated / b) ? kSaturated : std::min(a * b, kSaturated);
}
std::int64_t plus(std::int64_t a, std::int64_t b) { return std::min(a + b, kSaturated); }

// Table rows as written. Russian, Ukrainian and Arabic rows are folded (fold_word) when the
// tables are built, so they compare with tokens' folded forms; English rows are already folded.
struct QualifierRow {
  std::array<std::string_view, 4> words;
  std::string_view canonical;
};

// Longest first where one is a prefix of another ("just over" before "over").
constexpr QualifierRow kQualifierRows[] = {
    {{"at", "least"}, "at least"},
    {{"more", "than"}, "more than"},
    {{"just", "over"}, "over"},
    {{"well", "over"}, "over"},
    {{"over"}, "over"},
    {{"upwards", "of"}, "over"},
    {{"in", "excess", "of"}, "over"},
    {{"around"}, "around"},
    {{"about"}, "around"},
    {{"approximately"}, "around"},
    {{"roughly"}, "around"},
    {{"some"}, "around"},
    {{"an", "estimated"}, "around"},
    {{"estimated"}, "around"},
    {{"nearly"}, "nearly"},
    {{"almost"}, "nearly"},
    {{"close", "to"}, "nearly"},
    {{"up", "to"}, "up to"},
    {{"as", "many", "as"}, "up to"},
    {{"at", "most"}, "at most"},
    {{"fewer", "than"}, "fewer than"},
    {{"less", "than"}, "fewer than"},
    {{"no", "fewer", "than"}, "at least"},
    {{"no", "less", "than"}, "at least"},
    // Russian
    {{"по", "меньшей", "мере"}, "at least"},
    {{"по", "крайней", "мере"}, "at least"},
    {{"как", "минимум"}, "at least"},
    {{"не", "менее"}, "at least"},
    {{"более"}, "more than"},
    {{"больше"}, "more than"},
    {{"свыше"}, "over"},
    {{"около"}, "around"},
    {{"порядка"}, "around"},
    {{"примерно"}, "around"},
    {{"почти"}, "nearly"},
    // Ukrainian
    {{"щонайменше"}, "at least"},
    {{"принаймні"}, "at least"},
    {{"не", "менше"}, "at least"},
    {{"як", "мінімум"}, "at least"},
    {{"понад"}, "over"},
    {{"більш", "ніж"}, "more than"},
    {{"більше"}, "more than"},
    {{"близько"}, "around"},
    {{"приблизно"}, "around"},
    {{"майже"}, "nearly"},
    // Arabic
    {{"ما", "لا", "يقل", "عن"}, "at least"},
    {{"ما", "يزيد", "عن"}, "more than"},
    {{"ما", "يزيد", "على"}, "more than"},
    {{"أكثر", "من"}, "more than"},
    {{"نحو"}, "around"},
    {{"حوالي"}, "around"},
    {{"قرابة"}, "nearly"},
};

constexpr std::pair<std::string_view, int> kUnitRows[] = {
    {"one", 1},
    {"two", 2},
    {"three", 3},
    {"four", 4},
    {"five", 5},
    {"six", 6},
    {"seven", 7},
    {"eight", 8},
    {"nine", 9},
    {"ten", 10},
    {"eleven", 11},
    {"twelve", 12},
    {"thirteen", 13},
    {"fourteen", 14},
    {"fifteen", 15},
    {"sixteen", 16},
    {"seventeen", 17},
    {"eighteen", 18},
    {"nineteen", 19},
    {"twenty", 20},
    {"thirty", 30},
    {"forty", 40},
    {"fifty", 50},
    {"sixty", 60},
    {"seventy", 70},
    {"eighty", 80},
    {"ninety", 90},
    // Russian (the cases a count of people takes)
    {"один", 1},
    {"одна", 1},
    {"одного", 1},
    {"два", 2},
    {"две", 2},
    {"двух", 2},
    {"три", 3},
    {"трех", 3},
    {"трёх", 3},
    {"четыре", 4},
    {"четырех", 4},
    {"четырёх", 4},
    {"пять", 5},
    {"пяти", 5},
    {"шесть", 6},
    {"шести", 6},
    {"семь", 7},
    {"семи", 7},
    {"восемь", 8},
    {"восьми", 8},
    {"девять", 9},
    {"девяти", 9},
    {"десять", 10},
    {"десяти", 10},
    {"одиннадцать", 11},
    {"двенадцать", 12},
    {"тринадцать", 13},
    {"четырнадцать", 14},
    {"пятнадцать", 15},
    {"шестнадцать", 16},
    {"семнадцать", 17},
    {"восемнадцать", 18},
    {"девятнадцать", 19},
    {"двадцать", 20},
    {"тридцать", 30},
    {"сорок", 40},
    {"пятьдесят", 50},
    {"сто", 100},
    {"двое", 2},
    {"трое", 3},
    {"четверо", 4},
    {"пятеро", 5},
    {"шестеро", 6},
    {"семеро", 7},
    {"восьмеро", 8},
    {"девятеро", 9},
    {"десятеро", 10},
    {"одиннадцати", 11},
    {"двенадцати", 12},
    {"тринадцати", 13},
    {"четырнадцати", 14},
    {"пятнадцати", 15},
    {"шестнадцати", 16},
    {"семнадцати", 17},
    {"восемнадцати", 18},
    {"девятнадцати", 19},
    {"двадцати", 20},
    {"тридцати", 30},
    {"сорока", 40},
    {"пятидесяти", 50},
    {"шестьдесят", 60},
    {"шестидесяти", 60},
    {"семьдесят", 70},
    {"семидесяти", 70},
    {"восемьдесят", 80},
    {"восьмидесяти", 80},
    {"девяносто", 90},
    {"девяноста", 90},
    {"ста", 100},
    {"двести", 200},
    {"двухсот", 200},
    {"триста", 300},
    {"трехсот", 300},
    {"трёхсот", 300},
    {"четыреста", 400},
    {"четырехсот", 400},
    {"пятьсот", 500},
    {"пятисот", 500},
    {"шестьсот", 600},
    {"семьсот", 700},
    {"восемьсот", 800},
    {"девятьсот", 900},
    {"двоих", 2},
    {"троих", 3},
    {"четверых", 4},
    {"пятерых", 5},
    {"шестерых", 6},
    {"семерых", 7},
    {"восьмерых", 8},
    {"девятерых", 9},
    {"десятерых", 10},
    // Ukrainian ("п'ять" folds to the Russian "пять")
    {"дві", 2},
    {"двох", 2},
    {"двоє", 2},
    {"троє", 3},
    {"трьох", 3},
    {"чотири", 4},
    {"чотирьох", 4},
    {"пятьох", 5},
    {"шість", 6},
    {"шістьох", 6},
    {"сім", 7},
    {"сімох", 7},
    {"вісім", 8},
    {"вісьмох", 8},
    {"одинадцять", 11},
    {"дванадцять", 12},
    {"тринадцять", 13},
    {"чотирнадцять", 14},
    {"пятнадцять", 15},
    {"двадцять", 20},
    {"тридцять", 30},
    {"десятьох", 10},
    {"девятьох", 9},
    {"шістнадцять", 16},
    {"сімнадцять", 17},
    {"вісімнадцять", 18},
    {"одинадцяти", 11},
    {"дванадцяти", 12},
    {"тринадцяти", 13},
    {"чотирнадцяти", 14},
    {"пятнадцяти", 15},
    {"шістнадцяти", 16},
    {"сімнадцяти", 17},
    {"вісімнадцяти", 18},
    {"двадцяти", 20},
    {"тридцяти", 30},
    {"пятдесят", 50},
    {"пятдесяти", 50},
    {"шістдесят", 60},
    {"шістдесяти", 60},
    {"сімдесят", 70},
    {"сімдесяти", 70},
    {"вісімдесят", 80},
    {"вісімдесяти", 80},
    {"двісті", 200},
    {"двохсот", 200},
    {"чотириста", 400},
    {"пятсот", 500},
    {"шістсот", 600},
    {"сімсот", 700},
    {"вісімсот", 800},
    {"девятсот", 900},
    {"одинадцятеро", 11},
    {"дванадцятеро", 12},
    {"тринадцятеро", 13},
    {"чотирнадцятеро", 14},
    {"пятнадцятеро", 15},
    {"шістнадцятеро", 16},
    {"сімнадцятеро", 17},
    {"вісімнадцятеро", 18},
    {"девятнадцятеро", 19},
    {"двадцятеро", 20},
    {"тридцятеро", 30},
    // Arabic (masculine and feminine forms; duals of hundreds and thousands)
    {"مئتي", 200},
    {"مئتين", 200},
    {"مئتا", 200},
    {"ألفي", 2000},
    {"ألفين", 2000},
    {"ألفا", 2000},
    {"واحد", 1},
    {"اثنان", 2},
    {"اثنين", 2},
    {"ثلاثة", 3},
    {"ثلاث", 3},
    {"أربعة", 4},
    {"أربع", 4},
    {"خمسة", 5},
    {"خمس", 5},
    {"ستة", 6},
    {"ست", 6},
    {"سبعة", 7},
    {"سبع", 7},
    {"ثمانية", 8},
    {"ثماني", 8},
    {"تسعة", 9},
    {"تسع", 9},
    {"عشرة", 10},
    {"عشر", 10},
    {"عشرون", 20},
    {"عشرين", 20},
    {"ثلاثون", 30},
    {"ثلاثين", 30},
    {"أربعون", 40},
    {"أربعين", 40},
    {"خمسون", 50},
    {"خمسين", 50}};

// Arabic teens: a unit, then "عشر"/"عشرة" ("خمسة عشر", fifteen).
constexpr std::string_view kTeenTenRows[] = {"عشر", "عشرة"};

constexpr std::pair<std::string_view, std::int64_t> kScaleRows[] = {
    {"hundred", 100},        {"thousand", 1'000},
    {"million", 1'000'000},  {"billion", 1'000'000'000},
    {"тысяча", 1'000},       {"тысячи", 1'000},
    {"тысяч", 1'000},        {"миллион", 1'000'000},
    {"миллиона", 1'000'000}, {"миллионов", 1'000'000},
    {"тисяча", 1'000},       {"тисячі", 1'000},
    {"тисяч", 1'000},        {"мільйон", 1'000'000},
    {"мільйона", 1'000'000}, {"мільйонів", 1'000'000},
    {"ألف", 1'000},          {"آلاف", 1'000},
    {"مليون", 1'000'000},    {"ملايين", 1'000'000},
    {"тыс", 1'000},          {"тис", 1'000},
    {"млн", 1'000'000}};

// Vague quantities: (words, order of magnitude). "scores" only before "of".
struct VagueRow {
  std::array<std::string_view, 3> words;
  int magnitude;
};
constexpr VagueRow kVagueRows[] = {
    {{"tens", "of", "thousands"}, 4},
    {{"hundreds", "of", "thousands"}, 5},
    {{"several", "dozen"}, 1},
    {{"several", "hundred"}, 2},
    {{"several", "thousand"}, 3},
    {{"a", "few", "dozen"}, 1},
    {{"a", "few", "hundred"}, 2},
    {{"dozens"}, 1},
    {{"scores"}, 1},
    {{"hundreds"}, 2},
    {{"thousands"}, 3},
    {{"millions"}, 6},
    {{"десятки", "тысяч"}, 4},
    {{"сотни", "тысяч"}, 5},
    {{"десятки"}, 1},
    {{"десятков"}, 1},
    {{"сотни"}, 2},
    {{"сотен"}, 2},
    {{"тысячи"}, 3},
    {{"десятки", "тисяч"}, 4},
    {{"сотні", "тисяч"}, 5},
    {{"десятків"}, 1},
    {{"сотні"}, 2},
    {{"сотень"}, 2},
    {{"тисячі"}, 3},
    {{"عشرات", "الآلاف"}, 4},
    {{"مئات", "الآلاف"}, 5},
    {{"عشرات"}, 1},
    {{"مئات"}, 2},
    {{"آلاف"}, 3},
    {{"العشرات"}, 1},
    {{"المئات"}, 2},
    {{"الآلاف"}, 3},
};

// The rows above, folded.
struct Qualifier {
  std::vector<std::string> words;
  std::string_view canonical;
};
struct Vague {
  std::vector<std::string> words;
  int magnitude;
};
// Hashes std::string and std::string_view alike, so lookups by a token's view copy nothing.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
};
template <typename Value>
using WordMap = std::unordered_map<std::string, Value, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct NumberWords {
  std::vector<Qualifier> qualifiers;
  std::vector<Vague> vague;
  WordMap<int> units;
  WordMap<std::int64_t> scales;
  WordSet teen_tens;
  WordSet first_words;  ///< a qualifier's or vague quantity's first word
};

template <std::size_t N>
std::vector<std::string> folded_words(const std::array<std::string_view, N>& row) {
  std::vector<std::string> words;
  for (std::string_view w : row) {
    if (w.empty()) break;
    words.push_back(fold_word(w));
  }
  return words;
}

const NumberWords& number_words() {
  static const NumberWords kWords = [] {
    NumberWords t;
    for (const QualifierRow& q : kQualifierRows) {
      t.qualifiers.push_back({folded_words(q.words), q.canonical});
      t.first_words.insert(t.qualifiers.back().words.front());
    }
    for (const VagueRow& v : kVagueRows) {
      t.vague.push_back({folded_words(v.words), v.magnitude});
      t.first_words.insert(t.vague.back().words.front());
    }
    for (const auto& [word, value] : kUnitRows) t.units.emplace(fold_word(word), value);
    for (const auto& [word, value] : kScaleRows) t.scales.emplace(fold_word(word), value);
    for (std::string_view word : kTeenTenRows) t.teen_tens.insert(fold_word(word));
    return t;
  }();
  return kWords;
}

// "scores of people", "scores were killed", "scores wounded": not "scores" of a match.
bool scores_is_a_count(std::string_view next) {
  return next == "of" || next == "were" || next == "more" || next == "have" || next == "had" ||
         next == "killed" || next == "wounded" || next == "injured" || next == "dead" ||
         next == "died" || next == "others";
}

// An Arabic word without the "and" (و) or "so" (ف) written onto it ("وثلاثة": and three), or
// "" when it has none.
std::string_view without_arabic_conjunction(std::string_view w) {
  constexpr std::size_t kLetterBytes = 2;
  for (std::string_view conjunction : {std::string_view("و"), std::string_view("ف")}) {
    if (w.size() >= conjunction.size() + 2 * kLetterBytes && w.starts_with(conjunction)) {
      return w.substr(conjunction.size());
    }
  }
  return {};
}

int unit_value(std::string_view w) {
  const auto& units = number_words().units;
  auto it = units.find(w);
  if (it == units.end()) {
    if (const std::string_view rest = without_arabic_conjunction(w); !rest.empty()) {
      it = units.find(rest);
    }
  }
  return it == units.end() ? 0 : it->second;
}

std::int64_t scale_value(std::string_view w) {
  const auto& scales = number_words().scales;
  const auto it = scales.find(w);
  return it == scales.end() ? 0 : it->second;
}

// A scale word that counts on its own where the language needs no "a" ("مليون", "тысяча");
// English "million" without "a" or a number before it is no count.
bool is_bare_scale(std::string_view w) {
  return !w.empty() && static_cast<unsigned char>(w[0]) >= 0x80 && scale_value(w) >= 1'000;
}

class Reader {
 public:
  Reader(const TokenizedText& text, std::size_t start)
      : text_(text), sentence_(text.tokens[start].sentence) {}

  bool in(std::size_t i) const {
    return i < text_.tokens.size() && text_.tokens[i].sentence == sentence_;
  }
  std::string_view word(std::size_t i) const {
    return in(i) ? std::string_view(text_.tokens[i].folded) : std::string_view();
  }
  // A word of a vague quantity as the claim shows it: folded (lower case), but an Arabic word
  // as written, since folding rewrites its letters (مئات folds to ميات).
  std::string vague_word(std::size_t i) const {
    const std::string_view folded = word(i);
    const bool arabic = !folded.empty() && static_cast<unsigned char>(folded[0]) >= 0xD8 &&
                        static_cast<unsigned char>(folded[0]) <= 0xDB;
    return std::string(arabic ? text_.span_text(i, i + 1) : folded);
  }
  std::string_view gap(std::size_t i) const {  // the text between tokens i-1 and i
    return text_.text.substr(text_.tokens[i - 1].end,
                             text_.tokens[i].begin - text_.tokens[i - 1].end);
  }

  // Decimal digits of token i (ASCII or Arabic-Indic), or "" when it is not all digits.
  std::string digits(std::size_t i) const {
    if (!in(i)) return "";
    const Token& t = text_.tokens[i];
    std::string_view raw = text_.text.substr(t.begin, t.end - t.begin);
    // Arabic writes "and" onto a figure: "و5 جرحى" (and 5 wounded).
    for (std::string_view conjunction : {std::string_view("و"), std::string_view("ف")}) {
      if (raw.size() > conjunction.size() && raw.starts_with(conjunction)) {
        raw.remove_prefix(conjunction.size());
        break;
      }
    }
    std::string out;
    for (std::size_t k = 0; k < raw.size();) {
      const auto c = static_cast<unsigned char>(raw[k]);
      if (c >= '0' && c <= '9') {
        out += static_cast<char>(c);
        ++k;
      } else if (k + 1 < raw.size() && (c == 0xD9 || c == 0xDB)) {
        // U+0660-0669 (D9 A0-A9) and U+06F0-06F9 (DB B0-B9).
        const auto d = static_cast<unsigned char>(raw[k + 1]);
        if (c == 0xD9 && d >= 0xA0 && d <= 0xA9) {
          out += static_cast<char>('0' + (d - 0xA0));
        } else if (c == 0xDB && d >= 0xB0 && d <= 0xB9) {
          out += static_cast<char>('0' + (d - 0xB0));
        } else {
          return "";
        }
        k += 2;
      } else {
        return "";
      }
    }
    return out;
  }

  // Token i as digits with a scale suffix, as British papers write them ("2m", "3bn"): the
  // digits, with `scale` set; "" when it is not one.
  std::string suffixed_digits(std::size_t i, std::int64_t& scale) const {
    const std::string_view w = word(i);
    for (const auto& [suffix, value] :
         {std::pair<std::string_view, std::int64_t>{"m", 1'000'000},
          std::pair<std::string_view, std::int64_t>{"bn", 1'000'000'000}}) {
      const std::string_view head = w.substr(0, w.size() - std::min(w.size(), suffix.size()));
      if (w.ends_with(suffix) && !head.empty() && head.size() <= 4 &&
          head.find_first_not_of("0123456789") == std::string_view::npos) {
        scale = value;
        return std::string(head);
      }
    }
    return "";
  }

  // The number of words of `words` that start at token i, or 0 when they do not all match.
  std::size_t match_words(std::size_t i, const std::vector<std::string>& words) const {
    for (std::size_t n = 0; n < words.size(); ++n) {
      if (word(i + n) != words[n]) return 0;
    }
    return words.size();
  }

  // A plain (non-range) value at i: sets value/end/flags; false when none.
  bool simple(std::size_t i, NumberExpr& out, std::size_t& end) const {
    if (!in(i)) return false;
    for (const Vague& v : number_words().vague) {
      if (const std::size_t n = match_words(i, v.words)) {
        if (v.words[0] == "scores" && !scores_is_a_count(word(i + 1))) continue;
        out.vague.clear();
        for (std::size_t k = 0; k < n; ++k) out.vague += (k ? " " : "") + vague_word(i + k);
        out.magnitude = v.magnitude;
        end = i + n;
        return true;
      }
    }
    if (std::string d = digits(i); !d.empty()) return digit_value(i, std::move(d), out, end);
    if (std::int64_t scale = 0; !suffixed_digits(i, scale).empty()) {
      out.low = out.high = std::stoll(suffixed_digits(i, scale)) * scale;
      end = i + 1;
      return true;
    }
    return word_value(i, out, end);
  }

  bool digit_value(std::size_t i, std::string d, NumberExpr& out, std::size_t& end) const {
    std::size_t j = i + 1;
    bool grouped = false;
    // "1,2 тысячи", "2,5 млн": a decimal comma before a scale (a thousands group has three).
    std::string comma_fraction;
    if (in(j + 1) && gap(j) == "," && digits(j).size() <= 2 && !digits(j).empty() &&
        scale_value(word(j + 1)) > 0) {
      comma_fraction = digits(j);
      ++j;
      grouped = true;  // no groups or spaced thousands follow
    }
    while (comma_fraction.empty() && in(j) && gap(j) == "," && d.size() <= kMaxDigits) {
      const std::string group = digits(j);
      if (group.size() != 3) break;
      d += group;
      grouped = true;
      ++j;
    }
    // "10 000 мирных": thousands set off by spaces, as Russian, Ukrainian and Arabic papers
    // write them; taken only when a word of a non-Latin script follows, so that English
    // "in 2014 300 people" keeps its two numbers.
    if (!grouped && d.size() <= 3) {
      std::string spaced = d;
      std::size_t k = j;
      // A plain, a no-break or a narrow no-break space.
      const auto space = [&](std::size_t t) {
        return gap(t) == " " || gap(t) == "\xC2\xA0" || gap(t) == "\xE2\x80\xAF";
      };
      while (in(k) && space(k) && digits(k).size() == 3 && spaced.size() <= kMaxDigits) {
        spaced += digits(k++);
      }
      if (k > j && in(k) && static_cast<unsigned char>(text_.text[text_.tokens[k].begin]) >= 0x80) {
        d = std::move(spaced);
        j = k;
        grouped = true;
      }
    }
    std::string fraction = comma_fraction;
    std::int64_t suffix_scale = 0;  // "2.1m"
    if (!grouped && in(j) && gap(j) == "." && !digits(j).empty() && scale_value(word(j + 1)) > 0) {
      fraction = digits(j);
      ++j;
    } else if (!grouped && in(j) && gap(j) == ".") {
      fraction = suffixed_digits(j, suffix_scale);
      if (!fraction.empty()) ++j;
    }
    if (d.size() > kMaxDigits) {
      out.too_large = true;
      end = j;
      return true;
    }
    std::int64_t value = std::stoll(d);
    const std::int64_t scale = suffix_scale > 0 ? suffix_scale : scale_value(word(j));
    if (scale > 0) {
      std::int64_t part = 0;
      std::int64_t denominator = 1;
      for (char c : fraction.substr(0, 3)) {
        part = part * 10 + (c - '0');
        denominator *= 10;
      }
      value = plus(times(value, scale), times(part, scale) / denominator);
      if (suffix_scale == 0) ++j;
    } else if (d.size() == 4 && !grouped && value >= 1900 && value <= 2099) {
      out.year_like = true;
    }
    out.low = out.high = value;
    end = j;
    return true;
  }

  bool word_value(std::size_t i, NumberExpr& out, std::size_t& end) const {
    std::int64_t total = 0;
    std::int64_t current = 0;
    bool any = false;
    std::size_t j = i;
    if (word(j) == "half" && word(j + 1) == "a" && word(j + 2) == "dozen") {
      out.low = out.high = 6;
      end = j + 3;
      return true;
    }
    // "a dozen", "a hundred", "an estimated" is a qualifier, not here.
    if ((word(j) == "a" || word(j) == "an") &&
        (word(j + 1) == "dozen" || scale_value(word(j + 1)) > 0)) {
      current = 1;
      any = true;
      ++j;
    } else if (is_bare_scale(word(j))) {
      current = 1;  // "مليون شخص", "тысяча человек": one million, one thousand
      any = true;
    }
    for (; in(j); ++j) {
      const std::string_view w = word(j);
      if (const int u = unit_value(w)) {
        const bool units_then_tens = current > 0 && current < 10 && u >= 20 && u < 100 &&
                                     u % 10 == 0 && !without_arabic_conjunction(w).empty();
        if (u == 10 && current > 0 && current < 10 && number_words().teen_tens.contains(w)) {
          current += u;  // "خمسة عشر", five-ten: fifteen
        } else if (units_then_tens) {
          current += u;  // "خمسة وعشرون", five and twenty
        } else if (current % 100 != 0 && current % 10 == 0 && u < 10 && current >= 20) {
          current += u;  // "fifty-five"
        } else if (current % 100 == 0 || !any) {
          current += u;
        } else {
          break;
        }
        any = true;
      } else if (w == "dozen" && any) {
        current = times(std::max<std::int64_t>(current, 1), 12);
      } else if (const std::int64_t scale = scale_value(w); scale > 0 && any) {
        if (scale == 100) {
          current = times(std::max<std::int64_t>(current, 1), 100);
        } else {
          total = plus(total, times(std::max<std::int64_t>(current, 1), scale));
          current = 0;
        }
      } else if (w == "and" && any && current % 100 == 0 && unit_value(word(j + 1)) > 0 &&
                 (current > 0 || total > 0)) {
        continue;  // "one hundred and fifty"
      } else {
        break;
      }
    }
    if (!any) return false;
    out.low = out.high = plus(total, current);
    end = j;
    return out.low > 0;
  }

 private:
  const TokenizedText& text_;
  std::uint32_t sentence_;
};

int magnitude_of(std::int64_t v) {
  int m = 0;
  while (v >= 10) {
    v /= 10;
    ++m;
  }
  return m;
}

}  // namespace

bool may_start_number(const TokenizedText& text, std::size_t i) {
  const std::string& w = text.tokens[i].folded;
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(text.text[text.tokens[i].begin]);
  if ((w[0] >= '0' && w[0] <= '9') || c == 0xD9 || c == 0xDB) return true;
  if (number_words().first_words.contains(w) || is_bare_scale(w)) return true;
  return unit_value(w) > 0 || w == "a" || w == "an" || w == "between" || w == "half";
}

std::optional<NumberExpr> number_at(const TokenizedText& text, std::size_t i) {
  if (i >= text.tokens.size()) return std::nullopt;
  const Reader r(text, i);
  NumberExpr out;
  out.first = i;
  std::size_t j = i;
  for (const Qualifier& q : number_words().qualifiers) {
    if (const std::size_t n = r.match_words(i, q.words)) {
      out.qualifier = q.canonical;
      j = i + n;
      break;
    }
  }
  out.value_first = j;
  std::size_t end = j;
  if (r.word(j) == "between") {
    NumberExpr high;
    std::size_t high_end = 0;
    if (!r.simple(j + 1, out, end) || !out.vague.empty() || r.word(end) != "and" ||
        !r.simple(end + 1, high, high_end) || !high.vague.empty()) {
      return std::nullopt;
    }
    out.high = high.high;
    if (out.high < out.low) std::swap(out.low, out.high);  // "between 40 and 30"
    out.too_large = out.too_large || high.too_large;
    out.year_like = false;
    end = high_end;
  } else {
    if (!r.simple(j, out, end)) return std::nullopt;
    // "20 to 30", "two or three", "20-30"; "от 25 до 30", "від 5 до 7", "من 10 إلى 15".
    const std::string_view link = r.word(end);
    const bool hyphen = r.in(end) && text.tokens[end].joined && r.gap(end) == "-";
    const std::string_view from = i > 0 && r.in(i - 1) ? r.word(i - 1) : std::string_view();
    const bool from_to = (link == "до" && (from == "от" || from == "від")) ||
                         ((link == "إلى" || link == "الى") && from == "من");
    // "بين 60 و70": Arabic writes "and" onto the second figure.
    const bool arabic_between = from == "بين" && r.in(end) && !r.digits(end).empty() &&
                                text.text.substr(text.tokens[end].begin, 2) == "و";
    if (out.vague.empty() && !out.too_large &&
        (link == "to" || link == "or" || from_to || arabic_between ||
         (hyphen && !r.digits(end - 1).empty()))) {
      NumberExpr high;
      std::size_t high_end = 0;
      const std::size_t at = hyphen || arabic_between ? end : end + 1;
      if (r.simple(at, high, high_end) && high.vague.empty() && !high.too_large &&
          high.low > out.low) {
        out.high = high.high;
        out.year_like = false;
        end = high_end;
      }
    }
  }
  out.end = end;
  if (out.high > kMaxClaimValue || out.low > kMaxClaimValue) out.too_large = true;
  if (out.vague.empty()) out.magnitude = magnitude_of(out.high);
  return out;
}

}  // namespace cs
