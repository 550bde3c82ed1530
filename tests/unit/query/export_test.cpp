// Tests of the one exporter (query/export.h): CSV quoting, columns, JSON Lines.
#include "query/export.h"

#include <algorithm>
#include <catch2/catch.hpp>

TEST_CASE("csv: fields are quoted and quotes doubled", "[query][export]") {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", "\"\""},
      {"plain", "\"plain\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"a,b\nc\r\nd", "\"a,b\nc\r\nd\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "\"'+1\""},
      {"-2", "\"'-2\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"<script>alert(1)</script>", "\"<script>alert(1)</script>\""},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(cs::query::csv_field(c.in) == c.out);
  }
}

TEST_CASE("csv: a row has one field per header column", "[query][export]") {
  cs::query::StoredArticle a;
  a.id = "id1";
  a.title = "Title, with comma";
  a.outlet = "Reuters";
  a.published = "2016-03-01";
  a.text = "Line one\nLine \"two\"";
  a.entities = {{"p1", "Bashar al-Assad", "person"},
                {"o1", "ISIS", "org"},
                {"l1", "Palmyra", "place"},
                {"l2", "Homs", "place"}};
  a.sources = {{"", "SOHR", "org"}};
  auto row = cs::query::export_record(cs::query::ExportFormat::kCsv, a);
  CHECK(row ==
        "\"id1\",\"2016-03-01\",\"Reuters\",\"Title, with comma\",\"\",\"\",\"Bashar al-Assad\","
        "\"ISIS\",\"Palmyra; Homs\",\"SOHR\",\"Line one\nLine \"\"two\"\"\"\r\n");
  auto header = cs::query::export_header(cs::query::ExportFormat::kCsv);
  CHECK(std::count(header.begin(), header.end(), ',') == 10);
}
