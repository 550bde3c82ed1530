// Tests of the one exporter (query/export.h): CSV quoting, columns, JSON Lines.
#include "query/export.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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
  cs::CasualtyClaim claim;
  claim.claimant = {"sohr", "Syrian Observatory for Human Rights"};
  claim.victim_class = cs::VictimClass::kCivilians;
  a.claims = {claim, claim};
  a.fields["lang"] = {"en"};
  auto row = cs::query::export_record({}, a);
  CHECK(row ==
        "\"id1\",\"2016-03-01\",\"Reuters\",\"Title, with comma\",\"\",\"\",\"Bashar al-Assad\","
        "\"ISIS\",\"Palmyra; Homs\",\"SOHR\",\"Syrian Observatory for Human Rights\",\"civilians\","
        "\"en\",\"Line one\nLine \"\"two\"\"\"\r\n");
  auto header = cs::query::export_header({});
  CHECK(std::count(header.begin(), header.end(), ',') == 13);
}

TEST_CASE("claims export: one record per claim, CSV and JSON Lines", "[query][export]") {
  cs::query::StoredArticle a;
  a.id = "a1";
  a.outlet = "ARA News";
  a.published = "2016-12-11";
  cs::CasualtyClaim killed;
  killed.number = "at least 19";
  killed.low = killed.high = 19;
  killed.qualifier = "at least";
  killed.victims = "regime soldiers";
  killed.victim_class = cs::VictimClass::kGovernmentForces;
  killed.claimant = {"", "Amro al-Hussein"};
  killed.place = {"homs", "Homs"};
  killed.event_date = {2016, 12, 10, cs::DatePrecision::kDay};
  killed.sentence = "=At least 19 regime soldiers were killed, \"he\" said.";
  cs::CasualtyClaim vague;
  vague.number = "dozens";
  vague.vague = "dozens";
  vague.magnitude = 1;
  vague.outcome = cs::Outcome::kWounded;
  a.claims = {killed, vague};
  const cs::query::ExportSpec csv{cs::query::ExportFormat::kCsv, cs::query::ExportWhat::kClaims};
  CHECK(cs::query::export_header(csv) ==
        "id,outlet,published,claimant,number,low,high,qualifier,vague,victims,class,outcome,"
        "place,event_date,update,sentence\r\n");
  CHECK(
      cs::query::export_record(csv, a) ==
      "\"a1\",\"ARA News\",\"2016-12-11\",\"Amro al-Hussein\",\"at least 19\",\"19\",\"19\","
      "\"at least\",\"\",\"regime soldiers\",\"government forces\",\"killed\",\"Homs\","
      "\"2016-12-10\",\"false\",\"'=At least 19 regime soldiers were killed, \"\"he\"\" said.\"\r\n"
      "\"a1\",\"ARA News\",\"2016-12-11\",\"\",\"dozens\",\"\",\"\",\"\",\"dozens\",\"\","
      "\"unspecified\",\"wounded\",\"\",\"\",\"false\",\"\"\r\n");
  const cs::query::ExportSpec jsonl{cs::query::ExportFormat::kJsonl,
                                    cs::query::ExportWhat::kClaims};
  CHECK(cs::query::export_header(jsonl).empty());
  const std::string lines = cs::query::export_record(jsonl, a);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 2);
  const auto first = nlohmann::json::parse(lines.substr(0, lines.find('\n')));
  CHECK(first["article"] == "a1");
  CHECK(first["low"] == 19);
  CHECK(first["claimant"]["name"] == "Amro al-Hussein");
  CHECK(first["published"] == "2016-12-11");
  a.claims.clear();
  CHECK(cs::query::export_record(csv, a).empty());
}
