#!/usr/bin/env bash
# Builds the engine's concurrent parts with ThreadSanitizer into build-tsan/
# and runs their unit tests, then the end-to-end tests (AWS CLI, boto3)
# against a TSan dynamodesk-server. Prints every report; exits 1 if any.
# Not part of test.sh: about 15 minutes on 2 cores.
#   tools/tsan.sh [BUILD_DIR]        default: build-tsan
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build-tsan}
tests=(storage_tst_database storage_tst_databasewrites storage_tst_indexstore api_tst_backups api_tst_streams
       api_tst_transactions api_tst_livestats api_tst_regionopeninturn api_tst_itemops api_tst_queryops
       api_tst_tablehistory api_tst_requestcorpus api_tst_globaltables api_tst_migration api_tst_security api_tst_dax api_tst_daxcache api_tst_encryption storage_tst_encryption client_tst_tablecopy api_tst_resourcepolicies api_tst_multiattributekeys daxwire_tst_daxserver http_tst_endpoint httpserver_tst_httpserver triggers_tst_triggers)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDD_SANITIZE_THREAD=ON -DDD_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target dynamodesk-server "${tests[@]}"
build=$(realpath "$build")

logs=$(mktemp -d)
# die_after_fork=0: triggers start commands from a multi-threaded process.
export TSAN_OPTIONS="halt_on_error=0 history_size=4 die_after_fork=0 suppressions=$root/tests/tsan/suppressions.txt log_path=$logs/tsan"
export QT_QPA_PLATFORM=offscreen
failed=0
for t in "${tests[@]}"; do
  # Timing-bound cases (a restore while every core spins) may time out 10x slower under TSan: only reports count here.
  "$build/tests/$t" >"$logs/$t.out" 2>&1 || echo "note: $t did not pass under TSan (see $logs/$t.out)"
done
for py in tests/e2e/test_*.py; do
  (cd tests/e2e && DYNAMODESK_SERVER="$build/bin/dynamodesk-server" /usr/bin/python3 -m unittest "$(basename "$py" .py)" \
     >"$logs/$(basename "$py").out" 2>&1) || echo "note: $(basename "$py") did not pass under TSan (see $logs/$(basename "$py").out)"
done
if compgen -G "$logs/tsan.*" >/dev/null; then
  cat "$logs"/tsan.*
  echo "ThreadSanitizer: $(cat "$logs"/tsan.* | grep -c 'WARNING: ThreadSanitizer') report(s), logs in $logs"
  failed=1
else
  echo "ThreadSanitizer: no reports (${#tests[@]} unit tests, $(ls tests/e2e/test_*.py | wc -l) end-to-end tests; logs in $logs)"
fi
exit $failed
