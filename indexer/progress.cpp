#include "indexer/progress.h"

#include <algorithm>

namespace cs {

namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kTerminalInterval = std::chrono::milliseconds(200);
constexpr auto kLineInterval = std::chrono::seconds(5);
constexpr int kBarWidth = 24;

double rate(double count, double seconds) { return seconds > 0 ? count / seconds : 0; }

// "1h02m", "3m05s" or "42s".
std::string format_duration(double seconds) {
  const long s = std::max(0L, static_cast<long>(seconds + 0.5));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, s % 3600 / 60);
  } else if (s >= 60) {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%lds", s);
  }
  return buf;
}

}  // namespace

std::string progress_bar(const IndexProgress& p, double seconds) {
  const double fraction =
      p.bytes_total > 0 ? std::min(1.0, static_cast<double>(p.bytes_done) / p.bytes_total) : 0;
  const int filled = static_cast<int>(fraction * kBarWidth);
  const double byte_rate = rate(static_cast<double>(p.bytes_done), seconds);
  const std::string eta =
      byte_rate > 0 ? format_duration((p.bytes_total - p.bytes_done) / byte_rate) : "?";
  char buf[160];
  std::snprintf(buf, sizeof buf, "[%s%s] %3.0f%% %zu articles, %.0f/s, ETA %s",
                std::string(filled, '#').c_str(), std::string(kBarWidth - filled, '.').c_str(),
                fraction * 100, p.articles, rate(static_cast<double>(p.articles), seconds),
                eta.c_str());
  return buf;
}

std::string progress_line(const IndexProgress& p, double seconds) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu articles, %.0f/s, %.1f of %.1f MB read", p.articles,
                rate(static_cast<double>(p.articles), seconds), p.bytes_done / 1e6,
                p.bytes_total / 1e6);
  return buf;
}

ProgressReporter::ProgressReporter(std::FILE* out, bool terminal)
    : out_(out), terminal_(terminal), start_(Clock::now()), last_(start_) {}

void ProgressReporter::operator()(const IndexProgress& p) {
  const auto now = Clock::now();
  if (now - last_ < (terminal_ ? kTerminalInterval : kLineInterval)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  if (terminal_) {
    std::fprintf(out_, "\r\033[Kcorpus-index: %s", progress_bar(p, seconds).c_str());
  } else {
    std::fprintf(out_, "corpus-index: %s\n", progress_line(p, seconds).c_str());
  }
  std::fflush(out_);
  drawn_ = true;
}

void ProgressReporter::finish() {
  if (terminal_ && drawn_) std::fputs("\r\033[K", out_);
  drawn_ = false;
}

}  // namespace cs
