#include "core/gazetteer.h"

#include <catch2/catch.hpp>

TEST_CASE("gazetteer parses by header names, skips bad rows, keeps first claim", "[gazetteer]") {
  const std::string tsv =
      "id\tsubtype\ttype\tcanonical\taliases\n"
      "palmyra\tcity\tplace\tPalmyra\tTadmur|Tadmor\n"
      "bad\tx\tweapon\tRifle\tRifle\n"
      "short\tonly\n"
      "sana\tmedia\torganization\tSANA\tSyrian Arab News Agency\n"
      "sanaa\tcity\tplace\tSanaa\tSana'a\n"
      "tadmur-2\tcity\tplace\tTadmur\tTadmur\n";
  std::vector<std::string> warnings;
  const cs::Gazetteer g = cs::Gazetteer::parse_tsv(tsv, warnings);
  CHECK(g.size() == 4);
  CHECK(warnings.size() >= 3);
  REQUIRE(g.resolve("TADMOR") != nullptr);
  CHECK(g.resolve("TADMOR")->id == "palmyra");
  CHECK(g.resolve("Tadmur")->id == "palmyra");  // first claim wins
  CHECK(g.find_by_id("sana")->type == cs::EntityType::kOrg);
  CHECK(g.find_in_text("sana", true)->id == "sana");
  CHECK(g.find_in_text("sana", false)->id == "sanaa");
  // An id resolves to its entity even when it folds to another's spelling (facets give ids).
  CHECK(g.resolve("sana")->id == "sana");
  CHECK(g.resolve("Sana'a")->id == "sanaa");
  CHECK(g.resolve("SANAA")->id == "sanaa");
  std::vector<std::string> again;
  const cs::Gazetteer round = cs::Gazetteer::parse_tsv(g.to_tsv(), again);
  CHECK(round.to_tsv() == g.to_tsv());
}

TEST_CASE("gazetteer files load: the bundled one and the benchmark one", "[gazetteer]") {
  for (const char* path : {"/corpus/gazetteer.tsv", "/tests/data/missing.tsv"}) {
    std::string error;
    std::vector<std::string> warnings;
    const auto g = cs::Gazetteer::load_file(std::string(CS_SOURCE_DIR) + path, error, warnings);
    if (std::string(path).find("missing") != std::string::npos) {
      CHECK_FALSE(g);
      CHECK_FALSE(error.empty());
    } else {
      REQUIRE(g);
      CHECK(g->size() > 300);
      CHECK(g->resolve("Dayr az-Zawr")->id == "deir-ez-zor");
      CHECK(g->resolve("DEIR EZ ZOR")->id == "deir-ez-zor");
    }
  }
}
