// Cleaning: turns a raw article's title and text into the text that is indexed, stored, shown
// and used for snippets. Steps: Unicode normalisation that keeps every letter as written
// (normalize_stored_text: NFC, no folding; matching folds later); removal of web
// boilerplate lines (comment forms, spam-filter and captcha lines, share buttons, "X's
// picture" avatars, photo credits, empty footnotes) and of inline footnote markers like "[5]";
// removal of paragraphs repeated inside the article (scrapes that hold the body twice);
// whitespace tidied to single spaces inside lines and one blank line between paragraphs.
// Bylines and datelines are kept: the extractor reads outlet, author and date from them.
//
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_INDEXER_CLEAN_H_
#define CS_INDEXER_CLEAN_H_

#include <string>
#include <string_view>

#include "core/article.h"

namespace cs {

/// True when one (already normalised and trimmed) line is page boilerplate, not article text.
bool is_boilerplate_line(std::string_view line);

/// Normalised, boilerplate-free text with repeated paragraphs removed (first copy kept).
std::string clean_text(std::string_view raw);

/// Cleans article.title and article.text in place; a title that cleans to nothing becomes
/// the opening words of the text.
void clean_article(Article& article);

}  // namespace cs

#endif  // CS_INDEXER_CLEAN_H_
