#!/usr/bin/env bash
# Sets everything up, builds with warnings as errors, and runs every test
# (unit tests, and end-to-end tests with the real AWS CLI and boto3).
set -euo pipefail
cd "$(dirname "$0")"
DD_CMAKE_FLAGS="-DDD_WERROR=ON ${DD_CMAKE_FLAGS:-}" bash tools/setup.sh
bash tools/fuzz.sh build   # the expression fuzzer (clang + sanitizers), run briefly by ctest
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900
