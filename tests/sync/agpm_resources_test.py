#!/usr/bin/env python3
"""`agentgen sync` on the public AGPM example project (aig787/agpm-resources),
when a checkout of it is given: `examples/local/agpm.toml` gives AGPM's tree,
every rendered file equal to `agentgen render` with the arguments `--list`
prints, a second sync writes nothing and changes no time; the all-git
`examples/git/agpm.toml` writes nothing and says why for each entry. Skips
(77) without a checkout. The checkout is copied, never written.

usage: agpm_resources_test.py AGENTGEN CHECKOUT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib

AGENTGEN = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def tree(folder):
    found = {}
    for base, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            found[os.path.relpath(path, folder)] = os.stat(path).st_mtime_ns
    return found


# AGPM 0.4.14's layout for the tables this project uses: the tool's folder,
# the type's cell, whether it flattens.
CELLS = {("claude-code", "agents"): (".claude/agents/agpm", True),
         ("claude-code", "commands"): (".claude/commands/agpm", True),
         ("opencode", "agents"): (".opencode/agent/agpm", True),
         ("opencode", "commands"): (".opencode/command/agpm", True)}


def expected_outputs(manifest):
    outputs = {}
    for section in ("agents", "commands"):
        for key, entry in manifest.get(section, {}).items():
            if isinstance(entry, str):
                entry = {"path": entry}
            folder, flatten = CELLS[(entry.get("tool", "claude-code"), section)]
            name = entry.get("filename", os.path.basename(entry["path"]))
            outputs[key] = folder + "/" + (os.path.basename(name) if flatten
                                           else name)
    return outputs


def main():
    checkout = sys.argv[2] if len(sys.argv) > 2 else ""
    if not checkout or not os.path.isfile(
            os.path.join(checkout, "examples/local/agpm.toml")):
        print("skipped: no agpm-resources checkout given")
        return 77
    with tempfile.TemporaryDirectory(prefix="agentgen-agpm-resources-") as work:
        copy = os.path.join(work, "repo")
        shutil.copytree(checkout, copy, symlinks=True,
                        ignore=shutil.ignore_patterns(".git"))
        os.makedirs(os.path.join(copy, ".git"))
        project = os.path.join(copy, "examples/local")
        with open(os.path.join(project, "agpm.toml"), "rb") as f:
            manifest = tomllib.load(f)

        result = subprocess.run([AGENTGEN, "sync"], cwd=project,
                                capture_output=True, text=True)
        check(result.returncode == 0, "sync: " + result.stderr[-2000:])
        check(" error:" not in result.stderr, "no errors")
        expected = expected_outputs(manifest)
        for key, path in expected.items():
            check(os.path.isfile(os.path.join(project, path)),
                  "%s installs at %s" % (key, path))
        listed = subprocess.run([AGENTGEN, "sync", "--list"], cwd=project,
                                capture_output=True, text=True)
        rows = [json.loads(line) for line in listed.stdout.splitlines()]
        renders = [row for row in rows if row["action"] == "render"]
        check(len([r for r in renders if r["entry"]]) == len(expected),
              "one render row per agent and command entry: %d of %d"
              % (len([r for r in renders if r["entry"]]), len(expected)))
        out = os.path.join(work, "rendered.md")
        differ = 0
        for row in renders:
            rendered = subprocess.run(
                [AGENTGEN, "render", os.path.join(copy, row["source"]), "-o",
                 out] + row["args"], capture_output=True, text=True)
            with open(os.path.join(project, row["output"]), "rb") as f:
                synced = f.read()
            with open(out, "rb") as f:
                same = rendered.returncode == 0 and f.read() == synced
            differ += 0 if same else 1
        check(differ == 0, "%d of %d rendered files differ from render"
              % (differ, len(renders)))
        print("%d outputs, %d rendered, %d rows" %
              (len(tree(project)), len(renders), len(rows)))

        before = tree(project)
        trace = os.path.join(work, "trace")
        result = subprocess.run([AGENTGEN, "sync"], cwd=project,
                                capture_output=True, text=True,
                                env=dict(os.environ, AGENTGEN_TRACE=trace))
        check(result.returncode == 0, "second sync")
        check(tree(project) == before, "a second sync changes nothing")
        check(not os.path.exists(trace), "a second sync writes nothing")
        check(subprocess.run([AGENTGEN, "sync", "--check"], cwd=project,
                             capture_output=True).returncode == 0,
              "--check after sync")

        git_project = os.path.join(copy, "examples/git")
        before = tree(git_project)
        result = subprocess.run([AGENTGEN, "sync"], cwd=git_project,
                                capture_output=True, text=True)
        with open(os.path.join(git_project, "agpm.toml"), "rb") as f:
            git_manifest = tomllib.load(f)
        entries = sum(len(git_manifest.get(s, {})) for s in
                      ("agents", "snippets", "commands", "scripts", "hooks",
                       "mcp-servers", "skills"))
        notes = result.stderr.count(": note: ")
        check(result.returncode == 0, "git sync: " + result.stderr[-1000:])
        check(notes == entries, "one note per git entry: %d of %d"
              % (notes, entries))
        after = tree(git_project)
        added = set(after) - set(before)
        check(added <= {".agentgen-sync.lock"},
              "the git manifest writes nothing: %s" % sorted(added))
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
