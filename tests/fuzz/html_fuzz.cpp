// Fuzz target: the HTML reader (indexer/html_reader.h read_html_article), fed the input as a
// saved page. Checks that every field comes out as valid UTF-8, that a publication date is a
// real one and marked as from the page's metadata, and that the declared language, when there
// is one, is a single value.
#include <cstddef>
#include <cstdint>

#include "core/schema.h"
#include "fuzz_support.h"
#include "indexer/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  const cs::Article a = cs::read_html_article(cs::fuzz::as_text(data, size));
  cs::fuzz::check_utf8(a);
  cs::fuzz::check_date(a.published);
  CS_FUZZ_CHECK(a.published.known() == (a.published_provenance == cs::DateProvenance::kHtmlMeta));
  CS_FUZZ_CHECK(a.id.empty() && a.source_path.empty());
  if (const auto it = a.field_values.find(std::string(cs::schema::kLanguageField));
      it != a.field_values.end()) {
    CS_FUZZ_CHECK(it->second.size() <= 1);
    for (const std::string& tag : it->second) CS_FUZZ_CHECK(cs::is_valid_utf8(tag));
  }
  return 0;
}
