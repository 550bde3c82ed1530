#include "indexer/readers.h"

#include <unicode/utf8.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/dates.h"
#include "core/hash.h"
#include "core/normalize.h"
#include "core/schema.h"
#include "indexer/html_reader.h"

namespace cs {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::size_t kMaxIdBytes = 128;
constexpr std::size_t kBinarySampleBytes = 64 * 1024;

// Reads one line of at most `max` bytes into `line` (newline dropped). A longer line is
// consumed and reported through `too_long`. Returns false at end of input.
bool read_bounded_line(std::istream& in, std::string& line, std::size_t max, bool& too_long) {
  line.clear();
  too_long = false;
  if (in.peek() == std::char_traits<char>::eof()) return false;
  char buf[65536];
  while (in.get(buf, sizeof buf, '\n')) {
    if (line.size() + static_cast<std::size_t>(in.gcount()) > max) {
      too_long = true;
      line.clear();
    } else if (!too_long) {
      line.append(buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.peek() == '\n') break;
  }
  in.clear(in.rdstate() & ~std::ios::failbit);
  in.ignore(1);
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// The first string among `keys` in object `j` (numbers are accepted and printed); "" if none.
std::string first_string(const json& j, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    const auto it = j.find(k);
    if (it == j.end()) continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
  }
  return {};
}

// True when `date` lies after tomorrow (UTC), which no published article can.
bool in_future(const PartialDate& date) {
  using namespace std::chrono;
  const year_month_day tomorrow{floor<days>(system_clock::now()) + days(1)};
  char limit[16];
  std::snprintf(limit, sizeof limit, "%04d%02u%02u", static_cast<int>(tomorrow.year()),
                static_cast<unsigned>(tomorrow.month()), static_cast<unsigned>(tomorrow.day()));
  return date.sortable() > limit;
}

// `text` cut to at most `max` bytes without splitting a UTF-8 sequence.
std::string utf8_prefix(const std::string& text, std::size_t max) {
  std::size_t end = std::min(max, text.size());
  while (end > 0 && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80)
    --end;
  return text.substr(0, end);
}

// The publication date of a JSON record; problems with it go to `notes`.
void read_json_date(const json& j, Article& a, std::vector<std::string>& notes) {
  const std::string raw = first_string(j, {"published", "date", "published_at"});
  if (raw.empty()) return;
  const auto date = parse_iso_date(raw);
  if (!date || in_future(*date)) {
    notes.push_back("invalid or future date ignored");
  } else {
    a.published = *date;
    a.published_provenance = DateProvenance::kJson;
  }
}

// The article in one JSON Lines object, or a ReadIssue reason; repairs go to `notes`.
std::string article_from_json(const json& j, Article& a, std::vector<std::string>& notes) {
  if (!j.is_object()) return "not a JSON object";
  a.text = first_string(j, {"text", "body", "content"});
  a.title = first_string(j, {"title", "headline"});
  if (trim(a.text).empty() && trim(a.title).empty()) return "empty article";
  if (trim(a.text).empty()) notes.push_back("title only, no body text");
  if (a.title.size() > kMaxTitleBytes) {
    a.title = utf8_prefix(a.title, kMaxTitleBytes);
    notes.push_back("overlong title truncated");
  }
  a.url = first_string(j, {"url", "link"});
  a.outlet = first_string(j, {"outlet", "source", "site"});
  a.author = first_string(j, {"author", "byline"});
  if (std::string lang = first_string(j, {"lang", "language"}); !lang.empty()) {
    a.field_values[std::string(schema::kLanguageField)] = {std::move(lang)};
  }
  read_json_date(j, a, notes);
  a.id = sanitize_id(first_string(j, {"id"}));
  if (a.id.empty() && !a.url.empty()) a.id = "u" + hex64(stable_hash64(a.url));
  return {};
}

// True when `bytes` do not look like text: NUL or other control bytes, or invalid UTF-8,
// make up more than a tenth of the characters of its beginning.
bool looks_binary(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(std::min(bytes.size(), kBinarySampleBytes));
  std::size_t chars = 0;
  std::size_t suspicious = 0;
  for (int32_t i = 0; i < length; ++chars) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    suspicious += c < 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f');
  }
  return suspicious * 10 > chars;
}

// Warnings for repairable damage in a text file's bytes.
void note_damage(std::string_view bytes, const std::string& where, std::vector<ReadIssue>& issues) {
  if (!is_valid_utf8(bytes)) issues.push_back({where, "invalid UTF-8 replaced", false});
  if (bytes.find('\0') != std::string_view::npos)
    issues.push_back({where, "NUL bytes removed", false});
}

// Reads a whole file of at most kMaxArticleBytes; a ReadIssue reason on failure.
std::string slurp(const std::string& path, std::string& bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return "unreadable file";
  if (size > kMaxArticleBytes) return "too large";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  if (!in) return "unreadable file";
  bytes = out.str();
  return {};
}

}  // namespace

