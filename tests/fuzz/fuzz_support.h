// Helpers shared by the fuzz targets: the input bound, and invariant checks that stop the run
// with a message (libFuzzer then saves the input as a crash), so a target finds wrong answers
// as well as crashes. Every check is cheap: the targets run hundreds of times a second.
#ifndef CS_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define CS_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/article.h"
#include "core/dates.h"
#include "core/normalize.h"
#include "indexer/entities_tokens.h"

namespace cs::fuzz {

/// Inputs longer than this are ignored (scripts/fuzz.sh passes the same -max_len).
inline constexpr std::size_t kMaxInput = 64 * 1024;

/// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Prints which invariant broke (and `detail`, when given) and traps.
[[noreturn]] inline void fail(const char* file, int line, const char* what,
                              std::string_view detail = {}) {
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
  if (!detail.empty()) {
    std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  }
  std::fflush(stderr);
  __builtin_trap();
}

}  // namespace cs::fuzz

/// Traps when `cond` is false.
#define CS_FUZZ_CHECK(cond) ((cond) ? void(0) : ::cs::fuzz::fail(__FILE__, __LINE__, #cond))
/// Traps when `cond` is false, printing `detail` (a string) too.
#define CS_FUZZ_CHECK_MSG(cond, detail) \
  ((cond) ? void(0) : ::cs::fuzz::fail(__FILE__, __LINE__, #cond, (detail)))

namespace cs::fuzz {

/// A known date is a real one with fields matching its precision; an unknown one is all zero.
inline void check_date(const PartialDate& d) {
  switch (d.precision) {
    case DatePrecision::kUnknown:
      CS_FUZZ_CHECK(d.year == 0 && d.month == 0 && d.day == 0);
      return;
    case DatePrecision::kYear:
      CS_FUZZ_CHECK_MSG(d.month == 0 && d.day == 0, d.iso());
      break;
    case DatePrecision::kMonth:
      CS_FUZZ_CHECK_MSG(d.month >= 1 && d.day == 0, d.iso());
      break;
    case DatePrecision::kDay:
      CS_FUZZ_CHECK_MSG(d.month >= 1 && d.day >= 1, d.iso());
      break;
  }
  CS_FUZZ_CHECK_MSG(is_valid_date(d.year, d.month, d.day), d.iso());
}

/// Tokens lie inside the text, in order, without overlap, each in a sentence that exists.
inline void check_tokens(const TokenizedText& t) {
  CS_FUZZ_CHECK(!t.sentences.empty());
  std::uint32_t previous_end = 0;
  std::uint32_t previous_sentence = 0;
  for (const Token& token : t.tokens) {
    CS_FUZZ_CHECK(token.begin < token.end && token.end <= t.text.size());
    CS_FUZZ_CHECK(token.begin >= previous_end);
    CS_FUZZ_CHECK(token.sentence >= previous_sentence && token.sentence < t.sentences.size());
    previous_end = token.end;
    previous_sentence = token.sentence;
  }
}

/// The article's text fields are valid UTF-8.
inline void check_utf8(const Article& a) {
  CS_FUZZ_CHECK(is_valid_utf8(a.title));
  CS_FUZZ_CHECK(is_valid_utf8(a.text));
  CS_FUZZ_CHECK(is_valid_utf8(a.url));
  CS_FUZZ_CHECK(is_valid_utf8(a.outlet));
  CS_FUZZ_CHECK(is_valid_utf8(a.author));
}

}  // namespace cs::fuzz

#endif  // CS_TESTS_FUZZ_FUZZ_SUPPORT_H_
