#!/usr/bin/env bash
# Coverage over time and entity pages end to end, on a small generated corpus:
#  1. GET /api/timeline with 3 queries: 3 series whose totals are /api/search's for the same q
#     (also under a filter), counts summing to `dated`, periods continuous for every interval;
#  2. normalise=true: shares in [0,1], count / baseline, the baseline being /api/search's total
#     of the period under the filters;
#  3. 400 {"error"} naming the parameter for 6 q, none, interval=fortnight, sort, page, collapse;
#  4. GET /api/entity/{id} by id and by spellings (URL-encoded): the documented keys, articles
#     equal to the entity's count in /api/search facets, the spellings seen; 404 for unknown;
#  5. corpus-search --timeline --json equals /api/timeline, --export csv has a header and a row
#     per period; --entity-page --json equals /api/entity; an unknown name exits 1.
# Usage: workbench_api_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

# same_json A B WHAT: files A and B hold equal JSON.
same_json() {
  python3 - "$1" "$2" <<'PY' || fail "$3: $(head -c 600 "$1") /// $(head -c 600 "$2")"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    for k in sorted(set(a) | set(b)) if isinstance(a, dict) and isinstance(b, dict) else []:
        if a.get(k) != b.get(k):
            print(f"differs at {k!r}: {a.get(k)!r} != {b.get(k)!r}", file=sys.stderr)
    sys.exit(1)
PY
}

# --- the corpus: a gazetteer with aliases, articles as JSON Lines and as files + manifest ---
corpus="$tmp/corpus"
root="$tmp/index"
mkdir -p "$corpus"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
  id type subtype region canonical aliases \
  islamic-state organisation armed JH "Islamic State" "Islamic State|ISIS|ISIL|Daesh" \
  palmyra place city SY Palmyra "Palmyra|Tadmur" \
  aleppo place city SY Aleppo "Aleppo|Halab" \
  bashar-al-assad person leader SY "Bashar al-Assad" "Bashar al-Assad|Assad|Bashar Assad" \
  >"$corpus/gazetteer.tsv"
# Islamic State under three spellings (Daesh 3, ISIS 2, Islamic State 1), one article undated,
# one dated only to its month (in the manifest); nothing in April; a year end in the axis.
cat >"$corpus/articles.jsonl" <<'JSONL'
{"id":"p1","title":"Islamic State fighters near Palmyra","text":"Islamic State fighters attacked positions near Palmyra, residents said.","outlet":"Reuters","published":"2015-12-30"}
{"id":"p2","title":"Daesh shells Tadmur","text":"Daesh shelled Tadmur again, a monitoring group said.","outlet":"AFP","published":"2016-01-25"}
{"id":"p3","title":"ISIS retreats from Palmyra","text":"ISIS fighters left Palmyra as the army advanced. Bashar al-Assad praised the troops.","outlet":"Reuters","published":"2016-03-27"}
{"id":"p4","title":"Aleppo ceasefire holds","text":"A ceasefire in Aleppo held overnight, officials said.","outlet":"BBC","published":"2016-03-05"}
{"id":"p5","title":"Daesh attack near Aleppo","text":"Daesh fighters attacked villages near Aleppo, the observatory said.","outlet":"Reuters","published":"2016-05-02"}
{"id":"p6","title":"ISIS statement","text":"ISIS issued a statement about Palmyra.","outlet":"AFP"}
{"id":"p8","title":"Convoy reaches Aleppo","text":"An aid convoy reached Aleppo after a ceasefire.","outlet":"AFP","published":"2016-06-20"}
{"id":"p9","title":"Market report","text":"Wheat prices rose in the capital.","outlet":"BBC","published":"2016-02-14"}
JSONL
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
  file id outlet published author url notes \
  talks.txt p7 BBC 2016-06 "" "" "" \
  halab.txt p10 Reuters 2016-06-03 "" "" "" \
  >"$corpus/manifest.tsv"
