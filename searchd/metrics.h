// Request and index metrics for GET /metrics, in the Prometheus text exposition format.
//
// Requests are counted by route label (from the route table, never the raw path, so the
// number of series stays bounded) and status; latency goes into one histogram per route.
//
// Thread-safety: all methods may be called concurrently (one mutex).
#ifndef CS_SEARCHD_METRICS_H_
#define CS_SEARCHD_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "searchd/response_cache.h"

namespace cs::searchd {

/// Index state shown next to the request metrics.
struct IndexGauges {
  bool up = false;                   ///< an index is open
  std::int64_t documents = 0;        ///< documents in the open generation
  std::int64_t reloads = 0;          ///< generations opened after the first
  std::int64_t reload_failures = 0;  ///< attempts to open a changed index that failed
  CacheUsage cache;                  ///< the live generation's response cache
};

/// Counters and histograms of served requests.
class Metrics {
 public:
  /// Upper bounds (seconds) of the latency histogram buckets, +Inf excluded.
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,  0.5,  1.0,   5.0};

  /// Counts one request on `route` that ended with `status` after `seconds`.
  void record(const std::string& route, int status, double seconds);

  /// Counts one cacheable request answered from the cache (`hit`) or computed.
  void record_cache(bool hit);

  /// The whole exposition text, request metrics plus `index`.
  std::string render(const IndexGauges& index) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::uint64_t cache_hits_ = 0;
  std::uint64_t cache_misses_ = 0;
};

}  // namespace cs::searchd

#endif  // CS_SEARCHD_METRICS_H_
