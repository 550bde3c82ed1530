// Table-driven tests of batch input parsing and batch CSV output (query/batch.h): plain lines,
// CSV columns by name or number, quoting, bad lines as error rows and the line cap.
#include "query/batch.h"

#include <catch2/catch.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/normalize.h"

using cs::query::BatchLine;
using cs::query::BatchRow;
using cs::query::kMaxBatchLineBytes;
using cs::query::kMaxBatchLines;

namespace {

// What one parsed line should be.
struct Expect {
  std::size_t line;
  std::string query;
  std::string error;  // a part of the expected error, or "" when the line has none
};

struct Case {
  std::string name;
  std::string input;
  std::string column;  // "" = plain lines
  std::vector<Expect> expected;
};

void check_lines(const std::vector<BatchLine>& got, const std::vector<Expect>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("row " << i << ": line " << got[i].line << " query '" << got[i].query << "' error '"
                << got[i].error << "'");
    CHECK(got[i].line == expected[i].line);
    CHECK(got[i].query == expected[i].query);
    if (expected[i].error.empty()) {
      CHECK(got[i].error.empty());
    } else {
      CHECK(got[i].error.find(expected[i].error) != std::string::npos);
    }
  }
}

std::vector<BatchLine> parse_ok(const std::string& input, const std::string& column) {
  std::string error;
  const auto lines = cs::query::parse_batch(input, column, error);
  INFO("error: " << error);
  REQUIRE(lines.has_value());
  CHECK(error.empty());
  return *lines;
}

}  // namespace

TEST_CASE("batch: plain lines", "[batch]") {
  const std::string long_line(kMaxBatchLineBytes + 100, 'x');
  const std::string exact_line(kMaxBatchLineBytes, 'y');
  const Case cases[] = {
      {"empty input", "", "", {}},
      {"LF lines", "alpha\nbeta\n", "", {{1, "alpha", ""}, {2, "beta", ""}}},
      {"a UTF-8 BOM is not part of the first line",
       "\xEF\xBB\xBF"
       "alpha\nbeta\n",
       "",
       {{1, "alpha", ""}, {2, "beta", ""}}},
      {"CRLF lines", "alpha\r\nbeta\r\n", "", {{1, "alpha", ""}, {2, "beta", ""}}},
      {"no final line break", "alpha\r\nbeta", "", {{1, "alpha", ""}, {2, "beta", ""}}},
      {"blank line",
       "alpha\n\nbeta\n",
       "",
       {{1, "alpha", ""}, {2, "", "empty line"}, {3, "beta", ""}}},
      {"blank CRLF line",
       "alpha\r\n\r\nbeta",
       "",
       {{1, "alpha", ""}, {2, "", "empty line"}, {3, "beta", ""}}},
      {"only spaces", "   \t \n", "", {{1, "", "empty line"}}},
      {"a lone line break", "\n", "", {{1, "", "empty line"}}},
      {"spaces trimmed",
       "  Bashar al-Assad  \r\n\tPalmyra\t\n",
       "",
       {{1, "Bashar al-Assad", ""}, {2, "Palmyra", ""}}},
      {"inner tab kept", "a\tb\n", "", {{1, "a\tb", ""}}},
      {"control character", "a\x01z\n", "", {{1, "a\x01z", "control character"}}},
      {"line of exactly the limit", exact_line + "\n", "", {{1, exact_line, ""}}},
      {"line over the limit is truncated",
       long_line + "\nnext\n",
       "",
       {{1, std::string(kMaxBatchLineBytes, 'x'), "longer than 500"}, {2, "next", ""}}},
      {"quotes and commas are plain text", "\"a, b\",c\n", "", {{1, "\"a, b\",c", ""}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_lines(parse_ok(c.input, c.column), c.expected);
  }
}

TEST_CASE("batch: invalid UTF-8 lines are error rows with a repaired query", "[batch]") {
  const std::string bad =
      "Alep\xff"
      "po";
  const auto lines = parse_ok("ok\n" + bad + "\n", "");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].error.empty());
  CHECK(lines[1].line == 2);
  CHECK(lines[1].error.find("UTF-8") != std::string::npos);
  CHECK(cs::is_valid_utf8(lines[1].query));
  CHECK(lines[1].query == cs::repair_utf8(bad));
}

