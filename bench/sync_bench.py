#!/usr/bin/env python3
"""Times `agentgen sync` on the public AGPM example project against a batch
`agentgen render` of the same sources (docs/performance.md, "sync").

Workloads, on a copy of aig787/agpm-resources' examples/local/agpm.toml:
  render    the floor: one `agentgen render --out-dir` batch of the same
            sources sync renders for the manifest's entries (123 paths, a
            source listed once per entry that names it; the manifest's
            [project] variables, since a batch has one set)
  render-40 the same batch with each source file once (40 files)
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
    """Wall seconds and CPU seconds (user + system) of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit("failed: %s" % " ".join(command))
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


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
        sources = [os.path.join(copy, row["source"]) for row in renders
                   if row["entry"]]
        distinct = sorted(set(sources))
        out = os.path.join(work, "rendered")
        batch = ["--out-dir", out, "--root", copy, "--project-file",
                 os.path.join(project, "agpm.toml")]
        render = [agentgen, "render", *sources, *batch]
        render_distinct = [agentgen, "render", *distinct, *batch]
        sync = [agentgen, "sync", "--to", os.path.join(work, "tree")]
        check = sync + ["--check"]

        times = {"render": [], "render-40": [], "sync": [], "sync-noop": [],
                 "check": []}
        for _ in range(args.rounds):
            shutil.rmtree(out, ignore_errors=True)
            times["render"].append(timed(render, project))
            shutil.rmtree(out, ignore_errors=True)
            times["render-40"].append(timed(render_distinct, project))
            shutil.rmtree(os.path.join(work, "tree"), ignore_errors=True)
            times["sync"].append(timed(sync, project))
            times["sync-noop"].append(timed(sync, project))
            times["check"].append(timed(check, project))
        print("agpm-resources examples/local: %d --list rows, %d renders by "
              "sync (%d for entries, %d distinct files); %d rounds"
              % (len(rows), len(renders), len(sources), len(distinct),
                 args.rounds))
        print("(the batch render and sync both render on every core)")
        print("%-10s %8s %8s %8s %8s" % ("workload", "wall ms", "ratio",
                                         "cpu ms", "ratio"))
        for name, values in times.items():
            walls = [v[0] for v in values]
            cpus = [v[1] for v in values]
            wall_ratio = [v[0] / r[0] for v, r in zip(values, times["render"])]
            cpu_ratio = [v[1] / r[1] for v, r in zip(values, times["render"])]
            print("%-10s %8.1f %8.2f %8.1f %8.2f" % (
                name, 1000 * statistics.median(walls),
                statistics.median(wall_ratio), 1000 * statistics.median(cpus),
                statistics.median(cpu_ratio)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
