#!/usr/bin/env python3
"""Checks that a sharded index answers the benchmark queries exactly as one index does.

Usage: bench/shard_compare.py BIN_DIR CORPUS.jsonl QUERIES GAZETTEER WORK_DIR [SHARDS]
  Indexes CORPUS whole and split into SHARDS (default 2) consecutive parts, each after the
  ones before it with --peer naming them (so copies across parts are folded), serves the parts
  with scripts/shard.sh on loopback, runs every query of QUERIES (the bench format, see
  ../shared/bench/make_queries.py) through corpus-search --json --facets on both, as asked
  (browse newest first) and again with sort=oldest and collapse, and compares total, facets,
  timeline, the top-10 order and duplicate counts. Then stops the last shard's server and checks
  that a search still answers, with a warning naming that shard. Prints the differences and a
  summary line; exit 1 when any answer differs or the warning is missing.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def index(bin_dir, out, inputs, gazetteer, peers=()):
    peer_args = [arg for peer in peers for arg in ("--peer", peer)]
    subprocess.run([os.path.join(bin_dir, "corpus-index"), "--quiet", "--out", out,
                    "--gazetteer", gazetteer, *peer_args, *inputs], check=True,
                   stdout=subprocess.DEVNULL)


def args_for(text, filters, variant):
    args = ["--json", "--facets"]
    params = dict(item.split("=", 1) for item in filters.split(";") if item)
    for key, value in params.items():
        args.append("--%s=%s" % (key, value))
    if variant == "asked":
        args += ["--sort", "relevance" if text else "newest"]
    else:
        args += ["--sort", "oldest", "--collapse"]
    return args + (["--", *text.split()] if text else [])


def answer(bin_dir, index_path, args):
    done = subprocess.run([os.path.join(bin_dir, "corpus-search"), "--index", index_path, *args],
                          capture_output=True, text=True, timeout=120)
    if done.returncode not in (0, 1):
        raise SystemExit("corpus-search %s failed: %s" % (args, done.stderr))
    r = json.loads(done.stdout)
    return {"total": r["total"], "facets": r["facets"], "timeline": r["timeline"],
            "hits": [(h["id"], h["duplicates"]) for h in r["hits"]]}


def main():
    if len(sys.argv) not in (6, 7):
        sys.exit(__doc__)
    bin_dir, corpus, queries, gazetteer, work = sys.argv[1:6]
    shards = int(sys.argv[6]) if len(sys.argv) == 7 else 2
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(os.path.join(work, "whole"))
    os.symlink(os.path.abspath(corpus), os.path.join(work, "whole", "corpus.jsonl"))
    lines = open(corpus, encoding="utf-8").readlines()
    size = (len(lines) + shards - 1) // shards
    index(bin_dir, os.path.join(work, "index-whole"), [os.path.join(work, "whole")], gazetteer)
    servers = []
    stub = os.path.join(work, "shards.stub")
    try:
        with open(stub, "w") as out:
            for s in range(shards):
                part = os.path.join(work, "part-%d" % s)
                os.makedirs(part)
                with open(os.path.join(part, "part.jsonl"), "w", encoding="utf-8") as f:
                    f.writelines(lines[s * size:(s + 1) * size])
                index(bin_dir, os.path.join(work, "index-%d" % s), [part], gazetteer,
                      [os.path.join(work, "index-%d" % p) for p in range(s)])
                port = free_port()
                servers.append(subprocess.Popen(
                    ["bash", os.path.join(ROOT, "scripts/shard.sh"), "serve",
                     os.path.join(work, "index-%d" % s), str(port)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
                out.write("remote 127.0.0.1:%d\n" % port)
        time.sleep(1)
        compared = differing = 0
        for line in open(queries, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            kind, text, filters = (line.rstrip("\n").split("\t") + ["", ""])[:3]
            for variant in ("asked", "oldest+collapse"):
                args = args_for(text, filters, variant)
                one = answer(bin_dir, os.path.join(work, "index-whole"), args)
                many = answer(bin_dir, stub, args)
                compared += 1
                if one != many:
                    differing += 1
                    keys = [k for k in one if one[k] != many[k]]
                    print("DIFF %s %r %s: %s" % (kind, text or filters, variant, ", ".join(keys)))
        print("%d answers compared, one index vs %d shards: %d differ" % (compared, shards,
                                                                           differing))
        os.killpg(servers[-1].pid, 15)
        servers[-1].wait()
        down = open(stub).read().split()[-1]
        done = subprocess.run([os.path.join(bin_dir, "corpus-search"), "--index", stub, "--json",
                               "aleppo"], capture_output=True, text=True, timeout=120)
        warned = done.returncode in (0, 1) and any(
            down in w for w in json.loads(done.stdout)["warnings"])
        print("one shard down (%s): %s" % (down, "answered with a warning naming it" if warned
                                           else "FAILED: " + done.stderr.strip()))
        sys.exit(1 if differing or not warned else 0)
    finally:
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, 15)


if __name__ == "__main__":
    main()
