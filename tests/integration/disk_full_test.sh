#!/usr/bin/env bash
# A reindex that runs out of disk (issue 16), on a small tmpfs:
#  1. an in-place run and a --full run that fill the disk fail with a message that says so,
#     exit non-zero, and leave the live index unchanged and served by searchd;
#  2. with space again, the next run completes and searchd serves the new articles.
# Needs root (mount); skips otherwise.
# Usage: disk_full_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

disk="$tmp/disk"
mkdir -p "$disk"
if ! mount -t tmpfs -o size=6m tmpfs "$disk" 2>"$tmp/mount.log"; then
  echo "SKIP: cannot mount a tmpfs here: $(cat "$tmp/mount.log")"
  exit 0
fi
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; umount "$disk" 2>/dev/null; cleanup' EXIT

corpus="$tmp/corpus"
mkdir -p "$corpus"
cp "$src"/corpus/*.txt "$src/corpus/gazetteer.tsv" "$corpus/"
[[ -f "$src/corpus/manifest.tsv" ]] && cp "$src/corpus/manifest.tsv" "$corpus/"
root="$disk/index"
"$bin/corpus-index" --quiet --out "$root" "$corpus" >"$tmp/first.log" 2>&1 ||
  fail "the first index on the tmpfs: $(cat "$tmp/first.log")"
before="$("$bin/corpus-index" --status --json --out "$root" | json 'd["documents"]')"
start_searchd main --index "$root" --cache-mb 0
expect 200 "$base/api/search?q=Palmyra"
hits_before="$(json 'd["total"]' <"$tmp/body")"

# 2,000 articles of made-up reporting, several megabytes of index: more than the disk holds.
python3 - "$tmp/extra.jsonl" <<'PY'
import json, random, sys
rng = random.Random(16)
words = ("shelling convoy ministry village ceasefire artillery hospital displaced border "
         "council militia drone airport checkpoint negotiations refugees governor brigade "
         "province offensive reporters humanitarian corridor statement casualties").split()
with open(sys.argv[1], "w") as out:
    for i in range(2000):
        text = " ".join(rng.choice(words) + str(rng.randrange(5000)) for _ in range(700))
        out.write(json.dumps({"id": f"extra-{i}", "title": f"Report {i}", "outlet": "Filler",
                              "published": "2024-03-01", "text": text}) + "\n")
PY
mv "$tmp/extra.jsonl" "$corpus/"

# --- 1. a full disk ----------------------------------------------------------------------------
rc=0
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" "$corpus" "$root" >"$tmp/full-disk.log" 2>&1 || rc=$?
((rc != 0)) || fail "an in-place run on a full disk succeeded: $(cat "$tmp/full-disk.log")"
grep -q "out of disk space" "$tmp/full-disk.log" || fail "no disk-space message: $(cat "$tmp/full-disk.log")"
grep -q "live index is unchanged" "$tmp/full-disk.log" ||
  fail "the message does not say the live index is unchanged: $(cat "$tmp/full-disk.log")"
after="$("$bin/corpus-index" --status --json --out "$root" | json 'd["documents"]')"
[[ "$after" == "$before" ]] || fail "documents changed after the failed run: $before -> $after"
expect 200 "$base/api/search?q=Palmyra"
[[ "$(json 'd["total"]' <"$tmp/body")" == "$hits_before" ]] || fail "searchd answers differently"
expect 200 "$base/healthz"
[[ "$(json 'd["documents"]' <"$tmp/body")" == "$before" ]] || fail "searchd's count moved"

rc=0
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" --full "$corpus" "$root" >"$tmp/full-rebuild.log" 2>&1 ||
  rc=$?
((rc != 0)) || fail "a --full run on a full disk succeeded: $(cat "$tmp/full-rebuild.log")"
grep -q "out of disk space" "$tmp/full-rebuild.log" ||
  fail "no disk-space message for --full: $(cat "$tmp/full-rebuild.log")"
status="$("$bin/corpus-index" --status --json --out "$root")"
[[ "$(json 'd["documents"]' <<<"$status")" == "$before" ]] || fail "a failed --full changed the count"
[[ "$(json 'len(d["generations"])' <<<"$status")" == 1 ]] ||
  fail "the failed --full left a generation behind: $status"
expect 200 "$base/api/search?q=Palmyra"

# --- 2. space again ----------------------------------------------------------------------------
mount -o remount,size=256m "$disk"
CS_BIN_DIR="$bin" "$src/scripts/reindex.sh" "$corpus" "$root" >"$tmp/again.log" 2>&1 ||
  fail "the run with space failed: $(cat "$tmp/again.log")"
want=$((before + 2000))
after="$("$bin/corpus-index" --status --json --out "$root" | json 'd["documents"]')"
[[ "$after" == "$want" ]] || fail "after the run with space: $after documents, want $want"
for _ in $(seq 1 40); do
  req "$base/healthz" >/dev/null
  [[ "$(json 'd["documents"]' <"$tmp/body")" == "$want" ]] && break
  sleep 0.1
done
[[ "$(json 'd["documents"]' <"$tmp/body")" == "$want" ]] || fail "searchd did not follow the new run"
expect 200 "$base/api/search?q=outlet:Filler"
[[ "$(json 'd["total"]' <"$tmp/body")" == 2000 ]] || fail "the added articles are not all found"
echo "PASS: disk full"
