#!/usr/bin/env bash
# A sharded archive answers exactly as one index does: a generated corpus of a few thousand
# articles (many outlets, entities and dates, ties in relevance and in dates, undated articles,
# exact and near copies on both sides of every split) is indexed whole, as 2 shards and as 3
# shards served by xapian-tcpsrv (scripts/shard.sh), each shard built after the ones before it
# with --peer naming them; every query of a set covering text, phrases, entity filters,
# excludes, date ranges, browse, every sort and collapse must give the same total, facets,
# timeline, top-10 order and collapse counts. Then an in-place update of the first shard whose
# articles copy articles of the later shards must fold as on one index.
# Usage: shards_exact_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null || fail "xapian-tcpsrv missing (package xapian-tools)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- the corpus: 2,400 articles in 6 parts of 400; part p holds exact copies of part p-1's
# first 40 and near copies (a few words changed) of its next 20; an update (part 6) holds
# near copies of 20 articles of part 5 ----------------------------------------------------------
python3 - "$tmp/parts" <<'PY'
import json, os, random, sys
out = sys.argv[1]
rng = random.Random(19)
outlets = ["Reuters", "AFP", "Al Jazeera", "BBC", "Enab Baladi", "Kyiv Independent", "RT"]
places = ["Aleppo", "Palmyra", "Raqqa", "Idlib", "Homs", "Mosul", "Kharkiv", "Deir ez-Zor"]
actors = ["Islamic State", "Hezbollah", "Syrian Democratic Forces", "Bashar al-Assad",
          "Vladimir Putin", "Syrian Observatory for Human Rights"]
events = ["shelling", "air strikes", "a ceasefire", "a siege", "an aid convoy", "clashes"]
parts = [[] for _ in range(6)]
for i in range(2400):
    place, actor, event = rng.choice(places), rng.choice(actors), rng.choice(events)
    # Few distinct dates (many ties) and some undated articles.
    date = "" if i % 17 == 0 else "%d-%02d-%02d" % (2015 + i % 4, 1 + i % 6, 1 + i % 3)
    # Every tenth text is a template shared by many articles (equal relevance for many
    # queries). Every text ends with 30 words of its own, so articles tie without being near
    # copies of each other; the copies are made below.
    if i % 10 == 0:
        text = "Reports of %s near %s. According to the %s, the situation was tense. %s" % (
            event, place, actor, " ".join("kw%d" % rng.randrange(100000) for _ in range(30)))
    else:
        text = ("%s: %s reported %s in %s on day %d; %d people were killed and %d displaced, "
                "witnesses said. Officials in Damascus and Moscow commented on the %s offensive. %s"
                % (place, actor, event, place, i, i % 50, i % 300, place,
                   " ".join("kw%d" % rng.randrange(100000) for _ in range(30))))
    parts[i // 400].append({"id": "a%04d" % i, "title": "%s: %s (%d)" % (place, event, i % 25),
                            "text": text, "outlet": outlets[i % len(outlets)], "published": date,
                            "url": "https://example.org/%d" % i})
def reworded(article, p):  # the same story under another headline, a word and date changed
    words = article["text"].split(" ")
    words[-1] = "syndicated%d" % p
    return dict(article, id="near-%d-%s" % (p, article["id"]), outlet=outlets[p],
                title=article["title"] + " (syndicated)", text=" ".join(words),
                published="2019-0%d-01" % (1 + p % 9))
for p in range(1, 6):  # exact and near copies across every split point, under other ids
    for article in parts[p - 1][:40]:
        parts[p].append(dict(article, id="copy-%d-%s" % (p, article["id"]), outlet=outlets[p]))
    parts[p].extend(reworded(article, p) for article in parts[p - 1][40:60])
parts.append([reworded(article, 6) for article in parts[5][100:120]])
for p, articles in enumerate(parts):
    os.makedirs(os.path.join(out, "p%d" % p))
    with open(os.path.join(out, "p%d" % p, "feed.jsonl"), "w") as f:
        for a in articles:
            f.write(json.dumps(a) + "\n")
