#!/usr/bin/env bash
# An index sharded across machines through Xapian's own remote backend (xapian-tcpsrv; see
# README "Sharded setup"). Each machine indexes its part of the corpus into its own index
# root (corpus-index --out ROOT PART...) and serves it; the search host opens a stub file of
# `remote HOST:PORT` lines with searchd --index STUB or corpus-search --index STUB.
#
# Usage:
#   scripts/shard.sh serve INDEX_ROOT PORT [--host ADDR] [--idle-timeout MS] [--active-timeout MS]
#       Serves INDEX_ROOT with xapian-tcpsrv in the foreground (bind ADDR, default 127.0.0.1).
#       The root's XAPIANDB stub is followed per connection, so new connections see a
#       generation published by scripts/reindex.sh; open connections keep theirs until they
#       are closed (idle timeout) or the client reconnects (searchd: SIGHUP).
#   scripts/shard.sh stub OUT_FILE HOST:PORT... [--spelling DIR]...
#       Writes (atomically) a stub file naming one remote shard per HOST:PORT, then each
#       spelling export DIR (corpus-index --export-spelling DIR --out SHARD_ROOT, one per
#       shard, copied to this host) for "did you mean", which Xapian cannot ask remote shards.
#   scripts/shard.sh status STUB_FILE
#       Prints each shard of STUB_FILE with its document count, or "unreachable"; exit 1 if
#       any shard is unreachable.
# xapian-tcpsrv has no authentication or encryption: bind it to a private interface only.
set -euo pipefail

idle_timeout_ms=60000   # close connections idle this long (clients reconnect on demand)
active_timeout_ms=30000 # abort a request that takes longer than this
status_timeout_s=10

usage() { sed -n '7,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
die() { echo "shard: error: $*" >&2; exit 2; }

need_tool() {
  command -v "$1" >/dev/null || die "$1 not found (Debian package xapian-tools)"
}

# is_host_port VALUE: HOST:PORT with a numeric port (HOST may be a name or an IPv4 address).
is_host_port() { [[ $1 =~ ^[A-Za-z0-9._-]+:[0-9]{1,5}$ ]]; }

serve() {
  (($# >= 2)) || { usage >&2; exit 2; }
  local root=$1 port=$2 host=127.0.0.1
  shift 2
  while (($#)); do
    case "$1" in
      --host) host=${2:?--host needs an address}; shift ;;
      --idle-timeout) idle_timeout_ms=${2:?--idle-timeout needs milliseconds}; shift ;;
      --active-timeout) active_timeout_ms=${2:?--active-timeout needs milliseconds}; shift ;;
      *) die "unknown option $1" ;;
    esac
    shift
  done
  [[ $port =~ ^[0-9]+$ ]] || die "port must be a number, not '$port'"
  [[ -d $root ]] || die "no index root at $root (build one with corpus-index --out $root PART...)"
  [[ -f $root/XAPIANDB || -f $root/iamglass ]] || die "$root holds no index (no XAPIANDB stub)"
  need_tool xapian-tcpsrv
  if [[ $host == 0.0.0.0 || $host == :: ]]; then
    echo "shard: warning: serving on every interface; xapian-tcpsrv has no authentication" >&2
  fi
  echo "shard: serving $root on $host:$port (idle ${idle_timeout_ms} ms, active ${active_timeout_ms} ms)" >&2
  exec xapian-tcpsrv --interface "$host" --port "$port" --idle-timeout "$idle_timeout_ms" \
    --active-timeout "$active_timeout_ms" --quiet "$root"
}

stub() {
  (($# >= 2)) || { usage >&2; exit 2; }
  local out=$1
  shift
  local shards=() spellings=()
  while (($#)); do
    if [[ $1 == --spelling ]]; then
      (($# >= 2)) || die "--spelling needs the folder of a spelling export"
      need_tool xapian-metadata
      [[ -f $2/iamglass && -n $(xapian-metadata get "$2" cs:spelling_export_of 2>/dev/null) ]] ||
        die "$2 is not a spelling export (make one with corpus-index --export-spelling $2 --out SHARD)"
      spellings+=("$(cd -- "$2" && pwd)")
      shift
    else
      is_host_port "$1" || die "'$1' is not HOST:PORT"
      shards+=("$1")
    fi
    shift
  done
  ((${#shards[@]})) || die "no HOST:PORT given"
  local tmp
  tmp=$(mktemp "$(dirname -- "$out")/.stub.XXXXXX")
  printf 'remote %s\n' "${shards[@]}" >"$tmp"
  if ((${#spellings[@]})); then printf 'auto %s\n' "${spellings[@]}" >>"$tmp"; fi
  chmod 644 "$tmp"
  mv -f "$tmp" "$out"
  echo "shard: wrote $out (${#shards[@]} shards, ${#spellings[@]} spelling exports)" >&2
}

status() {
  (($# == 1)) || { usage >&2; exit 2; }
  local stub_file=$1 kind target one failed=0
  [[ -f $stub_file ]] || die "no stub file at $stub_file"
  need_tool xapian-delve
  one=$(mktemp)
  trap 'rm -f "$one"' RETURN
  while read -r kind target _; do
    [[ $kind == remote ]] || continue
    printf 'remote %s\n' "$target" >"$one"
    local documents
    if documents=$(timeout "$status_timeout_s" xapian-delve "$one" 2>/dev/null |
      sed -n 's/^number of documents = //p') && [[ -n $documents ]]; then
      printf '%s\tok\t%s documents\n' "$target" "$documents"
    else
      printf '%s\tunreachable\n' "$target"
      failed=1
    fi
  done <"$stub_file"
  return "$failed"
}

case "${1:-}" in
  serve | stub | status) command=$1; shift; "$command" "$@" ;;
  -h | --help) usage ;;
  *) usage >&2; exit 2 ;;
esac
