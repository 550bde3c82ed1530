#include "indexer/claims.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/claim.h"
#include "core/normalize.h"
#include "indexer/claim_numbers.h"

namespace cs {

namespace {

using Words = std::unordered_set<std::string_view>;

bool has(const Words& words, std::string_view w) { return words.count(w) != 0; }

// Participles and adjectives after the victims: "were killed", "dead", "12 injured".
std::optional<Outcome> stative_outcome(std::string_view w) {
  static const std::unordered_map<std::string_view, Outcome> kWords = {
      {"killed", Outcome::kKilled},        {"dead", Outcome::kKilled},
      {"died", Outcome::kKilled},          {"dying", Outcome::kKilled},
      {"slain", Outcome::kKilled},         {"executed", Outcome::kKilled},
      {"murdered", Outcome::kKilled},      {"massacred", Outcome::kKilled},
      {"perished", Outcome::kKilled},      {"martyred", Outcome::kKilled},
      {"martyrs", Outcome::kKilled},       {"beheaded", Outcome::kKilled},
      {"neutralised", Outcome::kKilled},   {"neutralized", Outcome::kKilled},
      {"eliminated", Outcome::kKilled},    {"hospitalised", Outcome::kWounded},
      {"surrendered", Outcome::kCaptured}, {"arrested", Outcome::kCaptured},
      {"flee", Outcome::kDisplaced},       {"fleeing", Outcome::kDisplaced},
      {"relocated", Outcome::kDisplaced},  {"hospitalized", Outcome::kWounded},
      {"deaths", Outcome::kKilled},        {"fatalities", Outcome::kKilled},
      {"wounded", Outcome::kWounded},      {"injured", Outcome::kWounded},
      {"hurt", Outcome::kWounded},         {"injuries", Outcome::kWounded},
      {"captured", Outcome::kCaptured},    {"abducted", Outcome::kCaptured},
      {"kidnapped", Outcome::kCaptured},   {"detained", Outcome::kCaptured},
      {"missing", Outcome::kMissing},      {"displaced", Outcome::kDisplaced},
      {"fled", Outcome::kDisplaced},       {"uprooted", Outcome::kDisplaced},
      {"evacuated", Outcome::kDisplaced},  {"homeless", Outcome::kDisplaced},
      {"maimed", Outcome::kWounded},       {"disappeared", Outcome::kMissing}};
  const auto it = kWords.find(w);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

// Words that are the outcome on their own, with no auxiliary or victims needed ("45 dead").
bool is_bare_outcome(std::string_view w) {
  static const Words kWords = {
      "dead",      "deaths",       "fatalities",   "missing",   "killed",   "wounded",
      "injured",   "died",         "homeless",     "displaced", "captured", "abducted",
      "kidnapped", "executed",     "hurt",         "martyrs",   "injuries", "beheaded",
      "martyred",  "hospitalised", "hospitalized", "detained",  "arrested", "surrendered"};
  return has(kWords, w);
}

// Verbs before the number: "air strikes killed 30", "killing at least 70".
std::optional<Outcome> active_outcome(std::string_view w) {
  static const std::unordered_map<std::string_view, Outcome> kWords = {
      {"killed", Outcome::kKilled},       {"killing", Outcome::kKilled},
      {"kills", Outcome::kKilled},        {"kill", Outcome::kKilled},
      {"executed", Outcome::kKilled},     {"executing", Outcome::kKilled},
      {"slew", Outcome::kKilled},         {"massacred", Outcome::kKilled},
      {"murdered", Outcome::kKilled},     {"slaughtered", Outcome::kKilled},
      {"beheaded", Outcome::kKilled},     {"behead", Outcome::kKilled},
      {"beheading", Outcome::kKilled},    {"neutralised", Outcome::kKilled},
      {"neutralized", Outcome::kKilled},  {"neutralising", Outcome::kKilled},
      {"neutralizing", Outcome::kKilled}, {"eliminated", Outcome::kKilled},
      {"eliminating", Outcome::kKilled},  {"liquidated", Outcome::kKilled},
      {"injure", Outcome::kWounded},      {"wound", Outcome::kWounded},
      {"seized", Outcome::kCaptured},     {"seizing", Outcome::kCaptured},
      {"holding", Outcome::kCaptured},    {"holds", Outcome::kCaptured},
      {"evacuated", Outcome::kDisplaced}, {"evacuating", Outcome::kDisplaced},
      {"abduct", Outcome::kCaptured},     {"abducts", Outcome::kCaptured},
      {"kidnap", Outcome::kCaptured},     {"kidnaps", Outcome::kCaptured},
      {"capture", Outcome::kCaptured},    {"captures", Outcome::kCaptured},
      {"detain", Outcome::kCaptured},     {"detains", Outcome::kCaptured},
      {"displace", Outcome::kDisplaced},  {"displaces", Outcome::kDisplaced},
      {"wounded", Outcome::kWounded},     {"wounding", Outcome::kWounded},
      {"wounds", Outcome::kWounded},      {"injured", Outcome::kWounded},
      {"injuring", Outcome::kWounded},    {"injures", Outcome::kWounded},
      {"captured", Outcome::kCaptured},   {"capturing", Outcome::kCaptured},
      {"abducted", Outcome::kCaptured},   {"abducting", Outcome::kCaptured},
      {"kidnapped", Outcome::kCaptured},  {"kidnapping", Outcome::kCaptured},
      {"detained", Outcome::kCaptured},   {"detaining", Outcome::kCaptured},
      {"arrested", Outcome::kCaptured},   {"arresting", Outcome::kCaptured},
      {"displaced", Outcome::kDisplaced}, {"displacing", Outcome::kDisplaced},
      {"uprooted", Outcome::kDisplaced},  {"uprooting", Outcome::kDisplaced},
      {"martyring", Outcome::kKilled},    {"maimed", Outcome::kWounded},
      {"maiming", Outcome::kWounded}};
  const auto it = kWords.find(w);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

// Between the victims and a stative outcome: "were", "have been", "reportedly", "also".
bool is_auxiliary(std::string_view w) {
  static const Words kWords = {
      "were",      "was",      "are",        "is",        "been",       "being",    "be",
      "have",      "has",      "had",        "where",     "reportedly", "also",     "all",
      "allegedly", "later",    "now",        "confirmed", "reported",   "believed", "feared",
      "thought",   "said",     "to",         "either",    "both",       "still",    "subsequently",
      "initially", "found",    "got",        "left",      "lay",        "remain",   "remained",
      "presumed",  "declared", "listed",     "seriously", "critically", "severely", "badly",
      "lightly",   "slightly", "gravely",    "fatally",   "internally", "mortally", "likely",
      "probably",  "possibly", "apparently", "as",        "forcibly"};
  return has(kWords, w);
}

// The verbs among the auxiliaries: what ends a prepositional phrase inside the victims.
bool is_verb_auxiliary(std::string_view w) {
  return w == "were" || w == "was" || w == "are" || w == "is" || w == "have" || w == "has" ||
         w == "had" || w == "been" || w == "being" || w == "be" || w == "remain" ||
         w == "remained" || w == "where";
}

// Words that end a victims phrase: prepositions and clause words.
bool ends_victims(std::string_view w) {
  static const Words kWords = {
      "that",   "which",     "who",      "whom",      "whose",      "in",       "on",        "at",
      "from",   "by",        "with",     "after",     "before",     "during",   "since",     "for",
      "as",     "when",      "while",    "than",      "into",       "against",  "under",     "near",
      "across", "over",      "because",  "but",       "though",     "although", "if",        "so",
      "then",   "overnight", "today",    "yesterday", "last",       "this",     "earlier",   "amid",
      "inside", "outside",   "around",   "along",     "throughout", "between",  "according", "said",
      "says",   "told",      "reported", "per",       "out",        "off"};
  return has(kWords, w);
}

// First words after a number that show it counts something other than people.
bool is_non_victim_unit(std::string_view w) {
  static const Words kWords = {
      "year",        "years",      "month",       "months",    "day",        "days",
      "hour",        "hours",      "minute",      "minutes",   "week",       "weeks",
      "km",          "kilometres", "kilometers",  "miles",     "mile",       "metres",
      "meters",      "percent",    "per",         "pc",        "times",      "attacks",
      "strikes",     "airstrikes", "raids",       "sorties",   "operations", "tanks",
      "rockets",     "missiles",   "shells",      "drones",    "vehicles",   "targets",
      "villages",    "towns",      "checkpoints", "positions", "dollars",    "euros",
      "tonnes",      "tons",       "bombs",       "mortars",   "rounds",     "buildings",
      "homes",       "houses",     "schools",     "hospitals", "am",         "pm",
      "gmt",         "bn",         "million",     "billion",   "th",         "st",
      "nd",          "rd",         "o'clock",     "posts",     "outposts",   "bases",
      "settlements", "localities", "hectares",    "square",    "rifles",     "firearms",
      "guns",        "weapons",    "grenades",    "devices",   "explosives", "mines",
      "ieds",        "cartridges", "magazines"};
  return has(kWords, w);
}

enum class WordClass { kNone, kCivilians, kChildren, kGovernment, kArmed, kPeople };

WordClass victim_word_class(std::string_view w) {
  static const std::unordered_map<std::string_view, WordClass> kWords = {
      {"child", WordClass::kChildren},
      {"children", WordClass::kChildren},
      {"kids", WordClass::kChildren},
      {"minors", WordClass::kChildren},
      {"boys", WordClass::kChildren},
      {"girls", WordClass::kChildren},
      {"boy", WordClass::kChildren},
      {"girl", WordClass::kChildren},
      {"infants", WordClass::kChildren},
      {"babies", WordClass::kChildren},
      {"toddlers", WordClass::kChildren},
      {"schoolchildren", WordClass::kChildren},
      {"civilian", WordClass::kCivilians},
      {"civilians", WordClass::kCivilians},
      {"residents", WordClass::kCivilians},
      {"villagers", WordClass::kCivilians},
      {"women", WordClass::kCivilians},
      {"worshippers", WordClass::kCivilians},
      {"worshipers", WordClass::kCivilians},
      {"passengers", WordClass::kCivilians},
      {"travellers", WordClass::kCivilians},
      {"travelers", WordClass::kCivilians},
      {"commuters", WordClass::kCivilians},
      {"shoppers", WordClass::kCivilians},
      {"protesters", WordClass::kCivilians},
      {"demonstrators", WordClass::kCivilians},
      {"journalists", WordClass::kCivilians},
      {"reporters", WordClass::kCivilians},
      {"medics", WordClass::kCivilians},
      {"doctors", WordClass::kCivilians},
      {"nurses", WordClass::kCivilians},
      {"paramedics", WordClass::kCivilians},
      {"patients", WordClass::kCivilians},
      {"refugees", WordClass::kCivilians},
      {"migrants", WordClass::kCivilians},
      {"pilgrims", WordClass::kCivilians},
      {"farmers", WordClass::kCivilians},
      {"fishermen", WordClass::kCivilians},
      {"students", WordClass::kCivilians},
      {"pupils", WordClass::kChildren},
      {"schoolgirls", WordClass::kChildren},
      {"schoolboys", WordClass::kChildren},
      {"teachers", WordClass::kCivilians},
      {"families", WordClass::kCivilians},
      {"relatives", WordClass::kCivilians},
      {"bystanders", WordClass::kCivilians},
      {"noncombatants", WordClass::kCivilians},
      {"aid", WordClass::kCivilians},
      {"workers", WordClass::kCivilians},
      {"volunteers", WordClass::kCivilians},
      {"mourners", WordClass::kCivilians},
      {"guests", WordClass::kCivilians},
      {"detainees", WordClass::kCivilians},
      {"prisoners", WordClass::kCivilians},
      {"displaced", WordClass::kCivilians},
      {"soldier", WordClass::kGovernment},
      {"soldiers", WordClass::kGovernment},
      {"troops", WordClass::kGovernment},
      {"army", WordClass::kGovernment},
      {"regime", WordClass::kGovernment},
      {"servicemen", WordClass::kGovernment},
      {"police", WordClass::kGovernment},
      {"policemen", WordClass::kGovernment},
      {"officers", WordClass::kGovernment},
      {"guards", WordClass::kGovernment},
      {"conscripts", WordClass::kGovernment},
      {"personnel", WordClass::kGovernment},
      {"security", WordClass::kGovernment},
      {"government", WordClass::kGovernment},
      {"loyalists", WordClass::kGovernment},
      {"marines", WordClass::kGovernment},
      {"sailors", WordClass::kGovernment},
      {"gendarmes", WordClass::kGovernment},
      {"military", WordClass::kGovernment},
      {"servicemembers", WordClass::kGovernment},
      {"militants", WordClass::kArmed},
      {"fighters", WordClass::kArmed},
      {"jihadists", WordClass::kArmed},
      {"rebels", WordClass::kArmed},
      {"insurgents", WordClass::kArmed},
      {"terrorists", WordClass::kArmed},
      {"gunmen", WordClass::kArmed},
      {"extremists", WordClass::kArmed},
      {"mujahideen", WordClass::kArmed},
      {"militiamen", WordClass::kArmed},
      {"militia", WordClass::kArmed},
      {"mercenaries", WordClass::kArmed},
      {"attackers", WordClass::kArmed},
      {"assailants", WordClass::kArmed},
      {"bandits", WordClass::kArmed},
      {"separatists", WordClass::kArmed},
      {"guerrillas", WordClass::kArmed},
      {"combatants", WordClass::kArmed},
      {"people", WordClass::kPeople},
      {"persons", WordClass::kPeople},
      {"individuals", WordClass::kPeople},
      {"others", WordClass::kPeople},
      {"men", WordClass::kPeople},
      {"members", WordClass::kPeople},
      {"victims", WordClass::kPeople},
      {"bodies", WordClass::kPeople},
      {"person", WordClass::kPeople},
      {"cadets", WordClass::kGovernment},
      {"recruits", WordClass::kGovernment},
      {"airmen", WordClass::kGovernment},
      {"paratroopers", WordClass::kGovernment},
      {"commandos", WordClass::kGovernment},
      {"guardsmen", WordClass::kGovernment},
      {"servicewomen", WordClass::kGovernment},
      {"policemen", WordClass::kGovernment},
      {"hunters", WordClass::kCivilians},
      {"shepherds", WordClass::kCivilians},
      {"herders", WordClass::kCivilians},
      {"traders", WordClass::kCivilians},
      {"miners", WordClass::kCivilians},
      {"drivers", WordClass::kCivilians},
      {"merchants", WordClass::kCivilians},
      {"labourers", WordClass::kCivilians},
      {"laborers", WordClass::kCivilians},
      {"farmworkers", WordClass::kCivilians},
      {"abductees", WordClass::kCivilians},
      {"man", WordClass::kPeople},
      {"woman", WordClass::kCivilians},
      {"crew", WordClass::kPeople},
      {"citizens", WordClass::kCivilians},
      {"inhabitants", WordClass::kCivilians},
      {"gang", WordClass::kArmed},
      {"gangs", WordClass::kArmed},
      {"gangsters", WordClass::kArmed},
      {"seminarians", WordClass::kCivilians},
      {"priests", WordClass::kCivilians},
      {"nuns", WordClass::kCivilians},
      {"monks", WordClass::kCivilians},
      {"clergy", WordClass::kCivilians},
      {"peacekeepers", WordClass::kGovernment},
      {"peacekeeper", WordClass::kGovernment},
      {"peshmerga", WordClass::kGovernment},
      {"officer", WordClass::kGovernment},
      {"policeman", WordClass::kGovernment},
      {"fighter", WordClass::kArmed},
      {"militant", WordClass::kArmed},
      {"kidnappers", WordClass::kArmed},
      {"abductors", WordClass::kArmed},
      {"pirates", WordClass::kArmed},
      {"smugglers", WordClass::kArmed},
      {"raiders", WordClass::kArmed},
      {"foreigners", WordClass::kCivilians},
      {"tourists", WordClass::kCivilians},
      {"staff", WordClass::kCivilians},
      {"staffers", WordClass::kCivilians},
      {"employees", WordClass::kCivilians},
      // Singular people, for counts of one ("a journalist was killed").
      {"baby", WordClass::kChildren},
      {"infant", WordClass::kChildren},
      {"toddler", WordClass::kChildren},
      {"schoolboy", WordClass::kChildren},
      {"schoolgirl", WordClass::kChildren},
      {"resident", WordClass::kCivilians},
      {"villager", WordClass::kCivilians},
      {"farmer", WordClass::kCivilians},
      {"shepherd", WordClass::kCivilians},
      {"herder", WordClass::kCivilians},
      {"fisherman", WordClass::kCivilians},
      {"worker", WordClass::kCivilians},
      {"journalist", WordClass::kCivilians},
      {"reporter", WordClass::kCivilians},
      {"photographer", WordClass::kCivilians},
      {"photojournalist", WordClass::kCivilians},
      {"cameraman", WordClass::kCivilians},
      {"doctor", WordClass::kCivilians},
      {"nurse", WordClass::kCivilians},
      {"paramedic", WordClass::kCivilians},
      {"medic", WordClass::kCivilians},
      {"teacher", WordClass::kCivilians},
      {"student", WordClass::kCivilians},
      {"pupil", WordClass::kCivilians},
      {"priest", WordClass::kCivilians},
      {"pastor", WordClass::kCivilians},
      {"imam", WordClass::kCivilians},
      {"driver", WordClass::kCivilians},
      {"passenger", WordClass::kCivilians},
      {"pilgrim", WordClass::kCivilians},
      {"worshipper", WordClass::kCivilians},
      {"protester", WordClass::kCivilians},
      {"demonstrator", WordClass::kCivilians},
      {"refugee", WordClass::kCivilians},
      {"migrant", WordClass::kCivilians},
      {"volunteer", WordClass::kCivilians},
      {"trader", WordClass::kCivilians},
      {"shopkeeper", WordClass::kCivilians},
      {"pensioner", WordClass::kCivilians},
      {"citizen", WordClass::kCivilians},
      {"mother", WordClass::kCivilians},
      {"grandmother", WordClass::kCivilians},
      {"serviceman", WordClass::kGovernment},
      {"servicewoman", WordClass::kGovernment},
      {"policewoman", WordClass::kGovernment},
      {"guard", WordClass::kGovernment},
      {"gendarme", WordClass::kGovernment},
      {"reservist", WordClass::kGovernment},
      {"conscript", WordClass::kGovernment},
      {"sailor", WordClass::kGovernment},
      {"militiaman", WordClass::kArmed},
      {"insurgent", WordClass::kArmed},
      {"rebel", WordClass::kArmed},
      {"jihadist", WordClass::kArmed},
      {"gunman", WordClass::kArmed},
      {"member", WordClass::kPeople},
      {"hostage", WordClass::kPeople},
      {"detainee", WordClass::kPeople},
      {"prisoner", WordClass::kPeople},
      {"employee", WordClass::kPeople},
      {"father", WordClass::kPeople},
      {"son", WordClass::kPeople},
      {"daughter", WordClass::kChildren},
      {"teenager", WordClass::kPeople},
      {"youth", WordClass::kPeople}};
  const auto it = kWords.find(w);
  if (it != kWords.end()) return it->second;
  // Nationalities and peoples: "Palestinians", "Israelis", "Ukrainians", "Yemenis".
  if (w.size() > 5 && (w.ends_with("ians") || w.ends_with("ans") || w.ends_with("is"))) {
    return WordClass::kPeople;
  }
  return WordClass::kNone;
}

// Reporting verbs of attribution ("X said", "said X", "X told Reuters").
bool is_reporting_verb(std::string_view w) {
  static const Words kWords = {
      "said",       "says",      "say",      "reported",     "reports",   "claimed",   "claims",
      "confirmed",  "confirms",  "told",     "stated",       "states",    "announced", "announces",
      "added",      "adds",      "tweeted",  "wrote",        "estimated", "estimates", "counted",
      "documented", "recorded",  "posted",   "quoted",       "cited",     "insisted",  "alleged",
      "updated",    "published", "declared", "acknowledged", "admitted",  "noted",     "explained",
      "estimate",   "report",    "claim",    "confirm",      "verified",  "tallied",   "announce",
      "warned",     "saying",    "assesses", "assessed",     "assess"};
  return has(kWords, w);
}

// The head words of a claimant that is no name: "activists said", "the ministry said".
bool is_claimant_noun(std::string_view w) {
  static const Words kWords = {"source",        "sources",        "official",     "officials",
                               "activist",      "activists",      "ministry",     "army",
                               "military",      "agency",         "agencies",     "spokesman",
                               "spokeswoman",   "spokesperson",   "spokespeople", "monitor",
                               "monitors",      "observatory",    "witness",      "witnesses",
                               "resident",      "residents",      "medic",        "medics",
                               "doctor",        "doctors",        "rescuer",      "rescuers",
                               "police",        "commander",      "commanders",   "governor",
                               "group",         "groups",         "statement",    "report",
                               "media",         "television",     "tv",           "radio",
                               "council",       "authorities",    "authority",    "government",
                               "committee",     "hospital",       "office",       "command",
                               "mission",       "service",        "services",     "department",
                               "organisation",  "organization",   "channel",      "outlet",
                               "newspaper",     "daily",          "website",      "network",
                               "correspondent", "reporter",       "paramedics",   "workers",
                               "officer",       "general",        "minister",     "president",
                               "chief",         "head",           "director",     "leader",
                               "leaders",       "movement",       "coalition",    "campaign",
                               "forces",        "militants",      "rebels",       "insurgents",
                               "fighters",      "staff",          "tally",        "count",
                               "figures",       "data",           "people",       "locals",
                               "survivors",     "volunteers",     "team",         "teams",
                               "unit",          "administration", "mayor",        "press",
                               "charity",       "charities",      "priest",       "families",
                               "relatives",     "defence",        "defense",      "headquarters",
                               "union",         "unions",         "brigade",      "battalion",
                               "regiment",      "association",    "syndicate",    "navy"};
  return has(kWords, w);
}

// A role: the person it names speaks for the organisation beside it.
bool is_role_word(std::string_view w) {
  static const Words kWords = {
      "director",  "head",        "spokesman",      "spokeswoman", "spokesperson",  "chief",
      "founder",   "commander",   "official",       "leader",      "president",     "chairman",
      "secretary", "coordinator", "representative", "member",      "correspondent", "reporter",
      "activist",  "manager",     "minister",       "governor",    "mayor",         "envoy",
      "general",   "researcher",  "analyst",        "who"};
  return has(kWords, w);
}

bool is_pronoun(std::string_view w) {
  return w == "he" || w == "she" || w == "they" || w == "it" || w == "we" || w == "i";
}

bool is_skippable_adverb(std::string_view w) {
  static const Words kWords = {
      "also",       "has",          "have",    "had",       "later",    "earlier",    "previously",
      "separately", "again",        "then",    "recently",  "further",  "officially", "publicly",
      "initially",  "subsequently", "had",     "has",       "would",    "will",       "on",
      "sunday",     "monday",       "tuesday", "wednesday", "thursday", "friday",     "saturday"};
  return has(kWords, w);
}

bool is_determiner(std::string_view w) { return w == "the" || w == "a" || w == "an"; }

// Words without which a sentence holds no claim: every outcome word and the nouns of the
// toll, body-count, hostage and displacement patterns.
bool is_trigger(std::string_view w) {
  static const Words kWords = [] {
    Words words = {"toll",      "bodies",    "corpses",       "lives",          "deaths",
                   "prisoner",  "prisoners", "captive",       "captives",       "hostage",
                   "hostages",  "homes",     "flee",          "unaccounted",    "remains",
                   "killings",  "driven",    "forced",        "taken",          "took",
                   "lost",      "death",     "succumbed",     "succumbing",     "sustained",
                   "losses",    "martyrdom", "held",          "holding",        "custody",
                   "kia",       "wia",       "mia",           "hospital",       "moved",
                   "embraced",  "sent",      "count",         "tally",          "crossed",
                   "detention", "body",      "disappearance", "disappearances", "bury"};
    return words;
  }();
  return has(kWords, w) || stative_outcome(w) || active_outcome(w);
}

// Byte ranges of quotations: curly or guillemet pairs, straight quotes toggled, none across
// a line break (an unclosed quotation ends with its paragraph).
std::vector<std::pair<std::size_t, std::size_t>> quotations(std::string_view text) {
  constexpr std::size_t kNone = std::string_view::npos;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t open = kNone;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    const bool curly_open = rest.starts_with("\xE2\x80\x9C") || rest.starts_with("\xC2\xAB");
    const bool curly_close = rest.starts_with("\xE2\x80\x9D") || rest.starts_with("\xC2\xBB");
    if (text[i] == '\n') {
      if (open != kNone) spans.emplace_back(open, i);
      open = kNone;
    } else if (curly_open || (text[i] == '"' && open == kNone)) {
      if (open != kNone) spans.emplace_back(open, i);
      open = i;
    } else if ((curly_close || text[i] == '"') && open != kNone) {
      spans.emplace_back(open, i);
      open = kNone;
    }
  }
  if (open != kNone) spans.emplace_back(open, text.size());
  return spans;
}

// A claimant phrase: tokens [first, end), and where its main part ends (before an appositive).
struct Phrase {
  std::size_t first = 0;
  std::size_t end = 0;
  std::size_t head = 0;  ///< last token of the main part
};

class ClaimFinder {
 public:
  ClaimFinder(const TokenizedText& text, const std::vector<EntityMatch>& matches,
              const std::vector<DateAt>& dates, const PartialDate& published,
              ClaimLanguage language)
      : language_(language),
        text_(text),
        tokens_(text.tokens),
        matches_(matches),
        dates_(dates),
        published_(published),
        owner_(text.tokens.size(), -1),
        quote_of_(text.tokens.size(), -1) {
    for (std::size_t m = 0; m < matches.size(); ++m) {
      for (std::size_t i = matches[m].first; i < matches[m].end; ++i) {
        owner_[i] = static_cast<int>(m);
      }
    }
    quotes_ = quotations(text.text);
    std::size_t q = 0;
    for (std::size_t i = 0; i < tokens_.size(); ++i) {
      while (q < quotes_.size() && quotes_[q].second <= tokens_[i].begin) ++q;
      if (q < quotes_.size() && tokens_[i].end > quotes_[q].first &&
          tokens_[i].begin < quotes_[q].second) {
        quote_of_[i] = static_cast<int>(q);
      }
    }
    sentence_first_.assign(text.sentences.size() + 1, tokens_.size());
    for (std::size_t i = tokens_.size(); i-- > 0;) sentence_first_[tokens_[i].sentence] = i;
    for (std::size_t s = text.sentences.size(); s-- > 0;) {
      sentence_first_[s] = std::min(sentence_first_[s], sentence_first_[s + 1]);
    }
    article_place_ = main_place();
  }

  // Finds the claims of the sentences flagged in `candidates` (sentence_has_trigger).
  ClaimExtraction run(const std::vector<bool>& candidates) {
    for (std::size_t s = 0; s < text_.sentences.size(); ++s) {
      const std::size_t first = sentence_first_[s];
      const std::size_t end = sentence_first_[s + 1];
      if (first >= end || !candidates[s]) continue;
      attributed_sentence_.reset();
      if (s > 0 && sentence_first_[s - 1] < first) {
        attributed_sentence_ = language_ == ClaimLanguage::kEnglish
                                   ? attribution_opens(sentence_first_[s - 1], first)
                                   : worded_attribution_opens(sentence_first_[s - 1], first);
      }
      sentence_claims(first, end);
    }
    return std::move(out_);
  }

 private:
  std::string_view word(std::size_t i) const {
    return i < tokens_.size() ? std::string_view(tokens_[i].folded) : std::string_view();
  }
  bool same_sentence(std::size_t a, std::size_t b) const {
    return a < tokens_.size() && b < tokens_.size() && tokens_[a].sentence == tokens_[b].sentence;
  }
  // The text between token i - 1 and token i; from i = tokens_.size() on, the text after the
  // last token (so that no i reads past the token arrays).
  std::string_view gap_before(std::size_t i) const {
    const std::size_t from =
        i == 0 || tokens_.empty() ? 0 : tokens_[std::min(i, tokens_.size()) - 1].end;
    const std::size_t to = i < tokens_.size() ? tokens_[i].begin : text_.text.size();
    return text_.text.substr(from, to - from);
  }
  bool comma_before(std::size_t i) const {
    return gap_before(i).find_first_of(",;:") != std::string_view::npos;
  }
  // Punctuation or a quotation boundary before token i; the end of the text is one.
  bool punct_before(std::size_t i) const {
    if (i >= tokens_.size()) return true;
    const int quote_before = i == 0 ? -1 : quote_of_[i - 1];
    return gap_before(i).find_first_of(",;:()[]\"") != std::string_view::npos ||
           quote_of_[i] != quote_before;
  }
  bool capitalised(std::size_t i) const {
    const auto c = static_cast<unsigned char>(text_.text[tokens_[i].begin]);
    return c >= 'A' && c <= 'Z';
  }
  // True when a number expression starts at token i.
  bool is_number(std::size_t i) const {
    return i < tokens_.size() && may_start_number(text_, i) && number_at(text_, i).has_value();
  }

  const EntityMatch* match_of(std::size_t i) const {
    return owner_[i] < 0 ? nullptr : &matches_[static_cast<std::size_t>(owner_[i])];
  }

  // ---- sentences and the numbers in them ----

  void sentence_claims(std::size_t first, std::size_t end) {
    covered_until_ = first;
    conditional_sentence_ = language_ != ClaimLanguage::kEnglish && has_conditional(first, end);
    for (std::size_t i = first; i < end; ++i) {
      if (i < covered_until_) continue;
      auto number = may_start_number(text_, i) ? number_at(text_, i) : std::nullopt;
      if (!number && language_ == ClaimLanguage::kEnglish) number = one_person_at(i, end);
      if (!number && language_ != ClaimLanguage::kEnglish) number = noun_count_at(i);
      if (!number) continue;
      if (language_ == ClaimLanguage::kEnglish) {
        consider(*number, first, end);
      } else {
        consider_worded(*number, first, end);
      }
      i = std::max(i, number->end - 1);
    }
  }

  // "a civilian", "an 8-year-old girl", "another soldier", "a Hezbollah member": one person
  // named with an article, a count of one whose number ends where the person's noun starts
  // (so the victims are that noun). The claim patterns still decide whether it is a claim.
  std::optional<NumberExpr> one_person_at(std::size_t i, std::size_t end) const {
    const std::string_view w = word(i);
    if (w != "a" && w != "an" && w != "another") return std::nullopt;
    for (std::size_t k = i + 1; k < end && k < i + 9; ++k) {
      if (punct_before(k)) return std::nullopt;
      const std::string_view x = word(k);
      const WordClass cls = victim_word_class(x);
      if (cls != WordClass::kNone) {
        // Words that modify the person's noun: "an aid worker", "a police officer".
        if (x == "aid" || x == "crew" || x == "police" || x == "security" || x == "army" ||
            x == "military" || x == "government" || x == "regime" || x == "militia") {
          continue;
        }
        // Singular nouns only: "a family", "a crowd" or plural forms count no one person.
        const bool plural = x.ends_with("s") || x == "people" || x == "men" || x == "women" ||
                            x == "children" || x == "staff" || x == "gang" || x == "displaced" ||
                            x == "personnel";
        if (plural) return std::nullopt;
        NumberExpr n;
        n.first = n.value_first = i;
        n.end = k;
        n.low = n.high = 1;
        n.single = true;
        return n;
      }
      if (ends_victims(x) || is_auxiliary(x) || stative_outcome(x) || active_outcome(x) ||
          x == "and" || x == "or" || x == "of" || is_reporting_verb(x)) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The count that opens a second group of victims after "and": a number ("and 3 soldiers"),
  // one person ("and a child") or a number after a possessive ("and her two children").
  std::optional<NumberExpr> other_count_at(std::size_t k, std::size_t end) const {
    if (k >= end) return std::nullopt;
    const std::string_view w = word(k);
    if (w == "her" || w == "his" || w == "their" || w == "its") {
      return k + 1 < end && may_start_number(text_, k + 1) ? number_at(text_, k + 1) : std::nullopt;
    }
    if (auto n = may_start_number(text_, k) ? number_at(text_, k) : std::nullopt) return n;
    return one_person_at(k, end);
  }

  std::string number_text(const NumberExpr& n) const {
    return std::string(text_.span_text(n.first, n.end));
  }

  void drop(const NumberExpr& n, std::string_view reason) {
    out_.dropped.push_back("'" + number_text(n) + "': " + std::string(reason));
  }

  void consider(const NumberExpr& n, std::size_t first, std::size_t end) {
    const std::string_view next = word(n.end);
    // "180 military posts", "30 army vehicles": a unit after a word that could be people.
    // ("15 explosive devices": any one word may modify the unit, but an outcome.)
    const bool unit_after_modifier =
        !stative_outcome(next) && !is_function_word(next) && same_sentence(n.end + 1, n.first) &&
        !punct_before(n.end + 1) && is_non_victim_unit(word(n.end + 1));
    if (same_sentence(n.end, n.first) && (is_non_victim_unit(next) || unit_after_modifier ||
                                          gap_before(n.end).find('%') != std::string_view::npos)) {
      return;
    }
    if (n.end < tokens_.size() && n.end > 0 &&
        text_.text.substr(tokens_[n.end - 1].end, 1) == "%") {
      return;
    }
    if (n.first > first && word(n.first - 1) == "no") return;  // "no one was hurt"
    // "None of the 17 sailors on board were hurt".
    if (n.first >= first + 3 && word(n.first - 1) == "the" && word(n.first - 2) == "of" &&
        (word(n.first - 3) == "none" || word(n.first - 3) == "neither")) {
      return;
    }
    // "In 2014 300 people were killed": a year, then the count.
    if (n.year_like && same_sentence(n.first, n.end) && is_number(n.end)) return;
    // "one in four residents": a share, not a count.
    if (n.first > first + 1 && word(n.first - 1) == "in" && is_number(n.first - 2)) return;
    if (is_population_base(n, first)) return;
    if (is_sub_count(n, first)) return;
    // "11:45": a clock time; "rescued 23 kidnapped victims", "freed 15": people set free.
    if (n.first > first && gap_before(n.first) == ":" && is_number(n.first - 1)) return;
    if (n.first > first) {
      const std::string_view before = word(n.first - 1);
      if (before == "rescued" || before == "freed" || before == "released" ||
          before == "exchanged" || before == "swapped") {
        return;
      }
    }
    CasualtyClaim claim;
    std::size_t victims_first = n.end;
    std::size_t victims_end = n.end;
    bool found = false;
    if (auto label = label_outcome(n, first)) {
      claim.outcome = *label;
      found = true;
      victims_first = victims_end = n.first - 1;
      claim_end_ = n.end;
    } else if (auto outcome = toll_outcome(n, first)) {
      claim.outcome = *outcome;
      claim.update = toll_is_update(n, first);
      found = true;
      victims_phrase_after(n, end, victims_first, victims_end);
      if (!has_victim_word(victims_first, victims_end)) {
        toll_victims(n, first, victims_first, victims_end);
      }
    } else if (auto active = active_before(n, first)) {
      claim.outcome = *active;
      found = true;
      victims_phrase_after(n, end, victims_first, victims_end);
    } else if (auto stative = stative_after(n, end, victims_first, victims_end)) {
      // One person then a second noun phrase before the outcome is no count of one:
      // "Another resident put the number of dead at 34".
      if (n.single && has_determiner(n.end, victims_end)) return;
      claim.outcome = *stative;
      found = true;
    } else if (joins_previous_claim(n, first)) {
      claim.outcome = out_.claims.back().outcome;  // "..., along with nine soldiers"
      found = true;
      victims_phrase_after(n, end, victims_first, victims_end);
      if (!has_victim_word(victims_first, victims_end)) return;
    }
    if (!found) return;
    if (n.too_large) return drop(n, "too large to be a casualty figure");
    if (n.year_like && !has_victim_word(victims_first, victims_end)) {
      return drop(n, "looks like a year");
    }
    if (n.vague.empty() && n.low <= 0) return;
    fill_number(n, claim);
    fill_victims(n, victims_first, victims_end, claim);
    claim.claimant = claimant_for(n, first, end);
    fill_place(n, first, end, claim);
    fill_date(first, end, claim);
    fill_sentence(n, first, end, claim);
    covered_until_ = std::max(covered_until_, victims_end);
    add(std::move(claim));
  }

  void add(CasualtyClaim claim) {
    for (const CasualtyClaim& c : out_.claims) {
      if (c.low == claim.low && c.high == claim.high && c.vague == claim.vague &&
          c.outcome == claim.outcome && c.victim_class == claim.victim_class &&
          claimant_id(c) == claimant_id(claim)) {
        return;  // the same claim again (a headline repeated in the text)
      }
    }
    last_claim_end_ = claim_end_;
    out_.claims.push_back(std::move(claim));
  }

  // ---- Russian, Ukrainian and Arabic: claims by their words (claim_words.h) ----

  // Most tokens between a number and the outcome word it goes with, and victim nouns read
  // after a number.
  static constexpr std::size_t kOutcomeWindow = 5;
  static constexpr std::size_t kBareOutcomeWindow = 3;
  // Most tokens between a toll's noun ("число", "حصيلة") and its figure.
  static constexpr std::size_t kTollWindow = 10;
  static constexpr std::size_t kMaxVictimWords = 3;
  // Most tokens between an attribution cue and the name it points to, before it and after it
  // (where a title may come first).
  static constexpr std::size_t kCueWindow = 5;
  static constexpr std::size_t kMaxNameAfterCue = 8;

  // A number with an outcome word in its clause, after it and its victims ("семь человек
  // погибли", "15 شخصا على الأقل قتلوا", "12 قتيلا") or before it ("погибли семь человек",
  // "مقتل 15 شخصا"), after first. A number of things ("20 ракет", "12 марта") is none.
  void consider_worded(const NumberExpr& n, std::size_t first, std::size_t end) {
    if (counts_no_people(n, first, end)) return;
    // The victims: up to the last victim noun of the words after the number, which may follow
    // an adjective ("8 тисяч українських військових").
    std::size_t victims_end = n.end;
    std::optional<VictimClass> victim_class;
    for (std::size_t k = n.end; k < end && k < n.end + kMaxVictimWords && !punct_before(k) &&
                                !is_number(k) && !outcome_word(language_, word(k));
         ++k) {
      // "خمسة أشخاص بينهم طفلان": what follows "among them" is a part, not the class.
      if (is_among_word(language_, word(k))) break;
      // "чоловік і жінка", "шестеро цивільних та двоє рятувальників": another count.
      if (is_and_word(language_, word(k)) && k + 1 < end &&
          (is_number(k + 1) || noun_count(language_, word(k + 1)))) {
        break;
      }
      const auto cls = victim_word(language_, word(k));
      if (!cls) continue;
      // The most specific class named: "мирных жителей" are civilians, not just people.
      if (!victim_class || *victim_class == VictimClass::kUnspecified) victim_class = cls;
      victims_end = k + 1;
    }
    // "200 من عناصر الجيش السوداني", "12 عنصرا من قوات النظام": the group they belong to,
    // named a few words on, tells the class the nouns do not.
    if (!victim_class || *victim_class == VictimClass::kUnspecified) {
      for (std::size_t k = n.end; k < end && k < n.end + kMaxVictimWords + 2 && !punct_before(k);
           ++k) {
        const EntityMatch* m = match_of(k);
        if (!m || !m->entity || m->entity->type != EntityType::kOrg) {
          // Only the victims' nouns and a partitive stand between ("من عناصر", "из числа"):
          // "погибли 5 человек в результате обстрела ВСУ" names the attacker, not the dead.
          if (victim_word(language_, word(k)) || is_partitive(language_, word(k))) continue;
          break;
        }
        if (m->entity->subtype == "armed" || m->entity->subtype == "gov") {
          victim_class = m->entity->subtype == "armed" ? VictimClass::kArmedGroup
                                                       : VictimClass::kGovernmentForces;
          victims_end = std::max(victims_end, m->end);
        }
        break;
      }
    }
    // In Arabic the noun right after a number is what it counts ("25 فلسطينيا"), but one and
    // two follow their noun ("مدنيين اثنين"); Russian and Ukrainian may put the verb after the
    // number ("п'ятеро отримали поранення").
    std::size_t victims_first = n.end;
    std::size_t counted_noun_end = victims_end;
    if (language_ == ClaimLanguage::kArabic && victims_end == n.end) {
      const auto before = n.first > first && !punct_before(n.first)
                              ? victim_word(language_, word(n.first - 1))
                              : std::nullopt;
      if (n.vague.empty() && n.high <= 2 && before) {
        victim_class = before;
        victims_first = n.first - 1;
      } else if (is_counted_noun(n.end, end)) {
        counted_noun_end = n.end + 1;
      }
    }
    // Victims from the lexicon (or the counting noun, or a collective numeral, which counts
    // people only: "семеро"); a noun taken only for being after the number
    // names the victims but vouches for no count ("في 2014 سيطر ...").
    const bool victims_named = victims_end > n.end || victims_first < n.end || n.by_noun ||
                               is_collective_numeral(language_, word(n.value_first));
    // A lone person needs the outcome word close, as a bare number does ("погиб мужчина").
    const bool lone = n.by_noun && n.high == 1;
    // The outcome word stands before the noun when the noun comes first ("باستشهاد مدنيين
    // اثنين").
    NumberExpr span = n;
    if (victims_first < n.first) span.first = victims_first;
    auto outcome = worded_outcome(span, first, end, std::max(victims_end, counted_noun_end),
                                  (victims_named && !lone) || counted_noun_end > n.end);
    if (!outcome && victims_named) {
      outcome = worded_outcome(span, first, end, victims_end, true, true);
    }
    // A noun that counts and says what happened: "سقوط شهيدين", two martyrs.
    if (!outcome && n.by_noun) outcome = outcome_word(language_, word(n.first));
    // "загинули шестеро цивільних та двоє рятувальників", "ранены женщина и мужчина": a group
    // joined by "and" right after the victims of the claim before shares its outcome.
    if (!outcome && claim_before_in(first) && n.first >= 1 && last_claim_end_ + 1 == n.first &&
        is_and_word(language_, word(n.first - 1))) {
      outcome = out_.claims.back().outcome;
    }
    if (!outcome) return;
    if (n.too_large) return drop(n, "too large to be a casualty figure");
    if (n.year_like && !victims_named) return drop(n, "looks like a year");
    if (counted_noun_end > victims_end) {
      victim_class = VictimClass::kUnspecified;
      victims_end = counted_noun_end;
    }
    if (n.vague.empty() && n.low <= 0) return;
    CasualtyClaim claim;
    claim.outcome = *outcome;
    fill_number(n, claim);
    for (std::size_t k = victims_end; k < end && k < victims_end + 2; ++k) {
      if (claim.qualifier.empty() && is_trailing_minimum(language_, word(k))) {
        claim.qualifier = "at least";
      }
    }
    if (n.by_noun) {
      claim.victims = number_text(n);
      if (const auto count = noun_count(language_, word(n.first))) {
        claim.victim_class = count->victims;
      }
    } else if (victims_first < n.end) {
      claim.victims = std::string(text_.span_text(victims_first, n.first));
      claim.victim_class = *victim_class;
    } else if (victims_end > n.end) {
      claim.victims = std::string(text_.span_text(n.end, victims_end));
      claim.victim_class = *victim_class;
    }
    // "загинули двоє цивільних, ще п'ятеро поранені", "مقتل جنديين وإصابة أربعة آخرين": more
    // of the victims counted before in the sentence, of their class.
    bool named_other = false;  // victims named by a noun of their own ("ще двоє людей")
    for (std::size_t k = n.end; k < victims_end; ++k) {
      named_other =
          named_other || (victim_word(language_, word(k)) && !is_more_word(language_, word(k)));
    }
    if (claim.victim_class == VictimClass::kUnspecified && !named_other && claim_before_in(first) &&
        more_of_before(n, end)) {
      claim.victim_class = out_.claims.back().victim_class;
      if (claim.victims.empty()) claim.victims = out_.claims.back().victims;
    }
    claim.claimant = worded_claimant(first, end);
    fill_place(n, first, end, claim);
    fill_date(first, end, claim);
    fill_sentence(n, first, end, claim);
    covered_until_ = std::max(covered_until_, victims_end);
    claim_end_ = victims_end;
    add(std::move(claim));
  }

  // "погиб мужчина", "مقتل شخصين": a noun that counts one or two people by itself.
  std::optional<NumberExpr> noun_count_at(std::size_t i) const {
    if (match_of(i) != nullptr) return std::nullopt;  // a word of a name: "ود مدني"
    const auto count = noun_count(language_, word(i));
    if (!count) return std::nullopt;
    NumberExpr n;
    n.first = n.value_first = i;
    n.end = i + 1;
    n.low = n.high = count->people;
    n.by_noun = true;
    return n;
  }

  // The outcome word of a number in its clause: the word right before it ("مقتل 5 وإصابة 10",
  // "ранены 5 человек и погибли 2"), else the nearest after `after` (the end of its victims),
  // else the nearest before it; punctuation or another number between them ends the search, and
  // an outcome word right before another number, not right after this one, is that number's
  // ("Пошкоджено 12 будинків та загинули 3 людини"). Without `named` victims the outcome must stand
  // close (kBareOutcomeWindow: "погиб в доме 15" counts no one). With `eliminations`, the words
  // that count people only when victims are named instead.
  std::optional<Outcome> worded_outcome(const NumberExpr& n, std::size_t first, std::size_t end,
                                        std::size_t after, bool named,
                                        bool eliminations = false) const {
    const auto outcome_of = [&](std::size_t k) -> std::optional<Outcome> {
      // "не пострадал"; "мужчина убил": the man did it.
      if ((k > first && is_negation(language_, word(k - 1))) ||
          (n.by_noun && n.high == 1 && is_active_outcome(language_, word(k)))) {
        return std::nullopt;
      }
      return eliminations ? elimination_word(language_, word(k)) : outcome_word(language_, word(k));
    };
    const auto owned_by_next = [&](std::size_t k) { return k + 1 < end && is_number(k + 1); };
    // Unless that word ends the count before ("3 قتلى و5 جرحى": قتلى is the 3's) or counts by
    // itself ("سقوط شهيدين وثلاثة جرحى": شهيدين is two of its own).
    const bool owned = (n.first >= first + 2 && is_number(n.first - 2)) ||
                       (n.first > first && noun_count(language_, word(n.first - 1)));
    if (n.first > first && !punct_before(n.first) && !owned) {
      if (auto o = outcome_of(n.first - 1)) return o;
    }
    const std::size_t reach = named ? kOutcomeWindow : kBareOutcomeWindow;
    for (std::size_t k = after; k < end && k < after + reach; ++k) {
      if (punct_before(k) || is_number(k)) break;
      if (auto o = outcome_of(k)) return k > n.end && owned_by_next(k) ? std::nullopt : o;
    }
    // A toll reaches further back: "Кількість загиблих унаслідок удару по Одесі зросла до 12",
    // "حصيلة القتلى في صفوف قوات النظام ارتفعت إلى 23".
    std::size_t window = reach;
    for (std::size_t k = n.first; k-- > first && k + kTollWindow >= n.first;) {
      if (punct_before(k + 1) || is_number(k)) break;
      if (is_toll_word(language_, word(k))) window = kTollWindow;
    }
    for (std::size_t k = n.first; k-- > first && k + window >= n.first;) {
      if (punct_before(k + 1) || is_number(k)) break;
      if (auto o = outcome_of(k)) return o;
    }
    return std::nullopt;
  }

  // True when number n counts no people whatever words surround it: things, units, periods,
  // months or places after it, even after an adjective ("20 ракет", "12 марта", "10 жилых
  // домов", "3 военных склада"), a share ("50%"), an age ("12-річна"), a part of victims counted
  // before ("из них 4", "بينهم 18"), a model or a clock time ("Ил-76", "14:30"), a house or
  // ward number ("в доме 15", "№ 3"), people set free or exchanged ("передала 90 пленных").
  bool counts_no_people(const NumberExpr& n, std::size_t first, std::size_t end) const {
    const auto thing = [&](std::size_t k) {
      return is_counted_thing(language_, word(k)) && !outcome_word(language_, word(k));
    };
    if (same_sentence(n.end, n.first) &&
        (gap_before(n.end).find('%') != std::string_view::npos || gap_before(n.end) == "-")) {
      return true;
    }
    for (std::size_t k = n.end; k < end && k < n.end + kMaxVictimWords && !punct_before(k) &&
                                !is_number(k) && !outcome_word(language_, word(k));
         ++k) {
      if (thing(k)) return true;
      // A victim word first may be an adjective of the thing ("военных склада"), not a noun
      // ("жителей села").
      if (victim_word(language_, word(k)) &&
          !(k == n.end && cyrillic_adjective(word(k)) && thing(k + 1))) {
        break;
      }
    }
    if (n.first > first) {
      const std::string_view gap = gap_before(n.first);
      const std::string_view before = word(n.first - 1);
      if (is_among_word(language_, before) || thing(n.first - 1) || before == "no" ||
          gap.find('#') != std::string_view::npos ||
          (gap.find(':') != std::string_view::npos && is_number(n.first - 1)) ||
          gap.find("\xE2\x84\x96") != std::string_view::npos ||  // №
          (gap == "-" && !is_number(n.first - 1))) {
        return true;
      }
    }
    for (std::size_t k = n.first; k-- > first && k + kOutcomeWindow >= n.first;) {
      if (punct_before(k + 1)) break;
      if (is_release_word(language_, word(k))) return true;
    }
    return hypothetical(n, first, end);
  }

  // "Если бы ракета попала в дом, могли погибнуть десятки", "لو استمر القصف لسقط مئات": a
  // conditional anywhere in the sentence, or a modal verb beside the number.
  bool hypothetical(const NumberExpr& n, std::size_t first, std::size_t end) const {
    if (conditional_sentence_) return true;
    const std::size_t from = n.first > first + 3 ? n.first - 3 : first;
    for (std::size_t k = from; k < end && k < n.end + 3; ++k) {
      if (is_modal(language_, word(k))) return true;
    }
    // "قد يؤدي إلى سقوط آلاف": قد before an imperfect verb (ي or ت first) says "may".
    for (std::size_t k = n.first > first + 5 ? n.first - 5 : first; k + 1 < n.first; ++k) {
      if (language_ == ClaimLanguage::kArabic && word(k) == "قد" &&
          (word(k + 1).starts_with("ي") || word(k + 1).starts_with("ت"))) {
        return true;
      }
    }
    return false;
  }

  // Whether the sentence [first, end) holds a conditional particle or conjunction (read once
  // per sentence, not per number).
  bool has_conditional(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end; ++k) {
      // A syllable of a hyphenated name is none: "Би-би-си".
      const bool hyphenated =
          (k > first && gap_before(k) == "-") || (k + 1 < end && gap_before(k + 1) == "-");
      // ... nor an initial: "вулиця Б. Хмельницького".
      const bool initial =
          tokens_[k].capitalised || (k + 1 < tokens_.size() && gap_before(k + 1).starts_with("."));
      if (is_conditional(language_, word(k)) && !hyphenated && !initial) return true;
    }
    return false;
  }

  // True when token k, right after a number, may be the noun it counts: a non-Latin word in
  // the number's clause that is no outcome, function word, thing counted, cue or known name.
  bool is_counted_noun(std::size_t k, std::size_t end) const {
    if (k >= end || punct_before(k) || is_number(k) || match_of(k) != nullptr) return false;
    const std::string_view w = word(k);
    if (w.empty() || static_cast<unsigned char>(w[0]) < 0x80) return false;
    return !outcome_word(language_, w) && !elimination_word(language_, w) &&
           !ends_claimant_name(language_, w) && !is_counted_thing(language_, w) &&
           !is_attribution_cue(language_, w) && !is_trailing_minimum(language_, w);
  }

  // Who an attribution cue of the sentence names: the nearest person, organisation or country
  // after the cue ("сообщил глава области Олег Синегубов", "قال المرصد السوري"), else just
  // before it ("Минздрав сообщил"), else the words after the cue as written, up to what the
  // claimant said ("أعلنت وزارة الصحة أن ..."). Nobody when the sentence has no cue.
  ClaimRef worded_claimant(std::size_t first, std::size_t end) {
    claimant_span_.reset();
    if (ClaimRef who = cue_claimant(first, end); !who.empty()) return who;
    if (auto label = worded_leading_label(first, end)) return *label;
    if (auto label = worded_trailing_label(first, end)) return *label;
    // "Об этом сообщил глава города X", "Про це повідомив X": the next sentence of the
    // paragraph names who reported this one.
    if (end < tokens_.size() && gap_before(end).find('\n') == std::string_view::npos) {
      const std::size_t next_end = sentence_first_[tokens_[end].sentence + 1];
      for (std::size_t k = end; k < next_end && k < end + 3; ++k) {
        if (is_back_reference(language_, word(k))) return cue_claimant(end, next_end);
      }
    }
    // "По данным ООН, погибли 20 человек. Среди них 5 детей ...": a source that opened the
    // sentence before, in the same paragraph.
    if (attributed_sentence_ && previous_in_paragraph(first)) return *attributed_sentence_;
    return {};
  }

  // Whether a "more" word stands right before the number or within two words after it.
  bool more_of_before(const NumberExpr& n, std::size_t end) const {
    if (n.first > 0 && same_sentence(n.first - 1, n.first) &&
        is_more_word(language_, word(n.first - 1))) {
      return true;
    }
    for (std::size_t k = n.end; k < end && k < n.end + 2; ++k) {
      if (is_more_word(language_, word(k))) return true;
    }
    return false;
  }

  // "Богомаз: ...", "Поліція Донеччини: ...", "المرصد: ...": a short source before a colon
  // opening the sentence, as headlines and posts write it; not a place alone ("Харків: ...",
  // a dateline), and no number or outcome word in it.
  std::optional<ClaimRef> worded_leading_label(std::size_t first, std::size_t end) {
    constexpr std::size_t kMaxLabelWords = 4;
    for (std::size_t k = first + 1; k < end && k <= first + kMaxLabelWords; ++k) {
      if (is_number(k - 1) || outcome_word(language_, word(k - 1))) return std::nullopt;
      if (gap_before(k).find(':') == std::string_view::npos) continue;
      const EntityMatch* who = nullptr;
      bool place_only = true;
      for (std::size_t j = first; j < k; ++j) {
        const EntityMatch* m = match_of(j);
        if (!who) who = speaker_at(j);
        place_only = place_only && m && m->entity && m->entity->type == EntityType::kPlace;
      }
      if (who && who->end <= k) {
        claimant_span_ = Phrase{who->first, who->end, who->end - 1};
        return ClaimRef{who->entity->id, who->entity->canonical};
      }
      if (place_only || (k == first + 1 && is_headline_tag(language_, word(first))))
        return std::nullopt;
      claimant_span_ = Phrase{first, k, k - 1};
      return ClaimRef{"", std::string(text_.span_text(first, k))};
    }
    return std::nullopt;
  }

  // "..., — Сумська ОВА.", "... - Генштаб ЗСУ": a source after a closing dash, as posts sign
  // their figures; no number or outcome word in it.
  std::optional<ClaimRef> worded_trailing_label(std::size_t first, std::size_t end) {
    constexpr std::size_t kMaxLabelWords = 6;
    for (std::size_t k = end; k-- > first + 1 && k + kMaxLabelWords >= end;) {
      if (is_number(k) || outcome_word(language_, word(k))) return std::nullopt;
      const std::string_view gap = gap_before(k);
      if (gap.find("\xE2\x80\x94") == std::string_view::npos &&
          gap.find("\xE2\x80\x93") == std::string_view::npos &&
          gap.find(" - ") == std::string_view::npos) {
        continue;
      }
      for (std::size_t j = k; j < end; ++j) {
        if (const EntityMatch* who = speaker_at(j); who && who->end <= end) {
          claimant_span_ = Phrase{who->first, who->end, who->end - 1};
          return ClaimRef{who->entity->id, who->entity->canonical};
        }
      }
      claimant_span_ = Phrase{k, end, end - 1};
      return ClaimRef{"", std::string(text_.span_text(k, end))};
    }
    return std::nullopt;
  }

  // The claimant of the sentence [first, end) when it opens with a prepositional cue ("По
  // данным X,", "За даними X,", "بحسب X،"); nullopt otherwise.
  std::optional<ClaimRef> worded_attribution_opens(std::size_t first, std::size_t end) {
    for (std::size_t k = first; k < end && k < first + 2; ++k) {
      if (attribution_cue(language_, word(k)) == false) {
        ClaimRef who = cue_claimant(k, end);
        claimant_span_.reset();
        if (!who.empty()) return who;
      }
    }
    return std::nullopt;
  }

  // The claimant an attribution cue in tokens [first, end) names (worded_claimant).
  ClaimRef cue_claimant(std::size_t first, std::size_t end) {
    std::optional<Phrase> written;
    for (std::size_t k = first; k < end; ++k) {
      const std::optional<bool> verb = attribution_cue(language_, word(k));
      if (!verb) continue;
      const EntityMatch* who = nullptr;
      // After the cue a title may come first ("повідомив начальник Харківської обласної
      // військової адміністрації Олег Синєгубов"), or "в"/"у" before an office; what was said
      // ("заявил, что Россия ...", "сообщило об уничтожении 300 ...") ends the search.
      const std::size_t name_first = k + 1 + after_office_preposition(k);
      // The outlet a verb's speaker told comes first in wire copy: "сообщил ТАСС глава города
      // X", "сообщили РИА Новости в МЧС": the source is named after it.
      const EntityMatch* told = nullptr;
      for (std::size_t j = name_first; j < end && j <= k + kMaxNameAfterCue && !who; ++j) {
        if ((punct_before(j) && !(j == name_first && opens_quote(j))) || is_number(j) ||
            ends_claimant_name(language_, word(j)) || outcome_word(language_, word(j)) ||
            elimination_word(language_, word(j))) {
          break;
        }
        who = speaker_at(j);
        if (who && *verb && !told && who->entity->subtype == "media" && who->end < end) {
          told = who;
          who = nullptr;
          j = told->end - 1 + after_office_preposition(told->end - 1);
        }
      }
      if (!who && told) {
        if (auto after = name_after_cue(told->end - 1, end)) {
          claimant_span_ = after;
          return {"", std::string(text_.span_text(after->first, after->end))};
        }
        who = told;
      }
      // A verb's speaker may come first ("Минздрав сообщил"); a preposition's never does.
      for (std::size_t j = k; *verb && j-- > first && j + kCueWindow >= k && !who;) {
        who = speaker_at(j);
      }
      if (who != nullptr) {
        claimant_span_ = Phrase{who->first, who->end, who->end - 1};
        return {who->entity->id, who->entity->canonical};
      }
      if (!written) written = name_after_cue(k, end);
    }
    if (!written) return {};
    claimant_span_ = written;
    return {"", std::string(text_.span_text(written->first, written->end))};
  }

  // The words after the cue at token k up to a word that starts what was said, punctuation,
  // a number or an outcome word; nullopt when there are none or too many for a name (a title
  // and a name may take kMaxNameAfterCue: "повідомив начальник Одеської обласної військової
  // адміністрації Олег Кіпер").
  std::optional<Phrase> name_after_cue(std::size_t k, std::size_t end) const {
    k += after_office_preposition(k);
    std::size_t j = k + 1;
    while (j < end && j <= k + kMaxNameAfterCue &&
           (!punct_before(j) || (j == k + 1 && opens_quote(j))) && !is_number(j) &&
           !ends_claimant_name(language_, word(j)) && !outcome_word(language_, word(j))) {
      ++j;
    }
    const bool ended = j == end || punct_before(j) || ends_claimant_name(language_, word(j)) ||
                       outcome_word(language_, word(j));  // "أفادت مصادر طبية بمقتل ..."
    if (j == k + 1 || !ended) return std::nullopt;
    return Phrase{k + 1, j, j - 1};
  }

  // True when only spaces and an opening quotation mark stand before token j: a name in
  // quotes after its cue ("По подсчетам «Медиазоны»").
  bool opens_quote(std::size_t j) const {
    std::string_view gap = gap_before(j);
    while (!gap.empty() && gap.front() == ' ') gap.remove_prefix(1);
    return gap == "\xC2\xAB" || gap == "\"" || gap == "\xE2\x80\x9C" || gap == "\xE2\x80\x9E";
  }

  // True when the folded Cyrillic word has an adjective's ending ("военных", "детских",
  // "військові"), so it may describe the noun after it rather than name people.
  static bool cyrillic_adjective(std::string_view w) {
    static constexpr std::string_view kEndings[] = {"ых", "их", "ые", "ие",  "ый",  "ий", "ой",
                                                    "ая", "ое", "ую", "ого", "ому", "і"};
    for (std::string_view e : kEndings) {
      if (w.ends_with(e)) return true;
    }
    return false;
  }

  // 1 when the cue at token k is followed by "в"/"у" (at), as the name of an office is
  // ("заявили в Офисе генпрокурора"), else 0.
  std::size_t after_office_preposition(std::size_t k) const {
    const std::string_view next = word(k + 1);
    return language_ != ClaimLanguage::kArabic && same_sentence(k, k + 1) && !punct_before(k + 1) &&
                   (next == "в" || next == "у")
               ? 1
               : 0;
  }

  // The gazetteer person, organisation or country named at token k, if any.
  const EntityMatch* speaker_at(std::size_t k) const {
    const EntityMatch* m = match_of(k);
    if (!m || !m->entity) return nullptr;
    const EntityType type = m->entity->type;
    const bool country = type == EntityType::kPlace && m->entity->subtype == "country";
    return type == EntityType::kPerson || type == EntityType::kOrg || country ? m : nullptr;
  }

  // ---- outcome patterns ----

  // "22 Palestinians, including six children, were killed", "among them 31 children": a part
  // of the victims another count in the sentence gives, not a claim of its own.
  bool is_sub_count(const NumberExpr& n, std::size_t first) const {
    if (n.first < first + 1) return false;
    if (word(n.end) == "of" && (word(n.end + 1) == "them" || word(n.end + 1) == "whom") &&
        comma_before(n.first)) {  // "Nine people, four of them children, died"
      for (std::size_t k = first; k + 1 < n.first; ++k) {
        if (is_number(k)) return true;
      }
    }
    const std::string_view w1 = word(n.first - 1);
    const std::string_view w2 = n.first >= first + 2 ? word(n.first - 2) : std::string_view();
    if (w1 != "including" && !(w1 == "them" && w2 == "among") && !(w1 == "whom" && w2 == "of")) {
      return false;
    }
    for (std::size_t k = first; k + 1 < n.first; ++k) {
      if (is_number(k)) return true;
    }
    return false;
  }

  // "90 per cent of Gaza's 2.1 million people": the number is the population a share is of.
  bool is_population_base(const NumberExpr& n, std::size_t first) const {
    for (std::size_t k = n.first; k-- > first && k + 6 > n.first;) {
      const std::string_view w = word(k);
      if (w == "percent" || w == "cent" || w == "pc" || w == "proportion" || w == "share" ||
          w == "half" || w == "third" || w == "quarter" || w == "majority") {
        return word(k + 1) == "of";
      }
      if (is_number(k) || punct_before(k + 1)) return false;
    }
    return false;
  }

  // "17 jihadists died in the fighting, along with nine soldiers": a count joined to the
  // claim before it in the same sentence shares its outcome.
  bool joins_previous_claim(const NumberExpr& n, std::size_t first) const {
    if (out_.claims.empty() || last_claim_end_ <= first || n.first < first + 2) return false;
    const std::string_view w1 = word(n.first - 1);
    const std::string_view w2 = word(n.first - 2);
    // "killed 20 children and two teachers": "and" right after the previous claim's victims.
    const bool right_after = w1 == "and" && last_claim_end_ + 1 == n.first;
    return (w1 == "with" && (w2 == "along" || w2 == "together")) || w1 == "plus" ||
           (w1 == "as" && w2 == "well") || right_after;
  }

  // "Killed: 12. Injured: 40.", "KIA: 4", "Civilians reported injured: 2": an outcome as the
  // label of a figure.
  std::optional<Outcome> label_outcome(const NumberExpr& n, std::size_t first) const {
    if (n.first < first + 1) return std::nullopt;
    const std::string_view gap = gap_before(n.first);
    const bool labelled = gap.find(':') != std::string_view::npos ||
                          gap.find("\xE2\x80\x93") != std::string_view::npos ||  // en dash
                          gap.find(" - ") != std::string_view::npos;
    if (!labelled) return std::nullopt;
    std::size_t at = n.first - 1;  // "Missing persons: 1,300"
    if (victim_word_class(word(at)) != WordClass::kNone && at > first &&
        is_bare_outcome(word(at - 1))) {
      --at;
    }
    const std::string_view w = word(at);
    if (w == "kia") return Outcome::kKilled;
    if (w == "wia") return Outcome::kWounded;
    if (w == "mia") return Outcome::kMissing;
    if (is_bare_outcome(w)) return stative_outcome(w);
    return std::nullopt;
  }

  // A number that is part of a date: a year ("since 2023") or a day after or before a month
  // ("October 7", "7 October").
  bool is_date_number(std::size_t k) const {
    static const Words kMonths = {
        "january",   "february", "march",    "april",    "may",  "june", "july", "august",
        "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
        "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
    const auto n = number_at(text_, k);
    if (!n) return false;
    return n->year_like || (k > 0 && has(kMonths, word(k - 1))) || has(kMonths, word(n->end));
  }

  // "the death toll rose to 45", "a toll of 12", "the number of dead reached 30".
  std::optional<Outcome> toll_outcome(const NumberExpr& n, std::size_t first) const {
    if (n.first < first + 1) return std::nullopt;
    const std::string_view link = word(n.first - 1);
    static const Words kLinks = {"to",     "at",      "of",       "reached",   "hit",    "exceeds",
                                 "passes", "tops",    "reaches",  "surpasses", "is",     "is",
                                 "was",    "stood",   "stands",   "exceeded",  "passed", "topped",
                                 "rose",   "climbed", "surpassed"};
    if (!has(kLinks, link)) return std::nullopt;
    // "bringing to 270 the number of its employees killed", "raising to 45 the death toll".
    if (link == "to" && n.first >= first + 2 && word(n.end) == "the") {
      const std::string_view verb = word(n.first - 2);
      if (verb == "bringing" || verb == "raising" || verb == "taking" || verb == "brought" ||
          verb == "raised" || verb == "took") {
        std::size_t q = n.end + 1;
        if (word(q) == "death" || word(q) == "injury") ++q;
        if (word(q) == "toll") {
          return word(q - 1) == "injury" ? Outcome::kWounded : Outcome::kKilled;
        }
        if (word(q) == "number" && word(q + 1) == "of") {
          for (std::size_t k = q + 2; k < q + 7 && same_sentence(k, n.first); ++k) {
            if (const auto o = stative_outcome(word(k))) return o;
          }
        }
      }
    }
    for (std::size_t k = n.first - 1; k-- > first && k + 20 > n.first;) {
      const std::string_view w = word(k);
      if (is_number(k) && !is_date_number(k)) return std::nullopt;  // another figure between
      if (w == "losses" && link != "of") return Outcome::kKilled;   // "losses amounted to 140"
      // "taking the total since March to 558", "a figure Moscow put at 12", "rejecting a UN
      // figure of 40": another figure for what the claim before in the sentence counted.
      if (names_another_figure(w) && claim_before_in(first)) {
        // "bringing the total injured to 40": the outcome the figure names itself.
        for (std::size_t q = k + 1; q < n.first; ++q) {
          if (const auto o = stative_outcome(word(q))) return o;
        }
        return out_.claims.back().outcome;
      }
      if (w == "toll") {
        return k > first && (word(k - 1) == "injury" || word(k - 1) == "casualty")
                   ? (word(k - 1) == "injury" ? std::optional(Outcome::kWounded) : std::nullopt)
                   : std::optional(Outcome::kKilled);
      }
      // "the number of (aid workers) killed", "its count of identified dead".
      if ((w == "number" || w == "count" || w == "tally") && (word(k + 1) == "of")) {
        for (std::size_t q = k + 2; q < k + 6 && q < n.first; ++q) {
          if (const auto o = stative_outcome(word(q))) return o;
          if (victim_word_class(word(q)) == WordClass::kNone && word(q) != "aid" &&
              word(q) != "identified" && word(q) != "confirmed") {
            break;
          }
        }
      }
    }
    return std::nullopt;
  }

  // The victims a toll names before its number: "the number of soldiers killed ... to 330",
  // "the death toll among aid workers has reached 300". Leaves the range as it is when none.
  void toll_victims(const NumberExpr& n, std::size_t first, std::size_t& victims_first,
                    std::size_t& victims_end) const {
    for (std::size_t k = n.first; k-- > first && k + 20 > n.first;) {
      const std::string_view w = word(k);
      const bool opens = (w == "of" && word(k - 1) == "number" && k > first) ||
                         (w == "among" && word(k - 1) == "toll" && k > first);
      if (!opens) continue;
      std::size_t e = k + 1;
      while (e < n.first && e < k + 6 && !stative_outcome(word(e)) && !ends_victims(word(e)) &&
             !is_verb_auxiliary(word(e)) && !punct_before(e)) {
        ++e;
      }
      if (has_victim_word(k + 1, e)) {
        victims_first = k + 1;
        victims_end = e;
      }
      return;
    }
  }

  bool toll_is_update(const NumberExpr& n, std::size_t first) const {
    static const Words kRising = {"rose",     "risen",   "rises",    "climbed",  "increased",
                                  "jumped",   "reached", "raising",  "bringing", "raised",
                                  "brought",  "mounted", "now",      "updated",  "surpassed",
                                  "exceeded", "rising",  "climbing", "soared",   "new"};
    for (std::size_t k = n.first; k-- > first && k + 10 > n.first;) {
      if (has(kRising, word(k))) return true;
    }
    return false;
  }

  // "could kill thousands", "threatened to kill 20", "would have killed hundreds": what may
  // happen or might have happened is no claim ("may have killed 30", an estimate, stays one).
  bool hypothetical_verb(std::size_t verb, std::size_t first) const {
    if (verb < first + 1) return false;
    const std::string_view before = word(verb - 1);
    const auto modal = [](std::string_view w) {
      return w == "could" || w == "would" || w == "will" || w == "might" || w == "may" ||
             w == "can" || w == "should";
    };
    if (before == "have" && verb >= first + 2) {
      const std::string_view w = word(verb - 2);
      return w == "could" || w == "would" || w == "might" || w == "should";
    }
    // "threatened to kill 20", not "managed to kill 12" or "went on to kill 30".
    const auto intends = [](std::string_view w) {
      return w == "threatened" || w == "threatens" || w == "threaten" || w == "vowed" ||
             w == "vows" || w == "planned" || w == "plans" || w == "tried" || w == "tries" ||
             w == "sought" || w == "seeks" || w == "wanted" || w == "wants" || w == "intended" ||
             w == "aimed" || w == "plotted" || w == "attempted";
    };
    const bool to_intend = before == "to" && verb >= first + 2 && intends(word(verb - 2));
    return !word(verb).ends_with("ed") && (modal(before) || to_intend);
  }

  // An outcome verb right before the number: "killed 300 militants", "killing around 30".
  std::optional<Outcome> active_before(const NumberExpr& n, std::size_t first) const {
    std::size_t k = n.first;
    while (k > first && (word(k - 1) == "another" || word(k - 1) == "further" ||
                         word(k - 1) == "a" || word(k - 1) == "reportedly")) {
      --k;
    }
    // Spaces and quotation marks may sit between: killed "about 30" soldiers.
    if (k <= first ||
        gap_before(k).find_first_not_of(" \"'\xE2\x80\x98\x99\x9C\x9D") != std::string_view::npos) {
      return std::nullopt;  // "captured (22)", "killed, 30 ..."
    }
    if (word(k - 1) == "dead" && k >= first + 2 && word(k - 2) == "shot") return Outcome::kKilled;
    if (const auto o = active_outcome(word(k - 1))) {
      if (hypothetical_verb(k - 1, first)) return std::nullopt;
      // Taking places is no casualty: "captured 3 villages" (units), "captured 22" (bare).
      // Taking places is no casualty ("captured 3 villages", "seized 12"), but abducting,
      // kidnapping, arresting and detaining are done to people only.
      const std::string_view verb = word(k - 1);
      const bool people_only = verb.starts_with("abduct") || verb.starts_with("kidnap") ||
                               verb.starts_with("arrest") || verb.starts_with("detain");
      if (*o == Outcome::kCaptured && !people_only &&
          !has_victim_word(n.end, std::min(n.end + 4, end_of(n))) &&
          !follows_claim_by_and(k - 1, first)) {
        return std::nullopt;
      }
      return o;
    }
    // "The dead included seven members", "the wounded include 3 children".
    if ((word(k - 1) == "included" || word(k - 1) == "include" || word(k - 1) == "includes") &&
        k >= first + 2 && is_bare_outcome(word(k - 2))) {
      return stative_outcome(word(k - 2));
    }
    // "mourned seven of its fighters", "buried 43 people": only with people named after it.
    const std::string_view before = word(k - 1);
    if ((before == "mourned" || before == "mourns" || before == "buried" || before == "buries" ||
         before == "burying" || before == "bury") &&
        has_victim_word(n.end, std::min(n.end + 4, end_of(n)))) {
      return Outcome::kKilled;
    }
    // "hacked to death at least 18 people".
    if (before == "death" && k >= first + 3 && word(k - 2) == "to" && killed_by_manner(k - 3)) {
      return Outcome::kKilled;
    }
    // "claimed the lives of 20", "the deaths of 1,032 civilians", "the bodies of 440 people".
    if (word(k - 1) == "of" && k >= first + 2) {
      const std::string_view noun = word(k - 2);
      // "claimed the lives of 20", but not "put the lives of 600,000 children at risk".
      const bool lives_taken = noun != "lives" || (k >= first + 4 && lost_lives(word(k - 3))) ||
                               (k >= first + 5 && lost_lives(word(k - 4)));
      if ((noun == "lives" || noun == "deaths" || noun == "bodies" || noun == "body" ||
           noun == "killing" || noun == "killings" || noun == "remains" || noun == "martyrdom" ||
           noun == "death") &&
          lives_taken) {
        return Outcome::kKilled;
      }
      if (noun == "disappearance" || noun == "disappearances") return Outcome::kMissing;
      // "the injury of 8 others", "the abduction of 40 girls", "the displacement of 9,000".
      if (noun == "injury" || noun == "injuries" || noun == "injuring" || noun == "wounding") {
        return Outcome::kWounded;
      }
      if (noun == "abduction" || noun == "kidnapping" || noun == "capture" || noun == "detention") {
        return Outcome::kCaptured;
      }
      if (noun == "displacement") return Outcome::kDisplaced;
    }
    // "took 2,500 servicemen captive", "had taken 45 soldiers prisoner", "took 251 hostages";
    // "forced 4 million people from their homes", "drove 2,000 families out".
    const std::string_view verb = word(k - 1);
    // "had lost 14 servicemen", "lost 2,783 soldiers": losses of people are deaths.
    if ((verb == "lost" || verb == "losing" || verb == "loses" || verb == "lose") &&
        has_victim_word(n.end, std::min(n.end + 4, end_of(n)))) {
      return Outcome::kKilled;
    }
    if (verb == "forced" || verb == "forcing" || verb == "drove" || verb == "driven" ||
        verb == "driving" || verb == "forces") {
      for (std::size_t q = n.end; q < end_of(n) && q < n.end + 8; ++q) {
        if (leaves_home(q)) return Outcome::kDisplaced;
        if (punct_before(q)) break;
      }
    }
    if (verb == "took" || verb == "taken" || verb == "take" || verb == "taking" ||
        verb == "takes" || verb == "holding" || verb == "holds" || verb == "held" ||
        verb == "hold" || verb == "seized" || verb == "seizing") {
      for (std::size_t q = n.end; q < end_of(n) && q < n.end + 6; ++q) {
        const std::string_view w = word(q);
        if (w == "prisoner" || w == "prisoners" || w == "captive" || w == "captives" ||
            w == "hostage" || w == "hostages") {
          return Outcome::kCaptured;
        }
        if (ends_victims(w) || punct_before(q)) break;
      }
    }
    return std::nullopt;
  }

  // Verbs that take lives: "claimed the lives of", "cost the lives of".
  static bool lost_lives(std::string_view w) {
    static const Words kVerbs = {"claimed", "claiming", "claims", "claim", "took",
                                 "taken",   "take",     "taking", "cost",  "costing",
                                 "costs",   "ended",    "lost",   "losing"};
    return has(kVerbs, w);
  }

  // Outcome phrases at token q that need a few words: "succumbed to their wounds" (killed),
  // "sustained shrapnel injuries", "received injuries of varying severity" (wounded).
  std::optional<Outcome> outcome_phrase(std::size_t q) const {
    const std::string_view w = word(q);
    const auto injuries_within = [&](std::size_t from, std::size_t n) {
      for (std::size_t k = from; k < from + n && same_sentence(k, q) && !punct_before(k); ++k) {
        const std::string_view x = word(k);
        if (x == "injuries" || x == "wounds" || x == "burns" || x == "injury") return true;
      }
      return false;
    };
    if ((w == "succumbed" || w == "succumbing" || w == "succumb" || w == "succumbs") &&
        word(q + 1) == "to" && injuries_within(q + 2, 3)) {
      return Outcome::kKilled;
    }
    if ((w == "sustained" || w == "suffered" || w == "received") && injuries_within(q + 1, 3)) {
      return Outcome::kWounded;
    }
    // "embraced shahadat", "embraced martyrdom", "were sent to hell" (Pakistani military
    // communiqués for its own dead and for militants killed).
    if ((w == "embraced" || w == "embrace") &&
        (word(q + 1) == "shahadat" || word(q + 1) == "shahadah" || word(q + 1) == "martyrdom")) {
      return Outcome::kKilled;
    }
    if (w == "sent" && word(q + 1) == "to" && word(q + 2) == "hell") return Outcome::kKilled;
    return std::nullopt;
  }

  // "hacked to death", "beaten to death", "shot dead" at token q.
  bool killed_by_manner(std::size_t q) const {
    static const Words kManners = {"hacked",  "beaten",     "stabbed",  "burned",  "burnt",
                                   "stoned",  "shot",       "tortured", "crushed", "starved",
                                   "clubbed", "bludgeoned", "lynched",  "gunned"};
    if (!has(kManners, word(q))) return false;
    return (word(q + 1) == "to" && word(q + 2) == "death") ||
           (word(q + 1) == "dead" && word(q) == "shot");
  }

  // True when the verb at token `verb` follows "and" right after a claim of the same sentence
  // ("killing 14 soldiers and capturing 3"): its bare number counts people too.
  bool follows_claim_by_and(std::size_t verb, std::size_t first) const {
    return verb >= first + 1 && word(verb - 1) == "and" && !out_.claims.empty() &&
           last_claim_end_ > first && last_claim_end_ + 1 >= verb;
  }

  // "from their homes", "to flee", "out of their homes" at token q.
  bool leaves_home(std::size_t q) const {
    const std::string_view w = word(q);
    return (w == "from" && (word(q + 2) == "homes" || word(q + 2) == "home")) ||
           (w == "to" && word(q + 1) == "flee") ||
           (w == "out" && word(q + 1) == "of" && word(q + 3) == "homes");
  }

  // The end of the sentence of the number's tokens.
  std::size_t end_of(const NumberExpr& n) const {
    return sentence_first_[tokens_[n.first].sentence + 1];
  }

  // After an outcome word with no auxiliary: an object means it was an active verb
  // ("Hezbollah forces captured Palmyra", "militants killed 5 soldiers").
  bool has_object(std::size_t k, std::size_t end) const {
    if (k >= end || punct_before(k)) return false;
    const std::string_view w = word(k);
    return is_determiner(w) || w == "their" || w == "its" || w == "his" || w == "her" ||
           (capitalised(k) && !is_name_stopword(w)) || match_of(k) != nullptr || is_number(k);
  }

  // Victims then an outcome: "400 of their fighters being killed", "45 dead", "12 injured".
  std::optional<Outcome> stative_after(const NumberExpr& n, std::size_t end,
                                       std::size_t& victims_first, std::size_t& victims_end) {
    std::size_t q = n.end;
    if (q < end && punct_before(q) && gap_before(q).find_first_of(":;") != std::string_view::npos) {
      return std::nullopt;  // "Report number 22: forces captured ..."
    }
    // "11 of the dead were children": the outcome names the people, the words after say who.
    if (word(q) == "of" && word(q + 1) == "the" && is_bare_outcome(word(q + 2)) &&
        (word(q + 3) == "were" || word(q + 3) == "are" || word(q + 3) == "was") && q + 4 < end &&
        same_sentence(q + 4, n.first) && victim_word_class(word(q + 4)) != WordClass::kNone) {
      victims_first = q + 4;
      victims_end = q + 5;
      claim_end_ = q + 5;
      return stative_outcome(word(q + 2));
    }
    if (word(q) == "of" && q < end) ++q;  // "400 of their fighters", "dozens of soldiers"
    victims_first = q;
    victims_end = q;
    bool auxiliary = false;
    bool perfect = false;  // the auxiliaries so far are has/had/have without "been"
    bool skipped_other = false;
    // "42 bodies were recovered", "pulled eight bodies from the rubble": a count of the dead.
    if ((word(q) == "more" || word(q) == "further" || word(q) == "additional") &&
        !punct_before(q) && q + 1 < end) {
      ++q;  // "three more bodies", "16 more dead", "hundreds more were arrested"
      victims_first = victims_end = q;
    }
    if ((word(q) == "bodies" || word(q) == "corpses") && !punct_before(q)) {
      victims_end = q + 1;
      claim_end_ = q + 1;
      return Outcome::kKilled;
    }
    for (; q < end && q < n.end + 16; ++q) {
      const std::string_view w = word(q);
      if (q > n.end && quote_of_[q] != quote_of_[q - 1]) return std::nullopt;
      // ", according to the Observatory," or ", most of them women," inside the sentence.
      if (q > n.end && comma_before(q) && is_interjection(q)) {
        std::size_t k = q + 1;
        while (k < end && !comma_before(k) && k < q + 12) ++k;
        if (k >= end || !comma_before(k)) return std::nullopt;
        q = k - 1;
        continue;
      }
      // "could be forced to flee", "would be killed": what may happen is no claim.
      // ("may have died", an estimate of what happened, stays a claim.)
      if ((w == "could" || w == "would" || w == "will" || w == "should") && word(q + 1) == "be") {
        return std::nullopt;
      }
      // "Nearly half a million people have crossed into Chad": a crowd crossing a border.
      if (w == "crossed" && (n.low >= 100 || !n.vague.empty()) &&
          (word(q + 1) == "into" || word(q + 1) == "from" || word(q + 1) == "over" ||
           word(q + 1) == "the")) {
        claim_end_ = q + 1;
        return Outcome::kDisplaced;
      }
      const auto outcome = stative_outcome(w);
      // "27 wounded civilians", "12 dead soldiers": the outcome as an adjective.
      if (outcome && q == victims_first && !auxiliary && q + 1 < end &&
          victim_word_class(word(q + 1)) != WordClass::kNone && !punct_before(q + 1)) {
        if (is_non_victim_unit(word(q + 2))) return std::nullopt;  // "captured army vehicles"
        // "46 kidnapped villagers were freed": people set free, no casualty.
        for (std::size_t k = q + 2; k < end && k < q + 5 && !punct_before(k); ++k) {
          const std::string_view after = word(k);
          if (after == "freed" || after == "released" || after == "rescued" ||
              after == "liberated") {
            return std::nullopt;
          }
        }
        victims_first = q + 1;
        victims_end = q + 2;
        claim_end_ = q + 2;
        return outcome;
      }
      if (outcome && !(w == "displaced" && victims_end == victims_first && !auxiliary &&
                       q + 1 < end && victim_word_class(word(q + 1)) != WordClass::kNone)) {
        // "Thousands have fled", "1,200 fled overnight": a large or vague count that flees is
        // people.
        const bool crowd =
            (w == "fled" || w == "flee" || w == "fleeing") && (!n.vague.empty() || n.low >= 100);
        const bool people = has_victim_word(victims_first, victims_end) ||
                            entity_in(victims_first, victims_end) || skipped_other || crowd;
        const bool bare = victims_end == victims_first && is_bare_outcome(w) &&
                          !(is_non_victim_unit(word(q + 1)) || is_non_victim_unit(word(q + 2)));
        if (!auxiliary && !people && !bare) return std::nullopt;
        // "fled their homes", "evacuated the city": the object is a place, not a victim.
        const bool intransitive =
            w == "fled" || w == "flee" || w == "fleeing" || w == "evacuated" || w == "relocated";
        if (!auxiliary && !intransitive && has_object(q + 1, end)) return std::nullopt;
        // "one of its fighters had killed 17 pilgrims": a perfect tense with an object.
        if (perfect && !intransitive && has_object(q + 1, end)) return std::nullopt;
        if ((w == "fled" || w == "flee" || w == "fleeing") && !people) return std::nullopt;
        if (w == "left") return std::nullopt;
        claim_end_ = q + 1;
        return outcome;
      }
      // "succumbed to their wounds", "sustained shrapnel injuries".
      if (const auto phrase = outcome_phrase(q)) {
        claim_end_ = q + 1;
        return phrase;
      }
      if (killed_by_manner(q)) {  // "were hacked to death", "shot dead"
        if (!auxiliary && !has_victim_word(victims_first, victims_end)) return std::nullopt;
        claim_end_ = q + (word(q + 1) == "dead" ? 2 : 3);
        return Outcome::kKilled;
      }
      if (w == "taken" &&
          (word(q + 1) == "prisoner" || word(q + 1) == "hostage" || word(q + 1) == "captive")) {
        claim_end_ = q + 2;
        return Outcome::kCaptured;
      }
      if ((w == "driven" || w == "forced" || w == "uprooted") && leaves_home(q + 1)) {
        claim_end_ = q + 1;
        return Outcome::kDisplaced;
      }
      // "101 still held in Gaza", "14 hostages held by the group" (custody: see "in" below).
      if (w == "held" && (auxiliary || has_captive_word(victims_first, victims_end) ||
                          victims_end == victims_first)) {
        if (word(q + 1) == "talks" || word(q + 1) == "a" || word(q + 1) == "the" ||
            word(q + 1) == "up") {
          return std::nullopt;  // "held talks", "held the town"
        }
        claim_end_ = q + 1;
        return Outcome::kCaptured;
      }
      if (w == "unaccounted" && word(q + 1) == "for") {
        claim_end_ = q + 2;
        return Outcome::kMissing;
      }
      if (w == "lost" && word(q + 1) == "their" && word(q + 2) == "lives") {
        claim_end_ = q + 3;
        return Outcome::kKilled;
      }
      // "remain in hospital", "remain in Houthi custody", "were taken to hospital" (before the
      // auxiliaries: "to" is one of them).
      if ((w == "in" || w == "to" || w == "into") && (auxiliary || word(q - 1) == "taken")) {
        for (std::size_t k = q + 1; k < end && k < q + 4 && !punct_before(k); ++k) {
          if (word(k) == "hospital" || word(k) == "hospitals") {
            claim_end_ = k + 1;
            return Outcome::kWounded;
          }
          if (word(k) == "custody" || word(k) == "captivity" || word(k) == "detention") {
            claim_end_ = k + 1;
            return Outcome::kCaptured;
          }
        }
      }
      if (is_auxiliary(w) && (victims_end > victims_first || q == victims_first || auxiliary)) {
        perfect = w == "had" || w == "has" || w == "have" || (perfect && w != "been");
        auxiliary = true;
        continue;
      }
      if (w == "taken" && (word(q + 1) == "to" || word(q + 1) == "into")) {
        continue;  // "taken to hospital", "taken into custody"
      }
      if ((w == "forced" || w == "moved" || w == "driven") && word(q + 1) == "out") {
        claim_end_ = q + 2;
        return Outcome::kDisplaced;  // "had been forced out", "were moved out"
      }
      if (auxiliary) return std::nullopt;  // "4,000 fighters had still managed"
      // "5 civilians and 3 soldiers were killed", "two women and a child", "a mother and her
      // two children": step over the other count, which is a claim of its own.
      if (const auto other = w == "and" ? other_count_at(q + 1, end) : std::nullopt) {
        q = other->end;
        while (q < end && !is_auxiliary(word(q)) && !stative_outcome(word(q)) &&
               !ends_victims(word(q))) {
          ++q;
        }
        --q;
        skipped_other = true;
        continue;
      }
      // "civilians, including 3 children, were killed".
      if (w == "including" || w == "among" || w == "mostly" || w == "mainly") {
        std::size_t k = q + 1;
        while (k < end && !is_auxiliary(word(k)) && !stative_outcome(word(k)) &&
               !(comma_before(k) && k > q + 1)) {
          ++k;
        }
        victims_end = k;
        q = k - 1;
        continue;
      }
      // "people from Sinjar", "fighters on both sides", "civilians in eastern Ghouta",
      // "soldiers serving with the UN mission".
      const bool participle =
          w.size() > 5 && w.ends_with("ing") && !active_outcome(w) && !stative_outcome(w);
      if ((w == "from" || w == "in" || w == "on" || w == "of" || w == "near" || participle) &&
          has_victim_word(victims_first, victims_end) && q + 1 < end && !punct_before(q)) {
        std::size_t k = q + 1;
        while (k < end && k < q + 9 && !is_verb_auxiliary(word(k)) && !stative_outcome(word(k)) &&
               !punct_before(k) && !is_number(k)) {
          ++k;
        }
        if (k < end && (is_verb_auxiliary(word(k)) || stative_outcome(word(k)))) {
          victims_end = k;
          q = k - 1;
          continue;
        }
        return std::nullopt;
      }
      if (ends_victims(w) || skipped_other) return std::nullopt;
      if (q > n.end && punct_before(q) && !(q == n.end + 1 && word(n.end) == "of")) {
        return std::nullopt;
      }
      if (q - victims_first >= 7) return std::nullopt;
      victims_end = q + 1;
    }
    return std::nullopt;
  }

  // The victims after an active verb's number: "300 militants", "scores of its fighters".
  void victims_phrase_after(const NumberExpr& n, std::size_t end, std::size_t& victims_first,
                            std::size_t& victims_end) {
    std::size_t q = n.end;
    if (word(q) == "of" && q + 1 < end && !punct_before(q)) ++q;
    victims_first = victims_end = q;
    for (; q < end && q < victims_first + 7; ++q) {
      const std::string_view w = word(q);
      // Punctuation ends the victims, right after the number too ("to 32, the service said").
      // (a quotation mark may open them: killed 29 "terrorists").
      const bool ends = q > victims_first ? punct_before(q) : comma_before(q);
      if (ends && w != "including") break;
      if (w == "including" || w == "among" || w == "mostly") {
        std::size_t k = q + 1;
        while (k < end && !punct_before(k) && k < q + 8) ++k;
        victims_end = k;
        break;
      }
      if (ends_victims(w) || is_auxiliary(w) || stative_outcome(w) || active_outcome(w) ||
          w == "and" || is_number(q)) {
        if (w == "and" && q + 1 < end && victim_word_class(word(q + 1)) != WordClass::kNone &&
            !is_number(q + 1)) {
          continue;  // "soldiers and policemen"
        }
        break;
      }
      victims_end = q + 1;
    }
    claim_end_ = victims_end;
  }

  // A parenthetical after a comma inside the claim: ", according to X,", ", most of them ...,".
  bool is_interjection(std::size_t q) const {
    const std::string_view w = word(q);
    if (is_number(q)) {  // ", four of them children,"
      const auto n = number_at(text_, q);
      if (n && word(n->end) == "of" && (word(n->end + 1) == "them" || word(n->end + 1) == "whom")) {
        return true;
      }
    }
    return (w == "according" && word(q + 1) == "to") || w == "most" || w == "many" ||
           w == "mostly" || w == "mainly" || w == "including" || w == "among" || w == "all" ||
           w == "half";
  }

  bool has_captive_word(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end; ++k) {
      const std::string_view w = word(k);
      if (w == "hostages" || w == "captives" || w == "prisoners" || w == "detainees") return true;
    }
    return false;
  }

  bool has_victim_word(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end; ++k) {
      if (victim_word_class(word(k)) != WordClass::kNone) return true;
    }
    return false;
  }

  bool has_determiner(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end; ++k) {
      if (is_determiner(word(k))) return true;
    }
    return false;
  }

  bool entity_in(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end; ++k) {
      if (const EntityMatch* m = match_of(k); m && m->entity) return true;
    }
    return false;
  }

