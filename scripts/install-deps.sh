#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever the build and the tests need
# and the machine lacks. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  g++ clang libclang-rt-14-dev cmake ninja-build make python3 git clang-format
  clang-tidy meson strace
  libyaml-cpp-dev libmstch-dev nlohmann-json3-dev libboost-filesystem-dev
  libgtest-dev libbenchmark-dev libtomlplusplus-dev libcli11-dev libssl-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
