// Dates in article text: the publication date when metadata gave none ("Posted 10:48am
// Sunday 3rd April 2016", "Published: ...", a dateline near the top), and the dates an article
// mentions ("On Mar. 24", "in May 2015", "on Sunday", "yesterday"), resolved against the
// publication date.
//
// Thread-safety: pure functions.
#ifndef CS_INDEXER_TEXT_DATES_H_
#define CS_INDEXER_TEXT_DATES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "indexer/entities_tokens.h"

namespace cs {

/// The publication date stated in the text: a line opening with "Posted", "Published",
/// "Date" or "Dated" anywhere, or a short dateline among the first lines. nullopt if none.
std::optional<PartialDate> publication_date_from_text(std::string_view text);

/// A date mentioned at token `token` (its first word, a leading preposition included).
struct DateAt {
  std::size_t token = 0;
  MentionedDate date;
};

/// Every date mentioned in the text, in order, with the words as written (including a
/// leading preposition such as "On" or "in"). Yearless, weekday and relative dates need a
/// known `published` date and are skipped otherwise.
std::vector<DateAt> find_dates_at(const TokenizedText& text, const PartialDate& published);

/// The dates of find_dates_at, each distinct text and date once, in order of first mention.
std::vector<MentionedDate> find_mentioned_dates(const std::vector<DateAt>& dates_at);

}  // namespace cs

#endif  // CS_INDEXER_TEXT_DATES_H_