  // ---- claim fields ----

  void fill_number(const NumberExpr& n, CasualtyClaim& claim) const {
    claim.number = number_text(n);
    claim.low = n.vague.empty() ? n.low : 0;
    claim.high = n.vague.empty() ? n.high : 0;
    claim.qualifier = n.qualifier;
    claim.vague = n.vague;
    claim.magnitude = n.magnitude;
  }

  void fill_victims(const NumberExpr& n, std::size_t first, std::size_t end, CasualtyClaim& claim) {
    if (end > first) claim.victims = std::string(text_.span_text(first, end));
    WordClass cls = WordClass::kNone;
    for (std::size_t k = first; k < end && cls == WordClass::kNone; ++k) {
      if (word(k) == "including" || word(k) == "among") break;
      // A word of an organisation's name is no class word: "Arakan Army fighters".
      const EntityMatch* named = match_of(k);
      if (named && named->entity && named->entity->type == EntityType::kOrg) continue;
      const WordClass c = victim_word_class(word(k));
      // "men and boys" is people; "members of the security forces" looks further.
      if (c == WordClass::kPeople && word(k + 1) != "of" && word(k + 1) != "from" && k + 1 < end) {
        break;
      }
      if (c != WordClass::kPeople) cls = c;
    }
    const EntityMatch* group = nullptr;
    for (std::size_t k = first; k < end && !group; ++k) {
      const EntityMatch* m = match_of(k);
      if (m && m->entity && m->entity->type == EntityType::kOrg) group = m;
    }
    if (group && cls == WordClass::kNone) {
      if (group->entity->subtype == "armed") cls = WordClass::kArmed;
      if (group->entity->subtype == "gov") cls = WordClass::kGovernment;
    }
    claim.victim_class = victim_class_of(cls);
    // "5 civilians were killed and 12 wounded", "killed 30 militants and captured 12 others":
    // the victims of the count before.
    const bool others = end == first + 1 && (word(first) == "others" || word(first) == "more");
    const bool close_after = !out_.claims.empty() && last_claim_end_ + 6 >= n.first &&
                             same_sentence(last_claim_end_ > 0 ? last_claim_end_ - 1 : 0, n.first);
    if (((claim.victims.empty() || others) && close_after) ||
        (claim.victims.empty() &&
         another_figure_for_claim_before(n, sentence_first_[tokens_[n.first].sentence]))) {
      const CasualtyClaim& previous = out_.claims.back();
      if (claim.victims.empty()) claim.victims = previous.victims;
      claim.victim_class = previous.victim_class;
      claim.group = previous.group;
      return;
    }
    // "two of its members": the group named before, and its kind when the words say none.
    if (!group &&
        (cls == WordClass::kNone || cls == WordClass::kArmed || cls == WordClass::kGovernment)) {
      group = possessed_group(n, first, end, claim.victim_class);
      if (group && cls == WordClass::kNone) {
        claim.victim_class = group->entity->subtype == "armed" ? VictimClass::kArmedGroup
                                                               : VictimClass::kGovernmentForces;
      }
    }
    if (group) claim.group = {group->entity->id, group->entity->canonical};
  }

