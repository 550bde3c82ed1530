// Tests of the claim encodings (core/claim.h): the JSON of the document data and the API, and
// the compact slot keys incident grouping reads, both read back; hostile slot values.
#include "core/claim.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/doc_data.h"

namespace {

cs::CasualtyClaim sample(const std::string& number, std::int64_t low, std::int64_t high) {
  cs::CasualtyClaim c;
  c.number = number;
  c.low = low;
  c.high = high;
  c.qualifier = "at least";
  c.magnitude = 2;
  c.outcome = cs::Outcome::kWounded;
  c.victims = "civilians, including 3 children";
  c.victim_class = cs::VictimClass::kCivilians;
  c.claimant = {"syrian-observatory-for-human-rights", "Syrian Observatory for Human Rights"};
  c.place = {"idlib", "Idlib"};
  c.place_from_article = true;
  c.event_date = {2020, 2, 0, cs::DatePrecision::kMonth};
  c.update = true;
  c.sentence = "At least 120 civilians, including 3 children, were wounded.";
  c.number_begin = 0;
  c.number_end = 12;
  return c;
}

}  // namespace

TEST_CASE("claim JSON round trip, one claim and an article's array", "[core][claims]") {
  cs::CasualtyClaim vague;
  vague.number = "dozens";
  vague.vague = "dozens";
  vague.magnitude = 1;
  vague.outcome = cs::Outcome::kDisplaced;
  for (const cs::CasualtyClaim& c : {sample("at least 120", 120, 120), vague}) {
    CHECK(cs::claim_from_json(cs::claim_json(c)) == c);
  }
  const nlohmann::json v = cs::claim_json(vague);
  CHECK(v["low"].is_null());
  CHECK(v["claimant"].is_null());
  CHECK(v["event_date"].is_null());

  // Stored: the sentence as offsets into title + "\n" + text, defaults left out.
  const std::string title = "Shelling of Idlib";
  const std::string text = "Overnight. At least 120 civilians, including 3 children, were wounded.";
  cs::CasualtyClaim in_text = sample("at least 120", 120, 120);
  in_text.sentence_begin = static_cast<std::uint32_t>(title.size() + 1 + text.find("At least"));
  in_text.sentence_end = static_cast<std::uint32_t>(title.size() + 1 + text.size());
  cs::CasualtyClaim in_title = vague;
  in_title.sentence = title;
  in_title.sentence_end = static_cast<std::uint32_t>(title.size());
  cs::CasualtyClaim across = vague;  // from inside the title into the text
  across.sentence = "of Idlib\nOvernight";
  across.sentence_begin = static_cast<std::uint32_t>(title.find("of"));
  across.sentence_end = static_cast<std::uint32_t>(title.size() + 1 + text.find('.'));
  cs::CasualtyClaim at_newline = vague;  // the line break alone
  at_newline.sentence = "\n";
  at_newline.sentence_begin = static_cast<std::uint32_t>(title.size());
  at_newline.sentence_end = static_cast<std::uint32_t>(title.size() + 1);
  const std::vector<cs::CasualtyClaim> claims = {in_text, in_title, across, at_newline};
  const std::string stored = cs::encode_claims(claims);
  CHECK(stored.find("civilians, including") != std::string::npos);  // the victims
  CHECK(stored.find("were wounded") == std::string::npos);          // not the sentence
  CHECK(stored.find("null") == std::string::npos);
  CHECK(cs::decode_claims(stored, title, text) == claims);
  CHECK(cs::decode_claims("", title, text).empty());
  CHECK(cs::decode_claims("{not json", title, text).empty());
  CHECK(cs::decode_claims("{}", title, text).empty());
  // Offsets past the text (a hostile slot) leave the sentence empty, nothing else.
  cs::CasualtyClaim outside = in_text;
  outside.sentence_end = 100000;
  const auto read = cs::decode_claims(cs::encode_claims({outside}), title, text);
  REQUIRE(read.size() == 1);
  CHECK(read[0].sentence.empty());

  // In the document data, on a line of their own that a hit does not parse.
  cs::Article a;
  a.id = "a1";
  a.title = title;
  a.text = text;
  a.claims = claims;
  const std::string data = cs::encode_doc_data(a);
  CHECK(cs::decode_doc_data(data)->claims.empty());
  CHECK(cs::decode_doc_data(data, true)->claims == claims);
  CHECK(cs::decode_doc_data(data)->text == text);
  // The ledger's decoding: the same claims and listed fields, nothing else built.
  a.outlet = "Levant Wire";
  a.published = {2016, 3, 27, cs::DatePrecision::kDay};
  a.entities.push_back({"palmyra", "Palmyra", cs::EntityType::kPlace, {"Palmyra"}, 1});
  const auto listed = cs::decode_doc_claims(cs::encode_doc_data(a));
  REQUIRE(listed);
  CHECK(listed->id == "a1");
  CHECK(listed->title == title);
  CHECK(listed->outlet == "Levant Wire");
  CHECK(listed->published.iso() == "2016-03-27");
  CHECK(listed->claims == claims);
  CHECK(listed->entities.empty());
  CHECK(listed->text.empty());
  CHECK_FALSE(cs::decode_doc_claims("{\"id\": \"x\"}"));  // no claims line
  CHECK_FALSE(cs::decode_doc_claims("[1]\n\n"));
  a.claims.clear();
  CHECK(cs::decode_doc_data(cs::encode_doc_data(a), true)->claims.empty());
}

