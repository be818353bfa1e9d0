#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs `agentgen check` over a checkout of anthropics/claude-plugins-official.

Usage: check-official-plugins.py <agentgen> <checkout>

Checks the marketplace file (which checks every plugin it holds locally) and
then each local plugin folder on its own with `--type plugin` (also the
folders beside them that the marketplace does not list), and prints
the number of errors and warnings by rule. Exits 1 when any error was
reported: Claude Code loads every plugin of that marketplace, so an error
there is a rule of ours that is wrong.
"""

import collections
import json
import os
import subprocess
import sys


def run_check(agentgen, kind, target, cwd):
    """The diagnostics of one `agentgen check --format json` run."""
    result = subprocess.run(
        [agentgen, "check", "--type", kind, "--format", "json", "--root", ".",
         target],
        cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode not in (0, 1):
        sys.exit("agentgen failed on %s: %s" % (target, result.stderr))
    return json.loads(result.stdout)["diagnostics"]


def local_plugins(checkout):
    """The relative sources of the marketplace's entries."""
    path = os.path.join(checkout, ".claude-plugin", "marketplace.json")
    with open(path, encoding="utf-8") as file:
        marketplace = json.load(file)
    return [entry["source"] for entry in marketplace["plugins"]
            if isinstance(entry.get("source"), str)]


def unlisted_plugins(checkout, sources):
    """Folders beside the local sources that the marketplace does not list
    (an example plugin), so that every plugin in the checkout is checked."""
    listed = {os.path.normpath(source) for source in sources}
    parents = {os.path.dirname(source) for source in listed}
    found = []
    for parent in sorted(parents):
        for name in sorted(os.listdir(os.path.join(checkout, parent))):
            path = os.path.join(parent, name)
            if path not in listed and os.path.isdir(
                    os.path.join(checkout, path)):
                found.append(path)
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    agentgen = os.path.abspath(sys.argv[1])
    checkout = sys.argv[2]
    listed = local_plugins(checkout)
    unlisted = unlisted_plugins(checkout, listed)
    plugins = listed + unlisted
    runs = [("marketplace", ".")] + [("plugin", source) for source in plugins]
    counts = {"error": collections.Counter(), "warning": collections.Counter()}
    seen = set()
    for kind, target in runs:
        for diagnostic in run_check(agentgen, kind, target, checkout):
            # The marketplace run already reported each plugin's own.
            key = json.dumps(diagnostic, sort_keys=True)
            if key in seen:
                continue
            seen.add(key)
            severity = diagnostic["severity"]
            if severity in counts:
                counts[severity][diagnostic.get("rule", "")] += 1
            if severity == "error":
                print("error: %s:%s: %s" % (
                    diagnostic.get("file", ""), diagnostic.get("line", ""),
                    diagnostic["message"]))
    print("checked the marketplace, its %d local plugins and %d plugins "
          "beside them it does not list" % (len(listed), len(unlisted)))
    for severity in ("error", "warning"):
        total = sum(counts[severity].values())
        print("%ss: %d" % (severity, total))
        for rule, count in sorted(counts[severity].items()):
            print("  %-32s %d" % (rule, count))
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main())
