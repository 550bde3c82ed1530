#include "indexer/readers.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/dates.h"
#include "core/hash.h"
#include "core/normalize.h"
#include "indexer/html_reader.h"

namespace cs {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxTitleBytes = 300;
constexpr std::size_t kMaxIdBytes = 128;

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

// The article in one JSON Lines object, or a ReadIssue reason.
std::string article_from_json(const json& j, Article& a) {
  if (!j.is_object()) return "not a JSON object";
  a.text = first_string(j, {"text", "body", "content"});
  a.title = first_string(j, {"title", "headline"});
  if (trim(a.text).empty() && trim(a.title).empty()) return "empty article";
  a.url = first_string(j, {"url", "link"});
  a.outlet = first_string(j, {"outlet", "source", "site"});
  a.author = first_string(j, {"author", "byline"});
  a.published = parse_iso_date(first_string(j, {"published", "date", "published_at"}))
                    .value_or(PartialDate{});
  if (a.published.known()) a.published_provenance = DateProvenance::kJson;
  a.id = sanitize_id(first_string(j, {"id"}));
  if (a.id.empty() && !a.url.empty()) a.id = "u" + hex64(stable_hash64(a.url));
  return {};
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
    const std::string problem = j.is_discarded() ? "invalid JSON" : article_from_json(j, a);
    if (!problem.empty()) {
      issues.push_back({where, problem});
      continue;
    }
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
  Article a = file.format == InputFormat::kHtml
                  ? read_html_article(bytes)
                  : read_text_article(bytes, file.path.ends_with(".md"));
  if (trim(a.text).empty() && trim(a.title).empty()) {
    issues.push_back({file.path, "empty article"});
    return;
  }
  a.id = id_from_path(file.path, file.root);
  a.source_path = file.path;
  sink(std::move(a));
}

}  // namespace cs
