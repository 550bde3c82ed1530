// Tests the parallel indexing stages (indexer/parallel_indexer.h): articles are written in
// input order whatever the number of workers, and an article whose preparation fails is
// skipped with a warning naming it while the rest of the run goes on, and its file is reported
// so that its stamp is not recorded.
#include "indexer/parallel_indexer.h"

#include <xapian.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/schema.h"
#include "temp_dir.h"

namespace {

// A JSON Lines input of one article per id, in order.
cs::InputFile write_jsonl(const std::string& dir, const std::vector<std::string>& ids) {
  const std::string path = dir + "/articles.jsonl";
  std::ofstream out(path);
  for (const std::string& id : ids) {
    out << R"({"id":")" << id << R"(","title":"Report )" << id
        << R"(","text":"Shelling near the river crossing was reported by residents of )" << id
        << R"(."})"
        << "\n";
  }
  return {path, dir, cs::InputFormat::kJsonLines};
}

// What index_files would run, but throwing for the ids in `failing`.
cs::PrepareFactory failing_on(const std::vector<std::string>& failing) {
  return [failing]() -> cs::PrepareFn {
    auto builder = std::make_shared<cs::DocumentBuilder>();
    return [failing, builder](cs::Article&& article) {
      for (const std::string& id : failing) {
        if (article.id == id) throw std::runtime_error("extraction broke on " + id);
      }
      article.content_hash = std::hash<std::string>{}(article.text) | 1;
      return builder->build(std::move(article));
    };
  };
}

// The article ids of `db`'s documents in docid order.
std::vector<std::string> ids_in_order(const Xapian::Database& db) {
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    ids.push_back(db.get_document(*it).get_value(cs::schema::kSlotArticleId));
  }
  return ids;
}

}  // namespace

TEST_CASE("a failing article is skipped with a warning and the run goes on", "[parallel_indexer]") {
  struct Case {
    unsigned workers;
    std::vector<std::string> failing;
    std::vector<std::string> written;
  };
  const std::vector<std::string> ids{"a1", "b2", "c3", "d4", "e5"};
  const std::vector<Case> cases{
      {1, {}, {"a1", "b2", "c3", "d4", "e5"}}, {3, {}, {"a1", "b2", "c3", "d4", "e5"}},
      {1, {"b2"}, {"a1", "c3", "d4", "e5"}},   {3, {"a1", "e5"}, {"b2", "c3", "d4"}},
      {2, {"a1", "b2", "c3", "d4", "e5"}, {}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.workers, c.failing);
    cs::test::TempDir dir;
    const cs::InputFile input = write_jsonl(dir.path, ids);
    Xapian::WritableDatabase db(dir.path + "/db", Xapian::DB_CREATE);
    cs::IndexWriter writer(db);
    cs::IndexSummary summary;
    const std::set<std::string> failed_files = cs::index_articles(
        {input}, cs::Manifest(), failing_on(c.failing), writer, c.workers, {}, summary);
    db.commit();
    CHECK(ids_in_order(db) == c.written);
    CHECK(summary.added == c.written.size());
    const std::size_t failed = c.failing.size();
    // The file of a failed article is read again next run (its stamp is not recorded).
    CHECK(failed_files ==
          (failed > 0 ? std::set<std::string>{input.path} : std::set<std::string>{}));
    CHECK(summary.skipped["could not be indexed"] == failed);
    REQUIRE(summary.warnings.size() == failed);
    for (std::size_t i = 0; i < failed; ++i) {
      const std::string& id = c.failing[i];
      const std::size_t line =
          static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin()) + 1;
      CHECK(summary.warnings[i] == input.path + ":" + std::to_string(line) + " (id " + id +
                                       "): could not be indexed: extraction broke on " + id);
      // Kept: an incremental run does not remove the version already indexed as vanished.
      CHECK(writer.ids_written().count(id) == 1);
    }
  }
}
