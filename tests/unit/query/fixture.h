// Test fixtures for the query tests: a small gazetteer, article builders and temporary
// indexes written with the real document builder (indexer/document.h).
#ifndef CS_TESTS_UNIT_QUERY_FIXTURE_H_
#define CS_TESTS_UNIT_QUERY_FIXTURE_H_

#include <string>
#include <vector>

#include "core/article.h"
#include "core/gazetteer.h"

namespace cs::test {

/// A gazetteer TSV with a few entities and their spellings (Deir ez-Zor, Assad, ISIS, US, SOHR).
const std::string& gazetteer_tsv();

/// The parsed gazetteer_tsv().
const Gazetteer& gazetteer();

/// An article; `date` as YYYY[-MM[-DD]] or "" for unknown.
Article make_article(const std::string& id, const std::string& title, const std::string& text,
                     const std::string& outlet, const std::string& date);

/// Adds a gazetteer entity (or an unknown "x-" one when `id` is not in it) to `article`.
void add_entity(Article& article, const std::string& id, const std::string& mention);

/// A temporary folder removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  /// The folder's path.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// Writes `articles` into a new database at `path` with schema version, gazetteer and entity
/// metadata, like corpus-index does.
void write_index(const std::string& path, const std::vector<Article>& articles);

}  // namespace cs::test

#endif  // CS_TESTS_UNIT_QUERY_FIXTURE_H_
