// Tests of casualty-claim extraction (indexer/claims.h, indexer/claim_numbers.h) through the
// Extractor, as the indexer runs it: sentence shapes, numbers, victims, claimants, places,
// dates, the not-claims and hostile input.
#include "indexer/claims.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/normalize.h"
#include "indexer/claim_numbers.h"
#include "indexer/extract.h"
#include "tests/unit/indexer/corpus_gazetteer.h"

namespace {

std::shared_ptr<const cs::Gazetteer> gazetteer() { return cs::testing::corpus_gazetteer(); }

cs::Article extracted(const std::string& text,
                      cs::PartialDate published = {2024, 5, 15, cs::DatePrecision::kDay}) {
  cs::Article a;
  a.id = "a";
  a.text = cs::normalize_text(text);
  a.published = published;
  cs::Extractor(gazetteer()).extract(a);
  return a;
}

using cs::Outcome;
using cs::VictimClass;

struct ClaimCase {
  const char* sentence;
  Outcome outcome;
  std::int64_t low;
  std::int64_t high;
  const char* vague;      // "" for a number
  const char* qualifier;  // "" for none
  VictimClass victims;
  const char* claimant;  // "" for the article's own authority
};

}  // namespace

TEST_CASE("claims: sentence shapes, numbers, victims and claimants", "[extract][claims]") {
  const ClaimCase cases[] = {
      // Passive, active, stative.
      {"At least 12 civilians were killed in air strikes on Idlib, the Syrian Observatory for "
       "Human Rights said.",
       Outcome::kKilled, 12, 12, "", "at least", VictimClass::kCivilians,
       "Syrian Observatory for Human Rights"},
      {"Air strikes killed 30 militants near Raqqa, the Russian defence ministry said.",
       Outcome::kKilled, 30, 30, "", "", VictimClass::kArmedGroup,
       "Russian Defence Ministry"},  // the gazetteer's name
      {"The blast killed nearly 1,200 people, according to local officials.", Outcome::kKilled,
       1200, 1200, "", "nearly", VictimClass::kUnspecified, "local officials"},
      {"Fifty-five soldiers died in the ambush.", Outcome::kKilled, 55, 55, "", "",
       VictimClass::kGovernmentForces, ""},
      {"Two dozen fighters were captured by the army on Tuesday.", Outcome::kCaptured, 24, 24, "",
       "", VictimClass::kArmedGroup, ""},
      {"Between 20 and 30 policemen were wounded in the clashes, witnesses said.",
       Outcome::kWounded, 20, 30, "", "", VictimClass::kGovernmentForces, "witnesses"},
      {"The shelling left 14 dead and dozens wounded.", Outcome::kKilled, 14, 14, "", "",
       VictimClass::kUnspecified, ""},
      {"Dozens of children were killed when the school was hit.", Outcome::kKilled, 0, 0, "dozens",
       "", VictimClass::kChildren, ""},
      {"Hundreds of families fled their homes, the UN said.", Outcome::kDisplaced, 0, 0, "hundreds",
       "", VictimClass::kCivilians, "United Nations"},
      {"More than 3,000 people have been displaced by the fighting, aid agencies said.",
       Outcome::kDisplaced, 3000, 3000, "", "more than", VictimClass::kUnspecified, "aid agencies"},
      {"Some 40 villagers remain missing after the raid.", Outcome::kMissing, 40, 40, "", "around",
       VictimClass::kCivilians, ""},
      {"Gunmen abducted 17 students from a school in Kaduna.", Outcome::kCaptured, 17, 17, "", "",
       VictimClass::kCivilians, ""},
      {"The attack claimed the lives of 9 worshippers.", Outcome::kKilled, 9, 9, "", "",
       VictimClass::kCivilians, ""},
      {"An estimated 2.5 million people have been displaced since the war began.",
       Outcome::kDisplaced, 2500000, 2500000, "", "around", VictimClass::kUnspecified, ""},
      {"Up to 20 to 25 rebels were killed.", Outcome::kKilled, 20, 25, "", "up to",
       VictimClass::kArmedGroup, ""},
      // Revisions.
      {"The death toll from the bombing rose to 45, the health ministry said.", Outcome::kKilled,
       45, 45, "", "", VictimClass::kUnspecified, "health ministry"},
      // Attribution shapes.
      {"“At least 19 soldiers were killed,” local activist Amro al-Hussein told ARA News.",
       Outcome::kKilled, 19, 19, "", "at least", VictimClass::kGovernmentForces, "Amro al-Hussein"},
      {"SOHR: 11 civilians killed in regime shelling on Douma", Outcome::kKilled, 11, 11, "", "",
       VictimClass::kCivilians, "Syrian Observatory for Human Rights"},
      {"Rami Abdulrahman, director of the Syrian Observatory for Human Rights, said 60 fighters "
       "had been killed.",
       Outcome::kKilled, 60, 60, "", "", VictimClass::kArmedGroup,
       "Syrian Observatory for Human Rights"},
      {"The army said it had killed 40 terrorists in operations around Hama.", Outcome::kKilled, 40,
       40, "", "", VictimClass::kArmedGroup, "army"},
      {"Eight people were wounded, said Oleh Synehubov, the governor of Kharkiv.",
       Outcome::kWounded, 8, 8, "", "", VictimClass::kUnspecified, "Oleh Synehubov"},
      {"Ten Hezbollah fighters were killed in the clashes, according to a source close to the "
       "group.",
       Outcome::kKilled, 10, 10, "", "", VictimClass::kArmedGroup, "source close to the group"},
      // Military euphemisms, manners of killing, losses, injuries received.
      {"Border guards neutralised 9 smugglers overnight, the agency said.", Outcome::kKilled, 9, 9,
       "", "", VictimClass::kArmedGroup, "agency"},
      {"The army said it eliminated 14 gunmen in the forest.", Outcome::kKilled, 14, 14, "", "",
       VictimClass::kArmedGroup, "army"},
      {"Eleven farmers were beaten to death in the village, witnesses said.", Outcome::kKilled, 11,
       11, "", "", VictimClass::kCivilians, "witnesses"},
      {"Police shot dead 4 protesters outside the court.", Outcome::kKilled, 4, 4, "", "",
       VictimClass::kCivilians, ""},
      {"The brigade said it had lost 22 soldiers in the assault.", Outcome::kKilled, 22, 22, "", "",
       VictimClass::kGovernmentForces, "brigade"},
      {"Nine workers sustained serious burns in the blast.", Outcome::kWounded, 9, 9, "", "",
       VictimClass::kCivilians, ""},
      {"Three more policemen succumbed to their injuries on Friday.", Outcome::kKilled, 3, 3, "",
       "", VictimClass::kGovernmentForces, ""},
      {"Some 60 pilgrims were probably killed in the stampede.", Outcome::kKilled, 60, 60, "",
       "around", VictimClass::kCivilians, ""},
      {"The strike left 31 martyrs, the ministry said.", Outcome::kKilled, 31, 31, "", "",
       VictimClass::kUnspecified, "ministry"},
      // A quotation mark between the verb and the number; the number as British papers write it.
      {"Insurgents killed \"at least 16\" villagers, residents said.", Outcome::kKilled, 16, 16, "",
       "at least", VictimClass::kCivilians, "residents"},
      {"The floods of fighting have displaced 1.4m people, the agency says.", Outcome::kDisplaced,
       1400000, 1400000, "", "", VictimClass::kUnspecified, "agency"},
      {"Half a dozen guards were wounded.", Outcome::kWounded, 6, 6, "", "",
       VictimClass::kGovernmentForces, ""},
      // Tolls: victims before the number, a figure "put at", the claimant after a comma.
      {"The number of medics killed since January has risen to 41, the union said.",
       Outcome::kKilled, 41, 41, "", "", VictimClass::kCivilians, "union"},
      {"The regional governor put the death toll at 17.", Outcome::kKilled, 17, 17, "", "",
       VictimClass::kUnspecified, "regional governor"},
      // Figures as labels, hospitals and custody, crowds that flee, people-only verbs.
      {"Killed: 23. Wounded: 51.", Outcome::kKilled, 23, 23, "", "", VictimClass::kUnspecified, ""},
      {"WIA: 8", Outcome::kWounded, 8, 8, "", "", VictimClass::kUnspecified, ""},
      {"Missing persons: 310 (Red Crescent figure)", Outcome::kMissing, 310, 310, "", "",
       VictimClass::kUnspecified, ""},
      {"About 45 people remain in hospital after the blast.", Outcome::kWounded, 45, 45, "",
       "around", VictimClass::kUnspecified, ""},
      {"Nineteen sailors are still in rebel custody, the navy said.", Outcome::kCaptured, 19, 19,
       "", "", VictimClass::kGovernmentForces, "navy"},
      {"More than 3,000 fled across the river overnight.", Outcome::kDisplaced, 3000, 3000, "",
       "more than", VictimClass::kUnspecified, ""},
      {"Gunmen kidnapped 31 on the highway, police said.", Outcome::kCaptured, 31, 31, "", "",
       VictimClass::kUnspecified, "police"},
      {"The dead included four paramedics, the Red Crescent said.", Outcome::kKilled, 4, 4, "", "",
       VictimClass::kCivilians, "Red Crescent"},
      {"Rebels hacked to death 13 villagers near Beni.", Outcome::kKilled, 13, 13, "", "",
       VictimClass::kCivilians, ""},
      {"The shelling led to the martyrdom of 5 citizens.", Outcome::kKilled, 5, 5, "", "",
       VictimClass::kCivilians, ""},
      // Counts of one: an article and a person's noun.
      {"A paramedic was killed when a shell hit the ambulance, the Red Crescent said.",
       Outcome::kKilled, 1, 1, "", "", VictimClass::kCivilians, "Red Crescent"},
      {"Settlers shot dead a 17-year-old boy near the village, the ministry said.",
       Outcome::kKilled, 1, 1, "", "", VictimClass::kChildren, "ministry"},
      {"A police officer was abducted by gunmen near the highway.", Outcome::kCaptured, 1, 1, "",
       "", VictimClass::kGovernmentForces, ""},
      {"An aid worker was wounded by sniper fire in the camp.", Outcome::kWounded, 1, 1, "", "",
       VictimClass::kCivilians, ""},
      // Other ways of writing deaths, disappearances and flight.
      {"Gunmen opened fire on the convoy, martyring 42 people.", Outcome::kKilled, 42, 42, "", "",
       VictimClass::kUnspecified, ""},
      {"The army said 12 soldiers embraced shahadat in the exchange of fire.", Outcome::kKilled, 12,
       12, "", "", VictimClass::kGovernmentForces, "army"},
      {"At least 1,000 people had been forcibly disappeared since the deal, the commission said.",
       Outcome::kMissing, 1000, 1000, "", "at least", VictimClass::kUnspecified, "commission"},
      {"The group documented the enforced disappearance of 38 activists.", Outcome::kMissing, 38,
       38, "", "", VictimClass::kUnspecified, "group"},
      {"Some 45,000 refugees have crossed into Chad since April, UNHCR said.", Outcome::kDisplaced,
       45000, 45000, "", "around", VictimClass::kCivilians, "UNHCR"},
      {"The mine maimed a third child as they herded sheep.", Outcome::kWounded, 1, 1, "", "",
       VictimClass::kChildren, ""},
      {"The ministry lowered its count of identified dead to 24,686.", Outcome::kKilled, 24686,
       24686, "", "", VictimClass::kUnspecified, "ministry"},
      {"45 bodies arrived, bringing the death toll since October 7, 2023, to 51,157.",
       Outcome::kKilled, 45, 45, "", "", VictimClass::kUnspecified, ""},
      {"Twelve journalists remained in detention, the syndicate said.", Outcome::kCaptured, 12, 12,
       "", "", VictimClass::kCivilians, "syndicate"},
      // Claimants set off by a comma or opening the sentence without a name or known noun.
      {"A drone killed 14 people in the market, the camp's emergency room said.", Outcome::kKilled,
       14, 14, "", "", VictimClass::kUnspecified, "camp's emergency room"},
      {"Semana reported that seven soldiers were killed in the attack.", Outcome::kKilled, 7, 7, "",
       "", VictimClass::kGovernmentForces, "Semana"},
      // The subject of a verb that sets the toll; a speaker across a contrast is another's.
      {"Health officials raised the death toll from the raid to 274 on Sunday.", Outcome::kKilled,
       274, 274, "", "", VictimClass::kUnspecified, "Health officials"},
      {"Local officials put the death toll at 63, but the army insisted that only 15 had died.",
       Outcome::kKilled, 63, 63, "", "", VictimClass::kUnspecified, "Local officials"},
      // A unit's name opens with its ordinal.
      {"Three soldiers were killed in the clash, the Army's 4th Infantry Division said.",
       Outcome::kKilled, 3, 3, "", "", VictimClass::kGovernmentForces, "4th Infantry Division"},
      // A word of a group's name is no class word; pupils are children.
      {"Residents said 15 Arakan Army fighters were killed in the counter-attack.",
       Outcome::kKilled, 15, 15, "", "", VictimClass::kArmedGroup, "Residents"},
      {"Eighty pupils were abducted from a boarding school, the governor said.", Outcome::kCaptured,
       80, 80, "", "", VictimClass::kChildren, "governor"},
      {"Gunmen kidnapped 21 travellers on the highway, police said.", Outcome::kCaptured, 21, 21,
       "", "", VictimClass::kCivilians, "police"},
      // A participle between the victims and the verb; who the dead were.
      {"Two soldiers serving with the UN mission were killed near Aguelhok.", Outcome::kKilled, 2,
       2, "", "", VictimClass::kGovernmentForces, ""},
      {"Hospital sources said 11 of the dead were children.", Outcome::kKilled, 11, 11, "", "",
       VictimClass::kChildren, "Hospital sources"},
      // A toll after its number.
      {"The agency said it had lost staff, bringing to 270 the number of its employees killed.",
       Outcome::kKilled, 270, 270, "", "", VictimClass::kCivilians, "agency"},
  };
  for (const ClaimCase& c : cases) {
    INFO(c.sentence);
    const cs::Article a = extracted(c.sentence);
    REQUIRE_FALSE(a.claims.empty());
    const cs::CasualtyClaim& claim = a.claims.front();
    CHECK(claim.outcome == c.outcome);
    CHECK(claim.low == c.low);
    CHECK(claim.high == c.high);
    CHECK(claim.vague == c.vague);
    CHECK(claim.qualifier == c.qualifier);
    CHECK(claim.victim_class == c.victims);
    CHECK(claim.claimant.name == c.claimant);
    CHECK(claim.sentence.substr(claim.number_begin, claim.number_end - claim.number_begin) ==
          claim.number);
  }
}

