#include "indexer/entities.h"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/normalize.h"
#include "core/schema.h"
#include "core/stemming.h"

namespace cs {

namespace {

using Words = std::unordered_set<std::string_view>;

// Capitalised words that are not names by themselves.
const Words& name_stopwords() {
  static const Words kWords = {
      // weekdays and months
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec",
      // pronouns and determiners
      "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your",
      "his", "its", "our", "their", "this", "that", "these", "those", "there", "here", "who",
      "what", "which", "where", "when", "why", "how", "some", "many", "most", "all", "any", "each",
      "every", "both", "other", "another", "such", "no", "none", "one", "two", "three", "several",
      "few",
      // titles and roles
      "mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "general", "gen", "col",
      "colonel", "lt", "sgt", "captain", "capt", "major", "maj", "commander", "king", "queen",
      "staff", "prince", "sheikh", "emir", "spokesman", "spokeswoman", "spokesperson", "director",
      "secretary", "chief", "deputy", "foreign", "defence", "defense", "interior", "senator", "sen",
      "rep", "gov", "governor", "mayor", "lord", "pope", "imam", "ayatollah",
      // sentence openers and function words
      "the", "a", "an", "in", "on", "at", "of", "for", "to", "from", "with", "by", "about", "after",
      "before", "during", "despite", "since", "until", "while", "although", "though", "however",
      "meanwhile", "but", "and", "or", "nor", "so", "yet", "if", "as", "because", "also", "even",
      "still", "just", "only", "now", "then", "thus", "instead", "indeed", "according", "earlier",
      "later", "last", "next", "first", "today", "yesterday", "tomorrow", "tonight", "once",
      "unlike", "like", "over", "under", "between", "among", "amid", "against", "through", "within",
      "without", "into", "upon", "is", "was", "are", "were", "be", "been", "has", "have", "had",
      "do", "does", "did", "will", "would", "can", "could", "should", "must", "might", "not", "yes",
      "please", "dear", "thanks",
      // page furniture
      "leave", "share", "read", "follow", "sign", "copyright", "related", "reporting", "source",
      "posted", "published", "update", "updated", "breaking", "latest", "photo", "image", "file",
      "editing", "comments", "click", "subscribe", "advertisement", "video", "watch", "see", "more",
      "reply", "email", "print", "home", "news", "items"};
  return kWords;
}

// Capitalised acronyms that are also English words: matched only in context.
const Words& english_acronyms() {
  static const Words kWords = {"is", "us", "as", "it", "an", "at", "in", "on", "or",
                               "no", "am", "do", "go", "he", "me", "my", "so", "to",
                               "up", "we", "if", "be", "by", "of", "id", "ok", "hi"};
  return kWords;
}

// Words after an acronym that show it names a party ("IS militants", "US forces").
const Words& group_context_after() {
  static const Words kWords = {
      "militant",   "militants",   "fighter",    "fighters",   "jihadist",       "jihadists",
      "stronghold", "strongholds", "group",      "groups",     "position",       "positions",
      "territory",  "territories", "attack",     "attacks",    "attacked",       "captured",
      "seized",     "held",        "holds",      "controlled", "controls",       "retook",
      "recaptured", "took",        "launched",   "claimed",    "pushed",         "killed",
      "executed",   "released",    "members",    "member",     "leader",         "leaders",
      "commander",  "commanders",  "forces",     "force",      "troops",         "officials",
      "official",   "military",    "government", "president",  "strikes",        "airstrikes",
      "led",        "backed",      "withdrew",   "army",       "administration", "embassy",
      "envoy",      "department",  "propaganda", "media",      "supporters",     "affiliate",
      "affiliates", "cell",        "cells",      "suicide",    "bombers",        "said",
      "says",       "announced",   "sanctions",  "diplomats",  "warplanes",      "aircraft",
      "drone",      "drones",      "soldiers",   "advance",    "advances",       "offensive",
      "caliphate",  "gains"};
  return kWords;
}

// Words before an acronym that show it names a party ("the IS", "by IS", "against US").
const Words& group_context_before() {
  static const Words kWords = {"the",  "by",  "against", "from",    "with", "fighting", "joined",
                               "join", "pro", "anti",    "between", "and",  "defeat",   "led"};
  return kWords;
}

// Words before an acronym that show it is the English word ("this IS a test").
const Words& verb_context_before() {
  static const Words kWords = {"this", "it",  "that",  "there", "what", "which", "who",
                               "he",   "she", "where", "here",  "how",  "let",   "for"};
  return kWords;
}

bool is_connector(std::string_view folded) {
  return is_arabic_article(folded) || folded == "bin" || folded == "ibn" || folded == "de" ||
         folded == "bint" || folded == "abd" || folded == "van" || folded == "von";
}

bool contains(const Words& words, std::string_view w) { return words.count(w) != 0; }

// True when an English-word acronym at `i` is used as a name (by its neighbours).
bool acronym_context(const TokenizedText& text, std::size_t i, bool& vetoed) {
  const auto& tokens = text.tokens;
  const bool has_prev = i > 0 && tokens[i - 1].sentence == tokens[i].sentence;
  const bool has_next = i + 1 < tokens.size() && tokens[i + 1].sentence == tokens[i].sentence;
  const std::string_view prev = has_prev ? std::string_view(tokens[i - 1].folded) : "";
  const std::string_view next = has_next ? std::string_view(tokens[i + 1].folded) : "";
  vetoed = contains(verb_context_before(), prev) || next == "a" || next == "an" || next == "not" ||
           next == "no";
  if (vetoed) return false;
  return contains(group_context_after(), next) || contains(group_context_before(), prev);
}

// A capitalised word that can be part of an unknown name.
bool is_name_word(const TokenizedText& text, const Token& t) {
  const auto first = static_cast<unsigned char>(text.text[t.begin]);
  return first >= 'A' && first <= 'Z' && t.folded.size() >= 2 && !is_name_stopword(t.folded);
}

// Words before "of" that make the name after it a place ("the town of X").
const Words& place_nouns() {
  static const Words kWords = {
      "town",         "village",    "villages", "city",      "district",    "neighbourhood",
      "neighborhood", "suburb",     "area",     "region",    "province",    "governorate",
      "hamlet",       "settlement", "camp",     "outskirts", "countryside", "municipality",
      "oblast",       "county",     "commune",  "towns"};
  return kWords;
}

// Words before a name that make it a person's ("commander X", "Governor X").
const Words& person_roles() {
  static const Words kWords = {"commander",   "governor",     "gov",           "spokesman",
                               "spokeswoman", "spokesperson", "minister",      "general",
                               "gen",         "colonel",      "col",           "president",
                               "leader",      "chief",        "mayor",         "sheikh",
                               "emir",        "mr",           "mrs",           "ms",
                               "dr",          "brigadier",    "lieutenant",    "lt",
                               "captain",     "capt",         "major",         "maj",
                               "sergeant",    "sgt",          "marshal",       "envoy",
                               "ambassador",  "senator",      "imam",          "cleric",
                               "activist",    "journalist",   "correspondent", "deputy"};
  return kWords;
}

// Last words of a unit's or body's name ("the 92nd Mechanised Brigade", "Brigade 137").
const Words& unit_words() {
  static const Words kWords = {
      "brigade",   "brigades",       "battalion",   "battalions", "regiment",    "division",
      "corps",     "army",           "group",       "front",      "movement",    "forces",
      "militia",   "council",        "committee",   "ministry",   "agency",      "company",
      "squadron",  "base",           "command",     "coalition",  "party",       "union",
      "network",   "administration", "commission",  "office",     "directorate", "department",
      "authority", "bureau",         "secretariat", "government", "court",       "institute"};
  return kWords;
}

// Prepositions after which a lower-case "al-X" is a place ("clashes in al-Hawaij").
const Words& place_prepositions() {
  static const Words kWords = {"in",     "near",    "at",     "from", "to",      "towards",
                               "toward", "outside", "around", "into", "between", "across"};
  return kWords;
}

// True for a folded ordinal number: "92nd", "1st", "209th".
bool is_ordinal(std::string_view w) {
  std::size_t digits = 0;
  while (digits < w.size() && w[digits] >= '0' && w[digits] <= '9') ++digits;
  const std::string_view suffix = w.substr(digits);
  return digits > 0 && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
}

bool is_number_token(const TokenizedText& text, const Token& t) {
  const auto c = static_cast<unsigned char>(text.text[t.begin]);
  return c >= '0' && c <= '9';
}

// True when token i is the capitalised head of an institution's name whose own words follow
// "of" or "for" ("Ministry of Information", "Office for Rescuing Kidnapped Yazidis"): the head
// is no name alone, but it opens this one.
bool opens_institution(const TokenizedText& text, const std::vector<bool>& covered, std::size_t i) {
  static const Words kHeads = {"ministry",   "office",     "council",    "committee", "directorate",
                               "department", "government", "agency",     "authority", "commission",
                               "court",      "bank",       "university", "institute", "centre",
                               "center",     "bureau",     "secretariat"};
  const auto& tokens = text.tokens;
  if (!tokens[i].capitalised || !contains(kHeads, tokens[i].folded) || i + 2 >= tokens.size()) {
    return false;
  }
  const std::string_view link = tokens[i + 1].folded;
  std::size_t k = i + 2;  // the first word of its own ("Council of the Islamic Courts")
  if (tokens[k].folded == "the" && k + 1 < tokens.size() && tokens[k].joined) ++k;
  return (link == "of" || link == "for") && tokens[i + 1].joined && tokens[k].joined &&
         !covered[k] && is_name_word(text, tokens[k]);
}

// The text between token i - 1 and token i.
std::string_view gap_before(const TokenizedText& text, std::size_t i) {
  return std::string_view(text.text).substr(text.tokens[i - 1].end,
                                            text.tokens[i].begin - text.tokens[i - 1].end);
}

// True when token k comes right after a place cue of its sentence: "the town of", "in".
bool follows_place_cue(const TokenizedText& text, std::size_t k) {
  const auto& tokens = text.tokens;
  const auto before = [&](std::size_t back) -> std::string_view {
    if (k < back || tokens[k - back].sentence != tokens[k].sentence) return "";
    return tokens[k - back].folded;
  };
  return (before(1) == "of" && contains(place_nouns(), before(2))) ||
         contains(place_prepositions(), before(1));
}

// True for a folded word with the ending of an English adjective or noun of a people, place
// or creed ("german", "italian", "european", "chinese", "turkish", "islamic", "islamist").
bool looks_like_demonym(std::string_view w) {
  for (std::string_view ending :
       {"an", "ans", "ese", "ish", "ic", "ics", "ist", "ists", "ite", "ites"}) {
    if (w.size() > ending.size() + 2 && w.ends_with(ending)) return true;
  }
  return false;
}

// The type the words around tokens [first, end) give an unknown name.
EntityType unknown_name_type(const TokenizedText& text, std::size_t first, std::size_t end) {
  const auto& tokens = text.tokens;
  const auto before = [&](std::size_t back) -> std::string_view {
    if (first < back || tokens[first - back].sentence != tokens[first].sentence) return "";
    return tokens[first - back].folded;
  };
  if (contains(unit_words(), tokens[end - 1].folded) ||
      contains(unit_words(), tokens[first].folded)) {
    return EntityType::kOrg;
  }
  if (before(1) == "of" && contains(place_nouns(), before(2))) return EntityType::kPlace;
  // A lower-case designator after it: "the Rutshuru territory", "Zamzam camp", "Sagaing
  // region"; not after an adjective of a people or creed ("Korean town", "Democratic territory").
  static const Words kDesignators = {
      "province",      "district",     "region",  "governorate", "oblast",    "county",
      "territory",     "municipality", "commune", "camp",        "village",   "town",
      "neighbourhood", "neighborhood", "valley",  "countryside", "outskirts", "subdistrict"};
  const bool designated = end < tokens.size() && tokens[end].sentence == tokens[first].sentence &&
                          tokens[end].joined && !tokens[end].capitalised &&
                          contains(kDesignators, tokens[end].folded);
  static const Words kDirections = {"western", "eastern", "northern", "southern", "central",
                                    "upper",   "lower",   "middle",   "greater",  "inner",
                                    "outer",   "north",   "south",    "east",     "west"};
  const std::string& last = tokens[end - 1].folded;
  if (designated && last.size() >= 4 && !looks_like_demonym(last) && !tokens[end - 1].all_caps &&
      !(end - first == 1 && contains(kDirections, last))) {
    return EntityType::kPlace;
  }
  if (contains(person_roles(), before(1))) return EntityType::kPerson;
  // A sign-off's names: "Reporting by X", "Editing by Y".
  if (before(1) == "by" && (before(2) == "reporting" || before(2) == "writing" ||
                            before(2) == "editing" || before(2) == "compiled")) {
    return EntityType::kPerson;
  }
  if (is_arabic_article(tokens[first].folded) && contains(place_prepositions(), before(1))) {
    return EntityType::kPlace;
  }
  return EntityType::kOther;
}

// Unknown capitalised names over tokens not covered by gazetteer matches. A name of two
// capitalised words or more always counts; a lone one only with a cue of its type, or when
// written with a lower-case Arabic article ("al-Hawaij"). Units take their number along
// ("the 92nd Mechanised Brigade", "Brigade 137").
void find_unknown_names(const TokenizedText& text, const std::vector<bool>& covered,
                        std::vector<EntityMatch>& out) {
  constexpr std::size_t kMaxNameTokens = 6;
  const auto& tokens = text.tokens;
  std::size_t i = 0;
  while (i < tokens.size()) {
    const Sentence& s = text.sentences[tokens[i].sentence];
    if (covered[i] || s.headline || s.shouting ||
        !(is_name_word(text, tokens[i]) || opens_institution(text, covered, i))) {
      ++i;
      continue;
    }
    std::size_t first = i;
    // A lower-case article hyphenated to the name ("al-Bokamal"), or apart from it after a
    // place cue ("the town of al Hawayej", "in al Bab").
    const bool article = i > 0 && !covered[i - 1] && tokens[i].joined &&
                         is_arabic_article(tokens[i - 1].folded) && !tokens[i - 1].capitalised &&
                         (gap_before(text, i) == "-" ||
                          (gap_before(text, i) == " " && follows_place_cue(text, i - 1)));
    if (article) first = i - 1;
    // An ordinal before a unit's name: "92nd" (checked once the name's last word is known).
    const bool ordinal = !article && i > 0 && !covered[i - 1] && tokens[i].joined &&
                         is_ordinal(tokens[i - 1].folded);
    std::size_t j = i + 1;
    std::size_t last = i;
    int words = 1;
    // An institution's name runs on over "of", "for", "and", "the" ("Ministry of Information").
    const bool institution = opens_institution(text, covered, i);
    const auto links = [&](std::string_view w) {
      return is_connector(w) ||
             (institution && (w == "of" || w == "for" || w == "and" || w == "the"));
    };
    while (j < tokens.size() && !covered[j] && tokens[j].joined && j - first < kMaxNameTokens) {
      if (is_name_word(text, tokens[j])) {
        last = j;
        ++words;
      } else if (!links(tokens[j].folded)) {
        break;
      }
      ++j;
    }
    if (ordinal && contains(unit_words(), tokens[last].folded)) first = i - 1;
    // "Brigade 137": a unit word followed by its number.
    if (contains(unit_words(), tokens[last].folded) && last + 1 < tokens.size() &&
        !covered[last + 1] && tokens[last + 1].joined && is_number_token(text, tokens[last + 1])) {
      ++last;
    }
    const EntityType type = unknown_name_type(text, first, last + 1);
    const bool numbered = first < i || last > i;  // an ordinal or a unit number came along
    if (words >= 2 || article ||
        (type != EntityType::kOther && (numbered || type != EntityType::kOrg))) {
      EntityMatch m{first, last + 1, nullptr};
      m.unknown_type = type;
      out.push_back(m);
    }
    i = last + 1;
  }
}

// True when [first, end) is not a whole abbreviation: single letters run on past it ("U.S.S.R."),
// or one letter starts a span of words ("A man" is not "Amman", "I ran" not "Iran"); initials
// of two letters or more may open a name ("U.S. Central Command", "U.N. Security Council").
bool splits_abbreviation(const std::vector<Token>& tokens, std::size_t first, std::size_t end) {
  if (tokens[first].folded.size() != 1 || end - first == 1) return false;
  std::size_t letters_end = first;  // the run of single letters the span opens with
  while (letters_end < end && tokens[letters_end].folded.size() == 1) ++letters_end;
  // One letter then words is no abbreviation; two or more are ("U.S. Central Command").
  if (letters_end < end) return letters_end - first < 2;
  return end < tokens.size() && tokens[end].joined && tokens[end].folded.size() == 1;
}

}  // namespace

bool is_name_stopword(std::string_view folded) { return contains(name_stopwords(), folded); }

EntityMatcher::EntityMatcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  for (const GazetteerEntity& e : gazetteer.entities()) {
    for (const std::string& alias : e.aliases) keys_.push_back(fold_key(alias));
  }
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
}

