#!/usr/bin/env bash
# TransactWriteItems over HTTP: requests/s with 2 and 25 actions per
# transaction, against dynamodesk-server on disk (WAL; each transaction is
# acknowledged after its commit), at 1 and BENCH_CONNECTIONS connections,
# next to the ceiling and UpdateItem measured in the same run.
#   tests/bench/transact.sh [SERVER_BINARY]      (default: build/bin/dynamodesk-server)
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), SHARED_BENCH (../shared/bench).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED_BENCH:-$root/../shared/bench}
server=${1:-$root/build/bin/dynamodesk-server}
export BENCH_SECONDS=${BENCH_SECONDS:-5} BENCH_DIR=$shared
conns=${BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "transact.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }

source "$here/benchlib.sh"
run() {  # run LABEL SCRIPT CONNECTIONS [ENV=VALUE...]: one wrk run; prints req/s, p50, p99, errors, server CPU per request
  local label=$1 script=$2 c=$3; shift 3
  local before out rps p50 p99 bad wrong reqs after
  before=$(cpu_ticks "$pid")
  out=$(env "$@" wrk --latency -t"$(( c > 1 ? 2 : 1 ))" -c"$c" -d"${BENCH_SECONDS}s" -s "$script" "$url" 2>&1)
  after=$(cpu_ticks "$pid")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  wrong=$(awk '/Wrong 200 responses/ {print $NF}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-22s c=%-3s %9s req/s  p50 %-9s p99 %-9s wrong %-4s non-2xx %-5s server CPU %s us/req\n' \
    "$label" "$c" "${rps:-?}" "${p50:-?}" "${p99:-?}" "${wrong:-0}" "${bad:-0}" \
    "$(awk -v t=$((after - before)) -v n="${reqs:-1}" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')"
}

dir=$(mktemp -d)
port=$(free_port)
"$server" --port "$port" --db-path "$dir" >/dev/null 2>&1 & pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
url="http://127.0.0.1:$port/"
sleep 0.5
python3 - "$url" <<'PY'
import sys
import os
sys.path.insert(0, os.environ['BENCH_DIR'])
from load import Endpoint, wait_active
ep = Endpoint(sys.argv[1])
ep.call("CreateTable", {"TableName": "bench_kv", "BillingMode": "PAY_PER_REQUEST",
                        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}, ok_errors=("ResourceInUseException",))
wait_active(ep, "bench_kv")
PY
for c in 1 "$conns"; do
  run "UpdateItem" "$shared/update.lua" "$c"
  run "TransactWriteItems x2" "$here/transact.lua" "$c" TX_ACTIONS=2
  run "TransactWriteItems x25" "$here/transact.lua" "$c" TX_ACTIONS=25
done
