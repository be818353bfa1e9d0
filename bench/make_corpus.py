#!/usr/bin/env python3
"""Writes a seeded synthetic agent repository for benchmarks.

usage: make_corpus.py OUT_DIR [--agents N] [--snippets M] [--refs K]
                              [--chains] [--seed S]

Sizes follow real agent repositories: agents of 1 to 3 KB, snippets of 2 to
8 KB. Every agent is an AGPM template that embeds K snippets; with --chains a
third of the snippets are templates themselves that embed another snippet, so
resolution is transitive. The same arguments always give the same bytes.
"""
import argparse
import os
import random

WORDS = ("agent build cache depfile render snippet template review test "
         "latency throughput schema manifest project context error located "
         "incremental target ninja make meson cmake output input graph").split()


def prose(rng, size):
    """Markdown paragraphs and bullet lists of about `size` bytes."""
    out, length = [], 0
    while length < size:
        if rng.random() < 0.3:
            line = "- " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))
        else:
            line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + "."
        out.append(line)
        length += len(line) + 1
        if rng.random() < 0.15:
            out.append("")
    return "\n".join(out) + "\n"


def snippet_text(rng, index, chained):
    body = f"## Snippet {index}\n\n" + prose(rng, rng.randint(2000, 8000))
    if chained is None:
        return f"---\nagpm:\n  version: \"1.0.0\"\n---\n{body}"
    return ("---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
            f"    - path: snippet-{chained:05d}.md\n      install: false\n---\n"
            f"{body}\n{{{{ agpm.deps.snippets.snippet_{chained:05d}.content }}}}\n")


def agent_text(rng, index, refs):
    deps = "".join(f"    - path: ../snippets/snippet-{r:05d}.md\n      install: false\n"
                   for r in refs)
    uses = "\n\n".join(f"{{{{ agpm.deps.snippets.snippet_{r:05d}.content }}}}" for r in refs)
    return (f"---\nname: agent-{index:05d}\ndescription: Synthetic agent {index} for "
            f"benchmarks\nagpm:\n  templating: true\ndependencies:\n  snippets:\n{deps}---\n"
            f"# Agent {index}\n\n{prose(rng, rng.randint(700, 2500))}\n{uses}\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--snippets", type=int, default=100)
    parser.add_argument("--refs", type=int, default=3)
    parser.add_argument("--chains", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "agents"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "snippets"), exist_ok=True)
    for i in range(args.snippets):
        # A chain only points at a higher-numbered snippet, so there are no cycles.
        chained = None
        if args.chains and i + 1 < args.snippets and rng.random() < 1 / 3:
            chained = rng.randint(i + 1, args.snippets - 1)
        with open(os.path.join(args.out, "snippets", f"snippet-{i:05d}.md"), "w") as f:
            f.write(snippet_text(rng, i, chained))
    for i in range(args.agents):
        refs = rng.sample(range(args.snippets), min(args.refs, args.snippets))
        with open(os.path.join(args.out, "agents", f"agent-{i:05d}.md"), "w") as f:
            f.write(agent_text(rng, i, refs))


if __name__ == "__main__":
    main()
