#!/usr/bin/env bash
# corpus-index on hostile input, end to end: damaged text files, binary and oversized files,
# bad JSON Lines records, overlong fields, active HTML and awkward file names. Checks that the
# run succeeds, that each bad file (and JSONL line) is named in a warning, that the good
# documents are indexed, that no script or style text is searchable, and that a second run
# keeps everything.
# Usage: indexer_bad_input_test.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
doc_count() { xapian-delve "$work/idx" | sed -n 's/^number of documents = //p'; }
# Matches of an unstemmed one-word query.
matches() { quest -s none -d "$work/idx" "$1" | sed -n 's/^Exactly \([0-9]*\) matches$/\1/p'; }
expect_warning() {
  grep -qF -- "warning: $1: $2" "$work/err" || fail "no warning '$1: $2'"
}

in="$work/in"
mkdir -p "$in"
printf 'Invalid UTF-8 report\n\nShelling in Homs \xff\xfe continued overnight.\n' >"$in/utf8.txt"
printf 'NUL report\n\nAid convoy reached Douma\0 on Tuesday after long talks between the parties.\n' \
  >"$in/nul.txt"
head -c 8192 /dev/urandom >"$in/binary.txt"
: >"$in/empty.txt"
printf 'Only Kobani here\n' >"$in/title-only.txt"
{ yes 'word ' || true; } | head -c 52428800 >"$in/huge.txt"
printf 'Dash file\n\nProtest in Sweida.\n' >"$in/-dash.txt"
printf 'Quoted file\n\nFloods in Idlib camps.\n' >"$in/it's \"quoted\".txt"
printf 'Space file\n\nTalks in Astana.\n' >"$in/with space.txt"
cat >"$in/page.html" <<'HTML'
<html><head><title>HTML report</title><style>.stylesecret { color: red }</style></head>
<body><article><p>Clashes in Deir ez-Zor.</p><img src="x" onerror="alert(1)">
<script>alert('scriptsecret')</script></article></body></html>
HTML
long_title="$(head -c 10240 /dev/zero | tr '\0' 'T')"
long_word="$(head -c 5120 /dev/zero | tr '\0' 'w')"
{
  echo '{"id":"good-1","title":"Good record","text":"Airstrikes near Maarat killed civilians.","published":"2016-02-10"}'
  echo 'not json at all'
  echo '[1,2,3]'
  echo '{"id":"notext","outlet":"Nobody"}'
  echo '{"id":"baddate","title":"Bad date","text":"Fighting in Daraa.","published":"2016-02-30"}'
  echo '{"id":"future","title":"Future date","text":"Talks in Geneva.","published":"2999-01-01"}'
  echo '{"id":"good-1","title":"Same id again","text":"Another text."}'
  echo "{\"id\":\"longtitle\",\"title\":\"$long_title\",\"text\":\"Convoy attacked near Aleppo.\"}"
  echo "{\"id\":\"longword\",\"title\":\"Long word\",\"text\":\"$long_word then Raqqa\"}"
} >"$in/feed.jsonl"

# 1. The run succeeds and names every bad file (and JSONL line).
"$bin/corpus-index" --out "$work/idx" "$in" >"$work/out" 2>"$work/err" || fail "run exited non-zero"
cat "$work/out" "$work/err"
expect_warning "$in/utf8.txt" "invalid UTF-8 replaced"
expect_warning "$in/nul.txt" "NUL bytes removed"
expect_warning "$in/binary.txt" "binary file"
expect_warning "$in/empty.txt" "empty article"
expect_warning "$in/title-only.txt" "title only, no body text"
expect_warning "$in/huge.txt" "too large"
expect_warning "$in/feed.jsonl:2" "invalid JSON"
expect_warning "$in/feed.jsonl:3" "not a JSON object"
expect_warning "$in/feed.jsonl:4" "empty article"
expect_warning "$in/feed.jsonl:5" "invalid or future date ignored"
expect_warning "$in/feed.jsonl:6" "invalid or future date ignored"
expect_warning "$in/feed.jsonl:7 (id good-1)" "duplicate id"
expect_warning "$in/feed.jsonl:8" "overlong title truncated"

# 2. The good documents are indexed: 3 repaired text files, 5 JSONL records, the HTML page,
# and the three awkwardly named files.
[[ "$(doc_count)" == 12 ]] || fail "expected 12 documents, got $(doc_count)"
for word in overnight douma kobani maarat daraa geneva aleppo raqqa deir sweida idlib astana; do
  [[ "$(matches "$word")" == 1 ]] || fail "'$word' should match one document"
done

# 3. Nothing from scripts, styles or attributes is searchable.
for word in alert scriptsecret stylesecret onerror; do
  [[ "$(matches "$word")" == 0 ]] || fail "'$word' from active HTML was indexed"
done

# 4. A second run keeps everything already indexed.
"$bin/corpus-index" --out "$work/idx" "$in" >"$work/out2" 2>"$work/err2" || fail "rerun failed"
[[ "$(doc_count)" == 12 ]] || fail "rerun changed the document count"
grep -q "updated 0" "$work/out2" || fail "rerun updated articles: $(cat "$work/out2")"
echo "indexer bad-input test passed"
