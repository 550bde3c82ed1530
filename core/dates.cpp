#include "core/dates.h"

#include <array>
#include <chrono>
#include <vector>

#include "core/normalize.h"

namespace cs {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
// Month names of other languages, as fold_word leaves them (Arabic without hamza, ta marbuta
// as heh; Cyrillic ё as е): Arabic (Egyptian/Gulf, Maghrebi and the Levantine names;
// the two-word Levantine ones are in kArabicPairs), Russian and Ukrainian in the nominative,
// genitive ("12 марта") and locative ("в марте").
struct MonthName {
  std::string_view name;
  int month;
};
constexpr MonthName kForeignMonths[] = {
    // Arabic
    {"يناير", 1},
    {"جانفي", 1},
    {"فبراير", 2},
    {"فيفري", 2},
    {"شباط", 2},
    {"مارس", 3},
    {"اذار", 3},
    {"ابريل", 4},
    {"افريل", 4},
    {"نيسان", 4},
    {"مايو", 5},
    {"ايار", 5},
    {"ماي", 5},
    {"يونيو", 6},
    {"يونيه", 6},
    {"جوان", 6},
    {"حزيران", 6},
    {"يوليو", 7},
    {"يوليه", 7},
    {"جويليه", 7},
    {"تموز", 7},
    {"اغسطس", 8},
    {"اوت", 8},
    {"اب", 8},
    {"سبتمبر", 9},
    {"ايلول", 9},
    {"اكتوبر", 10},
    {"نوفمبر", 11},
    {"ديسمبر", 12},
    // Russian
    {"январь", 1},
    {"января", 1},
    {"январе", 1},
    {"февраль", 2},
    {"февраля", 2},
    {"феврале", 2},
    {"март", 3},
    {"марта", 3},
    {"марте", 3},
    {"апрель", 4},
    {"апреля", 4},
    {"апреле", 4},
    {"май", 5},
    {"мая", 5},
    {"мае", 5},
    {"июнь", 6},
    {"июня", 6},
    {"июне", 6},
    {"июль", 7},
    {"июля", 7},
    {"июле", 7},
    {"август", 8},
    {"августа", 8},
    {"августе", 8},
    {"сентябрь", 9},
    {"сентября", 9},
    {"сентябре", 9},
    {"октябрь", 10},
    {"октября", 10},
    {"октябре", 10},
    {"ноябрь", 11},
    {"ноября", 11},
    {"ноябре", 11},
    {"декабрь", 12},
    {"декабря", 12},
    {"декабре", 12},
    // Ukrainian
    {"січень", 1},
    {"січня", 1},
    {"січні", 1},
    {"лютий", 2},
    {"лютого", 2},
    {"лютому", 2},
    {"березень", 3},
    {"березня", 3},
    {"березні", 3},
    {"квітень", 4},
    {"квітня", 4},
    {"квітні", 4},
    {"травень", 5},
    {"травня", 5},
    {"травні", 5},
    {"червень", 6},
    {"червня", 6},
    {"червні", 6},
    {"липень", 7},
    {"липня", 7},
    {"липні", 7},
    {"серпень", 8},
    {"серпня", 8},
    {"серпні", 8},
    {"вересень", 9},
    {"вересня", 9},
    {"вересні", 9},
    {"жовтень", 10},
    {"жовтня", 10},
    {"жовтні", 10},
    {"листопад", 11},
    {"листопада", 11},
    {"листопаді", 11},
    {"грудень", 12},
    {"грудня", 12},
    {"грудні", 12}};

// The Levantine two-word months: كانون الثاني (January), تشرين الأول (October), ...
struct MonthPair {
  std::string_view first;
  std::string_view second;
  int month;
};
constexpr MonthPair kArabicPairs[] = {
    {"كانون", "الثاني", 1}, {"كانون", "ثاني", 1}, {"كانون", "الاول", 12},  {"كانون", "اول", 12},
    {"تشرين", "الاول", 10}, {"تشرين", "اول", 10}, {"تشرين", "الثاني", 11}, {"تشرين", "ثاني", 11}};

constexpr std::array<std::string_view, 7> kWeekdays = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// A name or its abbreviation of at least three letters ("sept", "wed").
bool abbreviates(std::string_view word, std::string_view name) {
  return word.size() >= 3 && word[0] == name[0] && word.size() <= name.size() &&
         name.substr(0, word.size()) == word && (word.size() <= 4 || word == name);
}

// Day of month from "3", "03", "3rd", "17th"; 0 if `word` is not one.
int parse_day(std::string_view word) {
  std::size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits == 0 || digits > 2) return 0;
  const std::string_view suffix = word.substr(digits);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  const int day = to_int(word.substr(0, digits));
  return day >= 1 && day <= 31 ? day : 0;
}

