#!/bin/sh
# Runs one shared end-to-end suite against the built generator. The suites
# live in ../shared beside the checkout; a user's clone has none, so the
# test is skipped (exit 77) rather than failed when it is absent.
# usage: run_shared_suite.sh <agentgen> <shared-dir> [<suite, relative to
# conformance/>]
agentgen=$1
suite=$2/conformance/${3:-agpm/cases.json}
if [ ! -f "$suite" ]; then
  echo "skipped: $suite is absent"
  exit 77
fi
exec python3 "$2/conformance/run_cases.py" --agentgen "$agentgen" "$suite"
