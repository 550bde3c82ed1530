#include "indexer/claim_words.h"

#include <string>
#include <utility>
#include <vector>

#include "core/normalize.h"

namespace cs {

namespace {

// One stem as listed: its text as written (folded when the table is built) and what it means.
template <typename Value>
struct Listed {
  std::string_view stem;
  Value value;
};

// A stem folded for matching: exact when listed with a trailing '$'.
template <typename Value>
struct Stem {
  std::string folded;
  bool exact = false;
  Value value;
};

template <typename Value>
using Stems = std::vector<Stem<Value>>;

template <typename Value, std::size_t N>
Stems<Value> fold_stems(const Listed<Value> (&listed)[N]) {
  Stems<Value> stems;
  for (const Listed<Value>& l : listed) {
    const bool exact = l.stem.ends_with('$');
    std::string folded = fold_word(exact ? l.stem.substr(0, l.stem.size() - 1) : l.stem);
    if (!folded.empty()) stems.push_back({std::move(folded), exact, l.value});
  }
  return stems;
}

template <typename Value>
const Stem<Value>* find_stem(const Stems<Value>& stems, std::string_view word) {
  for (const Stem<Value>& s : stems) {
    if (s.exact ? word == s.folded : word.starts_with(s.folded)) return &s;
  }
  return nullptr;
}

// Arabic clitics written onto a word, longest first: "and", "so", "with", "for" and the
// article. A form is tried only when at least three letters (six bytes) remain.
constexpr std::string_view kArabicClitics[] = {"وال", "فال", "بال", "كال", "لل",
                                               "ال",  "و",   "ف",   "ب",   "ل"};
constexpr std::size_t kMinArabicRestBytes = 6;

// The stem of `stems` that `word` (or, in Arabic, `word` without its clitics) starts with.
template <typename Value>
const Stem<Value>* lookup(ClaimLanguage language, const Stems<Value>& stems,
                          std::string_view word) {
  if (const Stem<Value>* s = find_stem(stems, word)) return s;
  if (language != ClaimLanguage::kArabic) return nullptr;
  for (std::string_view clitic : kArabicClitics) {
    if (!word.starts_with(clitic) || word.size() < clitic.size() + kMinArabicRestBytes) continue;
    if (const Stem<Value>* s = find_stem(stems, word.substr(clitic.size()))) return s;
  }
  return nullptr;
}

using O = Outcome;
using V = VictimClass;

constexpr Listed<Outcome> kRussianOutcomes[] = {
    {"погиб", O::kKilled},       {"гибел", O::kKilled},        {"убит", O::kKilled},
    {"убил", O::kKilled},        {"жертв", O::kKilled},        {"скончал", O::kKilled},
    {"застрелен", O::kKilled},   {"казнен", O::kKilled},       {"ранен", O::kWounded},
    {"ранил", O::kWounded},      {"пострадавш", O::kWounded},  {"травм", O::kWounded},
    {"госпитализ", O::kWounded}, {"плен", O::kCaptured},       {"похищ", O::kCaptured},
    {"пропал", O::kMissing},     {"пропавш", O::kMissing},     {"эвакуир", O::kDisplaced},
    {"беженц", O::kDisplaced},   {"переселен", O::kDisplaced}, {"тела$", O::kKilled},
    {"тел$", O::kKilled}};

constexpr Listed<Outcome> kUkrainianOutcomes[] = {
    {"загин", O::kKilled},          {"загибл", O::kKilled},        {"вбит", O::kKilled},
    {"вбил", O::kKilled},           {"вбив", O::kKilled},          {"жертв", O::kKilled},
    {"помер", O::kKilled},          {"страчен", O::kKilled},       {"поранен", O::kWounded},
    {"поранил", O::kWounded},       {"ранен", O::kWounded},        {"травм", O::kWounded},
    {"постраждалих$", O::kWounded}, {"постраждалі$", O::kWounded}, {"госпіталіз", O::kWounded},
    {"полон", O::kCaptured},        {"викраден", O::kCaptured},    {"зник", O::kMissing},
    {"безвіст", O::kMissing},       {"евакуйов", O::kDisplaced},   {"біженц", O::kDisplaced},
    {"переселен", O::kDisplaced},   {"тіла$", O::kKilled},         {"тіл$", O::kKilled}};

constexpr Listed<Outcome> kArabicOutcomes[] = {
    {"قتل", O::kKilled},     {"مقتل", O::kKilled},    {"قتيل", O::kKilled},
    {"يقتل", O::kKilled},    {"استشهد", O::kKilled},  {"شهيد", O::kKilled},
    {"شهداء", O::kKilled},   {"مصرع", O::kKilled},    {"حتف", O::kKilled},
    {"ضحايا", O::kKilled},   {"أصيب", O::kWounded},   {"إصاب", O::kWounded},
    {"يصاب", O::kWounded},   {"جرحى", O::kWounded},   {"جريح", O::kWounded},
    {"جرح", O::kWounded},    {"مصاب", O::kWounded},   {"أسرى", O::kCaptured},
    {"أسير", O::kCaptured},  {"اختطف", O::kCaptured}, {"مخطوف", O::kCaptured},
    {"مفقود", O::kMissing},  {"نزح", O::kDisplaced},  {"نزوح", O::kDisplaced},
    {"نازح", O::kDisplaced}, {"مهجر", O::kDisplaced}, {"تهجير", O::kDisplaced},
    {"مشرد", O::kDisplaced}, {"جثث", O::kKilled},     {"جثة", O::kKilled},
    {"جثامين", O::kKilled},  {"جروح", O::kWounded},   {"استشهاد", O::kKilled},
    {"توفي$", O::kKilled},   {"توفيت$", O::kKilled},  {"توفوا$", O::kKilled},
    {"توفيا$", O::kKilled},  {"وفاة$", O::kKilled},   {"وفيات$", O::kKilled},
    {"شهيدين$", O::kKilled}, {"شهيدان$", O::kKilled}};

// Outcomes that count people only when victims are named: "уничтожены 300 боевиков" says
// fighters were killed, "уничтожены 3 склада" says nothing of people; "пострадали 14 человек"
// were hurt, "пострадали 12 банков" were not.
constexpr Listed<Outcome> kRussianEliminations[] = {{"пострадал", O::kWounded},
                                                    {"уничтож", O::kKilled},
                                                    {"ликвидир", O::kKilled},
                                                    {"вывез", O::kDisplaced}};
constexpr Listed<Outcome> kUkrainianEliminations[] = {{"постраждал", O::kWounded},
                                                      {"знищ", O::kKilled},
                                                      {"ліквід", O::kKilled},
                                                      {"вивез", O::kDisplaced},
                                                      {"евакуювал", O::kDisplaced}};
constexpr Listed<Outcome> kArabicEliminations[] = {{"تصفية", O::kKilled}, {"تحييد", O::kKilled}};

constexpr Listed<VictimClass> kRussianVictims[] = {{"человек", V::kUnspecified},
                                                   {"людей", V::kUnspecified},
                                                   {"люди", V::kUnspecified},
                                                   {"мирн", V::kCivilians},
                                                   {"гражданск", V::kCivilians},
                                                   {"жител", V::kCivilians},
                                                   {"дет", V::kChildren},
                                                   {"ребен", V::kChildren},
                                                   {"ребён", V::kChildren},
                                                   {"военн", V::kGovernmentForces},
                                                   {"солдат", V::kGovernmentForces},
                                                   {"боевик", V::kArmedGroup},
                                                   {"террорист", V::kArmedGroup},
                                                   {"наемник", V::kArmedGroup},
                                                   {"ополченц", V::kArmedGroup},
                                                   {"женщин", V::kCivilians},
                                                   {"мужчин", V::kUnspecified},
                                                   {"пенсионер", V::kCivilians},
                                                   {"журналист", V::kCivilians},
                                                   {"медик", V::kCivilians},
                                                   {"врач", V::kCivilians},
                                                   {"подрост", V::kChildren},
                                                   {"полицейск", V::kGovernmentForces},
                                                   {"пограничник", V::kGovernmentForces},
                                                   {"мобилизован", V::kGovernmentForces},
                                                   {"взросл", V::kUnspecified},
                                                   {"военнослужащ", V::kGovernmentForces}};

constexpr Listed<VictimClass> kUkrainianVictims[] = {{"людей", V::kUnspecified},
                                                     {"люди", V::kUnspecified},
                                                     {"осіб", V::kUnspecified},
                                                     {"особ", V::kUnspecified},
                                                     {"мирн", V::kCivilians},
                                                     {"цивільн", V::kCivilians},
                                                     {"жител", V::kCivilians},
                                                     {"мешканц", V::kCivilians},
                                                     {"діт", V::kChildren},
                                                     {"дитин", V::kChildren},
                                                     {"військов", V::kGovernmentForces},
                                                     {"солдат", V::kGovernmentForces},
                                                     {"бойовик", V::kArmedGroup},
                                                     {"терорист", V::kArmedGroup},
                                                     {"найманц", V::kArmedGroup},
                                                     {"жінк", V::kCivilians},
                                                     {"жінок", V::kCivilians},
                                                     {"чоловік", V::kUnspecified},
                                                     {"пенсіонер", V::kCivilians},
                                                     {"журналіст", V::kCivilians},
                                                     {"медик", V::kCivilians},
                                                     {"рятувальник", V::kCivilians},
                                                     {"підліт", V::kChildren},
                                                     {"поліцейськ", V::kGovernmentForces},
                                                     {"прикордонник", V::kGovernmentForces},
                                                     {"військовослужбов", V::kGovernmentForces},
                                                     {"мобілізован", V::kGovernmentForces},
                                                     {"дорослих", V::kUnspecified},
                                                     {"дорослі", V::kUnspecified}};

constexpr Listed<VictimClass> kArabicVictims[] = {
    {"شخص", V::kUnspecified},       {"أشخاص", V::kUnspecified},
    {"آخرين", V::kUnspecified},     {"مدني", V::kCivilians},
    {"مواطن", V::kCivilians},       {"أطفال", V::kChildren},
    {"طفل", V::kChildren},          {"جندي", V::kGovernmentForces},
    {"جنود", V::kGovernmentForces}, {"عسكري", V::kGovernmentForces},
    {"مسلح", V::kArmedGroup},       {"عناصر", V::kUnspecified},
    {"عنصر", V::kUnspecified},      {"مقاتل", V::kArmedGroup},
    {"إرهابي", V::kArmedGroup},     {"نساء", V::kCivilians},
    {"امرأة", V::kCivilians},       {"سيدة", V::kCivilians},
    {"صحفي", V::kCivilians},        {"مسعف", V::kCivilians},
    {"شرطي", V::kGovernmentForces}, {"رجال", V::kUnspecified},
    {"جيش", V::kGovernmentForces},  {"شرطة", V::kGovernmentForces}};
// Nouns that count people by themselves: one (a lone "мужчина", "дитина", "طفل") or two (Arabic
// duals whose plural is written differently, so the word can only mean two).
constexpr Listed<NounCount> kRussianNounCounts[] = {{"мужчина$", {1, V::kUnspecified}},
                                                    {"мужчину$", {1, V::kUnspecified}},
                                                    {"женщина$", {1, V::kCivilians}},
                                                    {"женщину$", {1, V::kCivilians}},
                                                    {"ребенок$", {1, V::kChildren}},
                                                    {"ребенка$", {1, V::kChildren}},
                                                    {"подросток$", {1, V::kChildren}},
                                                    {"подростка$", {1, V::kChildren}},
                                                    {"военнослужащий$", {1, V::kGovernmentForces}},
                                                    {"военнослужащего$", {1, V::kGovernmentForces}},
                                                    {"житель$", {1, V::kCivilians}},
                                                    {"жительница$", {1, V::kCivilians}},
                                                    {"пенсионер$", {1, V::kCivilians}},
                                                    {"пенсионерка$", {1, V::kCivilians}},
                                                    {"водитель$", {1, V::kCivilians}},
                                                    {"полицейский$", {1, V::kGovernmentForces}}};
constexpr Listed<NounCount> kUkrainianNounCounts[] = {
    {"чоловік$", {1, V::kUnspecified}},
    {"чоловіка$", {1, V::kUnspecified}},
    {"жінка$", {1, V::kCivilians}},
    {"жінку$", {1, V::kCivilians}},
    {"дитина$", {1, V::kChildren}},
    {"дитину$", {1, V::kChildren}},
    {"підліток$", {1, V::kChildren}},
    {"підлітка$", {1, V::kChildren}},
    {"людина$", {1, V::kUnspecified}},
    {"людину$", {1, V::kUnspecified}},
    {"військовий$", {1, V::kGovernmentForces}},
    {"військового$", {1, V::kGovernmentForces}},
    {"мешканець$", {1, V::kCivilians}},
    {"мешканка$", {1, V::kCivilians}},
    {"пенсіонер$", {1, V::kCivilians}},
    {"пенсіонерка$", {1, V::kCivilians}},
    {"водій$", {1, V::kCivilians}},
    {"поліцейський$", {1, V::kGovernmentForces}},
    {"військовослужбовець$", {1, V::kGovernmentForces}},
    {"військовослужбовця$", {1, V::kGovernmentForces}},
    {"боєць$", {1, V::kGovernmentForces}},
    {"бійця$", {1, V::kGovernmentForces}}};
constexpr Listed<NounCount> kArabicNounCounts[] = {{"طفل$", {1, V::kChildren}},
                                                   {"طفلة$", {1, V::kChildren}},
                                                   {"شاب$", {1, V::kUnspecified}},
                                                   {"رجل$", {1, V::kUnspecified}},
                                                   {"امرأة$", {1, V::kCivilians}},
                                                   {"سيدة$", {1, V::kCivilians}},
                                                   {"مدني$", {1, V::kCivilians}},
                                                   {"جندي$", {1, V::kGovernmentForces}},
                                                   {"شخص$", {1, V::kUnspecified}},
                                                   {"مواطن$", {1, V::kCivilians}},
                                                   {"مواطنة$", {1, V::kCivilians}},
                                                   {"صحفي$", {1, V::kCivilians}},
                                                   {"مسعف$", {1, V::kCivilians}},
                                                   {"شخصين$", {2, V::kUnspecified}},
                                                   {"شخصان$", {2, V::kUnspecified}},
                                                   {"طفلين$", {2, V::kChildren}},
                                                   {"طفلان$", {2, V::kChildren}},
                                                   {"جنديين$", {2, V::kGovernmentForces}},
                                                   {"جنديان$", {2, V::kGovernmentForces}},
                                                   {"امرأتين$", {2, V::kCivilians}},
                                                   {"رجلين$", {2, V::kUnspecified}},
                                                   {"عنصرين$", {2, V::kUnspecified}},
                                                   {"شقيقين$", {2, V::kUnspecified}},
                                                   {"شهيدين$", {2, V::kUnspecified}},
                                                   {"شهيدان$", {2, V::kUnspecified}},
                                                   {"شرطيان$", {2, V::kGovernmentForces}},
                                                   {"مدنيان$", {2, V::kCivilians}},
                                                   {"عسكريان$", {2, V::kGovernmentForces}},
                                                   {"مسلحان$", {2, V::kArmedGroup}},
                                                   {"صحفيان$", {2, V::kCivilians}},
                                                   {"مسعفان$", {2, V::kCivilians}},
                                                   {"رجلان$", {2, V::kUnspecified}},
                                                   {"امرأتان$", {2, V::kCivilians}},
                                                   {"طفلتان$", {2, V::kChildren}},
                                                   {"طفلتين$", {2, V::kChildren}},
                                                   {"شابان$", {2, V::kUnspecified}},
                                                   {"شابين$", {2, V::kUnspecified}}};

// Collective numerals, which count people only ("семеро пострадали": seven people).
constexpr Listed<bool> kRussianCollectives[] = {
    {"двое$", true},      {"трое$", true},     {"четверо$", true},  {"пятеро$", true},
    {"шестеро$", true},   {"семеро$", true},   {"восьмеро$", true}, {"девятеро$", true},
    {"десятеро$", true},  {"двоих$", true},    {"троих$", true},    {"четверых$", true},
    {"пятерых$", true},   {"шестерых$", true}, {"семерых$", true},  {"восьмерых$", true},
    {"девятерых$", true}, {"десятерых$", true}};
constexpr Listed<bool> kUkrainianCollectives[] = {
    {"двоє$", true},           {"троє$", true},           {"четверо$", true},
    {"п'ятеро$", true},        {"шестеро$", true},        {"семеро$", true},
    {"восьмеро$", true},       {"дев'ятеро$", true},      {"десятеро$", true},
    {"п'ятьох$", true},        {"шістьох$", true},        {"сімох$", true},
    {"вісьмох$", true},        {"дев'ятьох$", true},      {"десятьох$", true},
    {"одинадцятеро$", true},   {"дванадцятеро$", true},   {"тринадцятеро$", true},
    {"чотирнадцятеро$", true}, {"п'ятнадцятеро$", true},  {"шістнадцятеро$", true},
    {"сімнадцятеро$", true},   {"вісімнадцятеро$", true}, {"дев'ятнадцятеро$", true},
    {"двадцятеро$", true},     {"тридцятеро$", true}};
// Arabic has none: an empty stem, which fold_stems leaves out (a C array cannot be empty).
constexpr Listed<bool> kNoCollectives[] = {{"", true}};

// Outcome words that say someone did the harm ("мужчина убил", "قتل رجل زوجته" may be a man who
// killed): they never count the noun beside them as one victim.
constexpr Listed<bool> kRussianActive[] = {{"убил", true}, {"ранил", true}};
constexpr Listed<bool> kUkrainianActive[] = {{"вбил", true}, {"вбив", true}, {"поранил", true}};
constexpr Listed<bool> kArabicActive[] = {{"قتل$", true}, {"جرح$", true}, {"يقتل$", true}};

// Negations before an outcome word: "не пострадал", "لم يصب".
constexpr Listed<bool> kRussianNegations[] = {{"не$", true}, {"ни$", true}};
constexpr Listed<bool> kUkrainianNegations[] = {{"не$", true}, {"ні$", true}};
constexpr Listed<bool> kArabicNegations[] = {{"لم$", true}, {"لا$", true}, {"لن$", true}};

// What would have happened: the conditional particle or conjunction anywhere in the sentence
// ("могли бы погибнуть", "якби ракета влучила", "لو استمر القصف"), or a modal verb beside the
// number ("могли погибнуть десятки").
constexpr Listed<bool> kRussianConditionals[] = {{"бы$", true}, {"б$", true}};
constexpr Listed<bool> kUkrainianConditionals[] = {{"б$", true}, {"би$", true}, {"якби$", true}};
constexpr Listed<bool> kArabicConditionals[] = {{"لو$", true}, {"لولا$", true}};
constexpr Listed<bool> kRussianModals[] = {{"мог$", true},   {"могла$", true}, {"могло$", true},
                                           {"могли$", true}, {"может$", true}, {"могут$", true}};
constexpr Listed<bool> kUkrainianModals[] = {{"міг$", true},   {"могла$", true}, {"могло$", true},
                                             {"могли$", true}, {"може$", true},  {"можуть$", true}};
// More of the victims counted before: "ещё пятеро", "ще 22 тисячі", "أربعة آخرين".
constexpr Listed<bool> kRussianMore[] = {{"еще$", true}, {"ещё$", true}, {"других$", true}};
constexpr Listed<bool> kUkrainianMore[] = {{"ще$", true}, {"інших$", true}};
constexpr Listed<bool> kArabicMore[] = {{"آخرين$", true}, {"آخرون$", true}};
// "and" between two groups of victims (Arabic writes its "و" onto the next word).
constexpr Listed<bool> kRussianAnd[] = {{"и$", true}, {"й$", true}};
constexpr Listed<bool> kUkrainianAnd[] = {{"і$", true}, {"й$", true}, {"та$", true}};
constexpr Listed<bool> kNoAnd[] = {{"", true}};
// A partitive between a number and the group it counts from: "من" of "من عناصر", "из числа".
constexpr Listed<bool> kRussianPartitives[] = {{"из$", true}, {"числа$", true}};
constexpr Listed<bool> kUkrainianPartitives[] = {{"з$", true}, {"із$", true}, {"числа$", true}};
constexpr Listed<bool> kArabicPartitives[] = {{"من$", true}};
// Tags a headline opens with that name no source: "Срочно:", "Відео:", "عاجل:".
constexpr Listed<bool> kRussianTags[] = {{"срочно$", true}, {"важно$", true},  {"видео$", true},
                                         {"фото$", true},   {"молния$", true}, {"обновлено$", true},
                                         {"онлайн$", true}};
constexpr Listed<bool> kUkrainianTags[] = {{"терміново$", true}, {"важливо$", true},
                                           {"відео$", true},     {"фото$", true},
                                           {"оновлено$", true},  {"онлайн$", true}};
constexpr Listed<bool> kArabicTags[] = {
    {"عاجل$", true}, {"فيديو$", true}, {"صور$", true}, {"تحديث$", true}, {"مباشر$", true}};
constexpr Listed<bool> kArabicModals[] = {{"يمكن$", true}, {"قد$", false}};

// Things counted, units, periods and months: a number right before one counts no people.
constexpr Listed<bool> kRussianThings[] = {
    {"ракет", true},       {"дрон", true},       {"беспилотник", true}, {"снаряд", true},
    {"удар", true},        {"авиаудар", true},   {"атак", true},        {"обстрел", true},
    {"км$", true},         {"километр", true},   {"метр", true},        {"лет$", true},
    {"год", true},         {"раз$", true},       {"дом", true},         {"здани", true},
    {"танк", true},        {"единиц", true},     {"процент", true},     {"тонн", true},
    {"доллар", true},      {"рубл", true},       {"гривен", true},      {"час", true},
    {"минут", true},       {"день", true},       {"дня$", true},        {"дней", true},
    {"недел", true},       {"месяц", true},      {"сел$", true},        {"села$", true},
    {"селе$", true},       {"селах$", true},     {"селам$", true},      {"город", true},
    {"област", true},      {"январ", true},      {"феврал", true},      {"март", true},
    {"апрел", true},       {"мая$", true},       {"июн", true},         {"июл", true},
    {"август", true},      {"сентябр", true},    {"октябр", true},      {"ноябр", true},
    {"декабр", true},      {"летн", true},       {"этаж", true},        {"район", true},
    {"регион", true},      {"округ", true},      {"деревн", true},      {"населенн", true},
    {"больниц", true},     {"госпиталь$", true}, {"госпиталя$", true},  {"госпитале$", true},
    {"госпиталей$", true}, {"улиц", true},       {"квартал", true},     {"сутк", true},
    {"суток$", true},      {"утра$", true},      {"вечера$", true},     {"ночи$", true},
    {"склад", true},       {"сад$", true},       {"сада$", true},       {"садов$", true},
    {"школ", true},        {"объект", true},     {"машин", true},       {"автомобил", true},
    {"квартир", true}};

constexpr Listed<bool> kUkrainianThings[] = {
    {"ракет", true},    {"дрон", true},     {"безпілотник", true}, {"снаряд", true},
    {"удар", true},     {"атак", true},     {"обстріл", true},     {"км$", true},
    {"кілометр", true}, {"метр", true},     {"рок", true},         {"років", true},
    {"раз$", true},     {"будин", true},    {"танк", true},        {"одиниц", true},
    {"відсот", true},   {"тонн", true},     {"долар", true},       {"гривен", true},
    {"годин", true},    {"хвилин", true},   {"день", true},        {"дні$", true},
    {"днів$", true},    {"тижн", true},     {"місяц", true},       {"село$", true},
    {"села$", true},    {"сіл$", true},     {"селі$", true},       {"селах$", true},
    {"міст", true},     {"област", true},   {"січ", true},         {"лют", true},
    {"берез", true},    {"квіт", true},     {"травн", true},       {"травен", true},
    {"черв", true},     {"лип", true},      {"серп", true},        {"верес", true},
    {"жовт", true},     {"листопад", true}, {"груд", true},        {"річн", true},
    {"поверх", true},   {"район", true},    {"регіон", true},      {"громад", true},
    {"населен", true},  {"лікарн", true},   {"вулиц", true},       {"квартал", true},
    {"доби$", true},    {"діб$", true},     {"добу$", true},       {"ранку$", true},
    {"вечора$", true},  {"ночі$", true},    {"склад", true},       {"садк", true},
    {"шкіл", true},     {"школ", true},     {"об'єкт", true},      {"автомобіл", true},
    {"машин", true},    {"квартир", true}};

constexpr Listed<bool> kArabicThings[] = {
    {"غارة", true},     {"غارات", true},    {"صاروخ", true},  {"طائرة", true},   {"طائرات", true},
    {"قذيفة", true},    {"قذائف", true},    {"كم$", true},    {"كيلومتر", true}, {"عام$", true},
    {"عاما$", true},    {"أعوام", true},    {"سنة", true},    {"سنوات", true},   {"مرة", true},
    {"مرات", true},     {"منزل", true},     {"منازل", true},  {"دبابة", true},   {"بالمئة$", true},
    {"بالمائة$", true}, {"دولار", true},    {"طن$", true},    {"ساعة", true},    {"ساعات", true},
    {"يوم", true},      {"أيام", true},     {"شهر", true},    {"أشهر", true},    {"قرية", true},
    {"مدينة", true},    {"محافظة", true},   {"يناير", true},  {"فبراير", true},  {"مارس", true},
    {"أبريل", true},    {"مايو", true},     {"يونيو", true},  {"يوليو", true},   {"أغسطس", true},
    {"سبتمبر", true},   {"أكتوبر", true},   {"نوفمبر", true}, {"ديسمبر", true},  {"كانون", true},
    {"شباط", true},     {"آذار", true},     {"نيسان", true},  {"أيار", true},    {"حزيران", true},
    {"تموز", true},     {"آب$", true},      {"أيلول", true},  {"تشرين", true},   {"منطقة", true},
    {"مناطق", true},    {"حي$", true},      {"أحياء", true},  {"بلدة", true},    {"بلدات", true},
    {"مستشفى", true},   {"مستشفيات", true}, {"شارع", true},   {"صواريخ", true},  {"مسيرة", true},
    {"مسيرات", true},   {"قنبلة", true},    {"قنابل", true},  {"مبنى", true},    {"مبان", true},
    {"موقع", true},     {"مواقع", true},    {"آليات", true},  {"مركبة", true},   {"مركبات", true},
    {"منشأة", true},    {"منشآت", true},    {"مدرسة", true},  {"مدارس", true},   {"مسجد", true},
    {"مساجد", true},    {"سيارة", true},    {"سيارات", true}, {"صباحا$", true},  {"مساء$", true}};

// Attribution cues: true for a verb, whose speaker may stand before it ("Минздрав сообщил"),
// false for a preposition, whose source always follows ("по данным X", "بحسب X").
constexpr Listed<bool> kRussianCues[] = {{"сообщ", true},    {"заяв", true},     {"данн", false},
                                         {"словам", false},  {"подтверд", true}, {"рассказ", true},
                                         {"уточн", true},    {"объяв", true},    {"передает", true},
                                         {"подсчет", false}, {"установил", true}};

constexpr Listed<bool> kUkrainianCues[] = {
    {"повідом", true},    {"заяв", true},     {"даними", false}, {"словами", false},
    {"підтверд", true},   {"розповів", true}, {"уточн", true},   {"інформ", true},
    {"підрахунк", false}, {"встановил", true}};

constexpr Listed<bool> kArabicCues[] = {
    {"قال", true},   {"أعلن", true}, {"أفاد", true}, {"ذكر", true}, {"أكد", true},  {"بحسب", false},
    {"حسب$", false}, {"وفق", false}, {"أشار", true}, {"صرح", true}, {"أضاف", true}, {"وثق", true}};

// Words that end a claimant's name written after its cue ("сообщили в ведомстве, что").
constexpr Listed<bool> kRussianNameEnds[] = {
    {"что$", true}, {"о$", true}, {"об$", true}, {"в$", true},  {"во$", true},  {"на$", true},
    {"по$", true},  {"с$", true}, {"и$", true},  {"из$", true}, {"для$", true}, {"после$", true}};
constexpr Listed<bool> kUkrainianNameEnds[] = {
    {"що$", true}, {"про$", true}, {"в$", true},  {"у$", true},     {"на$", true}, {"і$", true},
    {"й$", true},  {"з$", true},   {"із$", true}, {"після$", true}, {"для$", true}};
constexpr Listed<bool> kArabicNameEnds[] = {
    {"أن$", true},  {"إن$", true}, {"عن$", true},  {"في$", true}, {"على$", true},
    {"إلى$", true}, {"من$", true}, {"بأن$", true}, {"لـ$", true}, {"سقوط$", true}};

// The last word of "among them" before a number that counts part of other victims ("из них",
// "в том числе", "серед них", "у тому числі", "بينهم", "منهم").
constexpr Listed<bool> kRussianAmong[] = {{"них$", true}, {"числе$", true}, {"среди$", true}};
constexpr Listed<bool> kUkrainianAmong[] = {{"них$", true}, {"числі$", true}, {"серед$", true}};
constexpr Listed<bool> kArabicAmong[] = {
    {"بينهم$", true}, {"منهم$", true}, {"بينهن$", true}, {"منهن$", true}, {"بينها$", true}};

// Back references that open a sentence naming who said what the sentence before reported
// ("Об этом сообщил глава города", "Про це повідомив голова ОВА").
constexpr Listed<bool> kRussianThisReported[] = {{"этом$", true}, {"чем$", true}};
constexpr Listed<bool> kUkrainianThisReported[] = {{"це$", true}, {"що$", true}};
constexpr Listed<bool> kArabicThisReported[] = {{"ذلك$", true}};

// People set free, exchanged or brought back: a number after one counts no casualties
// ("передала Украине 90 пленных", "вдалося повернути 75 захисників", "أطلق سراح 39 أسيرا").
constexpr Listed<bool> kRussianReleases[] = {{"передал", true}, {"освобод", true}, {"вернул", true},
                                             {"обмен", true},   {"вызвол", true},  {"спасен", true},
                                             {"спасл", true}};
constexpr Listed<bool> kUkrainianReleases[] = {
    {"передал", true}, {"звільн", true}, {"поверну", true}, {"повернен", true},
    {"обмін", true},   {"визвол", true}, {"врятув", true}};
constexpr Listed<bool> kArabicReleases[] = {{"سراح", true},  {"إفراج", true}, {"أفرج", true},
                                            {"تبادل", true}, {"تحرير", true}, {"إنقاذ", true}};

// The nouns of a toll, whose figure may stand far from them ("число погибших ... достигло 45").
constexpr Listed<bool> kRussianTolls[] = {{"число$", true}, {"количество$", true}};
constexpr Listed<bool> kUkrainianTolls[] = {{"кількість$", true}, {"число$", true}};
constexpr Listed<bool> kArabicTolls[] = {{"حصيلة", true}, {"عدد$", true}};

// The tables of each language, folded once.
template <typename Value>
struct ByLanguage {
  Stems<Value> russian, ukrainian, arabic;
  const Stems<Value>* of(ClaimLanguage language) const {
    switch (language) {
      case ClaimLanguage::kRussian:
        return &russian;
      case ClaimLanguage::kUkrainian:
        return &ukrainian;
      case ClaimLanguage::kArabic:
        return &arabic;
      case ClaimLanguage::kEnglish:
        break;
    }
    return nullptr;
  }
  // The other Cyrillic language's table, tried second (a detector may take one for the other).
  const Stems<Value>* sister(ClaimLanguage language) const {
    if (language == ClaimLanguage::kRussian) return &ukrainian;
    if (language == ClaimLanguage::kUkrainian) return &russian;
    return nullptr;
  }
};

template <typename Value, std::size_t R, std::size_t U, std::size_t A>
ByLanguage<Value> fold_tables(const Listed<Value> (&ru)[R], const Listed<Value> (&uk)[U],
                              const Listed<Value> (&ar)[A]) {
  return {fold_stems(ru), fold_stems(uk), fold_stems(ar)};
}

template <typename Value>
const Stem<Value>* find_in(const ByLanguage<Value>& tables, ClaimLanguage language,
                           std::string_view folded) {
  const Stems<Value>* stems = tables.of(language);
  if (stems == nullptr || folded.empty()) return nullptr;
  if (const Stem<Value>* s = lookup(language, *stems, folded)) return s;
  const Stems<Value>* sister = tables.sister(language);
  return sister == nullptr ? nullptr : lookup(language, *sister, folded);
}

// The value `folded` is listed with for `language`, if it is listed.
template <typename Value>
std::optional<Value> listed_value(const ByLanguage<Value>& tables, ClaimLanguage language,
                                  std::string_view folded) {
  const Stem<Value>* s = find_in(tables, language, folded);
  return s ? std::optional<Value>(s->value) : std::nullopt;
}

}  // namespace

ClaimLanguage claim_language(std::string_view code) {
  if (code == "ru") return ClaimLanguage::kRussian;
  if (code == "uk") return ClaimLanguage::kUkrainian;
  if (code == "ar") return ClaimLanguage::kArabic;
  return ClaimLanguage::kEnglish;
}

std::optional<Outcome> outcome_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianOutcomes, kUkrainianOutcomes, kArabicOutcomes);
  return listed_value(kTables, language, folded);
}

