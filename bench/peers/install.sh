#!/usr/bin/env bash
# Installs the optional peers the benchmark compares agentgen with: Python's
# Jinja2 and pystache (Debian packages) and mustache.js (npm, into
# bench/peers/node_modules). The benchmark skips any peer that is missing.
set -euo pipefail
cd "$(dirname "$0")"
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-jinja2 python3-pystache python3-yaml time
# Node.js may come from elsewhere than Debian (with its own npm); add it only
# when it is missing.
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm
fi
npm install --no-audit --no-fund --silent
