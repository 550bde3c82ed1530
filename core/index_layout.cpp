#include "core/index_layout.h"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <string_view>
#include <system_error>

namespace cs {

namespace {

namespace fs = std::filesystem;

// The first bytes of a single-file glass database (Xapian tells it from a stub file by them).
constexpr std::string_view kSingleFileMagic = "\x0f\x0dXapian Glass";

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool single_file_database(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(kSingleFileMagic.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) &&
         head == kSingleFileMagic;
}

// The last component of `path` ("var/index/gen-3/" -> "gen-3").
std::string last_component(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();
  return normal.filename().string();
}

// Fills the remote parts of `line` from its target; returns "" or what is wrong with it.
std::string parse_remote(StubLine& line) {
  const std::string& target = line.target;
  if (target.starts_with(':')) {
    const std::size_t space = target.find(' ');
    line.kind = StubLine::Kind::kProgram;
    line.program = target.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    line.args = space == std::string::npos ? "" : std::string(trim(target.substr(space + 1)));
    return line.program.empty() ? "no program after ':'" : "";
  }
  line.kind = StubLine::Kind::kTcp;
  const std::size_t colon = target.rfind(':');
  if (colon == std::string::npos || colon == 0) return "expected HOST:PORT";
  const char* first = target.data() + colon + 1;
  const char* last = target.data() + target.size();
  const auto [end, ec] = std::from_chars(first, last, line.port);
  if (first == last || ec != std::errc() || end != last || line.port == 0 || line.port > 65535) {
    return "bad port";
  }
  line.host = target.substr(0, colon);
  if (line.host.size() > 2 && line.host.front() == '[' && line.host.back() == ']') {
    line.host = line.host.substr(1, line.host.size() - 2);  // [IPv6]:PORT
  }
  return {};
}

std::string stat_identity(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return "";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
}

// The identity of every file of a database folder but Xapian's lock (a commit rewrites the
// version file and the tables it touched); a single-file database's own identity.
std::string database_fingerprint(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return stat_identity(path);
  std::vector<std::string> parts;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kXapianLockName || !entry.is_regular_file(ec)) continue;
    parts.push_back(name + "=" + stat_identity(entry.path().string()));
  }
  std::sort(parts.begin(), parts.end());
  std::string joined;
  for (const std::string& part : parts) joined += part + ";";
  return joined;
}

}  // namespace

bool read_stub(const std::string& stub_path, std::vector<StubLine>& lines, std::string& error) {
  std::ifstream in(stub_path);
  if (!in) {
    error = "cannot read stub file " + stub_path;
    return false;
  }
  const fs::path stub_dir = fs::path(stub_path).parent_path();
  lines.clear();
  std::string text;
  while (std::getline(in, text)) {
    const std::string_view line = trim(text);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view word = line.substr(0, space);
    StubLine parsed;
    parsed.target = std::string(space == std::string_view::npos ? "" : trim(line.substr(space)));
    std::string problem;
    if (word == "remote") {
      problem = parse_remote(parsed);
    } else if (word == "auto" || word == "glass" || word == "chert") {
      fs::path path(parsed.target);
      parsed.path = (path.is_relative() ? stub_dir / path : path).string();
      if (parsed.target.empty()) problem = "no database path";
    } else {
      error = stub_path + ": unknown stub line '" + text + "'";
      return false;
    }
    if (!problem.empty()) {
      error = stub_path + ": bad stub line '" + text + "': " + problem;
      return false;
    }
    lines.push_back(std::move(parsed));
  }
  return true;
}

bool read_index_location(const std::string& path, IndexLocation& location, std::string& error) {
  std::error_code ec;
  fs::path p(path);
  if (!fs::exists(p, ec)) {
    error = "no index at " + path + " (build one with corpus-index --out " + path + ")";
    return false;
  }
  location = IndexLocation{};
  if (fs::is_directory(p, ec) && fs::is_regular_file(p / kStubName, ec)) {
    location.kind = IndexPathKind::kRoot;
    p /= kStubName;
  } else if (fs::is_regular_file(p, ec) && !single_file_database(p)) {
    location.kind = IndexPathKind::kStub;
  }
  location.open_path = p.string();
  location.generation = last_component(fs::absolute(p, ec));
  if (location.kind == IndexPathKind::kDatabase) {
    location.database = location.open_path;
    return true;
  }
  if (!read_stub(location.open_path, location.stub, error)) return false;
  location.remote = std::any_of(location.stub.begin(), location.stub.end(),
                                [](const StubLine& l) { return l.kind != StubLine::Kind::kLocal; });
  const auto local = std::find_if(location.stub.begin(), location.stub.end(),
                                  [](const auto& l) { return l.kind == StubLine::Kind::kLocal; });
  // A stub of remote shards is its own generation: its local lines are spelling exports.
  if (local != location.stub.end() && !location.remote) {
    location.generation = last_component(local->path);
  }
  if (location.stub.size() == 1 && !location.remote) location.database = location.stub[0].path;
  return true;
}

std::string index_fingerprint(const std::string& path) {
  IndexLocation location;
  std::string unreadable;
  std::error_code ec;
  if (!read_index_location(path, location, unreadable)) {
    return stat_identity(fs::is_directory(path, ec) ? (fs::path(path) / kStubName).string() : path);
  }
  if (location.kind == IndexPathKind::kDatabase) return database_fingerprint(path);
  // A stub's identity changes when a generation is published; the identity of the databases it
  // names changes at each commit of an in-place update.
  std::string joined = stat_identity(location.open_path);
  for (const StubLine& line : location.stub) {
    if (line.kind == StubLine::Kind::kLocal) joined += "|" + database_fingerprint(line.path);
  }
  return joined;
}

}  // namespace cs
