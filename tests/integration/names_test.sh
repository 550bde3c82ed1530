#!/usr/bin/env bash
# Names as outlets write them, end to end: an unknown local place spelled three ways in three
# articles (al-Hawayij, Hawaijj, al Hawayej) is one entity, one facet value and one filter,
# through its loose-key id; a different unknown place (Kafr Shams) stays apart; a gazetteer
# entity written in an unlisted spelling is found and the result says so.
# Usage: names_test.sh BIN_DIR SOURCE_DIR   (defaults: build/bin and the source tree)
set -euo pipefail
src="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
bin="${1:-${CS_BIN_DIR:-$src/build/bin}}"
source "$src/tests/integration/lib.sh"

mkdir -p "$tmp/corpus"
cat >"$tmp/corpus/reports.jsonl" <<'JSONL'
{"id": "n1", "title": "Shelling on the Euphrates", "outlet": "Levant Wire", "date": "2017-05-02", "text": "Artillery shelled the town of al-Hawayij on Monday, residents said. Two houses were destroyed."}
{"id": "n2", "title": "Families flee eastern villages", "outlet": "Euphrates Post", "date": "2017-05-03", "text": "Dozens of families left the village of Hawaijj after the shelling, a local council member said."}
{"id": "n3", "title": "Aid reaches Deir ez-Zor countryside", "outlet": "Relief Daily", "date": "2017-05-09", "text": "A convoy reached the town of al Hawayej and nearby farms, the aid group said."}
{"id": "n4", "title": "Clashes near Kafr Shams", "outlet": "Levant Wire", "date": "2017-05-10", "text": "Fighting was reported in the village of Kafr Shams, a monitor said. The road to Dair Ezzor was closed."}
JSONL
"$bin/corpus-index" --quiet --out "$tmp/index" "$tmp/corpus" >"$tmp/index.log" 2>&1 ||
  fail "indexing: $(cat "$tmp/index.log")"
cs() { "$bin/corpus-search" --index "$tmp/index" "$@"; }

cs --json --facets --limit 10 >"$tmp/all.json"
python3 - "$tmp/all.json" <<'PY' || fail "the three spellings are not one place facet value"
import json, sys
places = json.load(open(sys.argv[1]))["facets"]["place"]
hawayij = [p for p in places if p["id"] == "x-~havj"]
assert len(hawayij) == 1 and hawayij[0]["count"] == 3, places
assert hawayij[0]["value"] in ("al-Hawayij", "Hawaijj", "al Hawayej"), hawayij
# Kafr Shams is another place with an id of its own.
assert any(p["id"] != "x-~havj" and p["value"] == "Kafr Shams" for p in places), places
PY

# Any of the spellings filters to all three articles, as does the id the facet shows.
for spelling in 'al Hawayej' 'Hawaijj' 'x-~havj'; do
  found="$(cs --json --place "$spelling" | json '" ".join(sorted(h["id"] for h in d["hits"]))')"
  [[ "$found" == "n1 n2 n3" ]] || fail "--place '$spelling' finds '$found', not n1 n2 n3"
done
# The entity page of the unknown place lists every spelling seen.
cs --json --entity-page 'al-Hawayij' >"$tmp/entity.json"
python3 - "$tmp/entity.json" <<'PY' || fail "the entity page does not list the three spellings"
import json, sys
d = json.load(open(sys.argv[1]))
seen = {s["spelling"] for s in d["spellings"]}
assert {"al-Hawayij", "Hawaijj", "al Hawayej"} <= seen, d["spellings"]
PY
# An unlisted spelling of a gazetteer entity finds it, with a warning saying how.
cs --json 'Dair Ezzor' | json '" ".join(d["warnings"])' | grep -q "loose spelling key" ||
  fail "a loose match of a gazetteer entity does not warn"
echo "names: ok"
