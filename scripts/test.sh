#!/usr/bin/env bash
# Builds agentgen with warnings as errors and runs every test (unit, golden,
# samples, shared conformance suites, formatting).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DAGENTGEN_WERROR=ON >/dev/null
cmake --build build-test --parallel "$(nproc)"
ctest --test-dir build-test --output-on-failure -j2
