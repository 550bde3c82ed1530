#!/usr/bin/env bash
# corpus-index end to end: builds an index root from the bundled corpus plus hostile inputs,
# then checks metadata from the manifest, incremental runs, failed runs and --full.
# Usage: indexer_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
doc_count() { xapian-delve "$work/idx" | sed -n 's/^number of documents = //p'; }
# Documents holding an exact boolean term.
postings() {
  local n
  n="$(xapian-delve -t "$1" "$work/idx" 2>&1 | sed -n 's/.*(termfreq \([0-9]*\),.*/\1/p')"
  echo "${n:-0}"
}

cp -r "$src/corpus" "$work/corpus"
printf '{"id":"feed-1","title":"Mosul offensive","text":"Iraqi forces advanced on Mosul.","outlet":"Reuters","published":"2016-10-17"}\nnot json\n{"text":""}\n' >"$work/corpus/feed.jsonl"
printf '<html><head><meta property="og:site_name" content="Example Wire"><title>Raqqa strikes</title></head><body><article><p>Air strikes hit Raqqa.</p></article><script>evil()</script></body></html>' >"$work/corpus/page.html"
printf '\xff\xfe broken bytes\nBody with \xc3 invalid UTF-8.\n' >"$work/corpus/broken.txt"

# 1. Full build: every readable article indexed, bad lines skipped, exit 0.
out="$("$bin/corpus-index" --out "$work/idx" "$work/corpus")" || fail "first run exited non-zero"
echo "$out"
grep -q "indexed 8" <<<"$out" || fail "expected 8 articles indexed"
grep -q "skipped 2" <<<"$out" || fail "expected 2 skips (invalid JSON, empty article)"
[[ "$(cat "$work/idx/XAPIANDB")" == "auto gen-1" ]] || fail "stub does not name gen-1"
[[ "$(doc_count)" == 8 ]] || fail "expected 8 documents"

# 2. Manifest and JSON metadata became filter terms and values.
[[ "$(postings XOaranews)" == 1 ]] || fail "manifest outlet ARA News not indexed"
[[ "$(postings XOreuters)" == 1 ]] || fail "JSON outlet Reuters not indexed"
[[ "$(postings XOexamplewire)" == 1 ]] || fail "HTML og:site_name not indexed"
[[ "$(postings XM201603)" == 2 ]] || fail "expected 2 articles in March 2016 (manifest dates)"
[[ "$(postings Y2016)" == 6 ]] || fail "expected 6 dated 2016 articles"
[[ "$(postings evil)" == 0 ]] || fail "script content was indexed"

# 3. Unchanged rerun keeps the live generation.
out="$("$bin/corpus-index" --out "$work/idx" "$work/corpus")" || fail "rerun failed"
grep -q "unchanged 8" <<<"$out" || fail "rerun should find 8 unchanged: $out"
[[ "$(cat "$work/idx/XAPIANDB")" == "auto gen-1" ]] || fail "rerun replaced the live generation"

# 4. A changed file is updated in place, in the live generation.
echo "Later update: the army shelled the citadel." >>"$work/corpus/003_3e5b1aeaa37e44e8.txt"
out="$("$bin/corpus-index" --out "$work/idx" "$work/corpus")" || fail "update run failed"
grep -q "updated 1" <<<"$out" || fail "expected 1 updated: $out"
grep -q "updated in place" <<<"$out" || fail "update not made in place: $out"
[[ "$(cat "$work/idx/XAPIANDB")" == "auto gen-1" ]] || fail "an in-place update moved the stub"
[[ ! -d "$work/idx/gen-2" ]] || fail "an in-place update wrote a new generation"
[[ "$(postings citadel)" -ge 1 ]] || fail "the update is not searchable"
[[ "$(doc_count)" == 8 ]] || fail "update changed the document count"

# 5. A failed run (unreadable gazetteer) exits 2 and leaves the live index untouched.
if "$bin/corpus-index" --out "$work/idx" --gazetteer "$work/missing.tsv" "$work/corpus" 2>"$work/err"; then
  fail "run with a missing gazetteer succeeded"
else
  [[ $? == 2 ]] || fail "expected exit 2"
fi
grep -q "^corpus-index: " "$work/err" || fail "error not prefixed with the program name"
[[ "$(cat "$work/idx/XAPIANDB")" == "auto gen-1" ]] || fail "failed run touched the stub"
[[ ! -d "$work/idx/gen-2" ]] || fail "failed run left a generation behind"

# 6. --full drops articles whose files are gone.
rm "$work/corpus/feed.jsonl"
out="$("$bin/corpus-index" --out "$work/idx" --full "$work/corpus")" || fail "full run failed"
grep -q "(full)" <<<"$out" || fail "full run not reported as full"
[[ "$(doc_count)" == 7 ]] || fail "full rebuild should hold 7 documents"

# 7. Unusable output folders are errors, not crashes.
touch "$work/file"
if "$bin/corpus-index" --out "$work/file/idx" "$work/corpus" 2>/dev/null; then
  fail "indexing into a path under a file succeeded"
fi
echo "indexer integration test passed"
