#!/usr/bin/env bash
# Sharding through Xapian's remote backend, end to end: a corpus indexed whole and split in
# two shards served by xapian-tcpsrv (scripts/shard.sh) must give the same totals, facets and
# hits; searchd serves the shard stub; corpus-search --server matches corpus-search --index;
# a shard server restart is survived and a stopped shard degrades with a warning, never hangs.
# Usage: shards_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
declare -A servers=()  # name -> pid of a background server
cleanup() {
  local pid
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${servers[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv missing (package xapian-tools)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Every client call is bounded: a hang is a failure, not a stuck test.
search() { timeout 60 "$bin/corpus-search" "$@"; }
shard() { timeout 60 bash "$src/scripts/shard.sh" "$@"; }

# --- 40 articles over four outlets, three years and several entities, in two halves --------
outlets=(Reuters AFP "Al Jazeera" BBC)
places=(Aleppo Palmyra Raqqa Idlib Homs Mosul)
actors=("Islamic State" Hezbollah "Syrian Democratic Forces" "Bashar al-Assad" "Vladimir Putin")
verbs=(shelled besieged captured "came under attack in" "was bombarded near")
mkdir -p "$tmp/corpus/a" "$tmp/corpus/b"
for i in $(seq 1 40); do
  half=a; ((i > 20)) && half=b
  outlet=${outlets[i % 4]}
  place=${places[i % 6]}
  actor=${actors[i % 5]}
  verb=${verbs[i % 5]}
  year=$((2015 + i % 3))
  month=$(printf '%02d' $((1 + i % 12)))
  text="Report number $i: $actor forces $verb $place on day $((i * 7)), witnesses said."
  text+=" According to the Syrian Observatory for Human Rights, $((i * 3 + 2)) people were"
  text+=" killed and $((i * 11)) displaced in the $place offensive."
  ((i % 4 == 0)) && text+=" Aid convoys reached the siege lines near Palmyra after talks."
  ((i % 3 == 0)) && text+=" Officials in Damascus described a ceasefire proposal number $i."
  printf '{"id":"art-%02d","title":"%s: %s %s (%d)","text":"%s","outlet":"%s","published":"%s-%s-%02d","url":"https://example.org/%d"}\n' \
    "$i" "$place" "$actor" "$verb" "$i" "$text" "$outlet" "$year" "$month" $((1 + i % 28)) "$i" \
    >>"$tmp/corpus/$half/feed.jsonl"
done
gazetteer=$src/corpus/gazetteer.tsv
index() {  # index OUT INPUT
  "$bin/corpus-index" --out "$1" --gazetteer "$gazetteer" "$2" >"$tmp/index.log" 2>&1 ||
    fail "corpus-index $2 failed: $(cat "$tmp/index.log")"
}
index "$tmp/whole" "$tmp/corpus"
index "$tmp/shard-a" "$tmp/corpus/a"
index "$tmp/shard-b" "$tmp/corpus/b"

# --- serve the halves with xapian-tcpsrv, each in its own session ---------------------------
# (on SIGTERM xapian-tcpsrv signals its whole process group, so never share the test's)
start_shard() {  # start_shard NAME ROOT PORT
  setsid bash "$src/scripts/shard.sh" serve "$2" "$3" --idle-timeout 20000 \
    --active-timeout 20000 2>>"$tmp/shard.log" &
  servers[$1]=$!
}
stop_server() {  # stop_server NAME
  kill "${servers[$1]}" 2>/dev/null || true
  wait "${servers[$1]}" 2>/dev/null || true
  unset "servers[$1]"
}
wait_shards() {  # wait until every shard of the stub answers
  for _ in $(seq 1 50); do
    shard status "$tmp/shards.stub" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  fail "shards did not come up: $(shard status "$tmp/shards.stub" 2>&1) $(cat "$tmp/shard.log")"
}
port_a=$(free_port)
port_b=$(free_port)
start_shard a "$tmp/shard-a" "$port_a"
start_shard b "$tmp/shard-b" "$port_b"
shard stub "$tmp/shards.stub" "127.0.0.1:$port_a" "127.0.0.1:$port_b" 2>/dev/null
[[ $(cat "$tmp/shards.stub") == "remote 127.0.0.1:$port_a"$'\n'"remote 127.0.0.1:$port_b" ]] ||
  fail "stub content: $(cat "$tmp/shards.stub")"
shard stub "$tmp/bad.stub" "no-port-here" 2>/dev/null && fail "stub accepted a shard without port"
shard serve "$tmp/missing" 1 2>/dev/null && fail "serve accepted a missing index root"
wait_shards
shard status "$tmp/shards.stub" >"$tmp/status"
grep -q "127.0.0.1:$port_a.*ok.*20 documents" "$tmp/status" || fail "status: $(cat "$tmp/status")"

# --- the stub answers exactly like the whole index ------------------------------------------
# summary FILE: total and facets (order-independent keys), then the hit ids sorted.
summary() { jq -S -c '{total, facets, timeline}' "$1"; jq -r '.hits[].id' "$1" | sort; }
queries=(
  "--json --facets --limit 100"
  "--json --facets --limit 100 aleppo"
  "--json --facets --limit 100 siege OR ceasefire"
  "--json --facets --limit 100 --outlet Reuters killed"
  "--json --facets --limit 100 --place=-Aleppo --from 2016-01-01 --to 2016-12-31"
  "--json --facets --limit 100 --sort newest entity:hezbollah"
  "--json --facets --limit 100 --org islamic-state displaced"
)
for q in "${queries[@]}"; do
  # shellcheck disable=SC2086  # the query strings are word lists on purpose
  search --index "$tmp/whole" $q >"$tmp/whole.json" || fail "whole index: $q"
  # shellcheck disable=SC2086
  search --index "$tmp/shards.stub" $q >"$tmp/stub.json" || fail "stub: $q"
  [[ $(jq .total "$tmp/whole.json") -gt 0 ]] || fail "no match on the whole index for: $q"
  [[ $(jq '.warnings | length' "$tmp/stub.json") == 0 ]] || fail "warnings for: $q"
  diff <(summary "$tmp/whole.json") <(summary "$tmp/stub.json") >"$tmp/diff" ||
    fail "stub differs from the whole index for '$q': $(head -20 "$tmp/diff")"
done
[[ $(search --index "$tmp/shards.stub" --json --limit 1 | jq .total) == 40 ]] ||
  fail "the stub does not hold 40 articles"

# --- searchd on the stub, and corpus-search --server against it -----------------------------
web_port=$(free_port)
server_url=http://127.0.0.1:$web_port
"$bin/searchd" --index "$tmp/shards.stub" --port "$web_port" --threads 2 2>"$tmp/searchd.log" &
servers[searchd]=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$server_url/healthz" && break; sleep 0.1; done
[[ $(curl -s --max-time 30 "$server_url/healthz" | jq .documents) == 40 ]] ||
  fail "searchd healthz: $(curl -s "$server_url/healthz") $(cat "$tmp/searchd.log")"
api_total() { curl -s --max-time 30 "$server_url/api/search?q=$1" | jq .total; }
[[ $(api_total aleppo) == $(search --index "$tmp/whole" --json aleppo | jq .total) ]] ||
  fail "/api/search total differs from the whole index"

# ids and totals: --server equals --index for several queries, exports included.
for q in "aleppo" "siege OR ceasefire" "--outlet=-BBC killed" "--sort oldest --person assad"; do
  # shellcheck disable=SC2086
  search --index "$tmp/whole" --json --facets --limit 100 $q >"$tmp/whole.json"
  # shellcheck disable=SC2086
  search --server "$server_url" --json --facets --limit 100 $q >"$tmp/server.json" ||
    fail "--server $q failed"
  diff <(summary "$tmp/whole.json") <(summary "$tmp/server.json") >"$tmp/diff" ||
    fail "--server differs from --index for '$q': $(head -20 "$tmp/diff")"
  # shellcheck disable=SC2086
  diff <(search --index "$tmp/whole" --export csv $q | sort) \
    <(search --server "$server_url" --export csv $q | sort) >"$tmp/diff" ||
    fail "--server csv export differs for '$q': $(head -5 "$tmp/diff")"
done
search --server "$server_url" --facets siege >"$tmp/text.out" || fail "--server text output"
grep -qi siege "$tmp/text.out" || fail "--server text output lacks the query word"

expect_exit() {  # expect_exit CODE ARGS...: runs corpus-search, checks its exit status
  local want=$1 got=0
  shift
  search "$@" >"$tmp/out" 2>"$tmp/err" || got=$?
  [[ $got == "$want" ]] || fail "corpus-search $* exited $got, wanted $want: $(cat "$tmp/err")"
}
expect_exit 1 --server "$server_url" zzyzxqqq
expect_exit 2 --server "$server_url" --from 2017 --to 2016 aleppo
# The client checks parameters with the server's own rules, so it names the problem itself.
grep -q "^corpus-search: .*'from' must not be after 'to'" "$tmp/err" ||
  fail "a bad date range is not explained: $(cat "$tmp/err")"
expect_exit 2 --index "$tmp/whole" --from 2017 --to 2016 aleppo  # and locally the same way
grep -q "^corpus-search: .*'from' must not be after 'to'" "$tmp/err" ||
  fail "a bad date range is not explained locally: $(cat "$tmp/err")"
dead_url=http://127.0.0.1:$(free_port)
expect_exit 2 --server "$dead_url" aleppo
grep -q "^corpus-search: .*$dead_url" "$tmp/err" || fail "dead server message: $(cat "$tmp/err")"
expect_exit 2 --server "$dead_url" --export jsonl aleppo
expect_exit 2 --server "not-a-url" aleppo
expect_exit 2 --server "$server_url" --index "$tmp/whole" aleppo
grep -q "excludes" "$tmp/err" || fail "--server with --index: $(cat "$tmp/err")"

# --- a shard server restart does not wedge searchd (it reconnects and retries) --------------
stop_server a
start_shard a "$tmp/shard-a" "$port_a"
wait_shards
for _ in 1 2 3 4; do  # every worker's Searcher meets its broken connection once
  [[ $(api_total aleppo) == $(search --index "$tmp/whole" --json aleppo | jq .total) ]] ||
    fail "searchd after a shard restart: $(curl -s --max-time 30 "$server_url/api/search?q=aleppo")"
done

# --- one shard stopped: results from the other, with a warning; no hang ---------------------
stop_server b
shard status "$tmp/shards.stub" >"$tmp/status" && fail "status says a stopped shard is up"
grep -q "127.0.0.1:$port_b.*unreachable" "$tmp/status" || fail "status: $(cat "$tmp/status")"
expected=$(search --index "$tmp/shard-a" --json aleppo | jq .total)
search --index "$tmp/shards.stub" --json aleppo >"$tmp/degraded.json" ||
  fail "the stub with one shard down failed"
[[ $(jq .total "$tmp/degraded.json") == "$expected" ]] || fail "degraded total"
jq -r '.warnings[]' "$tmp/degraded.json" | grep -q "shard 127.0.0.1:$port_b unreachable" ||
  fail "no unreachable-shard warning: $(jq -c .warnings "$tmp/degraded.json")"
search --index "$tmp/shards.stub" aleppo 2>"$tmp/err" >/dev/null || fail "text search degraded"
grep -q "warning: shard 127.0.0.1:$port_b unreachable" "$tmp/err" || fail "no warning on stderr"
for _ in 1 2 3; do
  curl -s --max-time 30 "$server_url/api/search?q=aleppo" >"$tmp/api.json"
  [[ $(jq .total "$tmp/api.json") == "$expected" ]] || fail "searchd degraded: $(cat "$tmp/api.json")"
  jq -r '.warnings[]' "$tmp/api.json" | grep -q "unreachable" || fail "searchd: no warning"
done
stop_server a
expect_exit 2 --index "$tmp/shards.stub" aleppo
grep -q "no shard" "$tmp/err" || fail "all shards down: $(cat "$tmp/err")"
echo "shards: ok"
