#!/usr/bin/env bash
# searchd facing slow and greedy clients directly, without nginx (issue 16):
#  1. 300 connections that each send half a request header: /healthz and a search still answer
#     within 1 s, and each half-open connection gets 408 once --request-timeout passes;
#  2. a client that trickles its header one byte at a time is dropped at the deadline;
#  3. beyond --max-connections a new connection is answered 503 with Retry-After at once;
#  4. keep-alive, pipelined requests and a client that half-closes after sending still work;
#  5. a search running past --search-timeout answers 503 naming the limit; others still answer.
# Usage: slow_clients_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

root="$tmp/index"
"$bin/corpus-index" --quiet --out "$root" "$src/corpus" >"$tmp/index.log" 2>&1 ||
  fail "indexing the sample corpus: $(cat "$tmp/index.log")"
start_searchd gate --index "$root" --cache-mb 0 --request-timeout 2 \
  --max-connections 400
port="${base##*:}"

python3 - "$port" >"$tmp/clients.log" 2>&1 <<'PY' || fail "slow clients: $(cat "$tmp/clients.log")"
import http.client, socket, sys, time, urllib.request

port = int(sys.argv[1])
url = f"http://127.0.0.1:{port}"


def check(ok, what):
    if not ok:
        sys.exit("FAIL: " + what)


def timed_get(path):
    start = time.monotonic()
    with urllib.request.urlopen(url + path, timeout=1) as r:
        return r.status, time.monotonic() - start


def read_all(s, limit=5.0):
    s.settimeout(limit)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except socket.timeout:
        pass
    return data


# 1. Half-open connections take no worker: 300 of them, with 4 workers.
held = []
for _ in range(300):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/search?q=a HTTP/1.1\r\nHost: x\r\nX-Slow: ")
    held.append(s)
time.sleep(0.3)
status, seconds = timed_get("/healthz")
check(status == 200 and seconds < 1, f"/healthz under 300 half-open connections: {status} {seconds:.2f}s")
status, seconds = timed_get("/api/search?q=Palmyra")
check(status == 200 and seconds < 1, f"a search under 300 half-open connections: {status}")
time.sleep(2.5)  # past --request-timeout 2
answers = [read_all(s, 1.0) for s in held[:20]]
check(all(a.startswith(b"HTTP/1.1 408") for a in answers),
      f"half-open connections after the deadline: {answers[0][:60]!r}")
check(b"--request-timeout" in answers[0], "the 408 does not name the flag")
for s in held:
    s.close()

# 2. A trickling client is dropped at the deadline although each byte comes quickly.
s = socket.create_connection(("127.0.0.1", port))
start = time.monotonic()
dropped = False
for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 200:
    try:
        s.sendall(bytes([byte]))
    except OSError:
        dropped = True
        break
    time.sleep(0.05)
    if time.monotonic() - start > 4:
        break
answer = read_all(s, 1.0)
check(answer.startswith(b"HTTP/1.1 408") or dropped, f"trickling client not dropped: {answer[:60]!r}")
check(time.monotonic() - start < 4.5, "the trickling client was held past the deadline")
s.close()

# 3. The connection cap answers the excess at once.
idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(400)]
time.sleep(0.5)
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
start = time.monotonic()
answer = read_all(s, 2.0)
check(answer.startswith(b"HTTP/1.1 503"), f"over --max-connections: {answer[:60]!r}")
check(b"\r\nRetry-After: 1\r\n" in answer, "the 503 has no Retry-After")
check(b"--max-connections 400" in answer, "the 503 does not name the limit")
check(time.monotonic() - start < 1, "the 503 was not at once")
for c in idle:
    c.close()
time.sleep(0.5)
status, _ = timed_get("/healthz")
check(status == 200, "/healthz after the idle connections closed")

# 4. Keep-alive, pipelining, half-close.
kept = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
sockets = set()
for _ in range(3):
    kept.request("GET", "/api/search?q=Palmyra")
    reply = kept.getresponse()
    reply.read()
    check(reply.status == 200, f"keep-alive request: {reply.status}")
    sockets.add(id(kept.sock))
check(len(sockets) == 1, "the keep-alive connection was not kept")
kept.close()
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
          b"GET /api/search?q=Palmyra HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
answer = read_all(s)
check(answer.count(b"HTTP/1.1 200") == 2, f"pipelined requests: {answer.count(b'HTTP/1.1 200')} answers")
s = socket.create_connection(("127.0.0.1", port))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
s.shutdown(socket.SHUT_WR)
check(read_all(s).startswith(b"HTTP/1.1 200"), "a half-closed client got no answer")
print("ok")
PY
grep -q '^ok$' "$tmp/clients.log" || fail "slow clients: $(cat "$tmp/clients.log")"
curl -s "$base/metrics" >"$tmp/metrics"
grep -q 'searchd_requests_total{route="connection",status="408"}' "$tmp/metrics" ||
  fail "refused connections are not counted in /metrics"

# --- 5. the search time limit -------------------------------------------------------------------
start_searchd limited --index "$root" --cache-mb 0 --search-timeout 0.000001
expect 503 "$base/api/search?q=Palmyra"
error_mentions "1e-06 s limit"
expect 503 "$base/api/claims?q=killed"
expect 200 "$base/healthz"
start_searchd unlimited --index "$root" --cache-mb 0 --search-timeout 10
expect 200 "$base/api/search?q=Palmyra"
echo "PASS: slow clients"
