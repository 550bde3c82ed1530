// Tests of the Russian, Ukrainian and Arabic casualty wording (indexer/claim_words.h): stems
// match their inflected forms, exact entries only themselves, Arabic words behind their
// clitics, and English gets nothing from these tables.
#include "indexer/claim_words.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "core/normalize.h"

namespace {

using cs::ClaimLanguage;
using cs::Outcome;
using cs::VictimClass;

constexpr auto kRu = ClaimLanguage::kRussian;
constexpr auto kUk = ClaimLanguage::kUkrainian;
constexpr auto kAr = ClaimLanguage::kArabic;
constexpr auto kEn = ClaimLanguage::kEnglish;

}  // namespace

TEST_CASE("claim_words: language codes", "[extract][claims]") {
  CHECK(cs::claim_language("ru") == kRu);
  CHECK(cs::claim_language("uk") == kUk);
  CHECK(cs::claim_language("ar") == kAr);
  CHECK(cs::claim_language("en") == kEn);
  CHECK(cs::claim_language("") == kEn);
  CHECK(cs::claim_language("fr") == kEn);
}

TEST_CASE("claim_words: outcome words by stem and clitic", "[extract][claims]") {
  struct Case {
    ClaimLanguage language;
    const char* word;
    std::optional<Outcome> outcome;
  };
  const Case cases[] = {
      {kRu, "погибли", Outcome::kKilled},
      {kRu, "погибших", Outcome::kKilled},
      {kRu, "убиты", Outcome::kKilled},
      {kRu, "ранены", Outcome::kWounded},
      {kRu, "пострадавших", Outcome::kWounded},
      {kRu, "пострадали", std::nullopt},  // counts people only when named (eliminations)
      {kUk, "постраждалих", Outcome::kWounded},
      {kRu, "пленных", Outcome::kCaptured},
      {kRu, "пропали", Outcome::kMissing},
      {kRu, "беженцев", Outcome::kDisplaced},
      {kRu, "тела", Outcome::kKilled},
      {kRu, "телами", std::nullopt},       // exact entry: "тела" only
      {kRu, "ранее", std::nullopt},        // "earlier", not "ранен"
      {kRu, "Погибли", Outcome::kKilled},  // folded like a token
      {kUk, "загинули", Outcome::kKilled},
      {kUk, "загиблих", Outcome::kKilled},
      {kUk, "поранені", Outcome::kWounded},
      {kUk, "полонених", Outcome::kCaptured},
      {kUk, "зникли", Outcome::kMissing},
      {kAr, "قتلوا", Outcome::kKilled},
      {kAr, "مقتل", Outcome::kKilled},
      {kAr, "والقتلى", Outcome::kKilled},  // "and the dead"
      {kAr, "وأصيب", Outcome::kWounded},   // "and were wounded", hamza folded
      {kAr, "جرحى", Outcome::kWounded},
      {kAr, "نزحوا", Outcome::kDisplaced},
      {kAr, "مفقودين", Outcome::kMissing},
      {kAr, "مقاتل", std::nullopt},         // a fighter, not a killing
      {kAr, "قتال", std::nullopt},          // fighting
      {kRu, "загинули", Outcome::kKilled},  // Ukrainian read as Russian
      {kUk, "погибли", Outcome::kKilled},   // and the reverse
      {kAr, "погибли", std::nullopt},
      {kEn, "killed", std::nullopt},  // English reads its own patterns
      {kRu, "", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.word);
    CHECK(cs::outcome_word(c.language, cs::fold_word(c.word)) == c.outcome);
  }
}

TEST_CASE("claim_words: eliminations count people only with victims", "[extract][claims]") {
  CHECK(cs::elimination_word(kRu, cs::fold_word("уничтожены")) == Outcome::kKilled);
  CHECK(cs::elimination_word(kUk, cs::fold_word("знищено")) == Outcome::kKilled);
  CHECK_FALSE(cs::outcome_word(kRu, cs::fold_word("уничтожены")).has_value());
  CHECK_FALSE(cs::elimination_word(kRu, cs::fold_word("погибли")).has_value());
  CHECK(cs::elimination_word(kRu, cs::fold_word("пострадали")) == Outcome::kWounded);
  CHECK(cs::elimination_word(kUk, cs::fold_word("постраждали")) == Outcome::kWounded);
}

TEST_CASE("claim_words: victims, things, cues and name ends", "[extract][claims]") {
  struct Case {
    ClaimLanguage language;
    const char* word;
    std::optional<VictimClass> victims;
    bool thing;
    bool cue;
    bool name_end;
  };
  const Case cases[] = {
      {kRu, "человек", VictimClass::kUnspecified, false, false, false},
      {kRu, "мирных", VictimClass::kCivilians, false, false, false},
      {kRu, "детей", VictimClass::kChildren, false, false, false},
      {kRu, "военнослужащих", VictimClass::kGovernmentForces, false, false, false},
      {kRu, "боевиков", VictimClass::kArmedGroup, false, false, false},
      {kRu, "ракет", std::nullopt, true, false, false},
      {kRu, "марта", std::nullopt, true, false, false},
      {kRu, "мая", std::nullopt, true, false, false},
      {kRu, "сообщил", std::nullopt, false, true, false},
      {kRu, "что", std::nullopt, false, false, true},
      {kUk, "дітей", VictimClass::kChildren, false, false, false},
      {kUk, "цивільних", VictimClass::kCivilians, false, false, false},
      {kUk, "травня", std::nullopt, true, false, false},
      {kUk, "травмовані", std::nullopt, false, false, false},  // injured, not May
      {kUk, "повідомив", std::nullopt, false, true, false},
      {kUk, "що", std::nullopt, false, false, true},
      {kAr, "مدنيين", VictimClass::kCivilians, false, false, false},
      {kAr, "الأطفال", VictimClass::kChildren, false, false, false},
      {kAr, "جنود", VictimClass::kGovernmentForces, false, false, false},
      {kAr, "صاروخا", std::nullopt, true, false, false},
      {kAr, "آب", std::nullopt, true, false, false},     // August, exact
      {kAr, "آباء", std::nullopt, false, false, false},  // fathers: not August
      {kAr, "وقالت", std::nullopt, false, true, false},
      {kAr, "بحسب", std::nullopt, false, true, false},
      {kAr, "أن", std::nullopt, false, false, true},
      {kEn, "civilians", std::nullopt, false, false, false},
  };
  for (const Case& c : cases) {
    INFO(c.word);
    const std::string w = cs::fold_word(c.word);
    CHECK(cs::victim_word(c.language, w) == c.victims);
    CHECK(cs::is_counted_thing(c.language, w) == c.thing);
    CHECK(cs::is_attribution_cue(c.language, w) == c.cue);
    CHECK(cs::ends_claimant_name(c.language, w) == c.name_end);
  }
  CHECK(cs::is_trailing_minimum(kAr, cs::fold_word("الأقل")));
  CHECK_FALSE(cs::is_trailing_minimum(kRu, cs::fold_word("الأقل")));
}
