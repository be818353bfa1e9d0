#!/usr/bin/env bash
# Runs clang-tidy with the checks of .clang-tidy (every finding an error) over
# every C++ file the build compiles: generator/, tests/ and bench/.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/install-deps.sh
# The compile commands of the test build: every unit and every test.
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DAGENTGEN_WERROR=ON \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
run-clang-tidy-14 -p build-test -j "$(nproc)" -quiet "$top/(generator|tests|bench)/"