cat >"$corpus/talks.txt" <<'TXT'
Ceasefire talks resume

Ceasefire talks resumed, diplomats said.
TXT
cat >"$corpus/halab.txt" <<'TXT'
Daesh fighters near Halab

Daesh fighters were seen near Halab, a monitor said. Bashar Assad did not comment.
TXT
"$bin/corpus-index" --out "$root" "$corpus" >"$tmp/index.log" 2>&1 ||
  { cat "$tmp/index.log" >&2; fail "corpus-index"; }
grep -q "indexed 10" "$tmp/index.log" || fail "expected 10 articles: $(cat "$tmp/index.log")"

start_searchd main --index "$root" --cache-mb 16
main="$base"

# --- 1. three queries per period: totals are the search's, counts add up, no gaps ----------
# check_timeline FILE EXTRA_QUERY Q...: the /api/timeline answer in FILE for the queries Q (in
# order) and the other parameters EXTRA_QUERY ("" or "&outlet=..."): consistent with
# /api/search, periods continuous for its interval.
check_timeline() {
  python3 - "$main" "$@" <<'PY' || fail "timeline $1 ($2): $(head -c 800 "$1")"
import datetime, json, sys, urllib.parse, urllib.request
base, path, extra, *queries = sys.argv[1:]
d = json.load(open(path))
assert set(d) == {"interval", "normalised", "periods", "baseline", "series", "warnings"}, list(d)
assert [s["query"] for s in d["series"]] == queries, d["series"]
periods, interval = d["periods"], d["interval"]
assert interval in ("day", "week", "month", "year"), interval
# The baseline (all articles of each period) is counted for shares only.
if d["normalised"]:
    assert len(d["baseline"]) == len(periods), d["baseline"]
else:
    assert d["baseline"] is None, d["baseline"]

def following(p):
    if interval == "year":
        return str(int(p) + 1)
    if interval == "month":
        y, m = int(p[:4]), int(p[5:7]) + 1
        return f"{y + (m > 12):04d}-{(m - 1) % 12 + 1:02d}"
    day = datetime.date.fromisoformat(p)
    return (day + datetime.timedelta(days=7 if interval == "week" else 1)).isoformat()

for a, b in zip(periods, periods[1:]):
    assert following(a) == b, f"gap or disorder: {a} then {b}"
if interval == "week":
    assert all(datetime.date.fromisoformat(p).weekday() == 0 for p in periods), periods
for s in d["series"]:
    assert set(s) == {"query", "total", "dated", "counts", "shares"}, s
    assert len(s["counts"]) == len(periods), s
    assert all(isinstance(c, int) and c >= 0 for c in s["counts"]), s
    assert sum(s["counts"]) == s["dated"] <= s["total"], s
    url = base + "/api/search?" + urllib.parse.urlencode({"q": s["query"]}) + extra
    total = json.load(urllib.request.urlopen(url))["total"]
    assert s["total"] == total, f"{s['query']}: timeline {s['total']}, /api/search {total}"
    if d["normalised"]:
        assert len(s["shares"]) == len(periods), s
    else:
        assert s["shares"] is None, s
if d["series"] and any(s["dated"] for s in d["series"]):
    assert periods, "dated matches but no periods"
PY
}
qs3='q=palmyra&q=aleppo&q=ceasefire'
expect 200 "$main/api/timeline?$qs3&interval=month"
cp "$tmp/body" "$tmp/month.json"
check_timeline "$tmp/month.json" "" palmyra aleppo ceasefire
# The exact axis: December 2015 (p1) to June 2016 (p7, p8, p10), April empty but present.
json 'd["interval"], d["periods"], [s["counts"] for s in d["series"]], [(s["total"], s["dated"]) for s in d["series"]]' <"$tmp/month.json" |
  grep -qxF "month ['2015-12', '2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'] [[1, 1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 1, 2], [0, 0, 0, 1, 0, 0, 2]] [(4, 3), (4, 4), (3, 3)]" ||
  fail "monthly timeline: $(cat "$tmp/month.json")"
