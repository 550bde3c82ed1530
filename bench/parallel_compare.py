#!/usr/bin/env python3
"""Checks that searches split over threads answer exactly as searches on one thread.

Usage: bench/parallel_compare.py BIN_DIR INDEX QUERIES [THREADS]
  Starts searchd twice on INDEX (response cache off), with --match-threads 1 and with
  --match-threads THREADS (default 2), and runs every query of QUERIES (the bench format, see
  ../shared/bench/make_queries.py) through /api/search on both: as asked (browse newest
  first), sorted oldest with folding, by relevance with folding, and page 3 of 20. Compares
  total, total_exact, facets, facets_exact, timeline and every hit's id, score and folded
  copies. Searches are split only on indexes of 50,000 articles or more (searchd), so INDEX
  should be that large. Prints the differences and a summary; exit 1 when any answer differs.
"""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(bin_dir, index, threads):
    port = free_port()
    server = subprocess.Popen([os.path.join(bin_dir, "searchd"), "--index", index, "--port",
                               str(port), "--cache-mb", "0", "--match-threads", str(threads)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    for _ in range(600):
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as r:
                return server, base, json.load(r)["documents"]
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    server.kill()
    sys.exit("searchd did not start on %s" % index)


def params_for(text, filters, variant):
    params = [tuple(item.split("=", 1)) for item in filters.split(";") if item]
    if text:
        params.append(("q", text))
    if variant == "asked":
        params.append(("sort", "relevance" if text else "newest"))
    elif variant == "oldest+collapse":
        params += [("sort", "oldest"), ("collapse", "true")]
    elif variant == "relevance+collapse":
        params += [("sort", "relevance"), ("collapse", "true")]
    else:
        params += [("page", "3"), ("size", "20")]
    return params


def answer(base, params):
    url = base + "/api/search?" + urllib.parse.urlencode(params)
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            body = json.load(r)
    except urllib.error.HTTPError as e:
        return {"status": e.code}
    keys = ("total", "total_exact", "facets", "facets_exact", "timeline")
    answer = {k: body.get(k) for k in keys}
    answer["hits"] = [(h["id"], h["score"], h["duplicates"]) for h in body["hits"]]
    return answer


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    bin_dir, index, queries = sys.argv[1:4]
    threads = int(sys.argv[4]) if len(sys.argv) == 5 else 2
    one, one_base, documents = start(bin_dir, index, 1)
    many, many_base, _ = start(bin_dir, index, threads)
    try:
        if documents < 50000:
            print("warning: %d articles: searches are not split below 50,000" % documents)
        compared = differing = 0
        for line in open(queries, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            kind, text, filters = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            for variant in ("asked", "oldest+collapse", "relevance+collapse", "page 3"):
                params = params_for(text, filters, variant)
                a = answer(one_base, params)
                b = answer(many_base, params)
                compared += 1
                if a != b:
                    differing += 1
                    keys = [k for k in a if a.get(k) != b.get(k)]
                    print("DIFF %s %r %s: %s" % (kind, text or filters, variant, ", ".join(keys)))
        print("%d answers compared, 1 thread vs %d: %d differ" % (compared, threads, differing))
        sys.exit(1 if differing else 0)
    finally:
        for server in (one, many):
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
