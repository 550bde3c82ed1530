// Fuzz target: the JSON Lines reader (indexer/readers.h read_json_lines), fed the input as the
// contents of one .jsonl file. Checks what readers.h promises of every article it keeps: valid
// UTF-8, a title of at most 300 bytes, some text or title, a safe id, its line number, a date
// that is real; and that every non-blank line is either an article or a skipped-line issue.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "indexer/readers.h"

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  const std::string_view bytes = cs::fuzz::as_text(data, size);
  std::size_t lines = 0;
  for (std::size_t pos = 0; pos < bytes.size();) {
    const std::size_t nl = std::min(bytes.find('\n', pos), bytes.size());
    lines += is_blank(bytes.substr(pos, nl - pos)) ? 0 : 1;
    pos = nl + 1;
  }

  std::istringstream in{std::string(bytes)};
  const cs::InputFile file{"in/feed.jsonl", "in", cs::InputFormat::kJsonLines};
  std::vector<cs::ReadIssue> issues;
  std::size_t articles = 0;
  int last_line = 0;
  cs::read_json_lines(
      in, file,
      [&](cs::Article&& a) {
        ++articles;
        cs::fuzz::check_utf8(a);
        CS_FUZZ_CHECK(a.title.size() <= 300);
        CS_FUZZ_CHECK(!is_blank(a.title) || !is_blank(a.text));
        CS_FUZZ_CHECK(a.source_line > last_line);
        last_line = a.source_line;
        CS_FUZZ_CHECK(a.source_path == file.path);
        CS_FUZZ_CHECK(!a.id.empty());
        for (char c : a.id) CS_FUZZ_CHECK_MSG(is_id_char(c), a.id);
        cs::fuzz::check_date(a.published);
        CS_FUZZ_CHECK(a.published.known() == (a.published_provenance == cs::DateProvenance::kJson));
      },
      issues);

  std::size_t skipped = 0;
  for (const cs::ReadIssue& issue : issues) {
    CS_FUZZ_CHECK(!issue.reason.empty() && issue.where.starts_with(file.path + ":"));
    skipped += issue.skipped ? 1 : 0;
  }
  CS_FUZZ_CHECK(articles + skipped == lines);
  return 0;
}
