#!/usr/bin/env python3
"""`agentgen sync` end to end on a small AGPM project written here: the tree
it writes, a second sync that writes nothing, the update protocol (hand
edits, files sync did not write, orphans, --force), --check's patch and exit
statuses, both --list forms, the depfile and stamp, and the bytes of every
rendered file against `agentgen render` with the arguments --list prints.

usage: sync_end_to_end_test.py AGENTGEN
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

AGENTGEN = os.path.abspath(sys.argv[1])
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(args, cwd, env=None):
    return subprocess.run([AGENTGEN] + args, cwd=cwd, capture_output=True,
                          text=True, env=env)


def write(path, text, mode=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path, mode)


def read(path):
    with open(path) as f:
        return f.read()


def tree(folder):
    """Every file below `folder`, relative, with its modification time."""
    found = {}
    for base, folders, files in os.walk(folder):
        for name in files:
            path = os.path.join(base, name)
            found[os.path.relpath(path, folder)] = os.stat(path).st_mtime_ns
    return found


MANIFEST = """\
[project]
language = "python"

[agents]
reviewer = { path = "agents/reviewer.md", template_vars = { project = { language = "rust" } } }
planner = "agents/planner.md"
helper = { path = "agents/helper.md", tool = "opencode" }

[commands]
deploy = { path = "commands/deploy.md" }

[scripts]
build = { path = "scripts/build.sh" }

[hooks]
update = { path = "hooks/update.json" }

[mcp-servers]
fs = { path = "mcp/fs.json" }

[skills]
pdf = { path = "skills/pdf" }

