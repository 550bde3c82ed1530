#!/usr/bin/env bash
# Watches, Atom feeds and batch search end to end, on a small generated corpus:
#  1. a watch made with `corpus-search --watch add`, one with POST /api/watches, both new=0;
#  2. an incremental corpus-index run adds matching and non-matching articles: `--watch check`
#     reports exactly the new matches once (exit 0, then 1), GET .../new records nothing,
#     POST .../seen does;
#  3. the Atom feed parses and has what Atom requires;
#  4. the write guard refuses cross-site writes, bad names and bad queries are 400s naming them;
#  5. a --write-token-file searchd wants the token (401 / 201), --host 0.0.0.0 alone refuses (403);
#  6. batch search of 1,000 lines (aliases, unknown names, empty, over-long, invalid UTF-8 lines)
#     by the CLI (JSON Lines, CSV) and by POST /api/batch: a row per line, right entities/totals;
#  7. a corrupt state file: the watch routes answer 503, search goes on, the CLI exits 2;
#  8. scripts/reindex.sh reports the watches a run brought matches to and runs --on-new.
# Usage: watches_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

# watch_body NAME QUERY: the JSON body of POST /api/watches.
watch_body() { python3 -c 'import json,sys; print(json.dumps({"name": sys.argv[1], "query": sys.argv[2]}))' "$1" "$2"; }
last_added() { "$bin/corpus-index" --status --json --out "$root" | json 'd["last_added"]'; }
iso() { python3 -c 'import sys; s=sys.argv[1]; print(f"{s[0:4]}-{s[4:6]}-{s[6:8]}T{s[8:10]}:{s[10:12]}:{s[12:14]}Z")' "$1"; }

# --- the corpus: a gazetteer with aliases, a manifest, four articles --------------------------
corpus="$tmp/corpus"
root="$tmp/index"
mkdir -p "$corpus"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
  id type subtype region canonical aliases \
  islamic-state organisation armed JH "Islamic State" "Islamic State|ISIS|ISIL|Daesh" \
  palmyra place city SY Palmyra "Palmyra|Tadmur" \
  bashar-al-assad person leader SY "Bashar al-Assad" "Bashar al-Assad|Assad|Bashar Assad" \
  >"$corpus/gazetteer.tsv"
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
  file id outlet published author url notes \
  old-tiyas.txt "" Reuters 2016-03-01 "" "" "" \
  old-qaryatayn.txt "" AFP 2016-03-05 "" "" "" \
  palmyra.txt "" AFP 2016-03-27 "" "" "" \
  homs.txt "" "ARA News" 2016-02-27 "" "" "" \
  >"$corpus/manifest.tsv"
cat >"$corpus/old-tiyas.txt" <<'TXT'
Jets strike near Tiyas airbase

Syrian jets struck positions near the Tiyas airbase on Tuesday, and Daesh fighters said they
had repelled an attack on the road to the base.
TXT
cat >"$corpus/old-qaryatayn.txt" <<'TXT'
Fighting around Qaryatayn

Islamic State fighters held the town of Qaryatayn on Saturday as government forces shelled it,
residents said.
TXT
cat >"$corpus/palmyra.txt" <<'TXT'
Syrian army retakes Palmyra

The Syrian army said on Sunday it had retaken Palmyra from ISIS fighters after weeks of
fighting. President Bashar al-Assad called it an important achievement.
TXT
cat >"$corpus/homs.txt" <<'TXT'
Ceasefire declared in Homs

A ceasefire was declared in Homs on Saturday, according to local officials.
TXT
"$bin/corpus-index" --out "$root" "$corpus" >"$tmp/index1.log" 2>&1 ||
  { cat "$tmp/index1.log" >&2; fail "first corpus-index run"; }
stamp1="$(last_added)"
[[ "$stamp1" =~ ^[0-9]{14}$ ]] || fail "last_added is not a 14-digit stamp: '$stamp1'"

start_searchd main --cache-mb 0 --index "$root"
main="$base"

