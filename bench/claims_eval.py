#!/usr/bin/env python3
"""Casualty-claim extraction quality against a hand-labelled set (issue 12).

    bench/claims_eval.py [--labelled bench/claims/labelled.tsv] [--index-bin build/bin/corpus-index]
                         [--gazetteer corpus/gazetteer.tsv] [--errors]

Each labelled sentence becomes one JSON Lines article; `corpus-index --explain --json` extracts
its claims. Extracted claims are paired with the expected ones of the same sentence and outcome
(equal numbers first). Reported: claim precision (paired / extracted, claims found in sentences
without any count as wrong), recall (paired / expected), count exact (paired claims whose
low/high or vague word match), claimant correct (paired claims whose claimant matches one of
the listed spellings, directly or as a spelling of the same gazetteer entity, or both have
none) and victim class correct. An optional `lang` column declares each sentence's language
(bench/claims/multilingual.tsv: Russian, Ukrainian and Arabic).
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict


def key(text):
    text = unicodedata.normalize("NFKD", text or "").lower()
    text = "".join(c for c in text if c.isalnum() or c == " ")
    words = [w for w in text.split() if w not in ("the", "a", "an")]
    return " ".join(words)


def read_labelled(path):
    sentences, expected = {}, defaultdict(list)
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line_no, line in enumerate(f, 2):
            cells = line.rstrip("\n").split("\t")
            if len(cells) != len(header):
                sys.exit(f"{path}:{line_no}: expected {len(header)} cells, got {len(cells)}")
            row = dict(zip(header, cells))
            sentences[row["sentence_id"]] = (row["sentence"], row.get("lang", ""))
            if row["outcome"] != "-":
                expected[row["sentence_id"]].append(row)
    return sentences, expected


def extract(sentences, index_bin, gazetteer):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sentences.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for sid, (text, lang) in sentences.items():
                article = {"id": sid, "title": "-", "text": text, "published": "2024-05-15",
                           "outlet": "Eval"}
                if lang:  # an optional `lang` column declares the sentence's language
                    article["lang"] = lang
                f.write(json.dumps(article) + "\n")
        cmd = [index_bin, "--explain", path, "--json"]
        if gazetteer:
            cmd += ["--gazetteer", gazetteer]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    claims = {}
    decoder, pos = json.JSONDecoder(), 0
    while pos < len(out):  # one JSON object per article, pretty-printed or not
        while pos < len(out) and out[pos].isspace():
            pos += 1
        if pos == len(out):
            break
        j, pos = decoder.raw_decode(out, pos)
        claims[j["id"]] = j.get("claims", [])
    return claims


def same_number(exp, got):
    if exp["vague"]:
        return (got.get("vague") or "") == exp["vague"]
    return got.get("low") == int(exp["low"]) and got.get("high") == int(exp["high"])


def read_aliases(path):
    """gazetteer id -> the keys of its spellings, so a listed spelling of the entity counts."""
    aliases = defaultdict(set)
    if not path or not os.path.exists(path):
        return aliases
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            if row.get("id"):
                for name in [row.get("canonical", "")] + row.get("aliases", "").split("|"):
                    aliases[row["id"]].add(key(name))
    return aliases


def claimant_ok(exp, got, aliases):
    want = exp["claimant"].strip()
    claimant = got.get("claimant")
    if want in ("-", ""):
        return claimant is None
    if claimant is None:
        return False
    names = {key(n) for n in want.split("|")}
    return key(claimant.get("name")) in names or bool(names & aliases.get(claimant.get("id"), set()))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labelled", default=os.path.join(root, "bench/claims/labelled.tsv"))
    ap.add_argument("--index-bin", default=os.path.join(root, "build/bin/corpus-index"))
    ap.add_argument("--gazetteer", default=os.path.join(root, "corpus/gazetteer.tsv"))
    ap.add_argument("--errors", action="store_true", help="print every miss")
    args = ap.parse_args()

    sentences, expected = read_labelled(args.labelled)
    # The indexer merges the bundled gazetteer: its spellings of an entity count too.
    aliases = read_aliases(args.gazetteer)
    for path in sorted(glob.glob(os.path.join(root, "data/gazetteer/*.tsv"))):
        for entity, keys in read_aliases(path).items():
            aliases[entity] |= keys
    extracted = extract(sentences, args.index_bin, args.gazetteer)
    n_expected = sum(len(v) for v in expected.values())
    n_extracted = paired = exact = claimant = klass = 0
    for sid, (text, _) in sentences.items():
        got = list(extracted.get(sid, []))
        n_extracted += len(got)
        for exp in expected.get(sid, []):
            candidates = [g for g in got if g["outcome"] == exp["outcome"]]
            match = next((g for g in candidates if same_number(exp, g)), None)
            match = match or (candidates[0] if candidates else None)
            if match is None:
                if args.errors:
                    print(f"MISS  {sid}: {exp['outcome']} {exp['low'] or exp['vague']}: {text}")
                continue
            got.remove(match)
            paired += 1
            ok_number = same_number(exp, match)
            ok_claimant = claimant_ok(exp, match, aliases)
            exact += ok_number
            claimant += ok_claimant
            klass += match["class"] == exp["class"]
            if args.errors and not (ok_number and ok_claimant and match["class"] == exp["class"]):
                c = match.get("claimant")
                print(f"WRONG {sid}: want {exp['low'] or exp['vague']}/{exp['claimant']}/"
                      f"{exp['class']} got {match.get('low') or match.get('vague')}/"
                      f"{c['name'] if c else '-'}/{match['class']}: {text}")
        if args.errors:
            for g in got:
                print(f"EXTRA {sid}: {g['outcome']} {g['number']}: {text}")
    ratio = lambda a, b: a / b if b else 0.0
    print(json.dumps({
        "sentences": len(sentences),
        "expected_claims": n_expected,
        "extracted_claims": n_extracted,
        "precision": round(ratio(paired, n_extracted), 3),
        "recall": round(ratio(paired, n_expected), 3),
        "count_exact": round(ratio(exact, paired), 3),
        "claimant_correct": round(ratio(claimant, paired), 3),
        "class_correct": round(ratio(klass, paired), 3),
    }, indent=2))


if __name__ == "__main__":
    main()
