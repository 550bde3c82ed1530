#include <catch2/catch.hpp>

#include "cli/bench.h"
#include "cli/output.h"
#include "query/snippet.h"

TEST_CASE("bench query lines parse into requests", "[cli][bench]") {
  const auto common = cs::cli::parse_bench_line("common\tkilled\t");
  REQUIRE(common);
  CHECK(common->kind == "common");
  CHECK(common->request.text == "killed");
  CHECK(common->request.sort == cs::query::SortOrder::kRelevance);
  const auto browse = cs::cli::parse_bench_line(
      "browse\t\toutlet=Reuters;from=2016-01-01;to=2016-12-31;entity=isis");
  REQUIRE(browse);
  CHECK(browse->request.sort == cs::query::SortOrder::kNewest);
  CHECK(browse->request.from == "2016-01-01");
  CHECK(browse->request.to == "2016-12-31");
  REQUIRE(browse->request.filters.size() == 2);
  CHECK(browse->request.filters[1].field == "entity");
  for (const std::string bad : {"# comment", "", "kind-only", "x\ty\tcolour=red"}) {
    CAPTURE(bad);
    CHECK_FALSE(cs::cli::parse_bench_line(bad));
  }
}

TEST_CASE("terminal snippets decode entities and show marks only in colour", "[cli]") {
  const std::string html = "a &lt;b&gt; &amp; &quot;<mark>c</mark>&#39;\nd";
  CHECK(cs::cli::snippet_for_terminal(html, false) == "a <b> & \"c' d");
  CHECK(cs::cli::snippet_for_terminal(html, true) == "a <b> & \"\x1b[1;31mc\x1b[0m' d");
}

TEST_CASE("escape_html escapes all five characters", "[snippet]") {
  CHECK(cs::query::escape_html("<a href=\"x\">'&'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}
