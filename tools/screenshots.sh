#!/usr/bin/env bash
# Takes screenshots of every screen of the desktop app into docs/screenshots/
# (light and dark palettes, and the German translation), by running
# `dynamodesk --screenshots DIR` on an in-memory database under xvfb-run.
#   tools/screenshots.sh [BUILD_DIR]      default: build
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=docs/screenshots

need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v convert >/dev/null || need+=(imagemagick)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends "${need[@]}"
fi
[ -x "$BUILD/bin/dynamodesk" ] || cmake --build "$BUILD" --target dynamodesk

mkdir -p "$OUT"
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
export XDG_CONFIG_HOME=$(mktemp -d)   # no saved connections or layout from this user
run() { xvfb-run -a -s "-screen 0 1600x1000x24" "$BUILD/bin/dynamodesk" --screenshots "$@"; }
run "$OUT" --lang en
run "$OUT" --lang en --dark
tmp=$(mktemp -d)
run "$tmp" --lang de
cp "$tmp/01-main.png" "$OUT/01-main-de.png"
cp "$tmp/02-designer.png" "$OUT/02-designer-de.png"
cp "$tmp/08-transaction.png" "$OUT/08-transaction-de.png"
rm -rf "$tmp" "$XDG_CONFIG_HOME"
# Smaller files for the README: 8-bit palettes lose nothing visible in flat UI.
for f in "$OUT"/*.png; do convert "$f" -strip PNG8:"$f"; done
ls -l "$OUT"
