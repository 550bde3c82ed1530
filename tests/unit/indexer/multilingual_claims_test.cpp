// Casualty claims in Russian, Ukrainian and Arabic sentences (indexer/claims.h with
// indexer/claim_words.h), through the Extractor as the indexer runs it: numbers in digits and
// words, outcomes before and after the number, victims, claimants named or as written, and the
// numbers that are no claims (things, dates, years, sub-counts).
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/schema.h"
#include "indexer/clean.h"
#include "indexer/extract.h"

namespace {

std::shared_ptr<const cs::Gazetteer> gazetteer() {
  static const auto kGazetteer = [] {
    const std::string tsv =
        "id\ttype\tcanonical\taliases\n"
        "deir-ez-zor\tplace\tDeir ez-Zor\tDeir ez-Zor|دير الزور\n"
        "gaza\tplace\tGaza\tGaza|غزة\n"
        "sohr\torg\tSyrian Observatory for Human Rights\tSyrian Observatory for Human "
        "Rights|المرصد السوري لحقوق الإنسان|المرصد السوري\n"
        "united-nations\torg\tUnited Nations\tUnited Nations|ООН|الأمم المتحدة\n"
        "kharkiv\tplace\tKharkiv\tKharkiv|Харків|Харьков|Харькове|Харкові\n"
        "kherson\tplace\tKherson\tKherson|Херсон|Херсона\n"
        "donetsk\tplace\tDonetsk\tDonetsk|Донецк|Донецке\n"
        "syniehubov\tperson\tOleh Syniehubov\tOleh Syniehubov|Олег Синегубов|Олег Синєгубов\n"
        "prokudin\tperson\tOleksandr Prokudin\tOleksandr Prokudin|Олександр Прокудін\n";
    std::vector<std::string> warnings;
    return std::make_shared<const cs::Gazetteer>(cs::Gazetteer::parse_tsv(tsv, warnings));
  }();
  return kGazetteer;
}

// The claims of `text` in the declared language `lang` ("" to let the text's script decide).
std::vector<cs::CasualtyClaim> claims_of(const std::string& text, const std::string& lang) {
  cs::Article a;
  a.id = "a";
  a.title = "Report";
  a.text = text;
  a.published = {2024, 5, 25, cs::DatePrecision::kDay};
  if (!lang.empty()) a.field_values[std::string(cs::schema::kLanguageField)] = {lang};
  cs::clean_article(a);
  cs::Extractor(gazetteer()).extract(a);
  return a.claims;
}

using cs::Outcome;
using cs::VictimClass;

struct Expected {
  Outcome outcome;
  std::int64_t low;
  std::int64_t high;
  const char* vague;
  const char* qualifier;
  const char* victims;  // as written
  VictimClass victim_class;
  const char* claimant;  // canonical or as written; "" for none
};

struct Case {
  const char* lang;
  const char* text;
  std::vector<Expected> claims;
};

}  // namespace

