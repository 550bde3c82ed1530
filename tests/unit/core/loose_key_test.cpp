// The loose key (normalize.h loose_key): table-driven cases, then the collected name pairs of
// tests/data/name_pairs.tsv (spellings outlets use for one name, and different names a careless
// matcher would confuse), and the gazetteer's ambiguity rule.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/normalize.h"

namespace {

struct Pair {
  std::string a, b;
  bool same = false;
  std::string note;
};

std::vector<Pair> read_pairs() {
  std::ifstream in(std::string(CS_SOURCE_DIR) + "/tests/data/name_pairs.tsv");
  std::vector<Pair> pairs;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    std::string cell;
    while (std::getline(row, cell, '\t')) cells.push_back(cell);
    if (cells.size() >= 3)
      pairs.push_back({cells[0], cells[1], cells[2] == "1", cells.size() > 3 ? cells[3] : ""});
  }
  return pairs;
}

bool linked(const std::string& a, const std::string& b) {
  const std::string ka = cs::loose_key_of(a);
  return !ka.empty() && ka == cs::loose_key_of(b);
}

}  // namespace

TEST_CASE("loose key: transliteration variants meet", "[loose]") {
  static const std::pair<const char*, const char*> kSame[] = {
      {"Qusayr", "Qusair"},
      {"Hezbollah", "Hizbullah"},
      {"Hezbollah", "Hizballah"},
      {"Rami Abdulrahman", "Rami Abdurrahman"},
      {"Hasakah", "Hasaka"},
      {"Zaporizhzhia", "Zaporizhia"},
      {"Syniehubov", "Synehubov"},
      {"Kharkiv", "Kharkov"},
      {"Jisr al-Shughur", "Jesr al-Shughour"},
      {"Bukamal", "al-Bokamal"},
  };
  for (const auto& [a, b] : kSame) {
    INFO(a << " / " << b << ": " << cs::loose_key_of(a) << " / " << cs::loose_key_of(b));
    CHECK(linked(a, b));
  }
}

TEST_CASE("loose keys: German and French readings of a name meet its English spelling", "[loose]") {
  static const std::pair<const char*, const char*> kSame[] = {
      {"Bachmut", "Bakhmut"},      {"Selenskyj", "Zelenskyy"},
      {"Prigoschin", "Prigozhin"}, {"Chan Junis", "Khan Yunis"},

      {"Poutine", "Putin"},        {"Sergueï Choïgou", "Sergei Shoigu"},

      {"Prigojine", "Prigozhin"},
  };
  for (const auto& [written, listed] : kSame) {
    const std::vector<std::string> keys = cs::loose_keys(cs::fold_words_of(written));
    INFO(written << " / " << listed << ": " << cs::loose_key_of(listed));
    REQUIRE_FALSE(keys.empty());
    CHECK(keys.front() == cs::loose_key_of(written));  // its own key first
    CHECK(std::find(keys.begin(), keys.end(), cs::loose_key_of(listed)) != keys.end());
  }
  // A name with no letters only German or French writes is read only as written: English
  // names keep their j and their final e.
  for (const char* english : {"Mariupol", "New Jersey", "Miss Joan", "Belleville", "Sergei"}) {
    INFO(english);
    CHECK(cs::loose_keys(cs::fold_words_of(english)).size() <= 1);
  }
}

TEST_CASE("loose key: different names stay apart", "[loose]") {
  static const std::pair<const char*, const char*> kDifferent[] = {
      {"Hama", "Homs"},       {"Raqqa", "Ruqayya"}, {"Idlib", "Irbil"},    {"German", "Hermon"},
      {"Homs", "Khoms"},      {"Basra", "Busra"},   {"Hassan", "Hussein"}, {"Aden", "Adana"},
      {"Kherson", "Kharkiv"}, {"Irbid", "Irbil"},   {"Bashir", "Bishr"},   {"Khamenei", "Khomeini"},
  };
  for (const auto& [a, b] : kDifferent) {
    INFO(a << " / " << b << ": " << cs::loose_key_of(a) << " / " << cs::loose_key_of(b));
    CHECK_FALSE(linked(a, b));
  }
}

TEST_CASE("loose key: none for short names, other scripts and empty text", "[loose]") {
  for (const char* text : {"Hama", "Gaza", "Kyiv", "", "---", "حلب", "Харків"}) {
    INFO(text);
    CHECK(cs::loose_key_of(text).empty());
  }
}

TEST_CASE("loose key: the collected name pairs", "[loose]") {
  const std::vector<Pair> pairs = read_pairs();
  int same = 0, same_linked = 0, different = 0, different_linked = 0;
  for (const Pair& p : pairs) {
    const bool l = linked(p.a, p.b);
    if (p.same) {
      ++same;
      same_linked += l ? 1 : 0;
    } else {
      ++different;
      if (l) {
        ++different_linked;
        WARN("different names share a loose key: " << p.a << " / " << p.b << " (" << p.note << ")");
      }
    }
  }
  WARN("loose key: " << same_linked << " of " << same << " variant pairs linked, "
                     << different_linked << " of " << different << " different pairs");
  REQUIRE(same >= 100);
  REQUIRE(different >= 100);
  // Measured figures (the note of issue 18 reports them): a loose key is a fallback for
  // spellings no row lists, so it must rarely join different names; it links two thirds of the
  // variant pairs, the gazetteer's listed spellings the rest.
  CHECK(same_linked * 100 >= same * 60);
  CHECK(different_linked * 100 <= different * 7);
}

TEST_CASE("gazetteer: a spelling links through its own key first, then other readings", "[loose]") {
  std::vector<std::string> warnings;
  const cs::Gazetteer g = cs::Gazetteer::parse_tsv(
      "id\ttype\tcanonical\taliases\n"
      "bakhmut\tplace\tBakhmut\tBakhmut|Artemovsk\n"
      "khan-yunis\tplace\tKhan Yunis\tKhan Yunis|Khan Younis\n",
      warnings);
  REQUIRE(warnings.empty());
  const auto linked_to = [&g](const char* text) {
    const cs::GazetteerEntity* e = g.find_loose_spelling(cs::fold_words_of(text));
    return e ? e->id : std::string("-");
  };
  CHECK(linked_to("Bachmut") == "bakhmut");
  CHECK(linked_to("Bakhmout") == "bakhmut");
  CHECK(linked_to("Chan Junis") == "khan-yunis");
  CHECK(linked_to("Kherson") == "-");
}

TEST_CASE("gazetteer: a loose match links only when exactly one entity has the key", "[loose]") {
  std::vector<std::string> warnings;
  const cs::Gazetteer g = cs::Gazetteer::parse_tsv(
      "id\ttype\tcanonical\taliases\n"
      "qusayr\tplace\tQusayr\tQusayr|al-Qusayr\n"
      "mayadin\tplace\tMayadin\tMayadin\n"
      "mayadeen-tv\torganisation\tAl Mayadeen\tAl Mayadeen|Mayadeen\n",
      warnings);
  REQUIRE(warnings.empty());
  REQUIRE(g.find_loose(cs::loose_key_of("Qusair")) != nullptr);
  CHECK(g.find_loose(cs::loose_key_of("Qusair"))->id == "qusayr");
  // "Mayaddin" is no listed spelling, and its loose key is both entities': no link.
  REQUIRE_FALSE(cs::loose_key_of("Mayaddin").empty());
  CHECK(g.find_loose(cs::loose_key_of("Mayaddin")) == nullptr);
  CHECK(g.find_loose("") == nullptr);
}
