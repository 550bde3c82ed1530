// The casualty wording of Russian, Ukrainian and Arabic reports, for the claim finder
// (claims.h): the words that say people were killed, wounded, captured, missing or displaced,
// the nouns for the victims, the things counted that are not people (missiles, strikes,
// kilometres, years, months), and the cues of attribution ("сообщил", "за даними", "قال").
// English keeps its own, richer patterns in claims.cpp.
//
// Words are matched on their folded form (fold_word) by stem: a listed stem matches every word
// that starts with it ("погиб" matches "погибли", "погибших"), a stem written with a trailing
// '$' only the word itself. Arabic words are also tried without the clitics written onto them
// ("وأصيب" -> "أصيب", "والقتلى" -> "قتلى"), the rest keeping at least three letters. Russian
// and Ukrainian words are each tried in the other's tables too: a language detector may take
// one for the other on a short text, and reports quote across them.
//
// Thread-safety: pure functions over tables built once; safe from any thread.
#ifndef CS_INDEXER_CLAIM_WORDS_H_
#define CS_INDEXER_CLAIM_WORDS_H_

#include <optional>
#include <string_view>

#include "core/article.h"

namespace cs {

/// The wording a text's claims are read with.
enum class ClaimLanguage { kEnglish, kRussian, kUkrainian, kArabic };

/// The wording for an ISO 639-1 code ("ru", "uk", "ar"); English for any other.
ClaimLanguage claim_language(std::string_view code);

/// What `folded` says happened to people ("погибли", "поранені", "قتلوا"), if anything.
std::optional<Outcome> outcome_word(ClaimLanguage language, std::string_view folded);

/// What `folded` says happened when it counts people only if they are named ("уничтожены",
/// destroyed: "300 боевиков" yes, "3 склада" no; "пострадали", were hurt or hit: "14 человек"
/// yes, "12 банков" no); nullopt for other words.
std::optional<Outcome> elimination_word(ClaimLanguage language, std::string_view folded);

/// The class of victims `folded` names ("мирных", "дітей", "جنود"); nullopt when it names none.
std::optional<VictimClass> victim_word(ClaimLanguage language, std::string_view folded);

/// How many people a noun counts by itself, and their class.
struct NounCount {
  int people;           ///< 1 or 2
  VictimClass victims;  ///< the class the noun names
};

/// The people `folded` counts by itself: one for a lone singular person ("мужчина",
/// "дитина", "طفل"), two for an Arabic dual ("شخصين", "طفلين"; not duals written like
/// plurals, "مدنيين"); nullopt for other words.
std::optional<NounCount> noun_count(ClaimLanguage language, std::string_view folded);

/// True when `folded` is a collective numeral, which counts people only ("семеро", "троє").
bool is_collective_numeral(ClaimLanguage language, std::string_view folded);

/// True when outcome word `folded` says someone did the harm ("убил", "вбив", "قتل"): it
/// counts the victims after a number, never the noun beside it as a victim.
bool is_active_outcome(ClaimLanguage language, std::string_view folded);

/// True when `folded` negates the outcome word after it ("не пострадал", "لم يصب").
bool is_negation(ClaimLanguage language, std::string_view folded);

/// True for a conditional particle or conjunction ("бы", "якби", "لو"): a sentence holding
/// one tells what would have happened, no claim.
bool is_conditional(ClaimLanguage language, std::string_view folded);

/// True for a modal verb ("могли", "можуть", "يمكن"): beside a number, what may happen.
bool is_modal(ClaimLanguage language, std::string_view folded);

/// True for "and" between two groups of victims ("и", "та"; Arabic writes "و" onto a word).
bool is_and_word(ClaimLanguage language, std::string_view folded);

/// True for a partitive between a number and the group it counts from ("من" of "من عناصر").
bool is_partitive(ClaimLanguage language, std::string_view folded);

/// True for a tag a headline opens with that names no source ("Срочно:", "عاجل:").
bool is_headline_tag(ClaimLanguage language, std::string_view folded);

/// True when `folded` says a count is more of the victims counted before it ("ещё" before it,
/// "інших", "آخرين" after it).
bool is_more_word(ClaimLanguage language, std::string_view folded);

/// True when `folded`, just after a number, says the number counts no people: things, units,
/// periods or a month (a date: "12 марта").
bool is_counted_thing(ClaimLanguage language, std::string_view folded);

/// Whether `folded` attributes what it says to someone ("сообщил", "заявив", "даними" of "за
/// даними", "بحسب"): true for a verb, whose speaker may also stand before it, false for a
/// preposition, whose source follows it; nullopt for other words.
std::optional<bool> attribution_cue(ClaimLanguage language, std::string_view folded);

/// True when `folded` is an attribution cue of either kind.
bool is_attribution_cue(ClaimLanguage language, std::string_view folded);

/// True when `folded` ends the name that follows an attribution cue: a conjunction or
/// preposition ("что", "що", "أن", "في") that starts what the claimant said.
bool ends_claimant_name(ClaimLanguage language, std::string_view folded);

/// True when `folded`, just before a number, says it counts part of victims counted before
/// ("из них", "в том числе", "серед них", "بينهم"): a sub-count, no claim of its own.
bool is_among_word(ClaimLanguage language, std::string_view folded);

/// True when `folded` refers back to what the sentence before reported ("этом" of "Об этом
/// сообщил", "це" of "Про це повідомив", "ذلك"): the sentence it opens names the claimant.
bool is_back_reference(ClaimLanguage language, std::string_view folded);

/// True when `folded` sets people free, exchanges or brings them back ("передала",
/// "повернути", "سراح"): a number after it in its clause counts no casualties.
bool is_release_word(ClaimLanguage language, std::string_view folded);

/// True when `folded` is the noun of a toll ("число" of "число погибших", "кількість",
/// "حصيلة"), whose figure may stand several words after the outcome word.
bool is_toll_word(ClaimLanguage language, std::string_view folded);

/// True when `folded`, right after a number and its victims, qualifies it as a minimum (Arabic
/// "على الأقل" writes "at least" after the count: the word "الأقل").
bool is_trailing_minimum(ClaimLanguage language, std::string_view folded);

}  // namespace cs

#endif  // CS_INDEXER_CLAIM_WORDS_H_
