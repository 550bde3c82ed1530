#!/usr/bin/env python3
"""SQLite FTS5 on the benchmark corpus and queries, run side by side with this engine.

Usage: bench/peers/sqlite_fts5.py CORPUS.jsonl TRUTH.jsonl QUERIES WORK_DIR OUT.json

Indexes CORPUS (the benchmark's JSON Lines) into WORK_DIR/fts5.db the way SQLite is used
plainly: an FTS5 table of title and text (porter stemming over unicode61), a table of outlet
and date, and one of entity mentions taken from the generator's ground truth (TRUTH, written by
gen_corpus.py --truth: SQLite has no entity extraction, so it is given the true entities and
their indexing costs nothing). Then answers every query of QUERIES as the benchmark asks it:
the exact total, the top 10 (bm25, or newest first for a browse) each with snippet(), and
exact counts of outlet (top 10), year (all) and entity (top 10) over the whole match set; a
warm-up pass, then a timed one. Writes the figures as JSON to OUT.json (and prints them).
"""
import json
import os
import sqlite3
import statistics
import sys
import time


def next_pair(pairs, corpus, truth):
    """The next (corpus line, truth line), None at the end of both; exits when one ends first."""
    try:
        return next(pairs)
    except StopIteration:
        return None
    except ValueError:
        sys.exit(f"sqlite_fts5.py: {truth} and {corpus} have different numbers of lines")


def index(corpus, truth, db_path):
    """Builds the database; returns (articles, seconds)."""
    if os.path.exists(db_path):
        os.remove(db_path)
    db = sqlite3.connect(db_path)
    db.executescript("""
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE VIRTUAL TABLE fts USING fts5(title, text, tokenize = 'porter unicode61');
        CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT, outlet TEXT, published TEXT,
                           year TEXT);
        CREATE TABLE mentions (rowid INTEGER, entity TEXT);
    """)
    start = time.monotonic()
    articles = 0
    with open(corpus, encoding="utf-8") as c, open(truth, encoding="utf-8") as t:
        pairs = zip(c, t, strict=True)
        for line, truth_line in iter(lambda: next_pair(pairs, corpus, truth), None):
            a, true = json.loads(line), json.loads(truth_line)
            if a["id"] != true["id"]:
                sys.exit(f"sqlite_fts5.py: {truth} does not follow {corpus} (line {articles + 1})")
            articles += 1
            db.execute("INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)",
                       (articles, a["title"], a["text"]))
            published = a.get("published") or ""
            db.execute("INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
                       (articles, a["id"], a["outlet"], published, published[:4]))
            db.executemany("INSERT INTO mentions VALUES (?, ?)",
                           [(articles, e) for e in sorted(set(true["entities"]))])
    db.executescript("""
        CREATE INDEX docs_outlet ON docs (outlet, published);
        CREATE INDEX docs_published ON docs (published);
        CREATE INDEX mentions_entity ON mentions (entity, rowid);
        CREATE INDEX mentions_rowid ON mentions (rowid);
        INSERT INTO fts (fts) VALUES ('optimize');
    """)
    db.commit()
    db.close()
    return articles, time.monotonic() - start


def quoted(words):
    """Words as one FTS5 string (a phrase when several), so FTS5 syntax in them is literal."""
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def has_token(word):
    return any(c.isalnum() for c in word)


def match_expression(text):
    """The benchmark's free text as an FTS5 expression: every word required, quoted phrases
    kept; tokens without a letter or digit (which FTS5 cannot match) are left out. Empty
    when nothing is left: the query is then a browse."""
    parts, rest = [], text
    while rest:
        rest = rest.strip()
        if rest.startswith('"'):
            end = rest.find('"', 1)
            phrase, rest = (rest[1:end], rest[end + 1:]) if end > 0 else (rest[1:], "")
            words = [w for w in phrase.split() if has_token(w)]
            if words:
                parts.append(quoted(words))
        elif rest:
            word, *others = rest.split(None, 1)
            rest = others[0] if others else ""
            if has_token(word):
                parts.append(quoted([word]))
    return " AND ".join(parts)


