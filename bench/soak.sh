#!/usr/bin/env bash
# Soak: searchd under steady load for a long while, with the index changing under it. Measures
# capacity (wrk at full speed), then runs wrk at a fraction of it (default 80%) for MINUTES in
# 30-second rounds (latency over time), while scripts/reindex.sh adds a file of new articles
# every 30 s (in place) and one --full rebuild runs a few minutes in. searchd's RSS and open
# file descriptors are sampled every 5 s. Aim: no failed request, RSS and descriptors flat
# after the warm-up.
#
# Usage: bench/soak.sh [--minutes N] [--size 10k|100k|1m] [--share PERCENT] [--out DIR]
# Needs the benchmark corpus and its extra articles in $BENCH_CACHE (default /tmp/bench-corpus,
# as bench/run.sh leaves them: corpus-SIZE.jsonl, extra-SIZE.jsonl), the Release build of
# bench/run.sh (build-bench/, built here if missing) and wrk. The index is built under
# $BENCH_WORK/soak-SIZE (default /tmp/bench-work) and kept for the next run; the rounds, samples
# and a results.md go to --out (default bench/results/DATE-soak-SIZE).
set -euo pipefail
repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
minutes=10
size=100k
share=80
out=""
while (($#)); do
  case "$1" in
    --minutes) minutes=${2:?--minutes needs a number}; shift ;;
    --size) size=${2:?--size needs 10k, 100k or 1m}; shift ;;
    --share) share=${2:?--share needs a percentage}; shift ;;
    --out) out=${2:?--out needs a folder}; shift ;;
    -h | --help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ $minutes =~ ^[1-9][0-9]*$ ]] || { echo "soak: --minutes must be a positive number" >&2; exit 2; }
[[ $share =~ ^[1-9][0-9]?$ ]] || { echo "soak: --share must be 1-99" >&2; exit 2; }
cache="${BENCH_CACHE:-/tmp/bench-corpus}"
corpus_file="$cache/corpus-$size.jsonl"
extra_file="$cache/extra-$size.jsonl"
for f in "$corpus_file" "$extra_file"; do
  [[ -f $f ]] || { echo "soak: $f missing (bench/run.sh --size $size makes it)" >&2; exit 2; }
done
queries="${BENCH_SHARED:-$repo/../shared/bench}/queries.txt"
[[ -f $queries ]] || { echo "soak: $queries missing (set BENCH_SHARED)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "soak: wrk missing (scripts/deps.sh --test)" >&2; exit 2; }
out="${out:-$repo/bench/results/$(date +%Y%m%d-%H%M)-soak-$size}"
work="${BENCH_WORK:-/tmp/bench-work}/soak-$size"
mkdir -p "$out" "$work/corpus"
bin="$repo/build-bench/bin"
if [[ ! -x $bin/searchd || ! -x $bin/corpus-index ]]; then
  BUILD_DIR="$repo/build-bench" BUILD_TYPE=Release BUILD_TARGETS="corpus-index corpus-search searchd" \
    bash "$repo/scripts/build.sh" -DCS_BUILD_TESTS=OFF >"$out/build.log" 2>&1
fi
export CS_BIN_DIR="$bin"
log() { echo "soak: $*" >&2; }

# --- the index: the corpus once, then each soak's added files are removed again --------------
rm -f "$work"/corpus/add-*.jsonl
ln -sf "$corpus_file" "$work/corpus/corpus.jsonl"
log "indexing $size (kept for later runs; the added files of an earlier soak are removed)"
bash "$repo/scripts/reindex.sh" --quiet --allow-shrink "$work/corpus" "$work/index" >"$out/index.log" 2>&1

# --- searchd, without the response cache -------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
"$bin/searchd" --host 127.0.0.1 --port "$port" --index "$work/index" --cache-mb 0 \
  >"$out/searchd.log" 2>&1 &
searchd_pid=$!
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # A reindex the writer started holds the root's lock: stop it too.
  pkill -f -- "--out $work/index" 2>/dev/null || true
  kill "$searchd_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  curl -fs "$url/healthz" >/dev/null && break
  sleep 1
done
curl -fs "$url/healthz" >/dev/null || { log "searchd did not start: $(cat "$out/searchd.log")"; exit 1; }

wrk_round() {  # wrk_round SECONDS [DELAY_MS]: one wrk run, prints its wrk-json line
  WRK_DELAY_MS="${2:-}" wrk -t2 -c8 -d"${1}s" --timeout 10s -s "$repo/bench/wrk_queries.lua" \
    "$url" -- "$queries" | sed -n 's/^wrk-json: //p'
}

log "warm-up and capacity (wrk -t2 -c8 for 20 s at full speed)"
wrk_round 10 >/dev/null
wrk_round 20 >"$out/capacity.json"
read -r capacity failed_at_capacity < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
e = r["socket_errors"]
print(r["qps"], r["non_2xx"] + e["connect"] + e["read"] + e["write"] + e["timeout"])' \
  "$out/capacity.json")
((failed_at_capacity == 0)) ||
  { log "$failed_at_capacity requests failed at full speed; see $out/capacity.json"; exit 1; }
target=$(python3 -c "print(round($capacity * $share / 100, 1))")
# 8 connections, each pausing before each request: rate = 8 / (pause + latency). The latency
# below capacity is unknown beforehand, so the pause starts from the rate alone and each round
# corrects it by what the last one achieved.
delay_ms=$(python3 -c "print(round(8000 / $target))")
log "capacity $capacity req/s; soaking at $target req/s ($share%) for $minutes min"

# --- samplers and the writer -------------------------------------------------------------------
(
  echo -e "seconds\trss_kb\tfds"
  start=$(date +%s)
  while kill -0 "$searchd_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$searchd_pid/status" 2>/dev/null || echo 0)
    fds=$(ls "/proc/$searchd_pid/fd" 2>/dev/null | wc -l)
    echo -e "$(($(date +%s) - start))\t$rss\t$fds"
    sleep 5
  done
) >"$out/samples.tsv" &
pids+=($!)
(
  echo -e "seconds\tkind\texit\ttook_s\tsummary"
  start=$(date +%s)
  line=1
  round=0
  full_at=$((minutes * 60 / 4))  # one full rebuild a quarter of the way in
  while (($(date +%s) - start < minutes * 60)); do
    round=$((round + 1))
    kind=add
    if ((round * 30 >= full_at && full_at > 0)); then kind=full; full_at=0; fi
    sed -n "${line},$((line + 49))p" "$extra_file" >"$work/corpus/add-$round.jsonl"
    line=$((line + 50))
    t0=$(date +%s.%N)
    args=(--quiet)
    [[ $kind == full ]] && args+=(--full)
    rc=0
    summary=$(bash "$repo/scripts/reindex.sh" "${args[@]}" "$work/corpus" "$work/index" 2>&1) || rc=$?
    took=$(python3 -c "print(round($(date +%s.%N) - $t0, 1))")
    echo -e "$(($(date +%s) - start))\t$kind\t$rc\t$took\t${summary//$'\n'/ }"
    sleep "$(python3 -c "print(max(0, 30 - $took))")"
  done
) >"$out/reindex.tsv" &
writer_pid=$!
pids+=("$writer_pid")

