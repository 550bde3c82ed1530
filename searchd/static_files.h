// Serves the search page's files from one folder, refusing anything outside it.
//
// cpp-httplib's mount points follow symlinks out of the folder and honour unbounded range
// requests (TECH-NOTES.md), so searchd resolves asset paths itself: a request path is refused
// when any segment is empty, "." or ".." or starts with a dot, and the resolved canonical path
// must still lie inside the canonical web folder (a symlink pointing out is refused).
//
// Thread-safety: immutable after construction; lookups only read the file system.
#ifndef CS_SEARCHD_STATIC_FILES_H_
#define CS_SEARCHD_STATIC_FILES_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cs::searchd {

/// A file ready to send.
struct StaticFile {
  std::string content;
  std::string content_type;
};

/// The web folder and the lookups into it.
class StaticFiles {
 public:
  /// Serves files under `root`; a missing root makes every lookup fail.
  explicit StaticFiles(const std::filesystem::path& root);

  /// The file at `relative` (already URL-decoded, e.g. "app.js"), or nullopt when the path is
  /// unsafe, leaves the folder, or is not a readable regular file.
  std::optional<StaticFile> load(std::string_view relative) const;

  /// The web folder as given.
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::filesystem::path canonical_root_;  ///< empty when the root does not exist
};

/// True when every '/'-separated segment of `relative` is a plain name (not empty, not
/// starting with '.', no backslash or NUL).
bool is_safe_relative_path(std::string_view relative);

/// MIME type for a file name by extension; "application/octet-stream" when unknown.
std::string content_type_for(std::string_view file_name);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_STATIC_FILES_H_
