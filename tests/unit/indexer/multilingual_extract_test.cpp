// Extraction from Arabic, Russian and Ukrainian articles: entities behind clitics and case
// endings, mentions shown as written, sources, dates, and a stored text that keeps its letters.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/normalize.h"
#include "indexer/clean.h"
#include "indexer/extract.h"

namespace {

std::shared_ptr<const cs::Gazetteer> gazetteer() {
  static const auto kGazetteer = [] {
    const std::string tsv =
        "id\ttype\tcanonical\taliases\n"
        "deir-ez-zor\tplace\tDeir ez-Zor\tDeir ez-Zor|دير الزور\n"
        "islamic-state\torg\tIslamic State\tIslamic State|داعش|الدولة الإسلامية\n"
        "sohr\torg\tSyrian Observatory for Human Rights\tSyrian Observatory for Human "
        "Rights|المرصد السوري لحقوق الإنسان|المرصد السوري\n"
        "kharkiv\tplace\tKharkiv\tKharkiv|Харків|Харьков\n"
        "kyiv\tplace\tKyiv\tKyiv|Київ|Киев\n"
        "syniehubov\tperson\tOleh Syniehubov\tOleh Syniehubov|Синєгубов|Синегубов|Олег "
        "Синєгубов|Олег Синегубов\n"
        "general-staff\torg\tGeneral Staff\tGeneral Staff|Генштаб|Генеральний штаб\n";
    std::vector<std::string> warnings;
    auto g = std::make_shared<const cs::Gazetteer>(cs::Gazetteer::parse_tsv(tsv, warnings));
    return g;
  }();
  return kGazetteer;
}

// The article with `text` as its raw body, cleaned and extracted.
cs::Article extracted(const std::string& text) {
  cs::Article a;
  a.id = "a";
  a.title = "Report";
  a.text = text;
  cs::clean_article(a);
  cs::Extractor(gazetteer()).extract(a);
  return a;
}

const cs::EntityMention* entity(const cs::Article& a, const std::string& id) {
  for (const auto& e : a.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

std::vector<std::string> entity_ids(const cs::Article& a) {
  std::vector<std::string> ids;
  for (const auto& e : a.entities) ids.push_back(e.id);
  return ids;
}

std::vector<std::string> source_ids(const cs::Article& a) {
  std::vector<std::string> ids;
  for (const auto& s : a.sources) ids.push_back(s.id.empty() ? "name:" + s.name : s.id);
  return ids;
}

bool has_source(const cs::Article& a, const std::string& id) {
  for (const auto& s : a.sources) {
    if (s.id == id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the test gazetteer keys every spelling", "[multilingual]") {
  const auto g = gazetteer();
  REQUIRE(g->size() == 7);
  const struct {
    const char* spelling;
    const char* id;
  } cases[] = {
      {"دير الزور", "deir-ez-zor"},
      {"داعش", "islamic-state"},
      {"الدولة الإسلامية", "islamic-state"},
      {"المرصد السوري", "sohr"},
      {"Харків", "kharkiv"},
      {"Харькове", "kharkiv"},
      {"Києва", "kyiv"},
      {"Синегубов", "syniehubov"},
      {"Генштаба", "general-staff"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.spelling);
    const cs::GazetteerEntity* e = g->resolve(c.spelling);
    REQUIRE(e != nullptr);
    CHECK(e->id == c.id);
  }
}

TEST_CASE("Arabic names link through attached clitics", "[multilingual]") {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"اشتدت المعارك بدير الزور أمس.", "deir-ez-zor"},
      {"وصلت التعزيزات إلى دير الزور صباحاً.", "deir-ez-zor"},
      {"ودير الزور محاصرة منذ أشهر.", "deir-ez-zor"},
      {"أعلن المقاتلون ولاءهم لداعش في المنطقة.", "islamic-state"},
      {"انسحب الجيش وداعش من البلدة.", "islamic-state"},
      {"سيطر تنظيم الدولة الإسلامية على البلدة.", "islamic-state"},
      {"قاتلت الفصائل ضد الدولة الإسلامية وحلفائها.", "islamic-state"},
      {"قدم الأهالي شهادات للمرصد السوري عن القصف.", "sohr"},
      {"وثق المرصد السوري لحقوق الإنسان مقتل ثلاثة مدنيين.", "sohr"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const cs::Article a = extracted(c.text);
    CAPTURE(entity_ids(a));
    CHECK(entity(a, c.id) != nullptr);
  }
}

TEST_CASE("Russian and Ukrainian case forms link to one entity", "[multilingual]") {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"Обстрел в Харькове продолжался всю ночь.", "kharkiv"},
      {"Жители Харькова покинули дома.", "kharkiv"},
      {"Ракеты летели на Харьков.", "kharkiv"},
      {"Под Харьковом идут бои.", "kharkiv"},
      {"Вибухи пролунали у Харкові вночі.", "kharkiv"},
      {"Мешканці Харкова чули вибухи.", "kharkiv"},
      {"Мешканці Києва чули вибухи.", "kyiv"},
      {"Вибухи пролунали в Києві.", "kyiv"},
      {"Делегация прибыла в Киев.", "kyiv"},
      {"Переговоры прошли в Киеве.", "kyiv"},
      {"Губернатор Синегубова не комментировал.", "syniehubov"},
      {"В Генштабе заявили о потерях.", "general-staff"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const cs::Article a = extracted(c.text);
    CAPTURE(entity_ids(a));
    CHECK(entity(a, c.id) != nullptr);
  }
}

TEST_CASE("mentions are shown as written and punctuation stays outside", "[multilingual]") {
  const struct {
    const char* text;
    const char* id;
    std::vector<std::string> mentions;
  } cases[] = {
      {"سيطر تنظيم الدولة الإسلامية على البلدة.", "islamic-state", {"الدولة الإسلامية"}},
      {"في دير الزور، هاجم داعش، مواقع للجيش.", "islamic-state", {"داعش"}},
      {"في دير الزور، هاجم داعش، مواقع للجيش.", "deir-ez-zor", {"دير الزور"}},
      {"قال المرصد السوري، إن القصف استمر.", "sohr", {"المرصد السوري"}},
      {"قال المرصد السوري لحقوق الإنسان إن القصف استمر.", "sohr", {"المرصد السوري لحقوق الإنسان"}},
      {"Вибухи пролунали в Києві.", "kyiv", {"Києві"}},
      {"Київ, Харків і Одеса.", "kyiv", {"Київ"}},
      {"Київ, Харків і Одеса.", "kharkiv", {"Харків"}},
      {"Обстрел в Харькове продолжался.", "kharkiv", {"Харькове"}},
      {"Об этом сообщил Олег Синєгубов.", "syniehubov", {"Олег Синєгубов"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text, c.id);
    const cs::Article a = extracted(c.text);
    CAPTURE(entity_ids(a));
    const cs::EntityMention* e = entity(a, c.id);
    REQUIRE(e != nullptr);
    CHECK(e->mentions == c.mentions);
  }
}

TEST_CASE("Arabic Russian and Ukrainian attributions give the cited source", "[multilingual]") {
  const struct {
    const char* text;
    const char* id;
  } cases[] = {
      {"قال المرصد السوري لحقوق الإنسان إن ثلاثة مدنيين قتلوا في القصف.", "sohr"},
      {"وقال المرصد السوري إن القصف استمر طوال الليل.", "sohr"},
      {"قُتل ثلاثة مدنيين، وفقاً لـ«المرصد السوري».", "sohr"},
      {"قُتل ثلاثة مدنيين وفقا للمرصد السوري.", "sohr"},
      {"قُتل ثلاثة مدنيين بحسب المرصد السوري.", "sohr"},
      {"По данным Генштаба, ночью были сбиты 20 дронов.", "general-staff"},
      {"Об этом сообщил губернатор Синегубов.", "syniehubov"},
      {"Синєгубов повідомив, що двоє людей отримали поранення.", "syniehubov"},
      {"За даними Генштабу, уночі збито 20 дронів.", "general-staff"},
      {"Олег Синєгубов повідомив про обстріл.", "syniehubov"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const cs::Article a = extracted(c.text);
    CAPTURE(entity_ids(a), source_ids(a));
    CHECK(has_source(a, c.id));
  }
}

TEST_CASE("dates mentioned in Arabic Russian and Ukrainian text", "[multilingual]") {
  const struct {
    const char* text;
    const char* written;
    const char* iso;
  } cases[] = {
      {"قُتل ثلاثة مدنيين في 12 آذار 2024 بقصف على دير الزور.", "12 آذار 2024", "2024-03-12"},
      {"قُتل ثلاثة مدنيين في ٣ شباط ٢٠٢٤ بقصف على دير الزور.", "٣ شباط ٢٠٢٤", "2024-02-03"},
      {"بدأ الهجوم في 8 تشرين الأول 2023 واستمر أياماً.", "8 تشرين الأول 2023", "2023-10-08"},
      {"سقطت البلدة يوم 7 آب/أغسطس 2023 بيد داعش.", "7 آب/أغسطس 2023", "2023-08-07"},
      {"وقع الانفجار في 23 أبريل 2024 قرب دير الزور.", "23 أبريل 2024", "2024-04-23"},
      {"Обстрел произошел 12 марта 2024 года в Харькове.", "12 марта 2024", "2024-03-12"},
      {"Обстріл стався 5 березня 2024 року в Харкові.", "5 березня 2024", "2024-03-05"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const cs::Article a = extracted(c.text);
    bool found = false;
    for (const auto& d : a.mentioned_dates) {
      CAPTURE(d.text, d.date.iso());
      if (d.date.iso() == c.iso) {
        found = true;
        CHECK(d.text == c.written);
      }
    }
    CHECK(found);
  }
  const cs::Article month = extracted("Обстрелы Харькова усилились в марте 2024 года.");
  bool found = false;
  for (const auto& d : month.mentioned_dates) {
    if (d.date.iso() == "2024-03") found = d.date.precision == cs::DatePrecision::kMonth;
  }
  CHECK(found);
}

TEST_CASE("clean_article stores the text with its letters as written", "[multilingual]") {
  const std::string nfc =
      "قُتِلَ ثلاثة مدنيين في إدلب، وأُصيب آخرون، وفقاً لـ«المرصد السوري».\n\n"
      "مـدينة الرقة تحت القصف منذ ١٢ آذار ٢٠٢٤.\n\n"
      "Ещё три человека пострадали в Харькове, сообщил губернатор Синегубов.\n\n"
      "У Києві та Харкові пролунали вибухи, повідомив Синєгубов; ґанок зруйновано.\n\n"
      "Assad’s forces shelled the café “Ḥamāh” – 2015–2016.";
  cs::Article a;
  a.id = "a";
  a.title = "Репортаж: «Київ» і الرقة";
  a.text = nfc;
  cs::clean_article(a);
  CHECK(a.text == nfc);
  CHECK(a.title == "Репортаж: «Київ» і الرقة");
  cs::Extractor(gazetteer()).extract(a);
  CHECK(a.text == nfc);

  // Decomposed input is stored composed (NFC), with nothing else changed; junk goes.
  cs::Article decomposed;
  decomposed.id = "d";
  decomposed.title = "Report";
  decomposed.text =
      "\uFEFF"
      "Е\u0308ще в Харькове: cafe\u0301 di\u00AD"
      "rect\u200B"
      "ly.\r\nقُتِلَ في إدلب.";
  cs::clean_article(decomposed);
  CHECK(decomposed.text == "Ёще в Харькове: café directly.\n\nقُتِلَ في إدلب.");
}
