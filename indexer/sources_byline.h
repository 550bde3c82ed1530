// Outlet and author stated in the text itself, for articles whose metadata has none:
// "Source: ARA News", "Reporting by: Haytham Mustafa | Source: ARA News", a "By X" byline
// line, "Posted ... by X", and a "X's picture" line. Conservative: only short, label-led lines.
//
// Thread-safety: pure function.
#ifndef CS_INDEXER_SOURCES_BYLINE_H_
#define CS_INDEXER_SOURCES_BYLINE_H_

#include <string>
#include <string_view>

namespace cs {

/// Outlet and author found in the text ("" when not found).
struct Byline {
  std::string outlet;
  std::string author;
};

/// The first outlet and the first author line of `text`.
Byline byline_from_text(std::string_view text);

}  // namespace cs

#endif  // CS_INDEXER_SOURCES_BYLINE_H_
