#!/usr/bin/env python3
"""The project forms' incremental protocol and committed-tree rules, on one
CMake generator.

Copies samples/cmake-project (an AGPM manifest built by add_agent_project(),
and ops/.claude-src built by add_agent_tree(), both trees committed) and
builds it against the installed package. Each step changes an input and
checks, with AGENTGEN_TRACE, that the sync writes exactly the files that
changed; every step's build is followed by a second one that must run no sync
at all (the stamps keep their time; on Ninja `ninja -n -d explain` has no
work). Then the committed-tree rules: `clean` keeps the tree, a hand edit
fails the build with sync's message and the CTest check without a build, an
entry removed from the manifest takes its file with it, CHECK fails the build
on a schema error. The sample's project says cmake_minimum_required(VERSION
3.16) here, so the no-op builds also prove the module sets CMP0116 itself.

usage: project_forms.py --generator G --cmake C --ctest T --prefix P
                        --sample DIR --work DIR
"""

import argparse
import collections
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check, edit

NOTHING = set()


def tree_files(folder):
    """{relative path: bytes} of every file below folder but the build tree
    and sync's lock files (git-ignored, created by the first sync)."""
    folder = pathlib.Path(folder)
    files = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if (relative.parts[0] == "build" or path.name == ".agentgen-sync.lock"
                or not path.is_file()):
            continue
        files[str(relative)] = path.read_bytes()
    return files


