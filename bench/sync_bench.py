#!/usr/bin/env python3
"""Times `agentgen sync` on the public AGPM example project against a batch
`agentgen render` of the same sources (docs/performance.md, "sync").

Workloads, on a copy of aig787/agpm-resources' examples/local/agpm.toml:
  render    one `agentgen render --out-dir` process over every Markdown
            resource the manifest builds (each source file once, the
            manifest's [project] variables): the floor
  sync      a sync into an empty tree (every file written)
  sync-noop a sync of a tree that is up to date (nothing written)
  check     `sync --check` of an up-to-date tree
Commands alternate round by round; the report gives medians and the median
of the per-round ratios to the floor.

usage: sync_bench.py AGENTGEN CHECKOUT [--rounds R]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command, cwd):
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("agentgen")
    parser.add_argument("checkout")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    agentgen = os.path.abspath(args.agentgen)
    with tempfile.TemporaryDirectory(prefix="agentgen-sync-bench-") as work:
        copy = os.path.join(work, "repo")
        shutil.copytree(args.checkout, copy, symlinks=True,
                        ignore=shutil.ignore_patterns(".git"))
        os.makedirs(os.path.join(copy, ".git"))
        project = os.path.join(copy, "examples/local")
        listed = subprocess.run([agentgen, "sync", "--list"], cwd=project,
                                check=True, capture_output=True, text=True)
        rows = [json.loads(line) for line in listed.stdout.splitlines()]
        renders = [row for row in rows if row["action"] == "render"]
        sources = sorted({os.path.join(copy, row["source"]) for row in renders
                          if row["entry"]})
        out = os.path.join(work, "rendered")
        render = [agentgen, "render", *sources, "--out-dir", out, "--root",
                  copy, "--project-file", os.path.join(project, "agpm.toml")]
        sync = [agentgen, "sync", "--to", os.path.join(work, "tree")]
        check = sync + ["--check"]

        times = {"render": [], "sync": [], "sync-noop": [], "check": []}
        for _ in range(args.rounds):
            shutil.rmtree(out, ignore_errors=True)
            times["render"].append(timed(render, project))
            shutil.rmtree(os.path.join(work, "tree"), ignore_errors=True)
            times["sync"].append(timed(sync, project))
            times["sync-noop"].append(timed(sync, project))
            times["check"].append(timed(check, project))
        print("agpm-resources examples/local: %d manifest rows, %d renders by "
              "sync, %d distinct sources in the batch render; %d rounds"
              % (len(rows), len(renders), len(sources), args.rounds))
        print("%-10s %10s %8s" % ("workload", "median ms", "ratio"))
        for name, values in times.items():
            ratios = [v / r for v, r in zip(values, times["render"])]
            print("%-10s %10.1f %8.2f" % (name, 1000 * statistics.median(values),
                                          statistics.median(ratios)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
