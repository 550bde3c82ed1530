// Fuzz target: casualty-figure parsing (indexer/claim_numbers.h). The input is text, folded
// and tokenised as extraction does (normalize_text_mapped, tokenize); number_at is asked at
// every token. Checks the text map and the tokens, and of each number expression: its tokens
// inside one sentence, qualifier before value, a range with low <= high, values within
// kMaxClaimValue unless marked too large, vague quantities without a value, year-like figures
// that are years, the order of magnitude of the value, and may_start_number true where a
// number (not a qualifier) starts.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz_support.h"
#include "indexer/claim_numbers.h"
#include "indexer/entities_tokens.h"

namespace {

int magnitude_of(std::int64_t v) {
  int m = 0;
  for (; v >= 10; v /= 10) ++m;
  return m;
}

std::string describe(const cs::NumberExpr& n, const cs::TokenizedText& t) {
  return "'" + std::string(t.span_text(n.first, n.end)) + "' low " + std::to_string(n.low) +
         " high " + std::to_string(n.high) + " vague '" + n.vague + "'";
}

void check_number(const cs::NumberExpr& n, std::size_t i, const cs::TokenizedText& t) {
  CS_FUZZ_CHECK(n.first == i && n.first <= n.value_first && n.value_first < n.end);
  CS_FUZZ_CHECK(n.end <= t.tokens.size());
  CS_FUZZ_CHECK(t.tokens[n.end - 1].sentence == t.tokens[i].sentence);
  const std::string what = describe(n, t);
  if (!n.vague.empty()) {
    CS_FUZZ_CHECK_MSG(n.low == 0 && n.high == 0 && !n.too_large, what);
    CS_FUZZ_CHECK_MSG(n.magnitude >= 1 && n.magnitude <= 6, what);
    return;
  }
  if (n.too_large) return;
  CS_FUZZ_CHECK_MSG(0 <= n.low && n.low <= n.high, what);
  CS_FUZZ_CHECK_MSG(n.high <= cs::kMaxClaimValue, what);
  CS_FUZZ_CHECK_MSG(n.magnitude == magnitude_of(n.high), what);
  if (n.year_like) CS_FUZZ_CHECK_MSG(n.low == n.high && n.low >= 1900 && n.low <= 2099, what);
  if (n.qualifier.empty()) CS_FUZZ_CHECK_MSG(cs::may_start_number(t, i), what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  const std::string_view original = cs::fuzz::as_text(data, size);
  const cs::MappedText mapped = cs::normalize_text_mapped(original);
  if (mapped.offsets.empty()) {
    CS_FUZZ_CHECK(mapped.text == original);
  } else {
    CS_FUZZ_CHECK(mapped.offsets.size() == mapped.text.size() + 1);
    CS_FUZZ_CHECK(mapped.offsets.back() == original.size());
    for (std::size_t k = 1; k < mapped.offsets.size(); ++k) {
      CS_FUZZ_CHECK(mapped.offsets[k - 1] <= mapped.offsets[k]);
    }
  }
  const cs::TokenizedText tokens = cs::tokenize(mapped, original);
  cs::fuzz::check_tokens(tokens);
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (const std::optional<cs::NumberExpr> n = cs::number_at(tokens, i)) {
      check_number(*n, i, tokens);
    }
  }
  CS_FUZZ_CHECK(!cs::number_at(tokens, tokens.tokens.size()));
  return 0;
}