TEST_CASE("claims: the subject of a perfect tense is no victim", "[extract][claims]") {
  const cs::Article a = extracted("A commander said one of his men had killed 6 raiders.");
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].low == 6);
}

TEST_CASE("claims: sub-counts belong to the count before them", "[extract][claims]") {
  const cs::Article a =
      extracted("Forty people, including 9 children, were killed in the raid, medics said.");
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].low == 40);
  const cs::Article b =
      extracted("Sixty civilians, among them 12 women, have been wounded, the council said.");
  REQUIRE(b.claims.size() == 1);
  CHECK(b.claims[0].low == 60);
}

TEST_CASE("claims: coordinated counts and updates", "[extract][claims]") {
  const cs::Article a = extracted(
      "Five civilians were killed and 12 wounded in the attack. Rescuers said the toll had "
      "climbed to 31 by nightfall.");
  REQUIRE(a.claims.size() == 3);
  CHECK(a.claims[0].low == 5);
  CHECK(a.claims[1].outcome == Outcome::kWounded);
  CHECK(a.claims[1].low == 12);
  CHECK(a.claims[1].victim_class == VictimClass::kCivilians);  // the victims of the count before
  CHECK(a.claims[2].low == 31);
  CHECK(a.claims[2].update);
  CHECK(a.claims[2].claimant.name == "Rescuers");

  const cs::Article b = extracted("Seven soldiers and 3 civilians were killed near the border.");
  REQUIRE(b.claims.size() == 2);
  CHECK(b.claims[0].victim_class == VictimClass::kGovernmentForces);
  CHECK(b.claims[1].victim_class == VictimClass::kCivilians);
}