for interval in day week year auto; do
  expect 200 "$main/api/timeline?$qs3&interval=$interval"
  cp "$tmp/body" "$tmp/$interval.json"
  check_timeline "$tmp/$interval.json" "" palmyra aleppo ceasefire
done
# 2015-12-30 to 2016-06-20 is 173 days: auto takes weeks, and the week of 2015-12-30 is 12-28.
json 'd["interval"], d["periods"][0], d["periods"][-1]' <"$tmp/auto.json" | grep -qx "week 2015-12-28 2016-06-20" ||
  fail "auto interval: $(head -c 400 "$tmp/auto.json")"
same_json "$tmp/auto.json" "$tmp/week.json" "auto and week differ"
json 'd["periods"]' <"$tmp/year.json" | grep -qxF "['2015', '2016']" || fail "yearly periods: $(cat "$tmp/year.json")"
json 'len(d["periods"]), d["periods"][0], d["periods"][-1]' <"$tmp/day.json" | grep -qx "174 2015-12-30 2016-06-20" ||
  fail "daily periods: $(head -c 400 "$tmp/day.json")"
# Filters and dates apply to every query.
expect 200 "$main/api/timeline?$qs3&interval=month&outlet=Reuters"
cp "$tmp/body" "$tmp/reuters.json"
check_timeline "$tmp/reuters.json" "&outlet=Reuters" palmyra aleppo ceasefire
expect 200 "$main/api/timeline?q=daesh&q=palmyra&interval=week&from=2016-01&to=2016-05&outlet=-BBC"
check_timeline "$tmp/body" "&from=2016-01&to=2016-05&outlet=-BBC" daesh palmyra
# Queries in another order: the same series in that order (a cached answer is not reused).
expect 200 "$main/api/timeline?q=ceasefire&q=palmyra&q=aleppo&interval=month"
check_timeline "$tmp/body" "" ceasefire palmyra aleppo
expect 200 "$main/api/timeline?$qs3&interval=month"
same_json "$tmp/body" "$tmp/month.json" "a repeated (cached) timeline differs"

# --- 2. normalised: shares of all articles of the period under the filters ----------------
# check_shares FILE EXTRA_QUERY: shares in [0,1] equal count / baseline, and each monthly
# baseline is /api/search's total of that month under the same filters.
check_shares() {
  python3 - "$main" "$@" <<'PY' || fail "normalised timeline $1 ($2): $(head -c 800 "$1")"
import json, sys, urllib.request
base, path, extra = sys.argv[1:]
d = json.load(open(path))
assert d["normalised"] is True, d
for k, period in enumerate(d["periods"]):
    b = d["baseline"][k]
    if d["interval"] == "month":
        url = f"{base}/api/search?from={period}&to={period}{extra}"
        total = json.load(urllib.request.urlopen(url))["total"]
        assert b == total, f"{period}: baseline {b}, /api/search {total}"
    for s in d["series"]:
        share, count = s["shares"][k], s["counts"][k]
        assert 0.0 <= share <= 1.0, (period, s)
        assert count <= b, (period, s, b)
        assert abs(share - (count / b if b else 0.0)) < 1e-9, (period, share, count, b)
PY
}
expect 200 "$main/api/timeline?$qs3&interval=month&normalise=true"
cp "$tmp/body" "$tmp/month-norm.json"
check_timeline "$tmp/month-norm.json" "" palmyra aleppo ceasefire
check_shares "$tmp/month-norm.json" ""
json 'd["baseline"]' <"$tmp/month-norm.json" | grep -qxF "[1, 1, 1, 2, 0, 1, 3]" ||
  fail "monthly baseline: $(cat "$tmp/month-norm.json")"
