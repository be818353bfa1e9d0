#!/usr/bin/env bash
# Builds the libFuzzer targets with Clang (AddressSanitizer and UBSan on) and
# runs each for a given time on its seed corpus.
# usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# A crash leaves its input as build-fuzz/crash-* and fails the script.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
seconds=${1:-60}
shift || true

cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ -DAGENTGEN_FUZZ=ON -DAGENTGEN_TESTS=ON >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_agpm_template fuzz_depfile fuzz_frontmatter fuzz_mustache
           fuzz_pipeline fuzz_project_and_json)
fi
cmake --build build-fuzz --target "${targets[@]}"

for target in "${targets[@]}"; do
  seeds="tests/fuzz/corpus/${target#fuzz_}"
  work="build-fuzz/corpus/${target#fuzz_}"
  mkdir -p "$work"
  echo "== $target: ${seconds}s"
  # The working corpus grows in build-fuzz; the seeds stay as committed.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 \
    "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=build-fuzz/ \
    -print_final_stats=1 "$work" "$seeds" 2>&1 | grep -E '^(#|stat::number_of_executed_units|==|SUMMARY|Done)' | tail -4
done
