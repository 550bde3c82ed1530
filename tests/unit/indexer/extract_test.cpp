#include "indexer/extract.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "core/normalize.h"
#include "core/schema.h"
#include "indexer/duplicates.h"
#include "indexer/signature.h"
#include "tests/unit/indexer/corpus_gazetteer.h"

namespace {

std::shared_ptr<const cs::Gazetteer> gazetteer() { return cs::testing::corpus_gazetteer(); }

cs::Article extracted(const std::string& text, const std::string& title = "") {
  cs::Article a;
  a.id = "a";
  a.title = title;
  a.text = cs::normalize_text(text);
  cs::Extractor(gazetteer()).extract(a);
  return a;
}

const cs::EntityMention* entity(const cs::Article& a, const std::string& id) {
  for (const auto& e : a.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

bool has_source(const cs::Article& a, const std::string& name) {
  for (const auto& s : a.sources) {
    if (s.name == name || s.id == name) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every spelling of an entity resolves to one id", "[entities]") {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"Fighting in Deir al-Zor continued.", "deir-ez-zor"},
      {"Fighting in Deir Ez-Zor continued.", "deir-ez-zor"},
      {"Fighting in DEIR EZ ZOR continued.", "deir-ez-zor"},
      {"Fighting in Dayr az-Zawr continued.", "deir-ez-zor"},
      {"They fled Tadmur on foot.", "palmyra"},
      {"Troops loyal to Bashar al Assad advanced.", "bashar-al-assad"},
      {"ISIL fighters advanced.", "islamic-state"},
      {"Daesh fighters advanced.", "islamic-state"},
      {"Hizballah fighters advanced.", "hezbollah"},
      {"Rami Abdel Rahman spoke.", "rami-abdulrahman"},
      {"Troops withdrew toward Tiyas Airbase.", "t4-airbase"},
      {"Air strikes by the anti-ISIS coalition hit.", "us-led-coalition"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(entity(extracted(c.text), c.id) != nullptr);
  }
}

TEST_CASE("longest match wins and acronyms need capitals and context", "[entities]") {
  const auto a = extracted("According to the Syrian Observatory for Human Rights, 40 died.");
  CHECK(entity(a, "syrian-observatory-for-human-rights") != nullptr);
  CHECK(entity(a, "syria") == nullptr);
  const struct {
    const char* text;
    bool found;
  } cases[] = {
      {"IS militants captured the town.", true},
      {"The town was seized by IS on Friday.", true},
      {"this IS a test of the system.", false},
      {"It is not clear what happened.", false},
      {"THE ARMY SAYS IT IS WINNING THE WAR NOW.", false},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK((entity(extracted(c.text), "islamic-state") != nullptr) == c.found);
  }
}

TEST_CASE("initials: two letters or more open a name, one letter never does", "[entities]") {
  const struct {
    const char* text;
    const char* id;
    const char* mention;  // "" when the entity must not be found
  } cases[] = {
      {"Officials said the U.S. military struck.", "united-states", "U.S."},
      {"A U.S. drone struck the convoy.", "united-states", "U.S."},
      {"The U.N. said so.", "united-nations", "U.N."},
      {"A man was seen near the border.", "amman", ""},
      {"I ran to the car.", "iran", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto a = extracted(c.text);
    const cs::EntityMention* e = entity(a, c.id);
    if (std::string(c.mention).empty()) {
      CHECK(e == nullptr);
      continue;
    }
    REQUIRE(e != nullptr);
    CHECK(e->mentions == std::vector<std::string>{c.mention});
  }
}

TEST_CASE("a spaced lower-case word never starts a name, a possessive stays inside one",
          "[entities]") {
  const struct {
    const char* text;
    const char* id;
    const char* mention;
  } cases[] = {
      {"It fought as ISIL fighters advanced.", "islamic-state", "ISIL"},
      {"Officers stationed at Palmyra withdrew.", "palmyra", "Palmyra"},
      {"Clashes near the al-Mahr oilfield went on.", "al-mahr-oilfield", "al-Mahr oilfield"},
      {"The People's Protection Units advanced.", "people-s-protection-units",
       "People's Protection Units"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto a = extracted(c.text);
    const cs::EntityMention* e = entity(a, c.id);
    REQUIRE(e != nullptr);
    CHECK(e->mentions == std::vector<std::string>{c.mention});
  }
}

TEST_CASE("unknown capitalised names become 'other', stop words never do", "[entities]") {
  const auto a = extracted(
      "On Monday, President Obama met Abas al-Omar in the city. The Fulton County Grand Jury "
      "said it was over.");
  CHECK(entity(a, "barack-obama") != nullptr);
  CHECK(entity(a, cs::schema::unknown_name_id("Abas al-Omar")) != nullptr);
  CHECK(entity(a, cs::schema::unknown_name_id("Fulton County Grand Jury")) != nullptr);
  for (const auto& e : a.entities) {
    INFO(e.id);
    CHECK(e.id.find("monday") == std::string::npos);
    CHECK(e.id != "x-thefultoncountygrandjury");
  }
}

TEST_CASE("a surname or a defined acronym refers back to the name before it", "[entities]") {
  const auto a = extracted(
      "Kamal Osmani, a doctor, said the shelling lasted all night. \"We had no water,\" Osmani "
      "said. The Harlan Civic Monitor (HCM) counted 14 attacks, and HCM staff expect more. "
      "Osmani Street was closed.");
  const cs::EntityMention* osmani = entity(a, cs::schema::unknown_name_id("Kamal Osmani"));
  REQUIRE(osmani != nullptr);
  CHECK(osmani->type == cs::EntityType::kPerson);  // named by the surname alone: a person
  CHECK(osmani->count == 2);                       // not "Osmani Street", a name of its own
  CHECK(osmani->mentions == std::vector<std::string>{"Kamal Osmani", "Osmani"});
  CHECK(entity(a, cs::schema::unknown_name_id("Osmani")) == nullptr);
  const cs::EntityMention* monitor = entity(a, cs::schema::unknown_name_id("Harlan Civic Monitor"));
  REQUIRE(monitor != nullptr);
  CHECK(monitor->type == cs::EntityType::kOrg);
  CHECK(monitor->count == 3);
  CHECK(has_source(a, "Kamal Osmani"));
  // The head noun of a body repeated alone is no surname: the commission is no person.
  const auto c = extracted(
      "Officials of the Electoral Commission met on Monday in the capital. Later the Commission "
      "said the count was over.");
  const cs::EntityMention* commission =
      entity(c, cs::schema::unknown_name_id("Electoral Commission"));
  REQUIRE(commission != nullptr);
  CHECK(commission->type != cs::EntityType::kPerson);
  CHECK(commission->count == 1);
  // A surname before the full name, or an acronym spelling other initials, refers to nothing.
  const auto b = extracted(
      "Osmani said nothing. In the evening the doctor Kamal Osmani spoke to us again. The "
      "report of the Harlan Civic Monitor (XYZ) came out later.");
  const cs::EntityMention* early = entity(b, cs::schema::unknown_name_id("Kamal Osmani"));
  REQUIRE(early != nullptr);
  CHECK(early->count == 1);
  const cs::EntityMention* other = entity(b, cs::schema::unknown_name_id("Harlan Civic Monitor"));
  REQUIRE(other != nullptr);
  CHECK(other->count == 1);
}

TEST_CASE("a spelling is shown without a title before it or a designator after it", "[entities]") {
  // Listed spellings that carry a title and a designator.
  std::vector<std::string> warnings;
  const auto g = std::make_shared<const cs::Gazetteer>(cs::Gazetteer::parse_tsv(
      "id\ttype\tcanonical\taliases\n"
      "naim-qassem\tperson\tNaim Qassem\tNaim Qassem|Sheikh Naim Qassem\n"
      "islamic-state\torganisation\tIslamic State\tIslamic State|Islamic State group\n"
      "general-staff\torganisation\tGeneral Staff\tGeneral Staff\n",
      warnings));
  REQUIRE(warnings.empty());
  cs::Article a;
  a.id = "a";
  a.text = cs::normalize_text(
      "The Islamic State group claimed the attack, Sheikh Naim Qassem said, and the General "
      "Staff agreed.");
  cs::Extractor(g).extract(a);
  const cs::EntityMention* is = entity(a, "islamic-state");
  REQUIRE(is != nullptr);
  CHECK(is->mentions == std::vector<std::string>{"Islamic State"});
  const cs::EntityMention* qassem = entity(a, "naim-qassem");
  REQUIRE(qassem != nullptr);
  CHECK(qassem->mentions == std::vector<std::string>{"Naim Qassem"});
  // A title word of an organisation's name stays: it is no person's title.
  const cs::EntityMention* staff = entity(a, "general-staff");
  REQUIRE(staff != nullptr);
  CHECK(staff->mentions == std::vector<std::string>{"General Staff"});
}

TEST_CASE("a wire story's sign-off names people", "[entities]") {
  const auto a = extracted(
      "Two people were killed on Monday, residents said.\n\n(Reporting by Timour Azhari; "
      "Editing by Frances Kerry)");
  for (const char* name : {"Timour Azhari", "Frances Kerry"}) {
    INFO(name);
    const cs::EntityMention* e = entity(a, cs::schema::unknown_name_id(name));
    REQUIRE(e != nullptr);
    CHECK(e->type == cs::EntityType::kPerson);
  }
}

TEST_CASE("a lone unknown word before a place designator is a place", "[entities]") {
  const auto a = extracted(
      "Fighting spread across the Rutshuru territory and reached Zamzam camp on Sunday, while a "
      "Korean town and the Western region stayed calm.");
  for (const char* name : {"Rutshuru", "Zamzam"}) {
    INFO(name);
    const cs::EntityMention* e = entity(a, cs::schema::unknown_name_id(name));
    REQUIRE(e != nullptr);
    CHECK(e->type == cs::EntityType::kPlace);
  }
  // An adjective of a people or a direction before the designator names no place.
  CHECK(entity(a, cs::schema::unknown_name_id("Korean")) == nullptr);
  CHECK(entity(a, cs::schema::unknown_name_id("Western")) == nullptr);
}

TEST_CASE("an institution's name runs on over of and for", "[entities]") {
  const struct {
    const char* text;
    const char* name;
  } cases[] = {
      {"Officials at the Ministry of Information said so.", "Ministry of Information"},
      {"Figures from the Office for Rescuing Kidnapped Yazidis were given to reporters on the day.",
       "Office for Rescuing Kidnapped Yazidis"},
      {"The Council of the Islamic Courts met.", "Council of the Islamic Courts"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const cs::Article a = extracted(c.text);
    const cs::EntityMention* e = entity(a, cs::schema::unknown_name_id(c.name));
    REQUIRE(e != nullptr);
    CHECK(e->type == cs::EntityType::kOrg);
    CHECK(e->mentions == std::vector<std::string>{c.name});
  }
  // The head alone names nothing.
  CHECK(extracted("The Ministry said it would respond.").entities.empty());
}

TEST_CASE("cited sources come from attribution patterns", "[sources]") {
  const struct {
    const char* text;
    const char* source;
  } cases[] = {
      {"Ten died, according to the Syrian Observatory for Human Rights.",
       "syrian-observatory-for-human-rights"},
      {"Amaq reported that the group had retaken the city.", "amaq-news-agency"},
      {"SOHR also reported on multiple occasions that jets bombed it.",
       "syrian-observatory-for-human-rights"},
      {"\"We retreated,\" media activist Amro al-Hussein told ARA News.", "ara-news"},
      {"\"We retreated,\" media activist Amro al-Hussein told ARA News.", "Amro al-Hussein"},
      {"\"It fell,\" said Rami Abdel Rahman, who heads the group.", "rami-abdulrahman"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(has_source(extracted(c.text), c.source));
  }
  const auto noise = extracted("He said it was over. Officials said so. Residents said more.");
  CHECK(noise.sources.empty());
}

TEST_CASE("near-duplicate signatures", "[signature]") {
  std::string body;
  for (int i = 0; i < 60; ++i) {
    body += "Sentence number " + std::to_string(i) + " reports fighting near the town of " +
            (i % 2 ? "Palmyra" : "Raqqa") + " with heavy losses.\n\n";
  }
  const std::string copy_trailer = body + "Leave a comment";
  const std::string truncated = body.substr(0, body.size() * 9 / 10);
  const std::string other =
      "A completely different text about the weather in spring. " + body.substr(0, 100);
  const auto h = cs::simhash(body);
  CHECK(cs::hamming_distance(h, cs::simhash(copy_trailer)) <= cs::kNearDuplicateDistance);
  CHECK(cs::hamming_distance(h, cs::simhash(truncated)) <= cs::kNearDuplicateDistance);
  CHECK(cs::hamming_distance(h, cs::simhash(other)) > cs::kNearDuplicateDistance);
  CHECK(cs::content_hash("T", body) != cs::content_hash("T2", body));
  CHECK(cs::content_hash("T", "a  b\n c") == cs::content_hash("T", "A b c"));

  cs::DuplicateIndex index;
  std::map<std::string, std::string> own_keys;  // article id -> the cluster key it starts
  auto article = [&](const std::string& id, const std::string& title, const std::string& text) {
    cs::Article a;
    a.id = id;
    a.content_hash = cs::content_hash(title, text);
    a.simhash = cs::simhash(text);
    own_keys[id] = cs::own_cluster_key(a);
    return index.assign_cluster(a).cluster;
  };
  CHECK(article("1", "Title", body) == own_keys["1"]);
  CHECK(article("2", "UPDATE: Title", body) == own_keys["1"]);
  CHECK(article("3", "Title", copy_trailer) == own_keys["1"]);
  CHECK(article("4", "Other", other) == own_keys["4"]);
}

namespace {

cs::Article corpus_article(const std::string& name) {
  std::ifstream in(std::string(CS_SOURCE_DIR) + "/corpus/" + name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = cs::normalize_text(buffer.str());
  cs::Article a;
  a.id = name;
  const auto eol = text.find('\n');
  a.title = text.substr(0, eol);
  a.text = text.substr(eol + 1);
  cs::Extractor(gazetteer()).extract(a);
  return a;
}

}  // namespace

TEST_CASE("sample corpus: main entities, sources and dates", "[corpus]") {
  const struct {
    const char* file;
    std::vector<const char*> entities;
    std::vector<const char*> sources;
  } cases[] = {
      {"000_21c376324d288584.txt",
       {"palmyra", "islamic-state", "bashar-al-assad", "syrian-observatory-for-human-rights",
        "amaq-news-agency", "kweiris-air-base", "qaryatain", "khanaser", "deir-ez-zor"},
       {"syrian-observatory-for-human-rights", "amaq-news-agency", "sana"}},
      {"001_50c6e08a51821f02.txt",
       {"palmyra", "islamic-state", "rami-abdulrahman", "amaq-news-agency", "shaar-gas-field",
        "t4-airbase", "national-defence-forces"},
       {"deutsche-welle", "rami-abdulrahman"}},
      {"002_0c71e4d245fb43f8.txt",
       {"palmyra", "islamic-state", "bashar-al-assad", "rami-abdulrahman", "vladimir-putin",
        "dmitry-peskov", "deir-ez-zor", "raqqa"},
       {"rami-abdulrahman", "debkafile"}},
      {"003_3e5b1aeaa37e44e8.txt",
       {"palmyra", "islamic-state", "homs", "t4-airbase", "al-mahr-oilfield", "unesco"},
       {}},
      {"004_825eccd27ffa9810.txt",
       {"palmyra", "islamic-state", "bashar-al-assad", "rami-abdulrahman", "khaled-al-asaad",
        "maamoun-abdulkarim"},
       {}},
  };
  for (const auto& c : cases) {
    INFO(c.file);
    const cs::Article a = corpus_article(c.file);
    for (const char* id : c.entities) {
      INFO(id);
      CHECK(entity(a, id) != nullptr);
    }
    for (const char* s : c.sources) {
      INFO(s);
      CHECK(has_source(a, s));
    }
  }
  const cs::Article posted = corpus_article("004_825eccd27ffa9810.txt");
  CHECK(posted.published.iso() == "2016-04-03");
  CHECK(posted.published.precision == cs::DatePrecision::kDay);
  CHECK(posted.published_provenance == cs::DateProvenance::kText);
  CHECK(posted.author == "Hugh Baird");
  const cs::Article ara = corpus_article("003_3e5b1aeaa37e44e8.txt");
  CHECK(ara.outlet == "ARA News");
  CHECK(ara.author == "Haytham Mustafa");
  CHECK(corpus_article("001_50c6e08a51821f02.txt").author == "Tyler Durden");
}
