// extraction_eval CORPUS.jsonl TRUTH.jsonl GAZETTEER.tsv [--verbose] [--no-default-gazetteer]
//
// The gazetteer is GAZETTEER.tsv with the bundled one merged after it, as corpus-index loads
// them (--no-default-gazetteer: the file alone).
// Runs the indexer's Extractor and DuplicateIndex over a benchmark corpus (see the shared
// bench folder's README, ../shared/bench/README.md beside the project) and prints entity
// precision/recall (entities of GAZETTEER.tsv only, the truth's universe; micro-averaged over
// articles, against truth `entities`), duplicate detection precision/recall (an article is a
// detected duplicate when it joins an earlier article's cluster; truth: `dup_of` non-null) and the
// extraction time per article.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/dates.h"
#include "core/normalize.h"
#include "indexer/duplicates.h"
#include "indexer/extract.h"

namespace {

struct Counts {
  long true_positive = 0, false_positive = 0, false_negative = 0;
  double precision() const {
    return true_positive ? double(true_positive) / double(true_positive + false_positive) : 0;
  }
  double recall() const {
    return true_positive ? double(true_positive) / double(true_positive + false_negative) : 0;
  }
};

cs::Article read_article(const nlohmann::json& j) {
  cs::Article a;
  a.id = j.value("id", "");
  a.outlet = j.value("outlet", "");
  a.title = cs::normalize_text(j.value("title", ""));
  a.text = cs::normalize_text(j.value("text", ""));
  if (auto date = cs::parse_iso_date(j.value("published", ""))) {
    a.published = *date;
    a.published_provenance = cs::DateProvenance::kJson;
  }
  return a;
}

std::unordered_map<std::string, nlohmann::json> read_truth(const std::string& path) {
  std::unordered_map<std::string, nlohmann::json> truth;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    const std::string id = j.value("id", "");
    truth[id] = std::move(j);
  }
  return truth;
}

// Scores the article's entities of the benchmark gazetteer `universe` (the only ones its truth
// can list); entities only the bundled gazetteer knows are counted in `outside`. `listed` counts
// the same entities again, leaving out those found only under spellings the benchmark
// gazetteer does not list ("America", "U.S."): the generator never labels those in its filler,
// so they are neither right nor wrong for this truth.
void score_entities(const cs::Article& a, const nlohmann::json& truth,
                    const cs::Gazetteer& universe, Counts& counts, Counts& listed, long& outside,
                    bool verbose) {
  std::set<std::string> expected, found;
  for (const auto& id : truth["entities"]) expected.insert(id.get<std::string>());
  for (const auto& e : a.entities) {
    if (e.type == cs::EntityType::kOther || e.id.starts_with("x-")) continue;  // unknown names
    if (universe.find_by_id(e.id) == nullptr) {
      ++outside;
      continue;
    }
    found.insert(e.id);
    const bool hit = expected.count(e.id) != 0;
    (hit ? counts.true_positive : counts.false_positive)++;
    const bool by_listed_spelling =
        std::any_of(e.mentions.begin(), e.mentions.end(), [&](const std::string& m) {
          const cs::GazetteerEntity* u = universe.resolve(m);
          return u != nullptr && u->id == e.id;
        });
    if (by_listed_spelling || hit) (hit ? listed.true_positive : listed.false_positive)++;
    if (!hit && verbose) {
      std::fprintf(stderr, "FP %s %s '%s'\n", a.id.c_str(), e.id.c_str(), e.mentions[0].c_str());
    }
  }
  for (const auto& id : expected) {
    if (found.count(id) == 0) {
      counts.false_negative++;
      listed.false_negative++;
      if (verbose) std::fprintf(stderr, "FN %s %s\n", a.id.c_str(), id.c_str());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: extraction_eval CORPUS.jsonl TRUTH.jsonl GAZETTEER.tsv [--verbose] "
                 "[--no-default-gazetteer]\n";
    return 2;
  }
  bool verbose = false;
  bool with_default = true;
  for (int i = 4; i < argc; ++i) {
    verbose = verbose || std::string(argv[i]) == "--verbose";
    with_default = with_default && std::string(argv[i]) != "--no-default-gazetteer";
  }
  std::string error;
  std::vector<std::string> warnings;
  auto gazetteer = cs::Gazetteer::load_file(argv[3], error, warnings);
  if (!gazetteer) {
    std::cerr << "extraction_eval: " << error << '\n';
    return 2;
  }
  for (const auto& w : warnings) std::cerr << "gazetteer: " << w << '\n';
  const auto truth = read_truth(argv[2]);
  const cs::Gazetteer universe = *gazetteer;
  if (with_default) gazetteer->merge(cs::default_gazetteer(), nullptr);
  cs::Extractor extractor(std::make_shared<const cs::Gazetteer>(std::move(*gazetteer)));
  long outside = 0;
  cs::DuplicateIndex duplicates;
  Counts entities, listed, dups;
  double seconds = 0;
  long articles = 0;
  std::ifstream in(argv[1]);
  for (std::string line; std::getline(in, line);) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    cs::Article a = read_article(j);
    const auto start = std::chrono::steady_clock::now();
    extractor.extract(a);
    const cs::ClusterMatch cluster = duplicates.assign_cluster(a);
    a.dup_cluster = cluster.cluster;
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++articles;
    const auto t = truth.find(a.id);
    if (t == truth.end()) continue;
    score_entities(a, t->second, universe, entities, listed, outside, verbose);
    const bool detected = cluster.duplicate;
    const bool expected = !t->second["dup_of"].is_null();
    if (detected && expected) dups.true_positive++;
    if (detected && !expected) dups.false_positive++;
    if (!detected && expected) dups.false_negative++;
    if (verbose && detected != expected) {
      std::fprintf(stderr, "DUP %s detected=%d expected=%d\n", a.id.c_str(), detected, expected);
    }
  }
  std::printf("articles: %ld\n", articles);
  std::printf("entities: precision %.4f recall %.4f (tp %ld fp %ld fn %ld)\n", entities.precision(),
              entities.recall(), entities.true_positive, entities.false_positive,
              entities.false_negative);
  std::printf(
      "entities under the benchmark's spellings: precision %.4f recall %.4f (tp %ld fp %ld fn "
      "%ld)\n",
      listed.precision(), listed.recall(), listed.true_positive, listed.false_positive,
      listed.false_negative);
  std::printf(
      "entities outside the benchmark gazetteer (bundled ones the truth cannot list): %ld\n",
      outside);
  std::printf("duplicates: precision %.4f recall %.4f (tp %ld fp %ld fn %ld)\n", dups.precision(),
              dups.recall(), dups.true_positive, dups.false_positive, dups.false_negative);
  std::printf("extraction: %.3f ms per article\n", articles ? 1000 * seconds / articles : 0.0);
  return 0;
}
