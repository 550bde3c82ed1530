"""Queries searchd without pause until STOP_FILE exists (or a time limit), for reindex_test.sh.

Usage: reindex_client.py BASE_URL OUT_FILE STOP_FILE
Alternates GET /healthz and GET /api/search; writes one line per request to OUT_FILE:
"ok <documents> <generation>" for /healthz, "ok search <total>" for a search, or
"fail <what>" for any error or non-200 status.
"""
import json
import os
import sys
import time
import urllib.request

TIME_LIMIT_S = 150


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        if response.status != 200:
            raise RuntimeError(f"status {response.status}")
        return json.load(response)


def main():
    base, out_path, stop_file = sys.argv[1:4]
    deadline = time.monotonic() + TIME_LIMIT_S
    with open(out_path, "w", encoding="utf-8") as out:
        while not os.path.exists(stop_file) and time.monotonic() < deadline:
            try:
                health = fetch(base + "/healthz")
                out.write(f"ok {health['documents']} {health['generation']}\n")
                result = fetch(base + "/api/search?q=report&size=5")
                out.write(f"ok search {result['total']}\n")
            except Exception as error:  # every failure counts, whatever its kind
                out.write(f"fail {type(error).__name__}: {error}\n")
            out.flush()


if __name__ == "__main__":
    main()
