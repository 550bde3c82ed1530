#!/usr/bin/env python3
"""Names as outlets write them: entity and search figures on bench/names (30 English articles
in outlets' varied spellings, labels.tsv naming every person, organisation and place).

Usage: bench/names/eval.py BIN_DIR [--set DIR] [corpus-index options...]
  e.g. bench/names/eval.py build-bench/bin                       # bundled gazetteer
       bench/names/eval.py OLD_BIN --gazetteer corpus/gazetteer.tsv
       bench/names/eval.py build-bench/bin --set bench/names/set2  # the second set
--set: a folder with articles/ and labels.tsv of the same shape (default: this folder's).
bench/names/set2: 16 articles written later by another hand (translated German and French
copy, Telegram, a Pentagon transcript, Sudan, Myanmar, Tigray, the Sahel), 804 names.
bench/names/heldout: 14 articles, 728 names, held out: keep it out of rule tuning.

Prints, as JSON:
  entity_recall     labelled (file, spelling) pairs found as a mention of some entity
  entity_precision  mentions found that are labelled names (as written)
  types_right       of the labelled names found, those given the labelled type
  search_recall     for each entity and each spelling of it used in the articles, the share of
                    the articles naming the entity (under any spelling) that a search for that
                    spelling finds, averaged over (entity, spelling) pairs
"""
import collections, csv, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
bin_dir, extra = sys.argv[1], sys.argv[2:]
if "--set" in extra:
    at = extra.index("--set")
    if at + 1 >= len(extra):
        sys.exit("eval.py: --set needs a folder")
    here = os.path.abspath(extra[at + 1])
    del extra[at:at + 2]
articles = os.path.join(here, "articles")
labels = list(csv.DictReader(open(os.path.join(here, "labels.tsv"), encoding="utf-8"), delimiter="\t"))
TYPES = {"org": "organisation", "organisation": "organisation", "person": "person", "place": "place"}

def norm(s):
    return " ".join(s.split()).lower()

found, mentions_found = {}, set()
for name in sorted(os.listdir(articles)):
    out = subprocess.run([os.path.join(bin_dir, "corpus-index"), "--explain", os.path.join(articles, name),
                          "--json", *extra], capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    doc = doc[0] if isinstance(doc, list) else doc
    for e in doc["entities"]:
        for m in e["mentions"]:
            found[(name, norm(m))] = TYPES.get(e["type"], e["type"])
            mentions_found.add((name, norm(m)))

labelled = {(r["file"], norm(r["spelling"])): r["type"] for r in labels}
hit = [k for k in labelled if k in found]
types_right = sum(1 for k in hit if found[k] == labelled[k])
precision = sum(1 for k in mentions_found if k in labelled) / max(1, len(mentions_found))

with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([os.path.join(bin_dir, "corpus-index"), "--quiet", "--out", tmp + "/index", articles, *extra],
                   capture_output=True, check=True)
    files_of = collections.defaultdict(set)
    spellings_of = collections.defaultdict(set)
    for r in labels:
        files_of[r["canonical"]].add(r["file"][:-4])
        spellings_of[r["canonical"]].add(r["spelling"])
    recalls = []
    for canonical, spellings in spellings_of.items():
        if len(files_of[canonical]) < 2:
            continue  # one article: nothing to unify
        for s in spellings:
            res = subprocess.run([os.path.join(bin_dir, "corpus-search"), "--index", tmp + "/index", "--json",
                                  "--limit", "100", "--", '"' + s + '"'], capture_output=True, text=True)
            ids = {h["id"] for h in json.loads(res.stdout)["hits"]} if res.stdout.strip() else set()
            recalls.append(len(ids & files_of[canonical]) / len(files_of[canonical]))

print(json.dumps({
    "labelled_names": len(labelled),
    "entity_recall": round(len(hit) / len(labelled), 3),
    "entity_precision": round(precision, 3),
    "types_right": round(types_right / max(1, len(hit)), 3),
    "search_pairs": len(recalls),
    "search_recall": round(sum(recalls) / max(1, len(recalls)), 3),
}, indent=1))
