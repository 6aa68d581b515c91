#!/usr/bin/env bash
# Per-request costs of dynamodesk-server over HTTP, in figures that do not
# depend on how busy the machine is:
#   1. instructions per request (callgrind on the server under wrk);
#   2. system calls per request (strace -c -f on the server under wrk);
#   3. server CPU time per request (/proc/PID/stat), which does depend on the machine.
#
#   tests/bench/http_profile.sh [WORKLOAD]     workload: get (default), put, update, query, mixed
# Environment: BENCH_KEYS (20000; the tables are loaded once, into a temporary
# data directory), PROFILE_SECONDS (4), SHARED_BENCH (../shared/bench).
# Needs wrk, valgrind and strace.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED_BENCH:-$root/../shared/bench}
workload=${1:-get}
seconds=${PROFILE_SECONDS:-4}
export BENCH_DIR=$shared BENCH_KEYS=${BENCH_KEYS:-20000} BENCH_PARTITIONS=${BENCH_PARTITIONS:-2000}
for tool in wrk valgrind strace; do
  command -v $tool >/dev/null || { echo "http_profile.sh: $tool is missing" >&2; exit 2; }
done
cmake --build "$root/build" --target dynamodesk-server >/dev/null
server=${DD_SERVER:-$root/build/bin/dynamodesk-server} # DD_SERVER: another build of it, to compare

source "$here/benchlib.sh"
requests() { awk '/requests in/ {print $1}' <<<"$1"; }
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Load once with a plain server, then measure on the same data.
port=$(free_port)
"$server" --port "$port" --db-path "$work/data" >/dev/null & pid=$!
sleep 0.5
python3 "$shared/load.py" "http://127.0.0.1:$port"
url=http://127.0.0.1:$port
wrk -t1 -c16 -d1s -s "$shared/$workload.lua" "$url" >/dev/null # warm: readers open, statements prepared

read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
out=$(wrk -t2 -c16 -d"${seconds}s" -s "$shared/$workload.lua" "$url")
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
python3 -c "r=$(requests "$out"); t=$(getconf CLK_TCK); print('server CPU per request: %.2f us (user %.2f, system %.2f; shared machine: noisy)' % (($u1+$s1-$u0-$s0)/t/r*1e6, ($u1-$u0)/t/r*1e6, ($s1-$s0)/t/r*1e6))"

strace -c -f -p "$pid" -o "$work/strace.txt" 2>/dev/null & spid=$!
sleep 0.5
out=$(wrk -t1 -c16 -d2s -s "$shared/$workload.lua" "$url")
kill -INT $spid; wait $spid 2>/dev/null || true
echo "system calls per request ($(requests "$out") requests):"
awk -v r="$(requests "$out")" '$NF ~ /^[a-z_0-9]+$/ && $4 ~ /^[0-9]+$/ && $4 > r/100 {printf "  %-14s %.2f\n", $NF, $4/r}' "$work/strace.txt"
kill "$pid"; wait "$pid" 2>/dev/null || true

valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$work/cg.out" \
  "$server" --port "$port" --db-path "$work/data" >/dev/null 2>&1 & pid=$!
for _ in $(seq 50); do sleep 0.2; curl -s "$url" >/dev/null 2>&1 && break; done
wrk -t1 -c16 -d1s -s "$shared/$workload.lua" "$url" >/dev/null
callgrind_control -i on "$pid" >/dev/null 2>&1
wrk -t1 -c16 -d1s -s "$shared/$workload.lua" "$url" >/dev/null
callgrind_control -z "$pid" >/dev/null 2>&1
out=$(wrk -t1 -c16 -d"${seconds}s" -s "$shared/$workload.lua" "$url")
callgrind_control -d "$pid" >/dev/null 2>&1
total=$(grep -h '^summary:' "$work"/cg.out.* | awk '{s+=$2} END {print s}')
python3 -c "print('instructions per request: %.0f (%d requests under callgrind)' % ($total/$(requests "$out"), $(requests "$out")))"
if [ -n "${PROFILE_KEEP:-}" ]; then cp "$work"/cg.out.* "$PROFILE_KEEP" && echo "callgrind profile: $PROFILE_KEEP"; fi