  static VictimClass victim_class_of(WordClass c) {
    switch (c) {
      case WordClass::kCivilians:
        return VictimClass::kCivilians;
      case WordClass::kChildren:
        return VictimClass::kChildren;
      case WordClass::kGovernment:
        return VictimClass::kGovernmentForces;
      case WordClass::kArmed:
        return VictimClass::kArmedGroup;
      default:
        return VictimClass::kUnspecified;
    }
  }

  // "400 of their fighters": the group named before in the sentence, of the right kind.
  const EntityMatch* possessed_group(const NumberExpr& n, std::size_t first, std::size_t end,
                                     VictimClass cls) const {
    bool possessive = false;
    for (std::size_t k = first; k < end; ++k) {
      possessive = possessive || word(k) == "their" || word(k) == "its";
    }
    if (!possessive) return nullptr;
    const std::size_t sentence_start = sentence_first_[tokens_[n.first].sentence];
    for (std::size_t k = n.first; k-- > sentence_start;) {
      const EntityMatch* m = match_of(k);
      if (!m || !m->entity || m->entity->type != EntityType::kOrg) continue;
      const std::string& kind = m->entity->subtype;
      if (cls == VictimClass::kArmedGroup         ? kind == "armed"
          : cls == VictimClass::kGovernmentForces ? kind == "gov"
                                                  : (kind == "armed" || kind == "gov")) {
        return m;
      }
    }
    return nullptr;
  }

