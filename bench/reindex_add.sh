#!/usr/bin/env bash
# The incremental-add measurement of bench/run.sh, runnable on its own against an index that
# already exists (a 1M build takes about an hour; this takes seconds): scripts/reindex.sh on the
# indexed folder after one new JSON Lines file is dropped into it, first 1 article, then 1,000
# others, each timed, with the peak growth of the index root during the run as its extra disk.
# The articles are the lines of EXTRA (the first, then the rest) with their ids made new for
# this run, so that every run adds articles the index does not have; the files stay in the
# folder, as a scraper's would.
# Usage: bench/reindex_add.sh BIN_DIR CORPUS_DIR INDEX_ROOT EXTRA_JSONL [MEASURES_TSV]
# Prints (and appends to MEASURES_TSV, bench/run.sh's format) reindex_N_seconds and
# reindex_N_extra_disk_bytes for N = 1 and 1000. Exit status 1 when a reindex fails.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if (($# < 4)); then
  sed -n '9,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
bin="$1" corpus="$2" index="$3" extra="$4" measures="${5:-/dev/null}"
[[ -d $corpus && -s $extra ]] || { echo "reindex_add: no folder $corpus or no articles in $extra" >&2; exit 2; }

record() { printf '%s\t%s\n' "$1" "$2" | tee -a "$measures"; }
bytes_of() { du -sb "$1" | cut -f1; }
run="add-$(date +%Y%m%d-%H%M%S)-$$"
trap 'rm -f -- "$corpus/.$run"-*.tmp' EXIT
new_ids='.id = $p + (.id // error("an article without an id") | tostring)'
head -n 1 "$extra" | jq -c --arg p "$run-" "$new_ids" >"$corpus/.$run-1.tmp"
tail -n +2 "$extra" | jq -c --arg p "$run-" "$new_ids" >"$corpus/.$run-1000.tmp"
for n in 1 1000; do
  # Named .tmp (not read) while written, then renamed into place: the reindex sees it whole.
  mv "$corpus/.$run-$n.tmp" "$corpus/$run-$n.jsonl"
  before_bytes="$(bytes_of "$index")"
  start="$EPOCHREALTIME"
  CS_BIN_DIR="$bin" "$root/scripts/reindex.sh" "$corpus" "$index" >&2 &
  reindex_pid=$!
  peak_bytes="$before_bytes"
  while kill -0 "$reindex_pid" 2>/dev/null; do
    now_bytes="$(bytes_of "$index" 2>/dev/null || echo 0)"
    ((now_bytes > peak_bytes)) && peak_bytes="$now_bytes"
    sleep 0.1
  done
  wait "$reindex_pid" || { echo "reindex_add: scripts/reindex.sh failed" >&2; exit 1; }
  record "reindex_${n}_seconds" "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')"
  record "reindex_${n}_extra_disk_bytes" "$((peak_bytes - before_bytes))"
done
