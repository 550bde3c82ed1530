#include "indexer/manifest.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

TEST_CASE("manifest rows are found by relative path or file name", "[manifest]") {
  std::string error;
  std::vector<std::string> warnings;
  const auto m = cs::Manifest::parse_tsv(
      "# comment\n"
      "file\toutlet\tpublished\tauthor\tnotes\n"
      "000_a.txt\tFDD's Long War Journal\t2016-03-27\t\tcites LWJ\n"
      "sub/002_b.txt\tomouggos\t2016-03\tO Mouggos\topinion\n"
      "003_c.txt\tARA News\t2016-02-30\t\t\n"
      "\tno file\t2016\t\t\n",
      "m.tsv", error, warnings);
  REQUIRE(m);
  CHECK(m->size() == 3);
  const cs::ManifestEntry* a = m->find("000_a.txt");
  REQUIRE(a);
  CHECK(a->outlet == "FDD's Long War Journal");
  CHECK(a->published.iso() == "2016-03-27");
  CHECK(m->find("deeper/000_a.txt") == a);
  const cs::ManifestEntry* b = m->find("sub/002_b.txt");
  REQUIRE(b);
  CHECK(b->published.precision == cs::DatePrecision::kMonth);
  CHECK(m->find("002_b.txt") == nullptr);
  CHECK_FALSE(m->find("003_c.txt")->published.known());
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].starts_with("m.tsv:5: date '2016-02-30'"));
  CHECK(warnings[1].starts_with("m.tsv:6: "));
}

TEST_CASE("a manifest without a file column is an error", "[manifest]") {
  std::string error;
  std::vector<std::string> warnings;
  CHECK_FALSE(cs::Manifest::parse_tsv("outlet\tpublished\nX\t2016\n", "m.tsv", error, warnings));
  CHECK(error.find("no 'file' column") != std::string::npos);
  CHECK_FALSE(cs::Manifest::parse_tsv("", "m.tsv", error, warnings));
}

TEST_CASE("apply_manifest overrides only the fields it has", "[manifest]") {
  cs::Article a;
  a.title = "From text";
  a.outlet = "Guess";
  cs::ManifestEntry e;
  e.outlet = "ARA News";
  e.published = {2016, 12, 11, cs::DatePrecision::kDay};
  cs::apply_manifest(e, a);
  CHECK(a.title == "From text");
  CHECK(a.outlet == "ARA News");
  CHECK(a.published.iso() == "2016-12-11");
  CHECK(a.published_provenance == cs::DateProvenance::kManifest);
}
