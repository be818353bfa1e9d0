#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever the build and the tests need
# and the machine lacks, and the SARIF 2.1.0 schema that the `check --format
# sarif` test validates against (from an npm package, into .cache/). Safe to
# run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ clang libclang-rt-14-dev cmake ninja-build make python3 git clang-format
  clang-tidy meson strace
  libyaml-cpp-dev libmstch-dev nlohmann-json3-dev libboost-filesystem-dev
  libicu-dev
  libgtest-dev libbenchmark-dev libtomlplusplus-dev libcli11-dev libssl-dev
  python3-jsonschema
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# npm fetches the schema below. A Node.js from elsewhere brings its own npm,
# and Debian's npm package would fight it: ask for it only when none runs.
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The OASIS SARIF TC's sarif-schema-2.1.0.json (draft-07), as this npm
# package ships it (Apache-2.0). Pinned by version and by the file's hash;
# never committed.
sarif_package="@datadog/datadog-ci-plugin-sarif@4.3.0"
sarif_member="package/dist/json-schema/sarif-schema-2.1.0.json"
sarif_sha256="10666d46649b52e262001e70d43e6c52f7c0279ca3dbdfe9a7dc2e4071556454"
sarif_schema=".cache/sarif/sarif-schema-2.1.0.json"
if ! echo "$sarif_sha256  $sarif_schema" | sha256sum --check --status 2>/dev/null; then
  echo "fetching the SARIF 2.1.0 schema from $sarif_package"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "$sarif_package" >/dev/null)
  tar -xzf "$work"/*.tgz -C "$work" "$sarif_member"
  echo "$sarif_sha256  $work/$sarif_member" | sha256sum --check --status
  mkdir -p "$(dirname "$sarif_schema")"
  mv "$work/$sarif_member" "$sarif_schema"
fi
