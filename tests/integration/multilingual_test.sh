#!/usr/bin/env bash
# Arabic, Russian and Ukrainian reporting end to end, on tests/data/multilingual (original
# articles in the three languages and English) indexed with the bundled gazetteer:
#  1. every article gets its language (ar, ru, uk, en), shown in hits and as a lang facet;
#     `lang:` filters; a JSON Lines `lang` and a manifest `lang` column override detection;
#  2. names in Arabic and Cyrillic script link to the English entity ids, and an English query
#     or entity filter finds the articles in every script (`Deir ez-Zor` finds the Arabic one
#     that writes دير الزور and the English one that writes Deir Ezzor);
#  3. stemming per language: `lang:ru Харьков` finds the article that writes Харькове, an
#     Arabic word its prefixed forms; snippets mark the words as written;
#  4. the stored text is the input after NFC, letter for letter (الأقل stays الأقل);
#  5. an English query's results are the same with and without the other languages indexed;
#  6. casualty claims in every language: the ledger, the claimant and victims filters.
# Usage: multilingual_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

data="$src/tests/data/multilingual"
root="$tmp/index"
"$bin/corpus-index" --quiet --out "$root" "$data" >"$tmp/index.log" 2>&1 ||
  fail "indexing the multilingual folder: $(cat "$tmp/index.log")"
grep -q "gazetteers: bundled" "$tmp/index.log" || fail "the summary does not name the bundled gazetteer"
# A later run without gazetteer files reuses the users' part stored in the index, not the
# bundled one it was merged with: --no-default-gazetteer still leaves that out.
cp -r "$root" "$tmp/index-copy"
"$bin/corpus-index" --out "$tmp/index-copy" --no-default-gazetteer "$data" >"$tmp/again.log" 2>&1 ||
  fail "a second run: $(cat "$tmp/again.log")"
grep -q "gazetteers: stored in the live index (0 entities)$" "$tmp/again.log" ||
  fail "the second run did not reuse only the users' part: $(grep gazetteers "$tmp/again.log")"

# hits QUERY [ARGS...]: the ids of every hit (sorted), one per line.
hits() { cs --json --limit 100 "$@" | json '"\n".join(sorted(h["id"] for h in d["hits"]))'; }
# has_hit ID QUERY...: the query finds the article ID.
has_hit() {
  local id="$1"; shift
  local found; found="$(hits "$@")"
  grep -qx "$id" <<<"$found" || fail "'$*' does not find $id: $(tr '\n' ' ' <<<"$found")"
}

# --- 1. languages -------------------------------------------------------------------------
cs --json --limit 100 >"$tmp/all.json" || fail "an empty query lists every article"
python3 - "$tmp/all.json" <<'PY' || fail "languages"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["total"] == 17, d["total"]
for h in d["hits"]:
    want = h["id"].split("_")[0]
    assert h["lang"] == want, (h["id"], h["lang"])
langs = {f["value"]: f["count"] for f in d["facets"]["lang"]}
assert langs == {"ar": 6, "ru": 4, "uk": 4, "en": 3}, langs
PY
[[ "$(hits lang:uk | wc -l)" == 4 ]] || fail "lang:uk should find the 4 Ukrainian articles"
[[ "$(hits --lang ar | wc -l)" == 6 ]] || fail "--lang ar should find the 6 Arabic articles"

# Declared languages win over detection: JSON Lines `lang`, a manifest column.
mkdir -p "$tmp/declared"
printf '%s\n' '{"id":"declared-1","title":"Short note","text":"Shelling was reported near the town on Monday.","lang":"fr-FR"}' \
  >"$tmp/declared/notes.jsonl"
cp "$data/en_03_yemen.txt" "$tmp/declared/en_03_yemen.txt"
printf 'file\tlang\nen_03_yemen.txt\tde\n' >"$tmp/declared/manifest.tsv"
"$bin/corpus-index" --quiet --out "$tmp/declared-index" "$tmp/declared" >"$tmp/declared.log" 2>&1 ||
  fail "indexing declared languages: $(cat "$tmp/declared.log")"
