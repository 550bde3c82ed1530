#include "core/dates.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/normalize.h"

namespace {

cs::PartialDate day(int y, int m, int d) { return {y, m, d, cs::DatePrecision::kDay}; }

}  // namespace

TEST_CASE("parse_iso_date accepts ISO forms and rejects invalid dates", "[dates]") {
  const struct {
    const char* text;
    const char* iso;  // "" = rejected
  } cases[] = {
      {"2016-03-27", "2016-03-27"},
      {"2016-03", "2016-03"},
      {"2016", "2016"},
      {"2016-03-27T10:48:00Z", "2016-03-27"},
      {" 2016-02-29 ", "2016-02-29"},
      {"2015-02-29", ""},
      {"2016-13-01", ""},
      {"2016-04-31", ""},
      {"1850-01-01", ""},
      {"9999-01-01", ""},
      {"2016-3-27", ""},
      {"", ""},
      {"yesterday", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto date = cs::parse_iso_date(c.text);
    CHECK((date ? date->iso() : std::string()) == c.iso);
  }
}

TEST_CASE("parse_date reads written dates relative to a reference", "[dates]") {
  const cs::PartialDate ref = day(2016, 3, 27);  // a Sunday
  const struct {
    const char* text;
    const char* iso;
  } cases[] = {
      {"Posted 10:48am Sunday 3rd April 2016", "2016-04-03"},
      {"April 3, 2016", "2016-04-03"},
      {"Sept. 17, 2015", "2015-09-17"},
      {"May of 2015", "2015-05"},
      {"Published: 2016-03-27 10:00", "2016-03-27"},
      {"Mar. 24", "2016-03-24"},
      {"Dec. 24", "2015-12-24"},
      {"yesterday", "2016-03-26"},
      {"31st February", ""},
      {"nothing here", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto date = cs::parse_date(c.text, ref);
    CHECK((date ? date->iso() : std::string()) == c.iso);
  }
}

TEST_CASE("match_date resolves a bare weekday to the latest such day", "[dates]") {
  const std::vector<std::string> words = {"sunday"};
  cs::DateMatchOptions options;
  options.bare_weekday = true;
  CHECK(cs::match_date(words, 0, day(2016, 12, 11), options)->date == day(2016, 12, 11));
  CHECK(cs::match_date(words, 0, day(2016, 12, 13), options)->date == day(2016, 12, 11));
  CHECK_FALSE(cs::match_date(words, 0, day(2016, 12, 13), {}));
  // Never before 1900 (found by the dates fuzz target): 1 January 1900 was a Monday.
  CHECK_FALSE(cs::match_date(words, 0, day(1900, 1, 1), options));
  const std::vector<std::string> yesterday = {"yesterday"};
  CHECK_FALSE(cs::match_date(yesterday, 0, day(1900, 1, 1), options));
  CHECK(cs::match_date(yesterday, 0, day(1900, 1, 2), options)->date == day(1900, 1, 1));
  CHECK(cs::weekday_of(2016, 4, 3) == 6);
  CHECK(cs::days_in_month(2000, 2) == 29);
  CHECK(cs::days_in_month(1900, 2) == 28);
}

TEST_CASE("month_from_name knows Arabic Russian and Ukrainian month names", "[dates]") {
  const struct {
    const char* written;
    int month;
  } cases[] = {
      // Arabic, Egyptian / Gulf (from the European names)
      {"يناير", 1},
      {"فبراير", 2},
      {"مارس", 3},
      {"أبريل", 4},
      {"إبريل", 4},
      {"مايو", 5},
      {"يونيو", 6},
      {"يونيه", 6},
      {"يوليو", 7},
      {"يوليه", 7},
      {"أغسطس", 8},
      {"سبتمبر", 9},
      {"أكتوبر", 10},
      {"نوفمبر", 11},
      {"ديسمبر", 12},
      // Levantine (Syriac names)
      {"شباط", 2},
      {"آذار", 3},
      {"نيسان", 4},
      {"أيار", 5},
      {"حزيران", 6},
      {"تموز", 7},
      {"آب", 8},
      {"أيلول", 9},
      // Maghrebi (from the French names)
      {"جانفي", 1},
      {"فيفري", 2},
      {"أفريل", 4},
      {"ماي", 5},
      {"جوان", 6},
      {"جويلية", 7},
      {"أوت", 8},
      // Russian: nominative, genitive, locative
      {"январь", 1},
      {"января", 1},
      {"январе", 1},
      {"Февраль", 2},
      {"марта", 3},
      {"марте", 3},
      {"апреля", 4},
      {"май", 5},
      {"мая", 5},
      {"мае", 5},
      {"июня", 6},
      {"июле", 7},
      {"августа", 8},
      {"сентября", 9},
      {"октябре", 10},
      {"ноября", 11},
      {"ДЕКАБРЯ", 12},
      // Ukrainian
      {"січня", 1},
      {"лютий", 2},
      {"лютого", 2},
      {"березня", 3},
      {"березні", 3},
      {"квітня", 4},
      {"травня", 5},
      {"червня", 6},
      {"липня", 7},
      {"серпня", 8},
      {"вересня", 9},
      {"жовтня", 10},
      {"листопада", 11},
      {"грудня", 12},
      {"грудень", 12},
      // not months
      {"كانون", 0},  // only the first word of a two-word month
      {"تشرين", 0},
      {"حلب", 0},
      {"المرصد", 0},
      {"марш", 0},
      {"Харьков", 0},
      {"Київ", 0},
      {"", 0},
  };
  for (const auto& c : cases) {
    const std::string folded = cs::fold_word(c.written);
    CAPTURE(c.written, folded);
    CHECK(cs::month_from_name(folded) == c.month);
  }
}

TEST_CASE("starts_month_name accepts the first word of a Levantine month", "[dates]") {
  for (const char* word : {"كانون", "تشرين", "آذار", "March", "марта", "березня"}) {
    CAPTURE(word);
    CHECK(cs::starts_month_name(cs::fold_word(word)));
  }
  for (const char* word : {"الثاني", "الأول", "حلب", "Харьков", "2024"}) {
    CAPTURE(word);
    CHECK_FALSE(cs::starts_month_name(cs::fold_word(word)));
  }
}

TEST_CASE("parse_date reads Arabic Russian and Ukrainian dates", "[dates]") {
  const cs::PartialDate ref = day(2024, 6, 1);
  const struct {
    const char* text;
    const char* iso;
  } cases[] = {
      {"12 آذار 2024", "2024-03-12"},
      {"في 12 آذار 2024 قتل", "2024-03-12"},
      {"٣ شباط ٢٠٢٤", "2024-02-03"},
      {"8 تشرين الأول 2023", "2023-10-08"},
      {"8 تشرين الثاني 2023", "2023-11-08"},
      {"1 كانون الثاني 2024", "2024-01-01"},
      {"25 كانون الأول 2023", "2023-12-25"},
      {"7 آب/أغسطس 2023", "2023-08-07"},
      {"23 أبريل 2024", "2024-04-23"},
      {"الثلاثاء 23 أبريل/نيسان 2024", "2024-04-23"},
      {"12 جانفي 2024", "2024-01-12"},
      {"كانون الثاني 2024", "2024-01"},
      {"12 марта 2024 года", "2024-03-12"},
      {"12 Марта 2024 г.", "2024-03-12"},
      {"1 мая 2024", "2024-05-01"},
      {"5 березня 2024 року", "2024-03-05"},
      {"24 лютого 2022", "2022-02-24"},
      {"в марте 2024", "2024-03"},
      {"у березні 2024 року", "2024-03"},
      {"12 марта", "2024-03-12"},  // yearless: the reference year
      {"23 أبريل", "2024-04-23"},  // yearless
      {"8 تموز", "2023-07-08"},    // after the reference: the year before
      {"в Харькове", ""},
  };
  for (const auto& c : cases) {
    const std::string text = cs::normalize_text(c.text);
    CAPTURE(c.text, text);
    const auto date = cs::parse_date(text, ref);
    CHECK((date ? date->iso() : std::string()) == c.iso);
  }
}

TEST_CASE("match_date reads folded Arabic and Cyrillic words", "[dates]") {
  const cs::PartialDate ref = day(2024, 6, 1);
  const struct {
    std::vector<std::string> written;
    std::size_t start;
    const char* iso;
    std::size_t length;
  } cases[] = {
      {{"12", "آذار", "2024"}, 0, "2024-03-12", 3},
      {{"قتل", "12", "آذار", "2024"}, 1, "2024-03-12", 3},
      {{"8", "تشرين", "الأول", "2023"}, 0, "2023-10-08", 4},
      {{"7", "آب", "أغسطس", "2023"}, 0, "2023-08-07", 4},
      {{"12", "марта", "2024", "года"}, 0, "2024-03-12", 3},
      {{"5", "березня", "2024", "року"}, 0, "2024-03-05", 3},
      {{"марте", "2024"}, 0, "2024-03", 2},
      {{"كانون", "الثاني", "2024"}, 0, "2024-01", 3},
      {{"كانون", "2024"}, 0, "", 0},
  };
  for (const auto& c : cases) {
    std::vector<std::string> words;
    for (const std::string& w : c.written) words.push_back(cs::fold_word(w));
    CAPTURE(c.written, c.start);
    const auto match = cs::match_date(words, c.start, ref, {});
    CHECK((match ? match->date.iso() : std::string()) == c.iso);
    CHECK((match ? match->length : 0) == c.length);
  }
}
