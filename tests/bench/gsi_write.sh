#!/usr/bin/env bash
# The cost of a write to a table with two global secondary indexes against a
# table with none, over HTTP, for dynamodesk-server (on disk) and dynalite 4
# (in memory) in the same run: wrk PutItem (gsi_put.lua) to bench_plain and
# to bench_gsi (KEYS_ONLY indexes on g0 and g1), the same items on both,
# in alternating rounds (ABBA: the machine's drift falls on both sides).
# Two kinds of write: `moved` overwrites a loaded item with new index keys
# (a delete and an insert in each index), `new` puts a new item (an insert
# in each). Prints each round's requests/s and the server's CPU time per
# request, then per server and kind the ratio of the means, gsi over plain:
# the CPU ratio is the cost of a write, the requests/s ratio what a client sees.
#
#   tests/bench/gsi_write.sh [BUILD_DIR]
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), ROUNDS (2: each
# round runs both tables), BENCH_KEYS (20000 items loaded into each table),
# SHARED_BENCH (../shared/bench).
default_seconds=5
source "$(dirname "$0")/serverbench.sh" gsi_write.sh "${1:-}"
here=$root/tests/bench
rounds=${ROUNDS:-2}
export BENCH_KEYS=${BENCH_KEYS:-20000}

# setup URL: both tables, each loaded with BENCH_KEYS items whose index keys are set.
setup() {
  python3 - "$1" <<'PY'
import os, sys
sys.path.insert(0, os.environ['BENCH_DIR'])
from load import Endpoint, wait_active, batch_put
ep = Endpoint(sys.argv[1])
attrs = [{"AttributeName": n, "AttributeType": "S"} for n in ("pk", "g0", "g1")]
for name in ("bench_plain", "bench_gsi"):
    req = {"TableName": name, "BillingMode": "PAY_PER_REQUEST", "AttributeDefinitions": attrs[:1],
           "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}
    if name == "bench_gsi":
        req["AttributeDefinitions"] = attrs
        req["GlobalSecondaryIndexes"] = [
            {"IndexName": "by_" + g, "KeySchema": [{"AttributeName": g, "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "KEYS_ONLY"}} for g in ("g0", "g1")]
    ep.call("CreateTable", req)
    wait_active(ep, name)
    keys, batch = int(os.environ["BENCH_KEYS"]), []
    for i in range(keys):
        batch.append({"pk": {"S": f"k{i:08d}"}, "n": {"N": str(i)}, "data": {"S": "x" * 200},
                      "g0": {"S": f"w{i % 1000}"}, "g1": {"S": f"w{(i + 1) % 1000}"}})
        if len(batch) == 25 or i == keys - 1:
            batch_put(ep, name, batch)
            batch = []
PY
}

# measure SERVER PID URL TABLE MODE: one wrk run; prints a line and appends "server mode table rps us" to $dir/results.
measure() {
  local out before after requests rps us
  before=$(cpu_ticks "$2")
  out=$(BENCH_TABLE=$4 PUT_MODE=$5 wrk --latency -t2 -c"$conns" -d"${seconds}s" -s "$here/gsi_put.lua" "$3" 2>&1)
  after=$(cpu_ticks "$2")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  us=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  printf '%-10s %-6s %-12s %10s req/s  p50 %-9s p99 %-9s server CPU %6s us/request  non-2xx %s\n' "$1" "$5" "$4" "$rps" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$us" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$1 $5 $4 $rps $us" >>"$dir/results"
}

# bench SERVER PID URL: load, then ABBA rounds of each kind of write.
bench() {
  setup "$3"
  for mode in moved new; do
    for i in $(seq "$rounds"); do
      if (( i % 2 )); then measure "$1" "$2" "$3" bench_plain $mode; measure "$1" "$2" "$3" bench_gsi $mode
      else measure "$1" "$2" "$3" bench_gsi $mode; measure "$1" "$2" "$3" bench_plain $mode; fi
    done
  done
}

start_server
bench dynamodesk "$spid" "$url"
kill "$spid"; wait "$spid" 2>/dev/null || true

if start_dynalite "$here"; then
  bench_pids+=("$dpid")
  bench dynalite "$dpid" "$durl"
fi

echo "== two GSIs against none (ratio of the rounds' means, gsi / plain)"
awk '{ n[$1" "$2" "$3]++; rps[$1" "$2" "$3] += $4; us[$1" "$2" "$3] += $5; if (!seen[$1" "$2]++) order[++k] = $1" "$2 }
  END { for (i = 1; i <= k; i++) { s = order[i]; p = s" bench_plain"; g = s" bench_gsi";
    printf "%-18s server CPU per put %6.1f against %6.1f us: %.2fx    requests/s %8.0f against %8.0f: %.2fx slower\n", s,
      us[g]/n[g], us[p]/n[p], (us[g]/n[g]) / (us[p]/n[p]), rps[g]/n[g], rps[p]/n[p], (rps[p]/n[p]) / (rps[g]/n[g]) } }' "$dir/results"