def ask(db, text, filters):
    """One benchmark query: (total, hits, facets). The match runs once, into a temporary
    table of (rowid, sort key) that the total, the top 10 and the facet counts all read."""
    where, args = [], []
    for item in filters.split(";") if filters else []:
        if not item:
            continue
        key, _, value = item.partition("=")
        if key == "outlet":
            where.append("d.outlet = ?")
        elif key == "from":
            where.append("d.published != '' AND d.published >= ?")
        elif key == "to":
            where.append("d.published != '' AND d.published <= ?")
        elif key == "entity":
            where.append("d.rowid IN (SELECT rowid FROM mentions WHERE entity = ?)")
        else:
            sys.exit(f"sqlite_fts5.py: unknown filter {key!r}")
        args.append(value)
    expression = match_expression(text)
    if expression:
        source = "fts JOIN docs d ON d.rowid = fts.rowid"
        where.insert(0, "fts MATCH ?")
        args.insert(0, expression)
        key, order = "bm25(fts)", "key, rowid"  # bm25: lower is better
    else:
        source, key, order = "docs d", "d.published", "key DESC, rowid"
    condition = " AND ".join(where) or "1"
    db.execute("DROP TABLE IF EXISTS temp.m")
    db.execute(f"CREATE TEMP TABLE m AS SELECT d.rowid AS rowid, {key} AS key FROM {source} "
               f"WHERE {condition}", args)
    total = db.execute("SELECT count(*) FROM temp.m").fetchone()[0]
    hits = []
    for (rowid,) in db.execute(f"SELECT rowid FROM temp.m ORDER BY {order} LIMIT 10").fetchall():
        article = db.execute("SELECT id FROM docs WHERE rowid = ?", (rowid,)).fetchone()[0]
        snippet = ""
        if expression:
            snippet = db.execute("SELECT snippet(fts, 1, '<b>', '</b>', '...', 24) FROM fts "
                                 "WHERE fts MATCH ? AND rowid = ?",
                                 (expression, rowid)).fetchone()[0]
        hits.append((article, snippet))
    facets = {
        "outlet": db.execute("SELECT d.outlet, count(*) c FROM temp.m JOIN docs d USING (rowid) "
                             "GROUP BY d.outlet ORDER BY c DESC LIMIT 10").fetchall(),
        "year": db.execute("SELECT d.year, count(*) FROM temp.m JOIN docs d USING (rowid) "
                           "GROUP BY d.year ORDER BY d.year").fetchall(),
        "entity": db.execute("SELECT e.entity, count(*) c FROM temp.m JOIN mentions e "
                             "USING (rowid) GROUP BY e.entity ORDER BY c DESC LIMIT 10").fetchall(),
    }
    return total, hits, facets


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    corpus, truth, queries, work, out = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    db_path = os.path.join(work, "fts5.db")
    articles, seconds = index(corpus, truth, db_path)
    lines = []
    with open(queries, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                kind, text, filters = (line.rstrip("\n").split("\t") + ["", ""])[:3]
                lines.append((kind, text, filters))
    db = sqlite3.connect(db_path)
    for _, text, filters in lines:  # warm-up pass
        ask(db, text, filters)
    times, by_kind = [], {}
    for kind, text, filters in lines:
        start = time.perf_counter()
        ask(db, text, filters)
        ms = (time.perf_counter() - start) * 1000
        times.append(ms)
        by_kind.setdefault(kind, []).append(ms)
    result = {
        "system": f"SQLite FTS5 {sqlite3.sqlite_version} (Python sqlite3, run side by side)",
        "articles": articles,
        "articles_per_s": round(articles / seconds, 1),
        "index_mb": round(os.path.getsize(db_path) / 1e6, 1),
        "queries": len(times),
        "p50_ms": round(statistics.median(times), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "p99_ms": round(percentile(times, 99), 2),
        "p50_ms_by_kind": {k: round(statistics.median(v), 2) for k, v in sorted(by_kind.items())},
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
