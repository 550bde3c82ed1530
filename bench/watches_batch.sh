#!/usr/bin/env bash
# Benchmarks of issue 14 on an existing benchmark index (bench/run.sh builds one): a batch of
# 1,000 entity names (aliases of the bench gazetteer, other spellings than the canonical ones
# where there are any) with corpus-search --batch, and --watch check of 20 watches after a
# reindex that adds 1,000 articles. Works on a copy of the index (cp --reflink=auto), so the
# original stays as it was. Prints medians of 3 runs and the load.
#
# Usage: bench/watches_batch.sh INDEX_ROOT EXTRA_JSONL [BIN_DIR]
#   INDEX_ROOT   a bench index root (e.g. /tmp/bench-work/100k/index)
#   EXTRA_JSONL  articles to add (bench/run.sh leaves extra-<size>.jsonl in BENCH_CACHE)
#   BIN_DIR      Release binaries (default build-bench/bin)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
index="${1:?usage: watches_batch.sh INDEX_ROOT EXTRA_JSONL [BIN_DIR]}"
extra="${2:?usage: watches_batch.sh INDEX_ROOT EXTRA_JSONL [BIN_DIR]}"
bin="${3:-$root/build-bench/bin}"
gazetteer="${BENCH_SHARED:-$root/../shared/bench}/entities.tsv"
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
timed() {  # timed CMD...: wall seconds of one run
  local start=$EPOCHREALTIME
  "$@" >/dev/null || [[ $? == 1 ]]
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
}

echo "copying $index" >&2
cp -a --reflink=auto -- "$index" "$work/index"
# 1,000 names: every alias of the gazetteer, non-canonical first, repeated to 1,000 lines.
python3 - "$gazetteer" >"$work/names.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"))
names = []
for r in rows:
    aliases = [a for a in r["aliases"].split("|") if a and a != r["canonical"]]
    names.extend(aliases or [r["canonical"]])
out = (names * (1000 // len(names) + 1))[:1000]
print("\n".join(out))
PY
echo "batch of $(wc -l <"$work/names.txt") names" >&2
batch=$(for _ in 1 2 3; do timed "$bin/corpus-search" --index "$work/index" --batch "$work/names.txt"; done | median)
resolved=$("$bin/corpus-search" --index "$work/index" --batch "$work/names.txt" --json |
  python3 -c 'import json, sys; rows = [json.loads(l) for l in sys.stdin]; print(sum(1 for r in rows if r["entity"]), len(rows))')

# 20 watches: every 10th query of the bench query file (its text; all kinds).
queries="${BENCH_SHARED:-$root/../shared/bench}/queries.txt"
n=0
line=0
while IFS=$'\t' read -r kind text _ && ((n < 20)); do
  [[ "$kind" == "#"* || -z "$text" ]] && continue
  line=$((line + 1))
  ((line % 10 == 1)) || continue
  n=$((n + 1))
  "$bin/corpus-search" --index "$work/index" --watch add "w$n $kind" -- "$text" >/dev/null
done <"$queries"
mkdir -p "$work/extra"
cp -- "$extra" "$work/extra/"
echo "adding $(wc -l <"$extra") articles in place" >&2
"$bin/corpus-index" --quiet --out "$work/index" "$work/extra" >/dev/null
first_check=$(timed "$bin/corpus-search" --index "$work/index" --watch check)
list=$(for _ in 1 2 3; do timed "$bin/corpus-search" --index "$work/index" --watch list; done | median)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "batch of 1000 names: median ${batch} s (3 runs); ${resolved% *} of ${resolved#* } lines named an entity"
echo "--watch check of $n watches after adding the extra articles: ${first_check} s (first check, records it)"
echo "--watch list of $n watches (counts): median ${list} s (3 runs)"
