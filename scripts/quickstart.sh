#!/usr/bin/env bash
# Installs what is missing, builds agentgen, and renders the seed sample.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target agentgen

sample=samples/seed
out=build/samples/seed/backend-engineer-advanced.md
./build/generator/agentgen render "$sample/claude-code/agents/backend-engineer-advanced.md" \
  -o "$out" --depfile "$out.d" --manifest "$out.manifest.json" --root "$sample"
echo "rendered: $top/$out"
echo "depfile:  $top/$out.d"
echo "manifest: $top/$out.manifest.json"
