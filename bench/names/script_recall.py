#!/usr/bin/env python3
"""Entity recall on the Arabic, Russian and Ukrainian test articles (tests/data/multilingual),
against tests/data/multilingual_expected.md: the share of the listed (file, spelling) gazetteer
mentions that corpus-index --explain finds within a mention of a gazetteer entity (spellings
listed only inside longer names or adjectives are not counted).

Usage: bench/names/script_recall.py BIN_DIR [LANG...]   (default languages: ar ru uk)
"""
import json, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
bin_dir = sys.argv[1]
langs = sys.argv[2:] or ["ar", "ru", "uk"]
data = os.path.join(root, "tests", "data", "multilingual")
expected = {}
for line in open(os.path.join(root, "tests", "data", "multilingual_expected.md"), encoding="utf-8"):
    m = re.match(r"\s*- (\w\w_[\w.]+\.txt): (.+?) \((.+?)\)(.*)$", line)
    if not m or "(adj.)" in line or "(inside" in line:
        continue
    expected.setdefault(m.group(1), []).append((m.group(2), m.group(3)))
for lang in langs:
    total = found = 0
    missed = []
    for name, items in sorted(expected.items()):
        if not name.startswith(lang + "_"):
            continue
        out = subprocess.run([os.path.join(bin_dir, "corpus-index"), "--explain", os.path.join(data, name), "--json"],
                             capture_output=True, text=True, check=True).stdout
        doc = json.loads(out)
        doc = doc[0] if isinstance(doc, list) else doc
        mentions = {m for e in doc["entities"] if not e["id"].startswith("x-") for m in e["mentions"]}
        for canonical, spelling in items:
            total += 1
            if any(spelling in m or m in spelling for m in mentions):
                found += 1
            else:
                missed.append(f"{name}: {canonical} ({spelling})")
    print(json.dumps({"lang": lang, "listed": total, "found": found,
                      "recall": round(found / max(1, total), 3), "missed": missed}, ensure_ascii=False))
