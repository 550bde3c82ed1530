#!/usr/bin/env python3
"""bench/peers/sqlite_fts5.py and bench/report.py's comparison, on a corpus small enough to
count by hand. Usage: bench_peers_test.py SOURCE_DIR"""
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

source = sys.argv[1]


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(source, path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


peer = load("sqlite_fts5", "bench/peers/sqlite_fts5.py")
report = load("report", "bench/report.py")
failures = []


def check(what, got, expected):
    if got != expected:
        failures.append(f"{what}: got {got!r}, expected {expected!r}")


ARTICLES = [  # id, outlet, published, title, text, true entities
    ("a1", "Wire", "2015-03-01", "Shelling in Aleppo", "Barrel bombs killed 12 civilians.",
     ["aleppo"]),
    ("a2", "Wire", "2016-05-02", "Raqqa strikes", "Air strikes killed fighters near Raqqa.",
     ["raqqa", "islamic-state"]),
    ("a3", "Monitor", "2015-07-09", "Aleppo toll", "The death toll from barrel bombs rose.",
     ["aleppo"]),
    ("a4", "Monitor", "2017-01-20", "Quiet day", "Bombs barrel through no phrase here.", []),
    ("a5", "Daily", "2015-11-30", "Killing in Idlib", "Civilians were killed in Idlib \"today\".",
     ["idlib"]),
]

with tempfile.TemporaryDirectory() as tmp:
    corpus, truth = os.path.join(tmp, "corpus.jsonl"), os.path.join(tmp, "truth.jsonl")
    with open(corpus, "w") as c, open(truth, "w") as t:
        for id_, outlet, date, title, text, entities in ARTICLES:
            c.write(json.dumps({"id": id_, "outlet": outlet, "published": date, "title": title,
                                "text": text}) + "\n")
            t.write(json.dumps({"id": id_, "entities": entities}) + "\n")
    queries = os.path.join(tmp, "queries.txt")
    with open(queries, "w") as q:
        q.write("# kind, text, filters\ncommon\tkilled\t\nphrase\t\"barrel bombs\"\t\n"
                "entity\t\tentity=aleppo\nbrowse\t\toutlet=Wire\n")
    out = os.path.join(tmp, "peer.json")
    subprocess.run([sys.executable, os.path.join(source, "bench/peers/sqlite_fts5.py"), corpus,
                    truth, queries, os.path.join(tmp, "work"), out], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out) as f:
        figures = json.load(f)
    check("articles", figures["articles"], 5)
    check("queries", figures["queries"], 4)
    check("kinds", sorted(figures["p50_ms_by_kind"]), ["browse", "common", "entity", "phrase"])
    for key in ("articles_per_s", "p50_ms", "p95_ms", "p99_ms"):
        check(key + " > 0", figures[key] > 0, True)
    check("index_mb", figures["index_mb"],
          round(os.path.getsize(os.path.join(tmp, "work", "fts5.db")) / 1e6, 1))

    db = sqlite3.connect(os.path.join(tmp, "work", "fts5.db"))
    # text, filters -> total, first hit (None: any), outlet facet, entity facet
    cases = [
        ("killed", "", 3, None, {"Wire": 2, "Daily": 1}, {"aleppo": 1, "raqqa": 1,
                                                          "islamic-state": 1, "idlib": 1}),
        ('"barrel bombs"', "", 2, None, {"Wire": 1, "Monitor": 1}, {"aleppo": 2}),
        ("killed civilians", "from=2015-01-01;to=2015-12-31", 2, None, {"Wire": 1, "Daily": 1},
         {"aleppo": 1, "idlib": 1}),
        ("", "entity=aleppo", 2, "a3", {"Wire": 1, "Monitor": 1}, {"aleppo": 2}),
        ("", "outlet=Wire", 2, "a2", {"Wire": 2}, {"aleppo": 1, "raqqa": 1, "islamic-state": 1}),
        ('today"', "", 1, "a5", {"Daily": 1}, {"idlib": 1}),  # a stray quote is no syntax error
        ("nowhere", "", 0, None, {}, {}),
        ("killed (", "", 3, None, {"Wire": 2, "Daily": 1}, {"aleppo": 1, "raqqa": 1,
                                                             "islamic-state": 1, "idlib": 1}),
        ("killed\u00a0civilians", "", 2, None, {"Wire": 1, "Daily": 1},
         {"aleppo": 1, "idlib": 1}),
        ('" "', "outlet=Monitor;", 2, "a4", {"Monitor": 2}, {"aleppo": 1}),
        ("Idlib", "to=2015-12-31", 1, "a5", {"Daily": 1}, {"idlib": 1}),
    ]
    for text, filters, total, first, outlets, entities in cases:
        got_total, hits, facets = peer.ask(db, text, filters)
        what = f"query {text!r} {filters!r}"
        check(what + " total", got_total, total)
        check(what + " hits", len(hits), min(total, 10))
        if first:
            check(what + " first hit", hits[0][0], first)
        check(what + " outlets", dict(facets["outlet"]), outlets)
        check(what + " entities", dict(facets["entity"]), entities)
        check(what + " years sum", sum(c for _, c in facets["year"]), total)
    check("snippet marks the phrase", "<b>" in peer.ask(db, '"barrel bombs"', "")[1][0][1], True)
    db.close()

# A truth file that ends early stops the run with a message, not a short index.
with tempfile.TemporaryDirectory() as tmp:
    corpus, truth = os.path.join(tmp, "corpus.jsonl"), os.path.join(tmp, "truth.jsonl")
    with open(corpus, "w") as c, open(truth, "w") as t:
        c.write(json.dumps({"id": "x1", "outlet": "W", "published": "2015-01-01", "title": "T",
                            "text": "x"}) + "\n")
        c.write(json.dumps({"id": "x2", "outlet": "W", "published": "2015-01-02", "title": "T",
                            "text": "y"}) + "\n")
        t.write(json.dumps({"id": "x1", "entities": []}) + "\n")
    queries = os.path.join(tmp, "queries.txt")
    with open(queries, "w") as q:
        q.write("rare\tx\t\n")
    done = subprocess.run([sys.executable, os.path.join(source, "bench/peers/sqlite_fts5.py"),
                           corpus, truth, queries, os.path.join(tmp, "work"),
                           os.path.join(tmp, "out.json")], capture_output=True, text=True)
    check("short truth: exit status", done.returncode, 1)
    check("short truth: message", "different numbers of lines" in done.stderr, True)

# The report puts this engine, the peers of this run and, at 100k, the last measured figures
# with their sources side by side.
run = {"size": "100k", "indexing": {"articles_per_s": 500.0, "index_mb": 1000.0,
                                    "compacted_mb": 990.0},
       "queries": {"overall": {"p50": 5.0, "p95": 10.0, "p99": 20.0}},
       "peers": [{"system": "SQLite FTS5 (run here)", "articles_per_s": 2000.0, "index_mb": 800.0,
                  "p50_ms": 50.0, "p95_ms": 100.0, "p99_ms": 200.0}]}
lines = report.comparison(run)
row = next((l for l in lines if l.startswith("| SQLite FTS5 (run here) | this run |")), None)
check("peer row", row is not None, True)
if row:
    check("peer row ratios", [c.strip() for c in row.split("|")[3:6]],
          ["2,000 (0.25)", "800.0 (0.80)", "50.0 (10.0)"])
check("references at 100k", sum("issue 17" in l for l in lines), 3)
run["size"], run["peers"] = "1m", []
check("no peers, not 100k: no table", report.comparison(run), [])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("bench peers: all checks passed")
