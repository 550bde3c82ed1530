#include "query/index_path.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/generations.h"

namespace cs::query {

namespace fs = std::filesystem;

namespace {

// Reads the stub at `stub`: sets `remote` if any line names a remote shard and returns the
// folder name of the first `auto` line (the generation), or "" if there is none.
std::string read_stub(const fs::path& stub, bool& remote) {
  std::ifstream in(stub);
  std::string line;
  std::string generation;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind;
    std::string target;
    words >> kind >> target;
    if (kind == "remote") remote = true;
    if (generation.empty() && (kind == "auto" || kind == "glass" || kind == "chert")) {
      generation = fs::path(target).filename().string();
    }
  }
  return generation;
}

}  // namespace

bool resolve_index_path(const std::string& path, IndexLocation& location, std::string& error) {
  std::error_code ec;
  fs::path p(path);
  if (!fs::exists(p, ec)) {
    error = "no index at " + path + " (build one with corpus-index --out " + path + ")";
    return false;
  }
  location = IndexLocation{};
  if (fs::is_directory(p, ec) && fs::is_regular_file(p / generations::kStubName, ec)) {
    p /= generations::kStubName;
  }
  location.open_path = p.string();
  fs::path absolute = fs::absolute(p, ec).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  location.generation = absolute.filename().string();
  if (fs::is_regular_file(p, ec)) {
    const std::string gen = read_stub(p, location.remote);
    if (!gen.empty()) location.generation = gen;
  }
  return true;
}

}  // namespace cs::query
