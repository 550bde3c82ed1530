#include "searchd/gated_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cs::searchd {
namespace {

using Clock = std::chrono::steady_clock;

Clock::time_point after(double seconds) {
  return Clock::now() +
         std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

/// Milliseconds from now until `deadline`, at least 0.
int millis_until(Clock::time_point deadline) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left, 0, 60'000));
}

/// One client connection and the bytes received on it but not yet read by httplib.
struct Connection {
  int fd = -1;
  std::string buffer;
  std::size_t start = 0;    ///< first unread byte of `buffer`
  std::size_t scanned = 0;  ///< header end searched up to here
  int requests_left = 0;
  bool idle = false;  ///< a keep-alive connection with nothing of its next request yet
  Clock::time_point deadline;

  std::size_t unread() const { return buffer.size() - start; }
  /// Whether the unread bytes hold a whole request header (up to its blank line).
  bool header_complete() {
    const std::size_t from = std::max(start, scanned >= 3 ? scanned - 3 : 0);
    scanned = buffer.size();
    return buffer.find("\r\n\r\n", from) != std::string::npos;
  }
  void consume(std::size_t n) {
    start += n;
    if (start == buffer.size()) {
      buffer.clear();
      start = scanned = 0;
    }
  }
  ~Connection() {
    if (fd >= 0) {
      ::shutdown(fd, SHUT_RDWR);
      ::close(fd);
    }
  }
};

using ConnectionPtr = std::shared_ptr<Connection>;

/// What reading a connection's waiting bytes found.
enum class Received { kOpen, kEnded, kFailed };

/// Reads what is waiting on the socket into `c.buffer` without blocking (at most a little over
/// kMaxHeaderBytes).
Received receive_waiting(Connection& c) {
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::recv(c.fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      c.buffer.append(chunk, static_cast<std::size_t>(n));
      if (c.unread() > kMaxHeaderBytes) return Received::kOpen;
      continue;
    }
    if (n == 0) return Received::kEnded;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK ? Received::kOpen : Received::kFailed;
  }
}

