#include "core/stemming.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using cs::fold_term_word;
using cs::stem_word;

TEST_CASE("stem_word gives exact stems per script", "[stemming]") {
  const struct {
    const char* word;
    const char* stem;
  } cases[] = {
      // English, as Snowball's English stemmer always did
      {"strikes", "strike"},
      {"killed", "kill"},
      {"attacks", "attack"},
      {"Fighting", "fight"},
      {"nationalities", "nation"},
      // Arabic-Indic and Persian digits become ASCII
      {"\u0663\u0663", "33"},                // ٣٣
      {"\u06F1\u06F2\u06F3", "123"},         // ۱۲۳
      {"\u0662\u0660\u0662\u0664", "2024"},  // ٢٠٢٤
      // Russian: Snowball's Russian stemmer until it stops changing the word
      {"атаки", "атак"},
      {"Харьков", "харьк"},
      {"Киев", "ки"},
      // Ukrainian (a letter only Ukrainian has): folded, never stemmed
      {"Харкові", "харкові"},
      {"Київ", "київ"},
      {"Києві", "києві"},
      {"ҐРУНТ", "ґрунт"},
      {"Євгена", "євгена"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(stem_word(c.word) == c.stem);
  }
}

TEST_CASE("spellings of one word share a stem", "[stemming]") {
  const struct {
    const char* a;
    const char* b;
  } cases[] = {
      // English
      {"strikes", "strike"},
      {"killed", "kill"},
      {"Attacks", "attack"},
      // Latin accents folded
      {"café", "cafe"},
      {"Ḥamāh", "Hamah"},
      {"ÉCOLE", "ecole"},
      // Arabic: hamza forms of alef
      {"إدلب", "ادلب"},
      {"أحمد", "احمد"},
      {"آذار", "اذار"},
      // ta marbuta and alef maqsura
      {"الرقة", "الرقه"},
      {"مستشفى", "مستشفي"},
      // tashkeel (vowel marks) and tatweel
      {"قُتِلَ", "قتل"},
      {"مـدينة", "مدينة"},
      {"مــــدينة", "مدينه"},
      // proclitics before the article reduced to the article
      {"والرقة", "الرقة"},
      {"بالرقة", "الرقة"},
      {"للرقة", "الرقة"},
      {"وبالرقة", "الرقة"},
      {"فالرقة", "الرقة"},
      {"كالرقة", "الرقة"},
      // prefixed and suffixed forms of a name without an article
      {"بحلب", "حلب"},
      {"وحلب", "حلب"},
      // Russian case forms of a name
      {"Харьков", "Харькове"},
      {"Харьков", "Харькова"},
      {"Харьков", "Харьковом"},
      {"Киев", "Киева"},
      {"Киев", "Киеве"},
      {"Синегубов", "Синегубова"},
      // ё folded to е
      {"ещё", "еще"},
      {"всё", "все"},
      {"Ёлка", "елка"},
      // case
      {"ХАРЬКОВ", "харьков"},
      {"Київ", "КИЇВ"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.a, c.b);
    CHECK(stem_word(c.a) == stem_word(c.b));
  }
}

TEST_CASE("different words keep different stems", "[stemming]") {
  const struct {
    const char* a;
    const char* b;
  } cases[] = {
      {"район", "раион"},  // й is a letter of its own, never и
      {"Київ", "Киів"},    // ї is not і
      {"Харьков", "Херсон"}, {"حلب", "حماة"}, {"strike", "stroke"},
      {"Київ", "Киев"},  // Ukrainian words are not stemmed: the spellings meet in the gazetteer
  };
  for (const auto& c : cases) {
    CAPTURE(c.a, c.b);
    CHECK(stem_word(c.a) != stem_word(c.b));
  }
}

TEST_CASE("each script gets only its own stemmer", "[stemming]") {
  Xapian::Stem english("english");
  Xapian::Stem russian("russian");
  Xapian::Stem arabic("arabic");
  // English rules never touch Cyrillic or Arabic words: the Russian and Arabic stemmers do.
  CHECK(stem_word("атаки") == russian("атаки"));
  CHECK(stem_word("атакс") == "атакс");
  CHECK(stem_word("ракеты") == "ракет");
  CHECK(stem_word("مدينة") == arabic("مدينه"));
  // Russian and Arabic rules never touch Latin words.
  CHECK(stem_word("attacks") == "attack");
  CHECK(stem_word("attacks") == english("attacks"));
  CHECK(stem_word("Kiev") == english("kiev"));
  CHECK(stem_word("Kharkov") == "kharkov");
  CHECK(stem_word("albab") == english("albab"));
  // Ukrainian words are neither Russian- nor English-stemmed.
  CHECK(russian("києва") != "києва");  // the Russian stemmer would cut the case ending
  CHECK(stem_word("Києва") == "києва");
  CHECK(stem_word("Харкові") == "харкові");
}

TEST_CASE("word_script is decided by the first letter", "[stemming]") {
  const struct {
    const char* word;
    cs::Script script;
  } cases[] = {
      {"Aleppo", cs::Script::kLatin},     {"café", cs::Script::kLatin},
      {"حلب", cs::Script::kArabic},       {"الرقة", cs::Script::kArabic},
      {"کابل", cs::Script::kArabic},      {"Київ", cs::Script::kCyrillic},
      {"Харьков", cs::Script::kCyrillic}, {"123", cs::Script::kLatin},
      {"", cs::Script::kLatin},           {"!!!", cs::Script::kLatin},
      {"٣٣", cs::Script::kLatin},         {"12حلب", cs::Script::kArabic},
      {"-Київ", cs::Script::kCyrillic},   {"东京", cs::Script::kOther},
      {"Αθήνα", cs::Script::kOther},      {"Kyiv-Київ", cs::Script::kLatin},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(cs::word_script(c.word) == c.script);
  }
}

TEST_CASE("has_ukrainian_letter finds і ї є ґ in either case", "[stemming]") {
  const struct {
    const char* word;
    bool ukrainian;
  } cases[] = {
      {"Київ", true},  {"КИЇВ", true},  {"Харкові", true}, {"Євген", true},    {"ґрунт", true},
      {"Ґрунт", true}, {"Іван", true},  {"Киев", false},   {"Харьков", false}, {"район", false},
      {"ещё", false},  {"Kyiv", false}, {"", false},       {"حلب", false},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(cs::has_ukrainian_letter(c.word) == c.ukrainian);
  }
}

TEST_CASE("fold_term_word folds for matching and keeps й and ї", "[stemming]") {
  const struct {
    const char* word;
    const char* folded;
  } cases[] = {
      {"STRIKES", "strikes"},
      {"Café", "cafe"},
      {"ÉCOLE", "ecole"},
      {"ﬁght", "fight"},           // ligature
      {"ＳＡＡ", "saa"},           // full-width
      {"e\u0301te\u0301", "ete"},  // combining accents
      {"إدلب", "ادلب"},
      {"أحمد", "احمد"},
      {"آذار", "اذار"},
      {"ٱلله", "الله"},  // alef wasla
      {"قُتِلَ", "قتل"},
      {"مـدينة", "مدينه"},
      {"الرقة", "الرقه"},
      {"مستشفى", "مستشفي"},
      {"مؤتمر", "موتمر"},
      {"رئيس", "رييس"},
      {"کابل", "كابل"},    // Persian kaf
      {"ایران", "ايران"},  // Persian yeh
      {"\u0663\u0663", "33"},
      {"\u06F1\u06F2", "12"},
      {"Ещё", "еще"},
      {"ЁЛКА", "елка"},
      {"Район", "район"},  // й kept
      {"ЙОД", "йод"},
      {"Київ", "київ"},  // ї kept
      {"ЇЖАК", "їжак"},
      {"Єгипет", "єгипет"},
      {"Ґанок", "ґанок"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.word);
    CHECK(fold_term_word(c.word) == c.folded);
  }
}

TEST_CASE("make_stemmer runs stem_word", "[stemming]") {
  Xapian::Stem stemmer = cs::make_stemmer();
  for (const char* word : {"strikes", "killed", "café", "إدلب", "والرقة", "قُتِلَ", "Харькове", "ещё",
                           "Харкові", "٣٣", "", "Kyiv"}) {
    CAPTURE(word);
    CHECK(stemmer(word) == stem_word(word));
  }
}

// The stemmer keeps the stems it computed: a word asked again, and words asked after the
// cache filled and was emptied, still get stem_word's answer.
TEST_CASE("make_stemmer answers the same from its cache and after emptying it", "[stemming]") {
  Xapian::Stem stemmer = cs::make_stemmer();
  const std::vector<std::string> words = {"killings", "Харькове", "والرقة", "strikes"};
  for (int round = 0; round < 2; ++round) {
    for (const std::string& word : words) {
      CAPTURE(round, word);
      CHECK(stemmer(word) == stem_word(word));
    }
  }
  for (int i = 0; i < 20000; ++i) stemmer("word" + std::to_string(i) + "ings");
  for (const std::string& word : words) {
    CAPTURE(word);
    CHECK(stemmer(word) == stem_word(word));
  }
  CHECK(stemmer("word19999ings") == stem_word("word19999ings"));
}