// A sentence and every claim it holds, in order: value, outcome, class, claimant.
struct ExpectedClaim {
  std::int64_t value;
  Outcome outcome;
  VictimClass victims;
  const char* claimant;
};

struct SentenceClaims {
  const char* sentence;
  std::vector<ExpectedClaim> claims;
};

TEST_CASE("claims: groups joined by and, and figures of other sources", "[extract][claims]") {
  const auto killed = Outcome::kKilled;
  const auto civilians = VictimClass::kCivilians;
  const SentenceClaims cases[] = {
      {"A man and a woman were killed when a shell hit the market, the governor said.",
       {{1, killed, VictimClass::kUnspecified, "governor"}, {1, killed, civilians, "governor"}}},
      {"A mother and her two children were killed in the strike, police said.",
       {{1, killed, civilians, "police"}, {2, killed, VictimClass::kChildren, "police"}}},
      {"Two women and a child were wounded, according to the city council.",
       {{2, Outcome::kWounded, civilians, "city council"},
        {1, Outcome::kWounded, VictimClass::kChildren, "city council"}}},
      {"A soldier and two civilians were killed at the checkpoint.",
       {{1, killed, VictimClass::kGovernmentForces, ""}, {2, killed, civilians, ""}}},
      // Another figure for the claim before: its outcome and victims, its own source.
      {"Kyiv said 80 soldiers were killed in the strike, a figure Moscow put at 12.",
       {{80, killed, VictimClass::kGovernmentForces, "Kyiv"},
        {12, killed, VictimClass::kGovernmentForces, "Moscow"}}},
      {"The authorities said 13 civilians had been killed, rejecting a UN figure of 40.",
       {{13, killed, civilians, "authorities"}, {40, killed, civilians, "United Nations"}}},
      {"The ministry said strikes had killed 23 more people, taking the total since March to 558.",
       {{23, killed, VictimClass::kUnspecified, "ministry"},
        {558, killed, VictimClass::kUnspecified, "ministry"}}},
      // A total that names its own outcome; a possessive's toll; a deed done, not intended.
      {"Five people were killed, bringing the total injured since Monday to 40.",
       {{5, killed, VictimClass::kUnspecified, ""},
        {40, Outcome::kWounded, VictimClass::kUnspecified, ""}}},
      {"The army said the strike killed 40 militants, rejecting the ministry's toll of 60.",
       {{40, killed, VictimClass::kArmedGroup, "army"},
        {60, killed, VictimClass::kArmedGroup, "ministry"}}},
      {"Militants managed to kill 12 soldiers at the checkpoint.",
       {{12, killed, VictimClass::kGovernmentForces, ""}}},
      // Hospital and custody after "taken"; "more" after a count.
      {"Three soldiers were killed, while another five were taken to hospital, the army said.",
       {{3, killed, VictimClass::kGovernmentForces, "army"},
        {5, Outcome::kWounded, VictimClass::kGovernmentForces, "army"}}},
      {"Five people were taken into custody.",
       {{5, Outcome::kCaptured, VictimClass::kUnspecified, ""}}},
      {"Officials said 20 protesters were killed and hundreds more were arrested.",
       {{20, killed, civilians, "Officials"}, {0, Outcome::kCaptured, civilians, "Officials"}}},
  };
  for (const SentenceClaims& c : cases) {
    INFO(c.sentence);
    const cs::Article a = extracted(c.sentence);
    REQUIRE(a.claims.size() == c.claims.size());
    for (std::size_t i = 0; i < c.claims.size(); ++i) {
      INFO("claim " << i);
      CHECK(a.claims[i].low == c.claims[i].value);
      CHECK(a.claims[i].outcome == c.claims[i].outcome);
      CHECK(a.claims[i].victim_class == c.claims[i].victims);
      CHECK(a.claims[i].claimant.name == c.claims[i].claimant);
    }
  }
}

