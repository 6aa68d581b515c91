#!/usr/bin/env bash
# GetItem and Query through a DAX cluster (the endpoint's /dax/<name>)
# against the same requests straight to the tables, on one dynamodesk-server
# filled by ../shared/bench's load.py: requests/s at BENCH_CONNECTIONS (16)
# and p50/p99 at one connection, each pair run back to back (ABBA), with the
# cluster's hits and misses at the end. Each cached run is preceded by one
# that fills the caches (every key read once), so that the figures are of a
# warm cache, as DAX is run.
#
#   tests/bench/dax_http.sh [BUILD_DIR]
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), SHARED_BENCH (../shared/bench).
default_seconds=5
source "$(dirname "$0")/serverbench.sh" dax_http.sh "${1:-}"
start_server
python3 "$shared/load.py" "$url" >/dev/null
AWS_ACCESS_KEY_ID=a AWS_SECRET_ACCESS_KEY=b AWS_DEFAULT_REGION=us-east-1 /usr/bin/aws dax create-cluster --endpoint-url "$url" \
  --cluster-name bench --node-type dax.r5.large --replication-factor 1 --iam-role-arn arn:aws:iam::000000000000:role/DAX >/dev/null

# "requests/s p50 p99 wrong non2xx" of one wrk run: WORKLOAD PATH CONNECTIONS
run() {
  DAX_WORKLOAD=$1 DAX_PATH=$2 wrk --latency -t"$(( $3 < 2 ? $3 : 2 ))" -c"$3" -d"${seconds}s" -s "$root/tests/bench/dax.lua" "$url" | awk '
    function us(v) { u = 1; if (v ~ /ms$/) u = 1000; else if (v ~ /us$/) u = 1; else if (v ~ /s$/) u = 1000000; sub(/[a-z]+$/, "", v); return v * u }
    /Requests\/sec/ {r = $2}
    $1 == "50%" {p50 = us($2)} $1 == "99%" {p99 = us($2)}
    /Wrong 200/ {w = $4} /Non-2xx/ {n = $NF}
    END {printf "%.0f %.0f %.0f %d %d\n", r, p50, p99, w, n}'
}
# Every key once through the cluster: the item cache holds the table, the query cache every partition.
python3 - "$url" <<'PY'
import json, sys, urllib.request
url = sys.argv[1] + '/dax/bench'
h = {'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Date': '20261124T000000Z',
     'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0'}
def call(op, body):
    req = urllib.request.Request(url, json.dumps(body).encode(), dict(h, **{'X-Amz-Target': 'DynamoDB_20120810.' + op}))
    urllib.request.urlopen(req).read()
for i in range(0, 100000, 100):
    call('BatchGetItem', {'RequestItems': {'bench_kv': {'Keys': [{'pk': {'S': 'k%08d' % j}} for j in range(i, i + 100)]}}})
for p in range(10000):
    call('Query', {'TableName': 'bench_sorted', 'KeyConditionExpression': 'pk = :p', 'ExpressionAttributeValues': {':p': {'S': 'k%08d' % p}}})
PY
printf '%-8s %-8s %12s %10s %10s %8s\n' workload path "req/s@$conns" "p50@1 us" "p99@1 us" invalid
for workload in get query; do
  for path in / /dax/bench /dax/bench /; do
    read -r rps _ _ w1 n1 <<<"$(run $workload $path "$conns")"
    read -r _ p50 p99 w2 n2 <<<"$(run $workload $path 1)"
    printf '%-8s %-10s %10s %10s %10s %8s\n' "$workload" "$path" "$rps" "$p50" "$p99" "$((w1 + n1 + w2 + n2))"
  done
done
curl -s -X POST "$url" -H 'Content-Type: application/x-amz-json-1.0' -H 'X-Amz-Target: Dynamodesk_20261101.DescribeClusterMetrics' \
  -H 'X-Amz-Date: 20261124T000000Z' \
  -H 'Authorization: AWS4-HMAC-SHA256 Credential=a/20261124/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
  -d '{"ClusterName":"bench"}' | python3 -c 'import json,sys; m=json.load(sys.stdin)["Metrics"]; print("cluster: item cache %d hits, %d misses; query cache %d hits, %d misses; %d bytes cached" % (m["ItemCacheHits"], m["ItemCacheMisses"], m["QueryCacheHits"], m["QueryCacheMisses"], m["EstimatedDbSize"]))'