bool EntityMatcher::is_key_prefix(const std::string& key) const {
  if (key.empty()) return false;
  // The keys that start with `key` sort together, from the first key not less than it.
  const auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
  return it != keys_.end() && it->starts_with(key);
}

namespace {

// The first word of a name as Arabic text may write it with proclitics attached: itself, then
// without "wa-"/"fa-" (and), "bi-"/"li-"/"ka-" (in, for, like), and "lil-" read as "li" +
// "al-" ("وبدير" -> "بدير", "دير"; "للرقه" -> "الرقه"). Stripped forms keep three letters.
std::vector<std::string> first_word_forms(const std::string& folded) {
  std::vector<std::string> forms{folded};
  if (word_script(folded) != Script::kArabic) return forms;
  static constexpr std::string_view kAnd[] = {"و", "ف"};
  static constexpr std::string_view kPrepositions[] = {"ب", "ل", "ك"};
  constexpr std::size_t kLetterBytes = 2;  // Arabic letters are two bytes in UTF-8
  constexpr std::size_t kMinRest = 3 * kLetterBytes;
  std::string_view rest = folded;
  for (std::string_view a : kAnd) {
    if (rest.starts_with(a) && rest.size() >= a.size() + kMinRest) {
      rest.remove_prefix(a.size());
      forms.emplace_back(rest);
      break;
    }
  }
  if (rest.starts_with("لل") && rest.size() >= 2 * kLetterBytes + kMinRest) {
    forms.push_back("ا" + std::string(rest.substr(kLetterBytes)));
    return forms;
  }
  for (std::string_view p : kPrepositions) {
    if (rest.starts_with(p) && rest.size() >= p.size() + kMinRest) {
      forms.emplace_back(rest.substr(p.size()));
      break;
    }
  }
  return forms;
}

}  // namespace