# --- 1. watch A by the CLI, watch B by the API; both listed, nothing new --------------------
name_a="Tiyas airbase (Reuters)"
run_rc cs --watch add "$name_a" --outlet Reuters tiyas
((rc == 0)) || fail "--watch add exited $rc: $(cat "$tmp/err")"
expect 201 -X POST -H 'Content-Type: application/json' \
  --data-binary "$(watch_body Qaryatayn 'q=qaryatayn&outlet=AFP')" "$main/api/watches"
id_b="$(json 'd["id"]' <"$tmp/body")"
json 'd["name"], d["query"], d["new"]' <"$tmp/body" | grep -qx "Qaryatayn q=qaryatayn&outlet=AFP 0" ||
  fail "POST /api/watches answer: $(cat "$tmp/body")"

# check_list FILE A_NEW B_NEW: a {"watches": [...]} listing holds A and B with these counts.
check_list() {
  python3 - "$1" "$name_a" "$id_b" "$2" "$3" <<'PY' || fail "watch list $1: $(cat "$1")"
import json, sys
path, name_a, id_b, new_a, new_b = sys.argv[1:]
watches = json.load(open(path))["watches"]
assert len(watches) == 2, watches
by_name = {w["name"]: w for w in watches}
a, b = by_name[name_a], by_name["Qaryatayn"]
for w in watches:
    assert set(w) == {"id", "name", "query", "created", "checked", "seen", "new"}, w
assert "q=tiyas" in a["query"] and "outlet=Reuters" in a["query"], a
assert b["id"] == int(id_b) and b["query"] == "q=qaryatayn&outlet=AFP", b
assert (a["new"], b["new"]) == (int(new_a), int(new_b)), (a["new"], b["new"])
PY
}
cs --watch list --json >"$tmp/list.json" || fail "--watch list --json"
check_list "$tmp/list.json" 0 0
curl -sf "$main/api/watches" >"$tmp/list.json" || fail "GET /api/watches"
check_list "$tmp/list.json" 0 0
json '[w["checked"] for w in d["watches"]]' <"$tmp/list.json" | grep -qx '\[None, None\]' ||
  fail "new watches should not be checked yet: $(cat "$tmp/list.json")"

# --- 2. an incremental run adds 2 matches of A, 1 of B and 2 articles neither matches ------
cat >"$corpus/added.jsonl" <<'JSONL'
{"id":"tiyas-reuters-1","title":"Drone downed over Tiyas airbase","text":"A drone was shot down over the Tiyas airbase on Monday, a military source said.","outlet":"Reuters","published":"2016-04-04"}
{"id":"tiyas-reuters-2","title":"Tiyas airbase shelled again","text":"Shells fell on the Tiyas airbase for a second day, the monitoring group said.","outlet":"Reuters","published":"2016-04-05"}
{"id":"tiyas-afp","title":"Tiyas airbase quiet","text":"The Tiyas airbase was quiet on Wednesday, AFP's correspondent said.","outlet":"AFP","published":"2016-04-06"}
{"id":"qaryatayn-new","title":"Aid convoy reaches Qaryatayn \"at last\" & unloads","text":"An aid convoy reached Qaryatayn on Thursday after weeks of siege, the UN said.","outlet":"AFP","published":"2016-04-07"}
JSONL
cat >"$corpus/daraa.txt" <<'TXT'
Talks stall over Daraa

Negotiators said talks about the southern city of Daraa had stalled again.
TXT
"$bin/corpus-index" --out "$root" "$corpus" >"$tmp/index2.log" 2>&1 ||
  { cat "$tmp/index2.log" >&2; fail "incremental corpus-index run"; }
grep -q "in place" "$tmp/index2.log" || fail "the incremental run was not made in place: $(cat "$tmp/index2.log")"
grep -q "indexed 5" "$tmp/index2.log" || fail "expected 5 new articles: $(cat "$tmp/index2.log")"
stamp2="$(last_added)"
[[ "$stamp2" > "$stamp1" ]] || fail "last_added did not move: $stamp1 -> $stamp2"

cs --watch list --json >"$tmp/list.json" || fail "--watch list --json after the run"
check_list "$tmp/list.json" 2 1

