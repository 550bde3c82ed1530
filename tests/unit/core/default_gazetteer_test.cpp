// The bundled gazetteer (data/gazetteer/*.tsv): every row well-formed, no spelling of one
// entity folding to another's, cross-script spellings resolving to the English entity; and
// Gazetteer::merge, which layers users' gazetteers over it.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/gazetteer.h"

namespace {

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(line);
  std::string part;
  while (std::getline(in, part, sep)) parts.push_back(part);
  if (!line.empty() && line.back() == sep) parts.emplace_back();
  return parts;
}

}  // namespace

TEST_CASE("bundled gazetteer: rows well-formed, no alias collisions, no duplicate ids",
          "[gazetteer][default]") {
  std::vector<std::string> warnings;
  const cs::Gazetteer g = cs::Gazetteer::parse_tsv(cs::default_gazetteer_tsv(), warnings);
  for (const std::string& w : warnings) INFO(w);
  CHECK(warnings.empty());
  CHECK(g.size() > 4000);
  CHECK(&cs::default_gazetteer() == &cs::default_gazetteer());
  CHECK(cs::default_gazetteer().size() == g.size());

  static const std::set<std::string> kTypes = {"person", "organisation", "place"};
  static const std::map<std::string, std::set<std::string>> kSubtypes = {
      {"person", {"leader", "official", "commander", "militant", "journalist", "activist"}},
      {"organisation", {"armed", "gov", "intl", "ngo", "party", "media", "monitor"}},
      {"place",
       {"country", "governorate", "district", "city", "town", "village", "neighbourhood", "base",
        "airport", "crossing", "landmark", "camp", "prison", "river", "region"}}};
  static const std::set<std::string> kRegions = {"SY", "LB",   "JH",    "IQ",   "IR",    "AF", "PK",
                                                 "YE", "GULF", "UA",    "RU",   "PS",    "IL", "LY",
                                                 "SD", "ET",   "SO",    "MM",   "SAHEL", "GL", "US",
                                                 "GB", "EU",   "LATAM", "ASIA", "CAUC",  "CAF"};
  std::stringstream in{std::string(cs::default_gazetteer_tsv())};
  std::string line;
  std::getline(in, line);
  CHECK(line == "id\ttype\tsubtype\tregion\tcanonical\taliases");
  std::set<std::string> ids;
  int row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty()) continue;
    INFO("row " << row << ": " << line);
    const auto cells = split(line, '\t');
    REQUIRE(cells.size() == 6);
    CHECK(ids.insert(cells[0]).second);
    CHECK(cells[0].find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
    REQUIRE(kTypes.count(cells[1]) == 1);
    CHECK(kSubtypes.at(cells[1]).count(cells[2]) == 1);
    CHECK(kRegions.count(cells[3]) == 1);
    CHECK_FALSE(cells[4].empty());
    for (const std::string& alias : split(cells[5], '|')) CHECK_FALSE(alias.empty());
  }
}

TEST_CASE("bundled gazetteer: spellings in every script name the same entity",
          "[gazetteer][default]") {
  const cs::Gazetteer& g = cs::default_gazetteer();
  struct Case {
    const char* spelling;
    const char* id;
  };
  static const Case kCases[] = {
      {"Deir ez-Zor", "deir-ez-zor"},
      {"Deir Ezzor", "deir-ez-zor"},
      {"دير الزور", "deir-ez-zor"},
      {"Islamic State", "islamic-state"},
      {"داعش", "islamic-state"},
      {"الدولة الإسلامية", "islamic-state"},
      {"Daesh", "islamic-state"},
      {"المرصد السوري لحقوق الإنسان", "syrian-observatory-for-human-rights"},
      {"Kharkiv", "kharkiv"},
      {"Харків", "kharkiv"},
      {"Харьков", "kharkiv"},
      {"Kyiv", "kyiv"},
      {"Київ", "kyiv"},
      {"Киев", "kyiv"},
      {"إدلب", "idlib"},
      {"ادلب", "idlib"},
      {"Hizbullah", "hezbollah"},
      {"حزب الله", "hezbollah"},
  };
  for (const Case& c : kCases) {
    INFO(c.spelling);
    const cs::GazetteerEntity* e = g.resolve(c.spelling);
    REQUIRE(e != nullptr);
    CHECK(e->id == c.id);
  }
}

TEST_CASE("gazetteer merge: new ids added, known ids gain spellings, first claim wins",
          "[gazetteer]") {
  std::vector<std::string> warnings;
  cs::Gazetteer mine = cs::Gazetteer::parse_tsv(
      "id\ttype\tcanonical\taliases\n"
      "hama\tplace\tHama\tHama\n"
      "local-brigade\torganisation\tLiwa al-Quds\tLiwa al-Quds|Quds Brigade\n",
      warnings);
  const cs::Gazetteer other = cs::Gazetteer::parse_tsv(
      "id\ttype\tcanonical\taliases\n"
      "hama\tplace\tHama\tHamah|Hama\n"
      "quds-brigades\torganisation\tAl-Quds Brigades\tAl-Quds Brigades|Quds Brigade\n"
      "homs\tplace\tHoms\tHoms|Hims\n",
      warnings);
  REQUIRE(warnings.empty());
  std::vector<std::string> refusals;
  CHECK(mine.merge(other, &refusals) == 1);
  REQUIRE(refusals.size() == 1);
  CHECK(refusals[0].find("Quds Brigade") != std::string::npos);
  CHECK(mine.size() == 4);
  CHECK(mine.resolve("Hamah")->id == "hama");
  CHECK(mine.find_by_id("hama")->aliases.size() == 2);
  CHECK(mine.resolve("Quds Brigade")->id == "local-brigade");
  CHECK(mine.resolve("Hims")->id == "homs");
  CHECK(mine.merge(other, nullptr) == 1);  // merging again adds nothing new
  CHECK(mine.size() == 4);
}