[snippets]
style = { path = "snippets/style.md", install = false }
"""


def make_project(root):
    os.makedirs(os.path.join(root, ".git"))
    write(os.path.join(root, "agpm.toml"), MANIFEST)
    write(os.path.join(root, "agents/reviewer.md"),
          "---\nname: reviewer\ndescription: Reviews {{ agpm.project.language }}\n"
          "dependencies:\n  snippets:\n    - path: ../snippets/rules.md\n"
          "agpm:\n  templating: true\n---\nLanguage: {{ agpm.project.language }}\n"
          "{{ agpm.deps.snippets.rules.content }}\n")
    write(os.path.join(root, "agents/planner.md"),
          "---\nname: planner\ndescription: Plans\n---\nPlan things.\n")
    write(os.path.join(root, "agents/helper.md"),
          "---\ndescription: Helps\nmode: subagent\n"
          "dependencies:\n  mcp-servers:\n    - path: ../mcp/search.json\n---\nHelp.\n")
    write(os.path.join(root, "snippets/rules.md"), "Follow the rules.\n")
    write(os.path.join(root, "snippets/style.md"), "Style.\n")
    write(os.path.join(root, "commands/deploy.md"),
          "---\ndescription: Deploy\n---\nDeploy it.\n")
    write(os.path.join(root, "scripts/build.sh"), "#!/bin/sh\necho build\n", 0o755)
    write(os.path.join(root, "hooks/update.json"),
          json.dumps({"events": ["SessionStart"], "type": "command",
                      "command": "make update", "description": "x"}))
    write(os.path.join(root, "mcp/fs.json"),
          json.dumps({"command": "npx", "args": ["fs-server"]}))
    write(os.path.join(root, "mcp/search.json"),
          json.dumps({"command": "search-server"}))
    write(os.path.join(root, "skills/pdf/SKILL.md"),
          "---\nname: pdf\ndescription: PDFs\n---\nRead PDFs.\n")
    write(os.path.join(root, "skills/pdf/tools/extract.py"), "print(1)\n")


EXPECTED_FILES = {
    ".claude/agents/agpm/reviewer.md",
    ".claude/agents/agpm/planner.md",
    ".opencode/agent/agpm/helper.md",
    ".claude/commands/agpm/deploy.md",
    ".claude/scripts/agpm/build.sh",
    ".claude/skills/agpm/pdf/SKILL.md",
    ".claude/skills/agpm/pdf/tools/extract.py",
    ".claude/snippets/agpm/rules.md",
    ".claude/settings.local.json",
    ".mcp.json",
    ".opencode/opencode.json",
    ".agentgen-sync.json",
    ".claude/.agentgen-sync.local.json",
    ".agentgen-sync.lock",
}


def test_first_and_second_sync(root):
    result = run(["sync"], root)
    check(result.returncode == 0, "first sync: " + result.stderr)
    files = tree(root)
    written = {p for p in files if not p.startswith(("agents/", "snippets/",
               "commands/", "scripts/", "hooks/", "mcp/", "skills/", ".git"))
               and p != "agpm.toml"}
    check(written == EXPECTED_FILES,
          "tree: extra %s, missing %s" % (sorted(written - EXPECTED_FILES),
                                          sorted(EXPECTED_FILES - written)))
    check("Language: rust" in read(os.path.join(
        root, ".claude/agents/agpm/reviewer.md")), "template_vars win")
    check(os.stat(os.path.join(root, ".claude/scripts/agpm/build.sh")).st_mode
          & 0o777 == 0o755, "a copy keeps its permission bits")
    mcp = json.loads(read(os.path.join(root, ".mcp.json")))
    check(mcp == {"mcpServers": {"fs": {"args": ["fs-server"],
                                        "command": "npx"}}}, ".mcp.json: %s" % mcp)
    opencode = json.loads(read(os.path.join(root, ".opencode/opencode.json")))
    check(list(opencode.get("mcp", {})) == ["search"], "opencode.json: %s" % opencode)
    settings = json.loads(read(os.path.join(root, ".claude/settings.local.json")))
    check(settings == {"hooks": {"SessionStart": [{"hooks": [
        {"command": "make update", "type": "command"}]}]}},
          "settings.local.json: %s" % settings)

    trace = os.path.join(root, "..", "trace")
    env = dict(os.environ, AGENTGEN_TRACE=trace)
    result = run(["sync"], root, env)
    check(result.returncode == 0, "second sync: " + result.stderr)
    check(tree(root) == files, "a second sync changes no file or time")
    check(not os.path.exists(trace), "a second sync traces no write")
    result = run(["sync", "--check"], root)
    check(result.returncode == 0 and result.stdout == "",
          "--check on a synced tree: %d %s" % (result.returncode, result.stderr))


def test_render_equivalence(root):
    result = run(["sync", "--list"], root)
    check(result.returncode == 0, "--list: " + result.stderr)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    renders = [row for row in rows if row["action"] == "render"]
    check(len(renders) == 5, "render rows: %d" % len(renders))
    for row in renders:
        out = os.path.join(root, "..", "rendered.md")
        rendered = subprocess.run(
            [AGENTGEN, "render", os.path.join(root, row["source"]), "-o", out]
            + row["args"], capture_output=True, text=True)
        check(rendered.returncode == 0, "render %s: %s" % (row["source"],
                                                          rendered.stderr))
        check(rendered.returncode != 0 or read(out) == read(
            os.path.join(root, row["output"])),
              "render of %s gives the bytes sync wrote" % row["output"])
    tsv = run(["sync", "--list=tsv"], root)
    lines = tsv.stdout.splitlines()
    check(len(lines) == len([r for r in rows if r["action"] != "skip"]),
          "--list=tsv has a line per row")
    check(all(len(line.split("\t")) >= 6 for line in lines), "tsv fields")


def test_protocol(root):
    agent = os.path.join(root, ".claude/agents/agpm/planner.md")
    original = read(agent)
    write(agent, original + "edited\n")
    before = tree(root)
    result = run(["sync"], root)
    check(result.returncode == 1 and "by hand" in result.stderr,
          "a hand edit is refused: %d %s" % (result.returncode, result.stderr))
    check(tree(root) == before, "a refused sync changes nothing")
    check_run = run(["sync", "--check"], root)
    check(check_run.returncode == 1 and "hand-edited" in check_run.stderr,
          "--check reports the hand edit: " + check_run.stderr)
    check("--- .claude/agents/agpm/planner.md" in check_run.stdout,
          "--check prints a patch: " + check_run.stdout)
    result = run(["sync", "--force"], root)
    check(result.returncode == 0 and read(agent) == original,
          "--force puts sync's bytes back")

    # A file sync did not write, at an output path.
    os.remove(os.path.join(root, ".claude/commands/agpm/deploy.md"))
    write(os.path.join(root, ".claude/commands/agpm/deploy.md"), "mine\n")
    state = os.path.join(root, ".agentgen-sync.json")
    recorded = json.loads(read(state))
    del recorded["files"][".claude/commands/agpm/deploy.md"]
    write(state, json.dumps(recorded, indent=2, sort_keys=True) + "\n")
    result = run(["sync"], root)
    check(result.returncode == 1 and "not written by sync" in result.stderr,
          "a file sync did not write is refused: " + result.stderr)
    run(["sync", "--force"], root)

    # An entry removed: its output is an orphan and goes, folders too; a
    # file sync never wrote stays.
    mine = os.path.join(root, ".claude/agents/agpm/mine.md")
    write(mine, "my own agent\n")
    manifest = os.path.join(root, "agpm.toml")
    write(manifest, read(manifest).replace(
        'deploy = { path = "commands/deploy.md" }\n', ""))
    check_run = run(["sync", "--check"], root)
    check(check_run.returncode == 1 and "orphan" in check_run.stderr,
          "--check reports an orphan: " + check_run.stderr)
    result = run(["sync", "--force"], root)
    check(result.returncode == 0, "sync after removing an entry")
    check(not os.path.exists(os.path.join(root, ".claude/commands")),
          "the orphan and the folders it leaves empty are removed")
    check(os.path.exists(mine), "a file sync did not write is never deleted")

    # An input error: --check exits 3, sync 1, nothing written.
    write(manifest, read(manifest) + "\n[agents.broken]\nfilname = 'x.md'\n")
    before = tree(root)
    check(run(["sync", "--check"], root).returncode == 3, "--check: exit 3")
    result = run(["sync"], root)
    check(result.returncode == 1 and "agpm.toml:" in result.stderr,
          "a manifest error is located: " + result.stderr)
    check(tree(root) == before, "an input error writes nothing")


def test_build_files(root, work):
    stamp = os.path.join(work, "build", "sync.stamp")
    depfile = os.path.join(work, "build", "sync.d")
    result = run(["sync", "--stamp", stamp, "--depfile", depfile], root)
    check(result.returncode == 0 and os.path.exists(stamp),
          "--stamp is written: " + result.stderr)
    text = read(depfile)
    check(text.startswith(stamp + ":"), "the depfile's target is the stamp")
    for needed in ["agpm.toml", "snippets/rules.md", "skills/pdf/tools/extract.py",
                   "mcp/search.json"]:
        check(os.path.join(root, needed) in text, "depfile names " + needed)
    check(".claude/agents" not in text, "the depfile names no output")
    for usage in (["sync", "--depfile", depfile], ["sync", "--check", "--force"],
                  ["sync", "--list", "--check"], ["sync", "--from", "x"]):
        check(run(usage, root).returncode == 2, "usage error: %s" % usage)


def test_ninja(root, work):
    """The documented build rule: one action whose only output is the stamp,
    with sync's depfile; Ninja re-runs it exactly when an input changes,
    and when a file is added to a folder a pattern walks."""
    ninja = shutil.which("ninja")
    if not ninja:
        print("ninja not found: the build-rule part is skipped")
        return
    build = os.path.join(work, "ninja")
    os.makedirs(build, exist_ok=True)
    manifest = os.path.join(root, "agpm.toml")
    write(manifest, read(manifest) + '\n[commands.all]\npath = "extra/*.md"\n')
    os.makedirs(os.path.join(root, "extra"), exist_ok=True)
    with open(os.path.join(build, "build.ninja"), "w") as f:
        f.write("rule sync\n  command = %s sync %s --stamp $out --depfile $out.d\n"
                "  depfile = $out.d\n  deps = gcc\n"
                "build sync.stamp: sync\n" % (AGENTGEN, manifest))

    def ninja_runs():
        result = subprocess.run([ninja], cwd=build, capture_output=True,
                                text=True)
        check(result.returncode == 0, "ninja: " + result.stdout)
        return "no work to do" not in result.stdout

    check(ninja_runs(), "the first build syncs")
    check(not ninja_runs(), "a second build does nothing")
    write(os.path.join(root, "snippets/rules.md"), "Follow the new rules.\n")
    check(ninja_runs(), "editing a dependency re-runs sync")
    check("Follow the new rules." in read(os.path.join(
        root, ".claude/agents/agpm/reviewer.md")), "the edit reaches the tree")
    check(not ninja_runs(), "then nothing")
    write(os.path.join(root, "extra/new.md"),
          "---\ndescription: New\n---\nNew.\n")
    check(ninja_runs(), "a new file matching a pattern re-runs sync")
    check(os.path.exists(os.path.join(root, ".claude/commands/agpm/new.md")),
          "the new file is synced")
    check(not ninja_runs(), "then nothing again")


def test_mapping(work):
    project = os.path.join(work, "mapped")
    write(os.path.join(project, ".claude-src/agents/x.md"),
          "---\nname: x\ndescription: X\n---\nX.\n")
    write(os.path.join(project, ".claude-src/commands/go.md"),
          "---\ndescription: Go\n---\nGo.\n")
    write(os.path.join(project, ".claude-src/snippets/s.md"), "S.\n")
    os.makedirs(os.path.join(project, ".git"))
    result = run(["sync", "--from", ".claude-src", "--to", ".claude"], project)
    check(result.returncode == 0, "mapping sync: " + result.stderr)
    check(read(os.path.join(project, ".claude/agents/x.md")).endswith("X.\n"),
          "mapping mode writes the agent")
    check(os.path.exists(os.path.join(project, ".claude/commands/go.md")),
          "mapping mode writes the command")
    check(not os.path.exists(os.path.join(project, ".claude/snippets")),
          "snippets are not outputs in mapping mode")
    check(run(["sync", "--from", ".claude-src", "--to", ".claude", "--check"],
              project).returncode == 0, "mapping --check")
    check(run(["sync", "--from", ".", "--to", "sub"], project).returncode == 2,
          "--to inside --from is a usage error")


def main():
    with tempfile.TemporaryDirectory(prefix="agentgen-sync-") as work:
        root = os.path.join(work, "project")
        make_project(root)
        test_first_and_second_sync(root)
        test_render_equivalence(root)
        test_protocol(root)
        shutil.rmtree(root)
        make_project(root)
        test_build_files(root, work)
        test_ninja(root, work)
        test_mapping(work)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
