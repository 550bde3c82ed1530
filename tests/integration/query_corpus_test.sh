#!/usr/bin/env bash
# corpus-search on an index of corpus/ (plus one syndicated copy): phrases, entity filters in
# different spellings, free-text aliases, date ranges, excludes, sort orders, paging past the
# end, collapse of duplicates, export row counts and exit codes.
# Usage: query_corpus_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir "$work/corpus"
cp "$src"/corpus/*.txt "$src"/corpus/manifest.tsv "$src"/corpus/gazetteer.tsv "$work/corpus/"
# A syndicated copy of the ARA News report under another file name.
cp "$src/corpus/003_3e5b1aeaa37e44e8.txt" "$work/corpus/005_syndicated_copy.txt"
"$bin/corpus-index" --quiet --out "$work/idx" "$work/corpus" >/dev/null

search() { "$bin/corpus-search" --index "$work/idx" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
total() {  # the total of a search; exit 1 (no match) is an answer too
  local out status=0
  out="$(search --json "$@")" || status=$?
  ((status <= 1)) || fail "corpus-search $* exited $status"
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' <<<"$out"
}
expect_total() {  # expect_total N ARGS...
  local want="$1"; shift
  local got; got="$(total "$@")"
  [[ "$got" == "$want" ]] || fail "corpus-search $* gave total $got, expected $want"
}

# Phrases: words in order only.
expect_total 4 '"ancient city of Palmyra"'
expect_total 0 '"Palmyra of city ancient"'

# Entity filters accept any spelling, and free text naming an entity finds every spelling.
for spelling in ISIL ISIS Daesh "Islamic State" islamic-state; do
  expect_total 6 --org "$spelling"
done
for spelling in "Deir al-Zor" "Deir Ezzor" "DEIR EZ ZOR" "Dayr az-Zawr"; do
  expect_total 5 --place "$spelling"
done
expect_total 5 deir ezzor
expect_total 5 '"Deir al-Zor"'
expect_total 3 'person:"Rami Abdel Rahman"'

# Date ranges, inclusive, with month precision and open ends.
expect_total 2 --from 2016-12 --to 2016-12 palmyra
expect_total 3 --to 2016-04 palmyra
expect_total 3 --from 2016-04 palmyra          # two in December and the April one
expect_total 2 'date:2016-03-01..2016-03-31 palmyra'

# Excludes.
expect_total 5 --outlet=-ZeroHedge palmyra
expect_total 5 'palmyra -Khanaser'
expect_total 0 'palmyra -ISIL'                 # excluding an entity excludes every spelling of it

# Sort orders: newest first, oldest first, undated articles last either way.
python3 - "$bin" "$work/idx" <<'PY'
import json, subprocess, sys
bin_dir, idx = sys.argv[1], sys.argv[2]
def hits(*args):
    out = subprocess.run([f"{bin_dir}/corpus-search", "--index", idx, "--json", "--limit", "10", *args],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)
newest = [h["published"] for h in hits("--sort", "newest", "palmyra")["hits"]]
oldest = [h["published"] for h in hits("--sort", "oldest", "palmyra")["hits"]]
assert newest[0] == "2016-12-11" and newest[-1] is None, newest
assert oldest[0] == "2016-03" and oldest[-1] is None, oldest
dated = [d for d in newest if d]
assert dated == sorted(dated, reverse=True), newest
# Paging past the end: the total stays, the page is empty.
past = hits("--page", "9", "palmyra")
assert past["total"] == 6 and past["hits"] == [], past
# Collapse folds the syndicated copy into one hit that counts it.
folded = hits("--collapse", "palmyra")
assert len(folded["hits"]) == 5, [h["id"] for h in folded["hits"]]
assert sum(h["duplicates"] for h in folded["hits"]) == 1, folded["hits"]
print("sort, paging and collapse: ok")
PY

# Export: one row per match.
rows=$(search --export csv palmyra | tail -n +2 | python3 -c 'import csv,sys; print(sum(1 for _ in csv.reader(sys.stdin)))')
[[ "$rows" == "6" ]] || fail "export gave $rows rows, expected 6"

# Exit codes.
set +e
search zzyzxqqq >/dev/null; [[ $? == 1 ]] || fail "no match should exit 1"
search --index "$work/nope" palmyra >/dev/null 2>&1; [[ $? == 2 ]] || fail "missing index should exit 2"
set -e
echo "corpus queries: all checks passed"
