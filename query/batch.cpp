#include "query/batch.h"

#include <algorithm>
#include <cctype>

#include "core/normalize.h"
#include "query/export.h"
#include "query/request_params.h"

namespace cs::query {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// The problem of a line's text, or "".
std::string line_problem(std::string_view text) {
  if (text.empty()) return "empty line";
  if (text.size() > kMaxBatchLineBytes) {
    return "line longer than " + std::to_string(kMaxBatchLineBytes) + " bytes";
  }
  if (!is_valid_utf8(text)) return "not valid UTF-8";
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return "control character in line";
  }
  return {};
}

BatchLine make_line(std::size_t number, std::string_view text, std::string error = {}) {
  BatchLine line{number, std::string(trim(text)), std::move(error)};
  if (line.error.empty()) line.error = line_problem(line.query);
  if (line.query.size() > kMaxBatchLineBytes) line.query.resize(kMaxBatchLineBytes);
  if (!is_valid_utf8(line.query)) line.query = repair_utf8(line.query);
  return line;
}

// One CSV record starting at `pos` (advanced past it and its line break); `lines` counts the
// line breaks consumed. False when a quoted field is not closed before the end.
bool read_csv_record(std::string_view input, std::size_t& pos, std::vector<std::string>& fields,
                     std::size_t& lines) {
  fields.assign(1, std::string());
  bool quoted = false;
  while (pos < input.size()) {
    const char c = input[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < input.size() && input[pos] == '"') {
          fields.back() += '"';
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++lines;
        fields.back() += c;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++lines;
      break;
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return !quoted;
}

// The index of `column` in `header`: a name (case-insensitive) or a 1-based number.
std::optional<std::size_t> column_index(const std::vector<std::string>& header,
                                        std::string_view column) {
  const auto lower = [](std::string_view s) {
    std::string out(trim(s));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
  };
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (lower(header[i]) == lower(column)) return i;
  }
  if (!column.empty() && std::all_of(column.begin(), column.end(),
                                     [](unsigned char c) { return std::isdigit(c) != 0; })) {
    const std::size_t number = std::stoul(std::string(column.substr(0, 6)));
    if (number >= 1 && number <= header.size()) return number - 1;
  }
  return std::nullopt;
}

// Appends the error row for lines beyond the limit.
void cap(std::vector<BatchLine>& lines, std::size_t first_dropped, std::size_t dropped) {
  if (dropped == 0) return;
  lines.push_back({first_dropped, "",
                   "the batch stops at " + std::to_string(kMaxBatchLines) +
                       " lines: " + std::to_string(dropped) + " more not run"});
}

}  // namespace

