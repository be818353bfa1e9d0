#!/usr/bin/env python3
"""Meson integration test of the project forms: a committed tree kept by sync.

Copies samples/meson-project/<form> (manifest: an AGPM manifest; folder:
.claude-src/ into .claude/) into a fresh git repository, builds it with Meson and
commits the tree the first build wrote. Then it runs the incremental protocol,
counting the files sync wrote with AGENTGEN_TRACE (one line per file, naming its
source): every step names the sources whose outputs its first build must write
and is followed by a second build that must do nothing. It also proves what a
committed tree needs: `ninja clean` deletes no committed file, a hand edit fails
the build with sync's message and is left alone, orphans are removed, a new
file is picked up with no reconfigure, and `meson test` fails on a stale tree
even when the build was not run.

Exit status: 0 pass, 1 fail, 77 skip (meson is not installed).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

SKIP = 77


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(cmd, env, cwd=None, expect_ok=True):
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if expect_ok and result.returncode != 0:
        raise Failure("command failed (exit %d): %s\n--- stdout\n%s--- stderr\n%s"
                      % (result.returncode, " ".join(map(str, cmd)),
                         result.stdout, result.stderr))
    return result


def edit(path, old, new):
    text = path.read_text()
    check(old in text, "%s does not contain %r" % (path, old))
    path.write_text(text.replace(old, new, 1))


class Project:
    """The copied sample, a git repository, with its Meson build folder inside."""

    def __init__(self, root, env, trace):
        self.root = root
        self.build_dir = root / "build"
        self.env = env
        self.trace = trace

    def git(self, *args):
        return run(["git", "-C", self.root] + list(args), self.env).stdout

    def setup(self):
        self.git("init", "-q")
        # The build folder is git-ignored, as is sync's lock file.
        (self.root / ".gitignore").write_text("/build/\n.agentgen-sync.lock\n")
        run(["meson", "setup", self.build_dir, self.root], self.env)

    def commit(self, message):
        self.git("add", "-A")
        self.git("-c", "user.name=t", "-c", "user.email=t@example.com",
                 "commit", "-q", "--allow-empty", "-m", message)

    def changed(self):
        """git status of the work tree: what differs from the last commit."""
        return self.git("status", "--porcelain").splitlines()

    def build(self, expect_ok=True, target=None):
        """One ninja run; returns (sources whose outputs sync wrote, result)."""
        if self.trace.exists():
            self.trace.unlink()
        env = dict(self.env, AGENTGEN_TRACE=str(self.trace))
        cmd = ["ninja", "-C", self.build_dir] + ([target] if target else [])
        result = run(cmd, env, expect_ok=expect_ok)
        lines = self.trace.read_text().splitlines() if self.trace.exists() else []
        return sorted(os.path.relpath(line, self.root) for line in lines), result

    def meson_test(self):
        return run(["meson", "test", "-C", self.build_dir, "--suite", "agents"],
                   self.env, expect_ok=False)


class Protocol:
    def __init__(self, project):
        self.p = project
        self.steps = 0

    def step(self, name, expected, runs=True):
        """Builds twice: the first writes exactly `expected`, the second nothing.

        runs: whether the first build must run the sync at all.
        """
        started = time.monotonic()
        written, result = self.p.build()
        ran = "Generating agentgen-sync" in result.stdout
        check(ran == runs, "%s: the sync %s\n%s"
              % (name, "did not run" if runs else "ran", result.stdout))
        check(written == sorted(expected),
              "%s: sync wrote %s, expected %s\n%s" % (name, written, sorted(expected),
                                                       result.stdout))
        check("Regenerating" not in result.stdout and "meson.build" not in result.stdout,
              "%s: the build reconfigured\n%s" % (name, result.stdout))
        again, result = self.p.build()
        check(again == [] and "no work to do" in result.stdout,
              "%s: the second build did %s\n%s" % (name, again, result.stdout))
        self.steps += 1
        print("ok %2d %-58s %5.1fs  wrote %s"
              % (self.steps, name, time.monotonic() - started, ", ".join(written) or "-"))

    def no_work(self, name):
        """ninja -n -d explain finds nothing to do, bar Meson's always-dirty phonies."""
        result = run(["ninja", "-C", self.p.build_dir, "-n", "-d", "explain"], self.p.env)
        said = [line for line in result.stdout.splitlines()
                if not line.startswith("ninja: Entering directory")]
        check(said == ["ninja: no work to do."],
              "%s: ninja -n would do work:\n%s" % (name, result.stdout))
        reasons = [line for line in result.stderr.splitlines()
                   if line.startswith("ninja explain:")
                   and not re.search(r"meson-(test|benchmark)-prereq", line)]
        check(reasons == [], "%s: ninja explains work:\n%s" % (name, "\n".join(reasons)))
        print("ok    %-58s ninja -n -d explain: no work to do" % name)