TEST_CASE("batch: an over-long line cut inside a character stays valid UTF-8", "[batch]") {
  // 499 bytes, then a two-byte character across the 500-byte cut, then more.
  const std::string line =
      std::string(kMaxBatchLineBytes - 1, 'x') + "\xc3\xa9" + std::string(20, 'z');
  const auto lines = parse_ok(line, "");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].error.find("longer than") != std::string::npos);
  CHECK(cs::is_valid_utf8(lines[0].query));
  CHECK(lines[0].query.starts_with(std::string(kMaxBatchLineBytes - 1, 'x')));
}

TEST_CASE("batch: CSV columns, quoting and error rows", "[batch][csv]") {
  const Case cases[] = {
      {"column by name, case-insensitive",
       "Name,Country\r\nAssad,Syria\r\nPutin,Russia\r\n",
       "NAME",
       {{2, "Assad", ""}, {3, "Putin", ""}}},
      {"column by lower-case name",
       "Name,Country\r\nAssad,Syria\r\nPutin,Russia\r\n",
       "country",
       {{2, "Syria", ""}, {3, "Russia", ""}}},
      {"column by 1-based number",
       "Name,Country\r\nAssad,Syria\r\nPutin,Russia\r\n",
       "2",
       {{2, "Syria", ""}, {3, "Russia", ""}}},
      {"first column by number", "Name,Country\nAssad,Syria\n", "1", {{2, "Assad", ""}}},
      {"quoted header", "\"Query\",note\nhello,1\n", "query", {{2, "hello", ""}}},
      {"quoted field with a comma and doubled quotes",
       "id,query\n1,\"Assad, Bashar\"\n2,\"say \"\"hi\"\"\"\n",
       "query",
       {{2, "Assad, Bashar", ""}, {3, "say \"hi\"", ""}}},
      {"quoted field spanning two lines in another column",
       "query,note\nalpha,\"two\nlines\"\nbeta,x\n",
       "query",
       {{2, "alpha", ""}, {4, "beta", ""}}},
      {"quoted CRLF field spanning three lines",
       "query,note\r\nalpha,\"a\r\nb\r\nc\"\r\nbeta,x\r\n",
       "query",
       {{2, "alpha", ""}, {5, "beta", ""}}},
      {"line breaks inside the queried field become spaces",
       "query\n\"a\nb\"\nc\n",
       "query",
       {{2, "a b", ""}, {4, "c", ""}}},
      {"fields trimmed", "q\n  spaced out  \n", "q", {{2, "spaced out", ""}}},
      {"record missing the column",
       "a,b\n1,2\n3\n4,5\n",
       "b",
       {{2, "2", ""}, {3, "", "no column 2"}, {4, "5", ""}}},
      {"blank record", "q\na\n\nb\n", "q", {{2, "a", ""}, {3, "", "empty line"}, {4, "b", ""}}},
      {"unterminated quote ends the input",
       "q\nfine\n\"broken\nmore\n",
       "q",
       {{2, "fine", ""}, {3, "", "unterminated quote"}}},
      {"no final line break", "q\r\nlast", "q", {{2, "last", ""}}},
      {"header only", "q\r\n", "q", {}},
      {"header without line break", "q", "q", {}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_lines(parse_ok(c.input, c.column), c.expected);
  }
}

TEST_CASE("batch: a CSV saved with a BOM finds its first column", "[batch][csv]") {
  check_lines(parse_ok("\xEF\xBB\xBFname,role\nDaesh,group\n", "name"), {{2, "Daesh", ""}});
}

TEST_CASE("batch: CSV without the column is an error", "[batch][csv]") {
  struct Bad {
    std::string name;
    std::string input;
    std::string column;
    std::string error;  // a part of the expected error
  };
  const Bad cases[] = {
      {"unknown name", "a,b\n1,2\n", "c", "no column 'c'"},
      {"number past the last column", "a,b\n1,2\n", "3", "no column '3'"},
      {"column 0", "a,b\n1,2\n", "0", "no column '0'"},
      {"empty input", "", "a", "no column 'a'"},
      {"unterminated quote in the header", "\"a,b\n1\n", "a", "unterminated quote"},
  };
  for (const Bad& c : cases) {
    INFO(c.name);
    std::string error;
    const auto lines = cs::query::parse_batch(c.input, c.column, error);
    INFO("error: " << error);
    CHECK_FALSE(lines.has_value());
    CHECK(error.find(c.error) != std::string::npos);
  }
}

TEST_CASE("batch: lines past the limit become one error row", "[batch]") {
  constexpr std::size_t kExtra = 5;
  SECTION("plain lines") {
    std::string input;
    for (std::size_t i = 1; i <= kMaxBatchLines + kExtra; ++i) {
      input += "q" + std::to_string(i) + "\n";
    }
    const auto lines = parse_ok(input, "");
    REQUIRE(lines.size() == kMaxBatchLines + 1);
    CHECK(lines[0].line == 1);
    CHECK(lines[0].query == "q1");
    CHECK(lines[kMaxBatchLines - 1].line == kMaxBatchLines);
    CHECK(lines[kMaxBatchLines - 1].query == "q10000");
    CHECK(lines[kMaxBatchLines - 1].error.empty());
    const BatchLine& capped = lines.back();
    INFO(capped.error);
    CHECK(capped.line == 10001);
    CHECK(capped.query.empty());
    CHECK(capped.error.find("5 more") != std::string::npos);
    CHECK(capped.error.find("10000") != std::string::npos);
  }
  SECTION("CSV records") {
    std::string input = "query\r\n";
    for (std::size_t i = 1; i <= kMaxBatchLines + kExtra; ++i) {
      input += "q" + std::to_string(i) + "\r\n";
    }
    const auto lines = parse_ok(input, "query");
    REQUIRE(lines.size() == kMaxBatchLines + 1);
    CHECK(lines[0].line == 2);
    CHECK(lines[kMaxBatchLines - 1].line == kMaxBatchLines + 1);
    const BatchLine& capped = lines.back();
    INFO(capped.error);
    CHECK(capped.line == 10002);
    CHECK(capped.error.find("5 more") != std::string::npos);
  }
  SECTION("exactly the limit adds no error row") {
    std::string input;
    for (std::size_t i = 1; i <= kMaxBatchLines; ++i) input += "q\n";
    const auto lines = parse_ok(input, "");
    CHECK(lines.size() == kMaxBatchLines);
    CHECK(lines.back().error.empty());
  }
}

TEST_CASE("batch CSV: header and rows", "[batch][csv]") {
  CHECK(cs::query::batch_csv_header() ==
        "line,query,error,entity_id,entity_name,spelling,total,first,last,outlets,link\r\n");

  BatchRow found;
  found.line = 7;
  found.query = "Assad, Bashar";
  found.entity = cs::query::NameMatch{"bashar-al-assad", "Bashar al-Assad", "person", "Assad"};
  found.summary.total = 42;
  found.summary.first = "2016-01-02";
  found.summary.last = "2017-03-04";
  found.summary.outlets = {cs::query::FacetCount{"Reuters", "Reuters", 30},
                           cs::query::FacetCount{"AP", "AP", 12}};
  found.link = "/?q=Bashar%20al-Assad";

  BatchRow failed;
  failed.line = 3;
  failed.error = "empty line";

  BatchRow nothing;
  nothing.line = 1;
  nothing.query = "say \"hi\"";
  nothing.link = "/?q=x";

  struct Row {
    std::string name;
    BatchRow row;
    std::string csv;
  };
  const Row rows[] = {
      {"a row with an entity and outlets", found,
       "\"7\",\"Assad, Bashar\",\"\",\"bashar-al-assad\",\"Bashar al-Assad\",\"Assad\",\"42\","
       "\"2016-01-02\",\"2017-03-04\",\"Reuters (30); AP (12)\",\"/?q=Bashar%20al-Assad\"\r\n"},
      {"an error row has no total", failed,
       "\"3\",\"\",\"empty line\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n"},
      {"no entity, zero total, quotes doubled", nothing,
       "\"1\",\"say \"\"hi\"\"\",\"\",\"\",\"\",\"\",\"0\",\"\",\"\",\"\",\"/?q=x\"\r\n"},
  };
  for (const Row& r : rows) {
    INFO(r.name);
    CHECK(cs::query::batch_csv_row(r.row) == r.csv);
  }
}

TEST_CASE("batch CSV: queries a spreadsheet would run are made formula-safe", "[batch][csv]") {
  struct Case {
    std::string query;
    std::string field;  // the quoted query field
  };
  const Case cases[] = {
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "\"'+1\""},
      {"-1", "\"'-1\""},
      {"@SUM(A1)", "\"'@SUM(A1)\""},
      {"a=b", "\"a=b\""},
      {"plain", "\"plain\""},
  };
  for (const Case& c : cases) {
    INFO(c.query);
    BatchRow row;
    row.line = 2;
    row.query = c.query;
    const std::string csv = cs::query::batch_csv_row(row);
    CHECK(csv.starts_with("\"2\"," + c.field + ","));
    CHECK(csv.ends_with("\r\n"));
  }
}
