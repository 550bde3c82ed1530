// Finding the input files of an indexing run: folders are walked recursively (hidden entries
// and symlinked folders skipped, so loops are impossible), files are kept when their extension
// names a format we read, and the result is sorted so runs are reproducible.
//
// Thread-safety: pure functions over the file system; safe from any thread.
#ifndef CS_INDEXER_INPUT_FILES_H_
#define CS_INDEXER_INPUT_FILES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// The formats a reader exists for.
enum class InputFormat { kText, kJsonLines, kHtml };

/// One file to read, with the input folder it was found under (for relative paths and ids).
struct InputFile {
  std::string path;  ///< path as given or found
  std::string root;  ///< the input folder it was found in; its parent folder for a file input
  InputFormat format = InputFormat::kText;
};

/// The format of a file by extension (.txt/.md text, .jsonl/.ndjson JSON Lines, .html/.htm),
/// case-insensitive; nullopt for anything else.
std::optional<InputFormat> format_for_path(std::string_view path);

/// Every readable input under `inputs` (folders and files), sorted by path, each once. A path
/// that does not exist, or a file given explicitly with an unknown extension, is reported in
/// `problems` as "PATH: reason" and skipped. Files named `manifest.tsv` are never inputs.
std::vector<InputFile> list_input_files(const std::vector<std::string>& inputs,
                                        std::vector<std::string>& problems);

/// `path` relative to `root`, with "/" separators ("" if `path` is not under `root`).
std::string relative_path(const std::string& path, const std::string& root);

}  // namespace cs

#endif  // CS_INDEXER_INPUT_FILES_H_