run_rc cs --watch check "$name_a" --json
((rc == 0)) || fail "--watch check A exited $rc (want 0): $(cat "$tmp/err")"
python3 - "$tmp/out" "$name_a" "$(iso "$stamp1")" "$(iso "$stamp2")" <<'PY' || fail "check A: $(cat "$tmp/out")"
import json, sys
path, name, since, seen = sys.argv[1:]
d = json.load(open(path))
assert len(d["watches"]) == 1, d
w = d["watches"][0]
assert w["watch"]["name"] == name and w["watch"]["new"] == 2, w["watch"]
assert w["since"] == since and w["seen"] == seen, (w["since"], w["seen"], since, seen)
assert w["total"] == 2, w["total"]
assert sorted(h["id"] for h in w["hits"]) == ["tiyas-reuters-1", "tiyas-reuters-2"], w["hits"]
PY
run_rc cs --watch check "$name_a" --json
((rc == 1)) || fail "second --watch check A exited $rc (want 1, nothing new): $(cat "$tmp/out" "$tmp/err")"
json 'd["watches"][0]["total"], len(d["watches"][0]["hits"])' <"$tmp/out" | grep -qx "0 0" ||
  fail "second check reports something: $(cat "$tmp/out")"
run_rc cs --watch check "$name_a"
((rc == 1)) && grep -q "nothing new" "$tmp/out" || fail "text check: exit $rc, $(cat "$tmp/out")"
# --since asks about a time instead of the last check, and records nothing.
cs --watch list --json --since "$(iso "$stamp1")" >"$tmp/list.json" || fail "--watch list --since"
check_list "$tmp/list.json" 2 1
cs --watch list --json >"$tmp/list.json" || fail "--watch list after the checks"
check_list "$tmp/list.json" 0 1  # checking A left B alone

# searchd picks up the in-place update (a new revision of the live generation).
for _ in $(seq 1 50); do
  [[ "$(curl -sf "$main/healthz" | json 'd["documents"]')" == 9 ]] && break
  sleep 0.1
done
[[ "$(curl -sf "$main/healthz" | json 'd["documents"]')" == 9 ]] || fail "searchd did not see the new articles"

# news_of FILE: total, hit ids, since, seen and the watch's new count of a /new answer.
news_of() { json 'd["total"], [h["id"] for h in d["hits"]], d["since"], d["seen"], d["watch"]["id"], d["watch"]["new"]' <"$1"; }
expect 200 "$main/api/watches/$id_b/new"
cp "$tmp/body" "$tmp/new1.json"
[[ "$(news_of "$tmp/new1.json")" == "1 ['qaryatayn-new'] $(iso "$stamp1") $(iso "$stamp2") $id_b 1" ]] ||
  fail "GET /api/watches/$id_b/new: $(news_of "$tmp/new1.json")"
json '"hits" in d and "total_exact" in d and "query" in d' <"$tmp/new1.json" | grep -qx True ||
  fail "/new is not a search result: $(cat "$tmp/new1.json")"
expect 200 "$main/api/watches/$id_b/new"
[[ "$(news_of "$tmp/body")" == "$(news_of "$tmp/new1.json")" ]] || fail "a second GET .../new answers differently (GET recorded something?)"
expect 200 "$main/api/watches/$id_b/new?size=1&since=$(iso "$stamp1")"
expect 400 "$main/api/watches/$id_b/new?size=0"
error_mentions "'size'"
expect 400 "$main/api/watches/$id_b/new?since=yesterday"
error_mentions "'since'"
expect 404 "$main/api/watches/9999/new"
expect 404 "$main/api/watches/abc/new"

# An empty body (Content-Length: 0, as browsers send) records "everything indexed now". NOTE: a
# POST with no Content-Length at all (plain `curl -X POST URL`) waits for the 5 s read timeout
# and gets 400 "request refused" (cpp-httplib reads such a body to EOF), so send the header.
expect 200 -X POST -H 'Content-Length: 0' "$main/api/watches/$id_b/seen"
json 'd["seen"], d["checked"] is not None' <"$tmp/body" | grep -qx "$(iso "$stamp2") True" ||
  fail "POST .../seen answer: $(cat "$tmp/body")"
expect 200 "$main/api/watches/$id_b/new"
[[ "$(news_of "$tmp/body")" == "0 [] $(iso "$stamp2") $(iso "$stamp2") $id_b 0" ]] ||
  fail "after POST .../seen: $(news_of "$tmp/body")"
