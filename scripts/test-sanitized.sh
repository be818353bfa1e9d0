#!/usr/bin/env bash
# Builds agentgen and its tests with AddressSanitizer and UBSan (no recovery:
# any report fails the test that caused it) and runs the unit, golden,
# conformance, sample and reliability tests on that build. The tests that
# compile agentgen again inside a consumer project (label `slow`) are left
# out: that compilation is not instrumented.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/install-deps.sh
# -O1, as AddressSanitizer's documentation suggests: the build takes half the
# time -O2 does, and the tests run in seconds either way.
cmake -S . -B build-sanitized -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -DNDEBUG" \
  -DAGENTGEN_SANITIZE=ON -DAGENTGEN_WERROR=ON >/dev/null
cmake --build build-sanitized --parallel "$(nproc)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-sanitized --output-on-failure -j"$(nproc)" -LE slow
