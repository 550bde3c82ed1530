#include "indexer/explain_file.h"

#include <filesystem>

#include "indexer/clean.h"
#include "indexer/extract.h"
#include "indexer/input_files.h"
#include "indexer/manifest.h"
#include "indexer/pipeline.h"
#include "indexer/readers.h"

namespace cs {

std::string explain_file(const ExplainRequest& request, std::vector<Article>& articles,
                         std::vector<std::string>& warnings, std::vector<std::string>& gazetteers) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(request.file, ec)) return request.file + ": no such file";
  const std::optional<InputFormat> format = format_for_path(request.file);
  if (!format) return request.file + ": not a .txt, .md, .html or .jsonl file";

  IndexOptions options;
  options.inputs = {fs::path(request.file).parent_path().string()};
  if (options.inputs[0].empty()) options.inputs[0] = ".";
  options.manifest = request.manifest;
  options.gazetteers = request.gazetteers;
  options.default_gazetteer = request.default_gazetteer;
  IndexSummary summary;
  std::string error;
  const auto gazetteer = load_gazetteer(options, std::nullopt, summary, error);
  if (!gazetteer) return error;
  const std::optional<Manifest> manifest = load_manifest(options, summary, error);
  if (!manifest) return error;
  warnings = std::move(summary.warnings);
  gazetteers = std::move(summary.gazetteers);

  const InputFile input{request.file, options.inputs[0], *format};
  const ManifestEntry* entry = manifest_entry_for(*manifest, input);
  const Extractor extractor(gazetteer);
  std::vector<ReadIssue> issues;
  read_articles(
      input,
      [&](Article&& article) {
        if (entry) apply_manifest(*entry, article);
        clean_article(article);
        extractor.extract(article);
        articles.push_back(std::move(article));
      },
      issues);
  for (const ReadIssue& issue : issues) warnings.push_back(issue.where + ": " + issue.reason);
  return {};
}

}  // namespace cs