# Normalising changes nothing but the shares and the baseline.
python3 - "$tmp/month.json" "$tmp/month-norm.json" <<'PY' || fail "normalise changed the counts"
import json, sys
raw, norm = (json.load(open(p)) for p in sys.argv[1:])
assert raw["periods"] == norm["periods"]
for a, b in zip(raw["series"], norm["series"]):
    assert (a["query"], a["total"], a["dated"], a["counts"]) == (b["query"], b["total"], b["dated"], b["counts"])
PY
expect 200 "$main/api/timeline?$qs3&interval=month&normalise=true&outlet=Reuters"
check_timeline "$tmp/body" "&outlet=Reuters" palmyra aleppo ceasefire
check_shares "$tmp/body" "&outlet=Reuters"
expect 200 "$main/api/timeline?$qs3&interval=week&normalise=true"
check_shares "$tmp/body" ""

# --- 3. bad parameters --------------------------------------------------------------------
expect 400 "$main/api/timeline?q=a&q=b&q=c&q=d&q=e&q=f"
error_mentions "'q'"
expect 200 "$main/api/timeline?q=a&q=b&q=c&q=d&q=e"
expect 400 "$main/api/timeline"
error_mentions "'q'"
expect 400 "$main/api/timeline?q=+"
error_mentions "'q'"
expect 400 "$main/api/timeline?q=palmyra&interval=fortnight"
error_mentions "'interval'"
expect 400 "$main/api/timeline?q=palmyra&sort=newest"
error_mentions "'sort'"
expect 400 "$main/api/timeline?q=palmyra&page=2"
error_mentions "'page'"
expect 400 "$main/api/timeline?q=palmyra&size=5"
error_mentions "'size'"
expect 400 "$main/api/timeline?q=palmyra&collapse=true"
error_mentions "'collapse'"
expect 400 "$main/api/timeline?q=palmyra&normalise=yes"
error_mentions "'normalise'"
expect 400 "$main/api/timeline?q=palmyra&from=garbage"
error_mentions "'from'"
expect 400 "$main/api/timeline?q=palmyra&bogus=1"
error_mentions "'bogus'"
expect 400 "$main/api/timeline?q=palmyra&interval=day&interval=week"
error_mentions "'interval'"
# (Differing values: cpp-httplib drops a repeated identical name=value pair before searchd sees it.)
expect 400 "$main/api/timeline?q=palmyra&normalise=true&normalise=false"
error_mentions "'normalise'"
expect 400 "$main/api/timeline?q=palmyra&format=xml"
error_mentions "'format'"
expect 400 "$main/api/timeline?q=palmyra&format=csv&format=json"
error_mentions "'format'"