TEST_CASE("claims: counts of other things are not claims", "[extract][claims]") {
  const char* not_claims[] = {
      "An assault on Rafah could kill thousands of civilians, the WHO warned.",
      "The militia threatened to kill 20 hostages.",
      "A direct hit would have killed hundreds of people.",
      "None of the 17 sailors on board were hurt, the navy said.",
      "Police said 46 kidnapped villagers were freed on Sunday.",
      "In the amnesty, 34 rifles and 15 explosive devices were surrendered to the army.",
      "The US announced it would send another 200 ground troops to Syria.",
      "More than 4,000 fighters had still managed to launch the attack on the city.",
      "The group carried out 175 suicide operations in January and February.",
      "Russian jets flew 64 sorties against 158 targets.",
      "The 45-year-old man was arrested at the checkpoint.",
      "Fifty-five of these (or more than 31 percent) targeted regime forces.",
      "The convoy travelled 200 km to the south.",
      "Rebels captured 3 villages and 12 checkpoints.",
      "Report number 22: Hezbollah forces captured Palmyra on day 154.",
      "The militia seized 30 tanks and 6 armoured vehicles.",
      "Eleven of the 21 attacks took place in November.",
      "Hezbollah forces captured Palmyra (22).",
      "Mortar rounds hit the base but no one was hurt.",
      "Nearly 80 per cent of the town's 40,000 people have no running water and are displaced.",
      "The gunman opened fire at 10:45 and was arrested an hour later.",
      "Troops rescued 40 kidnapped students from the forest.",
      "The militia paraded 300 captured army vehicles.",
      // Hypotheticals, shares, risks, and one person who is no victim.
      "If the siege is not lifted, as many as 260,000 people could be forced to flee again.",
      "Nir Oz, where one in four residents were killed or taken hostage, lies near the border.",
      "An assault on Rafah would put the lives of 600,000 children at risk, UNICEF warned.",
      "The alliance launched its offensive, seizing more than 180 military posts.",
      "Another resident put the number of dead at the market in the dozens.",
      "A soldier said the convoy had left at dawn.",
  };
  for (const char* text : not_claims) {
    INFO(text);
    CHECK(extracted(text).claims.empty());
  }
}

