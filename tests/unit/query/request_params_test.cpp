// Table-driven tests of URL parameters <-> SearchRequest (query/request_params.h).
#include "query/request_params.h"

#include <catch2/catch.hpp>

#include "core/dates.h"

using cs::query::ErrorCode;
using cs::query::ExportFormat;
using cs::query::Params;
using cs::query::SearchRequest;
using cs::query::SortOrder;

namespace {

SearchRequest parse_ok(const Params& params) {
  SearchRequest request;
  auto error = cs::query::parse_search_params(params, request);
  INFO(error.message);
  REQUIRE_FALSE(error);
  return request;
}

}  // namespace

TEST_CASE("search params: defaults when empty", "[query][params]") {
  auto r = parse_ok({});
  CHECK(r.text.empty());
  CHECK(r.filters.empty());
  CHECK(r.page == 1);
  CHECK(r.page_size == 10);
  CHECK(r.sort == SortOrder::kRelevance);
  CHECK_FALSE(r.collapse);
  CHECK(r.want_facets);
}

TEST_CASE("search params: every accepted parameter", "[query][params]") {
  auto r = parse_ok({{"q", "Palmyra \"air strike\""},
                     {"outlet", "Reuters"},
                     {"outlet", "-Sputnik"},
                     {"author", "Haytham Mustafa"},
                     {"person", "bashar-al-assad"},
                     {"place", "Aleppo"},
                     {"org", "-isis"},
                     {"entity", "x"},
                     {"source", "SOHR"},
                     {"from", "2016-03"},
                     {"to", "2016-04-30"},
                     {"sort", "newest"},
                     {"page", "3"},
                     {"size", "100"},
                     {"collapse", "true"}});
  CHECK(r.text == "Palmyra \"air strike\"");
  CHECK(r.from == "2016-03");
  CHECK(r.to == "2016-04-30");
  CHECK(r.sort == SortOrder::kNewest);
  CHECK(r.page == 3);
  CHECK(r.page_size == 100);
  CHECK(r.collapse);
  REQUIRE(r.filters.size() == 8);
  int excluded = 0;
  for (const auto& f : r.filters) {
    if (f.exclude) {
      ++excluded;
      CHECK((f.value == "Sputnik" || f.value == "isis"));
      CHECK(f.value.front() != '-');
    }
  }
  CHECK(excluded == 2);
}

TEST_CASE("search params: sort orders", "[query][params]") {
  CHECK(parse_ok({{"sort", "relevance"}}).sort == SortOrder::kRelevance);
  CHECK(parse_ok({{"sort", "oldest"}}).sort == SortOrder::kOldest);
  CHECK_FALSE(parse_ok({{"collapse", "false"}}).collapse);
}

TEST_CASE("search params: bad values are 400 naming the parameter", "[query][params]") {
  struct Case {
    Params params;
    std::string names;
  };
  const Case cases[] = {
      {{{"size", "1000"}}, "size"},        {{{"size", "0"}}, "size"},
      {{{"size", "ten"}}, "size"},         {{{"page", "0"}}, "page"},
      {{{"page", "-1"}}, "page"},          {{{"page", "1x"}}, "page"},
      {{{"page", "99999999999"}}, "page"}, {{{"sort", "bogus"}}, "sort"},
      {{{"collapse", "yes"}}, "collapse"}, {{{"from", "2016-13"}}, "from"},
      {{{"to", "16-01-01"}}, "to"},        {{{"from", "2016-02-30x"}}, "from"},
      {{{"bogus", "1"}}, "bogus"},         {{{"format", "csv"}}, "format"},
      {{{"outlet", ""}}, "outlet"},        {{{"person", "-"}}, "person"},
      {{{"q", "a"}, {"q", "b"}}, "q"},     {{{"from", "2017"}, {"to", "2016-12"}}, "from"},
  };
  for (const auto& c : cases) {
    SearchRequest request;
    auto error = cs::query::parse_search_params(c.params, request);
    INFO("expected an error naming " << c.names);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'" + c.names + "'") != std::string::npos);
  }
}

TEST_CASE("export params: format and switched-off extras", "[query][params]") {
  SearchRequest request;
  ExportFormat format = ExportFormat::kJsonl;
  REQUIRE_FALSE(cs::query::parse_export_params({{"q", "x"}}, request, format));
  CHECK(format == ExportFormat::kCsv);
  CHECK_FALSE(request.want_facets);
  CHECK_FALSE(request.want_snippets);
  CHECK_FALSE(request.want_timeline);
  REQUIRE_FALSE(cs::query::parse_export_params({{"format", "jsonl"}}, request, format));
  CHECK(format == ExportFormat::kJsonl);
  auto error = cs::query::parse_export_params({{"format", "xml"}}, request, format);
  CHECK(error.code == ErrorCode::kBadRequest);
  CHECK(error.message.find("'format'") != std::string::npos);
}

TEST_CASE("partial dates", "[query][params]") {
  for (auto ok : {"2016", "2016-03", "2016-03-31", "1999-12-01"}) {
    CHECK(cs::is_partial_date(ok));
  }
  for (auto bad : {"", "16", "2016-3", "2016-00", "2016-03-00", "2016-03-32", "2016/03", "abcd",
                   "2016-03-1a", "20160301"}) {
    INFO(bad);
    CHECK_FALSE(cs::is_partial_date(bad));
  }
}