std::string sanitize_id(std::string_view raw) {
  std::string id;
  for (char c : raw.substr(0, kMaxIdBytes)) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    id.push_back(safe ? c : '_');
  }
  return id.find_first_not_of("._") == std::string::npos ? std::string() : id;
}

std::string id_from_path(const std::string& path, const std::string& root) {
  std::string rel = relative_path(path, root);
  if (rel.empty()) rel = std::filesystem::path(path).filename().string();
  const std::string ext = std::filesystem::path(rel).extension().string();
  rel.resize(rel.size() - ext.size());
  std::string id = sanitize_id(rel);
  if (rel.size() > kMaxIdBytes || id.empty()) id = "f" + hex64(stable_hash64(rel));
  return id;
}

Article read_text_article(std::string_view bytes, bool markdown) {
  Article a;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const std::size_t nl = bytes.find('\n', pos);
    const std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = trim(bytes.substr(pos, end - pos));
    if (markdown) {
      while (!line.empty() && line.front() == '#') line.remove_prefix(1);
      line = trim(line);
    }
    if (!line.empty()) {
      if (line.size() <= kMaxTitleBytes) {
        a.title = std::string(line);
        pos = end;
      }
      break;
    }
    pos = end + 1;
  }
  a.text = repair_utf8(pos < bytes.size() ? bytes.substr(pos) : std::string_view());
  a.title = repair_utf8(a.title);
  return a;
}

void read_json_lines(std::istream& in, const InputFile& file, const ArticleSink& sink,
                     std::vector<ReadIssue>& issues) {
  std::string line;
  bool too_long = false;
  for (int line_no = 1; read_bounded_line(in, line, kMaxArticleBytes, too_long); ++line_no) {
    const std::string where = file.path + ":" + std::to_string(line_no);
    if (too_long) {
      issues.push_back({where, "too large"});
      continue;
    }
    if (trim(line).empty()) continue;
    const json j = json::parse(repair_utf8(line), nullptr, false);
    Article a;
    std::vector<std::string> notes;
    const std::string problem = j.is_discarded() ? "invalid JSON" : article_from_json(j, a, notes);
    if (!problem.empty()) {
      issues.push_back({where, problem});
      continue;
    }
    if (!is_valid_utf8(line)) notes.push_back("invalid UTF-8 replaced");
    for (std::string& note : notes) issues.push_back({where, std::move(note), false});
    if (a.id.empty()) a.id = id_from_path(file.path, file.root) + "-L" + std::to_string(line_no);
    a.source_path = file.path;
    a.source_line = line_no;
    sink(std::move(a));
  }
}

void read_articles(const InputFile& file, const ArticleSink& sink, std::vector<ReadIssue>& issues) {
  if (file.format == InputFormat::kJsonLines) {
    std::ifstream in(file.path, std::ios::binary);
    if (!in) {
      issues.push_back({file.path, "unreadable file"});
      return;
    }
    read_json_lines(in, file, sink, issues);
    return;
  }
  std::string bytes;
  if (std::string problem = slurp(file.path, bytes); !problem.empty()) {
    issues.push_back({file.path, problem});
    return;
  }
  if (looks_binary(bytes)) {
    issues.push_back({file.path, "binary file"});
    return;
  }
  note_damage(bytes, file.path, issues);
  Article a = file.format == InputFormat::kHtml
                  ? read_html_article(bytes)
                  : read_text_article(bytes, file.path.ends_with(".md"));
  if (trim(a.text).empty() && trim(a.title).empty()) {
    issues.push_back({file.path, "empty article"});
    return;
  }
  if (a.text.find_first_not_of(" \t\r\n") == std::string::npos)
    issues.push_back({file.path, "title only, no body text", false});
  a.id = id_from_path(file.path, file.root);
  a.source_path = file.path;
  sink(std::move(a));
}

}  // namespace cs