expect 200 "$main/api/watches/$id_b/new?since=$(iso "$stamp1")"
json 'd["total"]' <"$tmp/body" | grep -qx 1 || fail "?since= should still show the article: $(cat "$tmp/body")"
expect 400 -X POST --data-binary '{"seen":"not a time"}' "$main/api/watches/$id_b/seen"
error_mentions "seen"
curl -sf "$main/api/watches" >"$tmp/list.json" || fail "GET /api/watches after seen"
check_list "$tmp/list.json" 0 0

# --- 3. the Atom feed of B -------------------------------------------------------------------
new_title="$(json 'd["hits"][0]["title"]' <"$tmp/new1.json")"
feed_type="$(curl -sf -o "$tmp/feed.xml" -w '%{content_type}' "$main/watches/$id_b.atom")" || fail "GET feed"
[[ "$feed_type" == application/atom+xml* ]] || fail "feed Content-Type: $feed_type"
python3 - "$tmp/feed.xml" "$new_title" <<'PY' || fail "Atom feed: $(cat "$tmp/feed.xml")"
import re, sys
import xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
path, new_title = sys.argv[1:]
root = ET.parse(path).getroot()
assert root.tag == A + "feed", root.tag
rfc3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
for child in ("id", "title", "updated"):
    el = root.find(A + child)
    assert el is not None and (el.text or "").strip(), f"feed has no {child}"
assert rfc3339.match(root.find(A + "updated").text), root.find(A + "updated").text
author = root.find(A + "author")
assert author is not None and (author.findtext(A + "name") or "").strip(), "no feed-level author"
entries = root.findall(A + "entry")
assert entries, "no entries"
ids = set()
for e in entries:
    for child in ("id", "title", "updated"):
        assert (e.findtext(A + child) or "").strip(), f"entry without {child}"
    assert rfc3339.match(e.findtext(A + "updated")), e.findtext(A + "updated")
    link = e.find(A + "link")
    assert link is not None and link.get("href"), "entry without a link"
    ids.add(e.findtext(A + "id"))
assert len(ids) == len(entries), "entry ids repeat"
titles = [e.findtext(A + "title") for e in entries]
assert new_title in titles, (new_title, titles)
new_entry = entries[titles.index(new_title)]
assert new_entry.find(A + "link").get("href").endswith("/?doc=qaryatayn-new"), new_entry.find(A + "link").get("href")
PY
expect 404 "$main/watches/9999.atom"

# --- 4. the write guard; bad names and queries -------------------------------------------------
count_watches() { curl -sf "$main/api/watches" | json 'len(d["watches"])'; }
body_x="$(watch_body "Cross site" "q=x")"
expect 403 -X POST -H 'Origin: http://evil.example' --data-binary "$body_x" "$main/api/watches"
error_mentions "cross-site"
expect 403 -X POST -H 'Sec-Fetch-Site: cross-site' --data-binary "$body_x" "$main/api/watches"
error_mentions "cross-site"
expect 403 -X POST -H 'Origin: http://evil.example' -H 'Content-Length: 0' "$main/api/watches/$id_b/seen"
curl -s -D - -o /dev/null -H 'Origin: http://evil.example' "$main/api/watches" | grep -qi '^access-control-allow' &&
  fail "searchd sends CORS headers"
expect 403 -X DELETE -H 'Sec-Fetch-Site: cross-site' "$main/api/watches/$id_b"
expect 403 -X POST -H 'Origin: http://evil.example' -H 'Content-Type: text/plain' --data-binary 'Daesh' "$main/api/batch"
[[ "$(count_watches)" == 2 ]] || fail "a refused write changed the watches"
# The page itself (same origin) may write, and DELETE removes.
expect 201 -X POST -H "Origin: $main" -H 'Sec-Fetch-Site: same-origin' --data-binary "$body_x" "$main/api/watches"
id_x="$(json 'd["id"]' <"$tmp/body")"
expect 200 -X DELETE "$main/api/watches/$id_x"
json 'd["deleted"]' <"$tmp/body" | grep -qx "$id_x" || fail "DELETE answer: $(cat "$tmp/body")"
expect 404 -X DELETE "$main/api/watches/$id_x"

