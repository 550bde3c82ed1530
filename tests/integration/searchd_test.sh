#!/usr/bin/env bash
# searchd end to end over HTTP: every endpoint and status, hostile inputs, export, reload.
# Usage: searchd_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
source "$src/tests/integration/lib.sh"

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect_status() {
  local want="$1"; shift
  local got; got="$(status "$@")"
  [[ "$got" == "$want" ]] || fail "expected $want, got $got for: $*"
}

# --- a small corpus with hostile markup ----------------------------------------------------
mkdir -p "$tmp/corpus"
cat >"$tmp/corpus/palmyra.txt" <<'TXT'
Syrian army retakes Palmyra

The Syrian army said on Sunday it had retaken Palmyra from Islamic State fighters after
weeks of fighting around the ancient city, according to the Syrian Observatory for Human Rights.
TXT
cat >"$tmp/corpus/aleppo.txt" <<'TXT'
Air strikes hit eastern Aleppo

Air strikes hit rebel-held districts of eastern Aleppo on Tuesday, residents said, as
government forces pressed an offensive. Palmyra was also mentioned by officials.
TXT
cat >"$tmp/corpus/hostile.txt" <<'TXT'
Report <script>alert(1)</script> from Raqqa <img src=x onerror=alert(1)>

Fighting near Raqqa <script>alert(1)</script> continued, and <img src=x onerror=alert(1)>
witnesses said Palmyra convoys passed "quickly" & quietly.
TXT
"$bin/corpus-index" --out "$tmp/index" "$tmp/corpus" >"$tmp/index.log" 2>&1 ||
  { cat "$tmp/index.log" >&2; fail "corpus-index failed"; }

start_searchd main --index "$tmp/index" --pid-file "$tmp/searchd.pid"
main_pid="$pid"
main_base="$base"
[[ "$(cat "$tmp/searchd.pid")" == "$main_pid" ]] || fail "pid file does not hold searchd's pid"

# --- health and search -----------------------------------------------------------------------
health="$(curl -sf "$base/healthz")"
[[ "$(echo "$health" | json 'd["status"], d["documents"]')" == "ok 3" ]] || fail "healthz: $health"

search="$(curl -sf "$base/api/search?q=palmyra&size=10")"
echo "$search" | json 'd["total"]' | grep -qx 3 || fail "palmyra should match 3: $search"
echo "$search" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for key in ["query","total","total_exact","took_ms","page","page_size","hits","facets",
            "facets_exact","timeline","suggestion","warnings"]:
    assert key in d, key
hit = d["hits"][0]
for key in ["id","title","outlet","published","url","score","snippet","entities","duplicates"]:
    assert key in hit, key
for f in ["outlet","year","month","person","org","place","source"]:
    assert f in d["facets"], f
assert any("<mark>" in h["snippet"] for h in d["hits"])
for h in d["hits"]:
    s = h["snippet"].replace("<mark>", "").replace("</mark>", "")
    assert "<" not in s and ">" not in s, h["snippet"]
' || fail "search JSON shape"
doc_id="$(echo "$search" | json 'd["hits"][0]["id"]')"

curl -sf "$base/api/search?q=palmyra&size=1&page=2" | json 'd["page"], len(d["hits"])' |
  grep -qx "2 1" || fail "paging"

# --- response cache: a repeated request is answered from the cache, byte for byte -----------
# cache_check URL WANT: the request's X-Cache header is WANT ("none" when absent).
cache_check() {
  local got
  got="$(curl -sf -D - -o "$tmp/cached.json" "$1" | tr -d '\r' | sed -n 's/^[Xx]-[Cc]ache: //p')"
  [[ "${got:-none}" == "$2" ]] || fail "X-Cache for $1: want $2, got ${got:-none}"
}
cache_check "$base/api/search?q=aleppo&size=5" miss
cp "$tmp/cached.json" "$tmp/computed.json"
cache_check "$base/api/search?q=aleppo&size=5" hit
cmp -s "$tmp/computed.json" "$tmp/cached.json" || fail "the cached answer differs"
cache_check "$base/api/search?q=aleppo&size=6" miss
cache_check "$base/api/doc/$doc_id/related" miss
cache_check "$base/api/doc/$doc_id/related" hit
expect_status 400 "$base/api/search?q=aleppo&size=0"  # errors are never cached
expect_status 400 "$base/api/search?q=aleppo&size=0"
[[ "$(curl -sf "$base/api/search?q=raqqa" | json 'd["total"]')" == 1 ]] || fail "raqqa"