std::optional<Outcome> elimination_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianEliminations, kUkrainianEliminations, kArabicEliminations);
  return listed_value(kTables, language, folded);
}

std::optional<VictimClass> victim_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianVictims, kUkrainianVictims, kArabicVictims);
  return listed_value(kTables, language, folded);
}

std::optional<NounCount> noun_count(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianNounCounts, kUkrainianNounCounts, kArabicNounCounts);
  return listed_value(kTables, language, folded);
}

bool is_collective_numeral(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianCollectives, kUkrainianCollectives, kNoCollectives);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_active_outcome(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianActive, kUkrainianActive, kArabicActive);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_negation(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianNegations, kUkrainianNegations, kArabicNegations);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_conditional(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianConditionals, kUkrainianConditionals, kArabicConditionals);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_modal(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianModals, kUkrainianModals, kArabicModals);
  return listed_value(kTables, language, folded).value_or(false);
}

bool is_and_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianAnd, kUkrainianAnd, kNoAnd);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_partitive(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianPartitives, kUkrainianPartitives, kArabicPartitives);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_headline_tag(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianTags, kUkrainianTags, kArabicTags);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_more_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianMore, kUkrainianMore, kArabicMore);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_counted_thing(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianThings, kUkrainianThings, kArabicThings);
  return find_in(kTables, language, folded) != nullptr;
}

std::optional<bool> attribution_cue(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianCues, kUkrainianCues, kArabicCues);
  return listed_value(kTables, language, folded);
}

bool is_attribution_cue(ClaimLanguage language, std::string_view folded) {
  return attribution_cue(language, folded).has_value();
}

bool ends_claimant_name(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianNameEnds, kUkrainianNameEnds, kArabicNameEnds);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_among_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianAmong, kUkrainianAmong, kArabicAmong);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_back_reference(ClaimLanguage language, std::string_view folded) {
  static const auto kTables =
      fold_tables(kRussianThisReported, kUkrainianThisReported, kArabicThisReported);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_release_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianReleases, kUkrainianReleases, kArabicReleases);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_toll_word(ClaimLanguage language, std::string_view folded) {
  static const auto kTables = fold_tables(kRussianTolls, kUkrainianTolls, kArabicTolls);
  return find_in(kTables, language, folded) != nullptr;
}

bool is_trailing_minimum(ClaimLanguage language, std::string_view folded) {
  static const std::string kLeast = fold_word("الأقل");
  return language == ClaimLanguage::kArabic && folded == kLeast;
}

}  // namespace cs
