#include "indexer/manifest.h"

#include <fstream>
#include <sstream>

#include "core/dates.h"
#include "core/normalize.h"
#include "core/schema.h"

namespace cs {

namespace {

std::vector<std::string> split_tabs(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    std::string cell(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.pop_back();
    while (!cell.empty() && cell.front() == ' ') cell.erase(0, 1);
    cells.push_back(std::move(cell));
    if (tab == std::string_view::npos) return cells;
    start = tab + 1;
  }
}

// Column positions of the header; -1 when absent.
struct Columns {
  int file = -1, id = -1, title = -1, outlet = -1, author = -1, published = -1, url = -1, lang = -1;
};

Columns read_header(const std::vector<std::string>& header) {
  Columns c;
  for (int i = 0; i < static_cast<int>(header.size()); ++i) {
    const std::string name = fold_word(header[static_cast<std::size_t>(i)]);
    if (name == "file" || name == "path" || name == "filename") c.file = i;
    if (name == "id") c.id = i;
    if (name == "title") c.title = i;
    if (name == "outlet") c.outlet = i;
    if (name == "author") c.author = i;
    if (name == "published" || name == "date") c.published = i;
    if (name == "url") c.url = i;
    if (name == "lang" || name == "language") c.lang = i;
  }
  return c;
}

std::string cell(const std::vector<std::string>& row, int column) {
  if (column < 0 || static_cast<std::size_t>(column) >= row.size()) return {};
  return normalize_text(row[static_cast<std::size_t>(column)]);
}

std::string file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

}  // namespace

std::optional<Manifest> Manifest::parse_tsv(std::string_view tsv, const std::string& source,
                                            std::string& error,
                                            std::vector<std::string>& warnings) {
  std::istringstream in{std::string(tsv)};
  std::string line;
  int line_no = 0;
  std::optional<Columns> columns;
  Manifest manifest;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> row = split_tabs(line);
    if (!columns) {
      columns = read_header(row);
      if (columns->file < 0) {
        error = source + ": manifest header has no 'file' column";
        return std::nullopt;
      }
      continue;
    }
    const std::string where = source + ":" + std::to_string(line_no) + ": ";
    const std::string file = cell(row, columns->file);
    if (file.empty()) {
      warnings.push_back(where + "row without a file name skipped");
      continue;
    }
    ManifestEntry entry{cell(row, columns->id),     cell(row, columns->title),
                        cell(row, columns->outlet), cell(row, columns->author),
                        cell(row, columns->url),    {},
                        cell(row, columns->lang)};
    const std::string date = cell(row, columns->published);
    entry.published = parse_iso_date(date).value_or(PartialDate{});
    if (!date.empty() && !entry.published.known()) {
      warnings.push_back(where + "date '" + date + "' is not YYYY[-MM[-DD]]; ignored");
    }
    manifest.entries_.emplace(file, std::move(entry));
  }
  if (!columns) {
    error = source + ": manifest is empty";
    return std::nullopt;
  }
  return manifest;
}

std::optional<Manifest> Manifest::load_file(const std::string& path, std::string& error,
                                            std::vector<std::string>& warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot read manifest";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_tsv(text.str(), path, error, warnings);
}

void Manifest::merge(const Manifest& other) {
  for (const auto& [file, entry] : other.entries_) entries_.emplace(file, entry);
}

const ManifestEntry* Manifest::find(std::string_view relative_path) const {
  if (const auto it = entries_.find(std::string(relative_path)); it != entries_.end()) {
    return &it->second;
  }
  const auto it = entries_.find(file_name(relative_path));
  return it == entries_.end() ? nullptr : &it->second;
}

void apply_manifest(const ManifestEntry& entry, Article& article) {
  if (!entry.id.empty()) article.id = entry.id;
  if (!entry.title.empty()) article.title = entry.title;
  if (!entry.outlet.empty()) article.outlet = entry.outlet;
  if (!entry.author.empty()) article.author = entry.author;
  if (!entry.url.empty()) article.url = entry.url;
  if (!entry.lang.empty()) article.field_values[std::string(schema::kLanguageField)] = {entry.lang};
  if (entry.published.known()) {
    article.published = entry.published;
    article.published_provenance = DateProvenance::kManifest;
  }
}

const ManifestEntry* manifest_entry_for(const Manifest& manifest, const InputFile& file) {
  if (file.format == InputFormat::kJsonLines) return nullptr;
  return manifest.find(relative_path(file.path, file.root));
}

}  // namespace cs
