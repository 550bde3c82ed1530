#include "searchd/metrics.h"

#include <sstream>

namespace cs::searchd {

void Metrics::record(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::record_cache(bool hit) {
  std::lock_guard lock(mutex_);
  ++(hit ? cache_hits_ : cache_misses_);
}

std::string Metrics::render(const IndexGauges& index) const {
  std::ostringstream out;
  out << "# HELP searchd_requests_total HTTP requests served, by route and status.\n"
         "# TYPE searchd_requests_total counter\n";
  std::lock_guard lock(mutex_);
  std::uint64_t errors = 0;
  for (const auto& [key, count] : requests_) {
    out << "searchd_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << count << "\n";
    if (key.second >= 500) errors += count;
  }
  out << "# HELP searchd_errors_total HTTP requests that ended with a 5xx status.\n"
         "# TYPE searchd_errors_total counter\n"
      << "searchd_errors_total " << errors << "\n";
  out << "# HELP searchd_request_duration_seconds Time from routing to the response written.\n"
         "# TYPE searchd_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "searchd_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
    }
    out << "searchd_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << h.count << "\n"
        << "searchd_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
        << "searchd_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
  }
  out << "# HELP searchd_index_up 1 when an index is open.\n# TYPE searchd_index_up gauge\n"
      << "searchd_index_up " << (index.up ? 1 : 0) << "\n"
      << "# HELP searchd_index_documents Documents in the open index generation.\n"
         "# TYPE searchd_index_documents gauge\n"
      << "searchd_index_documents " << index.documents << "\n"
      << "# HELP searchd_index_reloads_total Index generations swapped in after startup.\n"
         "# TYPE searchd_index_reloads_total counter\n"
      << "searchd_index_reloads_total " << index.reloads << "\n"
      << "# HELP searchd_index_reload_failures_total Failed attempts to open a changed index.\n"
         "# TYPE searchd_index_reload_failures_total counter\n"
      << "searchd_index_reload_failures_total " << index.reload_failures << "\n"
      << "# HELP searchd_cache_requests_total Cacheable requests, by whether the answer came "
         "from the response cache.\n"
         "# TYPE searchd_cache_requests_total counter\n"
      << "searchd_cache_requests_total{result=\"hit\"} " << cache_hits_ << "\n"
      << "searchd_cache_requests_total{result=\"miss\"} " << cache_misses_ << "\n"
      << "# HELP searchd_cache_entries Answers held by the live generation's response cache.\n"
         "# TYPE searchd_cache_entries gauge\n"
      << "searchd_cache_entries " << index.cache.entries << "\n"
      << "# HELP searchd_cache_bytes Bytes held by the live generation's response cache.\n"
         "# TYPE searchd_cache_bytes gauge\n"
      << "searchd_cache_bytes " << index.cache.bytes << "\n";
  return out.str();
}

}  // namespace cs::searchd
