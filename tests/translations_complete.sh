#!/usr/bin/env bash
# Every user-visible string (tr() in ui/ and app/) is in translations/*.ts
# with its translation: lupdate runs over the sources into copies of the .ts
# files, and no message may come out new or unfinished. After adding or
# changing strings: `cmake --build build --target update_translations`, then
# translate what it marks unfinished (Qt Linguist, or the .ts XML).
#   tests/translations_complete.sh SOURCE_DIR LUPDATE
set -euo pipefail
root=$1
lupdate=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root"/translations/*.ts "$tmp"/
# English holds only the plural forms of the %n messages (-pluralonly).
full=$(ls "$tmp"/*.ts | grep -v '_en\.ts$')
(cd "$root" && "$lupdate" -no-obsolete -locations none ui app -ts $full) >"$tmp/lupdate.log" 2>&1 \
  || { cat "$tmp/lupdate.log"; exit 1; }
(cd "$root" && "$lupdate" -pluralonly -no-obsolete -locations none ui app -target-language en -ts "$tmp"/dynamodesk_en.ts) >>"$tmp/lupdate.log" 2>&1 \
  || { cat "$tmp/lupdate.log"; exit 1; }
status=0
for ts in "$tmp"/*.ts; do
  n=$(grep -c 'type="unfinished"' "$ts" || true)
  if [ "$n" -gt 0 ]; then
    echo "$(basename "$ts"): $n untranslated message(s):"
    grep -B3 'type="unfinished"' "$ts" | grep '<source>' | sed 's/^ */  /'
    status=1
  fi
done
[ $status -eq 0 ] && echo "translations complete: $(grep -c '<source>' "$tmp"/dynamodesk_de.ts) messages in each of $(ls "$tmp"/*.ts | wc -l) languages"
exit $status