TEST_CASE("claims: texts that end or begin where the finder looks ahead or back",
          "[extract][claims]") {
  // The finder looks a few words past a verb ("sustained ... injuries") and one word before a
  // pronoun; at the edges of the text it must stop there (these texts read past the end of the
  // token arrays before; scripts/test.sh --sanitize reports any such read).
  struct EdgeCase {
    const char* text;
    std::size_t claims;
    std::int64_t low;  // of the first claim
  };
  const EdgeCase cases[] = {
      {"Three soldiers sustained", 0, 0},
      {"Three soldiers sustained.", 0, 0},
      {"Three soldiers sustained injuries", 1, 3},
      {"Three soldiers sustained serious injuries.", 1, 3},
      {"Four civilians suffered", 0, 0},
      {"Four civilians suffered shrapnel injuries", 1, 4},
      {"Five fighters received", 0, 0},
      {"Two policemen succumbed to", 0, 0},
      {"Two policemen succumbed", 0, 0},
      {"Two policemen succumbed to their wounds", 1, 2},
      {"Three soldiers sustained. Injuries were reported in the south.", 0, 0},
      // The article that showed the bug: 1M benchmark corpus, line 255,997.
      {"In the United States 300,000 succumbed to it.", 0, 0},
      {"\"Six people were killed,\" he said", 1, 6},
      {"He said 7 people were killed", 1, 7},
      {"12", 0, 0},
      {"killed", 0, 0},
      {"\"", 0, 0},
  };
  for (const EdgeCase& c : cases) {
    INFO(c.text);
    const cs::Article a = extracted(c.text);
    REQUIRE(a.claims.size() == c.claims);
    if (c.claims > 0) CHECK(a.claims[0].low == c.low);
  }
}

