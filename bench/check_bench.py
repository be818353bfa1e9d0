#!/usr/bin/env python3
"""Times `agentgen check` over a collection of agent files in one process,
against `cat` of the same files (the floor: reading them).

usage: check_bench.py --agentgen PATH [--files N] [--rounds R]

The collection is written to a temporary folder: N agents in the shapes
real collections have (generated descriptions with `Examples:` that only
Claude Code's second YAML reading loads, comma and list tool lists, hooks,
inline MCP servers, a few broken values). Rounds alternate the two commands
and the medians are reported, with the cost per file.
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

SHAPES = [
    # A generated description: not YAML, loaded by Claude Code's retry.
    ("---\nname: {name}\ndescription: Use this agent when the code needs {n} "
     "reviews. Examples:\\n\\n<example>\\nContext: The user changed file "
     "{n}.\\nuser: \"Review it\"\\nassistant: \"I will use the {name} "
     "agent.\"\\n</example>\ntools: Read, Grep, Glob, Bash\nmodel: sonnet\n"
     "color: blue\n---\n\nYou review code. " + "Be precise. " * 40 + "\n"),
    ("---\nname: {name}\ndescription: \"Runs the tests of part {n}.\"\n"
     "tools: [Read, Edit, Bash, TaskCreate, TaskList]\nmodel: opus[1m]\n"
     "permissionMode: auto\neffort: high\nskills: testing, tdd\n---\n\n"
     "Run the tests. " * 30 + "\n"),
    ("---\nname: {name}\ndescription: Guards shell command {n}.\n"
     "hooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks:\n"
     "        - type: command\n          command: ./check.sh\n"
     "mcpServers:\n  - github\n  - db:\n      type: stdio\n"
     "      command: npx\n---\n\nAsk first. " * 1 + "\n"),
    ("---\nname: {name}\ndescription: Old agent {n}.\ntools: Read, MultiEdit, "
     "LS, Reed\nmodel: gpt-4\ncolour: red\n---\n\nDo the edit.\n"),
]


def write_collection(folder, count):
    paths = []
    os.makedirs(os.path.join(folder, "agents"))
    for n in range(count):
        name = f"agent-{n:04d}"
        path = os.path.join("agents", name + ".md")
        with open(os.path.join(folder, path), "w") as f:
            f.write(SHAPES[n % len(SHAPES)].format(name=name, n=n))
        paths.append(path)
    return paths


def timed(cmd, cwd):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agentgen", required=True)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    agentgen = os.path.abspath(args.agentgen)
    with tempfile.TemporaryDirectory() as folder:
        paths = write_collection(folder, args.files)
        commands = {
            "cat": ["cat"] + paths,
            "agentgen check": [agentgen, "check", "--root", "."] + paths,
        }
        times = {label: [] for label in commands}
        for _ in range(args.rounds):
            for label, cmd in commands.items():
                times[label].append(timed(cmd, folder))
        floor = statistics.median(times["cat"])
        print(f"{args.files} files, {args.rounds} rounds, medians:")
        for label, samples in times.items():
            median = statistics.median(samples)
            print(f"  {label:15} {median * 1000:8.2f} ms  "
                  f"{median * 1000 / args.files:6.3f} ms/file  "
                  f"{median / floor:5.1f}x cat")


if __name__ == "__main__":
    main()
