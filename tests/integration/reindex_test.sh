#!/usr/bin/env bash
# scripts/reindex.sh end to end: zero failed requests and no intermediate document counts while
# a running searchd is reindexed repeatedly; SIGKILL of reindex.sh / corpus-index at random
# moments leaves the live index as it was and the next run completes; hostile path names;
# `corpus-index --status --json` on the root, a generation, a held lock, no index, a bad stub.
# Usage: reindex_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
export CS_BIN_DIR="$bin"
reindex="$src/scripts/reindex.sh"
tmp="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf -- "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
health() { curl -sf "$base/healthz" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["documents"], d["generation"])'; }
live_gen() { sed -n 's/^auto //p' "$root/XAPIANDB"; }

# make_articles DIR FIRST COUNT: writes small articles FIRST..FIRST+COUNT-1.
make_articles() {
  python3 - "$@" <<'PY'
import os, sys
folder, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
places = ["Aleppo", "Homs", "Idlib", "Raqqa", "Daraa", "Hama", "Palmyra", "Douma"]
for i in range(first, first + count):
    place = places[i % len(places)]
    with open(os.path.join(folder, f"article-{i:05d}.txt"), "w") as f:
        f.write(f"Report {i} on fighting near {place}\n\n"
                f"Residents of {place} described shelling on day {i}, according to the "
                f"monitoring group. Aid workers counted {i % 97} displaced families. "
                f"The report number {i} was filed from {place}.\n")
PY
}

# Hostile names: spaces, quotes and a leading dash, used relative to $tmp.
cd -- "$tmp"
corpus_rel="-corpus dir 'q' \"dq\""
root_rel="-index root 'q'"
corpus="$tmp/$corpus_rel"
root="$tmp/$root_rel"
make_articles "$corpus" 0 2000
"$reindex" -- "$corpus_rel" "$root_rel" >"$tmp/first.log" || { cat "$tmp/first.log"; fail "first reindex"; }
grep -q "documents 0 -> 2000" "$tmp/first.log" || { cat "$tmp/first.log"; fail "first reindex summary"; }
[[ -f "$root/XAPIANDB" ]] || fail "no stub in the index root"

# --- corpus-index --status: what a root holds, for scripts (reindex.sh reads it) ----------------
# check_status JSON KIND DOCUMENTS LOCK_HELD: the status fields of an index with one generation.
check_status() {
  python3 - "$@" "$(live_gen)" <<'PY'
import json, sys
s, kind, documents, lock_held, live = json.loads(sys.argv[1]), *sys.argv[2:]
assert s["kind"] == kind and s["live_generation"] == live, s
assert s["documents"] == int(documents) and s["schema_current"] and s["schema_version"] > 0, s
assert s["remote"] is False and s["shards"] == [] and s["lock_held"] == (lock_held == "true"), s
if kind == "root":
    assert live in s["generations"] and s["live_database"].endswith("/" + live), s
PY
}
check_status "$("$bin/corpus-index" --status --json --out="$root_rel")" root 2000 false ||
  fail "--status --json on the root"
check_status "$("$bin/corpus-index" --status --json --out "$root/$(live_gen)")" database 2000 false ||
  fail "--status --json on a generation"
"$bin/corpus-index" --status --out "$root" | grep -q "^documents  *2000$" || fail "--status text"
exec {hold}>>"$root/.corpus-index.lock"
flock "$hold"
check_status "$("$bin/corpus-index" --status --json --out "$root")" root 2000 true ||
  fail "--status does not see a held lock"
exec {hold}>&-
status=0
"$bin/corpus-index" --status --json --out "$tmp/none" >"$tmp/none.json" 2>"$tmp/none.err" || status=$?
((status == 1)) && [[ ! -s "$tmp/none.json" ]] && grep -q "no index at" "$tmp/none.err" ||
  fail "--status without an index: exit $status"
mkdir "$tmp/bad" && echo "bogus line" >"$tmp/bad/XAPIANDB"
status=0
"$bin/corpus-index" --status --json --out "$tmp/bad" >/dev/null 2>"$tmp/bad.err" || status=$?
((status == 2)) && grep -q "unknown stub line" "$tmp/bad.err" || fail "--status on a bad stub: exit $status"

# --- searchd on the root, a client querying it without pause ----------------------------------
port="$(free_port)"
base="http://127.0.0.1:$port"
"$bin/searchd" --port "$port" --threads 8 --index "$root" --pid-file "$root/searchd.pid" 2>"$tmp/searchd.log" &
pids+=("$!")
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/healthz" && break; sleep 0.1; done
[[ "$(health)" == "2000 $(live_gen)" ]] || { cat "$tmp/searchd.log"; fail "searchd did not serve the root"; }
"$bin/corpus-search" --index "$root" --limit 1 -- Palmyra >/dev/null || fail "corpus-search on the root"

