#!/usr/bin/env python3
"""Turns bench/run.sh's raw measurements into results.json and results.md.

Usage: report.py RAW_DIR OUT_DIR

RAW_DIR holds measures.tsv (`key<TAB>value` lines written by run.sh), queries.json (the output
of `corpus-search --bench-queries`) and, unless HTTP was skipped, wrk.json and wrk-cached.json
(the lines printed by wrk_queries.lua, without and with searchd's response cache) and, when
the peers ran, sqlite_fts5.json (bench/peers/sqlite_fts5.py). The reference figures are the
last ones measured elsewhere, each with its source.
"""
import json
import os
import sys

# Reference systems on the 100k corpus (2 cores, same queries), as last measured elsewhere:
# name, where the figures come from, articles/s, index MB as built, query p50/p95/p99 ms.
REFERENCES_100K = [
    ("SQLite FTS5 3.40", "../shared/bench/README.md, undated", 4400, 805, 113, 355, 490),
    ("PostgreSQL 15 FTS", "../shared/bench/README.md, undated", 1375, 1033, 59, 710, 852),
    ("Xapian 1.4 plainly", "../shared/bench/README.md, undated", 290, 2031, 33, 192, 251),
    ("SQLite FTS5", "issue 17, one side-by-side run before 2026-11-29", 5825, 805, 100, 318,
     446),
    ("PostgreSQL 15 FTS", "issue 17, one side-by-side run before 2026-11-29", 1591, 1033, 50,
     654, 740),
    ("Xapian 1.4 plainly", "issue 17, one side-by-side run before 2026-11-29", 384, 2031, 27,
     167, 220),
]
# Xapian omindex on the 10k corpus: articles/s, index MB.
OMINDEX_10K = (330, 142)

KIND_ORDER = ["common", "rare", "and", "phrase", "alias", "entity", "browse", "daterange"]


def read_measures(path):
    measures = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            measures[key] = value
    return measures


def wall_seconds(clock):
    """Seconds in /usr/bin/time's "h:mm:ss" or "m:ss.ss" form."""
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def load_json(path):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def build_results(m, queries, wrk, wrk_cached, peers):
    articles = int(m["articles"])
    corpus_mb = int(m["corpus_bytes"]) / 1e6
    seconds = wall_seconds(m["index_seconds"])
    searchd = None
    if "searchd_vmrss_kb" in m:
        searchd = {"vmrss_mb": int(m["searchd_vmrss_kb"]) / 1024,
                   "vmhwm_mb": int(m["searchd_vmhwm_kb"]) / 1024}
    return {
        "size": m["size"],
        "machine": {"date": m["date"], "commit": m["commit"], "cores": int(m["cores"]),
                    "cpu_model": m["cpu_model"], "xapian": m["xapian"],
                    "load_before": m["load_before"], "load_after": m["load_after"]},
        "corpus": {"articles": articles, "mb": round(corpus_mb, 1)},
        "indexing": {
            "seconds": seconds,
            "user_seconds": float(m["index_user_seconds"]),
            "articles_per_s": round(articles / seconds, 1),
            "mb_per_s": round(corpus_mb / seconds, 2),
            "peak_rss_mb": round(int(m["index_peak_rss_kb"]) / 1024, 1),
            "index_mb": round(int(m["index_bytes"]) / 1e6, 1),
            "compacted_mb": round(int(m["compact_bytes"]) / 1e6, 1),
            "compact_seconds": float(m["compact_seconds"]),
        },
        "queries": queries,
        "http": wrk,
        "http_cached": wrk_cached,
        "searchd_memory": searchd,
        "peers": peers,
        "reindex": {"add_1_seconds": float(m["reindex_1_seconds"]),
                    "add_1000_seconds": float(m["reindex_1000_seconds"]),
                    "add_1_extra_disk_bytes": int(m.get("reindex_1_extra_disk_bytes", 0)),
                    "add_1000_extra_disk_bytes": int(m.get("reindex_1000_extra_disk_bytes", 0))},
    }


def fmt(value, digits=1):
    return f"{value:,.{digits}f}"


