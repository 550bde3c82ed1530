#include "indexer/sources.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "core/normalize.h"

namespace cs {

namespace {

// Token range [first, end) naming a party, and the entity match it is, if any.
struct Party {
  std::size_t first = 0;
  std::size_t end = 0;
  const EntityMatch* match = nullptr;
};

class SourceFinder {
 public:
  SourceFinder(const TokenizedText& text, const std::vector<EntityMatch>& matches)
      : text_(text), owner_(text.tokens.size(), -1) {
    for (std::size_t m = 0; m < matches.size(); ++m) {
      for (std::size_t i = matches[m].first; i < matches[m].end; ++i) {
        owner_[i] = static_cast<int>(m);
      }
    }
    matches_ = &matches;
  }

  std::vector<CitedSource> run() {
    const auto& tokens = text_.tokens;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Sentence& s = text_.sentences[tokens[k].sentence];
      if (s.headline || s.shouting) continue;
      const std::string_view w = tokens[k].folded;
      if (tokens[k].caseless) {
        // Arabic puts the verb first: "قال المرصد", "وفقا ل«المرصد»", "بحسب وكالة سانا".
        const std::string_view bare = without_conjunction(w);
        if (is_arabic_attribution(w) || is_arabic_attribution(bare) ||
            is_arabic_reporting_verb(bare)) {
          add(entity_after(k + 1));
        }
        continue;
      }
      if (w == "according" && k + 1 < tokens.size() && tokens[k + 1].folded == "to") {
        add(party_after(k + 2));
      } else if (k + 1 < tokens.size() && is_slavic_according(w, tokens[k + 1].folded)) {
        add(party_after(k + 2));
      } else if (w == "citing") {
        add(party_before(k));
      } else if (is_reporting_verb(w)) {
        const auto before = party_before(k);
        add(before);
        if (!before || w == "told") add(party_after(k + 1));
      }
    }
    return std::move(sources_);
  }

 private:
  // Reporting verbs of English, Russian and Ukrainian (as fold_word leaves them: ё -> е);
  // the party is before the verb, else after it.
  static bool is_reporting_verb(std::string_view w) {
    static const std::unordered_set<std::string_view> kVerbs = {
        "reported",   "reports",     "said",      "says",       "claimed",    "claims",
        "confirmed",  "confirms",    "told",      "stated",     "states",     "announced",
        "announces",  "added",       "adds",      "tweeted",    "wrote",      "denied",
        "denies",     "alleged",     "warned",    "insisted",   "estimated",  "сообщил",
        "сообщила",   "сообщили",    "сообщает",  "сообщают",   "заявил",     "заявила",
        "заявили",    "заявляет",    "рассказал", "рассказала", "написал",    "написала",
        "уточнил",    "уточнила",    "отметил",   "отметила",   "передает",   "пишет",
        "подтвердил", "подтвердили", "повідомив", "повідомила", "повідомили", "повідомляє",
        "заявив",     "заявила",     "заявили",   "заявляє",    "розповів",   "розповіла",
        "написав",    "зазначив",    "зазначила", "уточнив",    "передає",    "пише",
        "підтвердив", "підтвердили"};
    return kVerbs.count(w) != 0;
  }

  // "по данным X", "по словам X", "за даними X", "за словами X", "по информации X": the
  // Russian and Ukrainian "according to".
  static bool is_slavic_according(std::string_view w, std::string_view next) {
    if (w == "по") {
      return next == "данным" || next == "словам" || next == "информации" || next == "сообщению";
    }
    return w == "за" && (next == "даними" || next == "словами" || next == "інформацією");
  }

  // An Arabic word without a leading "wa-"/"fa-" (and): "وقال" -> "قال".
  static std::string_view without_conjunction(std::string_view w) {
    for (std::string_view c : {std::string_view("و"), std::string_view("ف")}) {
      if (w.starts_with(c) && w.size() >= c.size() + 6) return w.substr(c.size());
    }
    return w;
  }

  // "according to" in Arabic (normalised: no hamza or tanween): وفقا، بحسب، حسب، نقلا عن.
  static bool is_arabic_attribution(std::string_view w) {
    return w == "وفقا" || w == "بحسب" || w == "حسب" || w == "نقلا";
  }

  // Arabic reporting verbs (normalised: hamza on alef dropped, ta marbuta as heh).
  static bool is_arabic_reporting_verb(std::string_view w) {
    // Not ذكر, نقل, كشف (also nouns) nor بين ("between").
    static const std::unordered_set<std::string_view> kVerbs = {
        "قال",   "قالت", "افاد", "افادت", "ذكرت", "اعلن", "اعلنت", "اكد",
        "اكدت",  "نقلت", "اشار", "اشارت", "صرح",  "وثق",  "وثقت",  "اوضح",
        "اوضحت", "كشفت", "اضاف", "اضافت", "زعم",  "زعمت"};
    return kVerbs.count(w) != 0;
  }

