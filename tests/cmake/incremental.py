#!/usr/bin/env python3
"""The incremental protocol for add_agent(), on one CMake generator.

Copies samples/cmake, builds it against the installed package and, step after
step, changes an input and checks with AGENTGEN_TRACE that the build renders
exactly the agents that use it; every step's build is followed by a second
one that must render nothing (and, on Ninja, leave `ninja -n -d explain` with
no work). The sample's project says cmake_minimum_required(VERSION 3.16)
here, so these builds also prove add_agent() sets CMP0116 itself.

usage: incremental.py --generator G --cmake C --ctest T --prefix P
                      --sample DIR --work DIR
"""

import argparse
import collections
import json
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check, edit, touch

ALL = {"reviewer", "planner", "writer", "tester"}


class Protocol:
    def __init__(self, args):
        self.args = args
        self.ninja = args.generator.startswith("Ninja")
        work = support.empty_dir(args.work)
        self.src = support.fresh_copy(args.sample, work / "sample")
        # A private copy of the installed package (which must be relocatable):
        # the last step touches the generator, and another protocol may be
        # running against the shared prefix at the same time.
        self.prefix = support.fresh_copy(args.prefix, work / "prefix")
        self.build_dir = work / "build"
        self.builder = support.Build(args.cmake, self.build_dir, work / "trace")
        self.team = self.build_dir / "team/team.md"
        self.steps_run = []

    def configure(self):
        # A caller whose policies predate CMP0116 (3.20): add_agent() must set
        # it NEW itself, or Ninja renders every agent on every build.
        cmakelists = self.src / "CMakeLists.txt"
        edit(cmakelists, "cmake_minimum_required(VERSION 3.20)",
             "cmake_minimum_required(VERSION 3.16)")
        support.run([self.args.cmake, "-S", self.src, "-B", self.build_dir,
                     "-G", self.args.generator,
                     "-DCMAKE_PREFIX_PATH=" + str(self.prefix)])

    def team_mtime(self):
        return self.team.stat().st_mtime_ns if self.team.exists() else None

    def step(self, name, expected, team_runs=None):
        """Builds twice after a change: the first build must render exactly
        `expected` (each agent once), the second nothing. team_runs: whether
        the downstream step must (True) or must not (False) run; None: either."""
        before = self.team_mtime()
        _, output, rendered = self.builder.build()
        check(rendered == collections.Counter(expected),
              "%s: rendered %s, expected %s\n%s" % (
                  name, dict(rendered), sorted(expected), output))
        after = self.team_mtime()
        if team_runs is not None:
            check((before != after) == team_runs,
                  "%s: the downstream step %s\n%s" % (
                      name, "did not run" if team_runs else "ran", output))
        _, output, rendered = self.builder.build()
        check(not rendered, "%s: the second build rendered %s\n%s" % (
            name, dict(rendered), output))
        check(self.team_mtime() == after,
              "%s: the second build ran the downstream step" % name)
        if self.ninja:
            _, explain = support.run([self.args.cmake, "--build", self.build_dir,
                                      "--", "-n", "-d", "explain"])
            lines = [line for line in explain.splitlines()
                     if not line.startswith("ninja: Entering directory")]
            check(lines == ["ninja: no work to do."],
                  "%s: ninja -n -d explain still sees work:\n%s" % (name, explain))
        self.steps_run.append(name)
        print("ok   %s" % name)

    def run(self):
        src = self.src
        self.configure()
        self.step("fresh build renders every agent once", ALL, team_runs=True)
        mcp = json.loads((self.build_dir / ".mcp.json").read_text())
        check(list(mcp.get("mcpServers", {})) == ["docs"],
              "the .mcp.json of add_agent_mcp_config() holds %s" % mcp)
        print("ok   add_agent_mcp_config() wrote .mcp.json with the reviewer's server")
        self.step("no-op build", set(), team_runs=False)

        touch(src / "snippets/tone.md")
        # On Ninja the agents keep their bytes and timestamps, so team.md waits.
        self.step("touch the transitive snippet tone.md", {"reviewer", "writer"},
                  team_runs=not self.ninja)
        touch(src / "snippets/safety.md")
        self.step("touch safety.md", {"reviewer", "planner"})

        edit(src / "snippets/safety.md", "# Shared by the reviewer and the planner.",
             "# Shared by the planner and the reviewer.")
        self.step("edit safety.md leaving the agents' bytes unchanged",
                  {"reviewer", "planner"}, team_runs=False if self.ninja else None)
        edit(src / "snippets/tone.md", "always explain", "always explain why")
        self.step("edit tone.md changing two agents", {"reviewer", "writer"},
                  team_runs=True)

        (self.build_dir / "agents/writer.md").unlink()
        self.step("delete the rendered writer.md", {"writer"})
        manifest = self.build_dir / "agentgen/planner.manifest.json"
        manifest.unlink()
        self.step("delete planner's manifest", {"planner"})
        check(manifest.exists(), "the manifest was not written again")

        (src / "snippets/extra.md").write_text("Cite the line you mean.\n")
        (src / "snippets/tone.md").write_text(
            "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
            "    - path: ./extra.md\n---\n"
            "Address the reader as \"you\"; never blame, always explain why.\n"
            "{{ agpm.deps.snippets.extra.content }}\n")
        self.step("tone.md gains the transitive snippet extra.md", {"reviewer", "writer"})
        check("Cite the line you mean." in (self.build_dir / "agents/reviewer.md").read_text(),
              "extra.md did not reach the reviewer")
        touch(src / "snippets/extra.md")
        self.step("touch the new transitive snippet extra.md", {"reviewer", "writer"})

        # CMake 3.23 to 3.31 Makefiles append depfile entries and never drop
        # them: a deleted former input then re-renders its agents forever.
        if self.ninja or self.cmake_version() >= (4, 0):
            (src / "snippets/tone.md").write_text(
                "Address the reader as \"you\"; never blame, always explain why.\n")
            (src / "snippets/extra.md").unlink()
            self.step("drop extra.md and delete it", {"reviewer", "writer"})
        else:
            print("skip dropping and deleting a snippet: Makefiles before CMake 4.0 "
                  "keep stale depfile entries")

        touch(src / "qa/snippets/checklist.md")
        self.step("touch the sub-directory agent's snippet", {"tester"})

        self.render_error()

        touch(self.prefix / "bin/agentgen")
        self.step("reinstall (touch) the generator", ALL)

        _, listing = support.run([self.args.ctest, "--test-dir", self.build_dir, "-N"])
        check("Total Tests: 4" in listing, "expected 4 checks:\n" + listing)
        support.run([self.args.ctest, "--test-dir", self.build_dir, "--output-on-failure"])
        print("ok   the sample's ctest passes")

    def render_error(self):
        style = self.src / "snippets/style.md"
        good = style.read_text()
        reviewer = self.build_dir / "agents/reviewer.md"
        before = (reviewer.read_bytes(), reviewer.stat().st_mtime_ns)
        edit(style, "one idea per paragraph.", "{{ agpm.project.nonesuch }}")
        status, output, _ = self.builder.build(expect_success=False)
        check(status != 0, "a render error did not fail the build")
        check(re.search(r"snippets/style\.md:\d+:\d+: error: undefined name", output),
              "the build does not show the located error:\n" + output)
        check((reviewer.read_bytes(), reviewer.stat().st_mtime_ns) == before,
              "the failed render changed the previous reviewer.md")
        self.steps_run.append("render error")
        print("ok   a render error fails the build, located, and keeps the output")
        style.write_text(good)
        self.step("fix the render error", {"reviewer", "writer"})

    def cmake_version(self):
        _, text = support.run([self.args.cmake, "--version"])
        match = re.search(r"version (\d+)\.(\d+)", text)
        return (int(match.group(1)), int(match.group(2)))


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
