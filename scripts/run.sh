#!/usr/bin/env bash
# Sets up, builds, indexes corpus/ (when there is no index yet) and serves it with searchd.
# Usage: scripts/run.sh [--port N] [--host ADDR] [--index ROOT]
#   PORT, HOST and INDEX in the environment work too. Stop with Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

port="${PORT:-8080}"
host="${HOST:-127.0.0.1}"
index="${INDEX:-var/index}"
while (($#)); do
  case "$1" in
    --port) port="${2:?--port needs a value}"; shift 2 ;;
    --port=*) port="${1#*=}"; shift ;;
    --host) host="${2:?--host needs a value}"; shift 2 ;;
    --host=*) host="${1#*=}"; shift ;;
    --index) index="${2:?--index needs a value}"; shift 2 ;;
    --index=*) index="${1#*=}"; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

bash scripts/deps.sh
echo "run.sh: building (build/)" >&2
BUILD_TARGETS="corpus-index corpus-search searchd" bash scripts/build.sh >/dev/null

if [[ ! -e "$index/XAPIANDB" ]]; then
  echo "run.sh: indexing corpus/ into $index" >&2
  mkdir -p "$(dirname "$index")"
  build/bin/corpus-index --out "$index" -- corpus/
else
  echo "run.sh: using the existing index in $index (scripts/reindex.sh updates it)" >&2
fi

echo "run.sh: serving http://$host:$port/  (Ctrl-C stops)" >&2
exec build/bin/searchd --host "$host" --port "$port" --index "$index" \
  --pid-file "$index/searchd.pid"