const GazetteerEntity* EntityMatcher::match_at(const TokenizedText& text, std::size_t start,
                                               std::size_t& end) const {
  const auto& tokens = text.tokens;
  const Token& first = tokens[start];
  // A lower-case word starts a name only when hyphenated to it ("al-Mahr", "anti-ISIS
  // coalition"), never when merely spaced ("as ISIL", "at Palmyra"). Scripts without case
  // (Arabic) have no such cue: any word may start a name.
  const bool leads_name =
      start + 1 < tokens.size() && tokens[start + 1].joined && tokens[start + 1].capitalised &&
      text.text.substr(first.end, tokens[start + 1].begin - first.end).find('-') !=
          std::string_view::npos;
  if (first.folded.empty() || (!first.capitalised && !first.caseless && !leads_name)) {
    return nullptr;
  }
  const GazetteerEntity* best = nullptr;
  for (const std::string& form : first_word_forms(first.folded)) {
    std::size_t form_end = end;
    const GazetteerEntity* e = longest_match(text, start, form, form_end);
    if (e != nullptr && (best == nullptr || form_end > end)) {
      best = e;
      end = form_end;
    }
  }
  return best != nullptr && !splits_abbreviation(tokens, start, end) ? best : nullptr;
}

const GazetteerEntity* EntityMatcher::longest_match(const TokenizedText& text, std::size_t start,
                                                    const std::string& first_word,
                                                    std::size_t& end) const {
  const auto& tokens = text.tokens;
  std::vector<std::string> words;
  std::size_t content_words = 0;
  const GazetteerEntity* best = nullptr;
  bool capitals = true;
  const bool starts_name = tokens[start].capitalised || tokens[start].caseless;
  for (std::size_t j = start; j < tokens.size(); ++j) {
    if ((j > start && !tokens[j].joined) || tokens[j].folded.empty()) break;
    words.push_back(j == start ? first_word : tokens[j].folded);
    capitals = capitals && (tokens[j].all_caps || is_connector(tokens[j].folded));
    const bool article = is_arabic_article(tokens[j].folded);
    if (!article && ++content_words > gazetteer_.max_words()) break;
    if (article && j > start) continue;
    const std::string key = join_folded(words);
    if (content_words > 0 && !is_key_prefix(key)) break;
    const GazetteerEntity* e = gazetteer_.find_in_text(key, capitals);
    // A lone word of two letters in a script without case is too often another word ("آب",
    // August, against "إب", Ibb): such names are matched only as part of a longer name.
    constexpr std::size_t kMinCaselessKeyBytes = 6;
    if (tokens[start].caseless && j == start && key.size() < kMinCaselessKeyBytes) continue;
    if (e != nullptr && (starts_name || j > start)) {
      best = e;
      end = j + 1;
    }
  }
  return best;
}

