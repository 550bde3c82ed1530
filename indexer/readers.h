// Readers: turn one input file into raw articles (text plus whatever metadata came with it).
//
// Plain text and Markdown: one article per file, the first non-empty line is the title (a
// Markdown heading's `#` marks dropped; a line too long to be a headline is kept as body).
// JSON Lines: one article per line, an object with `text` (or `body`/`content`) and optional
// `id`, `title`/`headline`, `url`/`link`, `outlet`/`source`/`site`, `author`/`byline`,
// `published`/`date` (ISO date or date-time). HTML: see html_reader.h. Text is returned raw
// (only made valid UTF-8); cleaning and normalisation happen later. Every article gets an id:
// the JSON id, else "u" + a hash of its url (JSON Lines), else one derived from the file's path
// relative to its input folder (plus "-L<line>" for JSON Lines).
//
// Bad input never throws: the file or line is skipped and reported as a ReadIssue. A file that
// does not look like text (NUL bytes, control characters or invalid UTF-8 in more than a tenth
// of its first 64 KB) is skipped as "binary file"; lesser damage is repaired with a warning
// (invalid UTF-8 replaced, NUL bytes removed), as are an invalid or future JSON date
// (ignored), an overlong JSON title (truncated) and an article with a title but no body.
// Thread-safety: pure functions; safe from any thread.
#ifndef CS_INDEXER_READERS_H_
#define CS_INDEXER_READERS_H_

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "indexer/input_files.h"

namespace cs {

/// Why a file or a line was skipped, or what was repaired in an article that was kept:
/// `where` is "PATH" or "PATH:LINE", `reason` a short category ("invalid JSON", "empty
/// article", "invalid UTF-8 replaced", ...) used to count problems in the summary.
struct ReadIssue {
  std::string where;
  std::string reason;
  bool skipped = true;  ///< false: the article was kept (repaired or partly ignored)
};

/// Receives each article read.
using ArticleSink = std::function<void(Article&&)>;

/// Files (and JSON Lines lines) larger than this are skipped as "too large".
inline constexpr std::size_t kMaxArticleBytes = 32u << 20;

/// Reads every article in `file`, passing each to `sink`; problems go to `issues`.
void read_articles(const InputFile& file, const ArticleSink& sink, std::vector<ReadIssue>& issues);

/// The articles of a JSON Lines stream, read line by line in bounded memory (`file` names
/// them and gives their ids); used by read_articles.
void read_json_lines(std::istream& in, const InputFile& file, const ArticleSink& sink,
                     std::vector<ReadIssue>& issues);

/// One plain-text or Markdown article from the file's bytes.
Article read_text_article(std::string_view bytes, bool markdown);

/// The id for a file's article: its path relative to `root`, extension dropped, every
/// character other than ASCII letters, digits, '.', '_' and '-' replaced by '_'.
std::string id_from_path(const std::string& path, const std::string& root);

/// `raw` made safe as an article id (same character rule, at most 128 bytes); "" if nothing
/// usable is left.
std::string sanitize_id(std::string_view raw);

}  // namespace cs

#endif  // CS_INDEXER_READERS_H_
