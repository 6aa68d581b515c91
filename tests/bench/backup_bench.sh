#!/usr/bin/env bash
# Backup and restore figures of the engine in process, on disk: CreateBackup
# time, RestoreTableFromBackup and RestoreTableToPointInTime items/s, and
# GetItem/PutItem p50/p99 from paced client threads when idle, during the
# backup and during each restore (tests/bench/backup_bench.cpp).
#
#   tests/bench/backup_bench.sh [N]            N items (default 1,000,000)
# Environment: BENCH_SECONDS (3, idle measurement before and after),
# BENCH_RATE (500 requests/s per client thread), BUILD (build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${BUILD:-$root/build}
items=${1:-1000000}
cmake --build "$build" --target backup_bench >/dev/null
exec "$build/bin/backup_bench" --items "$items" --seconds "${BENCH_SECONDS:-3}" --rate "${BENCH_RATE:-500}"