void EntityMatcher::find_loose(const TokenizedText& text, std::vector<bool>& covered,
                               std::vector<EntityMatch>& out) const {
  constexpr std::size_t kMaxNameTokens = 6;
  constexpr std::size_t kMinLoneWordLetters = 6;
  const auto& tokens = text.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Sentence& s = text.sentences[tokens[i].sentence];
    if (covered[i] || s.headline || s.shouting || !is_name_word(text, tokens[i])) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1;
         j < tokens.size() && !covered[j] && tokens[j].joined && j - i < kMaxNameTokens; ++j) {
      if (is_name_word(text, tokens[j])) {
        last = j;
      } else if (!is_connector(tokens[j].folded)) {
        break;
      }
    }
    // A lone word is a name only inside its sentence (a capital there is no sentence opener's),
    // not an acronym, long enough to say something, and not an English adjective of a people
    // or place ("German", "Italian", "European" are no spellings of Hermon, Italy, the EU).
    const bool opens_sentence = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
    const bool adjective = looks_like_demonym(tokens[i].folded);
    // ... and only where its neighbours show a name of a place, person or party ("near
    // Qusair", "commander Jolani", "al-Bokamal", "Hizbullah fighters"): a lone capitalised
    // English word (George, Owen, Fort) too often shares a key with some entity.
    const std::string_view prev = opens_sentence ? "" : std::string_view(tokens[i - 1].folded);
    const bool next_is_party = i + 1 < tokens.size() &&
                               tokens[i + 1].sentence == tokens[i].sentence &&
                               contains(group_context_after(), tokens[i + 1].folded);
    const bool cued = contains(place_prepositions(), prev) || contains(person_roles(), prev) ||
                      (is_arabic_article(prev) && tokens[i].joined) || next_is_party;
    std::vector<std::string> words;
    for (std::size_t end = last + 1; end > i; --end) {
      if (end - 1 > i && !is_name_word(text, tokens[end - 1])) continue;
      if (end - i == 1 && (opens_sentence || adjective || !cued || tokens[i].all_caps ||
                           tokens[i].folded.size() < kMinLoneWordLetters)) {
        continue;
      }
      if (words.empty()) {  // the run's words, once: each shorter span is a prefix
        for (std::size_t k = i; k <= last; ++k) words.push_back(tokens[k].folded);
      }
      if (const GazetteerEntity* e =
              gazetteer_.find_loose_spelling(std::span(words).first(end - i))) {
        out.push_back({i, end, e, true});
        std::fill(covered.begin() + static_cast<long>(i), covered.begin() + static_cast<long>(end),
                  true);
        i = end - 1;
        break;
      }
    }
  }
}