PY
gazetteer=$src/corpus/gazetteer.tsv
index() {  # index OUT PART_DIR...
  local out=$1
  shift
  "$bin/corpus-index" --quiet --out "$out" --gazetteer "$gazetteer" "$@" >"$tmp/index.log" 2>&1 ||
    fail "corpus-index $*: $(cat "$tmp/index.log")"
}
p=$tmp/parts
index "$tmp/whole" "$p"/p0 "$p"/p1 "$p"/p2 "$p"/p3 "$p"/p4 "$p"/p5
index "$tmp/two-1" "$p"/p0 "$p"/p1 "$p"/p2
index "$tmp/two-2" --peer "$tmp/two-1" "$p"/p3 "$p"/p4 "$p"/p5
index "$tmp/three-1" "$p"/p0 "$p"/p1
index "$tmp/three-2" --peer "$tmp/three-1" "$p"/p2 "$p"/p3
index "$tmp/three-3" --peer "$tmp/three-1" --peer "$tmp/three-2" "$p"/p4 "$p"/p5
# The copies are folded: all 200 exact copies and nearly all 100 near copies (a reworded end
# can move a simhash of a short text past the near-copy distance).
folded=$(jq .total <("$bin/corpus-search" --index "$tmp/whole" --json --collapse))
((folded >= 2400 && folded <= 2405)) || fail "one index folds the 2,700 into $folded articles"

# --- serve each shard; one stub for 2 shards, one for 3 ---------------------------------------
serve() {  # serve ROOT: serves ROOT on a free port, sets `served` to its HOST:PORT
  local port
  port=$(free_port)
  setsid bash "$src/scripts/shard.sh" serve "$1" "$port" --idle-timeout 60000 \
    --active-timeout 60000 >/dev/null 2>>"$tmp/shard.log" &
  pids+=("$!")
  served="127.0.0.1:$port"
}
export_spelling() {  # export_spelling ROOT: its spelling export, at ROOT.spelling
  "$bin/corpus-index" --export-spelling "$1.spelling" --out "$1" >/dev/null ||
    fail "spelling export of $1"
}
two=() three=()
for k in 1 2; do
  serve "$tmp/two-$k"
  two+=("$served" --spelling "$tmp/two-$k.spelling")
  export_spelling "$tmp/two-$k"
done
for k in 1 2 3; do
  serve "$tmp/three-$k"
  three+=("$served" --spelling "$tmp/three-$k.spelling")
  export_spelling "$tmp/three-$k"
done
# Each stub names its shards, then their spelling exports ("did you mean" over shards).
bash "$src/scripts/shard.sh" stub "$tmp/two.stub" "${two[@]}" 2>/dev/null
bash "$src/scripts/shard.sh" stub "$tmp/three.stub" "${three[@]}" 2>/dev/null
for stub in two three; do
  for _ in $(seq 1 50); do
    bash "$src/scripts/shard.sh" status "$tmp/$stub.stub" >/dev/null 2>&1 && break
    sleep 0.2
  done
  bash "$src/scripts/shard.sh" status "$tmp/$stub.stub" >/dev/null ||
    fail "$stub shards did not come up: $(cat "$tmp/shard.log")"
done

# --- every query, three ways ------------------------------------------------------------------
queries_all=(
  ""
  "--sort newest"
  "--sort oldest"
  "aleppo"
  "shelling OR siege"
  "\"aid convoy\""
  "--sort newest killed"
  "--sort oldest --place Palmyra"
  "--org islamic-state displaced"
  "--entity hezbollah --outlet=-BBC"
  "--from 2016-02 --to 2017-04 ceasefire"
  "--collapse reports"
  "--collapse --sort oldest tense"
  "--collapse --outlet Reuters"
  "--person assad --sort newest --collapse"
  "title:palmyra"
  "alepo"
  "palmira sege"
  "hezbolah"
)
compared=0
compare_queries() {  # compare_queries QUERY...: each on the whole index and over both stubs
for q in "$@"; do
  for page in 1 3; do
    # shellcheck disable=SC2086  # the query strings are word lists on purpose
    eval "args=($q)"
    "$bin/corpus-search" --index "$tmp/whole" --json --facets --page "$page" "${args[@]}" \
      >"$tmp/whole.json" || [[ $? == 1 ]] || fail "whole: $q"
    for stub in two three; do
      "$bin/corpus-search" --index "$tmp/$stub.stub" --json --facets --page "$page" "${args[@]}" \
        >"$tmp/$stub.json" || [[ $? == 1 ]] || fail "$stub shards: $q"
      python3 - "$tmp/whole.json" "$tmp/$stub.json" "$q (page $page, $stub shards)" <<'PY' ||
import json, sys
whole, sharded = (json.load(open(f)) for f in sys.argv[1:3])
def view(r):
    return {"total": r["total"], "facets": r["facets"], "timeline": r["timeline"],
            "hits": [(h["id"], h["duplicates"]) for h in r["hits"]],
            "facets_exact": r["facets_exact"], "suggestion": r["suggestion"]}
a, b = view(whole), view(sharded)
if a != b:
    for key in a:
        if a[key] != b[key]:
            print("%s: %s differs\n  one index: %s\n  sharded:   %s"
                  % (sys.argv[3], key, json.dumps(a[key])[:600], json.dumps(b[key])[:600]))
    sys.exit(1)
if sharded["warnings"] != whole["warnings"]:  # e.g. a shard unreachable
    sys.exit("%s: warnings %s" % (sys.argv[3], sharded["warnings"]))
PY
        fail "sharded answer differs"
      compared=$((compared + 1))
    done
  done
done
}
compare_queries "${queries_all[@]}"
# "Did you mean" comes from the spelling exports (compared above): without them it would
# come from the gazetteer only.
suggestion() { jq -r .suggestion <("$bin/corpus-search" --index "$1" --json "${@:2}"); }
grep '^remote' "$tmp/two.stub" >"$tmp/bare.stub"
for q in "sege" "shellin"; do
  expected=$(suggestion "$tmp/whole" "$q")
  [[ $expected != null && $(suggestion "$tmp/two.stub" "$q") == "$expected" ]] ||
    fail "'$q': one index suggests '$expected', two shards '$(suggestion "$tmp/two.stub" "$q")'"
  [[ $(suggestion "$tmp/bare.stub" "$q") != "$expected" ]] ||
    fail "'$q': shards without spelling exports suggest '$expected' too: the check shows nothing"