  void fill_place(const NumberExpr& n, std::size_t first, std::size_t end,
                  CasualtyClaim& claim) const {
    const GazetteerEntity* best = nullptr;
    bool best_country = true;
    for (std::size_t k = n.end; k < end; ++k) {  // after the number first
      consider_place(k, best, best_country);
    }
    if (!best || best_country) {
      for (std::size_t k = n.first; k-- > first;) consider_place(k, best, best_country);
    }
    if (best) {
      claim.place = {best->id, best->canonical};
    } else if (article_place_) {
      claim.place = {article_place_->id, article_place_->canonical};
      claim.place_from_article = true;
    }
  }

  void consider_place(std::size_t k, const GazetteerEntity*& best, bool& best_country) const {
    if (claimant_span_ && k >= claimant_span_->first && k < claimant_span_->end) return;
    const EntityMatch* m = match_of(k);
    if (!m || !m->entity || m->entity->type != EntityType::kPlace) return;
    const bool country = m->entity->subtype == "country";
    if (!best || (best_country && !country)) {
      best = m->entity;
      best_country = country;
    }
  }

  // The most mentioned place of the article, towns before countries.
  const GazetteerEntity* main_place() const {
    std::map<const GazetteerEntity*, int> counts;
    for (const EntityMatch& m : matches_) {
      if (m.entity && m.entity->type == EntityType::kPlace) ++counts[m.entity];
    }
    const GazetteerEntity* best = nullptr;
    int best_score = 0;
    for (const EntityMatch& m : matches_) {  // in order of first mention for ties
      if (!m.entity || m.entity->type != EntityType::kPlace) continue;
      const int score = counts[m.entity] * 2 + (m.entity->subtype == "country" ? 0 : 1) * 1000;
      if (score > best_score) {
        best = m.entity;
        best_score = score;
      }
    }
    return best;
  }

