#!/usr/bin/env bash
# PartiQL over HTTP against the operations it becomes, in the same run on
# one dynamodesk-server on disk: ExecuteStatement SELECT of one item against
# GetItem, SELECT of a 10-item partition against Query, and UPDATE against
# UpdateItem (partiql.lua; ../shared/bench's tables and workloads), in
# alternating rounds (ABBA: the machine's drift falls on both sides). Prints
# each run's requests/s, p50, p99 and server CPU per request, then per pair
# the ratio of the rounds' means: what a statement costs over its operation.
#   tests/bench/partiql.sh [BUILD_DIR]
# Environment: BENCH_SECONDS (5), BENCH_CONNECTIONS (16), ROUNDS (2),
# BENCH_KEYS (100000), BENCH_PARTITIONS (10000), SHARED_BENCH (../shared/bench).
default_seconds=5
source "$(dirname "$0")/serverbench.sh" partiql.sh "${1:-}"
here=$root/tests/bench
rounds=${ROUNDS:-2}

# run LABEL PAIR SCRIPT [ENV=VALUE...]: one wrk run; appends "pair label rps us" to $dir/results.
run() {
  local label=$1 pair=$2 script=$3; shift 3
  local before out after reqs rps us
  before=$(cpu_ticks "$spid")
  out=$(env "$@" wrk --latency -t2 -c"$conns" -d"${seconds}s" -s "$script" "$url" 2>&1)
  after=$(cpu_ticks "$spid")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  us=$(awk -v t=$((after - before)) -v n="${reqs:-1}" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  printf '%-18s %10s req/s  p50 %-9s p99 %-9s server CPU %6s us/request  wrong %-4s non-2xx %s\n' "$label" "${rps:-?}" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$us" \
    "$(awk '/Wrong 200 responses/ {print $NF}' <<<"$out")" "$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  echo "$pair ${label// /_} $rps $us" >>"$dir/results"
}

start_server
python3 "$shared/load.py" "$url" >/dev/null
for i in $(seq "$rounds"); do
  for pair in get query update; do
    case $pair in
      get) a=(GetItem get "$shared/get.lua"); b=("SELECT item" get "$here/partiql.lua" PARTIQL_MODE=get) ;;
      query) a=(Query query "$shared/query.lua"); b=("SELECT partition" query "$here/partiql.lua" PARTIQL_MODE=query) ;;
      update) a=(UpdateItem update "$shared/update.lua"); b=(UPDATE update "$here/partiql.lua" PARTIQL_MODE=update) ;;
    esac
    if (( i % 2 )); then run "${a[@]}"; run "${b[@]}"; else run "${b[@]}"; run "${a[@]}"; fi
  done
done

echo "== PartiQL against the operation it becomes (ratio of the rounds' means)"
awk '{ k = $1; if ($2 ~ /^(GetItem|Query|UpdateItem)$/) { n0[k]++; r0[k] += $3; u0[k] += $4; name0[k] = $2 }
       else { n1[k]++; r1[k] += $3; u1[k] += $4; name1[k] = $2 } if (!seen[k]++) order[++m] = k }
  END { for (i = 1; i <= m; i++) { k = order[i];
    printf "%-7s %-18s %8.0f req/s, %6.1f us CPU  against %-10s %8.0f req/s, %6.1f us CPU: %.2fx the CPU\n", k,
      name1[k], r1[k]/n1[k], u1[k]/n1[k], name0[k], r0[k]/n0[k], u0[k]/n0[k], (u1[k]/n1[k]) / (u0[k]/n0[k]) } }' "$dir/results"