class Protocol:
    def __init__(self, args):
        self.args = args
        self.ninja = args.generator.startswith("Ninja")
        work = support.empty_dir(args.work)
        self.src = support.fresh_copy(args.sample, work / "sample")
        self.build_dir = self.src / "build"  # the usual in-source build folder
        self.builder = support.Build(args.cmake, self.build_dir, work / "trace")
        self.stamps = [self.build_dir / "agentgen/sync/project-claude.stamp",
                       self.build_dir / "ops/agentgen/sync/tree-ops.stamp"]
        self.claude = self.src / ".claude"

    def stamp_times(self):
        return [stamp.stat().st_mtime_ns if stamp.exists() else None
                for stamp in self.stamps]

    def configure(self):
        edit(self.src / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)",
             "cmake_minimum_required(VERSION 3.16)")
        support.run([self.args.cmake, "-S", self.src, "-B", self.build_dir,
                     "-G", self.args.generator,
                     "-DCMAKE_PREFIX_PATH=" + str(self.args.prefix)])

    def step(self, name, expected, synced=True):
        """Builds twice after a change: the first build must write exactly the
        outputs of `expected` (source stems, each once) and, when `synced`, run
        a sync; the second must run none and write nothing."""
        before = self.stamp_times()
        _, output, written = self.builder.build()
        check(written == collections.Counter(expected),
              "%s: wrote %s, expected %s\n%s" % (name, dict(written), sorted(expected),
                                                 output))
        check(not re.search(r"Re-running CMake|Configuring done", output),
              "%s: the build configured again\n%s" % (name, output))
        if synced:
            check(self.stamp_times() != before, "%s: no sync ran\n%s" % (name, output))
        after = self.stamp_times()
        _, output, written = self.builder.build()
        check(not written, "%s: the second build wrote %s\n%s" % (name, dict(written),
                                                                   output))
        check(self.stamp_times() == after,
              "%s: the second build ran a sync\n%s" % (name, output))
        if self.ninja:
            _, explain = support.run([self.args.cmake, "--build", self.build_dir,
                                      "--", "-n", "-d", "explain"])
            lines = [line for line in explain.splitlines()
                     if not line.startswith("ninja: Entering directory")]
            check(lines == ["ninja: no work to do."],
                  "%s: ninja -n -d explain still sees work:\n%s" % (name, explain))
        print("ok   %s" % name)

    def ctest(self, expect_success):
        status, output = support.run(
            [self.args.ctest, "--test-dir", self.build_dir, "--output-on-failure"],
            expect_success=False)
        check((status == 0) == expect_success,
              "ctest %s:\n%s" % ("failed" if expect_success else "passed", output))
        return output

    def run(self):
        src = self.src
        self.configure()
        committed = tree_files(src)
        self.step("first build of the committed tree writes nothing", NOTHING)
        check(tree_files(src) == committed, "the first build changed the committed tree")
        _, listing = support.run([self.args.ctest, "--test-dir", self.build_dir, "-N"])
        check("agentgen.sync.claude" in listing and "agentgen.sync.ops" in listing,
              "the CTest checks are missing:\n" + listing)
        self.ctest(expect_success=True)
        self.step("no-op build", NOTHING, synced=False)

        edit(src / "snippets/safety.md", "without asking", "without asking first")
        self.step("edit the shared snippet safety.md", {"reviewer", "planner", "review"})
        edit(src / "snippets/tone.md", "always explain", "always explain why")
        self.step("edit the transitive snippet tone.md", {"reviewer", "writer"})
        edit(src / "agents/writer.md", "release notes and", "release notes, changelogs and")
        self.step("edit the agent writer.md", {"writer"})
        edit(src / "agpm.toml", 'team = "platform"', 'team = "tooling"')
        # The manifest is ops' project file too (ROOT's agpm.toml).
        self.step("edit the manifest's [project]",
                  {"reviewer", "planner", "writer", "oncall", "page"})

        (src / "commands/deploy.md").write_text(
            "---\ndescription: Deploy the current branch\n---\nDeploy it.\n")
        self.step("add a file the commands pattern matches", {"deploy"})
        deployed = self.claude / "commands/agpm/deploy.md"
        check(deployed.is_file(), "deploy.md was not synced")
        (src / "commands/deploy.md").rename(src / "commands/ship.md")
        self.step("rename it", {"ship"})
        check(not deployed.exists(), "the renamed command's old output is still there")
        (src / "commands/ship.md").unlink()
        self.step("delete it", NOTHING)
        check(not (self.claude / "commands/agpm/ship.md").exists(),
              "the deleted command's output is still there")

        edit(src / "agpm.toml", 'writer = "agents/writer.md"\n', "")
        self.step("remove the writer entry from agpm.toml", NOTHING)
        check(not (self.claude / "agents/agpm/writer.md").exists(),
              "the orphan writer.md was not removed")

        ops = src / "ops/.claude-src"
        edit(ops / "snippets/runbook.md", "Stabilise first", "Stabilise the service first")
        self.step("tree: edit the snippet runbook.md", {"oncall", "page"})
        edit(ops / "agents/oncall.md", "You assist", "You help")
        self.step("tree: edit the agent oncall.md", {"oncall"})
        (ops / "agents/triage.md").write_text(
            "---\nname: triage\ndescription: Sorts incoming reports\n---\nSort them.\n")
        self.step("tree: add an agent", {"triage"})
        (ops / "agents/triage.md").rename(ops / "agents/sort.md")
        self.step("tree: rename it", {"sort"})
        check(not (src / "ops/.claude/agents/triage.md").exists(),
              "the renamed agent's old output is still there")
        (ops / "agents/sort.md").unlink()
        self.step("tree: delete it", NOTHING)
        check(not (src / "ops/.claude/agents/sort.md").exists(),
              "the deleted agent's output is still there")

        self.clean()
        self.hand_edit()
        self.check_step()
        support.run([self.args.ctest, "--test-dir", self.build_dir, "--output-on-failure"])
        print("ok   ctest passes at the end")

    def clean(self):
        before = tree_files(self.src)
        support.run([self.args.cmake, "--build", self.build_dir, "--target", "clean"])
        check(tree_files(self.src) == before, "clean changed the synced trees")
        check(not any(stamp.exists() for stamp in self.stamps),
              "clean left a stamp")
        print("ok   clean deletes the stamps and keeps every synced file")
        self.step("build after clean writes nothing", NOTHING)

    def hand_edit(self):
        planner = self.claude / "agents/agpm/planner.md"
        good = planner.read_bytes()
        planner.write_bytes(good + b"A line added by hand.\n")
        output = self.ctest(expect_success=False)
        check("hand-edited: .claude/agents/agpm/planner.md" in output,
              "the CTest check does not name the hand edit:\n" + output)
        print("ok   ctest fails on a hand-edited output, without a build")

        edit(self.src / "agents/planner.md", "small steps", "small, reviewable steps")
        status, output, written = self.builder.build(expect_success=False)
        check(status != 0, "a build over a hand edit succeeded")
        check(re.search(r"planner\.md: error: edited by hand since sync wrote it", output),
              "the build does not show sync's message:\n" + output)
        check(not written, "the failed sync wrote %s" % dict(written))
        check(planner.read_bytes() == good + b"A line added by hand.\n",
              "the failed sync changed the hand-edited file")
        print("ok   a hand edit fails the build with sync's message, and stays")

        planner.write_bytes(good)
        self.step("restore the hand-edited file", {"planner"})
        self.ctest(expect_success=True)

    def check_step(self):
        reviewer = self.src / "agents/reviewer.md"
        good = reviewer.read_text()
        edit(reviewer, "name: reviewer\n", "name: reviewer\npermissionMode: yolo\n")
        for attempt in ("", " again"):
            status, output, _ = self.builder.build(expect_success=False)
            check(status != 0, "CHECK did not fail the build%s" % attempt)
            check(re.search(r"agents/reviewer\.md:\d+:\d+: error: 'permissionMode' must be",
                            output),
                  "the build does not show check's located error%s:\n%s" % (attempt, output))
        print("ok   CHECK fails the build on a schema error, and again on the next build")
        reviewer.write_text(good)
        self.step("fix the schema error", {"reviewer"})


def main():
    parser = argparse.ArgumentParser()
    for option in ("generator", "cmake", "ctest", "prefix", "sample", "work"):
        parser.add_argument("--" + option, required=True)
    protocol = Protocol(parser.parse_args())
    try:
        protocol.run()
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
