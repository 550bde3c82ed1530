#!/usr/bin/env bash
# Keeps an index root current with zero downtime. By default the live generation is updated in
# place (corpus-index in one Xapian transaction: readers see the run all at once or not at all;
# the cost follows the change, not the archive), then checked cheaply (document count, a smoke
# query; --check adds xapian-check). With --full (or when there is no index yet) a new
# generation is built beside the live one, checked with xapian-check, published atomically (the
# stub rename in core/generations.cpp), and the last few generations are kept. A running searchd
# is told either way. A failed or killed run leaves the last committed index serving.
#
# Usage: scripts/reindex.sh [--full] [--check] [--quiet] [--allow-shrink] [--no-wait] [--keep N] [--peer SHARD]... [--on-new CMD] [--] [CORPUS_DIR] [INDEX_ROOT]
#   CORPUS_DIR  articles to index (default: corpus/ in the repository)
#   INDEX_ROOT  index root: generations + XAPIANDB stub (default: var/index/ in the repository)
#   --quiet     print only when the index changed (one summary line) or on error: for cron
#   --peer SHARD  another shard of the archive: copies of its articles fold with them
#   --on-new CMD  after the run, for each watch with new matches, run CMD (bash -c) with a
#               JSON summary of the watch's new matches on stdin
# Exit status: 0 when the index was updated or nothing had to change, 1 on any failure.
# After a run that changed the index, each watch (ROOT/watches.sqlite) with matches the run
# added gets a line "reindex: watch 'NAME': N new".
# Environment: CS_BIN_DIR (binaries; default build/bin, built with scripts/build.sh if missing),
#   REINDEX_SMOKE_QUERY (query that must run and match after the change; default: the empty
#   query, every article).
set -euo pipefail
# Everything runs inside main(), so bash has parsed the whole file before it starts: editing or
# updating this script while a reindex runs cannot break that run.