  void fill_date(std::size_t first, std::size_t end, CasualtyClaim& claim) const {
    for (const DateAt& d : dates_) {
      if (d.token < first || d.token >= end) continue;
      if (published_.known() && d.date.date.sortable() > published_.sortable()) continue;
      claim.event_date = d.date.date;
      return;
    }
    claim.event_date = published_;
    claim.date_from_published = published_.known();
  }

  void fill_sentence(const NumberExpr& n, std::size_t first, std::size_t end,
                     CasualtyClaim& claim) const {
    std::size_t begin = tokens_[first].begin;
    std::size_t stop = tokens_[end - 1].end;
    while (stop < text_.text.size() && text_.text[stop] != '\n' &&
           std::string_view(".!?\"')]").find(text_.text[stop]) != std::string_view::npos) {
      ++stop;
    }
    if (stop + 2 < text_.text.size() && text_.text.substr(stop, 3) == "\xE2\x80\x9D") stop += 3;
    const std::size_t number_begin = tokens_[n.first].begin;
    const std::size_t number_end = tokens_[n.end - 1].end;
    if (stop - begin > kMaxClaimSentenceBytes) {
      const std::size_t half = kMaxClaimSentenceBytes / 2;
      begin = std::max(begin, number_begin > half ? number_begin - half : 0);
      stop = std::min(stop, std::max(number_end + half, begin + kMaxClaimSentenceBytes));
      while (begin < number_begin &&
             (static_cast<unsigned char>(text_.text[begin]) & 0xC0) == 0x80) {
        ++begin;
      }
      while (stop > number_end && stop < text_.text.size() &&
             (static_cast<unsigned char>(text_.text[stop]) & 0xC0) == 0x80) {
        --stop;
      }
    }
    // Offsets into the text as written (the tokens index its folded form).
    const auto original = [&](std::size_t at) -> std::size_t {
      return text_.offsets.empty() ? at : text_.offsets[at];
    };
    const std::string_view written = text_.offsets.empty() ? text_.text : text_.original;
    const std::size_t from = original(begin);
    const std::size_t to = original(stop);
    claim.sentence = std::string(written.substr(from, to - from));
    claim.sentence_begin = static_cast<std::uint32_t>(from);
    claim.sentence_end = static_cast<std::uint32_t>(to);
    claim.number_begin = static_cast<std::uint32_t>(original(number_begin) - from);
    claim.number_end = static_cast<std::uint32_t>(original(number_end) - from);
  }

