// The bundled corpus/gazetteer.tsv, loaded once, for the extraction tests.
#ifndef CS_TESTS_UNIT_INDEXER_CORPUS_GAZETTEER_H_
#define CS_TESTS_UNIT_INDEXER_CORPUS_GAZETTEER_H_

#include <memory>
#include <string>
#include <vector>

#include "core/gazetteer.h"

namespace cs::testing {

/// The gazetteer of the source tree's corpus folder (CS_SOURCE_DIR), shared by every test.
inline std::shared_ptr<const Gazetteer> corpus_gazetteer() {
  static const auto kGazetteer = [] {
    std::string error;
    std::vector<std::string> warnings;
    auto g =
        Gazetteer::load_file(std::string(CS_SOURCE_DIR) + "/corpus/gazetteer.tsv", error, warnings);
    return std::make_shared<const Gazetteer>(std::move(*g));
  }();
  return kGazetteer;
}

}  // namespace cs::testing

#endif  // CS_TESTS_UNIT_INDEXER_CORPUS_GAZETTEER_H_