TEST_CASE("claims: absurd figures are dropped with a reason", "[extract][claims]") {
  const cs::Article year = extracted("The offensive killed 2016 according to the report.");
  CHECK(year.claims.empty());
  REQUIRE(year.dropped_claims.size() == 1);
  CHECK(year.dropped_claims[0].find("year") != std::string::npos);

  const cs::Article huge = extracted("The strike killed 123456789012345678901 people.");
  CHECK(huge.claims.empty());
  REQUIRE(huge.dropped_claims.size() == 1);
  CHECK(huge.dropped_claims[0].find("too large") != std::string::npos);

  CHECK(extracted("Officials said 2 billion people were displaced.").claims.empty());
}

TEST_CASE("claims: Arabic-Indic digits and long sentences", "[extract][claims]") {
  const cs::Article arabic = extracted("At least ٣٣ civilians were killed in the shelling.");
  REQUIRE(arabic.claims.size() == 1);
  CHECK(arabic.claims[0].low == 33);

  std::string long_sentence = "Officials said that";
  for (int i = 0; i < 5000; ++i) long_sentence += " the fighting went on";
  long_sentence += " and 8 soldiers were killed";
  for (int i = 0; i < 5000; ++i) long_sentence += " while shelling continued";
  long_sentence += ".";
  const cs::Article a = extracted(long_sentence);
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].low == 8);
  CHECK(a.claims[0].sentence.size() <= cs::kMaxClaimSentenceBytes + 8);
  CHECK(a.claims[0].sentence.substr(a.claims[0].number_begin,
                                    a.claims[0].number_end - a.claims[0].number_begin) == "8");
}