"$bin/corpus-search" --index "$tmp/declared-index" --json -- lang:fr | json 'd["total"]' | grep -qx 1 ||
  fail "a JSON Lines lang:fr-FR is not lang:fr"
"$bin/corpus-search" --index "$tmp/declared-index" --json -- lang:de | json 'd["total"]' | grep -qx 1 ||
  fail "a manifest lang column does not set the language"

# --- 2. names across scripts --------------------------------------------------------------
has_hit ar_03_sohr_deirezzor 'Deir ez-Zor'
has_hit en_01_deir_ezzor 'Deir ez-Zor'
has_hit ar_03_sohr_deirezzor 'دير الزور'
has_hit en_01_deir_ezzor 'دير الزور'
has_hit ar_03_sohr_deirezzor --entity deir-ez-zor
# A spelling no row lists finds the entity through its loose key, and the result says so.
has_hit ar_03_sohr_deirezzor 'Dair Ezzor'
cs --json 'Dair Ezzor' | json '" ".join(d["warnings"])' | grep -q "loose spelling key" ||
  fail "a loose match does not warn"
has_hit ar_05_iraq_mosul 'Islamic State'
has_hit ar_03_sohr_deirezzor ISIS
has_hit ru_01_kharkov_obstrel Kharkiv
has_hit uk_01_kharkiv Kharkiv
has_hit en_02_kharkiv Харків
has_hit uk_04_kyiv_zaporizhzhia --entity kyiv
python3 - "$tmp/all.json" <<'PY' || fail "entity facet counts articles in every script together"
import json, sys
d = json.load(open(sys.argv[1]))
places = {f["id"]: f["count"] for f in d["facets"]["place"]}
assert places.get("deir-ez-zor", 0) >= 2, places
assert places.get("kharkiv", 0) >= 3, places
PY
start_searchd main --index "$root" --cache-mb 0
# doc ID: the article view of ID, as /api/doc gives it, into $tmp/doc.json.
doc() { expect 200 "$base/api/doc/$1"; cp "$tmp/body" "$tmp/doc.json"; }
doc ar_03_sohr_deirezzor
python3 - "$tmp/doc.json" <<'PY' || fail "Arabic entities and sources"
import json, sys
d = json.load(open(sys.argv[1]))
ids = {e["id"] for e in d["entities"]}
for want in ["islamic-state", "deir-ez-zor", "syrian-democratic-forces", "syrian-observatory-for-human-rights"]:
    assert want in ids, (want, ids)
sources = {s["id"] for s in d["sources"]}
assert "syrian-observatory-for-human-rights" in sources, d["sources"]
assert d["fields"]["lang"] == ["ar"], d.get("fields")
PY
# Spellings are shown as written (hamza kept), Arabic and Latin side by side on the entity page.
expect 200 "$base/api/entity/islamic-state"
python3 - "$tmp/body" <<'PY' || fail "entity page spellings"
import json, sys
d = json.load(open(sys.argv[1]))
spellings = {s["spelling"] for s in d["spellings"]}
assert "الدولة الإسلامية" in spellings and "داعش" in spellings, spellings
assert any(s.isascii() for s in spellings), spellings
PY

# --- 3. stemming per language -------------------------------------------------------------
has_hit ru_01_kharkov_obstrel 'lang:ru Харьков'
grep -q 'Харькове' "$data/ru_01_kharkov_obstrel.txt" || fail "the test article should write Харькове"
cs --json 'lang:ru Харьков' >"$tmp/ru.json"
python3 - "$tmp/ru.json" <<'PY' || fail "the Russian snippet does not mark the word as written"
import json, re, sys
snippets = " ".join(h["snippet"] for h in json.load(open(sys.argv[1]))["hits"])
assert re.search(r"<mark>Харьков\w+</mark>", snippets), snippets
PY
has_hit ar_04_yemen_houthi 'lang:ar الحوثي'

