#include "core/generations.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/index_layout.h"

namespace cs::generations {

namespace {

namespace fs = std::filesystem;
constexpr std::string_view kGenPrefix = "gen-";

// The number of a generation folder name ("gen-12" -> 12), or nullopt for other names.
std::optional<unsigned long> generation_number(std::string_view name) {
  if (!name.starts_with(kGenPrefix) || name.size() == kGenPrefix.size()) return std::nullopt;
  unsigned long n = 0;
  const char* first = name.data() + kGenPrefix.size();
  const char* last = name.data() + name.size();
  const auto [end, ec] = std::from_chars(first, last, n);
  if (ec != std::errc() || end != last) return std::nullopt;
  return n;
}

}  // namespace

std::optional<std::string> live_generation(const std::string& root) {
  std::vector<StubLine> lines;
  std::string error;
  if (!read_stub((fs::path(root) / kStubName).string(), lines, error)) return std::nullopt;
  for (const StubLine& line : lines) {
    if (line.kind == StubLine::Kind::kLocal) return line.target;
  }
  return std::nullopt;
}

std::vector<std::string> list_generations(const std::string& root) {
  std::vector<std::pair<unsigned long, std::string>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    const auto n = generation_number(name);
    if (n && entry.is_directory(ec)) found.emplace_back(*n, name);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& [n, name] : found) names.push_back(std::move(name));
  return names;
}

std::string next_generation(const std::string& root) {
  unsigned long highest = 0;
  for (const std::string& name : list_generations(root)) {
    highest = std::max(highest, generation_number(name).value_or(0));
  }
  return std::string(kGenPrefix) + std::to_string(highest + 1);
}

std::string publish(const std::string& root, const std::string& generation) {
  const fs::path stub = fs::path(root) / kStubName;
  const fs::path tmp =
      fs::path(root) / (std::string(kStubName) + ".tmp." + std::to_string(getpid()));
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "auto " << generation << "\n";
    out.flush();
    if (!out) return "cannot write " + tmp.string();
  }
  if (std::rename(tmp.c_str(), stub.c_str()) != 0) {
    std::error_code ec;
    fs::remove(tmp, ec);
    return "cannot replace " + stub.string();
  }
  return {};
}

std::vector<std::string> prune(const std::string& root, std::size_t keep) {
  const std::optional<std::string> live = live_generation(root);
  std::vector<std::string> all = list_generations(root);
  std::vector<std::string> removed;
  const std::size_t old_count = all.size() > keep ? all.size() - keep : 0;
  for (std::size_t i = 0; i < old_count; ++i) {
    if (live && all[i] == *live) continue;
    std::error_code ec;
    fs::remove_all(fs::path(root) / all[i], ec);
    if (!ec) removed.push_back(all[i]);
  }
  return removed;
}

}  // namespace cs::generations
