#include "core/claim.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/dates.h"
#include "core/schema.h"

namespace cs {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kOutcomeNames = {"killed", "wounded", "captured",
                                                           "missing", "displaced"};
constexpr std::array<std::string_view, 5> kClassNames = {"unspecified", "civilians", "children",
                                                         "government forces", "armed group"};

// Separators of the slot encoding; neither occurs in normalised text or ids.
constexpr char kRecordSep = '\x1e';
constexpr char kFieldSep = '\x1f';
constexpr std::size_t kKeyFields = 10;

std::string str(const json& j, const char* k) {
  const auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

template <typename T>
T num(const json& j, const char* k) {
  const auto it = j.find(k);
  return it != j.end() && it->is_number() ? it->get<T>() : T{};
}

bool flag(const json& j, const char* k) {
  const auto it = j.find(k);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

json ref_json(const ClaimRef& ref) {
  if (ref.empty()) return nullptr;
  return {{"id", ref.id}, {"name", ref.name}};
}

ClaimRef ref_from(const json& j, const char* k) {
  const auto it = j.find(k);
  if (it == j.end() || !it->is_object()) return {};
  return {str(*it, "id"), str(*it, "name")};
}

std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t end = s.find(sep, pos);
    out.push_back(s.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (end == std::string_view::npos) return out;
    pos = end + 1;
  }
}

}  // namespace

std::string_view outcome_name(Outcome o) { return kOutcomeNames[static_cast<std::size_t>(o)]; }

std::string_view victim_class_name(VictimClass c) {
  return kClassNames[static_cast<std::size_t>(c)];
}

std::optional<Outcome> outcome_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kOutcomeNames.size(); ++i) {
    if (kOutcomeNames[i] == name) return static_cast<Outcome>(i);
  }
  return std::nullopt;
}

std::optional<VictimClass> victim_class_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kClassNames.size(); ++i) {
    if (kClassNames[i] == name) return static_cast<VictimClass>(i);
  }
  return std::nullopt;
}

json claim_json(const CasualtyClaim& c) {
  json out = {{"number", c.number},
              {"low", c.vague.empty() ? json(c.low) : json(nullptr)},
              {"high", c.vague.empty() ? json(c.high) : json(nullptr)},
              {"qualifier", c.qualifier.empty() ? json(nullptr) : json(c.qualifier)},
              {"vague", c.vague.empty() ? json(nullptr) : json(c.vague)},
              {"magnitude", c.magnitude},
              {"outcome", outcome_name(c.outcome)},
              {"victims", c.victims},
              {"class", victim_class_name(c.victim_class)},
              {"group", ref_json(c.group)},
              {"claimant", ref_json(c.claimant)},
              {"place", ref_json(c.place)},
              {"place_from_article", c.place_from_article},
              {"event_date", c.event_date.known() ? json(c.event_date.iso()) : json(nullptr)},
              {"event_date_from_published", c.date_from_published},
              {"update", c.update},
              {"sentence", c.sentence},
              {"number_begin", c.number_begin},
              {"number_end", c.number_end}};
  return out;
}

CasualtyClaim claim_from_json(const json& j) {
  CasualtyClaim c;
  if (!j.is_object()) return c;
  c.number = str(j, "number");
  c.low = num<std::int64_t>(j, "low");
  c.high = num<std::int64_t>(j, "high");
  c.qualifier = str(j, "qualifier");
  c.vague = str(j, "vague");
  c.magnitude = num<int>(j, "magnitude");
  c.outcome = outcome_from_name(str(j, "outcome")).value_or(Outcome::kKilled);
  c.victims = str(j, "victims");
  c.victim_class = victim_class_from_name(str(j, "class")).value_or(VictimClass::kUnspecified);
  c.group = ref_from(j, "group");
  c.claimant = ref_from(j, "claimant");
  c.place = ref_from(j, "place");
  c.place_from_article = flag(j, "place_from_article");
  c.event_date = parse_iso_date(str(j, "event_date")).value_or(PartialDate{});
  c.date_from_published = flag(j, "event_date_from_published");
  c.update = flag(j, "update");
  c.sentence = str(j, "sentence");
  c.number_begin = num<std::uint32_t>(j, "number_begin");
  c.number_end = num<std::uint32_t>(j, "number_end");
  return c;
}