# --- bad parameters: 400 with a message naming the parameter ---------------------------------
for case in "size=1000:size" "page=0:page" "sort=bogus:sort" "bogus=1:bogus" "collapse=maybe:collapse" \
            "from=2016-13:from" "outlet=:outlet"; do
  query="${case%%:*}"
  name="${case##*:}"
  body="$(curl -s -w '\n%{http_code}' "$base/api/search?$query")"
  [[ "$(tail -n1 <<<"$body")" == 400 ]] || fail "$query should be 400"
  head -n1 <<<"$body" | json 'd["error"]' | grep -q "'$name'" || fail "$query: error must name $name"
done

# --- documents ---------------------------------------------------------------------------------
curl -sf "$base/api/doc/$doc_id" | json 'd["id"], "text" in d' | grep -qx "$doc_id True" || fail "doc"
expect_status 204 "$base/favicon.ico"  # issue 20: no 404 for the browser's icon request
expect_status 404 "$base/api/doc/no-such-article"
curl -s "$base/api/doc/no-such-article" | json 'd["error"]' >/dev/null || fail "404 body is JSON"
expect_status 200 "$base/api/doc/$doc_id/related"
curl -sf "$base/api/doc/$doc_id/related" | json '"hits" in d' | grep -qx True || fail "related shape"
expect_status 404 "$base/api/doc/no-such-article/related"

# --- export: every match, line count = total --------------------------------------------------
total="$(curl -sf "$base/api/search?q=palmyra" | json 'd["total"]')"
lines="$(curl -sf "$base/api/export?q=palmyra&format=jsonl" | wc -l)"
[[ "$lines" == "$total" ]] || fail "jsonl export has $lines lines, total is $total"
curl -sf "$base/api/export?q=palmyra&format=jsonl" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert all("id" in r and "text" in r for r in rows)' || fail "jsonl rows are JSON articles"
curl -sf "$base/api/export?q=palmyra&format=csv" | python3 -c "
import csv, sys
rows = list(csv.reader(sys.stdin))
assert rows[0][0] == 'id', rows[0]
assert len(rows) - 1 == $total, len(rows)
assert all(len(r) == len(rows[0]) for r in rows)
assert any('<script>alert(1)</script>' in c for r in rows for c in r)" || fail "csv export"
expect_status 400 "$base/api/export?format=xml"

# --- page, static files, traversal -------------------------------------------------------------
page_headers="$(curl -sf -D - -o "$tmp/page.html" "$base/")"
grep -qi "^content-security-policy: default-src 'self'" <<<"$page_headers" || fail "CSP header"
grep -q 'src="/static/app.js"' "$tmp/page.html" || fail "page loads app.js"
grep -qi "<script>[^<]" "$tmp/page.html" && fail "inline script in page"
expect_status 200 "$base/static/app.js"
expect_status 200 "$base/static/style.css"
expect_status 404 --path-as-is "$base/static/../CMakeLists.txt"
expect_status 404 --path-as-is "$base/static/%2e%2e/CMakeLists.txt"
expect_status 404 --path-as-is "$base/static/%2e%2e%2fCMakeLists.txt"
expect_status 404 --path-as-is "$base/static/..%2f..%2fCMakeLists.txt"
expect_status 404 "$base/static/missing.js"

# A symlink inside a web folder that points out of it is refused.
cp -r "$src/searchd/web" "$tmp/web"
echo secret >"$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/web/leak.txt"
ln -s "$tmp" "$tmp/web/up"
start_searchd web --index "$tmp/index" --web "$tmp/web" --cache-mb 0
cache_check "$base/api/search?q=aleppo&size=5" none
cache_check "$base/api/search?q=aleppo&size=5" none
expect_status 200 "$base/static/app.js"
expect_status 404 "$base/static/leak.txt"
expect_status 404 "$base/static/up/secret.txt"
kill "$pid"; wait "$pid" 2>/dev/null || true
base="$main_base"

# --- hostile requests --------------------------------------------------------------------------
long="$(head -c 9000 /dev/zero | tr '\0' a)"
expect_status 414 "$base/api/search?q=$long"
got="$(status -X POST -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/corpus/palmyra.txt" "$base/api/search")"
[[ "$got" == 415 || "$got" == 405 || "$got" == 400 ]] || fail "chunked body accepted ($got)"
got="$(status -H 'Transfer-Encoding: chunked' -H 'Content-Type: text/plain' --data-binary x -X GET "$base/api/search")"
[[ "$got" == 415 ]] || fail "GET with chunked body should be 415 ($got)"
expect_status 415 -H 'Content-Encoding: gzip' "$base/healthz"
expect_status 416 -H 'Range: bytes=0-1,2-3' "$base/static/app.js"
expect_status 206 -H 'Range: bytes=0-9' "$base/static/app.js"

