// Date parsing for publication dates and dates mentioned in text: ISO forms ("2016-03-27",
// "2016-03", "2016", ISO date-times) and written forms ("3rd April 2016", "April 3, 2016",
// "Sept. 17, 2015", "May of 2015", "Mar. 24", "Sunday", "yesterday"), with relative and
// yearless forms resolved against a reference (publication) date. Every result is checked:
// month 1-12, a day that exists in that month (leap years included), year 1900 to next year.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_CORE_DATES_H_
#define CS_CORE_DATES_H_

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/article.h"

namespace cs {

/// Days in `month` (1-12) of `year`, or 0 for a month out of range.
int days_in_month(int year, int month);

/// The latest year a date may carry: the current year plus one.
int max_valid_year();

/// True when year/month/day (day or month 0 meaning unknown) is a real date in range.
bool is_valid_date(int year, int month, int day);

/// Days since 1970-01-01 of a valid calendar date (proleptic Gregorian).
long days_from_civil(int year, int month, int day);

/// The day-precision date `days` days after (negative: before) a day-precision date.
PartialDate add_days(const PartialDate& date, long days);

/// Weekday of a valid date: 0 Monday .. 6 Sunday.
int weekday_of(int year, int month, int day);

/// Month number 1-12 of a folded (fold_word) month name: English names and abbreviations
/// ("sept", "mar"), Arabic, Russian and Ukrainian names ("اذار", "марта", "березня"); or 0.
int month_from_name(std::string_view word);

/// True when a folded word is a month name or the first word of a two-word one (the
/// Levantine "كانون الثاني", "تشرين الأول").
bool starts_month_name(std::string_view word);

/// Weekday 0 (Monday) .. 6 (Sunday) of an English weekday name or abbreviation, or -1.
int weekday_from_name(std::string_view word);

/// First "YYYYMMDD" day of the period a strict YYYY, YYYY-MM or YYYY-MM-DD names (as users
/// write filter and range bounds), or nullopt when `text` is not one of those forms.
std::optional<std::string> period_start(std::string_view text);

/// Last "YYYYMMDD" day of the period `text` names (a month ends on day 31, which sorts after
/// every real day of it), or nullopt when invalid.
std::optional<std::string> period_end(std::string_view text);

/// True for a strict YYYY, YYYY-MM or YYYY-MM-DD with a plausible month and day.
bool is_partial_date(std::string_view text);

/// An ISO date "YYYY", "YYYY-MM", "YYYY-MM-DD" or an ISO date-time ("YYYY-MM-DDTHH:MM..." or
/// with a space), surrounding spaces allowed; nullopt when malformed or invalid.
std::optional<PartialDate> parse_iso_date(std::string_view text);

/// Which incomplete forms match_date may accept on their own.
struct DateMatchOptions {
  bool bare_month = false;    ///< "May" alone (month of the reference year or the year before)
  bool bare_year = false;     ///< "2015" alone (year precision)
  bool bare_weekday = false;  ///< "Sunday" alone (most recent such day on/before the reference)
  bool relative_days = true;  ///< "today", "yesterday"
};

/// A date found in a sequence of words.
struct DateMatch {
  PartialDate date;
  std::size_t length = 0;  ///< words used
};

/// The written date starting at words[start], if any. `words` are folded words (lowercase
/// letters and digits, as fold_word gives: "3rd", "april", "2016"). Yearless and relative forms
/// need a `reference` date (its year for "Mar. 24", its day for "Sunday"); a yearless day that
/// would fall after the reference is put in the year before.
std::optional<DateMatch> match_date(std::span<const std::string> words, std::size_t start,
                                    const PartialDate& reference, const DateMatchOptions& options);

/// The first complete date in free text (ISO or written; weekdays and relative words resolved
/// against `reference` when it is known), or nullopt.
std::optional<PartialDate> parse_date(std::string_view text, const PartialDate& reference = {});

}  // namespace cs

#endif  // CS_CORE_DATES_H_
