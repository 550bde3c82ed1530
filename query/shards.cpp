#include "query/shards.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cs::query {

namespace {

constexpr useconds_t kReadTimeoutMs = 10000;    // a shard that stops answering mid-request
constexpr useconds_t kConnectTimeoutMs = 2000;  // a shard whose host is down or filtered

// Opens the shard of one stub line (`kind` and the rest of the line); throws Xapian::Error.
Xapian::Database open_line(const std::string& kind, const std::string& rest,
                           const std::filesystem::path& stub_dir) {
  if (kind == "remote" && !rest.empty() && rest[0] == ':') {
    const std::size_t space = rest.find(' ');
    return Xapian::Remote::open(rest.substr(1, space - 1),
                                space == std::string::npos ? "" : rest.substr(space + 1),
                                kReadTimeoutMs);
  }
  if (kind == "remote") {
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon + 1 == rest.size()) {
      throw Xapian::InvalidArgumentError("expected HOST:PORT, not '" + rest + "'");
    }
    std::string host = rest.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
      host = host.substr(1, host.size() - 2);  // [IPv6]:PORT
    }
    return Xapian::Remote::open(host, std::stoul(rest.substr(colon + 1)), kReadTimeoutMs,
                                kConnectTimeoutMs);
  }
  std::filesystem::path path(rest);
  if (path.is_relative()) path = stub_dir / path;
  return Xapian::Database(path.string());
}

}  // namespace

bool open_shards(const std::string& stub_path, OpenedShards& shards, std::string& error) {
  std::ifstream in(stub_path);
  if (!in) {
    error = "cannot read stub file " + stub_path;
    return false;
  }
  const std::filesystem::path stub_dir = std::filesystem::path(stub_path).parent_path();
  shards = OpenedShards{};
  std::size_t opened = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string kind;
    words >> kind;
    if (kind.empty() || kind[0] == '#') continue;
    if (kind != "remote" && kind != "auto" && kind != "glass" && kind != "chert") {
      error = stub_path + ": unknown stub line '" + line + "'";
      return false;
    }
    std::string rest;
    std::getline(words >> std::ws, rest);
    try {
      shards.db.add_database(open_line(kind, rest, stub_dir));
      ++opened;
    } catch (const Xapian::Error& e) {
      shards.warnings.push_back("shard " + rest + " unreachable: " + e.get_msg());
    } catch (const std::logic_error&) {  // std::stoul on a bad port
      shards.warnings.push_back("shard " + rest + " unreachable: bad port");
    }
  }
  if (opened == 0) {
    error = "no shard of " + stub_path + " could be opened";
    for (const std::string& warning : shards.warnings) error += "; " + warning;
    return false;
  }
  return true;
}

}  // namespace cs::query
