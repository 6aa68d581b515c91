#!/usr/bin/env bash
# Builds the fuzzers with clang (libFuzzer, AddressSanitizer, UBSan) in
# build-fuzz/ and runs one over its corpus, tests/fuzz/corpus/TARGET, for
# SECONDS (default 60): the expression language (FUZZ_TARGET=expr, the
# default), the change log's block decoder (FUZZ_TARGET=changelog), the
# engine's requests (FUZZ_TARGET=request), the endpoint's HTTP over a
# socket (FUZZ_TARGET=http), PartiQL statements (FUZZ_TARGET=partiql) or DAX
# wire requests (FUZZ_TARGET=daxwire), sealed files (FUZZ_TARGET=sealed),
# resource-based policy documents (FUZZ_TARGET=policy); the
# others compile the whole engine, so only when asked for, not by `build`. DD_FUZZ_ON_DISK=1 runs the request fuzzer
# on disk, each input followed by a restart of the engine.
#   tools/fuzz.sh [SECONDS]          tools/fuzz.sh build    (build only)
set -euo pipefail
cd "$(dirname "$0")/.."
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DDD_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
[ "${1:-}" = build ] && exec cmake --build build-fuzz --target expr_fuzz changelog_fuzz sealed_fuzz
target=${FUZZ_TARGET:-expr}
cmake --build build-fuzz --target "${target}_fuzz"
dict=()
[ -f "tests/fuzz/$target.dict" ] && dict=(-dict="tests/fuzz/$target.dict")
mkdir -p "build-fuzz/corpus-$target"
exec "build-fuzz/bin/${target}_fuzz" -max_total_time="${1:-60}" -timeout=10 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-4096}" \
  "${dict[@]}" -print_final_stats=1 "build-fuzz/corpus-$target" "tests/fuzz/corpus/$target"
