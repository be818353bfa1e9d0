#!/usr/bin/env python3
"""Times agentgen against the floors and the installed peers.

The per-agent workload's peak RSS column is that of xargs and its children
together (GNU time measures the largest process of the tree it waited for).

usage: run_bench.py --agentgen PATH [--rounds R] [--work DIR] [--quick]

For each workload it alternates the commands round by round (so drift on a
shared machine hits all of them alike) and reports medians, the median of
the per-round ratios to the floor, and peak RSS:
  batch 1,000 and 10,000 agents in one process     floor: cp -r of the corpus
  the same, into fresh folders (cp -r and agentgen)  floor: cp -r of the corpus
  one process per agent, 100 agents, xargs -P2      floor: /bin/true per agent
The "fresh" rows repeat the batch workloads for cp -r and agentgen with the
outputs set aside instead of deleted between runs (see main() for why).
Peers (bench/peers/, installed by bench/peers/install.sh) are optional: the
script says which it skipped.
"""
import argparse
import datetime
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")


GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None


def run(cmd, cwd, shell=False):
    """Runs a command; returns (wall seconds, peak RSS in KiB or None).

    The peak RSS comes from GNU time (`%M`) around the command: the kernel's
    own figure for a forked child would count the memory this Python process
    had when it forked."""
    peak_file = None
    if GNU_TIME:
        peak_file = tempfile.NamedTemporaryFile(prefix="agentgen-rss-", delete=False).name
        if shell:
            cmd = f"{GNU_TIME} -f %M -o {peak_file} sh -c '{cmd}'"
        else:
            cmd = [GNU_TIME, "-f", "%M", "-o", peak_file] + cmd
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, shell=shell, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"command failed: {cmd}\n{proc.stderr.decode(errors='replace')}")
    peak = None
    if peak_file:
        with open(peak_file) as f:
            text = f.read().split()
        os.unlink(peak_file)
        peak = int(text[-1]) if text else None
    return wall, peak


def peer_commands(corpus, out):
    """The peers that are installed, as (name, command) pairs, and the skipped ones."""
    # The shell expands the list: one argument of 10,000 names would pass the
    # kernel's limit on a single argument.
    files = "agents/*.md"
    found, skipped = [], []
    for name, module, command in [
            ("pystache", "pystache", f"/usr/bin/python3 {PEERS}/pystache_render.py . {out} {files}"),
            ("jinja2", "jinja2", f"/usr/bin/python3 {PEERS}/jinja2_render.py . {out} {files}"),
    ]:
        ok = subprocess.run(["/usr/bin/python3", "-c", f"import {module}, yaml"],
                            capture_output=True).returncode == 0
        (found if ok else skipped).append((name, command))
    if shutil.which("node") and os.path.isdir(os.path.join(PEERS, "node_modules", "mustache")):
        found.append(("mustache.js", f"node {PEERS}/mustache_render.js . {out} {files}"))
    else:
        skipped.append(("mustache.js", None))
    return found, [name for name, _ in skipped]


def make_corpus(path, agents, snippets):
    if not os.path.isdir(path):
        subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), path,
                        "--agents", str(agents), "--snippets", str(snippets),
                        "--refs", "3", "--chains"], check=True)


