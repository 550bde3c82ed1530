#!/usr/bin/env python3
"""Snapshots searchd's /api/search answers for a benchmark query file, to compare two builds.

Usage: bench/api_snapshot.py URL QUERIES OUT.jsonl
  URL      searchd's base URL (http://127.0.0.1:8080); run it with --cache-mb 0
  QUERIES  a bench query file (kind TAB text TAB filters, see ../shared/bench/make_queries.py)
  OUT      one JSON answer per query line, with took_ms removed (it is the only field that
           differs between two identical runs)

Each query is asked as the benchmark asks it (facets always computed; browse sorted newest),
then again with sort=oldest and collapse=true, so orders and collapsing are covered too.
Compare two snapshots with `cmp A B` (or diff for the first differing query).
"""
import json
import sys
import urllib.parse
import urllib.request


def params_for(text, filters):
    params = []
    if text:
        params.append(("q", text))
    for item in filters.split(";") if filters else []:
        key, _, value = item.partition("=")
        params.append((key, value))
    if not text:
        params.append(("sort", "newest"))
    return params


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    url, queries, out = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
    asked = 0
    with open(queries, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            kind, text, filters = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            base = params_for(text, filters)
            variants = [base, [p for p in base if p[0] != "sort"] + [("sort", "oldest"),
                                                                     ("collapse", "true")]]
            for params in variants:
                target = url + "/api/search?" + urllib.parse.urlencode(params)
                with urllib.request.urlopen(target, timeout=60) as response:
                    answer = json.load(response)
                answer.pop("took_ms", None)
                o.write(json.dumps({"kind": kind, "params": params, "answer": answer},
                                   sort_keys=True, ensure_ascii=False) + "\n")
                asked += 1
    print("%d answers written to %s" % (asked, out))


if __name__ == "__main__":
    main()