std::vector<EntityMatch> EntityMatcher::find(const TokenizedText& text) const {
  const auto& tokens = text.tokens;
  std::vector<EntityMatch> matches;
  std::vector<EntityMatch> pending;  // English-word acronyms without context
  std::unordered_set<const GazetteerEntity*> confirmed;
  std::size_t i = 0;
  while (i < tokens.size()) {
    std::size_t end = i + 1;
    const GazetteerEntity* e = match_at(text, i, end);
    if (e == nullptr) {
      ++i;
      continue;
    }
    if (end - i == 1 && contains(english_acronyms(), tokens[i].folded)) {
      bool vetoed = false;
      const bool context = acronym_context(text, i, vetoed);
      if (!vetoed && !text.sentences[tokens[i].sentence].shouting) {
        (context ? matches : pending).push_back({i, end, e});
        if (context) confirmed.insert(e);
      }
    } else {
      matches.push_back({i, end, e});
      confirmed.insert(e);
    }
    i = end;
  }
  for (const EntityMatch& m : pending) {
    if (confirmed.count(m.entity) != 0) matches.push_back(m);
  }
  std::vector<bool> covered(tokens.size(), false);
  for (const EntityMatch& m : matches) {
    std::fill(covered.begin() + static_cast<long>(m.first),
              covered.begin() + static_cast<long>(m.end), true);
  }
  find_loose(text, covered, matches);
  find_unknown_names(text, covered, matches);
  std::sort(matches.begin(), matches.end(),
            [](const EntityMatch& a, const EntityMatch& b) { return a.first < b.first; });
  link_back_references(text, covered, matches);
  return matches;
}

