// Fuzz target: the plain-text and Markdown reader (indexer/readers.h read_text_article) and
// cleaning (indexer/clean.h), the path every .txt and .md file takes before extraction. The
// input is the file's bytes, read both as text and as Markdown. Checks the shapes clean.h
// promises: valid UTF-8; a one-line title without control characters; text with paragraphs
// one blank line apart, no control characters but line breaks, and no spaces at line ends or
// in runs; a title whenever there is text; and clean_text giving what clean_article gives.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "indexer/clean.h"
#include "indexer/readers.h"

namespace {

bool has_control(std::string_view s, bool newline_allowed) {
  for (unsigned char c : s) {
    if ((c < 0x20 && !(newline_allowed && c == '\n')) || c == 0x7f) return true;
  }
  return false;
}

// Paragraphs separated by exactly one blank line; no line empty, padded or with double spaces.
void check_cleaned_text(std::string_view text) {
  CS_FUZZ_CHECK(cs::is_valid_utf8(text));
  CS_FUZZ_CHECK(!has_control(text, true));
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t nl = std::min(text.find("\n\n", pos), text.size());
    const std::string_view paragraph = text.substr(pos, nl - pos);
    CS_FUZZ_CHECK(!paragraph.empty());
    CS_FUZZ_CHECK(paragraph.find('\n') == std::string_view::npos);
    CS_FUZZ_CHECK(paragraph.front() != ' ' && paragraph.back() != ' ');
    CS_FUZZ_CHECK(paragraph.find("  ") == std::string_view::npos);
    pos = nl + 2;
    CS_FUZZ_CHECK(nl == text.size() || pos < text.size());  // no "\n\n" at the end
  }
}

void check_read_and_clean(std::string_view bytes, bool markdown) {
  cs::Article a = cs::read_text_article(bytes, markdown);
  CS_FUZZ_CHECK(cs::is_valid_utf8(a.title) && cs::is_valid_utf8(a.text));
  // At most 300 bytes as read; each invalid byte then becomes a 3-byte U+FFFD.
  CS_FUZZ_CHECK(a.title.size() <= 3 * 300);
  CS_FUZZ_CHECK(a.title.find('\n') == std::string::npos);
  const std::string raw_text = a.text;

  cs::clean_article(a);
  CS_FUZZ_CHECK(cs::is_valid_utf8(a.title));
  CS_FUZZ_CHECK(!has_control(a.title, false));
  CS_FUZZ_CHECK(a.title.find("  ") == std::string::npos);
  check_cleaned_text(a.text);
  CS_FUZZ_CHECK(a.text.empty() || !a.title.empty());
  CS_FUZZ_CHECK(cs::clean_text(raw_text) == a.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  const std::string_view bytes = cs::fuzz::as_text(data, size);
  check_read_and_clean(bytes, false);
  check_read_and_clean(bytes, true);
  return 0;
}