TEST_CASE("claim names and their inverses", "[core][claims]") {
  for (auto o : {cs::Outcome::kKilled, cs::Outcome::kWounded, cs::Outcome::kCaptured,
                 cs::Outcome::kMissing, cs::Outcome::kDisplaced}) {
    CHECK(cs::outcome_from_name(cs::outcome_name(o)) == o);
  }
  for (auto c :
       {cs::VictimClass::kUnspecified, cs::VictimClass::kCivilians, cs::VictimClass::kChildren,
        cs::VictimClass::kGovernmentForces, cs::VictimClass::kArmedGroup}) {
    CHECK(cs::victim_class_from_name(cs::victim_class_name(c)) == c);
  }
  CHECK_FALSE(cs::outcome_from_name("maimed"));
  CHECK_FALSE(cs::victim_class_from_name(""));
}

TEST_CASE("claim keys: the slot encoding and hostile values", "[core][claims]") {
  cs::CasualtyClaim unknown = sample("300", 300, 300);
  unknown.claimant = {"", "Russian news agencies"};
  unknown.place = {};
  unknown.group = {"islamic-state", "Islamic State"};
  const auto keys =
      cs::decode_claim_keys(cs::encode_claim_keys({sample("at least 120", 120, 120), unknown}));
  REQUIRE(keys.size() == 2);
  CHECK(keys[0].low == 120);
  CHECK(keys[0].outcome == cs::Outcome::kWounded);
  CHECK(keys[0].victim_class == cs::VictimClass::kCivilians);
  CHECK(keys[0].claimant_id == "syrian-observatory-for-human-rights");
  CHECK(keys[0].place_id == "idlib");
  CHECK(keys[0].event_date == "2020-02");
  CHECK(keys[0].index == 0);
  CHECK(keys[1].claimant_id == cs::claimant_id(unknown));
  CHECK(keys[1].claimant_id.rfind("x-", 0) == 0);
  CHECK(keys[1].group_id == "islamic-state");
  CHECK(keys[1].place_id.empty());
  CHECK(keys[1].index == 1);
  CHECK(cs::claimant_id(cs::CasualtyClaim{}).empty());

  for (const char* bad : {"", "\x1f\x1f",
                          "1\x1f"
                          "2\x1f"
                          "3\x1f"
                          "9\x1f"
                          "0\x1f\x1f\x1f\x1f\x1f"
                          "0",
                          "1\x1f"
                          "2\x1f"
                          "3\x1f"
                          "0\x1f"
                          "-1\x1f\x1f\x1f\x1f\x1f"
                          "0",
                          "\x1e\x1e\x1e", "x\x1fy"}) {
    CHECK(cs::decode_claim_keys(bad).empty());
  }
}
