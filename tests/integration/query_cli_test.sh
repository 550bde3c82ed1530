#!/usr/bin/env bash
# corpus-search end to end: index the bundled corpus with corpus-index, then check exit codes,
# the --json shape, exports (one line per match), filters, bench mode and the schema check.
# Usage: query_cli_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
index=$tmp/index
search() { "$bin/corpus-search" --index "$index" "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_exit() {  # expect_exit CODE ARGS...: runs corpus-search, checks its exit status
  local want=$1; shift
  local got=0
  search "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  [[ $got == "$want" ]] || fail "corpus-search $* exited $got, wanted $want: $(cat "$tmp/err")"
}

"$bin/corpus-index" --out "$tmp/index" "$src/corpus" >"$tmp/index.log" 2>&1 ||
  fail "corpus-index failed: $(cat "$tmp/index.log")"

# Exit codes as grep: 0 matched, 1 nothing, 2 error with a prefixed message.
expect_exit 0 palmyra
grep -qi palmyra "$tmp/out" || fail "text output lacks the query word"
grep -q $'\e\[' "$tmp/out" && fail "colour escapes written to a pipe"
expect_exit 1 zzyzxqqq
expect_exit 2 --no-such-flag palmyra
grep -q '^corpus-search: ' "$tmp/err" || fail "error not prefixed: $(cat "$tmp/err")"
index=$tmp/missing expect_exit 2 palmyra
grep -q '^corpus-search: .*no index' "$tmp/err" || fail "missing index message: $(cat "$tmp/err")"
expect_exit 2 --sort sideways palmyra
expect_exit 0 '(palmyra OR'   # malformed queries fall back to their words
grep -q 'searched its words instead' "$tmp/err" || fail "no fallback warning"

# --json carries the contract's fields.
search --json palmyra >"$tmp/result.json"
for key in query total total_exact took_ms page page_size hits facets facets_exact timeline \
  suggestion warnings; do
  jq -e "has(\"$key\")" "$tmp/result.json" >/dev/null || fail "--json lacks $key"
done
for key in id title outlet published url score snippet entities duplicates; do
  jq -e ".hits[0] | has(\"$key\")" "$tmp/result.json" >/dev/null || fail "hit lacks $key"
done
for facet in outlet year month person org place source; do
  jq -e ".facets | has(\"$facet\")" "$tmp/result.json" >/dev/null || fail "facets lack $facet"
done
total=$(jq .total "$tmp/result.json")
[[ $total -gt 0 ]] || fail "no matches for palmyra"

# Exports stream every match: one line per match, one CSV record per match (plus the header;
# records hold the article text, so they span lines).
csv_records() { python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(sys.stdin)))'; }
[[ $(search --export jsonl palmyra | wc -l) == "$total" ]] || fail "jsonl export != total"
[[ $(search --export csv palmyra | csv_records) == $((total + 1)) ]] || fail "csv export != total+1"
search --export jsonl palmyra | jq -e 'has("id") and has("title") and has("url")' >/dev/null ||
  fail "jsonl rows lack fields"

# Filters: an excluded outlet removes its articles; browse lists everything newest first.
outlet=$(jq -r '.facets.outlet[0].value' "$tmp/result.json")
outlet_count=$(jq '.facets.outlet[0].count' "$tmp/result.json")
excluded=$(search --json "--outlet=-$outlet" palmyra | jq .total)
[[ $excluded == $((total - outlet_count)) ]] || fail "exclude filter: $excluded != $total - $outlet_count"
only=$(search --json --outlet "$outlet" palmyra | jq .total)
[[ $only == "$outlet_count" ]] || fail "outlet filter: $only != $outlet_count"
docs=$(search --json --sort newest | jq .total)
[[ $docs -ge $total ]] || fail "browse total $docs < $total"

# Bench mode prints latency percentiles as JSON.
printf '# comment\ncommon\tpalmyra\t\nbrowse\t\tfrom=2016-01-01;to=2016-12-31\n' >"$tmp/queries.txt"
search --bench-queries "$tmp/queries.txt" --warmup | jq -e '.overall.p50 >= 0 and .queries == 2' \
  >/dev/null || fail "bench report"

# Over a remote shard (slot spies instead of in-memory columns) the facets are the same.
db=$tmp/index/$(awk '{print $2}' "$tmp/index/XAPIANDB")
if command -v xapian-tcpsrv >/dev/null; then
  port=$((20000 + RANDOM % 20000))
  # Own session: on SIGTERM xapian-tcpsrv signals its whole process group.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --idle-timeout 10000 --quiet "$db" \
    >/dev/null 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
  printf 'remote 127.0.0.1:%s\n' "$port" >"$tmp/remote-stub"
  for _ in 1 2 3 4 5 6 7 8 9 10; do  # wait until the server answers
    rc=0
    index=$tmp/remote-stub search zzz >/dev/null 2>&1 || rc=$?
    [[ $rc != 2 ]] && break
    sleep 0.3
  done
  index=$tmp/remote-stub search --json palmyra | jq -S -c .facets >"$tmp/remote.json"
  jq -S -c .facets "$tmp/result.json" >"$tmp/local.json"
  cmp -s "$tmp/remote.json" "$tmp/local.json" || fail "remote facets differ from local facets"
fi

# An index with another schema version is refused with a reindex hint.
xapian-metadata set "$db" cs:schema_version 999
expect_exit 2 palmyra
grep -q 'reindex' "$tmp/err" || fail "schema version message: $(cat "$tmp/err")"
echo "query_cli: ok"
