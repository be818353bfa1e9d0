#!/usr/bin/env bash
# Builds agentgen with warnings as errors and runs every test (unit, golden,
# samples, shared conformance suites, formatting, the build-system
# integrations).
#
#   scripts/test.sh            everything: the README's test command, and CI's
#   scripts/test.sh --quick    only the unit tests (ctest label `unit`): the
#                              loop for a change to one unit, seconds after a
#                              build
#
# Tests carry one of three labels: unit (one GoogleTest binary per pipeline
# stage), integration (the built agentgen, end to end) and slow (the three
# that compile agentgen again inside a consumer project; they start first).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

quick=false
case "${1:-}" in
  --quick) quick=true ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--quick]" >&2; exit 2 ;;
esac

bash scripts/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DAGENTGEN_WERROR=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
if $quick; then
  cmake --build build-test --parallel "$(nproc)" --target agentgen_unit_tests
  ctest --test-dir build-test --output-on-failure -j"$(nproc)" -L unit
  exit 0
fi
cmake --build build-test --parallel "$(nproc)"
ctest --test-dir build-test --output-on-failure -j2