main() {
  repo="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)"
  bin="${CS_BIN_DIR:-$repo/build/bin}"
  full=0
  check=0
  quiet=0
  allow_shrink=0
  wait_for_lock=1
  keep=3
  on_new=""
  peers=()

  usage() { sed -n '10,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
  die() { echo "reindex: error: $*" >&2; exit 1; }
  say() { ((quiet)) || echo "reindex: $*"; }

  positional=()
  while (($#)); do
    case "$1" in
      --full) full=1 ;;
      --check) check=1 ;;
      --quiet|-q) quiet=1 ;;
      --allow-shrink) allow_shrink=1 ;;
      --no-wait) wait_for_lock=0 ;;
      --keep)
        if (($# < 2)) || [[ ! "$2" =~ ^[1-9][0-9]*$ ]]; then die "--keep needs a positive number"; fi
        keep="$2"; shift ;;
      --on-new)
        (($# >= 2)) && [[ -n "$2" ]] || die "--on-new needs a command"
        on_new="$2"; shift ;;
      --peer)
        (($# >= 2)) || die "--peer needs the path of another shard's index"
        [[ -e "$2" ]] || die "--peer: no index at '$2'"
        peers+=(--peer "$2"); shift ;;
      -h|--help) usage; exit 0 ;;
      --) shift; positional+=("$@"); break ;;
      -*) die "unknown option: $1 (see --help)" ;;
      *) positional+=("$1") ;;
    esac
    shift
  done
  ((${#positional[@]} <= 2)) || die "too many arguments (see --help)"
  corpus="${positional[0]:-$repo/corpus}"
  root="${positional[1]:-$repo/var/index}"

  [[ -d "$corpus" ]] || die "corpus folder not found: $corpus"
  corpus="$(cd -- "$corpus" && pwd)"  # absolute, so stored paths do not depend on the cwd
  mkdir -p -- "$root"
  root="$(cd -- "$root" && pwd)"

  if [[ ! -x "$bin/corpus-index" || ! -x "$bin/corpus-search" ]]; then
    say "binaries missing in $bin, building them"
    BUILD_DIR="$(dirname -- "$bin")" "$repo/scripts/build.sh" >&2
  fi

  # One reindex per root: the lock is released when this process (and its children) exit,
  # so a killed run never leaves a lock behind.
  exec {lock_fd}>>"$root/.reindex.lock"
  if ! flock -n "$lock_fd"; then
    ((wait_for_lock)) || die "another reindex is running on $root (--no-wait given)"
    say "another reindex is running on $root; waiting for it to finish"
    flock "$lock_fd"
  fi

  # fields KEY...: the values of those keys of the JSON object on stdin, space-separated
  # (null as "", booleans as true/false). corpus-index prints the JSON read here.
  # Anything but exactly one JSON object (empty output included) is an error.
  fields() {
    jq -ser 'if length == 1 and (.[0] | type) == "object" then .[0] else error("not one object") end
      | . as $d | [$ARGS.positional[] | $d[.] | if . == null then "" else tostring end]
      | join(" ")' --args "$@" 2>/dev/null
  }
  # status PATH: `corpus-index --status --json` of PATH (an index root or a generation); its
  # exit status is 1 when there is no index, 2 when there is one that cannot be read.
  status() { "$bin/corpus-index" --status --json --out "$1" 2>"$status_err"; }

  new_gen=""
  published=0
  cleanup() {
    # Never the live one: a run killed just after the publish's rename has published it.
    if [[ -n "$new_gen" && "$published" == 0 &&
      "$(status "$root" 2>/dev/null | fields live_generation)" != "$new_gen" ]]; then
      rm -rf -- "${root:?}/$new_gen"
    fi
  }
  log="$(mktemp)"
  status_err="$(mktemp)"
  trap 'rm -f -- "$log" "$log.news" "$status_err"; cleanup' EXIT

  start=$(date +%s.%N)
  old_gen=""
  old_docs=0
  old_added=""
  rc=0
  live_status="$(status "$root")" || rc=$?
  if ((rc == 0)); then
    live="$(fields live_generation documents last_added <<<"$live_status")" ||
      die "cannot read the status of $root"
    read -r old_gen old_docs old_added <<<"$live"
  elif ((rc != 1)); then
    echo "reindex: warning: $(cat -- "$status_err"); building the index from nothing" >&2
  fi

  mode=incremental
  args=(--json --out "$root" --keep "$keep")
  if ((full)) || [[ -z "$old_gen" ]]; then mode=full; args+=(--no-publish); fi
  if ((full)); then args+=(--full); fi
  if ((allow_shrink)); then args+=(--allow-shrink); fi
  if ((quiet)); then args+=(--quiet); fi
  args+=("${peers[@]}")
  if [[ "$mode" == incremental ]]; then
    say "updating $old_gen of $root in place from $corpus ($old_docs documents)"
  else
    say "building a new generation of $root from $corpus (live: ${old_gen:-none}, $old_docs documents)"
  fi
  if ! "$bin/corpus-index" "${args[@]}" -- "$corpus" >"$log"; then
    cat -- "$log" >&2
    die "corpus-index failed; the live index is unchanged"
  fi
  # The run's summary (corpus-index --json): the generation written, unless nothing changed.
  run="$(fields generation written documents files added updated removed unchanged <"$log")" ||
    die "cannot read corpus-index's summary"
  read -r built written new_docs files added updated removed unchanged <<<"$run"
  if [[ "$written" != true ]]; then
    say "nothing changed: $old_gen stays live ($old_docs documents; $files files, $unchanged articles unchanged)"
    exit 0
  fi

  if [[ "$mode" == incremental ]]; then
    # Committed in place: check what readers now see, cheaply (O(change), not O(archive)).
    checked="$root"
    what="$old_gen (in place)"
    live_docs="$(status "$root" | fields documents)" || true
    [[ "$live_docs" == "$new_docs" ]] ||
      die "after the update $root has '$live_docs' documents, corpus-index wrote $new_docs: $(cat -- "$status_err")"
    if ((check)); then
      xapian-check "$root/$old_gen" >/dev/null || die "xapian-check failed on $old_gen after the update"
    fi
  else
    new_gen="$built"
    checked="$root/$new_gen"
    what="${old_gen:-none} -> $new_gen"
    say "checking $new_gen (xapian-check, schema, document count, smoke query)"
    xapian-check "$root/$new_gen" >/dev/null || die "xapian-check failed on $new_gen; the live index is unchanged"
    ((new_docs > 0)) || die "$new_gen is empty; the live index is unchanged"
  fi
  # The smoke query must run and find something: one search, since at a million articles each
  # costs a noticeable part of a small run (opening, the gazetteer, counting the matches).
  # Default: the empty query, which browses every article in whatever language (none to find
  # when an --allow-shrink run emptied the index: then it must still run).
  smoke="${REINDEX_SMOKE_QUERY:-}"
  # corpus-search exits 1 when nothing matched, 2 on an error (as grep does).
  smoke_rc=0
  hits="$("$bin/corpus-search" --index "$checked" --limit 1 -- "$smoke" 2>&1)" || smoke_rc=$?
  if ((smoke_rc == 1)) && [[ -n "$smoke" || "$new_docs" != 0 ]]; then
    die "smoke query '$smoke' on $checked found nothing"
  fi
  ((smoke_rc <= 1)) || die "smoke query '$smoke' on $checked failed: $(head -c 300 <<<"$hits")"

  if [[ "$mode" == full ]]; then
    say "publishing $new_gen"
    "$bin/corpus-index" --out "$root" --keep "$keep" --publish "$new_gen" >/dev/null ||
      die "could not publish $new_gen; the live index is unchanged"
    published=1
  fi

  pid_file="$root/searchd.pid"
  if [[ -f "$pid_file" ]]; then
    pid="$(head -n 1 -- "$pid_file" | tr -dc '0-9')"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -HUP "$pid" && say "asked searchd (pid $pid) to reload"
    fi
  fi

  elapsed="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')"
  # The one line a cron job mails: printed with --quiet too.
  echo "reindex: live generation: $what; documents $old_docs -> $new_docs;" \
    "added $added, updated $updated, removed $removed, unchanged $unchanged; $elapsed s"
  report_watches
}

# For each watch of the root with matches this run added (after the stamp the index had
# before it): a line, and --on-new's command with the watch's news as JSON on stdin. A failing
# hook is reported and the others still run; it does not fail the reindex, which succeeded.
report_watches() {
  [[ -n "$old_added" && -f "$root/watches.sqlite" ]] || return 0
  local list name count hook_rc news_file="$log.news"
  if ! list="$("$bin/corpus-search" --index "$root" --watch list --since "$old_added" --json)"; then
    echo "reindex: warning: could not check the watches of $root" >&2
    return 0
  fi
  while IFS=$'\t' read -r count name; do
    [[ -n "$name" ]] || continue
    echo "reindex: watch '$name': $count new"
    [[ -n "$on_new" ]] || continue
    # The news in a file, not a pipe: a hook that reads none of it must not fail on SIGPIPE;
    # and without the lock's descriptor, so nothing it leaves running holds the root's lock.
    if ! "$bin/corpus-search" --index "$root" --watch show "$name" --since "$old_added" \
      --limit 100 --json >"$news_file"; then
      echo "reindex: warning: could not read the news of watch '$name'; --on-new not run" >&2
      continue
    fi
    hook_rc=0
    bash -c "$on_new" <"$news_file" {lock_fd}>&- || hook_rc=$?
    ((hook_rc == 0)) || echo "reindex: warning: --on-new command failed for watch '$name' (exit $hook_rc)" >&2
  done < <(jq -r '.watches[] | select((.new // 0) != 0) | "\(.new)\t\(.name)"' <<<"$list")
}

main "$@"