  // ---- attribution ----

  ClaimRef claimant_for(const NumberExpr& n, std::size_t first, std::size_t end) {
    claimant_span_.reset();
    const int quote = quote_of_[n.first];
    if (quote >= 0) {
      if (auto who = quote_speaker(static_cast<std::size_t>(quote))) return *who;
    }
    if (auto owner = figure_owner(n, first)) return resolve(*owner);
    if (auto who = sentence_attribution(n, first, end)) return *who;
    if (attributed_sentence_ && previous_in_paragraph(first)) return *attributed_sentence_;
    return {};
  }

  // The source a figure is named after: "a UN figure of more than 40", "the ministry's
  // toll of 12" (a name, or a word and "'s", right before the figure's noun).
  std::optional<Phrase> figure_owner(const NumberExpr& n, std::size_t first) const {
    if (n.first < first + 3 || (word(n.first - 1) != "of" && word(n.first - 1) != "at")) {
      return std::nullopt;
    }
    const std::size_t noun = n.first - 2;
    const std::string_view w = word(noun);
    if (w != "figure" && w != "figures" && w != "toll" && w != "estimate" && w != "tally" &&
        w != "count") {
      return std::nullopt;
    }
    std::size_t owner = noun - 1;
    if (word(owner) == "death" && owner > first) --owner;  // "the UN's death toll of"
    const EntityMatch* m = match_of(owner);
    if (m && m->entity && m->entity->type != EntityType::kPlace) {
      return Phrase{m->first, m->end, m->end - 1};
    }
    // "the ministry's toll": the possessive's words, back to the determiner (the tokens leave
    // the "'s" out; a place's toll, "Gaza's toll", names no source).
    if (gap_before(owner + 1).starts_with("'s") && !(m && m->entity)) {
      std::size_t from = owner;
      while (from > first && from + 4 > owner && !is_determiner(word(from - 1)) &&
             !punct_before(from)) {
        --from;
      }
      return Phrase{from, owner + 1, owner};
    }
    return std::nullopt;
  }

