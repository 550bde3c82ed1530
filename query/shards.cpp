#include "query/shards.h"

#include "core/index_layout.h"
#include "core/schema.h"

namespace cs::query {

namespace {

constexpr useconds_t kReadTimeoutMs = 10000;    // a shard that stops answering mid-request
constexpr useconds_t kConnectTimeoutMs = 2000;  // a shard whose host is down or filtered

// Opens the shard of one stub line; throws Xapian::Error.
Xapian::Database open_line(const StubLine& line) {
  switch (line.kind) {
    case StubLine::Kind::kProgram:
      return Xapian::Remote::open(line.program, line.args, kReadTimeoutMs);
    case StubLine::Kind::kTcp:
      return Xapian::Remote::open(line.host, line.port, kReadTimeoutMs, kConnectTimeoutMs);
    case StubLine::Kind::kLocal:
      break;
  }
  return Xapian::Database(line.path);
}

}  // namespace

bool open_shards(const std::string& stub_path, OpenedShards& shards, std::string& error) {
  std::vector<StubLine> lines;
  if (!read_stub(stub_path, lines, error)) return false;
  shards = OpenedShards{};
  std::size_t opened = 0;
  for (const StubLine& line : lines) {
    try {
      Xapian::Database part = open_line(line);
      if (line.kind == StubLine::Kind::kLocal &&
          !part.get_metadata(std::string(schema::kMetaSpellingExport)).empty()) {
        shards.spelling.add_database(part);
        continue;
      }
      shards.parts.push_back(part);
      shards.db.add_database(part);
      ++opened;
    } catch (const Xapian::Error& e) {
      shards.warnings.push_back("shard " + line.target + " unreachable: " + e.get_msg());
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