done
# The claims ledger: the same incidents, figures and claims (read from the documents over
# shards, from in-memory columns on one index).
for q in "" "killed" "--place Palmyra" "--collapse displaced" "--outlet=-BBC --from 2016"; do
  eval "args=($q)"
  "$bin/corpus-search" --index "$tmp/whole" --claims --json --limit 100 "${args[@]}" \
    >"$tmp/whole.json" || [[ $? == 1 ]] || fail "whole claims: $q"
  for stub in two three; do
    "$bin/corpus-search" --index "$tmp/$stub.stub" --claims --json --limit 100 "${args[@]}" \
      >"$tmp/$stub.json" || [[ $? == 1 ]] || fail "$stub shards claims: $q"
    python3 - "$tmp/whole.json" "$tmp/$stub.json" "claims $q ($stub shards)" <<'PY' ||
import json, sys
whole, sharded = (json.load(open(f)) for f in sys.argv[1:3])
for r in (whole, sharded):
    r.pop("took_ms")
assert whole["claims"] > 0, "no claims to compare"
if whole != sharded:
    for key in whole:
        if whole[key] != sharded[key]:
            print("%s: %s differs\n  one index: %s\n  sharded:   %s"
                  % (sys.argv[3], key, json.dumps(whole[key])[:600], json.dumps(sharded[key])[:600]))
    sys.exit(1)
PY
      fail "sharded claims differ"
    compared=$((compared + 1))
  done
done
[[ $(jq .total <("$bin/corpus-search" --index "$tmp/three.stub" --json)) == 2700 ]] ||
  fail "the shards do not hold 2,700 articles"

# --- an in-place update of the first shard, copying articles of the last one -------------------
index "$tmp/whole" "$p"/p0 "$p"/p1 "$p"/p2 "$p"/p3 "$p"/p4 "$p"/p5 "$p"/p6
index "$tmp/two-1" --peer "$tmp/two-2" "$p"/p0 "$p"/p1 "$p"/p2 "$p"/p6
index "$tmp/three-1" --peer "$tmp/three-2" --peer "$tmp/three-3" "$p"/p0 "$p"/p1 "$p"/p6
export_spelling "$tmp/two-1"  # an update's words reach "did you mean" through a new export
export_spelling "$tmp/three-1"
after=$(jq .total <("$bin/corpus-search" --index "$tmp/whole" --json --collapse))
((after >= folded && after <= folded + 2)) || fail "the update's copies fold into $after, not $folded"
compare_queries "--collapse" "--collapse --sort oldest" "--collapse --outlet RT" "--sort newest" \
  "syndicatd6"
[[ $(jq .total <("$bin/corpus-search" --index "$tmp/three.stub" --json)) == 2720 ]] ||
  fail "the shards do not hold 2,720 articles after the update"
echo "shards exact: $compared answers identical to one index"
