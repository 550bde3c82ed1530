// The corpus manifest: per-file metadata curated by hand (outlet, publication date, author,
// url, title, id) for files that carry none, such as scraped plain text.
//
// Format: UTF-8 TSV with a header row. The `file` column (or `path`) names the article file,
// relative to the input folder or as a bare file name; the optional columns `id`, `title`,
// `outlet`, `author`, `published` (YYYY, YYYY-MM or YYYY-MM-DD: the precision actually known)
// and `url` fill the article; other columns (notes, ...) are ignored. Lines starting with `#`
// are comments. Manifest values win over what a reader or the extractor finds.
//
// Thread-safety: immutable after loading; const methods are safe from any thread.
#ifndef CS_INDEXER_MANIFEST_H_
#define CS_INDEXER_MANIFEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/article.h"
#include "indexer/input_files.h"

namespace cs {

/// The metadata a manifest row gives for one file ("" / unknown date when not given).
struct ManifestEntry {
  std::string id;
  std::string title;
  std::string outlet;
  std::string author;
  std::string url;
  PartialDate published;
  std::string lang;  ///< declared language tag ("lang" or "language" column)
};

/// Manifest rows keyed by the file they describe.
class Manifest {
 public:
  /// Parses TSV text. Rows without a file name or with a bad date are reported in `warnings`
  /// as "SOURCE:LINE: reason" (a bad date only drops the date). Returns nullopt and sets
  /// `error` when the header has no `file`/`path` column.
  static std::optional<Manifest> parse_tsv(std::string_view tsv, const std::string& source,
                                           std::string& error, std::vector<std::string>& warnings);

  /// Reads and parses a manifest file; nullopt with `error` when unreadable or headerless.
  static std::optional<Manifest> load_file(const std::string& path, std::string& error,
                                           std::vector<std::string>& warnings);

  /// Adds the rows of `other`; rows already present are kept.
  void merge(const Manifest& other);

  /// The row for a file, looked up by its path relative to its input folder, then by its bare
  /// file name; nullptr when there is none.
  const ManifestEntry* find(std::string_view relative_path) const;

  /// Number of rows.
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_map<std::string, ManifestEntry> entries_;
};

/// The row describing `file` (looked up by its path relative to its input folder), or nullptr.
/// Rows never apply to JSON Lines files, whose records carry their own metadata.
const ManifestEntry* manifest_entry_for(const Manifest& manifest, const InputFile& file);

/// Copies the non-empty fields of `entry` into `article` (date provenance: manifest).
void apply_manifest(const ManifestEntry& entry, Article& article);

}  // namespace cs

#endif  // CS_INDEXER_MANIFEST_H_