python3 "$src/tests/integration/reindex_client.py" "$base" "$tmp/client.log" "$tmp/stop" &
client=$!
pids+=("$client")
expected=(2000)
run_reindex() {
  "$reindex" "$@" -- "$corpus_rel" "$root_rel" >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; fail "reindex $*"; }
  grep "reindex: live generation" "$tmp/run.log" || true
}
make_articles "$corpus" 2000 150
run_reindex
expected+=(2150)
rm -f -- "$corpus"/article-000[0-4]?.txt  # 50 articles vanish
run_reindex
expected+=(2100)
make_articles "$corpus" 5000 20
run_reindex --full
expected+=(2120)
run_reindex  # nothing changed
for _ in $(seq 1 50); do [[ "$(health)" == "2120 "* ]] && break; sleep 0.1; done
touch "$tmp/stop"
wait "$client" || true

python3 - "$tmp/client.log" "${expected[@]}" <<'PY' || fail "client saw failures or intermediate counts"
import sys
lines = open(sys.argv[1]).read().split("\n")
expected = [int(v) for v in sys.argv[2:]]
fails = [l for l in lines if l.startswith("fail")]
counts = [int(l.split()[1]) for l in lines if l.startswith("ok ") and not l.startswith("ok search")]
position = 0
for c in counts:
    if c not in expected[position:]:
        sys.exit(f"count {c} out of order (expected one of {expected[position:]})")
    position = expected.index(c, position)
print(f"client: {len(counts)} health checks, {len(lines) - 1 - len(counts)} searches, "
      f"{len(fails)} failures, counts seen {sorted(set(counts))}")
if fails:
    sys.exit("failures: " + "; ".join(fails[:5]))
if len(counts) < 20 or counts[-1] != expected[-1]:
    sys.exit(f"client saw too little: {len(counts)} checks, last {counts[-1:]}")
PY
grep -q "SIGHUP" "$tmp/searchd.log" || fail "searchd was not told to reload"

# --- SIGKILL at random moments -----------------------------------------------------------------
make_articles "$corpus" 6000 300
for round in 1 2 3 4 5 6; do
  before="$(health)"
  gen_before="$(live_gen)"
  setsid "$reindex" --full -- "$corpus_rel" "$root_rel" >"$tmp/killed.log" 2>&1 &
  victim=$!
  pids+=("$victim")
  sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
  if ((round % 2)); then
    kill -KILL -- "-$victim" 2>/dev/null || true  # reindex.sh and corpus-index together
  else
    child="$(pgrep -P "$victim" -x corpus-index || true)"
    [[ -n "$child" ]] && kill -KILL "$child" 2>/dev/null || kill -KILL -- "-$victim" 2>/dev/null || true
  fi
  wait "$victim" 2>/dev/null || true
  if [[ "$(live_gen)" == "$gen_before" ]]; then
    sleep 0.3
    [[ "$(health)" == "$before" ]] || fail "round $round: searchd moved from '$before' to '$(health)' without a publish"
  fi
  "$bin/corpus-search" --index "$root" --limit 1 -- Palmyra >/dev/null || fail "round $round: live index unreadable"
done
run_reindex --no-wait
want=2420
for _ in $(seq 1 50); do [[ "$(health)" == "$want "* ]] && break; sleep 0.1; done
[[ "$(health)" == "$want $(live_gen)" ]] || fail "after the kills: searchd shows '$(health)', want $want"
live="$(live_gen)"
check_status "$("$bin/corpus-index" --status --json --out "$root")" root "$want" false ||
  fail "--status after the kills"
