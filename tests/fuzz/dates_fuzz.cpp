// Fuzz target: date parsing (core/dates.h and indexer/text_dates.h). The first input byte
// picks the reference (publication) date, from a table that includes the ends of the valid
// range, and the DateMatchOptions; the rest is text, parsed as an ISO date, a filter bound
// (period_start/period_end), free text (parse_date, match_date at every word), a publication
// line (publication_date_from_text, over the folded text) and an article's mentioned dates
// (find_dates_at). dates.h promises that every result is a real date from 1900 to next
// year: each is checked, with its precision, its ISO round trip and the day arithmetic
// around it.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "indexer/text_dates.h"

namespace {

cs::PartialDate reference_for(std::uint8_t selector) {
  using P = cs::DatePrecision;
  switch (selector & 7) {
    case 0:
      return {};
    case 1:
      return {2016, 4, 3, P::kDay};
    case 2:
      return {2016, 3, 0, P::kMonth};
    case 3:
      return {2016, 0, 0, P::kYear};
    case 4:
      return {1900, 1, 1, P::kDay};
    case 5:
      return {2000, 2, 29, P::kDay};
    case 6:
      return {cs::max_valid_year(), 12, 31, P::kDay};
    default:
      return {1900, 0, 0, P::kYear};
  }
}

// A found date: valid, and consistent with the calendar arithmetic of dates.h.
void check_found(const cs::PartialDate& d) {
  cs::fuzz::check_date(d);
  if (!d.known()) return;
  const std::optional<cs::PartialDate> again = cs::parse_iso_date(d.iso());
  CS_FUZZ_CHECK_MSG(again && *again == d, d.iso());
  if (d.precision != cs::DatePrecision::kDay) return;
  const int weekday = cs::weekday_of(d.year, d.month, d.day);
  CS_FUZZ_CHECK(weekday >= 0 && weekday <= 6);
  const long days = cs::days_from_civil(d.year, d.month, d.day);
  for (long step : {-1L, 1L, 366L}) {
    const cs::PartialDate moved = cs::add_days(d, step);
    CS_FUZZ_CHECK(cs::days_from_civil(moved.year, moved.month, moved.day) == days + step);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > cs::fuzz::kMaxInput) return 0;
  const cs::PartialDate reference = reference_for(data[0]);
  cs::DateMatchOptions options;
  options.bare_month = (data[0] & 0x08) != 0;
  options.bare_year = (data[0] & 0x10) != 0;
  options.bare_weekday = (data[0] & 0x20) != 0;
  options.relative_days = (data[0] & 0x40) == 0;
  const std::string_view text = cs::fuzz::as_text(data + 1, size - 1);

  if (const auto iso = cs::parse_iso_date(text)) check_found(*iso);

  const auto start = cs::period_start(text);
  const auto end = cs::period_end(text);
  CS_FUZZ_CHECK(start.has_value() == cs::is_partial_date(text));
  CS_FUZZ_CHECK(end.has_value() == start.has_value());
  if (start) CS_FUZZ_CHECK(start->size() == 8 && end->size() == 8 && *start <= *end);

  if (const auto date = cs::parse_date(text, reference)) check_found(*date);

  const std::vector<std::string> words = cs::fold_words_of(text);
  for (std::size_t i = 0; i <= words.size(); ++i) {
    if (const auto match = cs::match_date(words, i, reference, options)) {
      CS_FUZZ_CHECK(match->length >= 1 && i + match->length <= words.size());
      check_found(match->date);
    }
  }

  const cs::MappedText mapped = cs::normalize_text_mapped(text);  // what extraction reads
  if (const auto published = cs::publication_date_from_text(mapped.text)) {
    check_found(*published);
  }
  const cs::TokenizedText tokens = cs::tokenize(mapped, text);
  cs::fuzz::check_tokens(tokens);
  const std::vector<cs::DateAt> dates = cs::find_dates_at(tokens, reference);
  for (const cs::DateAt& d : dates) {
    CS_FUZZ_CHECK(d.token < tokens.tokens.size() && !d.date.text.empty());
    CS_FUZZ_CHECK(d.date.date.known());
    check_found(d.date.date);
  }
  for (const cs::MentionedDate& d : cs::find_mentioned_dates(dates)) check_found(d.date);
  return 0;
}