expect 400 -X POST --data-binary "$(watch_body "" "q=x")" "$main/api/watches"
error_mentions "name"
expect 400 -X POST --data-binary "$(watch_body "   " "q=x")" "$main/api/watches"
error_mentions "name"
expect 400 -X POST --data-binary "$(watch_body "$name_a" "q=x")" "$main/api/watches"
error_mentions "already exists"
expect 400 -X POST --data-binary "$(watch_body "TIYAS AIRBASE (reuters)" "q=x")" "$main/api/watches"
error_mentions "already exists"  # names are unique ignoring ASCII case
expect 400 -X POST --data-binary "$(watch_body "Bad size" "q=x&size=0")" "$main/api/watches"
error_mentions "'size'"
expect 400 -X POST --data-binary "$(watch_body "Bad date" "q=x&from=garbage")" "$main/api/watches"
error_mentions "'from'"
expect 400 -X POST --data-binary 'not json' "$main/api/watches"
[[ "$(count_watches)" == 2 ]] || fail "a refused watch was created"
run_rc cs --watch add "Qaryatayn" qaryatayn
((rc == 2)) && grep -q "already exists" "$tmp/err" || fail "CLI duplicate add: exit $rc, $(cat "$tmp/err")"
run_rc cs --watch add "Bad date" --from garbage x
((rc == 2)) && grep -q "from" "$tmp/err" || fail "CLI add with a bad date: exit $rc, $(cat "$tmp/err")"
run_rc cs --watch rm "no such watch"
((rc == 2)) || fail "--watch rm of an unknown name exited $rc"
[[ "$(count_watches)" == 2 ]] || fail "a refused CLI add created a watch"

# --- 5. token mode; beyond loopback without a token --------------------------------------------
token="tok-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
printf '%s\n' "$token" >"$tmp/token"
start_searchd token --cache-mb 0 --host 127.0.0.1 --index "$root" --state "$tmp/token-state.sqlite" --write-token-file "$tmp/token"
body_t="$(watch_body "With token" "q=palmyra")"
expect 401 -X POST --data-binary "$body_t" "$base/api/watches"
error_mentions "token"
expect 401 -X POST -H "Authorization: Bearer wrong-$token" --data-binary "$body_t" "$base/api/watches"
expect 403 -X POST -H "Authorization: Bearer $token" -H 'Origin: http://evil.example' --data-binary "$body_t" "$base/api/watches"
expect 201 -X POST -H "Authorization: Bearer $token" --data-binary "$body_t" "$base/api/watches"
expect 200 "$base/api/watches"  # reads need no token
json '[w["name"] for w in d["watches"]]' <"$tmp/body" | grep -qx "\['With token'\]" || fail "token searchd watches: $(cat "$tmp/body")"
kill "$pid"; wait "$pid" 2>/dev/null || true

printf 'short\n' >"$tmp/short-token"
run_rc "$bin/searchd" --port "$(free_port)" --index "$root" --write-token-file "$tmp/short-token"
((rc == 2)) && grep -q "shorter than 16" "$tmp/err" || fail "a short token was accepted: exit $rc, $(cat "$tmp/err")"

if try_searchd open --cache-mb 0 --host 0.0.0.0 --index "$root" --state "$tmp/open-state.sqlite"; then
  expect 403 -X POST --data-binary "$(watch_body "Open" "q=x")" "$base/api/watches"
  error_mentions "write-token-file"
  expect 200 "$base/api/watches"
  kill "$pid"; wait "$pid" 2>/dev/null || true
else
  echo "SKIP: searchd cannot listen on 0.0.0.0 here: $(tail -n1 "$tmp/open.log")"
fi