for gen in "$root"/gen-*; do
  n="${gen##*/gen-}"
  ((n <= ${live#gen-})) || fail "unpublished generation left behind: $gen"
done

# --- in-place runs: visible within 2 s, all or nothing under SIGKILL, cron-friendly output -----
echo "Report on the Qwertzuiop checkpoint near Hama

Residents described a new checkpoint." >"$corpus/article-09999.txt"
run_reindex
grep -q "live generation: $live (in place)" "$tmp/run.log" || fail "the update was not made in place"
[[ "$(live_gen)" == "$live" ]] || fail "an incremental run published a new generation"
found=0
for _ in $(seq 1 20); do
  if [[ "$(curl -sf "$base/api/search?q=qwertzuiop" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" == 1 ]]; then
    found=1; break
  fi
  sleep 0.1
done
((found)) || fail "the added article was not found within 2 s of the run"
want=$((want + 1))
out="$("$reindex" --quiet -- "$corpus_rel" "$root_rel")" || fail "quiet run failed"
[[ -z "$out" ]] || fail "--quiet printed '$out' though nothing changed"
# The check after the commit fails the run when its smoke query finds nothing (the default, the
# empty query, browses every article).
echo "Report on shelling near Idlib

Residents described the damage." >"$corpus/article-09998.txt"
if REINDEX_SMOKE_QUERY=zzqqxnomatch "$reindex" -- "$corpus_rel" "$root_rel" >"$tmp/smoke.log" 2>&1; then
  fail "a run whose smoke query matches nothing succeeded"
fi
grep -q "smoke query 'zzqqxnomatch' .* found nothing" "$tmp/smoke.log" || { cat "$tmp/smoke.log"; fail "smoke message"; }
want=$((want + 1))

make_articles "$tmp/staged" 7000 1500
cp -- "$tmp/staged"/*.txt "$corpus/"
for round in 1 2 3 4 5; do
  setsid "$reindex" -- "$corpus_rel" "$root_rel" >"$tmp/killed.log" 2>&1 &
  victim=$!
  pids+=("$victim")
  sleep "0.$((RANDOM % 6))$((RANDOM % 10))"
  kill -KILL -- "-$victim" 2>/dev/null || true
  wait "$victim" 2>/dev/null || true
  docs="$("$bin/corpus-index" --status --json --out "$root" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')"
  [[ "$docs" == "$want" || "$docs" == "$((want + 1500))" ]] ||
    fail "round $round: $docs documents after a killed in-place run (want $want or $((want + 1500)))"
  "$bin/corpus-search" --index "$root" --limit 1 -- Palmyra >/dev/null || fail "round $round: live index unreadable"
done
out="$("$reindex" --quiet -- "$corpus_rel" "$root_rel")" || fail "the run after the kills failed"
want=$((want + 1500))
[[ "$(live_gen)" == "$live" ]] || fail "the runs after the kills published a new generation"
# The same corpus indexed without interruption gives the same index.
"$reindex" --quiet -- "$corpus_rel" "$tmp/reference" >/dev/null || fail "reference index"
for index in "$root" "$tmp/reference"; do
  for q in Palmyra "displaced families" Hama; do
    "$bin/corpus-search" --index "$index" --export jsonl -- "$q" | python3 -c 'import json,sys; print(sorted(json.loads(l)["id"] for l in sys.stdin))'
  done >"$index.ids"
done
cmp -s "$root.ids" "$tmp/reference.ids" || fail "killed and resumed runs differ from an uninterrupted one"
[[ "$("$bin/corpus-index" --status --json --out "$tmp/reference" | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')" == "$want" ]] ||
  fail "the reference index has another document count"
for _ in $(seq 1 30); do [[ "$(health)" == "$want "* ]] && break; sleep 0.1; done
[[ "$(health)" == "$want $live" ]] || fail "searchd shows '$(health)' after in-place runs, want $want"

# An in-place run that would remove most documents is refused and writes nothing.
mkdir -p "$tmp/away"
mv -- "$corpus"/article-0[0-6]*.txt "$tmp/away/"
if "$reindex" -- "$corpus_rel" "$root_rel" >"$tmp/shrink.log" 2>&1; then fail "in-place shrink accepted"; fi
grep -q "allow-shrink" "$tmp/shrink.log" || { cat "$tmp/shrink.log"; fail "in-place shrink message"; }
[[ "$(health)" == "$want $live" ]] || fail "a refused in-place shrink changed the index"
# The refused run flushed table blocks it never committed (a new fingerprint, the same
# revision): searchd must not open the index again every second (it once leaked descriptors).
searchd_pid="$(head -n 1 "$root/searchd.pid")"
fds_before=$(ls "/proc/$searchd_pid/fd" | wc -l)
sleep 3
fds_after=$(ls "/proc/$searchd_pid/fd" | wc -l)
((fds_after <= fds_before + 2)) || fail "searchd descriptors grew from $fds_before to $fds_after"
mv -- "$tmp/away"/*.txt "$corpus/"

# --- refusals: shrink without --allow-shrink, concurrent runs with --no-wait, bad arguments ----
mkdir -p "$tmp/small"
make_articles "$tmp/small" 0 10
if "$reindex" --full -- "$tmp/small" "$root_rel" >"$tmp/shrink.log" 2>&1; then fail "shrink accepted"; fi
grep -q "allow-shrink" "$tmp/shrink.log" || fail "shrink message"
[[ "$(live_gen)" == "$live" ]] || fail "a refused shrink changed the live index"
exec {hold}>>"$root/.reindex.lock"
flock "$hold"
if "$reindex" --no-wait -- "$corpus_rel" "$root_rel" >"$tmp/busy.log" 2>&1; then fail "ran while locked"; fi
grep -q "another reindex" "$tmp/busy.log" || fail "lock message"
exec {hold}>&-
if "$reindex" --bogus >/dev/null 2>&1; then fail "unknown option accepted"; fi
echo "reindex tests passed"
