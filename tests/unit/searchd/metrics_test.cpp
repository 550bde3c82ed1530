// Tests of the Prometheus text rendering (searchd/metrics.h).
#include "searchd/metrics.h"

#include <catch2/catch.hpp>

TEST_CASE("metrics: counters, histogram and index gauges", "[searchd][metrics]") {
  cs::searchd::Metrics metrics;
  metrics.record("search", 200, 0.003);
  metrics.record("search", 200, 0.2);
  metrics.record("search", 400, 0.0005);
  metrics.record("doc", 503, 0.0);
  metrics.record_cache(true);
  metrics.record_cache(false);
  metrics.record_cache(true);
  auto text = metrics.render({true, 42, 3, 1, {7, 4096}});
  CHECK_THAT(text, Catch::Contains("searchd_requests_total{route=\"search\",status=\"200\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("searchd_requests_total{route=\"search\",status=\"400\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("searchd_errors_total 1\n"));
  CHECK_THAT(text,
             Catch::Contains(
                 "searchd_request_duration_seconds_bucket{route=\"search\",le=\"0.001\"} 1\n"));
  CHECK_THAT(text,
             Catch::Contains(
                 "searchd_request_duration_seconds_bucket{route=\"search\",le=\"0.005\"} 2\n"));
  CHECK_THAT(
      text,
      Catch::Contains("searchd_request_duration_seconds_bucket{route=\"search\",le=\"+Inf\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("searchd_request_duration_seconds_count{route=\"search\"} 3\n"));
  CHECK_THAT(text, Catch::Contains("searchd_index_up 1\n"));
  CHECK_THAT(text, Catch::Contains("searchd_index_documents 42\n"));
  CHECK_THAT(text, Catch::Contains("searchd_index_reloads_total 3\n"));
  CHECK_THAT(text, Catch::Contains("searchd_index_reload_failures_total 1\n"));
  CHECK_THAT(text, Catch::Contains("# TYPE searchd_request_duration_seconds histogram\n"));
  CHECK_THAT(text, Catch::Contains("searchd_cache_requests_total{result=\"hit\"} 2\n"));
  CHECK_THAT(text, Catch::Contains("searchd_cache_requests_total{result=\"miss\"} 1\n"));
  CHECK_THAT(text, Catch::Contains("searchd_cache_entries 7\n"));
  CHECK_THAT(text, Catch::Contains("searchd_cache_bytes 4096\n"));
}
