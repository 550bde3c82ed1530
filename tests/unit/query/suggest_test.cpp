#include "query/suggest.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

namespace {

// A gazetteer of a few entities, as entities.tsv gives them.
cs::Gazetteer names() {
  std::vector<std::string> warnings;
  return cs::Gazetteer::parse_tsv(
      "id\ttype\tsubtype\tregion\tcanonical\taliases\n"
      "hezbollah\torganisation\tarmed group\tLebanon\tHezbollah\tHezbollah|Hizbullah\n"
      "raqqa\tplace\tcity\tSyria\tRaqqa\tRaqqa|Al-Raqqah\n"
      "deir-ez-zor\tplace\tcity\tSyria\tDeir ez-Zor\tDeir ez-Zor|Deir al-Zour\n",
      warnings);
}

}  // namespace

// Without spelling data, corrections come from the gazetteer's spellings, compared folded
// (within an edit distance of 1, or 2 for keys of 8 letters and more).
TEST_CASE("suggestions from the gazetteer's spellings", "[suggest]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_term("siege");
  db.add_document(doc);
  const cs::Gazetteer gazetteer = names();
  const cs::query::Suggester suggester(db, gazetteer);
  struct Case {
    std::string query;
    std::optional<std::string> suggestion;
  };
  const std::vector<Case> cases = {
      {"hezbolla", "hezbollah"},  {"siege of rakka", "siege of raqqa"},
      {"hezbolah", std::nullopt},  // folds to Hezbollah's key: it finds the entity as it is
      {"raqqa", std::nullopt},     // a spelling as written is never suggested back
      {"siege", std::nullopt},     // an indexed word needs no correction
      {"zzzzqqqq", std::nullopt},  // nothing close enough
  };
  for (const Case& c : cases) {
    INFO(c.query);
    CHECK(suggester.suggest(c.query) == c.suggestion);
  }
}