std::string encode_claims(const std::vector<CasualtyClaim>& claims) {
  json out = json::array();
  for (const CasualtyClaim& c : claims) {
    json j = claim_json(c);
    j.erase("sentence");
    for (auto it = j.begin(); it != j.end();) {  // defaults are what a missing key reads as
      const bool empty = it->is_null() || (it->is_boolean() && !it->get<bool>()) ||
                         (it->is_string() && it->get<std::string>().empty()) ||
                         (it->is_number_integer() && it->get<std::int64_t>() == 0);
      it = empty ? j.erase(it) : std::next(it);
    }
    j["sb"] = c.sentence_begin;
    j["se"] = c.sentence_end;
    out.push_back(std::move(j));
  }
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<CasualtyClaim> decode_claims(std::string_view stored, std::string_view title,
                                         std::string_view text) {
  std::vector<CasualtyClaim> claims;
  if (stored.empty()) return claims;
  const json j = json::parse(stored, nullptr, false);
  if (!j.is_array()) return claims;
  const std::size_t analysed = title.size() + 1 + text.size();
  for (const json& item : j) {
    CasualtyClaim c = claim_from_json(item);
    c.sentence_begin = num<std::uint32_t>(item, "sb");
    c.sentence_end = num<std::uint32_t>(item, "se");
    if (c.sentence_begin <= c.sentence_end && c.sentence_end <= analysed) {
      // The sentence lies in title + "\n" + text, which are stored apart.
      const std::size_t begin = c.sentence_begin, end = c.sentence_end;
      std::string sentence;
      if (begin < title.size()) sentence.append(title.substr(begin, end - begin));
      if (begin <= title.size() && end > title.size()) sentence += '\n';
      if (end > title.size() + 1) {
        const std::size_t from = std::max(begin, title.size() + 1) - title.size() - 1;
        sentence.append(text.substr(from, end - title.size() - 1 - from));
      }
      c.sentence = std::move(sentence);
    }
    claims.push_back(std::move(c));
  }
  return claims;
}

std::string claimant_id(const CasualtyClaim& claim) {
  if (!claim.claimant.id.empty()) return claim.claimant.id;
  if (claim.claimant.name.empty()) return "";
  return schema::unknown_name_id(claim.claimant.name);
}

std::string encode_claim_keys(const std::vector<CasualtyClaim>& claims) {
  std::string out;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const CasualtyClaim& c = claims[i];
    if (!out.empty()) out += kRecordSep;
    const std::string fields[kKeyFields] = {std::to_string(c.low),
                                            std::to_string(c.high),
                                            std::to_string(c.magnitude),
                                            std::to_string(static_cast<int>(c.outcome)),
                                            std::to_string(static_cast<int>(c.victim_class)),
                                            c.group.id,
                                            claimant_id(c),
                                            c.place.id,
                                            c.event_date.known() ? c.event_date.iso() : "",
                                            std::to_string(i)};
    for (std::size_t f = 0; f < kKeyFields; ++f) {
      if (f > 0) out += kFieldSep;
      out += fields[f];
    }
  }
  return out;
}

std::vector<ClaimKey> decode_claim_keys(std::string_view slot) {
  std::vector<ClaimKey> keys;
  if (slot.empty()) return keys;
  for (std::string_view record : split(slot, kRecordSep)) {
    const auto f = split(record, kFieldSep);
    if (f.size() != kKeyFields) continue;
    const std::int64_t outcome = to_int(f[3]);
    const std::int64_t cls = to_int(f[4]);
    if (outcome < 0 || outcome >= static_cast<std::int64_t>(kOutcomeNames.size()) || cls < 0 ||
        cls >= static_cast<std::int64_t>(kClassNames.size())) {
      continue;
    }
    ClaimKey k;
    k.low = to_int(f[0]);
    k.high = to_int(f[1]);
    k.magnitude = static_cast<int>(to_int(f[2]));
    k.outcome = static_cast<Outcome>(outcome);
    k.victim_class = static_cast<VictimClass>(cls);
    k.group_id = std::string(f[5]);
    k.claimant_id = std::string(f[6]);
    k.place_id = std::string(f[7]);
    k.event_date = std::string(f[8]);
    k.index = static_cast<std::uint16_t>(to_int(f[9]));
    keys.push_back(std::move(k));
  }
  return keys;
}

}  // namespace cs