namespace {

// The acronym in parentheses right after tokens [first, end) that spells their initials
// ("Darfur Protection Monitor (DPM)", "African Union (AU)"), as a token index; none when
// there is no such acronym.
std::optional<std::size_t> defined_acronym(const TokenizedText& text, std::size_t first,
                                           std::size_t end) {
  const auto& tokens = text.tokens;
  constexpr std::size_t kMaxLetters = 8;
  if (end >= tokens.size() || !tokens[end].all_caps || tokens[end].folded.size() < 2 ||
      tokens[end].folded.size() > kMaxLetters) {
    return std::nullopt;
  }
  const std::string_view before = gap_before(text, end);
  const std::size_t after_end = end + 1 < tokens.size()
                                    ? tokens[end + 1].begin
                                    : static_cast<std::uint32_t>(text.text.size());
  const std::string_view after = text.text.substr(tokens[end].end, after_end - tokens[end].end);
  if (before.find('(') == std::string_view::npos || !after.starts_with(')')) return std::nullopt;
  // Its letters are initials of the name's words, in order, the first one first.
  std::string initials;
  for (std::size_t k = first; k < end; ++k) {
    if (tokens[k].capitalised && !tokens[k].folded.empty()) initials += tokens[k].folded[0];
  }
  const std::string& acronym = tokens[end].folded;
  if (initials.empty() || acronym[0] != initials[0]) return std::nullopt;
  std::size_t at = 0;
  for (const char c : acronym) {
    at = initials.find(c, at);
    if (at == std::string::npos) return std::nullopt;
    ++at;
  }
  return end;
}

}  // namespace