TEST_CASE("claims in Russian, Ukrainian and Arabic: sentence shapes", "[extract][claims]") {
  const Case cases[] = {
      // Russian: outcome before the number, a qualifier, a named claimant after the cue.
      {"ru",
       "В Харькове погибли по меньшей мере семь человек, ещё 16 получили ранения, сообщил глава "
       "области Олег Синегубов.",
       {{Outcome::kKilled, 7, 7, "", "at least", "человек", VictimClass::kUnspecified,
         "Oleh Syniehubov"},
        // "ещё 16": more of the people counted before.
        {Outcome::kWounded, 16, 16, "", "", "человек", VictimClass::kUnspecified,
         "Oleh Syniehubov"}}},
      // Thousands set off by a space; "по данным" names the claimant before the figure.
      {"ru",
       "По данным ООН, с начала войны погибли более 10 000 мирных жителей.",
       {{Outcome::kKilled, 10000, 10000, "", "more than", "мирных жителей", VictimClass::kCivilians,
         "United Nations"}}},
      // A date's day and a count of missiles are no claims; the outcome after the number.
      {"ru",
       "12 марта в Донецке 3 мирных жителя погибли. Войска выпустили 20 ракет.",
       {{Outcome::kKilled, 3, 3, "", "", "мирных жителя", VictimClass::kCivilians, ""}}},
      // "уничтожены" counts people only when they are named.
      {"ru",
       "Уничтожены более 300 боевиков. Уничтожены 3 склада.",
       {{Outcome::kKilled, 300, 300, "", "more than", "боевиков", VictimClass::kArmedGroup, ""}}},
      // Abbreviated thousands do not end the sentence.
      {"ru",
       "С начала войны погибли более 10 тыс. человек, сообщили в ООН.",
       {{Outcome::kKilled, 10000, 10000, "", "more than", "человек", VictimClass::kUnspecified,
         "United Nations"}}},
      // A vague quantity; the claimant as written after "заявили в".
      {"ru",
       "Десятки человек пострадали, заявили в региональном штабе.",
       {{Outcome::kWounded, 0, 0, "десятки", "", "человек", VictimClass::kUnspecified,
         "региональном штабе"}}},
      // Ukrainian: collective numerals, a sub-count left alone.
      {"uk",
       "Внаслідок обстрілу Херсона загинули двоє людей, ще п'ятеро отримали поранення, повідомив "
       "Олександр Прокудін.",
       {{Outcome::kKilled, 2, 2, "", "", "людей", VictimClass::kUnspecified, "Oleksandr Prokudin"},
        {Outcome::kWounded, 5, 5, "", "", "людей", VictimClass::kUnspecified,
         "Oleksandr Prokudin"}}},
      {"uk",
       "У Харкові було поранено 8 осіб, серед них троє дітей.",
       {{Outcome::kWounded, 8, 8, "", "", "осіб", VictimClass::kUnspecified, ""}}},
      // The next sentence names who reported it; an age is no count.
      {"uk",
       "У Херсоні загинули троє людей. Про це повідомив Олександр Прокудін. Серед загиблих — "
       "12-річна дитина.",
       {{Outcome::kKilled, 3, 3, "", "", "людей", VictimClass::kUnspecified,
         "Oleksandr Prokudin"}}},
      {"ru",
       "Двое мирных жителей погибли. Об этом сообщил глава города в своем канале.",
       {{Outcome::kKilled, 2, 2, "", "", "мирных жителей", VictimClass::kCivilians,
         "глава города"}}},
      // A year is no count: the figure after it is.
      {"uk",
       "З 2022 року загинули понад 500 дітей.",
       {{Outcome::kKilled, 500, 500, "", "over", "дітей", VictimClass::kChildren, ""}}},
      // Arabic: outcome after the number with "at least" after the noun, and before it behind
      // a clitic, with the claimant of the sentence.
      {"ar",
       "قال المرصد السوري لحقوق الإنسان إن 15 شخصا على الأقل قتلوا وأصيب أكثر من 20 آخرين في "
       "دير الزور.",
       {{Outcome::kKilled, 15, 15, "", "at least", "شخصا", VictimClass::kUnspecified,
         "Syrian Observatory for Human Rights"},
        {Outcome::kWounded, 20, 20, "", "more than", "آخرين", VictimClass::kUnspecified,
         "Syrian Observatory for Human Rights"}}},
      // The claimant as written; the noun the number counts, outside the lexicon.
      {"ar",
       "استشهد 25 فلسطينيا بينهم 10 أطفال في غزة، بحسب وزارة الصحة.",
       {{Outcome::kKilled, 25, 25, "", "", "فلسطينيا", VictimClass::kUnspecified, "وزارة الصحة"}}},
      // Number words: a teen, a bare million.
      {"ar",
       "أصيب خمسة عشر جنديا. وقالت الأمم المتحدة إن أكثر من مليون شخص نزحوا.",
       {{Outcome::kWounded, 15, 15, "", "", "جنديا", VictimClass::kGovernmentForces, ""},
        {Outcome::kDisplaced, 1000000, 1000000, "", "more than", "شخص", VictimClass::kUnspecified,
         "United Nations"}}},
      // A sub-count after "among them" is no claim of its own; a vague quantity with the article.
      {"ar",
       "ارتفعت حصيلة الشهداء في غزة إلى 47 شهيدا، بينهم 18 طفلا. وأشارت الأمم المتحدة إلى إصابة "
       "العشرات بجروح.",
       {{Outcome::kKilled, 47, 47, "", "", "", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 0, 0, "العشرات", "", "", VictimClass::kUnspecified, "United Nations"}}},
      // The outcome right before a number wins over one after it; places and hospitals are
      // no people.
      {"ar",
       "أسفر القصف عن مقتل 5 وإصابة 10 آخرين في 3 أحياء من المدينة.",
       {{Outcome::kKilled, 5, 5, "", "", "", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 10, 10, "", "", "آخرين", VictimClass::kUnspecified, ""}}},
      {"ru",
       "В 5 районах погибли люди. Ранены 5 человек и погибли 2. Их доставили в 2 больницы.",
       {{Outcome::kWounded, 5, 5, "", "", "человек", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 2, 2, "", "", "", VictimClass::kUnspecified, ""}}},
      // People set free or exchanged are no casualties; "госпитализированы" is no hospital.
      {"ru",
       "Российская сторона передала Украине 90 пленных. Погибли 137 человек, более 180 "
       "госпитализированы.",
       {{Outcome::kKilled, 137, 137, "", "", "человек", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 180, 180, "", "more than", "", VictimClass::kUnspecified, ""}}},
      {"ar", "أطلق سراح 39 أسيرا فلسطينيا ضمن صفقة التبادل.", {}},
      // "and" written onto a figure; the outcome word after the first count is its own.
      {"ar",
       "سقوط 3 قتلى و5 جرحى في انفجار.",
       {{Outcome::kKilled, 3, 3, "", "", "", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 5, 5, "", "", "", VictimClass::kUnspecified, ""}}},
      // A dual counts two by its noun.
      {"ar",
       "وأسفر الهجوم عن مقتل شخصين وإصابة 7 آخرين.",
       {{Outcome::kKilled, 2, 2, "", "", "شخصين", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 7, 7, "", "", "آخرين", VictimClass::kUnspecified, ""}}},
      // Numbers of no people: a model, a clock time, houses after an adjective, depots, a house
      // and a ward number, a period; the outcome before the next count is that count's.
      {"ru",
       "При крушении Ил-76 погибли 65 человек. В 14:30 погибли двое. Пострадали 10 жилых домов. "
       "Уничтожены 3 военных склада. Больного доставили в больницу № 3. Мужчина погиб в доме 15 "
       "по улице Садовой. Около 200 жителей села были эвакуированы.",
       {{Outcome::kKilled, 65, 65, "", "", "человек", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 2, 2, "", "", "", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 1, 1, "", "", "Мужчина", VictimClass::kUnspecified, ""},
        {Outcome::kDisplaced, 200, 200, "", "around", "жителей", VictimClass::kCivilians, ""}}},
      {"uk",
       "Пошкоджено 12 приватних будинків та загинули 3 людини. Близько 5 ранку загинули двоє "
       "людей.",
       {{Outcome::kKilled, 3, 3, "", "", "людини", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 2, 2, "", "", "людей", VictimClass::kUnspecified, ""}}},
      // What was said after the cue names no claimant: the speaker before the cue does.
      {"ru",
       "Олег Синегубов заявил, что ООН молчит, а погибли 4 человека.",
       {{Outcome::kKilled, 4, 4, "", "", "человека", VictimClass::kUnspecified,
         "Oleh Syniehubov"}}},
      // A year with a noun after it is still a year; rockets are things.
      {"ar",
       "في 2014 سيطر التنظيم على الموصل. سقوط 5 صواريخ وإصابة 3 أشخاص.",
       {{Outcome::kWounded, 3, 3, "", "", "أشخاص", VictimClass::kUnspecified, ""}}},
      // One person by a singular noun; not when negated, not the one who did it.
      {"ru",
       "В результате обстрела погиб мужчина. Ребенок не пострадал. Мужчина убил соседа.",
       {{Outcome::kKilled, 1, 1, "", "", "мужчина", VictimClass::kUnspecified, ""}}},
      {"uk",
       "Внаслідок атаки загинула жінка, ще двоє людей поранені.",
       {{Outcome::kKilled, 1, 1, "", "", "жінка", VictimClass::kCivilians, ""},
        {Outcome::kWounded, 2, 2, "", "", "людей", VictimClass::kUnspecified, ""}}},
      {"ar",
       "استشهد طفل في قصف على غزة. قتل رجل زوجته.",
       {{Outcome::kKilled, 1, 1, "", "", "طفل", VictimClass::kChildren, ""}}},
      // "Hit" counts people only when they are named.
      {"ru",
       "От санкций пострадали 12 крупных банков. В Белгороде пострадали 14 человек.",
       {{Outcome::kWounded, 14, 14, "", "", "человек", VictimClass::kUnspecified, ""}}},
      {"uk",
       "Від санкцій постраждали 12 банків. Є 5 постраждалих.",
       {{Outcome::kWounded, 5, 5, "", "", "", VictimClass::kUnspecified, ""}}},
      // A source that opened the sentence before, in the same paragraph, is the claimant.
      {"ru",
       "По данным ООН, за неделю погибли 20 человек. Еще 35 человек ранены.\n\nВ Донецке "
       "погибли 3 человека.",
       {{Outcome::kKilled, 20, 20, "", "", "человек", VictimClass::kUnspecified, "United Nations"},
        {Outcome::kWounded, 35, 35, "", "", "человек", VictimClass::kUnspecified, "United Nations"},
        {Outcome::kKilled, 3, 3, "", "", "человека", VictimClass::kUnspecified, ""}}},
      // A collective numeral counts people by itself.
      {"ru",
       "Погибли два человека, еще семеро пострадали.",
       {{Outcome::kKilled, 2, 2, "", "", "человека", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 7, 7, "", "", "человека", VictimClass::kUnspecified, ""}}},
      // Ukrainian words read as Russian (a detector's mistake) still count, and the reverse.
      {"ru",
       "Загинули троє людей.",
       {{Outcome::kKilled, 3, 3, "", "", "людей", VictimClass::kUnspecified, ""}}},
      {"uk",
       "Погибли семь человек.",
       {{Outcome::kKilled, 7, 7, "", "", "человек", VictimClass::kUnspecified, ""}}},
      // Missiles, a year and a month day: nothing.
      {"ar", "أطلقت القوات 20 صاروخا على المدينة في عام 2023 يوم 5 مارس.", {}},
      // What would have happened is no claim; "Би-би-си" holds no conditional "би".
      {"ru", "Если бы ракета попала в жилой дом, могли погибнуть десятки людей, заявил мэр.", {}},
      {"uk", "Якби ракета влучила в лікарню, загинули б десятки людей.", {}},
      {"ar", "لو استمر القصف لسقط مئات الضحايا.", {}},
      // An initial is no conditional particle; a headline tag is no source.
      {"uk",
       "На вулиці Б. Хмельницького загинули двоє людей.",
       {{Outcome::kKilled, 2, 2, "", "", "людей", VictimClass::kUnspecified, ""}}},
      {"ar",
       "عاجل: مقتل 5 أشخاص في دير الزور.",
       {{Outcome::kKilled, 5, 5, "", "", "أشخاص", VictimClass::kUnspecified, ""}}},
      {"ru",
       "Би-би-си сообщила, что погибли 12 человек.",
       {{Outcome::kKilled, 12, 12, "", "", "человек", VictimClass::kUnspecified, ""}}},
      // Groups joined by "and" are claims of their own; "ще N" are more of the group before.
      {"uk",
       "Через обстріл загинули шестеро цивільних та двоє рятувальників.",
       {{Outcome::kKilled, 6, 6, "", "", "цивільних", VictimClass::kCivilians, ""},
        {Outcome::kKilled, 2, 2, "", "", "рятувальників", VictimClass::kCivilians, ""}}},
      {"uk",
       "Внаслідок атаки дрона загинули чоловік і жінка.",
       {{Outcome::kKilled, 1, 1, "", "", "чоловік", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 1, 1, "", "", "жінка", VictimClass::kCivilians, ""}}},
      {"uk",
       "Внаслідок обстрілу Херсона загинули двоє цивільних, ще п'ятеро поранені.",
       {{Outcome::kKilled, 2, 2, "", "", "цивільних", VictimClass::kCivilians, ""},
        {Outcome::kWounded, 5, 5, "", "", "цивільних", VictimClass::kCivilians, ""}}},
      // A dual that says what happened, a number word with "and" written onto it; the outcome
      // before a noun that comes before its number; "others" of the class before.
      {"ar",
       "أعلنت الوكالة سقوط شهيدين وثلاثة جرحى في غارة على البلدة.",
       {{Outcome::kKilled, 2, 2, "", "", "شهيدين", VictimClass::kUnspecified, "الوكالة"},
        {Outcome::kWounded, 3, 3, "", "", "", VictimClass::kUnspecified, "الوكالة"}}},
      {"ar",
       "أفادت الوكالة باستشهاد مدنيين اثنين وإصابة ثلاثة آخرين.",
       {{Outcome::kKilled, 2, 2, "", "", "مدنيين", VictimClass::kCivilians, "الوكالة"},
        {Outcome::kWounded, 3, 3, "", "", "آخرين", VictimClass::kCivilians, "الوكالة"}}},
      // The group after "من عناصر" gives the class; a vague Arabic word as written.
      {"ar",
       "قتل 4 من عناصر الشرطة في التفجير. أصيب مئات الأشخاص.",
       {{Outcome::kKilled, 4, 4, "", "", "من عناصر الشرطة", VictimClass::kGovernmentForces, ""},
        {Outcome::kWounded, 0, 0, "مئات", "", "الأشخاص", VictimClass::kUnspecified, ""}}},
      // A range "от ... до"; a source in quotes after its cue; a source before a colon.
      {"ru",
       "В результате авиаудара уничтожены от 25 до 30 террористов.",
       {{Outcome::kKilled, 25, 30, "", "", "террористов", VictimClass::kArmedGroup, ""}}},
      {"ru",
       "По подсчетам «Медиазоны», погибли не менее 50 тысяч военнослужащих.",
       {{Outcome::kKilled, 50000, 50000, "", "at least", "военнослужащих",
         VictimClass::kGovernmentForces, "Медиазоны"}}},
      {"ru",
       "Богомаз: в результате удара дронов по селу пострадали двое мирных жителей.",
       {{Outcome::kWounded, 2, 2, "", "", "мирных жителей", VictimClass::kCivilians, "Богомаз"}}},
      // Tens and hundreds in their cases, a decimal comma before a scale, oblique and teen
      // collectives; a source signed after a dash.
      {"ru",
       "Свыше ста пятидесяти человек получили ранения. Погибли 1,2 тысячи человек.",
       {{Outcome::kWounded, 150, 150, "", "over", "человек", VictimClass::kUnspecified, ""},
        {Outcome::kKilled, 1200, 1200, "", "", "человек", VictimClass::kUnspecified, ""}}},
      {"uk",
       "Внаслідок обстрілів поранено дев'ятьох мешканців. Одинадцятеро людей загинули.",
       {{Outcome::kWounded, 9, 9, "", "", "мешканців", VictimClass::kCivilians, ""},
        {Outcome::kKilled, 11, 11, "", "", "людей", VictimClass::kUnspecified, ""}}},
      {"uk",
       "П'ятеро людей дістали поранення внаслідок удару по Сумах, — Сумська ОВА.",
       {{Outcome::kWounded, 5, 5, "", "", "людей", VictimClass::kUnspecified, "Сумська ОВА"}}},
      // Arabic duals of a noun and of a thousand, a range written "بين X وY", and "قد" before
      // an imperfect verb: what may happen.
      {"ar",
       "قتل شرطيان في الهجوم. نزح قرابة ألفي شخص من القرى. أصيب بين ٦٠ و٧٠ شخصا في القصف.",
       {{Outcome::kKilled, 2, 2, "", "", "شرطيان", VictimClass::kGovernmentForces, ""},
        {Outcome::kDisplaced, 2000, 2000, "", "nearly", "شخص", VictimClass::kUnspecified, ""},
        {Outcome::kWounded, 60, 70, "", "", "شخصا", VictimClass::kUnspecified, ""}}},
      {"ar", "حذرت المنظمة من أن أي هجوم على المدينة قد يؤدي إلى سقوط آلاف الضحايا.", {}},
      // The language read from the script when none is declared.
      {"",
       "حصيلة القتلى بلغت 12 قتيلا في دير الزور.",
       {{Outcome::kKilled, 12, 12, "", "", "", VictimClass::kUnspecified, ""}}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::vector<cs::CasualtyClaim> claims = claims_of(c.text, c.lang);
    REQUIRE(claims.size() == c.claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const cs::CasualtyClaim& got = claims[i];
      const Expected& want = c.claims[i];
      INFO("claim " << i << ": " << got.number);
      CHECK(got.outcome == want.outcome);
      CHECK(got.low == want.low);
      CHECK(got.high == want.high);
      CHECK(got.vague == want.vague);
      CHECK(got.qualifier == want.qualifier);
      CHECK(got.victims == want.victims);
      CHECK(got.victim_class == want.victim_class);
      CHECK(got.claimant.name == want.claimant);
    }
  }
}

TEST_CASE("claims in Russian: the outlet told is not the source", "[extract][claims]") {
  // The bundled gazetteer, which knows TASS and RIA Novosti as media.
  const std::shared_ptr<const cs::Gazetteer> bundled(&cs::default_gazetteer(),
                                                     [](const cs::Gazetteer*) {});
  const struct {
    const char* text;
    const char* claimant;
  } cases[] = {
      {"Три мирных жителя погибли при обстреле, сообщил ТАСС глава города Иван Приходько.",
       "глава города Иван Приходько"},
      {"Пять человек погибли при обрушении, сообщили РИА Новости в МЧС России.",
       "Russian Emergencies Ministry"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    cs::Article a;
    a.id = "a";
    a.title = "Report";
    a.text = c.text;
    a.field_values[std::string(cs::schema::kLanguageField)] = {"ru"};
    cs::clean_article(a);
    cs::Extractor(bundled).extract(a);
    REQUIRE(a.claims.size() == 1);
    CHECK(a.claims[0].claimant.name == c.claimant);
  }
}

TEST_CASE("claims in Russian and Arabic keep their sentence and place", "[extract][claims]") {
  const auto claims = claims_of("В Харькове погибли семь человек.", "ru");
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].place.id == "kharkiv");
  CHECK(claims[0].sentence == "В Харькове погибли семь человек.");
  CHECK(claims[0].sentence.substr(claims[0].number_begin,
                                  claims[0].number_end - claims[0].number_begin) == "семь");
  const auto arabic = claims_of("مقتل ١٥ شخصا في دير الزور.", "ar");  // Arabic-Indic digits
  REQUIRE(arabic.size() == 1);
  CHECK(arabic[0].low == 15);
  CHECK(arabic[0].place.id == "deir-ez-zor");
  CHECK(arabic[0].number == "١٥");
}

TEST_CASE("claims in English ignore the other languages' words", "[extract][claims]") {
  // An English article with a Russian quotation reads it with the English patterns only.
  CHECK(claims_of("The governor wrote: погибли семь человек.", "en").empty());
  // Spaced digits stay two numbers before a Latin word, and a year before a count is a date.
  const auto english = claims_of("In 2014 300 people were killed.", "en");
  REQUIRE(english.size() == 1);
  CHECK(english[0].low == 300);
}