# --- 6. batch: 1,000 lines by the CLI (JSON Lines, CSV) and by POST /api/batch ---------------
python3 - "$tmp/batch.txt" "$tmp/batch-expected.json" <<'PY'
import json, sys
out, expected_path = sys.argv[1:]
# (line bytes, expected entity id or None, expected spelling or None, error or None)
kinds = [
    (b"Daesh", "islamic-state", "Daesh", None),
    (b"isis", "islamic-state", "ISIS", None),
    (b"Islamic State", "islamic-state", "Islamic State", None),
    (b"Tadmur", "palmyra", "Tadmur", None),
    (b"Assad, Bashar al-", "bashar-al-assad", "Bashar al-Assad", None),
    (b"Zyxwv Unknownperson", None, None, None),
    (b"", None, None, "empty"),
    (b"drone shot down", None, None, None),
    (b"   ", None, None, "empty"),
    (b"Palmyra", "palmyra", "Palmyra", None),
]
special = {
    500: (b"Palmyra " * 75, None, None, "longer"),           # 600 bytes
    501: (b"\xff\xfe Daesh", None, None, "UTF-8"),
    502: (b"Caf\xe9 Daesh", None, None, "UTF-8"),             # Latin-1
    503: (b"Daesh\r", "islamic-state", "Daesh", None),         # a CRLF line
    504: ("Ḥomṣ".encode(), "homs", "Homs", None),              # valid UTF-8, accents folded
}
lines, expected = [], []
for n in range(1, 1001):
    text, entity, spelling, error = special.get(n, kinds[n % len(kinds)])
    lines.append(text)
    expected.append({"line": n, "entity": entity, "spelling": spelling, "error": error})
open(out, "wb").write(b"\n".join(lines) + b"\n")
json.dump(expected, open(expected_path, "w"))
PY
# check_batch ROWS_FILE: one valid row per input line, errors and entities where expected.
check_batch() {
  python3 - "$1" "$tmp/batch-expected.json" <<'PY' || fail "batch rows in $1"
import json, sys
rows_path, expected_path = sys.argv[1:]
raw = open(rows_path, "rb").read().split(b"\n")
assert raw[-1] == b"", "output does not end with a newline"
rows = [json.loads(line) for line in raw[:-1]]
expected = json.load(open(expected_path))
assert len(rows) == len(expected) == 1000, f"{len(rows)} rows for {len(expected)} lines"
keys = ["line", "query", "error", "entity", "total", "first", "last", "outlets", "link"]
for row, want in zip(rows, expected):
    where = f"line {want['line']}: {row}"
    assert list(row) == keys, where
    assert row["line"] == want["line"], where
    if want["error"]:
        assert row["error"] and want["error"].lower() in row["error"].lower(), where
        assert row["entity"] is None and row["total"] == 0 and row["link"] is None, where
        continue
    assert row["error"] is None, where
    # A line naming an entity links to its entity filter, any other line to its query.
    assert row["link"].startswith("/?entity=" if want["entity"] else "/?q="), where
    if want["entity"]:
        e = row["entity"]
        assert e and e["id"] == want["entity"] and e["spelling"] == want["spelling"], where
        assert e["name"] and e["type"], where
    else:
        assert row["entity"] is None, where
    if row["total"] > 0:
        assert row["first"] <= row["last"] and row["outlets"], where
assert len(rows[499]["query"].encode()) <= 500, "over-long query not cut"
PY
}
run_rc cs --batch "$tmp/batch.txt" --json
((rc == 0)) || fail "--batch --json exited $rc: $(head -c 400 "$tmp/err")"
cp "$tmp/out" "$tmp/batch-cli.jsonl"
check_batch "$tmp/batch-cli.jsonl"