# --- 4. entity pages ------------------------------------------------------------------------
# check_entity FILE ID ARTICLES EXTRA_QUERY: an /api/entity answer with the documented keys,
# agreeing with /api/search?TYPE=ID&EXTRA (its total and its facet count of the entity).
check_entity() {
  python3 - "$main" "$@" <<'PY' || fail "entity page $1: $(head -c 800 "$1")"
import json, sys, urllib.parse, urllib.request
base, path, entity_id, articles, extra = sys.argv[1:]
d = json.load(open(path))
assert set(d) == {"id", "name", "type", "articles", "spellings", "spellings_from", "timeline",
                  "cooccurring", "outlets", "sources", "newest", "incidents", "incidents_total",
                  "warnings"}, sorted(d)
assert d["id"] == entity_id, d["id"]
assert d["articles"] == int(articles), d["articles"]
# Filtered by the entity's own type field, so that an "entity" filter of EXTRA is ANDed.
assert d["type"] in ("person", "org", "place"), d["type"]
url = f"{base}/api/search?{d['type']}={urllib.parse.quote(entity_id)}{extra}"
search = json.load(urllib.request.urlopen(url))
assert d["articles"] == search["total"], (d["articles"], search["total"])
facet = {v["id"]: v["count"] for v in search["facets"][d["type"]]}
assert d["articles"] == facet[entity_id], (d["articles"], facet)
for s in d["spellings"]:
    assert set(s) == {"spelling", "articles"}, s
counts = [s["articles"] for s in d["spellings"]]
assert counts == sorted(counts, reverse=True), d["spellings"]
assert d["spellings_from"] == d["articles"], d["spellings_from"]
for b in d["timeline"]:
    assert set(b) == {"period", "count"}, b
assert d["timeline"] == search["timeline"], (d["timeline"], search["timeline"])
assert set(d["cooccurring"]) == {"person", "org", "place"}, d["cooccurring"]
for kind, values in d["cooccurring"].items():
    want = {v["id"]: v["count"] for v in search["facets"][kind] if v["id"] != entity_id}
    assert {v["id"]: v["count"] for v in values} == want, (kind, values, want)
    for v in values:
        assert set(v) == {"value", "id", "count"}, v
assert {v["id"]: v["count"] for v in d["outlets"]} == {v["id"]: v["count"] for v in search["facets"]["outlet"]}
assert len(d["newest"]) == min(5, d["articles"]), d["newest"]
dated = [h["published"] for h in d["newest"] if h["published"]]
assert dated == sorted(dated, reverse=True), dated
assert all(any(e["id"] == entity_id for e in h["entities"]) for h in d["newest"]), d["newest"]
assert isinstance(d["incidents"], list) and isinstance(d["incidents_total"], int)
PY
}
expect 200 "$main/api/entity/islamic-state"
cp "$tmp/body" "$tmp/entity-id.json"
check_entity "$tmp/entity-id.json" islamic-state 6 ""
json 'd["name"], d["type"], [(s["spelling"], s["articles"]) for s in d["spellings"]]' <"$tmp/entity-id.json" |
  grep -qxF "Islamic State org [('Daesh', 3), ('ISIS', 2), ('Islamic State', 1)]" ||
  fail "entity spellings: $(cat "$tmp/entity-id.json")"
json '[h["id"] for h in d["newest"]], d["cooccurring"]["org"]' <"$tmp/entity-id.json" |
  grep -qxF "['p10', 'p5', 'p3', 'p2', 'p1'] []" || fail "entity newest: $(cat "$tmp/entity-id.json")"
json 'sorted((v["id"], v["count"]) for v in d["cooccurring"]["place"])' <"$tmp/entity-id.json" |
  grep -qxF "[('aleppo', 2), ('palmyra', 4)]" || fail "entity places: $(cat "$tmp/entity-id.json")"
# By spellings, URL-encoded: the same page.
for spelling in Daesh "Islamic%20State" "islamic%20state" ISIL; do
  expect 200 "$main/api/entity/$spelling"
  check_entity "$tmp/body" islamic-state 6 ""
  same_json "$tmp/body" "$tmp/entity-id.json" "/api/entity/$spelling differs from /api/entity/islamic-state"
done
expect 200 "$main/api/entity/Tadmur"
check_entity "$tmp/body" palmyra 4 ""
expect 200 "$main/api/entity/Bashar%20al-Assad"
check_entity "$tmp/body" bashar-al-assad 2 ""
# The search parameters narrow the page.
expect 200 "$main/api/entity/Daesh?outlet=Reuters"
cp "$tmp/body" "$tmp/entity-reuters.json"
check_entity "$tmp/entity-reuters.json" islamic-state 4 "&outlet=Reuters"
# An entity filter of the scope narrows the page to articles naming both.
expect 200 "$main/api/entity/Daesh?entity=palmyra"
check_entity "$tmp/body" islamic-state 4 "&entity=palmyra"
expect 200 "$main/api/entity/Daesh?place=Halab"
check_entity "$tmp/body" islamic-state 2 "&place=Halab"
expect 200 "$main/api/entity/Daesh?entity=-palmyra"
check_entity "$tmp/body" islamic-state 2 "&entity=-palmyra"
expect 400 "$main/api/entity/Daesh?from=garbage"
error_mentions "'from'"
for unknown in "Nobody%20Here" "x-nobodyhere" "Wheat%20Prices"; do
  expect 404 "$main/api/entity/$unknown"
  json 'd["error"]' <"$tmp/body" >/dev/null || fail "404 body is not {\"error\"}: $(cat "$tmp/body")"
