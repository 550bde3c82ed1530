#include "indexer/index_summary.h"

namespace cs {

nlohmann::ordered_json summary_json(const IndexSummary& summary, const std::string& root) {
  std::size_t skipped = 0;
  for (const auto& [reason, n] : summary.skipped) skipped += n;
  return {
      {"root", root},
      {"generation", summary.generation},
      {"written", summary.written},
      {"published", summary.published},
      {"incremental", summary.incremental},
      {"documents", summary.documents},
      {"files", summary.files},
      {"read", summary.read},
      {"added", summary.added},
      {"updated", summary.updated},
      {"unchanged", summary.unchanged},
      {"removed", summary.removed},
      {"duplicates", summary.duplicates},
      {"skipped", skipped},
      {"skipped_reasons", summary.skipped},
      {"repaired", summary.repaired},
      {"warnings", summary.warnings.size()},
      {"gazetteers", summary.gazetteers},
      {"bytes", summary.bytes},
      {"seconds", summary.seconds},
  };
}

}  // namespace cs
