#include "indexer/clean.h"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("boilerplate lines are recognised, article lines are not", "[clean]") {
  struct Case {
    const char* line;
    bool boilerplate;
  };
  const Case cases[] = {
      {"Leave a comment", true},
      {"Leave a Reply", true},
      {"This site uses Akismet to reduce spam. Learn how your comment data is processed.", true},
      {"Your email address will not be published. Required fields are marked *", true},
      {"Tyler Durden's picture", true},
      {"11 - 11 =", true},
      {"3 + 4 = 7", true},
      {"[1] ,", true},
      {"[12]", true},
      {",", true},
      {"ISIS militants in Palmyra. File photo", true},
      {"Syrian troops gaze at the architecture of Palmyra (image from", true},
      {"Photo: Reuters", true},
      {"Related Items", true},
      {"ARA News", false},
      {"by omouggos", false},
      {"Reporting by: Haytham Mustafa | Source: ARA News", false},
      {"The army withdrew after the clashes reached the city center.", false},
      {"11 killed in Homs", false},
      {"Share", true},
      {"Sharing the burden of the war, the villagers fled.", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    CHECK(cs::is_boilerplate_line(c.line) == c.boilerplate);
  }
}

TEST_CASE("long lines are never boilerplate even when they contain a marker phrase", "[clean]") {
  const std::string line(200, 'a');
  CHECK_FALSE(cs::is_boilerplate_line(line + " leave a comment"));
}

TEST_CASE("clean_text drops repeats, boilerplate and footnote markers", "[clean]") {
  const std::string para1 = "The Islamic State captured Palmyra in May 2015 after a siege.";
  const std::string para2 = "Russian warplanes bombed the outskirts of the city for days.";
  const std::string raw =
      para1 + "\n" + para2 + "\nLeave a comment\n\n" + para1 + "\r\n" + para2 + "[5]\n[1] ,\n";
  CHECK(cs::clean_text(raw) == para1 + "\n\n" + para2);
}

TEST_CASE("clean_text keeps short repeated lines and the letters and typography as written",
          "[clean]") {
  CHECK(cs::clean_text("Homs\nHoms") == "Homs\n\nHoms");
  CHECK(cs::clean_text("Assad\xe2\x80\x99s  forces\t retook it") ==
        "Assad\xe2\x80\x99s forces retook it");
  // Arabic hamza forms, Cyrillic ё and Latin accents stay; only NFC is applied.
  CHECK(cs::clean_text("مقتل 12 على الأقل في إدلب") == "مقتل 12 على الأقل في إدلب");
  CHECK(cs::clean_text("ещё в Харькове") == "ещё в Харькове");
  CHECK(cs::clean_text("Mosque of Abdülhamid, Cafe\xcc\x81") == "Mosque of Abdülhamid, Café");
  // Invisible junk goes: a soft hyphen and a right-to-left override.
  CHECK(cs::clean_text("Al\xc2\xad Bab \xe2\x80\xaeX") == "Al Bab X");
}

TEST_CASE("clean_article fills an empty title from the text", "[clean]") {
  cs::Article a;
  a.title = "  \n ";
  a.text = "one two three four five six seven eight nine ten eleven twelve thirteen";
  cs::clean_article(a);
  CHECK(a.title == "one two three four five six seven eight nine ten eleven twelve...");
  cs::Article b;
  b.title = "Syrian  Army\nretakes Palmyra";
  b.text = "Body.";
  cs::clean_article(b);
  CHECK(b.title == "Syrian Army retakes Palmyra");
}