class Form:
    """Where a form keeps its sources and outputs."""

    def __init__(self, name):
        self.name = name
        if name == "manifest":
            self.src = Path(".")          # agents/, commands/, snippets/
            self.agents_out = Path(".claude/agents/agpm")
            self.project_file = Path("agpm.toml")
            self.state = Path(".agentgen-sync.json")
            self.dest = Path(".")
        else:
            self.src = Path(".claude-src")
            self.agents_out = Path(".claude/agents")
            self.project_file = Path("project.toml")
            self.state = Path(".claude/.agentgen-sync.json")
            self.dest = Path(".claude")

    def in_dest(self, output):
        """An output's path as sync's messages spell it: relative to --to."""
        return str(output.relative_to(self.dest)) if self.dest != Path(".") else str(output)

    def s(self, relative):
        """A source path, relative to the project root."""
        return str(self.src / relative)

    def written_by_snippet(self, snippet):
        """Outputs of a snippet itself: manifest mode installs snippets too."""
        return [self.s("snippets/" + snippet)] if self.name == "manifest" else []


def run_protocol(project, form, reinstall):
    p = Protocol(project)
    r = project.root
    f = form
    everything = [f.s("agents/planner.md"), f.s("agents/reviewer.md"),
                  f.s("commands/release.md")]
    if f.name == "manifest":
        everything += [f.s("snippets/" + s) for s in ("safety.md", "style.md", "tone.md")]
        # .mcp.json is written too, but a merged file has no trace line.

    p.step("fresh build writes the whole tree", everything)
    project.commit("the synced tree")
    check(project.changed() == [], "the committed tree: %s" % project.changed())
    for output in (f.agents_out / "reviewer.md", f.state):
        check((r / output).is_file(), "the build wrote no %s" % output)
    if f.name == "folder":
        check((r / ".claude" / "settings.json").read_text().startswith("{"),
              "settings.json, not sync's, was changed")
    p.step("no-op build", [], runs=False)
    p.no_work("no-op build")

    # The sync's depfile: the project file, every source read and the folders
    # walked; never an output.
    deps = run(["ninja", "-C", project.build_dir, "-t", "deps", "sync.stamp"],
               project.env).stdout
    for needed in (f.project_file, f.src / "snippets" / "tone.md", f.src / "agents"):
        check(("    %s\n" % (r / needed)) in deps, "sync.d lacks %s:\n%s" % (needed, deps))
    check(".claude/" not in deps.replace(".claude-src/", ""),
          "sync.d names an output:\n" + deps)
    print("ok    ninja -t deps sync.stamp: project file, sources, walked folders")

    os.utime(r / f.s("snippets/safety.md"))
    p.step("touch a snippet (bytes unchanged): sync runs, writes nothing", [])

    edit(r / f.s("snippets/tone.md"), "short sentences", "short, plain sentences")
    p.step("edit a transitive snippet (tone.md, via style.md)",
           [f.s("agents/reviewer.md")] + f.written_by_snippet("style.md")
           + f.written_by_snippet("tone.md"))

    edit(r / f.s("snippets/safety.md"), "Ask before", "Always ask before")
    p.step("edit a shared snippet (safety.md)",
           [f.s("agents/planner.md"), f.s("agents/reviewer.md"), f.s("commands/release.md")]
           + f.written_by_snippet("safety.md"))

    edit(r / f.s("agents/planner.md"), "small, reviewable steps", "small steps")
    p.step("edit an agent", [f.s("agents/planner.md")])

    edit(r / f.project_file, 'name = "lighthouse"', 'name = "beacon"')
    p.step("edit the project name in %s" % f.project_file,
           [f.s("agents/planner.md"), f.s("agents/reviewer.md"), f.s("commands/release.md")]
           + f.written_by_snippet("style.md"))

    # A new agent in a walked folder: the folder's time moved, sync runs again.
    shutil.copy(r / f.s("agents/planner.md"), r / f.s("agents/writer.md"))
    edit(r / f.s("agents/writer.md"), "name: planner", "name: writer")
    p.step("add an agent (no reconfigure)", [f.s("agents/writer.md")])
    check((r / f.agents_out / "writer.md").is_file(), "writer.md was not written")

    (r / f.s("agents/writer.md")).rename(r / f.s("agents/author.md"))
    p.step("rename it: the new name written, the old one removed",
           [f.s("agents/author.md")])
    check(not (r / f.agents_out / "writer.md").exists(), "the orphan writer.md is still there")

    (r / f.s("agents/author.md")).unlink()
    p.step("delete it: its output removed", [])
    check(not (r / f.agents_out / "author.md").exists(), "the orphan author.md is still there")
    project.commit("the edits")

    # A stale commit: a source edited, the build not run. meson test builds only
    # what the check needs, never the sync, so it fails and changes nothing.
    edit(r / f.s("agents/reviewer.md"), "Read the whole", "Read all of the")
    result = project.meson_test()
    log = (project.build_dir / "meson-logs" / "testlog.txt").read_text()
    check(result.returncode != 0, "meson test passed on a stale tree:\n" + result.stdout)
    check(re.search(r"agentgen: stale: %s" % re.escape(f.in_dest(f.agents_out / "reviewer.md")),
                    log), "the check did not report the stale reviewer.md:\n" + log)
    check(project.changed() == [" M " + f.s("agents/reviewer.md")],
          "meson test changed the tree: %s" % project.changed())
    # The same in a fresh build folder, as CI has it: setup, then meson test.
    ci_build = project.root.parent / "ci-build"
    run(["meson", "setup", ci_build, project.root], project.env)
    result = run(["meson", "test", "-C", ci_build, "--suite", "agents"], project.env,
                 expect_ok=False)
    check(result.returncode != 0 and project.changed() == [" M " + f.s("agents/reviewer.md")],
          "meson test in a fresh build folder passed, or changed the tree:\n"
          + result.stdout)
    shutil.rmtree(ci_build)
    print("ok    meson test fails on a stale tree, the build not run "
          "(also in a fresh build folder)")
    p.step("build the edit", [f.s("agents/reviewer.md")])
    result = project.meson_test()
    check(result.returncode == 0, "meson test fails after the build:\n" + result.stdout)
    print("ok    meson test passes once built")
    project.commit("reviewer")

    # A hand edit of a synced file: the check fails, and so does a build that
    # would overwrite it, with sync's message; the file keeps the hand edit.
    planner_out = r / f.agents_out / "planner.md"
    planner_out.write_text(planner_out.read_text() + "A hand edit.\n")
    check(project.meson_test().returncode != 0, "meson test passed on a hand edit")
    edit(r / f.s("agents/planner.md"), "small steps", "small, separate steps")
    written, result = project.build(expect_ok=False)
    check(result.returncode != 0, "the build overwrote a hand edit")
    message = result.stdout + result.stderr
    check(re.search(r"edited by hand", message) and f.in_dest(f.agents_out / "planner.md") in message,
          "no sync message about the hand edit:\n" + message)
    check(planner_out.read_text().endswith("A hand edit.\n") and written == [],
          "the failed build changed the tree")
    print("ok    a hand edit fails the build with sync's message and is kept")
    project.git("checkout", "--", str(f.agents_out / "planner.md"))
    p.step("hand edit reverted: the build writes the agent", [f.s("agents/planner.md")])
    project.commit("planner")

    # ninja clean deletes the stamp, never the tree; the next sync writes nothing.
    run(["ninja", "-C", project.build_dir, "clean"], project.env)
    check(project.changed() == [], "ninja clean changed the tree: %s" % project.changed())
    print("ok    ninja clean leaves every committed file")
    p.step("build after ninja clean", [])

    # An entry dropped: its outputs are orphans, removed (the manifest form's
    # command also took the docs server out of .mcp.json, which sync created).
    if f.name == "manifest":
        edit(r / "agpm.toml", '[commands]\nrelease = "commands/release.md"\n', "")
        p.step("drop the command from the manifest", [])
        check(not (r / ".mcp.json").exists(), ".mcp.json, now empty, was kept")
    else:
        (r / f.s("commands/release.md")).unlink()
        p.step("delete the command", [])
    check(not (r / ".claude" / "commands").exists(), "the command's folder is still there")
    print("ok    orphans removed: %s" % ", ".join(sorted(
        line[3:] for line in project.changed() if line.startswith(" D "))))

    what = reinstall()
    p.step("new agentgen (%s): sync runs, writes nothing" % what, [])
    p.no_work("after the protocol")
    return p.steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--form", choices=["manifest", "folder"], required=True)
    parser.add_argument("--source-dir", type=Path, required=True,
                        help="agentgen's source tree")
    parser.add_argument("--work-dir", type=Path, required=True,
                        help="scratch folder, emptied first")
    parser.add_argument("--agentgen", type=Path, required=True,
                        help="the agentgen to install on PATH")
    args = parser.parse_args()

    if shutil.which("meson") is None or shutil.which("ninja") is None:
        print("SKIP: meson or ninja is not installed (scripts/install-deps.sh installs them)")
        return SKIP
    started = time.monotonic()
    work = args.work_dir.absolute()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    root = work / "project"
    shutil.copytree(args.source_dir.resolve() / "samples" / "meson-project" / args.form, root)

    # The agentgen under test, installed into a bin folder on PATH (no other).
    bin_dir = work / "bin"
    bin_dir.mkdir()
    installed = bin_dir / "agentgen"
    shutil.copy2(args.agentgen, installed)
    path = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if d and not (Path(d) / "agentgen").exists()]
    env = dict(os.environ, PATH=os.pathsep.join([str(bin_dir)] + path))
    env.pop("AGENTGEN_TRACE", None)

    def reinstall():
        shutil.copyfile(args.agentgen, installed)
        return "reinstalled"

    project = Project(root, env, work / "trace.txt")
    project.setup()
    steps = run_protocol(project, Form(args.form), reinstall)
    print("PASS %s form: %d steps in %.0fs" % (args.form, steps, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAIL: %s" % failure)
        sys.exit(1)