# --- the load, in 30-second rounds -------------------------------------------------------------
rounds=$((minutes * 2))
for r in $(seq 1 "$rounds"); do
  wrk_round 30 "$delay_ms" | tee -a "$out/rounds.jsonl" >"$out/last-round.json"
  if ! kill -0 "$searchd_pid" 2>/dev/null; then
    log "searchd died (round $r)"
    kill "$writer_pid" 2>/dev/null || true
    break
  fi
  delay_ms=$(python3 -c '
import json, sys
achieved = json.load(open(sys.argv[1]))["qps"]
delay, target = float(sys.argv[2]), float(sys.argv[3])
print(max(0, round(delay + 8000 / target - 8000 / max(achieved, 1))))' \
    "$out/last-round.json" "$delay_ms" "$target")
done
wait "$writer_pid" || true
alive=yes
kill -0 "$searchd_pid" 2>/dev/null || alive=no
python3 - "$out" "$capacity" "$share" "$minutes" "$size" "$alive" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$target" <<'PY'
import csv, json, sys
out, capacity, share, minutes, size, alive, load, target = sys.argv[1:9]
rounds = [json.loads(l) for l in open(out + "/rounds.jsonl") if l.strip()]
samples = list(csv.DictReader(open(out + "/samples.tsv"), delimiter="\t"))
writes = list(csv.DictReader(open(out + "/reindex.tsv"), delimiter="\t"))
def errors(r):
    e = r["socket_errors"]
    return r["non_2xx"] + e["connect"] + e["read"] + e["write"] + e["timeout"]
failed = sum(errors(r) for r in rounds)
requests = sum(r["requests"] for r in rounds)
after = [s for s in samples if int(s["seconds"]) >= 120] or samples  # after the warm-up
rss = [int(s["rss_kb"]) // 1024 for s in after]
fds = [int(s["fds"]) for s in after]
lines = ["# Soak: %s, %s min at %s%% of capacity" % (size, minutes, share), "",
         "Capacity (wrk -t2 -c8, cache off): %.0f req/s; target %s req/s. searchd alive at the "
         "end: %s. Load average at the end: %s." % (float(capacity), target, alive, load), "",
         "- requests: %d (%.1f req/s over the rounds), failed (non-2xx or socket errors): %d"
         % (requests, requests / (30.0 * max(len(rounds), 1)), failed),
         "- searchd RSS after the first 2 min: %d-%d MB (first %d, last %d)"
         % (min(rss), max(rss), rss[0], rss[-1]),
         "- open descriptors after the first 2 min: %d-%d (first %d, last %d)"
         % (min(fds), max(fds), fds[0], fds[-1]),
         "- index writes: %d in place, %d full; failed: %d"
         % (sum(w["kind"] == "add" for w in writes), sum(w["kind"] == "full" for w in writes),
            sum(w["exit"] != "0" for w in writes)), "",
         "| round | req/s | p50 ms | p99 ms | max ms | failed |", "|---|---|---|---|---|---|"]
for i, r in enumerate(rounds, 1):
    l = r["latency_ms"]
    lines.append("| %d | %.1f | %.1f | %.1f | %.1f | %d |"
                 % (i, r["qps"], l["p50"], l["p99"], l["max"], errors(r)))
lines += ["", "| at s | write | exit | took s |", "|---|---|---|---|"]
lines += ["| %s | %s | %s | %s |" % (w["seconds"], w["kind"], w["exit"], w["took_s"])
          for w in writes]
open(out + "/results.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines[:9]))
PY
log "results in $out/results.md"