namespace {

// True for the head noun of a body or a place's name ("Electoral Commission", "Curzon Line"),
// which a text may repeat alone without it being anyone's surname.
bool names_a_body(std::string_view folded) {
  static const Words kHeads = {
      "commission", "council",    "committee",   "ministry",  "front",     "party",
      "army",       "forces",     "agency",      "office",    "union",     "court",
      "bank",       "group",      "movement",    "brigade",   "battalion", "division",
      "corps",      "network",    "observatory", "monitor",   "center",    "centre",
      "institute",  "foundation", "association", "authority", "service",   "police",
      "guard",      "company",    "news",        "times",     "post",      "radio",
      "channel",    "university", "hospital",    "school",    "airport",   "province",
      "region",     "district",   "county",      "city",      "street",    "square",
      "bridge",     "river",      "line",        "state",     "republic",  "government",
      "assembly",   "parliament", "senate",      "congress",  "house",     "church",
      "mosque",     "camp",       "base",        "port",      "valley",    "mountains",
      "island",     "sea",        "lake"};
  return contains(kHeads, folded);
}

// True when the word at `k` is used as a person's name: a verb of speech after it ("Osmani
// said", "Osmani told"), or a courtesy title or "according to" before it.
bool speaks_as_person(const TokenizedText& text, std::size_t k) {
  static const Words kSpeech = {
      "said",      "says",     "told",   "added",     "adds",     "wrote",  "writes",  "argued",
      "explained", "noted",    "warned", "insisted",  "recalled", "stated", "replied", "asked",
      "continued", "admitted", "denied", "confirmed", "tweeted",  "posted", "spoke",   "declined"};
  static const Words kBefore = {"mr", "mrs", "ms", "dr", "prof", "to"};
  const auto& tokens = text.tokens;
  const bool next = k + 1 < tokens.size() && tokens[k + 1].sentence == tokens[k].sentence &&
                    contains(kSpeech, tokens[k + 1].folded);
  const bool before =
      k > 0 && tokens[k - 1].sentence == tokens[k].sentence &&
      contains(kBefore, tokens[k - 1].folded) &&
      (tokens[k - 1].folded != "to" || (k > 1 && tokens[k - 2].folded == "according"));
  return next || before;
}

}  // namespace

void EntityMatcher::link_back_references(const TokenizedText& text, std::vector<bool>& covered,
                                         std::vector<EntityMatch>& matches) const {
  constexpr std::size_t kMinSurnameLetters = 3;
  const auto& tokens = text.tokens;
  for (const EntityMatch& m : matches) {
    std::fill(covered.begin() + static_cast<long>(m.first),
              covered.begin() + static_cast<long>(m.end), true);
  }
  // Folded word -> the match it refers to, and where the reference may start.
  struct Referent {
    std::size_t match;  ///< index in `matches`
    std::size_t from;
    bool acronym;
  };
  std::unordered_map<std::string, Referent> referents;
  std::vector<EntityMatch> added;
  const auto refer = [&](const Referent& referent, std::size_t k) {
    EntityMatch& to = matches[referent.match];
    // An unknown name referred to by its last word is a person's, by an acronym an
    // organisation's.
    if (!to.entity && to.unknown_type == EntityType::kOther) {
      to.unknown_type = referent.acronym ? EntityType::kOrg : EntityType::kPerson;
    }
    EntityMatch m{k, k + 1, to.entity, to.loose, to.unknown_type};
    if (!to.entity) {
      m.same_first = to.name_first();
      m.same_end = to.name_end();
    }
    added.push_back(m);
    covered[k] = true;
  };
  std::size_t next = 0;  // the next match to learn from
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    for (; next < matches.size() && matches[next].end <= k; ++next) {
      const EntityMatch& m = matches[next];
      const EntityType type = m.entity ? m.entity->type : m.unknown_type;
      const Token& last = tokens[m.end - 1];
      // A person's surname: the last word of a name of two words or more (an unknown name of
      // two words is mostly a person's: "Kamal Osmani").
      const bool person =
          type == EntityType::kPerson || (!m.entity && type == EntityType::kOther &&
                                          m.end - m.first == 2 && !names_a_body(last.folded));
      if (person && m.end - m.first >= 2 && is_name_word(text, last) && !last.all_caps &&
          last.folded.size() >= kMinSurnameLetters) {
        referents.try_emplace(last.folded, Referent{next, m.end, false});
      }
      if (const auto acronym = defined_acronym(text, m.first, m.end)) {
        referents.try_emplace(tokens[*acronym].folded, Referent{next, *acronym, true});
      }
    }
    if (covered[k] || !tokens[k].capitalised || referents.empty() ||
        text.sentences[tokens[k].sentence].shouting) {
      continue;
    }
    const auto it = referents.find(tokens[k].folded);
    if (it == referents.end() || k < it->second.from) continue;
    const EntityMatch& to = matches[it->second.match];
    // A name of two words not known as a person's ("North American", "Curzon Line") is one
    // only once its last word alone speaks or is addressed as a person ("Osmani said").
    const bool unproven =
        !it->second.acronym && !to.entity && to.unknown_type != EntityType::kPerson;
    const bool fits = it->second.acronym ? tokens[k].all_caps
                                         : is_name_word(text, tokens[k]) &&
                                               (!unproven || speaks_as_person(text, k));
    // A surname stands alone: "Osmani said", not "Osmani Street" or "Ahmed Osmani".
    const bool alone =
        it->second.acronym ||
        ((k + 1 >= tokens.size() || !tokens[k + 1].joined || !tokens[k + 1].capitalised) &&
         (!tokens[k].joined || k == 0 || !tokens[k - 1].capitalised));
    if (fits && alone) refer(it->second, k);
  }
  if (added.empty()) return;
  matches.insert(matches.end(), added.begin(), added.end());
  std::sort(matches.begin(), matches.end(),
            [](const EntityMatch& a, const EntityMatch& b) { return a.first < b.first; });
}

