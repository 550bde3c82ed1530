// Progress display of corpus-index on stderr: on a terminal a bar redrawn in place at most
// five times a second (percentage of input bytes, articles, articles/s, ETA); otherwise a plain
// line every few seconds (articles, articles/s, MB read), so logs stay readable.
//
// Thread-safety: a ProgressReporter is used from one thread (the pipeline's writing thread).
#ifndef CS_INDEXER_PROGRESS_H_
#define CS_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstdio>
#include <string>

#include "indexer/index_summary.h"

namespace cs {

/// The terminal bar for `p` after `seconds` of work, without the leading '\r'.
std::string progress_bar(const IndexProgress& p, double seconds);

/// The plain progress line for `p` after `seconds` of work, without the newline.
std::string progress_line(const IndexProgress& p, double seconds);

/// Draws progress to a stream, throttled; pass it (by reference) as the ProgressFn.
class ProgressReporter {
 public:
  /// Writes to `out`; `terminal` chooses the redrawn bar over periodic lines.
  ProgressReporter(std::FILE* out, bool terminal);

  /// Shows `p` if enough time has passed since the last display.
  void operator()(const IndexProgress& p);

  /// Ends the display (clears the bar's line on a terminal).
  void finish();

 private:
  std::FILE* out_;
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace cs

#endif  // CS_INDEXER_PROGRESS_H_
