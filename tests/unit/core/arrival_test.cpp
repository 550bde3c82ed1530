#include "core/arrival.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

TEST_CASE("stamps parse from the forms users and the API write", "[arrival]") {
  struct Case {
    const char* text;
    std::optional<std::string> stamp;
  };
  const Case cases[] = {
      {"2026-11-29", "20261129000000"},
      {"2026-11-29T01:43:21Z", "20261129014321"},
      {"2026-11-29T01:43:21", "20261129014321"},
      {"2026-11-29 01:43", "20261129014300"},
      {"20261129014321", "20261129014321"},
      {"2026-02-30", std::nullopt},
      {"2026-11-29T24:00:00Z", std::nullopt},
      {"2026-11", std::nullopt},
      {"yesterday", std::nullopt},
      {"", std::nullopt},
      {"2026-11-29T01:43:21+02:00", std::nullopt},
      {"20261329014321", std::nullopt},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(cs::parse_stamp(c.text) == c.stamp);
  }
}

TEST_CASE("stamps print as ISO 8601 UTC", "[arrival]") {
  CHECK(cs::stamp_to_iso("20261129014321") == "2026-11-29T01:43:21Z");
  CHECK(cs::stamp_to_iso("not a stamp") == "");
  CHECK(cs::stamp_of(0) == "19700101000000");
}

TEST_CASE("each run's stamp is later than the one before", "[arrival]") {
  const std::time_t now = 1'796'000'000;  // 2026-11-30
  const std::string at_now = cs::stamp_of(now);
  struct Case {
    std::string previous;
    std::string expected;
  };
  const Case cases[] = {
      {"", at_now},
      {"20200101000000", at_now},
      {at_now, cs::stamp_of(now + 1)},                   // same second
      {cs::stamp_of(now + 60), cs::stamp_of(now + 61)},  // a clock set back
      {"garbage", at_now},
  };
  for (const Case& c : cases) {
    CAPTURE(c.previous);
    CHECK(cs::next_run_stamp(now, c.previous) == c.expected);
  }
}

TEST_CASE("the added sort key orders newest first, ties by id", "[arrival]") {
  const std::string older = cs::added_sort_key("20261101000000", "a");
  const std::string newer = cs::added_sort_key("20261102000000", "b");
  CHECK(newer < older);
  CHECK(cs::added_sort_key("20261101000000", "a") < cs::added_sort_key("20261101000000", "b"));
}
