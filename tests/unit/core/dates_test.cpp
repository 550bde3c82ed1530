#include "core/dates.h"

#include <catch2/catch.hpp>

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
  CHECK(cs::weekday_of(2016, 4, 3) == 6);
  CHECK(cs::days_in_month(2000, 2) == 29);
  CHECK(cs::days_in_month(1900, 2) == 28);
}
