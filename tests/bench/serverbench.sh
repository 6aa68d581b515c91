# serverbench.sh: sourced by the benches that drive a dynamodesk-server of
# their own with ../shared/bench's wrk workloads (stream_throughput.sh,
# get_ratio.sh). After `source serverbench.sh NAME [BUILD_DIR]`:
#   root, build, shared    the checkout, its build directory, ../shared/bench (BENCH_DIR exported)
#   seconds, conns         BENCH_SECONDS (default $default_seconds), BENCH_CONNECTIONS (16)
#   dir                    a temporary directory, removed on exit
#   start_server           starts dynamodesk-server on disk in $dir on a free port: sets url and spid
#                          (stopped on exit, with every pid added to bench_pids)
#   and benchlib.sh's free_port, cpu_ticks and start_dynalite
# The caller sets `default_seconds` before sourcing; NAME names it in errors.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/benchlib.sh"
bench_name=$1
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${2:-$root/build}
shared=${SHARED_BENCH:-$root/../shared/bench}
export BENCH_DIR=$shared
seconds=${BENCH_SECONDS:-${default_seconds:-5}}
conns=${BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "$bench_name: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
dir=$(mktemp -d)
bench_pids=()
trap 'kill "${bench_pids[@]}" 2>/dev/null; wait "${bench_pids[@]}" 2>/dev/null; rm -rf "$dir"' EXIT

start_server() {
  "$build/bin/dynamodesk-server" --port 0 --db-path "$dir" >"$dir/out" 2>&1 & spid=$!
  bench_pids+=("$spid")
  for _ in $(seq 50); do grep -q listening "$dir/out" && break; sleep 0.1; done
  url=$(grep -o 'http://[0-9.:]*' "$dir/out")
}
