#!/usr/bin/env bash
# Extraction on the bundled corpus, through `corpus-index --explain --json`: each sample
# article's main entities and cited sources are found, spellings from different outlets unify
# to one id, and dates carry the right precision and provenance (manifest, or the text when the
# manifest is absent). Also: the benchmark gazetteer (extra columns) loads as it is.
# Usage: extract_corpus_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for f in "$src"/corpus/0*.txt; do
  "$bin/corpus-index" --explain "$f" --json >"$work/$(basename "$f" .txt).json" 2>"$work/err"
done
# Without the manifest: the date must come from the article's own "Posted ..." line.
mkdir "$work/bare"
cp "$src/corpus/004_825eccd27ffa9810.txt" "$src/corpus/gazetteer.tsv" "$work/bare/"
"$bin/corpus-index" --explain "$work/bare/004_825eccd27ffa9810.txt" --json >"$work/bare.json"
# The benchmark gazetteer, with its extra columns, loads via --gazetteer.
"$bin/corpus-index" --explain "$work/bare/004_825eccd27ffa9810.txt" --json \
  --gazetteer "$src/tests/data/bench_entities.tsv" >"$work/bench.json" 2>"$work/bench.err"

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
def load(name):
    with open(os.path.join(work, name + ".json")) as f:
        return json.load(f)
docs = {n[:3]: load(n[:-5]) for n in os.listdir(work) if n[:1] == "0" and n.endswith(".json")}
failures = []
def check(cond, what):
    if not cond:
        failures.append(what)
def ids(doc):
    return {e["id"]: e for e in doc["entities"]}
def source_ids(doc):
    return {s["id"] or s["name"] for s in doc["sources"]}

expected_entities = {
    "000": ["islamic-state", "palmyra", "bashar-al-assad", "syrian-observatory-for-human-rights",
            "deir-ez-zor", "aleppo"],
    "001": ["islamic-state", "palmyra", "bashar-al-assad", "raqqa", "mosul"],
    "002": ["islamic-state", "palmyra", "bashar-al-assad", "rami-abdulrahman", "deir-ez-zor", "raqqa"],
    "003": ["islamic-state", "palmyra", "homs", "deir-ez-zor"],
    "004": ["islamic-state", "palmyra", "rami-abdulrahman", "deir-ez-zor", "raqqa"],
}
for doc_id, wanted in expected_entities.items():
    found = ids(docs[doc_id])
    for e in wanted:
        check(e in found, f"{doc_id}: entity {e} not found (found {sorted(found)})")

# One id for every outlet's spelling.
spellings = set()
for d in docs.values():
    spellings.update(ids(d).get("islamic-state", {}).get("mentions", []))
for s in ["Islamic State", "ISIS", "ISIL"]:
    check(s in spellings, f"spelling {s!r} not unified into islamic-state ({sorted(spellings)})")
deir = set()
for d in docs.values():
    deir.update(ids(d).get("deir-ez-zor", {}).get("mentions", []))
for s in ["Deir Ezzor", "Deir al-Zor", "Deir ez-Zor"]:
    check(s in deir, f"spelling {s!r} not unified into deir-ez-zor ({sorted(deir)})")

expected_sources = {
    "000": ["syrian-observatory-for-human-rights"],
    "002": ["rami-abdulrahman"],
    "004": ["rami-abdulrahman"],
}
for doc_id, wanted in expected_sources.items():
    for s in wanted:
        check(s in source_ids(docs[doc_id]), f"{doc_id}: source {s} missing ({source_ids(docs[doc_id])})")

dates = {"000": ("2016-03-27", "day"), "001": ("2016-12-11", "day"), "002": ("2016-03", "month"),
         "003": ("2016-12-11", "day"), "004": ("2016-04-03", "day")}
for doc_id, (published, precision) in dates.items():
    d = docs[doc_id]
    check(d["published"] == published, f"{doc_id}: published {d['published']} != {published}")
    check(d["published_precision"] == precision, f"{doc_id}: precision {d['published_precision']}")
    check(d["published_provenance"] == "manifest", f"{doc_id}: provenance {d['published_provenance']}")
check(docs["000"]["outlet"] == "FDD's Long War Journal", "000: outlet from the manifest")
check(docs["003"]["author"] == "Haytham Mustafa", "003: author")
check(all(isinstance(d["signature"], str) and len(d["signature"]) == 16 for d in docs.values()),
      "every article has a 16-digit signature")

bare = load("bare")
check(bare["published"] == "2016-04-03" and bare["published_precision"] == "day"
      and bare["published_provenance"] == "text", f"004 without manifest: {bare['published']} "
      f"{bare['published_precision']} {bare['published_provenance']}")
check(bare["author"] == "Hugh Baird", f"004 without manifest: author {bare['author']}")

bench = load("bench")
check("islamic-state" in ids(bench) and "palmyra" in ids(bench), "bench gazetteer entities")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("extraction on corpus/: all checks passed")
PY
if grep -q "warning" "$work/bench.err"; then
  echo "FAIL: the benchmark gazetteer loaded with warnings:" >&2
  cat "$work/bench.err" >&2
  exit 1
fi
