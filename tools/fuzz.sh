#!/usr/bin/env bash
# Builds the expression fuzzer with clang (libFuzzer, AddressSanitizer, UBSan)
# in build-fuzz/ and runs it over tests/fuzz/corpus/expr for SECONDS (default 60).
#   tools/fuzz.sh [SECONDS]          tools/fuzz.sh build    (build only)
set -euo pipefail
cd "$(dirname "$0")/.."
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DDD_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz --target expr_fuzz
[ "${1:-}" = build ] && exit 0
mkdir -p build-fuzz/corpus
exec build-fuzz/bin/expr_fuzz -max_total_time="${1:-60}" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -dict=tests/fuzz/expr.dict \
  -print_final_stats=1 build-fuzz/corpus tests/fuzz/corpus/expr
