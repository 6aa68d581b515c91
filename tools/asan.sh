#!/usr/bin/env bash
# Builds everything (engine, server, desktop app, tests) with AddressSanitizer
# and UBSan into build-asan/ and runs the whole CTest suite there: the unit
# and GUI tests, and the end-to-end tests against that build's
# dynamodesk-server. Any sanitizer report ends its process with an error, so
# the test that ran it fails. Not part of test.sh: about 25 minutes on 2 cores.
#   tools/asan.sh [BUILD_DIR] [CTEST ARGS...]     default: build-asan
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-asan}
shift || true
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDD_SANITIZE=ON -DDD_BUILD_BENCH=OFF >/dev/null
cmake --build "$build"
# Reports also go to files, so that one from a server an end-to-end test
# started (and stopped) is not missed. Leak checking stays off: Qt,
# fontconfig and the GUI tests' process-lifetime objects are reported at
# exit without being leaks of ours.
logs=$(mktemp -d)
export ASAN_OPTIONS="detect_leaks=0 abort_on_error=1 log_path=$logs/asan ${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1 halt_on_error=1 log_path=$logs/ubsan ${UBSAN_OPTIONS:-}"
failed=0
# The fuzz tests run build-fuzz's binaries (tools/fuzz.sh), sanitized already.
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" --timeout 1800 -E '^fuzz_' "$@" || failed=1
if compgen -G "$logs/*san.*" >/dev/null; then
  cat "$logs"/*san.*
  echo "Sanitizers: $(ls "$logs" | wc -l) report file(s) in $logs"
  failed=1
else
  echo "Sanitizers: no reports (logs in $logs)"
fi
exit $failed