namespace {

// True when tokens [first, end) end with two or more initials whose last dot follows them
// ("U.S." in "the U.S. military"): the dot belongs to the name as written.
bool ends_with_initials(const TokenizedText& text, std::size_t first, std::size_t end) {
  const auto& tokens = text.tokens;
  if (end - first < 2 || tokens[end - 1].folded.size() != 1 || tokens[end - 2].folded.size() != 1) {
    return false;
  }
  const std::size_t after = tokens[end - 1].end;
  return after < text.text.size() && text.text[after] == '.' &&
         text.text.substr(tokens[end - 2].end, tokens[end - 1].begin - tokens[end - 2].end) == ".";
}

}  // namespace

namespace {

// The tokens of a gazetteer match that spell the name itself: without a person's title before
// it ("President Vladimir Putin", "Sheikh Naim Qassem") or a lower-case designator after a
// Latin-script name ("Islamic State group", "Jabaliya refugee camp", "Kharkiv region"), which a
// listed spelling may carry. The match keeps its tokens; only the spelling shown changes.
std::pair<std::size_t, std::size_t> spelling_span(const TokenizedText& text, const EntityMatch& m) {
  static const Words kTitles = {
      "mr",        "mrs",       "ms",      "dr",       "sir",     "president", "prime",
      "minister",  "general",   "gen",     "col",      "colonel", "lt",        "lieutenant",
      "sgt",       "sergeant",  "captain", "capt",     "major",   "maj",       "commander",
      "brigadier", "admiral",   "marshal", "field",    "sheikh",  "shaikh",    "sayyed",
      "sayed",     "ayatollah", "imam",    "emir",     "prince",  "king",      "queen",
      "senator",   "sen",       "gov",     "governor", "mayor",   "chief",     "deputy"};
  const auto& tokens = text.tokens;
  std::size_t first = m.first;
  std::size_t end = m.end;
  const auto latin_lower = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(text.text[tokens[k].begin]);
    return c >= 'a' && c <= 'z';
  };
  const auto latin_capital = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(text.text[tokens[k].begin]);
    return c >= 'A' && c <= 'Z';
  };
  if (m.entity->type == EntityType::kPerson) {
    while (end - first > 2 && contains(kTitles, tokens[first].folded) && latin_capital(first + 1)) {
      ++first;
    }
  }
  while (end - first > 1 && latin_lower(end - 1) && latin_capital(first) &&
         !is_arabic_article(tokens[end - 1].folded) && !is_connector(tokens[end - 1].folded)) {
    --end;
  }
  return {first, end};
}

}  // namespace

std::vector<EntityMention> collect_entities(const TokenizedText& text,
                                            const std::vector<EntityMatch>& matches) {
  std::vector<EntityMention> entities;
  std::unordered_map<std::string, std::size_t> index;
  // The text as written of tokens [first, end): "U.S.", not "U.S".
  const auto written = [&text](std::size_t first, std::size_t end) {
    std::string surface(text.span_text(first, end));
    if (ends_with_initials(text, first, end)) surface += '.';
    return surface;
  };
  for (const EntityMatch& m : matches) {
    const auto [first, end] = m.entity ? spelling_span(text, m) : std::pair{m.first, m.end};
    const std::string surface = written(first, end);
    const std::string name = m.entity ? m.entity->canonical : written(m.name_first(), m.name_end());
    std::string id = m.entity ? m.entity->id : schema::unknown_name_id(name);
    auto [it, inserted] = index.emplace(id, entities.size());
    if (inserted) {
      EntityMention mention;
      mention.id = std::move(id);
      mention.name = name;
      mention.type = m.entity ? m.entity->type : m.unknown_type;
      entities.push_back(std::move(mention));
    }
    EntityMention& e = entities[it->second];
    ++e.count;
    if (std::find(e.mentions.begin(), e.mentions.end(), surface) == e.mentions.end()) {
      e.mentions.push_back(surface);
    }
  }
  return entities;
}

}  // namespace cs
