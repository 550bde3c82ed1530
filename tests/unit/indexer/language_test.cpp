#include "indexer/language.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>

#include "core/gazetteer.h"
#include "core/schema.h"
#include "indexer/clean.h"
#include "indexer/extract.h"

TEST_CASE("language_from_tag takes the primary subtag", "[language]") {
  const struct {
    const char* tag;
    const char* code;
  } cases[] = {
      {"ar-SY", "ar"}, {"ru_RU", "ru"}, {"EN", "en"},         {"uk", "uk"},  {"fil", "fil"},
      {"en-GB", "en"}, {"pt_BR", "pt"}, {"zh-Hant-TW", "zh"}, {"Fr", "fr"},  {"", ""},
      {"english", ""}, {"x", ""},       {"12", ""},           {"ar SY", ""}, {"a1", ""},
      {"-ar", ""},     {"abcd", ""},    {"ru.UTF-8", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.tag);
    CHECK(cs::language_from_tag(c.tag) == c.code);
  }
}

TEST_CASE("detect_language identifies a paragraph's language", "[language]") {
  const struct {
    const char* text;
    const char* code;
  } cases[] = {
      {"قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا وأصيب آخرون في قصف جوي استهدف "
       "مدينة إدلب صباح اليوم، فيما تواصلت الاشتباكات بين القوات الحكومية وفصائل المعارضة في "
       "ريف حلب الغربي.",
       "ar"},
      {"Губернатор Харьковской области сообщил, что в результате обстрела города пострадали "
       "три человека. По его словам, были повреждены жилые дома и здание школы, а на месте "
       "работают спасатели.",
       "ru"},
      {"Голова Харківської обласної військової адміністрації повідомив, що внаслідок обстрілу "
       "міста постраждали троє людей. За його словами, пошкоджено житлові будинки та будівлю "
       "школи, на місці працюють рятувальники.",
       "uk"},
      {"The Syrian Observatory for Human Rights said three civilians were killed and several "
       "others wounded when an air strike hit the city of Idlib on Tuesday morning, while "
       "clashes continued west of Aleppo.",
       "en"},
      {"L'Observatoire syrien des droits de l'homme a indiqué que trois civils avaient été tués "
       "et plusieurs autres blessés lorsqu'une frappe aérienne a touché la ville d'Idleb mardi "
       "matin, tandis que les combats se poursuivaient à l'ouest d'Alep.",
       "fr"},
      {"12345 !!! 67.89 --- ***", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(cs::detect_language(c.text) == c.code);
  }
}

namespace {

std::string extracted_language(const std::string& title, const std::string& text,
                               const char* declared) {
  cs::Article a;
  a.id = "a";
  a.title = title;
  a.text = text;
  if (declared != nullptr) a.field_values[std::string(cs::schema::kLanguageField)] = {declared};
  cs::clean_article(a);
  cs::Extractor(std::make_shared<const cs::Gazetteer>()).extract(a);
  const auto it = a.field_values.find(std::string(cs::schema::kLanguageField));
  if (it == a.field_values.end() || it->second.size() != 1) return "<missing>";
  return it->second.front();
}

}  // namespace

TEST_CASE("the extractor keeps a declared language and detects a missing one", "[language]") {
  const std::string russian =
      "Губернатор Харьковской области сообщил, что в результате обстрела города пострадали три "
      "человека. По его словам, были повреждены жилые дома и здание школы.";
  const std::string arabic =
      "قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا وأصيب آخرون في قصف جوي استهدف "
      "مدينة إدلب صباح اليوم.";
  const std::string ukrainian =
      "Голова обласної військової адміністрації повідомив, що внаслідок обстрілу міста "
      "постраждали троє людей. За його словами, пошкоджено житлові будинки.";
  CHECK(extracted_language("", arabic, "ar-SY") == "ar");
  CHECK(extracted_language("", russian, "ar-SY") == "ar");  // metadata wins over the text
  CHECK(extracted_language("", russian, nullptr) == "ru");
  CHECK(extracted_language("Обстрел Харькова", russian, nullptr) == "ru");
  CHECK(extracted_language("", arabic, nullptr) == "ar");
  CHECK(extracted_language("", ukrainian, nullptr) == "uk");
  CHECK(extracted_language("", russian, "english") == "ru");  // not a tag: detected
  CHECK(extracted_language("", "12345 !!!", nullptr) == "");
}
