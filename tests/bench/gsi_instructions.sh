#!/usr/bin/env bash
# Instructions per PutItem in process (callgrind), on a table with two
# KEYS_ONLY global secondary indexes against one with none, for each kind of
# write: `new` items (an insert in each index), index keys `kept`, and both
# index entries `moved` (a delete and an insert in each index). Commit turns
# of 8, as the server's. engine_bench loads its items through Engine::call
# too, so each case runs twice, with N and 2N puts, and the cost of a put is
# the difference over N: the load drops out. Both tables are written the
# same items, with the two index attributes (--index-attrs 2): only the
# indexes differ.
#
#   tests/bench/gsi_instructions.sh [BUILD_DIR]
# Environment: ITEMS (20000 loaded items), OPS (N, 20000). About 10 minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
items=${ITEMS:-20000}
ops=${OPS:-20000}
command -v valgrind >/dev/null || { echo "gsi_instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
cmake --build "$build" --target engine_bench >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
total() { # kind gsis ops
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" --collect-atstart=no \
    --toggle-collect='dd::api::Engine::call*' --toggle-collect='dd::api::Engine::endTurn*' \
    "$build/bin/engine_bench" --items "$items" --gsis "$2" --turn 8 --only put --ops "$3" --index-keys "$1" --index-attrs 2 >/dev/null 2>&1
  callgrind_annotate "$out/cg" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
printf '%-6s %14s %14s %7s\n' kind "no GSI" "two GSIs" ratio
for kind in new kept moved; do
  per=()
  for g in 0 2; do
    a=$(total "$kind" "$g" "$ops")
    b=$(total "$kind" "$g" $((2 * ops)))
    per+=($(((b - a) / ops)))
  done
  printf '%-6s %14s %14s %7s\n' "$kind" "${per[0]}" "${per[1]}" "$(awk -v a="${per[0]}" -v b="${per[1]}" 'BEGIN { printf "%.2fx", b / a }')"
done
