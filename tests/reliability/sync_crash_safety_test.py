#!/usr/bin/env python3
"""Kills `agentgen sync` with SIGKILL at random points while it rewrites a
project's tree, and checks that every output is then either its old bytes or
its complete new ones, and that the next sync finishes the job (`sync
--check` passes after it).

usage: sync_crash_safety_test.py AGENTGEN [ROUNDS]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

AGENTS = 12


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    agentgen = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="agentgen-sync-crash-") as root:
        os.makedirs(os.path.join(root, ".git"))
        line = "A line of a large snippet, long enough to take some time.\n"
        write(os.path.join(root, "snippets/big.md"),
              line * (2 * 1024 * 1024 // len(line)))
        manifest = "[agents]\n" + "".join(
            'a%02d = "agents/a%02d.md"\n' % (i, i) for i in range(AGENTS))
        write(os.path.join(root, "agpm.toml"), manifest)

        def write_agents(version):
            for i in range(AGENTS):
                write(os.path.join(root, "agents/a%02d.md" % i),
                      "---\nname: a%02d\ndescription: Agent\nagpm:\n"
                      "  templating: true\ndependencies:\n  snippets:\n"
                      "    - path: ../snippets/big.md\n      install: false\n"
                      "---\nversion %d\n{{ agpm.deps.snippets.big.content }}\n"
                      % (i, version))

        def outputs():
            found = {}
            for i in range(AGENTS):
                path = os.path.join(root, ".claude/agents/agpm/a%02d.md" % i)
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        found[i] = f.read()
            return found

        def version_of(text):
            marker = text.find(b"\nversion ")
            return int(text[marker + 9:text.index(b"\n", marker + 1)])

        write_agents(0)
        subprocess.run([agentgen, "sync"], cwd=root, check=True)
        start = time.perf_counter()
        write_agents(1)
        subprocess.run([agentgen, "sync"], cwd=root, check=True)
        full_run = time.perf_counter() - start
        expected_size = {i: len(t) for i, t in outputs().items()}

        killed = 0
        failures = 0
        for round_ in range(2, rounds + 2):
            before = {i: version_of(t) for i, t in outputs().items()}
            write_agents(round_)
            proc = subprocess.Popen([agentgen, "sync"], cwd=root,
                                    stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, full_run * 1.2))
            proc.send_signal(signal.SIGKILL)
            if proc.wait() == -signal.SIGKILL:
                killed += 1
            for i, text in outputs().items():
                version = version_of(text)
                whole = len(text) == expected_size[i] + (
                    len(str(version)) - 1)
                if version not in (before.get(i), round_) or not whole:
                    print("round %d: a%02d is neither old nor new (version %d,"
                          " %d bytes)" % (round_, i, version, len(text)))
                    failures += 1
            leftovers = [n for n in os.listdir(
                os.path.join(root, ".claude/agents/agpm"))
                if not n.endswith(".md")]
            if leftovers:
                print("round %d: temporary files left: %s" % (round_, leftovers))
                failures += 1
            finish = subprocess.run([agentgen, "sync"], cwd=root,
                                    capture_output=True, text=True)
            if finish.returncode != 0:
                print("round %d: the next sync failed: %s" % (round_,
                                                             finish.stderr))
                failures += 1
            checked = subprocess.run([agentgen, "sync", "--check"], cwd=root,
                                     capture_output=True)
            if checked.returncode != 0:
                print("round %d: --check after the next sync fails" % round_)
                failures += 1
        print("%d rounds, %d killed mid-run, %d failures" %
              (rounds, killed, failures))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
