// Tests of the outlet and author lines an article states itself (indexer/sources_byline.h),
// hostile spacing included.
#include "indexer/sources_byline.h"

#include <catch2/catch.hpp>

TEST_CASE("byline: outlet and author lines", "[sources][byline]") {
  struct Case {
    const char* text;
    const char* outlet;
    const char* author;
  };
  const Case cases[] = {
      {"Reporting by: Haytham Mustafa | Source: ARA News\nText.", "ARA News", "Haytham Mustafa"},
      {"By John Smith\nText.", "", "John Smith"},
      {"By John  Smith\nText.", "", "John  Smith"},  // spaces in a row: still a name
      {"By john smith\nText.", "", ""},              // not capitalised: no name
      {"By Ahmed al Hassan\nText.", "", "Ahmed al Hassan"},
      {"by  \nText.", "", ""},
      {"By A \xD0\x9C\xD0\xB8\xD0\xBD  \nText.", "", ""},  // a Cyrillic word is no capital here
      {"Posted on May 2, 2016 by Hugh Baird\nText.", "", "Hugh Baird"},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const cs::Byline b = cs::byline_from_text(c.text);
    CHECK(b.outlet == c.outlet);
    CHECK(b.author == c.author);
  }
}