  static bool names_another_figure(std::string_view w) {
    return w == "total" || w == "figure" || w == "estimate";
  }

  // Whether the number is another figure for the claim before it in the sentence ("a figure
  // Moscow put at 12"): a figure's noun shortly before it, no other number between.
  bool another_figure_for_claim_before(const NumberExpr& n, std::size_t first) const {
    if (!claim_before_in(first)) return false;
    for (std::size_t k = n.first; k-- > first && k + 8 > n.first;) {
      if (is_number(k) && !is_date_number(k)) return false;
      if (names_another_figure(word(k))) return true;
    }
    return false;
  }

  bool claim_before_in(std::size_t first) const {
    return !out_.claims.empty() && last_claim_end_ > first;
  }

  bool previous_in_paragraph(std::size_t first) const {
    return first > 0 && gap_before(first).find('\n') == std::string_view::npos;
  }

  // "According to X," opening a sentence: X also speaks in the next sentence.
  std::optional<ClaimRef> attribution_opens(std::size_t first, std::size_t end) {
    if (word(first) != "according" || word(first + 1) != "to") return std::nullopt;
    const auto phrase = phrase_after(first + 2, end, true);
    if (!phrase) return std::nullopt;
    return resolve(*phrase);
  }

  std::optional<ClaimRef> sentence_attribution(const NumberExpr& n, std::size_t first,
                                               std::size_t end) {
    for (std::size_t k = first; k + 1 < end; ++k) {
      if (word(k) == "according" && word(k + 1) == "to" && quote_of_[k] < 0) {
        if (auto phrase = phrase_after(k + 2, end, true)) return resolve(*phrase);
      }
    }
    if (auto lead = leading_label(first, end)) return resolve(*lead);
    if (auto trail = trailing_label(first, end)) return resolve(*trail);
    std::optional<std::size_t> best;
    std::optional<Phrase> best_phrase;
    for (std::size_t k = first; k < end; ++k) {
      if ((!is_reporting_verb(word(k)) && !puts_a_figure(k)) || quote_of_[k] >= 0) continue;
      if ((word(k) == "claimed" || word(k) == "claims" || word(k) == "claim") &&
          (word(k + 1) == "the" || word(k + 1) == "responsibility" || word(k + 1) == "lives")) {
        continue;  // "claimed the lives of", "claimed responsibility"
      }
      if (k > first && (word(k - 1) == "were" || word(k - 1) == "was" || word(k - 1) == "been" ||
                        word(k - 1) == "be" || word(k - 1) == "is" || word(k - 1) == "are")) {
        continue;  // "were reported killed", "is said to"
      }
      if (stative_outcome(word(k + 1)) && !is_determiner(word(k + 2))) {
        continue;  // "2,000 people reported missing": a participle, nobody reporting
      }
      std::optional<Phrase> phrase = phrase_before(k, first);
      if (!phrase && (word(k) == "said" || word(k) == "says" || word(k) == "reported" ||
                      word(k) == "added" || word(k) == "claimed")) {
        phrase = phrase_after(k + 1, end);
      }
      if (!phrase) continue;
      std::size_t distance = k > n.first ? k - n.first : n.first - k;
      // "Officials put the toll at 63, but the army insisted that only 15 had died": a
      // speaker across a contrast is another source's.
      if (contrast_between(std::min(k, n.first), std::max(k, n.first))) distance += end - first;
      if (!best || distance < *best) {
        best = distance;
        best_phrase = phrase;
      }
    }
    if (best_phrase) return resolve(*best_phrase);
    return std::nullopt;
  }

  // Whether a contrasting clause opens between tokens a and b: ", but", ", while", ";".
  bool contrast_between(std::size_t a, std::size_t b) const {
    for (std::size_t k = a + 1; k <= b && k < tokens_.size(); ++k) {
      const std::string_view w = word(k);
      if (gap_before(k).find(';') != std::string_view::npos) return true;
      if (comma_before(k) && (w == "but" || w == "while" || w == "whereas" || w == "although" ||
                              w == "though" || w == "yet")) {
        return true;
      }
    }
    return false;
  }

