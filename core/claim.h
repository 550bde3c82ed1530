// Encodings of casualty claims (CasualtyClaim, core/article.h), which the indexer extracts
// (indexer/claims.h) and the query side groups into incidents (query/claims.h).
//
// Two encodings: JSON, inside the document data (core/doc_data.h), for display and export;
// and a compact value-slot form holding what incident grouping needs, read into memory for a
// whole index at once (query/claims.h).
//
// Thread-safety: plain values and pure functions.
#ifndef CS_CORE_CLAIM_H_
#define CS_CORE_CLAIM_H_

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace cs {

/// "killed", "wounded", "captured", "missing", "displaced".
std::string_view outcome_name(Outcome o);
/// "unspecified", "civilians", "children", "government forces", "armed group".
std::string_view victim_class_name(VictimClass c);
/// The inverse of outcome_name / victim_class_name; nullopt for other text.
std::optional<Outcome> outcome_from_name(std::string_view name);
std::optional<VictimClass> victim_class_from_name(std::string_view name);

/// The JSON object of a claim (the document data's and the API's shape, README "Claims").
nlohmann::json claim_json(const CasualtyClaim& claim);
/// A claim from claim_json's object; fields of other types decode to defaults.
CasualtyClaim claim_from_json(const nlohmann::json& j);

/// An article's claims as stored in their value slot: one JSON array of claim_json objects
/// without the fields at their defaults and without the sentence, which is kept as offsets
/// into the article's title + "\n" + text (the index holds the text already).
std::string encode_claims(const std::vector<CasualtyClaim>& claims);
/// The claims of encode_claims's text, their sentences restored from the article's `title`
/// and `text`; empty for "" or malformed text.
std::vector<CasualtyClaim> decode_claims(std::string_view stored, std::string_view title,
                                         std::string_view text);

/// What incident grouping needs of one claim, as stored in a value slot.
struct ClaimKey {
  std::int64_t low = 0;
  std::int64_t high = 0;
  int magnitude = 0;
  Outcome outcome = Outcome::kKilled;
  VictimClass victim_class = VictimClass::kUnspecified;
  std::string group_id;
  std::string claimant_id;  ///< gazetteer id, unknown-name id, or "" for nobody
  std::string place_id;     ///< gazetteer id or ""
  std::string event_date;   ///< PartialDate::iso() of the event date ("" when unknown)
  std::uint16_t index = 0;  ///< position of the claim in the article's claims
  friend bool operator==(const ClaimKey&, const ClaimKey&) = default;
};

/// The claimant's facet and filter id: its gazetteer id, or the unknown-name id of the name
/// as written; "" for a claim on the article's own authority.
std::string claimant_id(const CasualtyClaim& claim);

/// The compact slot encoding of an article's claims ("" when it has none).
std::string encode_claim_keys(const std::vector<CasualtyClaim>& claims);
/// The keys of a slot value; malformed records are skipped.
std::vector<ClaimKey> decode_claim_keys(std::string_view slot);

}  // namespace cs

#endif  // CS_CORE_CLAIM_H_