done
# Known, but no article of the scope mentions it.
expect 404 "$main/api/entity/Daesh?outlet=BBC"
error_mentions "Islamic State"

# --- 5. the CLI agrees with the API -------------------------------------------------------
cs --timeline --compare aleppo --compare ceasefire --interval month --json palmyra >"$tmp/cli-month.json" ||
  fail "--timeline --json"
same_json "$tmp/cli-month.json" "$tmp/month.json" "--timeline --json differs from /api/timeline"
cs --timeline --compare aleppo --compare ceasefire --interval month --normalise --json palmyra >"$tmp/out" ||
  fail "--timeline --normalise --json"
same_json "$tmp/out" "$tmp/month-norm.json" "--timeline --normalise --json differs from /api/timeline"
cs --timeline --compare aleppo --compare ceasefire --json palmyra >"$tmp/out" || fail "--timeline auto"
same_json "$tmp/out" "$tmp/auto.json" "--timeline (auto) --json differs from /api/timeline"
cs --timeline --compare aleppo --compare ceasefire --interval month --outlet Reuters --json palmyra >"$tmp/out" ||
  fail "--timeline --outlet"
same_json "$tmp/out" "$tmp/reuters.json" "--timeline --outlet --json differs from /api/timeline"
cs --timeline --compare palmyra --interval week --normalise --from 2016-01 --to 2016-05 --outlet=-BBC --json daesh >"$tmp/out" ||
  fail "--timeline with dates"
expect 200 "$main/api/timeline?q=daesh&q=palmyra&interval=week&normalise=true&from=2016-01&to=2016-05&outlet=-BBC"
same_json "$tmp/out" "$tmp/body" "--timeline with dates and an exclude differs from /api/timeline"
# Several words are one query.
cs --timeline --interval year --json aid convoy >"$tmp/out" || fail "--timeline of two words"
expect 200 "$main/api/timeline?q=aid+convoy&interval=year"
same_json "$tmp/out" "$tmp/body" "--timeline of 'aid convoy' differs from /api/timeline"

# --export csv: a header and a record per period.
check_csv() {
  python3 - "$@" <<'PY' || fail "timeline CSV $1: $(head -c 600 "$1")"
import csv, json, sys
csv_path, json_path = sys.argv[1:]
raw = open(csv_path, "rb").read()
assert raw.endswith(b"\r\n"), "CSV records end with CRLF"
with open(csv_path, newline="", encoding="utf-8") as f:
    records = list(csv.reader(f))
d = json.load(open(json_path))
assert len(records) == 1 + len(d["periods"]), f"{len(records)} records for {len(d['periods'])} periods"
header = records[0]
queries = [s["query"] for s in d["series"]]
if d["normalised"]:
    want = ["period"]
    for q in queries:
        want += [q, f"{q} (share)"]
    want.append("all articles")
else:
    want = ["period"] + queries
assert header == want, header
for k, rec in enumerate(records[1:]):
    assert len(rec) == len(header), rec
    assert rec[0] == d["periods"][k], (rec, d["periods"][k])
    step = 2 if d["normalised"] else 1
    for i, s in enumerate(d["series"]):
        assert int(rec[1 + step * i]) == s["counts"][k], (rec, s)
        if d["normalised"]:
            assert abs(float(rec[2 + step * i]) - s["shares"][k]) < 1e-6, (rec, s)
    if d["normalised"]:
        assert int(rec[-1]) == d["baseline"][k], rec
PY
}
cs --timeline --compare aleppo --compare ceasefire --interval month --export csv palmyra >"$tmp/month.csv" ||
  fail "--timeline --export csv"
check_csv "$tmp/month.csv" "$tmp/month.json"
cs --timeline --compare aleppo --compare ceasefire --interval month --normalise --export csv palmyra >"$tmp/norm.csv" ||
  fail "--timeline --normalise --export csv"
