#include "indexer/input_files.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace cs {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kManifestName = "manifest.tsv";

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Adds the inputs found under folder `dir`; problems with single entries go to `problems`.
void walk_folder(const fs::path& dir, std::vector<InputFile>& out,
                 std::vector<std::string>& problems) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    problems.push_back(dir.string() + ": cannot read folder (" + ec.message() + ")");
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      problems.push_back(it->path().string() + ": " + ec.message());
      break;
    }
    const fs::path& p = it->path();
    if (is_hidden(p)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || p.filename() == kManifestName) continue;
    if (const auto format = format_for_path(p.string())) {
      out.push_back({p.string(), dir.string(), *format});
    }
  }
}

}  // namespace

std::optional<InputFormat> format_for_path(std::string_view path) {
  const std::string ext = lower_ascii(fs::path(path).extension().string());
  if (ext == ".txt" || ext == ".md" || ext == ".text") return InputFormat::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonLines;
  if (ext == ".html" || ext == ".htm") return InputFormat::kHtml;
  return std::nullopt;
}

std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        std::vector<std::string>& problems) {
  std::vector<InputFile> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) {
      problems.push_back(input + ": no such file or folder");
    } else if (fs::is_directory(st)) {
      walk_folder(input, files, problems);
    } else if (const auto format = format_for_path(input)) {
      const std::string parent = fs::path(input).parent_path().string();
      files.push_back({input, parent.empty() ? "." : parent, *format});
    } else {
      problems.push_back(input + ": unsupported file type (expected .txt .md .html .jsonl)");
    }
  }
  std::sort(files.begin(), files.end(),
            [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  std::set<std::string> seen;
  std::erase_if(files, [&](const InputFile& f) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(f.path, ec);
    return !seen.insert(ec ? f.path : canonical.string()).second;
  });
  return files;
}

std::string relative_path(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path rel = fs::relative(path, root, ec);
  if (ec || rel.empty()) return {};
  const std::string s = rel.generic_string();
  return s.starts_with("..") ? std::string() : s;
}

}  // namespace cs