TEST_CASE("claims: attribution across a quotation and the sentence before", "[extract][claims]") {
  const cs::Article quoted = extracted(
      "Activist Abas al-Omar described the attack. “The army withdrew in panic. More than 40 "
      "soldiers were killed,” al-Omar said.");
  REQUIRE(quoted.claims.size() == 1);
  CHECK(quoted.claims[0].claimant.name == "Abas al-Omar");

  const cs::Article carried = extracted(
      "According to the Syrian Observatory for Human Rights, fighting lasted all night. Dozens "
      "of soldiers were killed on Sunday.");
  REQUIRE(carried.claims.size() == 1);
  CHECK(carried.claims[0].claimant.id == "syrian-observatory-for-human-rights");

  const cs::Article not_carried = extracted(
      "According to the Syrian Observatory for Human Rights, fighting lasted all night.\n\nDozens "
      "of soldiers were killed on Sunday.");
  REQUIRE(not_carried.claims.size() == 1);
  CHECK(not_carried.claims[0].claimant.empty());  // a new paragraph

  const cs::Article observatory = extracted(
      "The Syrian Observatory for Human Rights tracks the war. The Observatory said 15 people "
      "were killed.");
  REQUIRE(observatory.claims.size() == 1);
  CHECK(observatory.claims[0].claimant.id == "syrian-observatory-for-human-rights");
}