/// Sends a whole short response without waiting for a slow reader, then ends the connection.
void refuse(Connection& c, int status, const char* reason, const std::string& message,
            bool retry_later) {
  const std::string body = "{\"error\":\"" + message + "\"}\n";
  std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                     "\r\nContent-Type: application/json\r\nConnection: close\r\n";
  if (retry_later) head += "Retry-After: 1\r\n";
  head += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  const std::string all = head + body;
  (void)::send(c.fd, all.data(), all.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  receive_waiting(c);  // unread input would turn the close into a reset that hides the answer
  ::shutdown(c.fd, SHUT_WR);
}

/// httplib's view of a connection: reads come from the bytes the gate received, then from the
/// socket until the request's deadline; writes wait for the client up to the write timeout.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(Connection& c, const GateLimits& limits, Clock::time_point deadline)
      : c_(c), limits_(limits), deadline_(deadline) {}

  bool is_readable() const override { return c_.unread() > 0 || wait(POLLIN); }
  bool is_writable() const override { return wait(POLLOUT); }

  ssize_t read(char* ptr, std::size_t size) override {
    if (c_.unread() > 0) {
      const std::size_t n = std::min(size, c_.unread());
      std::copy_n(c_.buffer.data() + c_.start, n, ptr);
      c_.consume(n);
      return static_cast<ssize_t>(n);
    }
    for (;;) {
      if (!wait(POLLIN)) return -1;
      const ssize_t n = ::recv(c_.fd, ptr, size, MSG_DONTWAIT);
      if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return n;
    }
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    for (;;) {
      if (!wait(POLLOUT)) return -1;
      const ssize_t n = ::send(c_.fd, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address(::getsockname, ip, port);
  }
  socket_t socket() const override { return c_.fd; }

 private:
  /// Waits for `events`: reads until the earlier of the read timeout and the request's
  /// deadline, writes up to the write timeout.
  bool wait(short events) const {
    const bool reading = events == POLLIN;
    const Clock::time_point limit =
        reading ? std::min(deadline_, after(limits_.read_timeout)) : after(limits_.write_timeout);
    pollfd p{c_.fd, events, 0};
    for (;;) {
      const int ready = ::poll(&p, 1, millis_until(limit));
      if (ready < 0 && errno == EINTR) continue;
      return ready > 0 && (p.revents & events) != 0 && (p.revents & (POLLERR | POLLNVAL)) == 0;
    }
  }

  template <typename Lookup>
  void address(Lookup lookup, std::string& ip, int& port) const {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    ip.clear();
    port = 0;
    if (lookup(c_.fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return;
    char text[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
      const auto* in = reinterpret_cast<const sockaddr_in*>(&addr);
      ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
      port = ntohs(in->sin_port);
    } else if (addr.ss_family == AF_INET6) {
      const auto* in = reinterpret_cast<const sockaddr_in6*>(&addr);
      ::inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
      port = ntohs(in->sin6_port);
    }
    ip = text;
  }

  Connection& c_;
  const GateLimits& limits_;
  Clock::time_point deadline_;
};

/// The task queue httplib's accept loop uses: it runs each task (our process_and_close_socket)
/// at once on the accept thread, which only hands the socket to the gate.
class InlineQueue final : public httplib::TaskQueue {
 public:
  explicit InlineQueue(GatedServer::Gate& gate);
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override;

 private:
  GatedServer::Gate& gate_;
};

}  // namespace

/// The gate thread, the worker pool and the counts the limits apply to.
class GatedServer::Gate {
 public:
  Gate(GatedServer& server, const GateLimits& limits, Metrics& metrics)
      : server_(server), limits_(limits), metrics_(metrics) {}

  /// Starts the gate thread and the workers (when httplib starts listening).
  void start() {
    stopping_ = false;
    // httplib listens with a backlog of 5: a burst of clients would wait for SYN retries.
    ::listen(server_.svr_sock_, SOMAXCONN);
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    pool_ = std::make_unique<httplib::ThreadPool>(static_cast<std::size_t>(limits_.workers));
    thread_ = std::thread([this] { run(); });
  }

  /// Closes waiting connections, lets requests in flight finish, joins every thread.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake();
    if (thread_.joinable()) thread_.join();
    if (pool_) pool_->shutdown();
    pool_.reset();
    std::lock_guard lock(mutex_);
    arriving_.clear();
    if (wake_fd_ >= 0) ::close(wake_fd_);
    wake_fd_ = -1;
  }

  /// Takes a socket just accepted: refused at once when too many connections are open.
  void admit(int fd) {
    auto c = std::make_shared<Connection>();
    c->fd = fd;
    c->requests_left = limits_.keep_alive_max;
    c->deadline = after(limits_.request_timeout);
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (open_.fetch_add(1) >= limits_.max_connections) {
      refuse_counted(*c, 503, "Service Unavailable",
                     "too many open connections (searchd --max-connections " +
                         std::to_string(limits_.max_connections) + "); retry shortly",
                     true);
      return;
    }
    hand_to_gate(std::move(c));
  }

 private:
  void wake() {
    if (wake_fd_ >= 0) (void)::eventfd_write(wake_fd_, 1);
  }

  void hand_to_gate(ConnectionPtr c) {
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) {
        arriving_.push_back(std::move(c));
        c = nullptr;
      }
    }
    if (c) {
      closed(*c);
      return;
    }
    wake();
  }

  /// Forgets a connection that is about to be destroyed (its destructor closes the socket).
  void closed(Connection&) { open_.fetch_sub(1); }

  void refuse_counted(Connection& c, int status, const char* reason, const std::string& message,
                      bool retry_later) {
    refuse(c, status, reason, message, retry_later);
    metrics_.record("connection", status, 0);
    closed(c);
  }

  /// A connection whose header is complete goes to a worker, or is refused when the workers
  /// and their queue are full.
  void dispatch(ConnectionPtr c) {
    if (in_flight_.fetch_add(1) >= limits_.workers + limits_.max_queued) {
      in_flight_.fetch_sub(1);
      refuse_counted(*c, 503, "Service Unavailable",
                     "all " + std::to_string(limits_.workers) +
                         " workers are busy and the queue is full; retry shortly",
                     true);
      return;
    }
    pool_->enqueue([this, c = std::move(c)]() mutable { serve(std::move(c)); });
  }

  /// On a worker: answers the one request whose header the connection holds, then hands the
  /// connection back to the gate for the next one (keep-alive) or closes it.
  void serve(ConnectionPtr c) {
    bool keep = false;
    {
      ConnectionStream stream(*c, limits_, after(limits_.request_timeout));
      bool connection_closed = false;
      const bool last = c->requests_left <= 1 || stopping_;
      keep = server_.process_request(stream, last, connection_closed, nullptr) &&
             !connection_closed && !last;
    }
    in_flight_.fetch_sub(1);
    if (!keep) {
      closed(*c);
      return;
    }
    c->requests_left -= 1;
    c->scanned = c->start;
    if (c->unread() > 0 && c->header_complete()) {
      dispatch(std::move(c));  // a pipelined request is already here
      return;
    }
    c->idle = c->unread() == 0;
    c->deadline = after(c->idle ? limits_.keep_alive_timeout : limits_.request_timeout);
    hand_to_gate(std::move(c));
  }

  /// The gate thread: waits for bytes on every held connection, dispatches complete headers,
  /// ends connections whose deadline passed.
  void run() {
    std::vector<ConnectionPtr> held;
    std::vector<pollfd> polled;
    for (;;) {
      {
        std::lock_guard lock(mutex_);
        if (stopping_) break;
        for (auto& c : arriving_) held.push_back(std::move(c));
        arriving_.clear();
      }
      polled.assign(1, pollfd{wake_fd_, POLLIN, 0});
      Clock::time_point next = after(1);
      for (const auto& c : held) {
        polled.push_back(pollfd{c->fd, POLLIN, 0});
        next = std::min(next, c->deadline);
      }
      if (::poll(polled.data(), polled.size(), millis_until(next)) < 0) {
        if (errno != EINTR) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      if (polled[0].revents != 0) {
        eventfd_t ignored;
        (void)::eventfd_read(wake_fd_, &ignored);
      }
      const Clock::time_point now = Clock::now();
      std::size_t kept = 0;
      for (std::size_t i = 0; i < held.size(); ++i) {
        ConnectionPtr& c = held[i];
        if (visit(c, polled[i + 1].revents, now)) held[kept++] = std::move(c);
      }
      held.resize(kept);
    }
    for (auto& c : held) closed(*c);
  }

  /// One held connection after poll: whether it stays held.
  bool visit(ConnectionPtr& c, short revents, Clock::time_point now) {
    if (revents != 0) {
      const std::size_t before = c->unread();
      const Received received = receive_waiting(*c);
      if (c->idle && c->unread() > before) {
        c->idle = false;  // the next request began: it has the whole request timeout
        c->deadline = after(limits_.request_timeout);
      }
      // A client may send its request and then close its side: the request is still answered.
      if (received != Received::kFailed && c->header_complete()) {
        dispatch(std::move(c));
        return false;
      }
      if (received != Received::kOpen) {
        closed(*c);
        return false;
      }
      if (c->unread() > kMaxHeaderBytes) {
        refuse_counted(
            *c, 431, "Request Header Fields Too Large",
            "the request header is larger than " + std::to_string(kMaxHeaderBytes / 1024) + " KB",
            false);
        return false;
      }
    }
    if (now < c->deadline) return true;
    if (c->idle) {
      closed(*c);  // an idle keep-alive connection simply ends
    } else {
      refuse_counted(*c, 408, "Request Timeout",
                     "the request did not arrive within " + format_seconds() +
                         " s (searchd --request-timeout)",
                     false);
    }
    return false;
  }

  std::string format_seconds() const {
    char text[32];
    std::snprintf(text, sizeof text, "%g", limits_.request_timeout);
    return text;
  }

  GatedServer& server_;
  const GateLimits limits_;
  Metrics& metrics_;
  std::atomic<int> open_{0};       ///< connections accepted and not yet closed
  std::atomic<int> in_flight_{0};  ///< requests queued for or running on a worker
  std::mutex mutex_;
  std::atomic<bool> stopping_{false};    ///< set under mutex_, read anywhere
  std::vector<ConnectionPtr> arriving_;  ///< handed to the gate, not yet polled
  int wake_fd_ = -1;
  std::unique_ptr<httplib::ThreadPool> pool_;
  std::thread thread_;
};

namespace {

InlineQueue::InlineQueue(GatedServer::Gate& gate) : gate_(gate) { gate_.start(); }

void InlineQueue::shutdown() { gate_.stop(); }

}  // namespace

GatedServer::GatedServer(const GateLimits& limits, Metrics& metrics)
    : gate_(std::make_unique<Gate>(*this, limits, metrics)) {
  new_task_queue = [this] { return new InlineQueue(*gate_); };
  set_keep_alive_max_count(static_cast<std::size_t>(limits.keep_alive_max));
  set_keep_alive_timeout(static_cast<time_t>(limits.keep_alive_timeout));  // its header says so
}

GatedServer::~GatedServer() = default;

bool GatedServer::process_and_close_socket(socket_t sock) {
  gate_->admit(sock);
  return true;
}

}  // namespace cs::searchd
