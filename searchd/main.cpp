// searchd: the HTTP search API and web page over a corpus-index index.
//
// Startup order matters: SIGINT/SIGTERM/SIGHUP are blocked before any thread exists, so only
// the dedicated signal thread receives them (sigwait): SIGHUP asks the live index to reload,
// SIGINT/SIGTERM stop the server gracefully (requests in flight finish).
#include <httplib.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <thread>

#include "searchd/config.h"
#include "searchd/gated_server.h"
#include "searchd/live_index.h"
#include "searchd/metrics.h"
#include "searchd/routes.h"
#include "searchd/server_setup.h"
#include "searchd/static_files.h"

namespace {

sigset_t handled_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

/// Waits for signals until a stop signal arrives, then stops `server`.
void handle_signals(sigset_t set, httplib::Server& server, cs::searchd::LiveIndex& index) {
  for (;;) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    if (signal == SIGHUP) {
      std::fprintf(stderr, "searchd: SIGHUP: reloading the index\n");
      index.request_reload();
      continue;
    }
    std::fprintf(stderr, "searchd: stopping\n");
    server.stop();
    return;
  }
}

/// Raises the open-file limit to its hard maximum and returns how many connections fit in it
/// (`wanted` or fewer, leaving room for the index's files).
int connections_that_fit(int wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
    getrlimit(RLIMIT_NOFILE, &limit);
  }
  constexpr rlim_t kReserved = 256;  // databases, the state file, logs, the listener
  if (limit.rlim_cur == RLIM_INFINITY ||
      limit.rlim_cur >= kReserved + static_cast<rlim_t>(wanted)) {
    return wanted;
  }
  const int fit = limit.rlim_cur > kReserved * 2 ? static_cast<int>(limit.rlim_cur - kReserved)
                                                 : static_cast<int>(limit.rlim_cur / 2);
  std::fprintf(stderr,
               "searchd: warning: the open-file limit (%llu) allows %d connections, not %d "
               "(raise it with ulimit -n)\n",
               static_cast<unsigned long long>(limit.rlim_cur), fit, wanted);
  return fit;
}

bool write_pid_file(const std::string& path) {
  std::ofstream out(path, std::ios::trunc);
  out << ::getpid() << "\n";
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  cs::searchd::Config config;
  switch (cs::searchd::parse_config(argc, argv, config)) {
    case cs::searchd::ParseOutcome::kExitOk:
      return 0;
    case cs::searchd::ParseOutcome::kExitError:
      return 2;
    case cs::searchd::ParseOutcome::kRun:
      break;
  }
  sigset_t signals = handled_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  cs::searchd::Metrics metrics;
  cs::searchd::StaticFiles files(config.web_dir);
  cs::searchd::LiveIndex index(config.index, static_cast<std::size_t>(config.cache_mb) << 20,
                               config.search_timeout, config.match_threads);
  index.start();

  cs::searchd::GateLimits limits;
  limits.workers = config.threads;
  limits.max_queued = 4 * config.threads;
  limits.max_connections = connections_that_fit(config.max_connections);
  limits.request_timeout = config.request_timeout;
  cs::searchd::GatedServer server(limits, metrics);
  cs::searchd::configure_server(server, metrics);
  std::string token;
  if (!config.write_token_file.empty()) {
    std::string error;
    const auto read = cs::searchd::read_write_token(config.write_token_file, error);
    if (!read) {
      std::fprintf(stderr, "searchd: %s\n", error.c_str());
      return 2;
    }
    token = *read;
  }
  const cs::searchd::WriteGuard writes(cs::searchd::is_loopback_host(config.host), token);
  cs::searchd::ServiceContext context{index, metrics, files, writes, config.state, config.index};
  cs::searchd::install_routes(server, context);
  if (!server.bind_to_port(config.host, config.port)) {
    std::fprintf(stderr, "searchd: cannot listen on %s:%d\n", config.host.c_str(), config.port);
    return 2;
  }
  if (!config.pid_file.empty() && !write_pid_file(config.pid_file)) {
    std::fprintf(stderr, "searchd: cannot write pid file %s\n", config.pid_file.c_str());
    return 2;
  }
  std::fprintf(stderr, "searchd: listening on http://%s:%d/ (%d workers, web %s)\n",
               config.host.c_str(), config.port, config.threads, config.web_dir.c_str());
  if (!cs::searchd::is_loopback_host(config.host)) {
    std::fprintf(stderr,
                 "searchd: warning: %s is reachable from other machines; searchd has no password "
                 "and no TLS, so expose it through nginx instead "
                 "(scripts/nginx/searchd.conf)\n",
                 config.host.c_str());
  }
  std::thread signal_thread(handle_signals, signals, std::ref(server), std::ref(index));
  bool ok = server.listen_after_bind();
  if (!ok) {
    std::fprintf(stderr, "searchd: server stopped with an error\n");
    kill(getpid(), SIGTERM);  // wake the signal thread so it can be joined
  }
  signal_thread.join();
  if (!config.pid_file.empty()) std::remove(config.pid_file.c_str());
  return ok ? 0 : 1;
}
