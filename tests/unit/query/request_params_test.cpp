// Table-driven tests of URL parameters <-> SearchRequest (query/request_params.h).
#include "query/request_params.h"

#include <catch2/catch.hpp>

#include "core/dates.h"

using cs::query::ErrorCode;
using cs::query::ExportFormat;
using cs::query::ExportSpec;
using cs::query::ExportWhat;
using cs::query::Interval;
using cs::query::Params;
using cs::query::SearchRequest;
using cs::query::SortOrder;
using cs::query::TimelineRequest;

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
                     {"facet_size", "250"},
                     {"collapse", "true"}});
  CHECK(r.text == "Palmyra \"air strike\"");
  CHECK(r.from == "2016-03");
  CHECK(r.to == "2016-04-30");
  CHECK(r.sort == SortOrder::kNewest);
  CHECK(r.page == 3);
  CHECK(r.page_size == 100);
  CHECK(r.facet_limit == 250);
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
      {{{"size", "1000"}}, "size"},
      {{{"size", "0"}}, "size"},
      {{{"size", "ten"}}, "size"},
      {{{"page", "0"}}, "page"},
      {{{"page", "-1"}}, "page"},
      {{{"page", "1x"}}, "page"},
      {{{"page", "99999999999"}}, "page"},
      {{{"sort", "bogus"}}, "sort"},
      {{{"collapse", "yes"}}, "collapse"},
      {{{"from", "2016-13"}}, "from"},
      {{{"to", "16-01-01"}}, "to"},
      {{{"from", "2016-02-30x"}}, "from"},
      {{{"bogus", "1"}}, "bogus"},
      {{{"format", "csv"}}, "format"},
      {{{"outlet", ""}}, "outlet"},
      {{{"person", "-"}}, "person"},
      {{{"q", "a"}, {"q", "b"}}, "q"},
      {{{"from", "2017"}, {"to", "2016-12"}}, "from"},
      {{{"facet_size", "0"}}, "facet_size"},
      {{{"facet_size", "1001"}}, "facet_size"},
      {{{"facet_size", "ten"}}, "facet_size"},
      {{{"facet_size", "5"}, {"facet_size", "6"}}, "facet_size"},
  };
  for (const auto& c : cases) {
    SearchRequest request;
    auto error = cs::query::parse_search_params(c.params, request);
    INFO("expected an error naming " << c.names);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'" + c.names + "'") != std::string::npos);
  }
}

TEST_CASE("export params: format, what and switched-off extras", "[query][params]") {
  SearchRequest request;
  ExportSpec spec{ExportFormat::kJsonl, ExportWhat::kClaims};
  REQUIRE_FALSE(cs::query::parse_export_params({{"q", "x"}}, request, spec));
  CHECK(spec.format == ExportFormat::kCsv);
  CHECK(spec.what == ExportWhat::kArticles);
  CHECK_FALSE(request.want_facets);
  CHECK_FALSE(request.want_snippets);
  CHECK_FALSE(request.want_timeline);
  REQUIRE_FALSE(
      cs::query::parse_export_params({{"format", "jsonl"}, {"what", "claims"}}, request, spec));
  CHECK(spec.format == ExportFormat::kJsonl);
  CHECK(spec.what == ExportWhat::kClaims);
  struct Bad {
    Params params;
    std::string named;
  };
  for (const Bad& bad : {Bad{{{"format", "xml"}}, "'format'"}, Bad{{{"what", "hits"}}, "'what'"},
                         Bad{{{"what", "claims"}, {"what", "claims"}}, "'what'"},
                         Bad{{{"limit", "5"}}, "'limit'"}}) {
    auto error = cs::query::parse_export_params(bad.params, request, spec);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find(bad.named) != std::string::npos);
  }
  spec.what = ExportWhat::kClaims;
  CHECK(cs::query::query_string(cs::query::export_params(request, spec)).find("what=claims") !=
        std::string::npos);
}

