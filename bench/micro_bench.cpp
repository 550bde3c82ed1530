// micro_bench: Google Benchmark timings of the hot per-article and per-hit functions.
//
// Inputs: the first article of 3.5-5 KB in $BENCH_CORPUS (default
// /tmp/bench-corpus/corpus-10k.jsonl, made by bench/run.sh) and the gazetteer $BENCH_GAZETTEER
// (default entities.tsv in $BENCH_SHARED, else in ../shared/bench beside the source tree).
// Run: build-bench/bin/micro_bench
// [--benchmark_filter=REGEX]. Byte rates count the article's bytes.
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/doc_data.h"
#include "core/gazetteer.h"
#include "core/normalize.h"
#include "core/stemming.h"
#include "indexer/extract.h"
#include "query/snippet.h"
#include "tests/unit/one_article_index.h"

namespace {

std::string env_or(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

/// The benchmark inputs, loaded once.
struct Inputs {
  std::string title;
  std::string text;     ///< as in the corpus (ASCII)
  std::string unicode;  ///< the same text with accents, Arabic marks and typographic quotes
  std::string outlet;
  std::shared_ptr<const cs::Gazetteer> gazetteer;
  std::vector<std::string> aliases;  ///< every spelling in the gazetteer
};

// A typical article: the first one between 3.5 and 5 KB.
void load_article(Inputs& in) {
  const std::string path = env_or("BENCH_CORPUS", "/tmp/bench-corpus/corpus-10k.jsonl");
  std::ifstream file(path);
  for (std::string line; std::getline(file, line);) {
    const auto j = nlohmann::json::parse(line);
    const std::string text = j.value("text", "");
    if (text.size() < 3500 || text.size() > 5000) continue;
    in.title = j.value("title", "");
    in.text = text;
    in.outlet = j.value("outlet", "");
    return;
  }
  throw std::runtime_error("no 3.5-5 KB article in " + path + " (run bench/run.sh first)");
}

// Every ~40th word given a non-ASCII spelling, so normalize_text leaves its ASCII fast path.
std::string with_unicode(const std::string& text) {
  static const std::vector<std::string> kForms = {"Ḥamāh",        "“quoted”", "café",
                                                  "Dayr az‑Zawr", "حَلَب",      "ﬁeld"};
  std::string out;
  std::size_t words = 0;
  for (char c : text) {
    out += c;
    if (c == ' ' && ++words % 40 == 0) out += kForms[words / 40 % kForms.size()] + " ";
  }
  return out;
}

const Inputs& inputs() {
  static const Inputs loaded = [] {
    Inputs in;
    load_article(in);
    in.unicode = with_unicode(in.text);
    std::string error;
    std::vector<std::string> warnings;
    const std::string shared = env_or("BENCH_SHARED", CS_SOURCE_DIR "/../shared/bench");
    const std::string path = env_or("BENCH_GAZETTEER", (shared + "/entities.tsv").c_str());
    auto gazetteer = cs::Gazetteer::load_file(path, error, warnings);
    if (!gazetteer) throw std::runtime_error(error);
    for (const cs::GazetteerEntity& e : gazetteer->entities())
      in.aliases.insert(in.aliases.end(), e.aliases.begin(), e.aliases.end());
    in.gazetteer = std::make_shared<const cs::Gazetteer>(std::move(*gazetteer));
    return in;
  }();
  return loaded;
}

void BM_NormalizeTextAscii(benchmark::State& state) {
  const std::string& text = inputs().text;
  for (auto _ : state) benchmark::DoNotOptimize(cs::normalize_text(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_NormalizeTextAscii);

void BM_NormalizeTextUnicode(benchmark::State& state) {
  const std::string& text = inputs().unicode;
  for (auto _ : state) benchmark::DoNotOptimize(cs::normalize_text(text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_NormalizeTextUnicode);

// One fold_key per gazetteer spelling ("Bashar al-Assad", "Deir ez-Zor", ...).
void BM_FoldKeyAliases(benchmark::State& state) {
  const std::vector<std::string>& aliases = inputs().aliases;
  for (auto _ : state) {
    for (const std::string& alias : aliases) benchmark::DoNotOptimize(cs::fold_key(alias));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(aliases.size()));
}
BENCHMARK(BM_FoldKeyAliases);

// Entities, sources, dates and signatures of one normalised article.
void BM_Extract(benchmark::State& state) {
  const Inputs& in = inputs();
  const cs::Extractor extractor(in.gazetteer);
  cs::Article article;
  article.title = in.title;
  article.text = cs::normalize_text(in.text);
  article.outlet = in.outlet;
  for (auto _ : state) {
    cs::Article copy = article;
    extractor.extract(copy);
    benchmark::DoNotOptimize(copy.entities.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.text.size()));
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMicrosecond);

// Decoding one hit's stored document data (JSON holding the whole text), as every hit shown does.
void BM_DecodeDocData(benchmark::State& state) {
  const Inputs& in = inputs();
  cs::Article article;
  article.title = in.title;
  article.text = cs::normalize_text(in.text);
  article.outlet = in.outlet;
  cs::Extractor(in.gazetteer).extract(article);
  const std::string data = cs::encode_doc_data(article);
  for (auto _ : state) benchmark::DoNotOptimize(cs::decode_doc_data(data));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(data.size()));
}
BENCHMARK(BM_DecodeDocData)->Unit(benchmark::kMicrosecond);

// One hit's highlighted snippet for a query of frequent words (ORed), from an in-memory
// one-article index.
void BM_Snippet(benchmark::State& state) {
  const std::string text = cs::normalize_text(inputs().text);
  const Xapian::Stem stemmer = cs::make_stemmer();
  const std::string query = "killed civilians attack forces government said";
  const Xapian::MSet mset = cs::test::one_article_mset(text, query, stemmer);
  if (mset.empty()) state.SkipWithError("the article matches no query word");
  // searchd's path: the stemmer that skips words no query term can match.
  const Xapian::Stem skipping =
      cs::query::snippet_stemmer(cs::test::one_article_query(query, stemmer), stemmer);
  for (auto _ : state) benchmark::DoNotOptimize(cs::query::make_snippet(mset, text, skipping));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_Snippet)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
