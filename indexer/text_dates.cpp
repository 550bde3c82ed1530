#include "indexer/text_dates.h"

#include <algorithm>
#include <array>

#include "core/dates.h"
#include "core/normalize.h"

namespace cs {

namespace {

constexpr std::size_t kDatelineLines = 5;
constexpr std::size_t kDatelineMaxBytes = 80;

std::string_view first_word(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && !std::isalnum(static_cast<unsigned char>(line[i]))) ++i;
  std::size_t j = i;
  while (j < line.size() && std::isalpha(static_cast<unsigned char>(line[j]))) ++j;
  return line.substr(i, j - i);
}

bool opens_with_date_label(std::string_view line) {
  const std::string w = fold_word(first_word(line));
  return w == "posted" || w == "published" || w == "date" || w == "dated";
}

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// Which bare forms the word before a candidate date allows.
DateMatchOptions options_after(std::string_view prev) {
  DateMatchOptions o;
  o.bare_month = is_one_of(prev, {"in", "since", "until", "during", "last", "early", "late", "mid",
                                  "throughout", "of", "through"});
  o.bare_year = is_one_of(prev, {"in", "since", "until", "during", "throughout", "early", "late",
                                 "mid", "by", "through"});
  o.bare_weekday = is_one_of(prev, {"on", "last", "since", "until", "by"});
  return o;
}

bool includes_preposition(std::string_view prev) {
  return is_one_of(prev, {"on", "in", "since", "until", "during", "last", "early", "late", "mid",
                          "throughout", "by", "through", "of"});
}

// Cheap test before match_date: a number, a month or weekday name, or a relative day word.
bool may_start_date(std::string_view w) {
  if (w.empty()) return false;
  if (w[0] >= '0' && w[0] <= '9') return true;
  return w.size() >= 3 &&
         (starts_month_name(w) || weekday_from_name(w) >= 0 || w == "today" || w == "yesterday");
}

}  // namespace

std::optional<PartialDate> publication_date_from_text(std::string_view text) {
  std::size_t pos = 0;
  std::size_t line_no = 0;
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(' ') == std::string_view::npos) continue;
    ++line_no;
    const bool dateline = line_no <= kDatelineLines && line.size() <= kDatelineMaxBytes;
    if (!dateline && !opens_with_date_label(line)) continue;
    const auto date = parse_date(line);
    if (date && date->precision != DatePrecision::kYear) return date;
  }
  return std::nullopt;
}

std::vector<DateAt> find_dates_at(const TokenizedText& text, const PartialDate& published) {
  const auto& tokens = text.tokens;
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (const Token& t : tokens) words.push_back(t.folded);
  std::vector<DateAt> dates;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (!may_start_date(words[i])) {
      ++i;
      continue;
    }
    const bool has_prev = i > 0 && tokens[i - 1].sentence == tokens[i].sentence;
    const std::string_view prev = has_prev ? std::string_view(words[i - 1]) : "";
    const auto match = match_date(words, i, published, options_after(prev));
    if (!match) {
      ++i;
      continue;
    }
    const std::size_t first = includes_preposition(prev) ? i - 1 : i;
    dates.push_back({first, {std::string(text.span_text(first, i + match->length)), match->date}});
    i += match->length;
  }
  return dates;
}

std::vector<MentionedDate> find_mentioned_dates(const std::vector<DateAt>& dates_at) {
  std::vector<MentionedDate> dates;
  for (const DateAt& at : dates_at) {
    const bool seen = std::any_of(dates.begin(), dates.end(), [&](const MentionedDate& d) {
      return d.text == at.date.text && d.date == at.date.date;
    });
    if (!seen) dates.push_back(at.date);
  }
  return dates;
}

}  // namespace cs