std::optional<std::vector<BatchLine>> parse_batch(std::string_view input, std::string_view column,
                                                  std::string& error) {
  if (input.starts_with("\xEF\xBB\xBF")) input.remove_prefix(3);  // a BOM (Excel's "CSV UTF-8")
  std::vector<BatchLine> lines;
  std::size_t dropped = 0;
  std::size_t first_dropped = 0;
  const auto keep = [&](BatchLine line) {
    if (lines.size() < kMaxBatchLines) {
      lines.push_back(std::move(line));
    } else if (dropped++ == 0) {
      first_dropped = line.line;
    }
  };
  if (column.empty()) {
    std::size_t number = 0;
    while (!input.empty()) {
      const std::size_t end = input.find('\n');
      std::string_view text = input.substr(0, end);
      input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
      keep(make_line(++number, text));
    }
    cap(lines, first_dropped, dropped);
    return lines;
  }
  std::size_t pos = 0;
  std::size_t line = 1;
  std::vector<std::string> fields;
  std::size_t breaks = 0;
  if (!read_csv_record(input, pos, fields, breaks)) {
    error = "the CSV header has an unterminated quote";
    return std::nullopt;
  }
  line += breaks;
  const auto index = column_index(fields, column);
  if (!index) {
    error = "no column '" + std::string(column) + "' in the CSV header";
    return std::nullopt;
  }
  while (pos < input.size()) {
    const std::size_t start = line;
    breaks = 0;
    if (!read_csv_record(input, pos, fields, breaks)) {
      keep(make_line(start, "", "unterminated quote: the rest of the input was not read"));
      break;
    }
    line += breaks;
    if (fields.size() <= *index) {
      keep(make_line(start, "", "the record has no column " + std::to_string(*index + 1)));
    } else {
      // A quoted field may hold line breaks: as a query they are spaces.
      std::string text = fields[*index];
      std::replace_if(
          text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
      keep(make_line(start, text));
    }
  }
  cap(lines, first_dropped, dropped);
  return lines;
}

BatchRow run_batch_line(Searcher& searcher, const SearchRequest& base, const BatchLine& line) {
  BatchRow row;
  row.line = line.line;
  row.query = line.query;
  row.error = line.error;
  if (!row.error.empty()) return row;
  row.entity = searcher.resolve_name(line.query);
  // Lists often invert names ("Assad, Bashar"): try the other order when it names one.
  const std::size_t comma = line.query.find(',');
  if (!row.entity && comma != std::string::npos &&
      line.query.find(',', comma + 1) == std::string::npos) {
    const std::string_view query(line.query);
    row.entity = searcher.resolve_name(std::string(trim(query.substr(comma + 1))) + " " +
                                       std::string(trim(query.substr(0, comma))));
  }
  // A line naming an entity counts the articles about it (under any spelling), as its
  // filter does; any other line is a query of the query language.
  SearchRequest request = base;
  if (row.entity) {
    request.filters.push_back({"entity", row.entity->id, false, true});  // ANDed with base's
  } else {
    request.text = line.query;
  }
  if (SearchError error = searcher.summarize(request, kBatchOutlets, row.summary)) {
    row.error = error.message;
    return row;
  }
  Params params = search_params(request);
  std::erase_if(params, [](const auto& p) {
    return p.first == "page" || p.first == "size" || (p.first == "q" && p.second.empty()) ||
           (p.first == "sort" && p.second == "relevance");
  });
  row.link = "/?" + query_string(params);
  return row;
}

nlohmann::ordered_json batch_row_json(const BatchRow& row) {
  using json = nlohmann::ordered_json;
  const auto optional = [](const std::optional<std::string>& v) { return v ? json(*v) : json(); };
  json entity;
  if (row.entity) {
    entity = {{"id", row.entity->id},
              {"name", row.entity->name},
              {"type", row.entity->type},
              {"spelling", row.entity->spelling}};
  }
  json outlets = json::array();
  for (const FacetCount& c : row.summary.outlets) {
    outlets.push_back({{"value", c.value}, {"count", c.count}});
  }
  return {{"line", row.line},
          {"query", row.query},
          {"error", row.error.empty() ? json() : json(row.error)},
          {"entity", std::move(entity)},
          {"total", row.summary.total},
          {"first", optional(row.summary.first)},
          {"last", optional(row.summary.last)},
          {"outlets", std::move(outlets)},
          {"link", row.link.empty() ? json() : json(row.link)}};
}

std::string batch_csv_header() {
  return "line,query,error,entity_id,entity_name,spelling,total,first,last,outlets,link\r\n";
}

std::string batch_csv_row(const BatchRow& row) {
  std::string outlets;
  for (const FacetCount& c : row.summary.outlets) {
    if (!outlets.empty()) outlets += "; ";
    outlets += c.value + " (" + std::to_string(c.count) + ")";
  }
  const std::string fields[] = {std::to_string(row.line),
                                row.query,
                                row.error,
                                row.entity ? row.entity->id : "",
                                row.entity ? row.entity->name : "",
                                row.entity ? row.entity->spelling : "",
                                row.error.empty() ? std::to_string(row.summary.total) : "",
                                row.summary.first.value_or(""),
                                row.summary.last.value_or(""),
                                outlets,
                                row.link};
  std::string record;
  for (const std::string& field : fields) {
    if (!record.empty()) record += ',';
    record += csv_field(field);
  }
  return record + "\r\n";
}

}  // namespace cs::query
