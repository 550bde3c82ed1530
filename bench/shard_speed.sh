#!/usr/bin/env bash
# Shards on one box for speed: the 200 benchmark queries against one index and against the same
# articles in shards served by xapian-tcpsrv on loopback (Xapian's matcher asks remote shards
# concurrently), in process (corpus-search --bench-queries, warm) and over HTTP (searchd without
# its response cache, wrk -t2 -c8). Prints one markdown table row per setup.
#
# Usage: bench/shard_speed.sh ONE_INDEX "SHARD_ROOT SHARD_ROOT..." ["SHARD_ROOT..."]...
#   e.g. bench/shard_speed.sh /tmp/bench-work/1m/index "/tmp/s2-1 /tmp/s2-2"
# Environment: CS_BIN_DIR (default build-bench/bin, Release), BENCH_SHARED (default
# ../shared/bench), WRK_DURATION (default 20s).
set -euo pipefail
repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${CS_BIN_DIR:-$repo/build-bench/bin}"
queries="${BENCH_SHARED:-$repo/../shared/bench}/queries.txt"
(($# >= 2)) || { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
for tool in "$bin/corpus-search" "$bin/searchd" "$queries"; do
  [[ -e $tool ]] || { echo "shard_speed: $tool missing" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "shard_speed: wrk missing" >&2; exit 2; }
work=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# measure LABEL INDEX: one table row
measure() {
  local label=$1 index=$2 port url
  "$bin/corpus-search" --index "$index" --bench-queries "$queries" --warmup \
    >"$work/inproc.json" 2>"$work/inproc.err" ||
    { echo "shard_speed: corpus-search failed: $(cat "$work/inproc.err")" >&2; exit 1; }
  port=$(free_port)
  url="http://127.0.0.1:$port"
  "$bin/searchd" --host 127.0.0.1 --port "$port" --index "$index" --cache-mb 0 \
    >"$work/searchd.log" 2>&1 &
  local searchd_pid=$!
  for _ in $(seq 1 300); do curl -fs "$url/healthz" >/dev/null && break; sleep 1; done
  wrk -t2 -c2 -d5s -s "$repo/bench/wrk_queries.lua" "$url" -- "$queries" >/dev/null
  wrk -t2 -c8 -d"${WRK_DURATION:-20s}" --timeout 10s -s "$repo/bench/wrk_queries.lua" "$url" \
    -- "$queries" | sed -n 's/^wrk-json: //p' >"$work/http.json"
  local rss
  rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$searchd_pid/status")
  kill "$searchd_pid"
  wait "$searchd_pid" 2>/dev/null || true
  python3 - "$label" "$work/inproc.json" "$work/http.json" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import json, sys
label, inproc, http, rss, load = sys.argv[1:6]
q = json.load(open(inproc))
h = json.load(open(http))
e = h["socket_errors"]
failed = h["non_2xx"] + e["connect"] + e["read"] + e["write"] + e["timeout"]
lat = q["overall"]
print("| %s | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %d | %s MB | %s |"
      % (label, lat["p50"], lat["p95"], lat["p99"], h["qps"], h["latency_ms"]["p50"],
         h["latency_ms"]["p99"], failed, rss, load))
PY
}

echo "| setup | in process p50 ms | p95 | p99 | HTTP req/s | HTTP p50 ms | p99 | failed | searchd RSS | load |"
echo "|---|---|---|---|---|---|---|---|---|---|"
measure "one index" "$1"
shift
for group in "$@"; do
  read -r -a roots <<<"$group"
  stub="$work/shards-${#roots[@]}.stub"
  : >"$stub"
  for root in "${roots[@]}"; do
    port=$(free_port)
    setsid bash "$repo/scripts/shard.sh" serve "$root" "$port" --active-timeout 120000 \
      >/dev/null 2>>"$work/shard.log" &
    pids+=("$!")
    echo "remote 127.0.0.1:$port" >>"$stub"
  done
  for _ in $(seq 1 50); do
    bash "$repo/scripts/shard.sh" status "$stub" >/dev/null 2>&1 && break
    sleep 0.2
  done
  measure "${#roots[@]} shards" "$stub"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  pids=()
done