TEST_CASE("claims: place and event date", "[extract][claims]") {
  const cs::Article a = extracted(
      "Fighting around Palmyra continued. On Saturday, 22 soldiers were killed in Homs, officials "
      "said. Another 6 civilians were wounded.",
      {2016, 12, 11, cs::DatePrecision::kDay});
  REQUIRE(a.claims.size() == 2);
  CHECK(a.claims[0].place.id == "homs");
  CHECK_FALSE(a.claims[0].place_from_article);
  CHECK(a.claims[0].event_date.iso() == "2016-12-10");
  CHECK_FALSE(a.claims[0].date_from_published);
  CHECK(a.claims[1].place_from_article);  // the article's most named place
  CHECK(a.claims[1].date_from_published);
  CHECK(a.claims[1].event_date.iso() == "2016-12-11");
}

TEST_CASE("claims: victims of a named group", "[extract][claims]") {
  const cs::Article a = extracted(
      "The loss of Palmyra is a blow to ISIS, with 400 of their fighters killed, the Observatory "
      "said.");
  REQUIRE(a.claims.size() == 1);
  CHECK(a.claims[0].victim_class == VictimClass::kArmedGroup);
  CHECK(a.claims[0].group.id == "islamic-state");
  CHECK(a.claims[0].victims == "their fighters");
}

TEST_CASE("claim numbers: values, ranges, qualifiers and vague quantities", "[extract][claims]") {
  struct Case {
    const char* text;
    std::int64_t low, high;
    const char* qualifier;
    const char* vague;
    int magnitude;
  };
  const Case cases[] = {
      {"1,200", 1200, 1200, "", "", 3},
      {"two dozen", 24, 24, "", "", 1},
      {"a dozen", 12, 12, "", "", 1},
      {"Fifty-five", 55, 55, "", "", 1},
      {"one hundred and fifty", 150, 150, "", "", 2},
      {"at least 70", 70, 70, "at least", "", 1},
      {"between 20 and 30", 20, 30, "", "", 1},
      {"20-30", 20, 30, "", "", 1},
      {"two or three", 2, 3, "", "", 0},
      {"nearly 2.5 million", 2500000, 2500000, "nearly", "", 6},
      {"dozens", 0, 0, "", "dozens", 1},
      {"tens of thousands", 0, 0, "", "tens of thousands", 4},
      {"several hundred", 0, 0, "", "several hundred", 2},
      {"as many as 64", 64, 64, "up to", "", 1},
      {"between 40 and 30", 30, 40, "", "", 1},  // written the wrong way round
      {"half a dozen", 6, 6, "", "", 0},
      {"2.1m", 2100000, 2100000, "", "", 6},
      {"3bn", 3000000000, 3000000000, "", "", 9},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    const cs::TokenizedText tokens = cs::tokenize(text);
    const auto n = cs::number_at(tokens, 0);
    REQUIRE(n);
    CHECK(n->end == tokens.tokens.size());
    CHECK(n->low == c.low);
    CHECK(n->high == c.high);
    CHECK(n->qualifier == c.qualifier);
    CHECK(n->vague == c.vague);
    CHECK(n->magnitude == c.magnitude);
  }
  for (const char* none : {"scores", "some", "the", "at least"}) {
    INFO(none);
    CHECK_FALSE(cs::number_at(cs::tokenize(none), 0));
  }
  // Numbers that would overflow 64 bits are held far above any casualty figure (found by the
  // claim_numbers fuzz target), and marked too large.
  for (const char* huge :
       {"999999999999 billion",
        "a dozen dozen dozen dozen dozen dozen dozen dozen dozen dozen "
        "dozen dozen dozen dozen dozen dozen dozen dozen dozen",
        "one hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred"}) {
    INFO(huge);
    const auto n = cs::number_at(cs::tokenize(huge), 0);
    REQUIRE(n);
    CHECK(n->too_large);
    CHECK(n->low >= 0);
    CHECK(n->low <= n->high);
  }
  CHECK(cs::number_at(cs::tokenize("2016"), 0)->year_like);
  CHECK_FALSE(cs::number_at(cs::tokenize("2,016"), 0)->year_like);
}