check_csv "$tmp/norm.csv" "$tmp/month-norm.json"
cs --timeline --compare aleppo --compare ceasefire --interval week --export csv palmyra >"$tmp/week.csv" ||
  fail "--timeline --interval week --export csv"
check_csv "$tmp/week.csv" "$tmp/week.json"
# format=csv: the API's download is the CLI's export, byte for byte.
for params in "interval=month" "interval=month&normalise=true" "interval=week"; do
  type="$(curl -s -o "$tmp/api.csv" -w '%{http_code} %{content_type}' "$main/api/timeline?$qs3&$params&format=csv")"
  [[ "$type" == "200 text/csv"* ]] || fail "format=csv answered $type: $(head -c 300 "$tmp/api.csv")"
  case "$params" in
    *normalise*) cli_csv="$tmp/norm.csv" ;;
    *week*) cli_csv="$tmp/week.csv" ;;
    *) cli_csv="$tmp/month.csv" ;;
  esac
  cmp -s "$tmp/api.csv" "$cli_csv" || fail "/api/timeline?$params&format=csv differs from --export csv: $(head -c 300 "$tmp/api.csv")"
done
expect 200 "$main/api/timeline?$qs3&interval=month&format=json"
same_json "$tmp/body" "$tmp/month.json" "format=json differs from the default answer"

# CLI errors and exit codes.
run_rc cs --timeline --compare a --compare b --compare c --compare d --compare e f
((rc == 2)) && grep -q "'q'" "$tmp/err" || fail "--timeline with 6 queries: exit $rc, $(cat "$tmp/err")"
run_rc cs --timeline --interval fortnight palmyra
((rc == 2)) && grep -q "interval" "$tmp/err" || fail "--interval fortnight: exit $rc, $(cat "$tmp/err")"
run_rc cs --timeline --json zeppelin
((rc == 1)) || fail "--timeline of a query matching nothing exited $rc (want 1)"
json 'd["periods"], d["series"][0]["total"]' <"$tmp/out" | grep -qxF "[] 0" || fail "empty timeline: $(cat "$tmp/out")"

# --entity-page --json equals /api/entity.
cs --entity-page islamic-state --json >"$tmp/out" || fail "--entity-page islamic-state --json"
same_json "$tmp/out" "$tmp/entity-id.json" "--entity-page --json differs from /api/entity"
cs --entity-page "Islamic State" --json >"$tmp/out" || fail "--entity-page 'Islamic State' --json"
same_json "$tmp/out" "$tmp/entity-id.json" "--entity-page 'Islamic State' differs from /api/entity"
cs --entity-page Daesh --json --outlet Reuters >"$tmp/out" || fail "--entity-page --outlet --json"
same_json "$tmp/out" "$tmp/entity-reuters.json" "--entity-page --outlet differs from /api/entity?outlet="
run_rc cs --entity-page Daesh
((rc == 0)) && grep -q "Islamic State" "$tmp/out" || fail "--entity-page text: exit $rc, $(cat "$tmp/out" "$tmp/err")"
run_rc cs --entity-page "Nobody Here" --json
((rc == 1)) || fail "--entity-page of an unknown name exited $rc (want 1): $(cat "$tmp/out" "$tmp/err")"
[[ ! -s "$tmp/out" ]] || fail "--entity-page of an unknown name printed: $(cat "$tmp/out")"
run_rc cs --entity-page "Nobody Here"
((rc == 1)) || fail "--entity-page (text) of an unknown name exited $rc (want 1)"
run_rc cs --entity-page Daesh --outlet BBC
((rc == 1)) || fail "--entity-page of an entity no article in the scope mentions exited $rc (want 1)"
run_rc cs --entity-page Daesh --from garbage
((rc == 2)) || fail "--entity-page with a bad date exited $rc (want 2)"

echo "workbench API integration: OK"