# --- 4. the stored text is the input, letter for letter ------------------------------------
for f in "$data"/ar_01_sohr_idlib.txt "$data"/ru_03_zaporozhye_yo.txt "$data"/uk_03_odesa.txt; do
  id="$(basename "$f" .txt)"
  doc "$id"
  python3 - "$f" "$tmp/doc.json" <<'PY' || fail "stored text of $id differs from its input"
import json, sys, unicodedata
raw = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
d = json.load(open(sys.argv[2]))
lines = [l.strip() for l in raw.split("\n") if l.strip()]
assert d["title"] == lines[0], (d["title"], lines[0])
paragraphs = [p for p in d["text"].split("\n\n") if p]
assert paragraphs == [" ".join(l.split()) for l in lines[1:]], (paragraphs[:2], lines[1:3])
PY
done
doc ar_01_sohr_idlib
json 'd["title"]' <"$tmp/doc.json" | grep -q 'الأقل' || fail "الأقل was changed in the title"

# --- 5. English results unchanged by the other languages -----------------------------------
mkdir -p "$tmp/english"
cp "$data"/en_*.txt "$tmp/english/"
"$bin/corpus-index" --quiet --out "$tmp/english-index" "$tmp/english" >"$tmp/english.log" 2>&1 ||
  fail "indexing the English articles: $(cat "$tmp/english.log")"
# ranked INDEX QUERY: the ids of QUERY's hits over INDEX in rank order (exit 1, no hits, is fine).
ranked() {
  { "$bin/corpus-search" --index "$1" --json --limit 100 -- "$2" || true; } | json '[h["id"] for h in d["hits"]]'
}
for q in 'killed' 'missile' 'civilians' 'Houthi missile' 'attack OR fighters' 'government'; do
  a="$(ranked "$root" "$q")"
  b="$(ranked "$tmp/english-index" "$q")"
  [[ "$a" == "$b" ]] || fail "English query '$q': $a with the other languages, $b without"
done
[[ "$(ranked "$root" missile)" != "[]" ]] || fail "the English queries should find something"

# --- 6. claims in every language -----------------------------------------------------------
cs --claims --json --limit 100 >"$tmp/claims.json" || fail "the claims ledger of every article"
python3 - "$tmp/claims.json" <<'PY' || fail "claims in Arabic, Russian and Ukrainian"
import json, sys
d = json.load(open(sys.argv[1]))
claims = [c for i in d["incidents"] for c in i["claims"]]
by_lang = {}
for c in claims:
    by_lang.setdefault(c["article"].split("_")[0], []).append(c)
for lang in ("ar", "ru", "uk", "en"):
    assert by_lang.get(lang), ("no claims read in", lang, sorted(by_lang))
def has(lang, outcome, low, claimant_id):
    return any(c["outcome"] == outcome and c["low"] == low and
               (c["claimant"] or {}).get("id") == claimant_id for c in by_lang[lang])
# SANA: two civilians killed; Syniehubov on Kharkiv (after his title); Klitschko on Kyiv.
assert has("ar", "killed", 2, "sana"), by_lang["ar"]
assert has("ru", "killed", 3, "oleh-syniehubov"), by_lang["ru"]
assert has("ru", "wounded", 9, "vitali-klitschko"), by_lang["ru"]
assert has("uk", "wounded", 11, "oleh-syniehubov"), by_lang["uk"]
# "14-річна дівчина" is a 14-year-old girl, not 14 people.
assert not any(c["low"] == 14 for c in by_lang["uk"]), by_lang["uk"]
# A General Staff tally of "losses" (killed and wounded together) is no claim.
assert not any(c["article"] == "uk_02_genshtab" for c in claims), by_lang["uk"]
PY
[[ "$(hits --claimant sana)" == ar_02_sana_aleppo ]] || fail "--claimant sana"
hits --victims children | grep '^ru_' >/dev/null || fail "--victims children finds no Russian article"
echo "PASS: multilingual"