# --- metrics -----------------------------------------------------------------------------------
metrics="$(curl -sf "$base/metrics")"
grep -q '^searchd_requests_total{route="search",status="200"} [1-9]' <<<"$metrics" || fail "metrics: search 200"
grep -q '^searchd_requests_total{route="search",status="400"} [1-9]' <<<"$metrics" || fail "metrics: search 400"
grep -q '^searchd_request_duration_seconds_bucket{route="search",le="+Inf"} [1-9]' <<<"$metrics" ||
  fail "metrics: histogram"
grep -q '^searchd_index_documents 3$' <<<"$metrics" || fail "metrics: documents"
grep -q '^searchd_index_reloads_total 0$' <<<"$metrics" || fail "metrics: reloads"
grep -q '^searchd_cache_requests_total{result="hit"} [1-9]' <<<"$metrics" || fail "metrics: cache hits"
grep -q '^searchd_cache_entries [1-9]' <<<"$metrics" || fail "metrics: cache entries"
grep -Eq '^(GET|POST) /api/search 400 [0-9.]+ms$' "$tmp/main.log" || fail "access log line"

# --- reload: a new generation is picked up, SIGHUP forces a reopen ----------------------------
# A cached answer dies with its generation: "ceasefire" matches nothing now, from the cache.
[[ "$(curl -sf "$base/api/search?q=ceasefire" | json 'd["total"]')" == 0 ]] || fail "no ceasefire yet"
cache_check "$base/api/search?q=ceasefire" hit
cat >"$tmp/corpus/homs.txt" <<'TXT'
Ceasefire declared in Homs

A ceasefire was declared in Homs on Friday, according to local officials.
TXT
"$bin/corpus-index" --out "$tmp/index" "$tmp/corpus" >"$tmp/index2.log" 2>&1 || fail "reindex"
for _ in $(seq 1 50); do
  [[ "$(curl -sf "$base/healthz" | json 'd["documents"]')" == 4 ]] && break
  sleep 0.1
done
[[ "$(curl -sf "$base/healthz" | json 'd["documents"]')" == 4 ]] || fail "new generation not picked up"
[[ "$(curl -sf "$base/api/search?q=ceasefire" | json 'd["total"]')" == 1 ]] ||
  fail "search new generation (a stale cached answer?)"
kill -HUP "$main_pid"
for _ in $(seq 1 50); do
  grep -q '^searchd_index_reloads_total 2$' <(curl -sf "$base/metrics") && break
  sleep 0.1
done
grep -q '^searchd_index_reloads_total 2$' <(curl -sf "$base/metrics") || fail "SIGHUP reload not counted"
expect_status 200 "$base/api/search?q=palmyra"

# --- no index: 503, then comes up when an index appears ---------------------------------------
mkdir -p "$tmp/empty"
start_searchd empty --index "$tmp/empty/index"
expect_status 503 "$base/healthz"
expect_status 503 "$base/api/search?q=palmyra"
curl -s "$base/api/search?q=x" | json 'd["error"]' | grep -q "no index" || fail "503 message"
expect_status 200 "$base/"
"$bin/corpus-index" --out "$tmp/empty/index" "$tmp/corpus" >"$tmp/index3.log" 2>&1 || fail "late index"
for _ in $(seq 1 50); do [[ "$(status "$base/healthz")" == 200 ]] && break; sleep 0.1; done
expect_status 200 "$base/healthz"

# --- --match-threads: out of range refused at start; one thread answers as the default -----------
rc=0
"$bin/searchd" --index "$tmp/index" --match-threads 0 >"$tmp/threads.out" 2>&1 || rc=$?
[[ $rc == 2 ]] && grep -q -- "--match-threads" "$tmp/threads.out" ||
  fail "--match-threads 0 should exit 2 naming the flag (exit $rc): $(cat "$tmp/threads.out")"
start_searchd one_thread --index "$tmp/index" --match-threads 1
[[ "$(curl -sf "$base/api/search?q=palmyra" | json 'd["total"]')" == 3 ]] ||
  fail "searchd --match-threads 1 should find palmyra 3 times"

# --- graceful stop -----------------------------------------------------------------------------
kill -TERM "$main_pid"
wait "$main_pid" || fail "searchd did not exit 0 on SIGTERM"
[[ ! -e "$tmp/searchd.pid" ]] || fail "pid file left behind"
echo "searchd integration: OK"
