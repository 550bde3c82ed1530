#include "searchd/static_files.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace cs::searchd {

namespace fs = std::filesystem;

bool is_safe_relative_path(std::string_view relative) {
  if (relative.empty()) return false;
  std::size_t start = 0;
  while (start <= relative.size()) {
    auto end = relative.find('/', start);
    if (end == std::string_view::npos) end = relative.size();
    auto segment = relative.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return false;
    if (segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos) {
      return false;
    }
    start = end + 1;
  }
  return true;
}

std::string content_type_for(std::string_view file_name) {
  struct Mapping {
    std::string_view extension;
    std::string_view type;
  };
  static constexpr Mapping kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
  };
  for (const auto& m : kTypes) {
    if (file_name.ends_with(m.extension)) return std::string(m.type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const fs::path& root) : root_(root) {
  std::error_code ec;
  canonical_root_ = fs::canonical(root, ec);
  if (ec) canonical_root_.clear();
}

std::optional<StaticFile> StaticFiles::load(std::string_view relative) const {
  if (canonical_root_.empty() || !is_safe_relative_path(relative)) return std::nullopt;
  std::error_code ec;
  fs::path resolved = fs::canonical(canonical_root_ / fs::path(relative), ec);
  if (ec) return std::nullopt;
  auto inside = std::mismatch(canonical_root_.begin(), canonical_root_.end(), resolved.begin(),
                              resolved.end());
  if (inside.first != canonical_root_.end() || !fs::is_regular_file(resolved, ec)) {
    return std::nullopt;
  }
  std::ifstream in(resolved, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return StaticFile{content.str(), content_type_for(resolved.filename().string())};
}

}  // namespace cs::searchd