// Year from a four-digit word in the valid range; 0 otherwise.
int parse_year(std::string_view word) {
  if (word.size() != 4 || !all_digits(word)) return 0;
  const int year = to_int(word);
  return year >= 1900 && year <= max_valid_year() ? year : 0;
}

PartialDate make_date(int year, int month, int day) {
  const DatePrecision p =
      day ? DatePrecision::kDay : (month ? DatePrecision::kMonth : DatePrecision::kYear);
  return PartialDate{year, month, day, p};
}

// Month (and day) without a year: the reference year, or the year before when that would be
// after the reference.
std::optional<PartialDate> resolve_yearless(int month, int day, const PartialDate& reference) {
  if (!reference.known()) return std::nullopt;
  int year = reference.year;
  const bool after = reference.month != 0 &&
                     (month > reference.month ||
                      (month == reference.month && reference.day != 0 && day > reference.day));
  if (after) --year;
  if (!is_valid_date(year, month, day)) return std::nullopt;
  return make_date(year, month, day);
}

// `reference` moved by `days`, when that is still a date this module accepts (not before 1900:
// "yesterday" against 1 January 1900 names no date).
std::optional<PartialDate> valid_days_from(const PartialDate& reference, long days) {
  const PartialDate date = add_days(reference, days);
  if (!is_valid_date(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::optional<PartialDate> resolve_weekday(int weekday, const PartialDate& reference) {
  if (reference.precision != DatePrecision::kDay) return std::nullopt;
  const int back = (weekday_of(reference.year, reference.month, reference.day) - weekday + 7) % 7;
  return valid_days_from(reference, -back);
}

using Words = std::span<const std::string>;

std::string_view word_at(Words words, std::size_t i) {
  return i < words.size() ? std::string_view(words[i]) : std::string_view();
}

// The month named at words[i] (one word, or a Levantine pair), with how many words name it,
// taking along a synonym that follows ("آب/أغسطس": August in both calendars); 0 words if
// there is none.
std::size_t month_at(Words words, std::size_t i, int& month) {
  std::size_t length = 0;
  month = 0;
  for (const MonthPair& p : kArabicPairs) {
    if (word_at(words, i) == p.first && word_at(words, i + 1) == p.second) {
      month = p.month;
      length = 2;
      break;
    }
  }
  if (length == 0) {
    month = month_from_name(word_at(words, i));
    if (month == 0) return 0;
    length = 1;
  }
  if (month_from_name(word_at(words, i + length)) == month) ++length;
  return length;
}

// "Month [D] [,] [of] [YYYY]" starting at `i` (the month's `length` words).
std::optional<DateMatch> match_month_first(Words words, std::size_t i, int month,
                                           std::size_t length, const PartialDate& reference,
                                           const DateMatchOptions& options) {
  std::size_t j = i + length;
  const int day = parse_day(word_at(words, j));
  if (day) ++j;
  if (!day && word_at(words, j) == "of") ++j;
  const int year = parse_year(word_at(words, j));
  if (year) {
    if (!is_valid_date(year, month, day)) return std::nullopt;
    return DateMatch{make_date(year, month, day), j + 1 - i};
  }
  if (!day && !options.bare_month) return std::nullopt;
  auto date = resolve_yearless(month, day, reference);
  if (!date) return std::nullopt;
  return DateMatch{*date, (day ? i + length + 1 : i + length) - i};
}

// "D [of] Month [YYYY]" starting at `i` (the day word).
std::optional<DateMatch> match_day_first(Words words, std::size_t i, int day,
                                         const PartialDate& reference) {
  std::size_t j = i + 1;
  if (word_at(words, j) == "of") ++j;
  int month = 0;
  const std::size_t length = month_at(words, j, month);
  if (length == 0) return std::nullopt;
  j += length;
  const int year = parse_year(word_at(words, j));
  if (year) {
    if (!is_valid_date(year, month, day)) return std::nullopt;
    return DateMatch{make_date(year, month, day), j + 1 - i};
  }
  auto date = resolve_yearless(month, day, reference);
  if (!date) return std::nullopt;
  return DateMatch{*date, j - i};
}

std::optional<DateMatch> match_relative(std::string_view word, const PartialDate& reference) {
  if (reference.precision != DatePrecision::kDay) return std::nullopt;
  if (word == "today") return DateMatch{reference, 1};
  if (word == "yesterday") {
    if (const auto date = valid_days_from(reference, -1)) return DateMatch{*date, 1};
  }
  return std::nullopt;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

int max_valid_year() {
  static const int kMax = [] {
    const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(today).year()) + 1;
  }();
  return kMax;
}

bool is_valid_date(int year, int month, int day) {
  if (year < 1900 || year > max_valid_year()) return false;
  if (month == 0) return day == 0;
  if (month < 1 || month > 12) return false;
  return day == 0 || (day >= 1 && day <= days_in_month(year, month));
}

long days_from_civil(int year, int month, int day) {
  const auto ymd = std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(month)} /
                   std::chrono::day{static_cast<unsigned>(day)};
  return static_cast<long>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

PartialDate add_days(const PartialDate& date, long days) {
  const std::chrono::sys_days shifted{
      std::chrono::days(days_from_civil(date.year, date.month, date.day) + days)};
  const std::chrono::year_month_day ymd(shifted);
  return make_date(static_cast<int>(ymd.year()), static_cast<int>(unsigned(ymd.month())),
                   static_cast<int>(unsigned(ymd.day())));
}

int weekday_of(int year, int month, int day) {
  const std::chrono::weekday wd{
      std::chrono::sys_days(std::chrono::days(days_from_civil(year, month, day)))};
  return static_cast<int>((wd.c_encoding() + 6) % 7);
}

int month_from_name(std::string_view word) {
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (abbreviates(word, kMonths[m])) return static_cast<int>(m) + 1;
  }
  if (!word.empty() && static_cast<unsigned char>(word[0]) >= 0x80) {
    for (const MonthName& m : kForeignMonths) {
      if (word == m.name) return m.month;
    }
  }
  return 0;
}

bool starts_month_name(std::string_view word) {
  if (month_from_name(word) != 0) return true;
  for (const MonthPair& p : kArabicPairs) {
    if (word == p.first) return true;
  }
  return false;
}

int weekday_from_name(std::string_view word) {
  for (std::size_t d = 0; d < kWeekdays.size(); ++d) {
    if (abbreviates(word, kWeekdays[d])) return static_cast<int>(d);
  }
  return -1;
}

std::optional<PartialDate> parse_iso_date(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const std::size_t time = text.find_first_of("T ");
  if (time != std::string_view::npos) {
    if (time != 10) return std::nullopt;
    text = text.substr(0, time);
  }
  int parts[3] = {0, 0, 0};
  int count = 0;
  static constexpr std::size_t kWidths[3] = {4, 2, 2};
  while (count < 3) {
    const std::size_t dash = text.find('-');
    const std::string_view part = text.substr(0, dash);
    if (part.size() != kWidths[count] || !all_digits(part)) return std::nullopt;
    parts[count++] = to_int(part);
    if (dash == std::string_view::npos) break;
    text.remove_prefix(dash + 1);
    if (count == 3) return std::nullopt;
  }
  if (parts[1] == 0 && count > 1) return std::nullopt;
  if (parts[2] == 0 && count > 2) return std::nullopt;
  if (!is_valid_date(parts[0], parts[1], parts[2])) return std::nullopt;
  return make_date(parts[0], parts[1], parts[2]);
}

std::optional<DateMatch> match_date(std::span<const std::string> words, std::size_t start,
                                    const PartialDate& reference, const DateMatchOptions& options) {
  const std::string_view word = word_at(words, start);
  if (word.empty()) return std::nullopt;
  if (const int weekday = weekday_from_name(word); weekday >= 0) {
    if (auto full = match_date(words, start + 1, reference, {})) {
      if (full->date.precision == DatePrecision::kDay) {
        return DateMatch{full->date, full->length + 1};
      }
    }
    if (!options.bare_weekday) return std::nullopt;
    auto date = resolve_weekday(weekday, reference);
    if (!date) return std::nullopt;
    return DateMatch{*date, 1};
  }
  int month = 0;
  if (const std::size_t length = month_at(words, start, month); length > 0) {
    return match_month_first(words, start, month, length, reference, options);
  }
  if (const int day = parse_day(word)) {
    if (auto match = match_day_first(words, start, day, reference)) return match;
  }
  if (options.bare_year) {
    if (const int year = parse_year(word)) return DateMatch{make_date(year, 0, 0), 1};
  }
  if (options.relative_days) return match_relative(word, reference);
  return std::nullopt;
}

std::optional<PartialDate> parse_date(std::string_view text, const PartialDate& reference) {
  if (auto iso = parse_iso_date(text)) return iso;
  std::vector<std::string> words;
  std::vector<std::size_t> starts;
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const auto c = static_cast<unsigned char>(i < text.size() ? text[i] : ' ');
    const bool word_char =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (word_char) continue;
    if (i > begin) {
      words.push_back(fold_word(text.substr(begin, i - begin)));
      starts.push_back(begin);
    }
    begin = i + 1;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    // an ISO date inside a longer string ("Published: 2016-03-27 10:00")
    if (auto iso = parse_iso_date(text.substr(starts[i], 10)); iso && words[i].size() == 4) {
      return iso;
    }
    if (auto match = match_date(words, i, reference, {})) return match->date;
  }
  return std::nullopt;
}

namespace {

struct PeriodParts {
  std::string year;
  std::string month;  // "" when not given
  std::string day;    // "" when not given
};

bool all_digits_of_length(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool in_range(std::string_view two_digits, int lo, int hi) {
  const int v = (two_digits[0] - '0') * 10 + (two_digits[1] - '0');
  return v >= lo && v <= hi;
}

// Splits YYYY, YYYY-MM or YYYY-MM-DD; nullopt for anything else or impossible month/day.
std::optional<PeriodParts> split_period(std::string_view text) {
  PeriodParts parts;
  if (text.size() < 4 || !all_digits_of_length(text.substr(0, 4), 4)) return std::nullopt;
  parts.year = std::string(text.substr(0, 4));
  if (text.size() == 4) return parts;
  if (text.size() < 7 || text[4] != '-' || !all_digits_of_length(text.substr(5, 2), 2))
    return std::nullopt;
  if (!in_range(text.substr(5, 2), 1, 12)) return std::nullopt;
  parts.month = std::string(text.substr(5, 2));
  if (text.size() == 7) return parts;
  if (text.size() != 10 || text[7] != '-' || !all_digits_of_length(text.substr(8, 2), 2))
    return std::nullopt;
  if (!in_range(text.substr(8, 2), 1, 31)) return std::nullopt;
  parts.day = std::string(text.substr(8, 2));
  return parts;
}

}  // namespace

std::optional<std::string> period_start(std::string_view text) {
  const auto parts = split_period(text);
  if (!parts) return std::nullopt;
  return parts->year + (parts->month.empty() ? "01" : parts->month) +
         (parts->day.empty() ? "01" : parts->day);
}

std::optional<std::string> period_end(std::string_view text) {
  const auto parts = split_period(text);
  if (!parts) return std::nullopt;
  return parts->year + (parts->month.empty() ? "12" : parts->month) +
         (parts->day.empty() ? "31" : parts->day);
}

bool is_partial_date(std::string_view text) { return split_period(text).has_value(); }

}  // namespace cs
