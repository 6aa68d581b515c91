#!/usr/bin/env bash
# PutItem throughput with a stream enabled against without, on one
# dynamodesk-server (on disk) in one run: wrk with ../shared/bench's put
# workload against two tables, one with a NEW_AND_OLD_IMAGES stream, in
# alternating rounds (figures are only comparable within one run on these
# shared machines). Only the table with the stream writes change-log rows
# (a table that no stream, PITR or trigger reads skips the log): that row
# in the table's log (storage/changelog.h) and its share of the commit are
# the stream's cost. For instruction counts rather than wall time, run the
# server under callgrind (--instr-atstart=no, callgrind_control -i on/off
# around one table's wrk run) as README.md describes.
#
# WORKLOAD=batch sends BatchWriteItem requests of 25 such puts instead
# (batch_put.lua): one commit then logs 25 or more changes of a table, which
# share one block of its log.
#
#   tests/bench/stream_throughput.sh [BUILD_DIR]
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), ROUNDS (4), WORKLOAD (put | batch),
# SHARED_BENCH (../shared/bench). The last line gives the means of the rounds.
default_seconds=5
source "$(dirname "$0")/serverbench.sh" stream_throughput.sh "${1:-}"
rounds=${ROUNDS:-4}
case ${WORKLOAD:-put} in
  put) script=$shared/put.lua ;;
  batch) script=$root/tests/bench/batch_put.lua ;;
  *) echo "stream_throughput.sh: WORKLOAD is put or batch" >&2; exit 2 ;;
esac
start_server
pid=$spid

/usr/bin/python3 - "$url" <<'PY'
import sys
sys.path.insert(0, sys.argv[0] and '.')
import boto3
from botocore.config import Config
ddb = boto3.client('dynamodb', endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='a',
                   aws_secret_access_key='b', config=Config(retries={'max_attempts': 1}))
for name, stream in (('bench_plain', None), ('bench_stream', 'NEW_AND_OLD_IMAGES')):
    kw = {'StreamSpecification': {'StreamEnabled': True, 'StreamViewType': stream}} if stream else {}
    ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                     AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                     KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}], **kw)
PY

# measure TABLE: requests/s, latency, and the server's CPU time per request
# (steadier than requests/s on a shared machine).
measure() {
  local out before after requests
  before=$(cpu_ticks "$pid")
  out=$(BENCH_TABLE=$1 wrk --latency -t2 -c"$conns" -d"${seconds}s" -s "$script" "$url" 2>&1)
  after=$(cpu_ticks "$pid")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  printf '%-13s %10s req/s  p50 %-9s p99 %-9s server CPU %5s us/request  non-2xx %s wrong %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')" \
    "$(awk '/Non-2xx/ {print $NF}' <<<"$out")" "$(awk '/Wrong 200/ {print $NF}' <<<"$out")"
}
# ABBA order, so that neither table always runs on a warmer (or fuller) database.
for i in $(seq "$rounds"); do
  if (( i % 2 )); then measure bench_plain; measure bench_stream; else measure bench_stream; measure bench_plain; fi
done | tee "$dir/rounds"
# The means of the rounds, and how much slower the stream made the writes.
awk '{n[$1]++; r[$1] += $2; c[$1] += $(NF - 4)}
  END {printf "mean: bench_plain %.0f req/s (server CPU %.1f us/request), bench_stream %.0f req/s (%.1f us): %.1f%% slower\n",
       r["bench_plain"] / n["bench_plain"], c["bench_plain"] / n["bench_plain"], r["bench_stream"] / n["bench_stream"],
       c["bench_stream"] / n["bench_stream"], 100 * (1 - r["bench_stream"] / n["bench_stream"] / (r["bench_plain"] / n["bench_plain"]))}' "$dir/rounds"
