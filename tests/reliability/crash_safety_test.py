#!/usr/bin/env python3
"""Kills agentgen with SIGKILL at random points while it writes a large output
and checks that the output is always either the old bytes or the complete new
ones.

usage: crash_safety_test.py AGENTGEN [ROUNDS]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time


def main():
    agentgen = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    rng = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="agentgen-crash-") as work:
        # An 8 MiB snippet embedded twice makes a 16 MiB output: long enough
        # to be killed in the middle of writing it.
        line = "A line of a large snippet, long enough to take some time.\n"
        with open(os.path.join(work, "big.md"), "w") as f:
            f.write(line * (8 * 1024 * 1024 // len(line)))
        agent = os.path.join(work, "a.md")
        def write_agent(tag):
            with open(agent, "w") as f:
                f.write("---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
                        f"    - path: big.md\n---\n{tag}\n"
                        "{{ agpm.deps.snippets.big.content }}\n"
                        "{{ agpm.deps.snippets.big.content }}\n")
        out = os.path.join(work, "out", "a.md")
        command = [agentgen, "render", agent, "-o", out, "--depfile", out + ".d",
                   "--manifest", out + ".json", "--root", work]

        write_agent("version 0")
        subprocess.run(command, check=True)
        start = time.perf_counter()
        subprocess.run(command, check=True)
        full_run = time.perf_counter() - start
        versions = {}
        with open(out, "rb") as f:
            versions[0] = f.read()

        killed = completed = 0
        for round_ in range(1, rounds + 1):
            write_agent(f"version {round_}")
            proc = subprocess.Popen(command)
            time.sleep(rng.uniform(0, full_run * 1.2))
            proc.send_signal(signal.SIGKILL)
            status = proc.wait()
            with open(out, "rb") as f:
                got = f.read()
            if status == -signal.SIGKILL:
                killed += 1
            else:
                completed += 1
            # Line 8 of the output names the version of the agent it came from.
            if got.split(b"\n", 8)[7:8] == [f"version {round_}".encode()]:
                versions[round_] = got
                if len(got) != len(versions[0]) + len(str(round_)) - 1:
                    sys.exit(f"round {round_}: new output is incomplete ({len(got)} bytes)")
            else:
                previous = max(v for v in versions if v < round_)
                if got != versions[previous]:
                    sys.exit(f"round {round_}: output is neither the old nor the new bytes")
            leftovers = [n for n in os.listdir(os.path.dirname(out)) if "agentgen-tmp" in n]
            for name in leftovers:  # a killed run may leave its temporary file
                os.unlink(os.path.join(os.path.dirname(out), name))
        print(f"{rounds} rounds: {killed} killed mid-run, {completed} completed; "
              "every output was whole (old or new)")
        if killed == 0:
            sys.exit("no run was killed before it finished: the test proved nothing")


if __name__ == "__main__":
    main()
