#include "cli/batch_command.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "query/batch.h"

namespace cs::cli {

namespace {

// Largest batch file read (10,000 lines of at most 500 bytes, with room for CSV columns).
constexpr std::streamsize kMaxBatchBytes = 64 << 20;

bool read_input(const std::string& file, std::string& text, std::string& error) {
  std::ifstream in;
  std::istream* stream = &std::cin;
  if (file != "-") {
    in.open(file, std::ios::binary);
    if (!in) {
      error = "cannot read " + file;
      return false;
    }
    stream = &in;
  }
  text.resize(static_cast<std::size_t>(kMaxBatchBytes) + 1);
  stream->read(text.data(), kMaxBatchBytes + 1);
  text.resize(static_cast<std::size_t>(stream->gcount()));
  if (text.size() > static_cast<std::size_t>(kMaxBatchBytes)) {
    error = file + " is larger than " + std::to_string(kMaxBatchBytes >> 20) + " MiB";
    return false;
  }
  return true;
}

void print_row(std::ostream& out, const query::BatchRow& row) {
  out << std::setw(5) << row.line << "  ";
  if (!row.error.empty()) {
    out << row.query << "  [" << row.error << "]\n";
    return;
  }
  out << row.query;
  if (row.entity) out << " -> " << row.entity->name << " (" << row.entity->type << ")";
  out << ": " << row.summary.total;
  if (row.summary.first)
    out << ", " << *row.summary.first << " .. " << row.summary.last.value_or("");
  for (std::size_t i = 0; i < row.summary.outlets.size(); ++i) {
    const auto& o = row.summary.outlets[i];
    out << (i == 0 ? "; " : ", ") << o.value << " " << o.count;
  }
  out << "\n";
}

}  // namespace

int run_batch_command(const BatchCommand& command, std::ostream& out, std::ostream& err) {
  const auto fail = [&](const std::string& message) {
    err << "corpus-search: " << message << "\n";
    return 2;
  };
  std::string text;
  std::string error;
  if (!read_input(command.file, text, error)) return fail(error);
  const auto lines = query::parse_batch(text, command.column, error);
  if (!lines) return fail(command.file + ": " + error);
  query::SearchError open_error;
  auto searcher = query::Searcher::open(command.index, open_error);
  if (!searcher) return fail(open_error.message);
  if (command.csv) out << query::batch_csv_header();
  bool matched = false;
  for (const query::BatchLine& line : *lines) {
    const query::BatchRow row = query::run_batch_line(*searcher, command.filters, line);
    matched = matched || row.summary.total > 0;
    if (command.csv) {
      out << query::batch_csv_row(row);
    } else if (command.json) {
      out << query::batch_row_json(row).dump() << "\n";
    } else {
      print_row(out, row);
    }
  }
  return matched ? 0 : 1;
}

}  // namespace cs::cli