  // The gazetteer entity named right after an Arabic verb or "according to", allowing a
  // preposition ("ل") and up to two words before it ("قال مدير المرصد").
  std::optional<Party> entity_after(std::size_t i) const {
    const auto& tokens = text_.tokens;
    for (std::size_t j = i; j < tokens.size() && j < i + 3 && same_sentence(i - 1, j); ++j) {
      if (auto m = match_party(j); m && m->first == j) return m;
    }
    return std::nullopt;
  }

  static bool is_adverb(std::string_view w) {
    return w == "also" || w == "has" || w == "have" || w == "had" || w == "later" ||
           w == "earlier" || w == "previously" || w == "separately" || w == "again" ||
           w == "then" || w == "recently" || w == "reportedly" || w == "further" ||
           w == "officially" || w == "publicly";
  }

  bool same_sentence(std::size_t a, std::size_t b) const {
    return text_.tokens[a].sentence == text_.tokens[b].sentence;
  }

  bool is_name_token(std::size_t i) const {
    const Token& t = text_.tokens[i];
    const auto c = static_cast<unsigned char>(text_.text[t.begin]);
    const bool capital = (c >= 'A' && c <= 'Z') || (c >= 0x80 && t.capitalised);
    return capital && t.folded.size() >= 2 && !is_name_stopword(t.folded);
  }

  bool is_connector(std::size_t i) const {
    const std::string& w = text_.tokens[i].folded;
    return is_arabic_article(w) || w == "bin" || w == "ibn" || w == "de" || w == "of" || w == "for";
  }

  std::optional<Party> match_party(std::size_t i) const {
    if (owner_[i] < 0) return std::nullopt;
    const EntityMatch& m = (*matches_)[static_cast<std::size_t>(owner_[i])];
    return Party{m.first, m.end, &m};
  }

  // A lower-case role word before a Russian or Ukrainian name ("сообщил губернатор Синегубов").
  static bool is_slavic_role(std::string_view w) {
    static const std::unordered_set<std::string_view> kRoles = {
        "губернатор",  "глава",      "мэр",     "министр",    "представитель", "спикер",
        "командующий", "начальник",  "пресс",   "секретарь",  "председатель",  "президент",
        "официальный", "голова",     "міністр", "речник",     "очільник",      "керівник",
        "мер",         "командувач", "речниця", "представник"};
    return kRoles.count(w) != 0;
  }

  std::optional<Party> party_after(std::size_t i) const {
    const auto& tokens = text_.tokens;
    if (i < tokens.size() && tokens[i].folded == "the") ++i;
    for (int roles = 0; roles < 3 && i + 1 < tokens.size() && !tokens[i].capitalised &&
                        is_slavic_role(tokens[i].folded);
         ++roles) {
      ++i;
    }
    if (i >= tokens.size() || !same_sentence(i - 1, i)) return std::nullopt;
    if (auto m = match_party(i); m && m->first == i) return m;
    std::size_t end = i;
    std::size_t last = i;
    while (end < tokens.size() && (end == i || tokens[end].joined)) {
      if (is_name_token(end)) {
        last = end + 1;
      } else if (!is_connector(end) || end == i + 8) {
        break;
      }
      ++end;
    }
    if (last == i) return std::nullopt;
    return Party{i, last, nullptr};
  }

  std::optional<Party> party_before(std::size_t k) const {
    std::size_t end = k;
    while (end > 0 && same_sentence(end - 1, k) && is_adverb(text_.tokens[end - 1].folded)) {
      --end;
    }
    if (end == 0 || !same_sentence(end - 1, k)) return std::nullopt;
    if (auto m = match_party(end - 1); m && m->end == end) return m;
    if (!is_name_token(end - 1)) return std::nullopt;
    std::size_t first = end - 1;
    while (first > 0 && same_sentence(first - 1, k) && end - first < 8 &&
           text_.tokens[first].joined && (is_name_token(first - 1) || is_connector(first - 1))) {
      --first;
    }
    while (!is_name_token(first) && !is_arabic_article(text_.tokens[first].folded)) ++first;
    const bool sentence_start = first == 0 || !same_sentence(first - 1, first);
    if (sentence_start && end - first == 1) return std::nullopt;  // "Residents said"
    return Party{first, end, nullptr};
  }

  void add(const std::optional<Party>& party) {
    if (!party) return;
    CitedSource source;
    if (party->match && party->match->entity) {
      source.id = party->match->entity->id;
      source.name = party->match->entity->canonical;
    } else if (party->match) {  // an unknown name, or a reference back to one
      source.name =
          std::string(text_.span_text(party->match->name_first(), party->match->name_end()));
    } else {
      source.name = std::string(text_.span_text(party->first, party->end));
    }
    const std::string key = source.id.empty() ? fold_key(source.name) : source.id;
    if (key.empty() || !seen_.insert(key).second) return;
    sources_.push_back(std::move(source));
  }

  const TokenizedText& text_;
  std::vector<int> owner_;  ///< token -> index of the match covering it, or -1
  const std::vector<EntityMatch>* matches_ = nullptr;
  std::vector<CitedSource> sources_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

std::vector<CitedSource> find_sources(const TokenizedText& text,
                                      const std::vector<EntityMatch>& matches) {
  return SourceFinder(text, matches).run();
}

}  // namespace cs
