#!/usr/bin/env bash
# One command for the HTTP and in-process figures, all measured in the same
# run on this machine (figures are only comparable within one run):
#   1. the ceiling: ../shared/bench's server that only answers a fixed 200;
#   2. dynalite 4 (npm, its default in-memory mode);
#   3. dynamodesk-server on disk (WAL; every write acknowledged after commit);
#   4. engine_bench: the engine in process, without HTTP;
#   5. with `get`: GetItem as a share of the ceiling and its p50, from
#      alternating pairs of short runs (get_ratio.sh): the single figures above
#      are minutes apart, and this machine's speed drifts in between.
# For each server it also prints the server's CPU time per request.
#
#   tests/bench/run.sh [WORKLOAD...]        workloads: get put update query mixed (default: all)
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), SHARED_BENCH (../shared/bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED_BENCH:-$root/../shared/bench}
export BENCH_SECONDS=${BENCH_SECONDS:-5}
workloads=("$@")
[[ ${#workloads[@]} -gt 0 ]] || workloads=(get put update query mixed)

command -v wrk >/dev/null || { echo "run.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
cmake --build "$root/build" --target dynamodesk-server engine_bench >/dev/null

source "$here/benchlib.sh"

# measure_server NAME PID URL: the shared harness, then CPU per request of one more get/put run.
measure_server() {
  local name=$1 pid=$2 url=$3
  echo "== $name"
  bash "$shared/run.sh" "$url" "${workloads[@]}"
  for w in get put update; do
    local t0 t1 out req
    t0=$(cpu_ticks "$pid")
    out=$(BENCH_DIR=$shared wrk -t2 -c"${BENCH_CONNECTIONS:-16}" -d3s -s "$shared/$w.lua" "$url")
    t1=$(cpu_ticks "$pid")
    req=$(awk '/requests in/ {print $1}' <<<"$out")
    python3 -c "print('%-8s server CPU %.1f us/request' % ('$w', ($t1-$t0)/$(getconf CLK_TCK)/$req*1e6))"
  done
}

echo "== ceiling"
bash "$shared/run.sh" --ceiling

if start_dynalite "$here"; then
  measure_server "dynalite (in memory)" "$dpid" "$durl"
  kill "$dpid"; wait "$dpid" 2>/dev/null || true
fi

data=$(mktemp -d)
port=$(free_port)
"$root/build/bin/dynamodesk-server" --port "$port" --db-path "$data" >/dev/null & spid=$!
trap 'kill $spid 2>/dev/null; rm -rf "$data"' EXIT
sleep 0.5
measure_server "dynamodesk-server (on disk)" "$spid" "http://127.0.0.1:$port"

echo "== engine in process (engine_bench, on disk)"
"$root/build/bin/engine_bench" --items 100000 --seconds 3

if [[ " ${workloads[*]} " == *" get "* ]]; then
  kill "$spid" 2>/dev/null; wait "$spid" 2>/dev/null || true
  echo "== GetItem against the ceiling in alternating pairs (get_ratio.sh)"
  ROUNDS=${GET_RATIO_ROUNDS:-6} bash "$here/get_ratio.sh" "$root/build" | tail -1
  BENCH_CONNECTIONS=1 ROUNDS=${GET_RATIO_ROUNDS:-6} bash "$here/get_ratio.sh" "$root/build" | tail -1
fi
