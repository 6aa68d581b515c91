#!/usr/bin/env bash
# GetItem requests/s of dynamodesk-server as a share of ../shared/bench's
# ceiling server (one that only answers), measured as alternating pairs of
# short wrk runs at 16 connections, so that the machine's drift (its speed
# moves by 1.5-3x over a day here) falls on both sides of each pair alike.
# Prints each pair's ratio and both sides' p50 latency, then the medians and
# the pooled ratio (sum over sum). Issue #2's targets: GetItem at least 60% of
# the ceiling at 16 connections; p50 under 100 µs at one connection
# (BENCH_CONNECTIONS=1).
#
#   tests/bench/get_ratio.sh [BUILD_DIR]
# Environment: ROUNDS (8), BENCH_SECONDS (3), BENCH_CONNECTIONS (16), SHARED_BENCH (../shared/bench).
default_seconds=3
source "$(dirname "$0")/serverbench.sh" get_ratio.sh "${1:-}"
rounds=${ROUNDS:-8}
cc -O2 -o "$dir/ceiling" "$shared/ceiling.c" -lpthread
cport=$(free_port)
"$dir/ceiling" "$cport" 2 & bench_pids+=($!)
start_server
python3 "$shared/load.py" "$url" >/dev/null

threads=$(( conns < 2 ? conns : 2 ))
# "requests/s p50-in-µs" of one wrk run against URL.
rps() {
  wrk --latency -t"$threads" -c"$conns" -d"${seconds}s" -s "$shared/get.lua" "$1" | awk '
    /Requests\/sec/ {r = $2}
    $1 == "50%" {v = $2; u = 1; if (v ~ /ms$/) u = 1000; else if (v ~ /us$/) u = 1; else if (v ~ /s$/) u = 1000000; sub(/[a-z]+$/, "", v); p = v * u}
    END {print r, p}'
}
rps "$url" >/dev/null # warm the server's caches once
pairs=()
for i in $(seq "$rounds"); do
  # ABBA order: neither server always runs first.
  if (( i % 2 )); then c=$(rps "http://127.0.0.1:$cport/"); d=$(rps "$url"); else d=$(rps "$url"); c=$(rps "http://127.0.0.1:$cport/"); fi
  pairs+=("$c $d")
  read -r cr cp <<<"$c"; read -r dr dp <<<"$d"
  printf 'pair %2d  ceiling %9.0f req/s p50 %6.0f us   dynamodesk %9.0f req/s p50 %6.0f us   %5.1f%%\n' "$i" "$cr" "$cp" "$dr" "$dp" \
    "$(python3 -c "print(100 * $dr / $cr)")"
done
printf '%s\n' "${pairs[@]}" | python3 -c '
import statistics, sys
rows = [[float(x) for x in line.split()] for line in sys.stdin if line.strip()]
ratios = [100 * d / c for c, cp, d, dp in rows]
print("GetItem at %s connections: median %.1f%% of the ceiling (pairs %.1f-%.1f%%), pooled %.1f%%; p50 median %.0f us (ceiling %.0f us)"
      % (sys.argv[1], statistics.median(ratios), min(ratios), max(ratios), 100 * sum(r[2] for r in rows) / sum(r[0] for r in rows),
         statistics.median(r[3] for r in rows), statistics.median(r[1] for r in rows)))' "$conns"