TEST_CASE("claims params: search parameters and a bounded limit", "[query][params]") {
  cs::query::ClaimsRequest request;
  REQUIRE_FALSE(cs::query::parse_claims_params(
      {{"q", "killed"}, {"place", "Palmyra"}, {"limit", "7"}}, request));
  CHECK(request.search.text == "killed");
  CHECK(request.limit == 7);
  CHECK(request.search.filters.size() == 1);
  for (const char* bad : {"0", "501", "x", ""}) {
    auto error = cs::query::parse_claims_params({{"limit", bad}}, request);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'limit'") != std::string::npos);
  }
  auto error = cs::query::parse_claims_params({{"format", "csv"}}, request);
  CHECK(error.message.find("'format'") != std::string::npos);
  cs::query::ClaimsRequest back;
  REQUIRE_FALSE(cs::query::parse_claims_params(cs::query::claims_params(request), back));
  CHECK(back.limit == request.limit);
  CHECK(back.search.text == request.search.text);
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

TEST_CASE("search params: added_after takes a date or a UTC time", "[query][params]") {
  struct Case {
    std::string value;
    std::string stamp;  // the parsed stamp (core/arrival.h)
  };
  const Case cases[] = {
      {"2026-11-29", "20261129000000"},          {"2026-11-29T01:02:03Z", "20261129010203"},
      {"2026-11-29T01:02:03", "20261129010203"}, {"2026-11-29T01:02Z", "20261129010200"},
      {"2026-11-29 01:02:03", "20261129010203"}, {"20261129010203", "20261129010203"},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    CHECK(parse_ok({{"added_after", c.value}}).added_after == c.stamp);
  }
  CHECK(parse_ok({}).added_after.empty());
}

TEST_CASE("search params: bad added_after values are 400 naming it", "[query][params]") {
  const Params cases[] = {
      {{"added_after", "yesterday"}},
      {{"added_after", ""}},
      {{"added_after", "2026-13-01"}},
      {{"added_after", "2026-02-30"}},
      {{"added_after", "2026-11-29T25:00:00Z"}},
      {{"added_after", "2026-11"}},
      {{"added_after", "2026-11-29"}, {"added_after", "2026-11-30"}},
  };
  for (const Params& params : cases) {
    INFO(params.front().second << " (" << params.size() << " parameters)");
    SearchRequest request;
    auto error = cs::query::parse_search_params(params, request);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'added_after'") != std::string::npos);
  }
}

TEST_CASE("search params: sort by newest added", "[query][params]") {
  CHECK(parse_ok({{"sort", "added"}}).sort == SortOrder::kAdded);
  CHECK(cs::query::sort_from_name("added") == SortOrder::kAdded);
  CHECK(cs::query::sort_name(SortOrder::kAdded) == "added");
  for (const auto& s : cs::query::kSortNames) {
    INFO(s.name);
    CHECK(cs::query::sort_from_name(s.name) == s.order);
    CHECK(cs::query::sort_name(s.order) == s.name);
  }
  SearchRequest request;
  auto error = cs::query::parse_search_params({{"sort", "Added"}}, request);
  CHECK(error.code == ErrorCode::kBadRequest);
  CHECK(error.message.find("added") != std::string::npos);
}

TEST_CASE("search params: facet_size round-trips only when not the default", "[query][params]") {
  SearchRequest request;
  request.facet_limit = 40;
  CHECK(parse_ok(cs::query::search_params(request)).facet_limit == 40);
  for (const auto& p : cs::query::search_params(SearchRequest{})) CHECK(p.first != "facet_size");
}

TEST_CASE("search params: added_after round-trips as ISO time", "[query][params]") {
  SearchRequest request;
  request.text = "Palmyra";
  request.added_after = "20261129010203";
  request.sort = SortOrder::kAdded;
  const Params params = cs::query::search_params(request);
  int found = 0;
  for (const auto& [name, value] : params) {
    if (name == "added_after") {
      ++found;
      CHECK(value == "2026-11-29T01:02:03Z");
    }
  }
  CHECK(found == 1);
  const SearchRequest back = parse_ok(params);
  CHECK(back.added_after == "20261129010203");
  CHECK(back.sort == SortOrder::kAdded);
  CHECK(back.text == "Palmyra");

  // Without added_after the parameter is left out.
  const Params plain = cs::query::search_params(SearchRequest{});
  for (const auto& p : plain) CHECK(p.first != "added_after");
  // The query string form survives a trip through parse_query_string too.
  std::string error;
  const auto parsed = cs::query::parse_query_string(cs::query::query_string(params), error);
  REQUIRE(parsed.has_value());
  CHECK(*parsed == params);
}

TEST_CASE("query strings: decoding", "[query][params]") {
  struct Case {
    std::string name;
    std::string query;
    std::optional<Params> expected;  // nullopt: malformed
  };
  const Case cases[] = {
      {"plus and pairs", "q=a+b&outlet=Reuters", Params{{"q", "a b"}, {"outlet", "Reuters"}}},
      {"leading '?' and UTF-8 escape", "?q=%C3%A9", Params{{"q", "\xc3\xa9"}}},
      {"lower-case hex", "q=%c3%a9", Params{{"q", "\xc3\xa9"}}},
      {"escaped plus and ampersand", "q=1%2B1%26x", Params{{"q", "1+1&x"}}},
      {"escaped name", "%71=1", Params{{"q", "1"}}},
      {"'=' inside a value", "a=b=c", Params{{"a", "b=c"}}},
      {"empty pairs skipped", "&&q=x&", Params{{"q", "x"}}},
      {"name without '='", "flag", Params{{"flag", ""}}},
      {"empty value", "q=", Params{{"q", ""}}},
      {"repeated names kept in order", "outlet=A&q=x&outlet=B",
       Params{{"outlet", "A"}, {"q", "x"}, {"outlet", "B"}}},
      {"empty", "", Params{}},
      {"only '?'", "?", Params{}},
      {"bad hex", "q=%zz", std::nullopt},
      {"NUL byte", "q=%00", std::nullopt},
      {"raw NUL byte", std::string("q=a\0b", 5), std::nullopt},
      {"truncated escape", "q=%4", std::nullopt},
      {"lone percent", "q=%", std::nullopt},
      {"bad escape in a name", "%g1=x", std::nullopt},
      {"bad pair after good ones", "a=1&b=%zz", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.query);
    std::string error;
    const auto got = cs::query::parse_query_string(c.query, error);
    INFO("error: " << error);
    REQUIRE(got.has_value() == c.expected.has_value());
    if (c.expected) {
      CHECK(*got == *c.expected);
      CHECK(error.empty());
    } else {
      CHECK_FALSE(error.empty());
    }
  }
}

TEST_CASE("query strings: encoding round-trips", "[query][params]") {
  const Params params = {{"q", "Palmyra \"air strike\" & more=1+1"},
                         {"outlet", "-Sputnik"},
                         {"place", "\xd8\xad\xd9\x84\xd8\xa8"},
                         {"x y", "100%"},
                         {"empty", ""}};
  const std::string query = cs::query::query_string(params);
  CHECK(query.find(' ') == std::string::npos);
  CHECK(query.find('+') == std::string::npos);
  std::string error;
  const auto back = cs::query::parse_query_string(query, error);
  INFO("error: " << error);
  REQUIRE(back.has_value());
  CHECK(*back == params);
  CHECK(cs::query::url_encode("a b+c/\xc3\xa9~._-") == "a%20b%2Bc%2F%C3%A9~._-");
}

TEST_CASE("timeline params: queries interval normalise and filters", "[query][params]") {
  TimelineRequest r;
  auto error = cs::query::parse_timeline_params({{"q", "Aleppo"},
                                                 {"outlet", "Reuters"},
                                                 {"q", "Mosul \"air strike\""},
                                                 {"interval", "week"},
                                                 {"normalise", "true"},
                                                 {"place", "-Homs"},
                                                 {"from", "2016"},
                                                 {"to", "2017-06"}},
                                                r);
  INFO(error.message);
  REQUIRE_FALSE(error);
  // Queries keep their order, whatever comes between them.
  CHECK(r.queries == std::vector<std::string>{"Aleppo", "Mosul \"air strike\""});
  CHECK(r.interval == Interval::kWeek);
  CHECK(r.normalise);
  CHECK(r.filters.text.empty());
  REQUIRE(r.filters.filters.size() == 2);
  CHECK(r.filters.filters[0].field == "outlet");
  CHECK(r.filters.filters[0].value == "Reuters");
  CHECK_FALSE(r.filters.filters[0].exclude);
  CHECK(r.filters.filters[1].field == "place");
  CHECK(r.filters.filters[1].value == "Homs");
  CHECK(r.filters.filters[1].exclude);
  CHECK(r.filters.from == "2016");
  CHECK(r.filters.to == "2017-06");
  // A timeline needs none of a search page's extras.
  CHECK_FALSE(r.filters.want_facets);
  CHECK_FALSE(r.filters.want_snippets);
  CHECK_FALSE(r.filters.want_timeline);

  // Defaults: auto interval, raw counts.
  REQUIRE_FALSE(cs::query::parse_timeline_params({{"q", "x"}}, r));
  CHECK(r.queries == std::vector<std::string>{"x"});
  CHECK(r.interval == Interval::kAuto);
  CHECK_FALSE(r.normalise);
  CHECK(r.filters.filters.empty());
  REQUIRE_FALSE(cs::query::parse_timeline_params({{"q", "x"}, {"normalise", "false"}}, r));
  CHECK_FALSE(r.normalise);

  // Every interval by name; the request is reset between parses.
  for (const auto& [name, interval] : {std::pair<const char*, Interval>{"auto", Interval::kAuto},
                                       {"day", Interval::kDay},
                                       {"week", Interval::kWeek},
                                       {"month", Interval::kMonth},
                                       {"year", Interval::kYear}}) {
    INFO(name);
    REQUIRE_FALSE(cs::query::parse_timeline_params({{"interval", name}, {"q", "x"}}, r));
    CHECK(r.interval == interval);
    CHECK(r.queries.size() == 1);
  }

  // format: JSON unless csv is asked for.
  CHECK_FALSE(r.csv);
  REQUIRE_FALSE(cs::query::parse_timeline_params({{"q", "x"}, {"format", "csv"}}, r));
  CHECK(r.csv);
  REQUIRE_FALSE(cs::query::parse_timeline_params({{"q", "x"}, {"format", "json"}}, r));
  CHECK_FALSE(r.csv);

  // Up to five queries, the same one twice included.
  Params five;
  for (const char* q : {"a", "b", "c", "d", "a"}) five.emplace_back("q", q);
  REQUIRE_FALSE(cs::query::parse_timeline_params(five, r));
  CHECK(r.queries.size() == 5);
}

TEST_CASE("timeline params: bad values are 400 naming the parameter", "[query][params]") {
  struct Case {
    Params params;
    std::string names;
  };
  Params six;
  for (const char* q : {"a", "b", "c", "d", "e", "f"}) six.emplace_back("q", q);
  const Case cases[] = {
      {{}, "q"},
      {{{"interval", "month"}}, "q"},
      {six, "q"},
      {{{"q", ""}}, "q"},
      {{{"q", "a"}, {"q", "   "}}, "q"},
      {{{"q", "a"}, {"interval", "fortnight"}}, "interval"},
      {{{"q", "a"}, {"interval", ""}}, "interval"},
      {{{"q", "a"}, {"interval", "Month"}}, "interval"},
      {{{"q", "a"}, {"normalise", "yes"}}, "normalise"},
      {{{"q", "a"}, {"normalise", ""}}, "normalise"},
      // a timeline has no order, pages or folding: refused, not ignored
      {{{"q", "a"}, {"sort", "newest"}}, "sort"},
      {{{"q", "a"}, {"sort", "relevance"}}, "sort"},
      {{{"q", "a"}, {"page", "2"}}, "page"},
      {{{"q", "a"}, {"size", "10"}}, "size"},
      {{{"q", "a"}, {"facet_size", "50"}}, "facet_size"},
      {{{"q", "a"}, {"collapse", "true"}}, "collapse"},
      {{{"q", "a"}, {"collapse", "false"}}, "collapse"},
      // the other endpoints' parameters and the filters' own rules
      {{{"q", "a"}, {"format", "xml"}}, "format"},
      {{{"q", "a"}, {"format", "jsonl"}}, "format"},
      {{{"q", "a"}, {"format", ""}}, "format"},
      {{{"q", "a"}, {"what", "claims"}}, "what"},
      {{{"q", "a"}, {"limit", "5"}}, "limit"},
      {{{"q", "a"}, {"bogus", "1"}}, "bogus"},
      {{{"q", "a"}, {"outlet", ""}}, "outlet"},
      {{{"q", "a"}, {"from", "2016-13"}}, "from"},
      {{{"q", "a"}, {"from", "2017"}, {"to", "2016-12"}}, "from"},
      {{{"q", "a"}, {"to", "2016"}, {"to", "2017"}}, "to"},
  };
  for (const auto& c : cases) {
    TimelineRequest request;
    auto error = cs::query::parse_timeline_params(c.params, request);
    INFO("expected an error naming " << c.names << "; got: " << error.message);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'" + c.names + "'") != std::string::npos);
  }
}

// request_params.h: "Every unknown, repeated-when-single or malformed parameter is an error
// whose message names the parameter." Every timeline parameter but q is single.
TEST_CASE("timeline params: interval normalise or format given twice is 400", "[query][params]") {
  struct Case {
    Params params;
    std::string names;
  };
  const Case cases[] = {
      {{{"q", "a"}, {"interval", "day"}, {"interval", "week"}}, "interval"},
      {{{"q", "a"}, {"interval", "month"}, {"interval", "month"}}, "interval"},
      {{{"q", "a"}, {"normalise", "true"}, {"normalise", "false"}}, "normalise"},
      {{{"q", "a"}, {"format", "csv"}, {"format", "csv"}}, "format"},
      {{{"q", "a"}, {"from", "2016"}, {"from", "2016"}}, "from"},
  };
  for (const auto& c : cases) {
    TimelineRequest request;
    auto error = cs::query::parse_timeline_params(c.params, request);
    INFO("expected an error naming " << c.names << "; got: " << error.message);
    CHECK(error.code == ErrorCode::kBadRequest);
    CHECK(error.message.find("'" + c.names + "'") != std::string::npos);
  }
}