# Totals are those of the search the row links to: the entity filter for a line naming an
# entity (also "Surname, Given"), else the line as a query.
python3 - "$tmp/batch-cli.jsonl" "$bin/corpus-search" "$root" <<'PY' || fail "batch totals differ from corpus-search"
import json, subprocess, sys, urllib.parse
rows_path, cs, root = sys.argv[1:]
rows = [json.loads(l) for l in open(rows_path, "rb")]
checked = set()
for row in rows:
    if row["error"] or row["query"] in checked:
        continue
    checked.add(row["query"])
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(row["link"]).query)
    if "entity" in params:
        q = "entity " + params["entity"][0]
        args = ["--entity", params["entity"][0]]
    else:
        q = params["q"][0]
        args = ["--", q]
    out = subprocess.run([cs, "--index", root, "--json", *args], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    total = json.loads(out.stdout)["total"]
    assert total == row["total"], f"{row['query']!r} (q={q!r}): batch {row['total']}, search {total}"
assert len(checked) >= 8, checked
assert any(r["total"] > 0 for r in rows) and any(r["entity"] and r["total"] > 0 for r in rows)
PY

expect 200 -X POST -H 'Content-Type: text/plain' --data-binary @"$tmp/batch.txt" "$main/api/batch"
cp "$tmp/body" "$tmp/batch-api.jsonl"
check_batch "$tmp/batch-api.jsonl"
cmp -s "$tmp/batch-cli.jsonl" "$tmp/batch-api.jsonl" || fail "POST /api/batch rows differ from corpus-search --batch --json"

# A filter applies to every line, the same way in both.
cs --batch "$tmp/batch.txt" --json --outlet Reuters >"$tmp/batch-cli-reuters.jsonl" || fail "--batch --outlet"
expect 200 -X POST -H 'Content-Type: text/plain' --data-binary @"$tmp/batch.txt" "$main/api/batch?outlet=Reuters"
cmp -s "$tmp/batch-cli-reuters.jsonl" "$tmp/body" || fail "batch with outlet=Reuters: CLI and API differ"
reuters_daesh="$(cs --json --outlet Reuters -- Daesh | json 'd["total"]')"
json 'd["total"]' <<<"$(sed -n 10p "$tmp/body")" | grep -qx "$reuters_daesh" || fail "batch outlet filter total"
# An entity filter of the batch and the entity a line names are both required, not either.
both="$(cs --json --entity islamic-state --place palmyra | json 'd["total"]')"
printf 'Palmyra\n' | cs --batch - --json --entity islamic-state | json 'd["total"]' | grep -qx "$both" ||
  fail "a batch entity filter was ORed with the line's entity (want $both)"
expect 400 -X POST -H 'Content-Type: text/plain' --data-binary 'Daesh' "$main/api/batch?q=x"
error_mentions "'q'"
expect 400 -X POST -H 'Content-Type: text/plain' --data-binary 'Daesh' "$main/api/batch?from=garbage"
error_mentions "'from'"

cs --batch "$tmp/batch.txt" --export csv >"$tmp/batch.csv" || fail "--batch --export csv"
python3 - "$tmp/batch.csv" "$tmp/batch-cli.jsonl" <<'PY' || fail "batch CSV"
import csv, json, sys
csv_path, rows_path = sys.argv[1:]
with open(csv_path, newline="", encoding="utf-8") as f:
    records = list(csv.reader(f))
assert len(records) == 1001, f"{len(records)} CSV records, want 1001 (header + 1000)"
header = records[0]
assert header[:3] == ["line", "query", "error"] and "total" in header, header
assert all(len(r) == len(header) for r in records), "ragged CSV"
rows = [json.loads(l) for l in open(rows_path, "rb")]
col = {name: i for i, name in enumerate(header)}
for rec, row in zip(records[1:], rows):
    assert int(rec[col["line"]]) == row["line"], (rec, row)
    assert rec[col["query"]].lstrip("'") == row["query"], (rec, row)
    assert bool(rec[col["error"]]) == bool(row["error"]), (rec, row)
    assert rec[col["entity_id"]] == (row["entity"]["id"] if row["entity"] else ""), (rec, row)
    if not row["error"]:
        assert int(rec[col["total"]]) == row["total"], (rec, row)
PY

# --- 7. a corrupt state file ----------------------------------------------------------------
state="$root/watches.sqlite"
[[ -f "$state" ]] || fail "no state file at $state"
python3 -c 'import sys; open(sys.argv[1], "wb").write(b"this is not an SQLite database\n" * 200)' "$state"
cp "$state" "$tmp/garbage"
expect 503 "$main/api/watches"
error_mentions "watches are unavailable"
expect 503 "$main/api/watches/$id_b/new"
expect 503 "$main/watches/$id_b.atom"
expect 503 -X POST --data-binary "$(watch_body "After" "q=x")" "$main/api/watches"
expect 200 "$main/api/search?q=x"
expect 200 "$main/api/search?q=palmyra"
expect 200 "$main/healthz"
run_rc cs --watch list
((rc == 2)) && [[ -s "$tmp/err" ]] && grep -q "^corpus-search: " "$tmp/err" ||
  fail "--watch list on a corrupt state file: exit $rc, stderr '$(cat "$tmp/err")'"
run_rc cs --watch check
((rc == 2)) || fail "--watch check on a corrupt state file exited $rc (want 2, not 'nothing new')"
run_rc cs -- palmyra
((rc == 0)) || fail "search with a corrupt state file exited $rc"
cmp -s "$state" "$tmp/garbage" || fail "the corrupt state file was rewritten"

# --- 8. scripts/reindex.sh --on-new ------------------------------------------------------------
# 8. scripts/reindex.sh: a line per watch with new matches, and --on-new runs its command once
# per such watch with the news as JSON on stdin (a fresh root: the one above is corrupt).
hook_corpus="$tmp/hook-corpus"
hook_root="$tmp/hook-index"
mkdir -p "$hook_corpus"
printf 'Convoy reaches Homs\n\nAn aid convoy reached Homs on Monday.\n' >"$hook_corpus/homs1.txt"
printf 'Talks in Geneva\n\nDelegates met in Geneva.\n' >"$hook_corpus/geneva1.txt"
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" --quiet "$hook_corpus" "$hook_root" >/dev/null ||
  fail "first reindex.sh run"
"$bin/corpus-search" --index "$hook_root" --watch add "Homs" homs >/dev/null || fail "watch Homs"
"$bin/corpus-search" --index "$hook_root" --watch add "Geneva" geneva >/dev/null || fail "watch Geneva"
printf 'Shelling in Homs\n\nShells fell on Homs overnight.\n' >"$hook_corpus/homs2.txt"
printf 'Homs evacuation\n\nCivilians left Homs.\n' >"$hook_corpus/homs3.txt"
hook_log="$tmp/hook.jsonl"
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" --quiet \
  --on-new "python3 -c 'import json,sys; d=json.load(sys.stdin); w=d[\"watches\"][0]; print(json.dumps([w[\"watch\"][\"name\"], w[\"total\"], sorted(h[\"id\"] for h in w[\"hits\"])]))' >>'$hook_log'" \
  "$hook_corpus" "$hook_root" >"$tmp/reindex.out" || fail "reindex.sh --on-new run"
grep -qx "reindex: watch 'Homs': 2 new" "$tmp/reindex.out" ||
  fail "reindex.sh did not report Homs's 2 new matches: $(cat "$tmp/reindex.out")"
! grep -q "watch 'Geneva'" "$tmp/reindex.out" || fail "reindex.sh reported Geneva, which got nothing"
[[ "$(cat "$hook_log")" == '["Homs", 2, ["homs2", "homs3"]]' ]] ||
  fail "--on-new got: $(cat "$hook_log")"
# The hook does not record a check: the watch still has its 2 new matches.
[[ "$("$bin/corpus-search" --index "$hook_root" --watch list --json | json '[w["new"] for w in d["watches"] if w["name"] == "Homs"][0]')" == 2 ]] ||
  fail "--on-new recorded a check"

# A --full rebuild keeps every article's added stamp: nothing becomes "new" again.
added_before="$("$bin/corpus-search" --index "$hook_root" --json --sort added --limit 10 '' |
  json '[(h["id"], h["added"]) for h in d["hits"]]')"
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" --quiet --full "$hook_corpus" "$hook_root" >"$tmp/full.out" ||
  fail "reindex.sh --full"
! grep -q "new$" "$tmp/full.out" || fail "a --full rebuild reported new matches: $(cat "$tmp/full.out")"
added_after="$("$bin/corpus-search" --index "$hook_root" --json --sort added --limit 10 '' |
  json '[(h["id"], h["added"]) for h in d["hits"]]')"
[[ "$added_before" == "$added_after" ]] || fail "added stamps changed in a --full rebuild: $added_before -> $added_after"
[[ "$("$bin/corpus-search" --index "$hook_root" --watch list --json | json '[w["new"] for w in d["watches"] if w["name"] == "Homs"][0]')" == 2 ]] ||
  fail "a --full rebuild changed the watch's new count"

echo "watches integration: OK"
