// Fuzz target: the snippet maker (query/snippet.h make_snippet), as searchd calls it for every
// hit. The first input byte picks the snippet length and whether the query's words count as
// words of longer names (name_terms); the first line after it is a query, the rest an
// article's text, normalised as the readers leave it. The text is indexed with the project's
// stemmer into an in-memory database and the query run over it, so the match set highlights
// what a search would. Checks what snippet.h promises: HTML-safe output (no raw `< > " '`, every
// `&` an entity, only <mark> tags, balanced and not nested), no sentinel bytes left, valid
// UTF-8, and a bounded size whatever the article holds (one huge word, no spaces, all marks).
#include <xapian.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "core/normalize.h"
#include "core/stemming.h"
#include "fuzz_support.h"
#include "query/snippet.h"
#include "tests/unit/one_article_index.h"

namespace {

constexpr std::size_t kLengths[] = {1, 12, 60, cs::query::kSnippetLength, 1000};

// The visible text of `snippet` (tags dropped, entities read back), checking as it goes that
// it holds nothing an HTML page could take for markup.
std::string check_html(const std::string& snippet) {
  static constexpr std::string_view kEntities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
  static constexpr char kCharacters[] = {'&', '<', '>', '"', '\''};
  std::string visible;
  bool open = false;
  for (std::size_t i = 0; i < snippet.size();) {
    const std::string_view rest = std::string_view(snippet).substr(i);
    if (rest.starts_with("<mark>")) {
      CS_FUZZ_CHECK_MSG(!open, snippet);
      open = true;
      i += 6;
      continue;
    }
    if (rest.starts_with("</mark>")) {
      CS_FUZZ_CHECK_MSG(open, snippet);
      open = false;
      i += 7;
      continue;
    }
    const char c = snippet[i];
    CS_FUZZ_CHECK_MSG(c != '<' && c != '>' && c != '"' && c != '\'', snippet);
    CS_FUZZ_CHECK_MSG(c != '\x01' && c != '\x02', snippet);
    if (c == '&') {
      bool entity = false;
      for (std::size_t k = 0; k < std::size(kEntities); ++k) {
        if (rest.starts_with(kEntities[k])) {
          visible += kCharacters[k];
          i += kEntities[k].size();
          entity = true;
          break;
        }
      }
      CS_FUZZ_CHECK_MSG(entity, snippet);
      continue;
    }
    visible += c;
    ++i;
  }
  CS_FUZZ_CHECK_MSG(!open, snippet);
  return visible;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > cs::fuzz::kMaxInput) return 0;
  const std::size_t length = kLengths[data[0] % std::size(kLengths)];
  const bool names = (data[0] / std::size(kLengths)) % 2 == 1;
  const std::string_view input = cs::fuzz::as_text(data + 1, size - 1);
  const std::size_t eol = input.find('\n');
  const std::string query_text(input.substr(0, eol));
  const std::string text =
      cs::normalize_text(eol == std::string_view::npos ? "" : input.substr(eol + 1));

  const Xapian::Stem stemmer = cs::make_stemmer();
  Xapian::MSet mset;
  try {
    mset = cs::test::one_article_mset(text, query_text, stemmer);
  } catch (const Xapian::QueryParserError&) {
    return 0;  // the query language's own parser is fuzzed by the query target
  }
  // As searchd gives them: the stemmed, folded words of an entity's longer spellings.
  std::set<std::string> name_terms;
  if (names) {
    std::size_t start = 0;
    while (start < query_text.size()) {
      std::size_t end = query_text.find(' ', start);
      if (end == std::string::npos) end = query_text.size();
      if (end > start) {
        name_terms.insert(cs::stem_word(cs::fold_term_word(query_text.substr(start, end - start))));
      }
      start = end + 1;
    }
  }
  const std::string snippet = cs::query::make_snippet(mset, text, stemmer, length, name_terms);
  CS_FUZZ_CHECK(cs::is_valid_utf8(snippet));
  const std::string visible = check_html(snippet);
  // A passage of about `length` bytes: make_snippet caps it at length + 16 bytes of text, plus
  // "..." when it cuts; the opening of an unmatched article is at most length + 3.
  CS_FUZZ_CHECK_MSG(visible.size() <= length + 19, visible);
  return 0;
}
