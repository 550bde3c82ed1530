// Numbers as casualty reports write them, over tokenised text: digits ("1,200", "2.5 million",
// Arabic-Indic "٣٣"), words ("Fifty-five", "two dozen", "a dozen"), ranges ("between 20 and
// 30", "20 to 30", "20-30", "two or three"), qualifiers in front ("at least", "more than",
// "nearly", "up to", ...) and vague quantities ("dozens", "scores", "hundreds", "tens of
// thousands"), which keep no value, only their order of magnitude.
//
// Thread-safety: pure functions.
#ifndef CS_INDEXER_CLAIM_NUMBERS_H_
#define CS_INDEXER_CLAIM_NUMBERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "indexer/entities_tokens.h"

namespace cs {

/// Largest value a claim may carry; larger figures are dropped as absurd.
inline constexpr std::int64_t kMaxClaimValue = 100'000'000;

/// A number expression: tokens [first, end) of a TokenizedText, qualifier included.
struct NumberExpr {
  std::size_t first = 0;
  std::size_t value_first = 0;  ///< first token after the qualifier
  std::size_t end = 0;
  std::int64_t low = 0;    ///< 0 for a vague quantity
  std::int64_t high = 0;   ///< == low unless a range
  std::string qualifier;   ///< canonical form ("at least", "more than", ...) or ""
  std::string vague;       ///< "dozens", "hundreds", ... or ""
  int magnitude = 0;       ///< floor(log10(high)), or the vague quantity's order
  bool year_like = false;  ///< four digits 1900-2099 written without a comma: likely a year
  bool too_large = false;  ///< more digits than fit, or above kMaxClaimValue
  bool single = false;     ///< "a civilian": one person named with an article (claims.cpp)
  bool by_noun = false;  ///< counted by the victims' noun itself: "мужчина" (1), "شخصين" (2)
};

/// The number expression whose qualifier or number starts at token `i`, within its sentence;
/// nullopt when none starts there.
std::optional<NumberExpr> number_at(const TokenizedText& text, std::size_t i);

/// True when token `i` is a number word or digits (cheap test before number_at).
bool may_start_number(const TokenizedText& text, std::size_t i);

}  // namespace cs

#endif  // CS_INDEXER_CLAIM_NUMBERS_H_
