#!/usr/bin/env bash
# The claims ledger on an index of corpus/ (plus one syndicated copy): the Observatory's two
# March reports of about 400 Islamic State fighters killed make one incident, the December
# claims stay apart, a duplicated article counts once; claimant and victims filters; the
# claims export; the same ledger from corpus-search and from searchd's /api/claims; the
# claims in /api/doc; bad parameters.
# Usage: claims_corpus_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
work="$(mktemp -d)"
pid=""
cleanup() {
  [[ -n "$pid" ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/corpus"
cp "$src"/corpus/*.txt "$src"/corpus/manifest.tsv "$src"/corpus/gazetteer.tsv "$work/corpus/"
cp "$src/corpus/003_3e5b1aeaa37e44e8.txt" "$work/corpus/005_syndicated_copy.txt"
"$bin/corpus-index" --quiet --out "$work/idx" "$work/corpus" >/dev/null
search() { "$bin/corpus-search" --index "$work/idx" "$@"; }

search --claims --json --limit 100 Palmyra >"$work/ledger.json"
python3 - "$work/ledger.json" <<'PY' || fail "Palmyra ledger"
import json, sys
ledger = json.load(open(sys.argv[1]))
incidents = ledger["incidents"]
assert ledger["incidents_total"] == len(incidents) > 0, ledger["incidents_total"]

def claims_of(incident):
    return [(c["article"], c["low"], (c["claimant"] or {}).get("id")) for c in incident["claims"]]

# The Observatory's March claims (omouggos, article 002; the student magazine, 004): one incident.
march = [i for i in incidents
         if any(c["article"].startswith("002_") and c["low"] == 400 for c in i["claims"])]
assert len(march) == 1, march
march = march[0]
assert march["place"]["id"] == "palmyra" and march["outcome"] == "killed", march
assert march["victims"] == "armed group" and march["group"]["id"] == "islamic-state", march
sohr = [c for c in march["claims"] if (c["claimant"] or {}).get("id") == "syrian-observatory-for-human-rights"]
assert {c["article"][:3] for c in sohr} == {"002", "004"}, claims_of(march)
assert all(c["low"] == 400 for c in sohr), claims_of(march)
assert march["from"].startswith("2016-03") and march["to"] <= "2016-04-30", march
assert march["claimants"] >= 1 and march["articles"] >= 2, march

# December: 300 militants (001), dozens of soldiers and at least 19 regime soldiers (003).
december = [c for i in incidents for c in i["claims"] if (c["event_date"] or "").startswith("2016-12")]
numbers = {(c["article"][:3], c["low"] or c["vague"]) for c in december}
for want in [("001", 300), ("003", 19)]:
    assert want in numbers, (want, numbers)
assert any(c["vague"] and c["vague"].lower() == "dozens" and c["article"].startswith("003")
           for c in december), numbers
for i in incidents:
    dates = {(c["event_date"] or "")[:7] for c in i["claims"]}
    assert not ({"2016-03", "2016-04"} & dates and "2016-12" in dates), i
# The syndicated copy of 003 counts once.
nineteen = [i for i in incidents if any(c["low"] == 19 for c in i["claims"])]
assert len(nineteen) == 1 and nineteen[0]["claims_total"] == 1 and nineteen[0]["articles"] == 1, nineteen
assert not any(c["article"].startswith("005_") for i in incidents for c in i["claims"]), "copy listed"
PY

# The table for people names the claimants; exit 1 when no claims.
table="$(search --claims Palmyra)"
[[ "$table" == *"Syrian Observatory for Human Rights"* && "$table" == *"Amro al-Hussein"* ]] || fail "claims table"
status=0; search --claims 'xyzzy-no-such-word' >/dev/null || status=$?
[[ "$status" == 1 ]] || fail "--claims without matches exited $status, expected 1"

# Claimant and victims are filters and facets, in any spelling.
for spelling in SOHR "Syrian Observatory" syrian-observatory-for-human-rights; do
  got="$(search --json --claimant "$spelling" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
  [[ "$got" == 2 ]] || fail "--claimant $spelling found $got, expected 2"
done
got="$(search --json 'victims:"armed group"' | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
[[ "$got" -ge 3 ]] || fail "victims:\"armed group\" found $got"
search --json --facets Palmyra | python3 -c '
import json, sys
facets = json.load(sys.stdin)["facets"]
assert any(v["id"] == "syrian-observatory-for-human-rights" for v in facets["claimant"]), facets["claimant"]
assert any(v["value"] == "government forces" for v in facets["victims"]), facets["victims"]' ||
  fail "claimant and victims facets"

# The claims export: one CSV record per listed claim (duplicates included: an export is raw).
rows="$(search --export csv --claims Palmyra | python3 -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))) - 1)')"
python3 - "$work/ledger.json" "$rows" <<'PY' || fail "claims export has $rows rows"
import json, sys
ledger = json.load(open(sys.argv[1]))
listed = sum(len(i["claims"]) for i in ledger["incidents"])
assert int(sys.argv[2]) > listed, (sys.argv[2], listed)   # plus the syndicated copy's claims
PY

# searchd: the same ledger, the claims of an article, the export, bad parameters.
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$bin/searchd" --port "$port" --index "$work/idx" --cache-mb 0 2>"$work/searchd.log" &
pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -s -o /dev/null "$base/healthz" && break; sleep 0.1; done
curl -sf "$base/api/claims?q=Palmyra&limit=100" >"$work/api.json" || fail "/api/claims"
python3 - "$work/ledger.json" "$work/api.json" <<'PY' || fail "CLI and API ledgers differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    d.pop("took_ms")
assert a == b
PY
curl -sf "$base/api/doc/004_825eccd27ffa9810" | python3 -c '
import json, sys
claims = json.load(sys.stdin)["claims"]
assert [c["low"] for c in claims] == [400, 180], claims
assert claims[0]["sentence"][claims[0]["number_begin"]:claims[0]["number_end"]] == "over 400"' ||
  fail "/api/doc claims"
curl -sf "$base/api/export?q=Palmyra&what=claims&format=jsonl" | python3 -c '
import json, sys
lines = [json.loads(l) for l in sys.stdin]
assert lines and all(l["article"] and l["outcome"] for l in lines), lines[:1]' || fail "claims jsonl export"
for bad in "limit=0" "limit=501" "limit=x" "what=hits" "from=2017&to=2016"; do
  code="$(curl -s -o /dev/null -w '%{http_code}' "$base/api/claims?$bad")"
  [[ "$code" == 400 ]] || fail "/api/claims?$bad answered $code"
done
code="$(curl -s -o /dev/null -w '%{http_code}' "$base/api/export?what=hits")"
[[ "$code" == 400 ]] || fail "/api/export?what=hits answered $code"
echo "claims corpus test passed"