def markdown(r):
    mc, ix = r["machine"], r["indexing"]
    lines = [
        f"# Benchmark {r['size']}: {r['corpus']['articles']:,} articles "
        f"({fmt(r['corpus']['mb'])} MB)",
        "",
        f"{mc['date']}, commit {mc['commit']}, {mc['cores']} cores ({mc['cpu_model']}), "
        f"Xapian {mc['xapian']}, load average {mc['load_before']} before, "
        f"{mc['load_after']} after.",
        "",
        "| Indexing | |",
        "|---|---|",
        f"| wall time | {fmt(ix['seconds'])} s (user {fmt(ix['user_seconds'])} s) |",
        f"| throughput | {fmt(ix['articles_per_s'], 0)} articles/s, {fmt(ix['mb_per_s'], 2)} MB/s |",
        f"| peak RSS | {fmt(ix['peak_rss_mb'])} MB |",
        f"| index size | {fmt(ix['index_mb'])} MB, {fmt(ix['compacted_mb'])} MB after "
        f"xapian-compact ({fmt(ix['compact_seconds'])} s) |",
        f"| incremental add (scripts/reindex.sh) | 1 article {fmt(r['reindex']['add_1_seconds'], 2)} s, "
        f"1,000 articles {fmt(r['reindex']['add_1000_seconds'], 2)} s; extra disk during the run "
        f"{r['reindex']['add_1_extra_disk_bytes'] / 1e6:.1f} MB and "
        f"{r['reindex']['add_1000_extra_disk_bytes'] / 1e6:.1f} MB |",
        "",
        "| Queries in process (ms) | count | p50 | p95 | p99 | mean |",
        "|---|---|---|---|---|---|",
    ]
    q = r["queries"]
    rows = [("**overall**", q["overall"])]
    rows += [(k, q["by_kind"][k]) for k in KIND_ORDER if k in q["by_kind"]]
    rows += [(k, v) for k, v in sorted(q["by_kind"].items()) if k not in KIND_ORDER]
    for name, s in rows:
        lines.append(f"| {name} | {s['count']} | {fmt(s['p50'], 2)} | {fmt(s['p95'], 2)} | "
                     f"{fmt(s['p99'], 2)} | {fmt(s['mean'], 2)} |")
    if r["http"]:
        mem = r["searchd_memory"]
        lines += ["", "| HTTP (wrk -t2 -c8) | |", "|---|---|",
                  *http_rows("no response cache", r["http"])]
        if r.get("http_cached"):
            lines += http_rows("response cache on (the query list repeats)", r["http_cached"])
        lines.append(f"| searchd memory (no cache) | VmRSS {fmt(mem['vmrss_mb'])} MB, "
                     f"VmHWM {fmt(mem['vmhwm_mb'])} MB |")
    lines += ["", *comparison(r)]
    return "\n".join(lines) + "\n"


def http_rows(label, h):
    """Table rows for one wrk run (the wrk-json line of bench/wrk_queries.lua)."""
    lat, err = h["latency_ms"], h["socket_errors"]
    return [
        f"| {label}: throughput | {fmt(h['qps'])} requests/s ({h['requests']:,} in "
        f"{fmt(h['seconds'])} s) |",
        f"| {label}: latency ms | p50 {fmt(lat['p50'], 2)}, p90 {fmt(lat['p90'], 2)}, "
        f"p95 {fmt(lat['p95'], 2)}, p99 {fmt(lat['p99'], 2)}, max {fmt(lat['max'], 2)} |",
        f"| {label}: errors | {h['non_2xx']} non-2xx; socket: connect {err['connect']}, read "
        f"{err['read']}, write {err['write']}, timeout {err['timeout']} |",
    ]


def comparison(r):
    """This engine beside the peers: those run side by side (bench/peers/), then, at 100k,
    the last figures measured elsewhere with their source; ratios are theirs / ours for time
    and size and ours / theirs for speed, so > 1 means this engine does better."""
    ix, q = r["indexing"], r["queries"]["overall"]
    lines = []
    if r["size"] == "10k":
        rate, size_mb = OMINDEX_10K
        lines += [f"Against Xapian omindex at 10k ({rate} articles/s, {size_mb} MB): indexing at "
                  f"{ix['articles_per_s'] / rate:.2f}x its speed, an index "
                  f"{ix['index_mb'] / size_mb:.2f}x its size ({ix['compacted_mb'] / size_mb:.2f}x "
                  "compacted).", ""]
    rows = [(p["system"], "this run", p["articles_per_s"], p["index_mb"], p["p50_ms"],
             p["p95_ms"], p["p99_ms"]) for p in r.get("peers") or []]
    if r["size"] == "100k":
        rows += REFERENCES_100K
    if not rows:
        return lines
    lines += ["This engine beside the peers (the same corpus and queries; ratio > 1: this engine "
              "is faster or smaller):", "",
              "| system | figures from | articles/s (ratio) | index MB (ratio) | p50 ms (ratio) "
              "| p95 | p99 |", "|---|---|---|---|---|---|---|",
              f"| this engine | this run | {fmt(ix['articles_per_s'], 0)} | {fmt(ix['index_mb'])} "
              f"| {fmt(q['p50'], 2)} | {fmt(q['p95'], 2)} | {fmt(q['p99'], 2)} |"]
    for name, source, rate, size_mb, p50, p95, p99 in rows:
        lines.append(f"| {name} | {source} | {fmt(rate, 0)} ({ix['articles_per_s'] / rate:.2f}) | "
                     f"{fmt(size_mb)} ({size_mb / ix['index_mb']:.2f}) | {fmt(p50, 1)} "
                     f"({p50 / q['p50']:.1f}) | {fmt(p95, 1)} ({p95 / q['p95']:.1f}) | "
                     f"{fmt(p99, 1)} ({p99 / q['p99']:.1f}) |")
    lines += ["", "PostgreSQL is not run here (not installed on the benchmark machine); its row, "
              "where shown, is the last measured one."]
    return lines


def main():
    raw, out = sys.argv[1], sys.argv[2]
    m = read_measures(os.path.join(raw, "measures.tsv"))
    results = build_results(m, load_json(os.path.join(raw, "queries.json")),
                            load_json(os.path.join(raw, "wrk.json")),
                            load_json(os.path.join(raw, "wrk-cached.json")),
                            [p for p in [load_json(os.path.join(raw, "sqlite_fts5.json"))] if p])
    with open(os.path.join(out, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    with open(os.path.join(out, "results.md"), "w", encoding="utf-8") as f:
        f.write(markdown(results))


if __name__ == "__main__":
    main()