def measure(label, commands, cwd, rounds, before_each):
    """commands: [(name, shell command)], the first is the floor."""
    times = {name: [] for name, _ in commands}
    rss = {name: 0 for name, _ in commands}
    for _ in range(rounds):
        for name, command in commands:
            before_each()
            # Writing back what the previous command wrote must not land in
            # this one's time.
            os.sync()
            wall, peak = run(command, cwd, shell=True)
            times[name].append(wall)
            rss[name] = max(rss[name], peak or 0)
    floor = commands[0][0]
    rows = []
    for name, _ in commands:
        ratios = [t / f for t, f in zip(times[name], times[floor])]
        rows.append((label, name, statistics.median(times[name]),
                     statistics.median(ratios), rss[name] / 1024 if rss[name] else None))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--agentgen", required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "agentgen-bench"))
    parser.add_argument("--quick", action="store_true", help="1,000 agents only, 3 rounds")
    args = parser.parse_args()
    agentgen = os.path.abspath(args.agentgen)
    rounds = 3 if args.quick else args.rounds
    os.makedirs(args.work, exist_ok=True)
    out = os.path.join(args.work, "out")

    def delete_out():
        shutil.rmtree(out, ignore_errors=True)

    # Two ways to clear the previous run's outputs, because on an ext4
    # without a journal (this project's VMs) creating a file skips every inode
    # deleted in the last minutes, one buffer lookup each, and that cost can
    # outweigh the work being timed.
    # - The targets' rows delete the previous run's outputs before each run:
    #   the floors the targets were set against (cp -r of 10,000 agents in
    #   2.8 s) are only reproduced that way.
    # - The "fresh" rows set the outputs aside instead and delete them at the
    #   end, so nothing timed follows a deletion: cp -r of the corpus is then
    #   several times faster, and the rows show agentgen against that floor
    #   (about 2 GB of set-aside trees for the full bench).
    # The per-agent workload runs first, the workloads that delete thousands
    # of files last; leave a few minutes between two runs.
    trash = os.path.join(args.work, "trash")
    shutil.rmtree(trash, ignore_errors=True)
    set_aside_count = [0]

    def set_aside():
        if os.path.exists(out):
            os.makedirs(trash, exist_ok=True)
            set_aside_count[0] += 1
            os.rename(out, os.path.join(trash, str(set_aside_count[0])))

    rows, skipped = [], []
    sizes = [1000] if args.quick else [1000, 10000]
    corpus = os.path.join(args.work, "corpus-1000")
    make_corpus(corpus, 1000, 100)
    listing = os.path.join(args.work, "agents-100.txt")
    with open(listing, "w") as f:
        f.writelines(f"agents/{name}\n" for name in sorted(os.listdir(os.path.join(corpus, "agents")))[:100])
    per_agent = [
        ("/bin/true (floor)", f"xargs -P2 -I{{}} /bin/true {{}} < {listing}"),
        ("agentgen", f"mkdir -p {out} && xargs -P2 -I{{}} {agentgen} render {{}} -o {out}/{{}} --root . < {listing}"),
    ]
    per_agent_rows = measure("per agent, 100", per_agent, corpus, rounds, delete_out)

    for agents in sizes:
        corpus = os.path.join(args.work, f"corpus-{agents}")
        make_corpus(corpus, agents, max(100, agents // 10))
        commands = [("cp -r (floor)", f"cp -r {corpus} {out}"),
                    ("agentgen", f"{agentgen} render agents/*.md --out-dir {out} --root .")]
        rows += measure(f"fresh {agents:,}", commands, corpus, rounds, set_aside)

    for agents in sizes:
        corpus = os.path.join(args.work, f"corpus-{agents}")
        commands = [("cp -r (floor)", f"cp -r {corpus} {out}"),
                    ("agentgen", f"{agentgen} render agents/*.md --out-dir {out} --root .")]
        peers, skipped = peer_commands(corpus, out)
        if agents <= 1000 or not args.quick:
            commands += [p for p in peers if not (agents > 1000 and p[0] == "pystache")]
        rows += measure(f"batch {agents:,}", commands, corpus, rounds, delete_out)
    rows += per_agent_rows

    corpus = os.path.join(args.work, "corpus-1000")
    # Peak RSS of one agent's render on its own.
    one = sorted(os.listdir(os.path.join(corpus, "agents")))[0]
    delete_out()
    _, one_rss = run([agentgen, "render", f"agents/{one}", "-o", f"{out}/one.md",
                      "--root", "."], corpus)

    print(f"agentgen benchmark, {datetime.date.today()}, {platform.node()}, "
          f"{os.cpu_count()} cores, {platform.platform()}; {rounds} rounds, medians")
    print(f"{'work':<16} {'command':<20} {'wall s':>8} {'x floor':>8} {'peak MiB':>9}")
    for label, name, wall, ratio, peak in rows:
        shown = f"{peak:>9.1f}" if peak is not None else f"{'-':>9}"
        print(f"{label:<16} {name:<20} {wall:>8.3f} {ratio:>8.2f} {shown}")
    if one_rss is not None:
        print(f"one agent alone: peak RSS {one_rss / 1024:.1f} MiB")
    else:
        print("peak RSS not measured: GNU time (/usr/bin/time) is not installed")
    batch = {label: wall for label, name, wall, _, _ in rows if name == "agentgen"}
    if "batch 10,000" in batch:
        print(f"scaling 10,000 / 1,000 agents: {batch['batch 10,000'] / batch['batch 1,000']:.2f}")
    if skipped:
        print("skipped peers (not installed; see bench/peers/install.sh): " + ", ".join(skipped))
    shutil.rmtree(trash, ignore_errors=True)


if __name__ == "__main__":
    main()