  // "SOHR: 12 civilians killed in Idlib". Not a place ("Palmyra: ...") or a numbered label.
  std::optional<Phrase> leading_label(std::size_t first, std::size_t end) const {
    for (std::size_t k = first; k < end && k < first + 6; ++k) {
      if (is_number(k)) return std::nullopt;
      if (k + 1 < end && gap_before(k + 1).find(':') != std::string_view::npos) {
        Phrase p{first, k + 1, k};
        bool party = false;
        for (std::size_t i = first; i <= k; ++i) {
          const EntityMatch* m = match_of(i);
          party = party || (m && (!m->entity || m->entity->type != EntityType::kPlace)) ||
                  is_claimant_noun(word(i));
        }
        if (party && usable(p)) return p;
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // "27 killed in strike on school – civil defence": a short source after a closing dash.
  std::optional<Phrase> trailing_label(std::size_t first, std::size_t end) const {
    for (std::size_t k = end; k-- > first + 1 && k + 6 > end;) {
      const std::string_view gap = gap_before(k);
      if (gap.find(" \xE2\x80\x93 ") != std::string_view::npos ||
          gap.find(" \xE2\x80\x94 ") != std::string_view::npos ||
          gap.find(" - ") != std::string_view::npos) {
        Phrase p{k, end, end - 1};
        for (std::size_t j = k; j < end; ++j) {
          if (is_number(j) || stative_outcome(word(j)) || active_outcome(word(j))) {
            return std::nullopt;
          }
        }
        return p;
      }
    }
    return std::nullopt;
  }

  // The speaker of quotation `q`: a reporting verb right after it closes or right before it
  // opens, in the sentences around it.
  std::optional<ClaimRef> quote_speaker(std::size_t q) {
    const auto [open, close] = quotes_[q];
    std::size_t after = 0;
    while (after < tokens_.size() && tokens_[after].begin < close) ++after;
    for (std::size_t k = after; k < tokens_.size() && k < after + 8; ++k) {
      if (quote_of_[k] >= 0 || gap_before(k).find('\n') != std::string_view::npos) break;
      if (!is_reporting_verb(word(k))) continue;
      const std::size_t sentence_start = sentence_first_[tokens_[k].sentence];
      auto phrase = phrase_before(k, std::max(after, sentence_start));
      if (!phrase) phrase = phrase_after(k + 1, sentence_first_[tokens_[k].sentence + 1]);
      if (phrase) return resolve(*phrase);
      break;
    }
    std::size_t before = after;
    while (before > 0 && tokens_[before - 1].begin >= open) --before;
    for (std::size_t k = before; k-- > 0 && k + 12 > before;) {
      if (quote_of_[k] >= 0 || gap_before(k + 1).find('\n') != std::string_view::npos) break;
      if (!is_reporting_verb(word(k))) continue;
      const std::size_t sentence_start = sentence_first_[tokens_[k].sentence];
      if (auto phrase = phrase_before(k, sentence_start)) return resolve(*phrase);
      break;
    }
    return std::nullopt;
  }

  // The party before a reporting verb at k, back to `limit`: "media activist Amro al-Hussein
  // told", "Rami Abdulrahman, director of the Syrian Observatory for Human Rights, said".
  std::optional<Phrase> phrase_before(std::size_t k, std::size_t limit) const {
    std::size_t end = k;
    while (end > limit && is_skippable_adverb(word(end - 1)) && !comma_before(end)) --end;
    if (end <= limit) return std::nullopt;
    // "..., he said": the person or claimant named last before.
    if (is_pronoun(word(end - 1))) {
      if (punct_before(end - 1) || end - 1 == limit) return pronoun_phrase(end - 1);
      return std::nullopt;
    }
    std::size_t first = end;
    while (first > limit && end - first < 14) {
      const std::size_t k2 = first - 1;
      const std::string_view w = word(k2);
      if (quote_of_[k2] >= 0 || is_number(k2)) break;
      if (w == "that" || w == "which" || w == "when" || w == "after" || w == "while" ||
          w == "but" || w == "as" || w == "and" || w == "because" || w == "where" ||
          stative_outcome(w) || active_outcome(w) || is_auxiliary(w)) {
        break;
      }
      if (first < end && punct_before(first)) {
        // Cross a comma only into an appositive: "X, director of Y," or "Y director, X", or
        // "Airwars, a London-based monitoring group," (a description after a name).
        // "NAME, director of ORG, said": a role followed by of/for/at.
        const std::size_t role_at = is_determiner(word(first)) ? first + 1 : first;
        const std::string_view after_role = word(role_at + 1);
        const bool role_after = is_role_word(word(role_at)) &&
                                (after_role == "of" || after_role == "for" || after_role == "at");
        // "Airwars, a London-based monitoring group, estimates": closed by a comma.
        const bool described = (word(first) == "a" || word(first) == "an") && capitalised(k2) &&
                               comma_before(end) &&
                               !(match_of(k2) && match_of(k2)->entity &&
                                 match_of(k2)->entity->type == EntityType::kPlace);
        if (!(role_after || described || is_role_word(w))) break;
        if (gap_before(first).find_first_of("\"") != std::string_view::npos) break;
      }
      first = k2;
    }
    if (first == end) return std::nullopt;
    Phrase p{first, end, end - 1};
    if (!usable(p) && !(end == k && set_off_party(p, k))) return std::nullopt;
    return p;
  }

  // A party the sentence sets off right before the reporting verb at `verb`, even without a
  // name or a claimant noun: ", the camp's emergency room said" (a comma, then an article) or
  // "Semana reported that" (one capitalised word opening the sentence).
  bool set_off_party(const Phrase& p, std::size_t verb) const {
    const std::size_t length = p.end - p.first;
    if (is_determiner(word(p.first)) && p.first > 0 && comma_before(p.first) && length >= 2 &&
        length <= 6) {
      return true;
    }
    return length == 1 && p.first == sentence_first_[tokens_[p.first].sentence] &&
           capitalised(p.first) && !is_name_stopword(word(p.first)) && !is_pronoun(word(p.first)) &&
           is_reporting_verb(word(verb));
  }

  std::optional<Phrase> pronoun_phrase(std::size_t pronoun) const {
    // The nearest person named before, within the paragraph.
    for (std::size_t k = pronoun; k-- > 0 && k + 80 > pronoun;) {
      if (gap_before(k + 1).find('\n') != std::string_view::npos) break;
      const EntityMatch* m = match_of(k);
      if (m && (!m->entity || m->entity->type == EntityType::kPerson) && m->end - m->first >= 2) {
        return Phrase{m->first, m->end, m->end - 1};
      }
      if (m && m->entity && m->entity->type == EntityType::kPerson) {
        return Phrase{m->first, m->end, m->end - 1};
      }
    }
    return std::nullopt;
  }

  // The party after "according to" or "said": up to punctuation, with an appositive.
  // `lenient`: any words will do ("according to a local collective" names a claimant even
  // without a name or a known claimant noun).
  std::optional<Phrase> phrase_after(std::size_t i, std::size_t end, bool lenient = false) const {
    if (i >= end) return std::nullopt;
    std::size_t k = i;
    std::size_t head = i;
    while (k < end && k < i + 14) {
      const std::string_view w = word(k);
      if (k > i && punct_before(k)) {
        const bool role = is_role_word(w) || (is_determiner(w) && is_role_word(word(k + 1)));
        if (!role) break;
      }
      if (k > i &&
          (w == "that" || w == "on" || w == "in" || w == "who" || w == "which" || w == "near" ||
           w == "when" || w == "after" || w == "at" || (is_auxiliary(w) && w != "to") ||
           (is_reporting_verb(w) && !is_determiner(word(k - 1))) || stative_outcome(w) ||
           active_outcome(w) || quote_of_[k] >= 0)) {
        break;
      }
      if (is_number(k)) break;
      head = k;
      ++k;
    }
    if (k == i) return std::nullopt;
    Phrase p{i, k, head};
    if (lenient) {
      for (std::size_t j = i; j < k; ++j) {
        if (!is_pronoun(word(j)) && !is_determiner(word(j))) return p;
      }
      return std::nullopt;
    }
    if (!usable(p)) return std::nullopt;
    return p;
  }

  // A phrase names a party when it holds an entity, a capitalised name or a claimant noun.
  bool usable(const Phrase& p) const {
    for (std::size_t k = p.first; k < p.end; ++k) {
      if (const EntityMatch* m = match_of(k); m && m->entity) return true;
      if (capitalised(k) && !is_name_stopword(word(k)) && !is_determiner(word(k)) &&
          k > sentence_first_[tokens_[k].sentence]) {
        return true;
      }
      if (is_claimant_noun(word(k))) return true;
    }
    // A capitalised name opening its sentence: "Witnesses said", "Hamas said".
    const std::size_t k = p.first;
    return capitalised(k) && !is_name_stopword(word(k)) && !is_determiner(word(k)) &&
           p.end - p.first >= 1 && match_of(k) != nullptr;
  }

  // "put the toll at", "puts the number of dead at": a way of stating a figure.
  bool puts_a_figure(std::size_t k) const {
    const std::string_view w = word(k);
    // "put the toll at 63", "raised the death toll to 274", "revised its figure".
    if (w != "put" && w != "puts" && w != "putting" && w != "raised" && w != "raises" &&
        w != "raising" && w != "revised" && w != "revises" && w != "lowered" && w != "updated") {
      return false;
    }
    std::size_t q = k + 1;
    // "a figure Moscow put at 12": the figure named before.
    if (word(q) == "at" && k >= 2) {
      for (std::size_t b = k - 1; b + 4 > k && b > 0; --b) {
        if (word(b) == "figure" || word(b) == "toll" || word(b) == "estimate") return true;
      }
    }
    if (word(q) == "the" || word(q) == "its" || word(q) == "their") ++q;
    if (word(q) == "death" || word(q) == "casualty" || word(q) == "injury") ++q;
    const std::string_view noun = word(q);
    return noun == "toll" || noun == "number" || noun == "figure" || noun == "tally" ||
           noun == "count";
  }

  // The claimant a phrase names: an organisation a spokesperson speaks for, a person, the
  // organisation "the Observatory" refers back to, or the words as written.
  ClaimRef resolve(const Phrase& p) {
    claimant_span_ = p;
    // "a spokesman for the Borno state police", "the head of X": the organisation.
    for (std::size_t r = p.first; r < p.end && r < p.first + 4; ++r) {
      if (capitalised(r) && !is_role_word(word(r)) && !is_determiner(word(r))) {
        break;  // a name comes first
      }
      const std::string_view after = word(r + 1);
      if (is_role_word(word(r)) && (after == "for" || after == "of" || after == "at") &&
          r + 2 < p.end && !capitalised(r)) {
        std::size_t rest = r + 2;
        while (rest + 1 < p.end && is_determiner(word(rest))) ++rest;
        return resolve_name(Phrase{rest, p.end, p.end - 1});
      }
    }
    return resolve_name(p);
  }

  ClaimRef resolve_name(const Phrase& p) {
    claimant_span_ = p;
    std::size_t main_end = p.end;  // the main part: before an appositive's comma
    for (std::size_t k = p.first + 1; k < p.end; ++k) {
      if (comma_before(k)) {
        main_end = k;
        break;
      }
    }
    const Phrase main{p.first, main_end, main_end - 1};
    const GazetteerEntity* org = nullptr;
    const GazetteerEntity* person = nullptr;
    const GazetteerEntity* any = nullptr;
    bool org_in_main = false;
    bool has_role = false;
    for (std::size_t k = p.first; k < p.end; ++k) {
      has_role = has_role || is_role_word(word(k));
      const EntityMatch* m = match_of(k);
      if (!m || !m->entity) continue;
      any = any ? any : m->entity;
      // In the main part the organisation nearest its head speaks ("the Houthis' Saba news
      // agency", "Houthi-run al-Masirah TV"); in an appositive, the first one named.
      if (m->entity->type == EntityType::kOrg && (!org || (k < main_end && org_in_main))) {
        org = m->entity;
        org_in_main = k < main_end;
      }
      if (m->entity->type == EntityType::kPerson && !person) person = m->entity;
    }
    const std::size_t head = head_of(main);
    const EntityMatch* head_match = match_of(head);
    const bool head_is_org =
        head_match && head_match->entity && head_match->entity->type == EntityType::kOrg;
    const auto [run_first, run_end] = name_run(main);
    // "the UN humanitarian office", "Hamas-run health ministry", "local activists", "a
    // Ukrainian company commander" (a role with nobody named).
    if (looks_lowercase(head) && !head_is_org &&
        !(is_role_word(word(head)) && (org || person || run_end > run_first + 1))) {
      return {"", as_written(main)};
    }
    // "UN Support Mission in Libya", "US Africa Command": a longer name around a known one.
    if (run_end > run_first && longer_than_entities(run_first, run_end)) {
      return {"", std::string(text_.span_text(run_first, run_end))};
    }
    if (org && (head_is_org || has_role || !capitalised(head) || match_of(head) != nullptr ||
                run_end > run_first)) {
      return {org->id, org->canonical};
    }
    if (person) return {person->id, person->canonical};
    if (auto back = refers_back(main)) return *back;
    if (run_end >= run_first + 2) return {"", std::string(text_.span_text(run_first, run_end))};
    if (auto unknown = unknown_name(main)) return {"", *unknown};
    if (run_end > run_first) return {"", std::string(text_.span_text(run_first, run_end))};
    if (any && any->type != EntityType::kPlace) return {any->id, any->canonical};
    return {"", as_written(main)};
  }

  // A lower-case word, or a common claimant noun capitalised only because it opens its
  // sentence ("Officials in Belgorod said").
  bool looks_lowercase(std::size_t k) const {
    if (!capitalised(k)) return true;
    return k == sentence_first_[tokens_[k].sentence] && match_of(k) == nullptr &&
           is_claimant_noun(word(k));
  }

  // The last word of a claimant phrase that is not a trailing "in Ukraine" / "of Kharkiv".
  std::size_t head_of(const Phrase& p) const {
    // Back over a trailing capitalised name ("Belgorod", "Kharkiv region" is not one) to an
    // "in"/"of" after a common noun: "officials in Belgorod", "the governor of Kharkiv".
    std::size_t k = p.end;
    while (k > p.first + 2 && capitalised(k - 1)) --k;
    if (k < p.end && k >= p.first + 2 && (word(k - 1) == "in" || word(k - 1) == "of") &&
        looks_lowercase(k - 2)) {
      return k - 2;
    }
    return p.end - 1;
  }

  // The longest run of capitalised words in `p` (with "of", "for", "the", "al-", "and" and a
  // possessive apostrophe between them): "International Organization for Migration",
  // "Sudanese Doctors' Union". Returns [first, end), empty when none.
  std::pair<std::size_t, std::size_t> name_run(const Phrase& p) const {
    std::pair<std::size_t, std::size_t> best{0, 0};
    std::size_t k = p.first;
    // "4th" of "the 4th Infantry Division": an ordinal opening a unit's name.
    const auto ordinal = [&](std::size_t i) {
      const std::string_view w = word(i);
      const std::size_t digits = w.find_first_not_of("0123456789");
      const std::string_view suffix = digits == std::string_view::npos ? "" : w.substr(digits);
      return digits > 0 && digits != std::string_view::npos &&
             (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") &&
             i + 1 < p.end && capitalised(i + 1) && !comma_before(i + 1);
    };
    const auto starts_name = [&](std::size_t i) {
      const EntityMatch* m = match_of(i);
      return (capitalised(i) && !is_determiner(word(i)) && !is_role_word(word(i)) &&
              !is_claimant_noun(word(i)) &&
              ((m && m->entity) || tokens_[i].all_caps || !is_name_stopword(word(i)))) ||
             ordinal(i);
    };
    // "Ministry of Health", "Office for Rescuing ...": a claimant noun heading a name.
    const auto institution = [&](std::size_t i) {
      return capitalised(i) && is_claimant_noun(word(i)) &&
             (word(i + 1) == "of" || word(i + 1) == "for") && i + 2 < p.end && capitalised(i + 2);
    };
    while (k < p.end) {
      if (!starts_name(k) && !institution(k)) {
        ++k;
        continue;
      }
      std::size_t first = k;
      std::size_t last = k + 1;
      std::size_t j = k + 1;
      while (j < p.end && !comma_before(j)) {
        const std::string_view w = word(j);
        if (capitalised(j)) {
          last = j + 1;
        } else if (!(w == "of" || w == "for" || w == "the" || w == "and" || w == "on" ||
                     w == "in" || is_arabic_article(w))) {
          break;
        }
        ++j;
      }
      if (last - first > best.second - best.first) best = {first, last};
      k = j;
    }
    return best;
  }

  // True when [first, end) holds more capitalised words than its gazetteer entities cover,
  // and at least one entity (otherwise it is just an unknown name).
  bool longer_than_entities(std::size_t first, std::size_t end) const {
    bool entity = false;
    bool extra = false;
    for (std::size_t k = first; k < end; ++k) {
      const EntityMatch* m = match_of(k);
      if (m && m->entity) {
        entity = true;
        if (m->first < first || m->end > end) return false;  // the run is inside an entity
      } else if (capitalised(k) && !is_name_stopword(word(k))) {
        extra = true;
      }
    }
    return entity && extra;
  }

  // A capitalised name inside the phrase that the gazetteer does not know ("Amro al-Hussein").
  std::optional<std::string> unknown_name(const Phrase& p) const {
    for (std::size_t k = p.first; k < p.end; ++k) {  // a name the entity finder saw
      const EntityMatch* m = match_of(k);
      if (m && !m->entity && m->end - m->first >= 2 && m->end <= p.end) {
        if (auto name = name_text(m->first, m->end)) return name;
      }
    }
    std::size_t first = p.end;  // p.end: no name started
    std::size_t end = p.end;
    for (std::size_t k = p.first; k < p.end; ++k) {
      const bool started = first != p.end;
      const bool name_word = (capitalised(k) && !is_name_stopword(word(k)) &&
                              !is_determiner(word(k)) && !match_of(k)) ||
                             (started && is_arabic_article(word(k)) && tokens_[k].joined);
      if (name_word && (!started || (end == k && tokens_[k].joined))) {
        if (!started) first = k;
        end = k + 1;
      } else if (started && end - first >= 2) {
        break;
      } else if (started) {
        first = end = p.end;
      }
    }
    if (first == p.end || end - first < 2) return std::nullopt;
    return std::string(text_.span_text(first, end));
  }

  // The words of an unknown name without a leading role ("Activist Abas al-Omar"); nullopt
  // when fewer than two words remain.
  std::optional<std::string> name_text(std::size_t first, std::size_t end) const {
    while (first < end && (is_role_word(word(first)) || is_claimant_noun(word(first)) ||
                           is_determiner(word(first)))) {
      ++first;
    }
    if (end - first < 2) return std::nullopt;
    return std::string(text_.span_text(first, end));
  }

  // "the Observatory", "the monitor group": an organisation named earlier with that word.
  std::optional<ClaimRef> refers_back(const Phrase& p) const {
    std::size_t k = p.first;
    if (is_determiner(word(k))) ++k;
    if (k + 2 == p.end && is_arabic_article(word(k))) ++k;  // "al-Omar"
    if (k + 1 != p.end || !capitalised(k)) return std::nullopt;
    const std::string w(word(k));
    // A surname: the person named in full before ("Abas al-Omar" ... "al-Omar said").
    for (std::size_t m = matches_.size(); m-- > 0;) {
      const EntityMatch& match = matches_[m];
      if (match.first >= p.first || match.end - match.first < 2 || word(match.end - 1) != w) {
        continue;
      }
      if (!match.entity) {
        if (auto name = name_text(match.first, match.end)) return ClaimRef{"", *name};
        continue;
      }
      if (match.entity->type == EntityType::kPerson) {
        return ClaimRef{match.entity->id, match.entity->canonical};
      }
    }
    for (std::size_t m = matches_.size(); m-- > 0;) {
      const EntityMatch& match = matches_[m];
      if (match.first >= p.first || !match.entity || match.entity->type != EntityType::kOrg) {
        continue;
      }
      for (const std::string& alias : match.entity->aliases) {
        const TokenizedText words = tokenize(alias);
        for (const Token& t : words.tokens) {
          if (t.folded == w) return ClaimRef{match.entity->id, match.entity->canonical};
        }
      }
    }
    return std::nullopt;
  }

  std::string as_written(const Phrase& p) const {
    std::size_t first = p.first;
    while (first + 1 < p.end && is_determiner(word(first))) ++first;
    std::string text(text_.span_text(first, p.end));
    // Keep the words, not an opening quotation mark glued to the first one.
    while (!text.empty() && static_cast<unsigned char>(text[0]) >= 0x80 &&
           !std::isalnum(static_cast<unsigned char>(text[0]))) {
      if (text.starts_with("\xE2\x80\x9C") || text.starts_with("\xE2\x80\x9D")) {
        text.erase(0, 3);
      } else {
        break;
      }
    }
    return text;
  }

  const ClaimLanguage language_;
  const TokenizedText& text_;
  const std::vector<Token>& tokens_;
  const std::vector<EntityMatch>& matches_;
  const std::vector<DateAt>& dates_;
  const PartialDate& published_;
  std::vector<int> owner_;     // token -> covering match, or -1
  std::vector<int> quote_of_;  // token -> quotation it is inside, or -1
  std::vector<std::pair<std::size_t, std::size_t>> quotes_;
  std::vector<std::size_t> sentence_first_;  // sentence -> first token (size sentences + 1)
  const GazetteerEntity* article_place_ = nullptr;
  std::optional<ClaimRef> attributed_sentence_;  // "According to X," of the sentence before
  std::optional<Phrase> claimant_span_;          // the current claim's claimant tokens
  std::size_t covered_until_ = 0;                // tokens already inside a claim's victims
  bool conditional_sentence_ = false;  // the current sentence tells what would have happened
  std::size_t claim_end_ = 0;          // end of the current claim's words
  std::size_t last_claim_end_ = 0;
  ClaimExtraction out_;
};

}  // namespace

ClaimExtraction find_claims(const TokenizedText& text, const std::vector<EntityMatch>& matches,
                            const std::vector<DateAt>& dates, const PartialDate& published,
                            ClaimLanguage language) {
  // Most sentences name no casualty at all: only those with a trigger word are read, and an
  // article without any costs one hash lookup per word.
  std::vector<bool> candidates(text.sentences.size(), false);
  bool any = false;
  const auto trigger = [language](const std::string& w) {
    return language == ClaimLanguage::kEnglish
               ? is_trigger(w)
               : outcome_word(language, w) || elimination_word(language, w);
  };
  for (const Token& t : text.tokens) {
    if (!candidates[t.sentence] && trigger(t.folded)) {
      candidates[t.sentence] = true;
      any = true;
    }
  }
  if (!any) return {};
  return ClaimFinder(text, matches, dates, published, language).run(candidates);
}

}  // namespace cs
