// corpus-index: builds or updates a search index from article files (see pipeline.h).
// `--publish GEN` only makes an already built generation live (scripts/reindex.sh builds with
// --no-publish, checks, then publishes); `--status` only reports what an index path holds
// (index_status.h). `--json` makes every mode's output one JSON document for scripts.
// Exit status: 0 when an index was written or published (skipped inputs are warnings), 2 on
// error; with --status 0 when an index is there, 1 when none is, 2 when it cannot be read.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "indexer/explain.h"
#include "indexer/explain_file.h"
#include "indexer/incremental.h"
#include "indexer/index_status.h"
#include "indexer/pipeline.h"
#include "indexer/progress.h"
#include "indexer/spelling_export.h"

namespace {

constexpr std::size_t kWarningsShown = 20;

void print_warnings(const std::vector<std::string>& warnings) {
  const std::size_t shown = std::min(kWarningsShown, warnings.size());
  for (std::size_t i = 0; i < shown; ++i)
    std::cerr << "corpus-index: warning: " << warnings[i] << "\n";
  if (warnings.size() > shown) {
    std::cerr << "corpus-index: ... and " << warnings.size() - shown << " more warnings\n";
  }
}

// The items joined with ", ".
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

void print_summary(const cs::IndexSummary& s, const std::string& root) {
  std::size_t skipped = 0;
  for (const auto& [reason, n] : s.skipped) skipped += n;
  const char* verb = !s.written      ? "unchanged, kept"
                     : s.incremental ? "updated in place"
                     : s.published   ? "published"
                                     : "built";
  std::printf("%s %s/%s (%s): %zu documents\n", verb, root.c_str(), s.generation.c_str(),
              s.incremental ? "incremental" : "full", s.documents);
  std::printf(
      "files %zu, read %zu, indexed %zu, updated %zu, unchanged %zu, removed %zu, "
      "duplicates %zu, skipped %zu, %.2f s\n",
      s.files, s.read, s.added, s.updated, s.unchanged, s.removed, s.duplicates, skipped,
      s.seconds);
  const double seconds = s.seconds > 0 ? s.seconds : 1e-9;
  std::printf("warnings %zu, %.0f articles/s, %.1f MB/s (%.1f MB read)\n", s.warnings.size(),
              s.read / seconds, s.bytes / 1e6 / seconds, s.bytes / 1e6);
  if (!s.gazetteers.empty()) std::printf("gazetteers: %s\n", join(s.gazetteers).c_str());
  for (const auto& [reason, n] : s.skipped) std::printf("  skipped %zu: %s\n", n, reason.c_str());
  for (const auto& [reason, n] : s.repaired) std::printf("  warned %zu: %s\n", n, reason.c_str());
}

// `--explain FILE [--json]`: what extraction finds in each article of one file.
int explain(const cs::ExplainRequest& request, bool json) {
  std::vector<cs::Article> articles;
  std::vector<std::string> warnings;
  std::vector<std::string> gazetteers;
  const std::string error = cs::explain_file(request, articles, warnings, gazetteers);
  for (const std::string& w : warnings) std::cerr << "corpus-index: warning: " << w << "\n";
  if (!gazetteers.empty()) std::cerr << "corpus-index: gazetteers: " << join(gazetteers) << "\n";
  if (!error.empty()) {
    std::cerr << "corpus-index: " << error << "\n";
    return 2;
  }
  for (const cs::Article& article : articles) {
    if (json) {
      std::cout << cs::explain_json(article).dump(2, ' ', false,
                                                  nlohmann::json::error_handler_t::replace)
                << "\n";
    } else {
      std::cout << cs::explain_text(article) << (articles.size() > 1 ? "\n" : "");
    }
  }
  return 0;
}

// `--status [--json]`: what the index at `path` holds; exit 0, 1 (no index) or 2 (unreadable).
int status(const std::string& path, bool json) {
  cs::IndexStatus status;
  std::string error;
  const cs::StatusOutcome outcome = cs::read_index_status(path, status, error);
  if (outcome != cs::StatusOutcome::kIndex) {
    std::cerr << "corpus-index: " << error << "\n";
  } else if (json) {
    std::cout << cs::status_json(status).dump(2) << "\n";
  } else {
    std::cout << cs::status_text(status);
  }
  return static_cast<int>(outcome);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Builds or updates the corpus search index (a folder of index generations)."};
  cs::IndexOptions options;
  bool no_publish = false;
  cs::ExplainRequest explain_request;
  auto* explain_opt =
      app.add_option("--explain", explain_request.file,
                     "Print what the indexer extracts from one file (title, outlet, date with "
                     "provenance and precision, entities and their spellings, cited sources, "
                     "mentioned dates, signature) instead of indexing");
  bool json = false;
  app.add_flag("--json", json,
               "Output for scripts: with --explain one JSON object per article, with --status the "
               "index state, otherwise the run summary (or what --publish did) as one JSON object");
  bool show_status = false;
  auto* status_opt = app.add_flag(
      "--status", show_status,
      "Only report what --out holds (an index root, stub file or database): live generation, "
      "generations, documents, schema version, remote shards, whether a run holds its lock");
  status_opt->excludes(explain_opt);
  auto* out_opt = app.add_option("--out", options.out, "Index root folder (created if missing)");
  out_opt->excludes(explain_opt);
  app.add_option("--manifest", options.manifest,
                 "Manifest TSV (default: manifest.tsv in each input folder)");
  app.add_option("--gazetteer", options.gazetteers,
                 "Entity gazetteer TSV added to the bundled one (repeatable; every input folder's "
                 "gazetteer.tsv is added too; with none, the one stored in the live index is "
                 "used)")
      ->allow_extra_args(false);
  bool no_default_gazetteer = false;
  app.add_flag("--no-default-gazetteer", no_default_gazetteer,
               "Leave out the bundled gazetteer (the people, groups and places of today's wars "
               "in Latin, Arabic and Cyrillic spellings)");
  app.add_flag("--full", options.full,
               "Rebuild from nothing as a new generation instead of updating the live one in "
               "place");
  app.add_flag("--no-publish", no_publish,
               "With --full (or a first run): build and check the new generation but leave the "
               "live index as it is");
  app.add_flag("--allow-shrink", options.allow_shrink,
               "Accept a run that leaves under half of the live documents (refused otherwise, "
               "before anything is written)");
  app.add_option("--keep", options.keep_generations, "Old generation folders to keep")
      ->check(CLI::Range(1, 100));
  bool quiet = false;
  app.add_flag("--quiet,-q", quiet, "No progress display on stderr (warnings and errors still)");
  app.add_option("--threads", options.threads,
                 "Worker threads for cleaning, extraction and tokenising (default: one per core "
                 "but one; one more thread reads, one writes)")
      ->check(CLI::Range(0, 64));
  std::string publish_generation;
  app.add_option("--publish", publish_generation,
                 "Only make this already built generation (e.g. gen-7, from --no-publish) live, "
                 "after checking it opens with the current schema")
      ->excludes(status_opt);
  app.add_option("--peer", options.peers,
                 "Another shard of the same archive (index root, stub or database; only read): "
                 "articles that copy or nearly copy one of its articles join that article's "
                 "duplicate cluster, so --collapse over the shards folds them (repeatable; "
                 "README \"Sharded setup\")")
      ->allow_extra_args(false)
      ->excludes(status_opt);
  std::string spelling_out;
  auto* spelling_opt =
      app.add_option("--export-spelling", spelling_out,
                     "Only copy the spelling table of the index at --out into a small database "
                     "at this folder (replacing an earlier export atomically), for \"did you "
                     "mean\" over remote shards: list it in the search host's stub with "
                     "scripts/shard.sh stub --spelling")
          ->excludes(status_opt)
          ->excludes(explain_opt);
  for (const char* other : {"--publish", "--peer", "--full", "--no-publish", "--manifest"}) {
    spelling_opt->excludes(other);
  }
  app.add_option("inputs", options.inputs,
                 "Folders (.txt .md .html .htm .jsonl .ndjson, recursively) or files");
  app.footer(
      "Progress goes to stderr (a bar on a terminal, a line every 5 s otherwise), the summary "
      "to stdout; the first " +
      std::to_string(kWarningsShown) +
      " warnings are listed, all are counted by reason. Bad files and "
      "lines are skipped or repaired with a warning, never fatal. XAPIAN_FLUSH_THRESHOLD sets "
      "the documents per batch (default 1000). Exit status: 0 when an index was written or "
      "nothing changed, 2 on error; with --status 0 when an index is there, 1 when there is "
      "none, 2 when it cannot be read. Example: corpus-index --status --json --out var/index");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return e.get_exit_code() == 0 ? app.exit(e) : (app.exit(e), 2);
  }
  if (!explain_request.file.empty()) {
    explain_request.manifest = options.manifest;
    explain_request.gazetteers = options.gazetteers;
    explain_request.default_gazetteer = !no_default_gazetteer;
    return explain(explain_request, json);
  }
  if (options.out.empty()) {
    std::cerr << "corpus-index: --out is required (the index root to write)\n";
    return 2;
  }
  if (show_status) {
    if (!options.inputs.empty()) {
      std::cerr << "corpus-index: --status takes no inputs\n";
      return 2;
    }
    return status(options.out, json);
  }
  if (!spelling_out.empty()) {
    if (!options.inputs.empty()) {
      std::cerr << "corpus-index: --export-spelling takes no inputs\n";
      return 2;
    }
    std::size_t words = 0;
    const std::string error = cs::export_spelling(options.out, spelling_out, words);
    if (!error.empty()) {
      std::cerr << "corpus-index: " << error << "\n";
      return 2;
    }
    std::printf("exported %zu spelling words of %s to %s\n", words, options.out.c_str(),
                spelling_out.c_str());
    return 0;
  }
  if (!publish_generation.empty()) {
    const std::string error =
        cs::publish_generation(options.out, publish_generation, options.keep_generations);
    if (!error.empty()) {
      std::cerr << "corpus-index: " << error << "\n";
      return 2;
    }
    if (json) {
      std::cout << nlohmann::json{{"root", options.out},
                                  {"generation", publish_generation},
                                  {"published", true}}
                << "\n";
    } else {
      std::printf("published %s/%s\n", options.out.c_str(), publish_generation.c_str());
    }
    return 0;
  }
  if (options.inputs.empty()) {
    std::cerr << "corpus-index: no inputs given (folders or files to index)\n";
    return 2;
  }
  // Files are known to the index by their absolute paths, so a run from another folder, or
  // with relative paths where an earlier run gave absolute ones, still finds their stamps
  // instead of re-reading (and rewriting) the whole corpus.
  for (std::string& input : options.inputs) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(input, ec);
    if (!ec) input = absolute.lexically_normal().string();
  }
  options.publish = !no_publish;
  options.default_gazetteer = !no_default_gazetteer;
  // Smaller batches index faster (see TECH-NOTES.md); a user's own setting wins.
  setenv("XAPIAN_FLUSH_THRESHOLD", "1000", 0);

  cs::ProgressReporter reporter(stderr, isatty(STDERR_FILENO) != 0);
  cs::ProgressFn progress;
  if (!quiet) progress = [&reporter](const cs::IndexProgress& p) { reporter(p); };
  cs::IndexSummary summary;
  const std::string error = cs::run_indexing(options, progress, summary);
  reporter.finish();
  if (!error.empty()) {
    std::cerr << "corpus-index: " << error << "\n";
    return 2;
  }
  print_warnings(summary.warnings);
  if (json) {
    std::cout << cs::summary_json(summary, options.out).dump(2) << "\n";
  } else {
    print_summary(summary, options.out);
  }
  return 0;
}
