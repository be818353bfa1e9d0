#!/usr/bin/env python3
"""The incremental protocol for add_agent(), on one CMake generator.

Copies samples/cmake, builds it against the installed package and, step after
step, changes an input and checks with AGENTGEN_TRACE that the build renders
exactly the agents that use it; every step's build is followed by a second
one that must render nothing (and, on Ninja, leave `ninja -n -d explain` with
no work). The sample's project says cmake_minimum_required(VERSION 3.16)
here, so these builds also prove add_agent() sets CMP0116 itself.

The copy gains a directory whose path holds a space, `#` and `$` (on Ninja its
build folder too), with one agent whose snippet's path holds them as well and
one whose OUTPUT lies outside the build folder. On Ninja, build.ninja must run
no depfile translation for an agent. With Ninja Multi-Config, building another
configuration renders nothing and a plain `ctest` (no -C) passes. Last, the
configure that no longer declares two agents removes the outputs it rendered
inside the build folder, and keeps the one outside.

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

ALL = {"reviewer", "planner", "writer", "tester", "odd", "far"}
ODD_DIR = "odd #1 $x"
ODD_SNIPPET = "sn ip#$/s $#.md"

ODD_CMAKELISTS = """# Paths with a space, '#' and '$': depfiles escape them.
add_agent(odd SOURCE odd.md)
add_agent(far SOURCE far.md OUTPUT "${CMAKE_BINARY_DIR}/../outside/far.md")
"""
ODD_AGENT = """---
name: odd
description: Lives under an odd path.
dependencies:
  snippets:
    - path: ./%s
---
Odd.
""" % ODD_SNIPPET
FAR_AGENT = "---\nname: far\ndescription: Rendered outside the build folder.\n---\nFar.\n"


class Protocol:
    def __init__(self, args):
        self.args = args
        self.ninja = args.generator.startswith("Ninja")
        self.multi_config = args.generator == "Ninja Multi-Config"
        work = support.empty_dir(args.work)
        self.src = support.fresh_copy(args.sample, work / "sample")
        # A private copy of the installed package (which must be relocatable):
        # the last step touches the generator, and another protocol may be
        # running against the shared prefix at the same time.
        self.prefix = support.fresh_copy(args.prefix, work / "prefix")
        self.build_dir = work / "build"
        self.builder = support.Build(args.cmake, self.build_dir, work / "trace")
        self.team = self.build_dir / "team/team.md"
        self.outside = work / "outside/far.md"
        self.steps_run = []

    def configure(self):
        # A caller whose policies predate CMP0116 (3.20): add_agent() must set
        # it NEW itself, or Ninja renders every agent on every build.
        cmakelists = self.src / "CMakeLists.txt"
        edit(cmakelists, "cmake_minimum_required(VERSION 3.20)",
             "cmake_minimum_required(VERSION 3.16)")
        odd = self.src / ODD_DIR
        (odd / ODD_SNIPPET).parent.mkdir(parents=True)
        (odd / ODD_SNIPPET).write_text("An odd snippet.\n")
        (odd / "odd.md").write_text(ODD_AGENT)
        (odd / "far.md").write_text(FAR_AGENT)
        (odd / "CMakeLists.txt").write_text(ODD_CMAKELISTS)
        # Makefile generators cannot build in a folder whose path holds a
        # space or a '$' (CMake's limit, not the module's).
        odd_build = "odd $ build" if self.ninja else "odd"
        with open(cmakelists, "a") as text:
            text.write('add_subdirectory("%s" "%s")\n' % (ODD_DIR, odd_build))
        support.run([self.args.cmake, "-S", self.src, "-B", self.build_dir,
                     "-G", self.args.generator,
                     "-DCMAKE_PREFIX_PATH=" + str(self.prefix)])
        if self.ninja:
            self.check_no_depfile_translation()

    def check_no_depfile_translation(self):
        """Ninja reads each render's depfile itself: the one translation left
        is add_agent_mcp_config()'s (mcp has no --depfile-target)."""
        translations = [line for path in self.build_dir.rglob("*.ninja")
                        for line in path.read_text().splitlines()
                        if "cmake_transform_depfile" in line]
        check(translations and all("mcp_mcp.json.d" in line for line in translations),
              "depfile translations other than the MCP configuration's:\n%s"
              % "\n".join(translations))
        for output in ("agents/reviewer.md", "qa/agents/tester.md"):
            _, commands = support.run([self.args.cmake, "--build", self.build_dir, "--",
                                       "-t", "commands", output])
            lines = commands.splitlines()
            check(len(lines) == 1 and " render " in lines[0],
                  "ninja -t commands %s:\n%s" % (output, commands))
        print("ok   build.ninja: one command per agent, no depfile translation")

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
        touch(src / ODD_DIR / ODD_SNIPPET)
        self.step("touch a snippet whose path holds ' ', '#' and '$'", {"odd"})
        touch(src / ODD_DIR / "far.md")
        self.step("touch the agent rendered outside the build folder", {"far"})
        if self.multi_config:
            self.other_configuration()

        self.render_error()

        touch(self.prefix / "bin/agentgen")
        self.step("reinstall (touch) the generator", ALL)

        self.ctest(6)
        self.install()
        self.forget_agents()

    def ctest(self, count):
        # No -C: with a multi-config generator too, the checks run.
        _, listing = support.run([self.args.ctest, "--test-dir", self.build_dir, "-N"])
        check("Total Tests: %d" % count in listing, "expected %d checks:\n%s"
              % (count, listing))
        support.run([self.args.ctest, "--test-dir", self.build_dir, "--output-on-failure"])
        print("ok   the sample's ctest passes")

    def install(self):
        prefix = self.build_dir.parent / "installed"
        support.run([self.args.cmake, "--install", self.build_dir, "--prefix", prefix]
                    + (["--config", "Debug"] if self.multi_config else []))
        installed = sorted(str(path.relative_to(prefix)) for path in prefix.rglob("*")
                           if path.is_file())
        expected = ["share/agentgen_sample/agents/%s.md" % name
                    for name in ("planner", "reviewer", "tester", "writer")]
        check(installed == expected, "cmake --install installed %s" % installed)
        print("ok   INSTALL puts the agents in share/<project>/agents")

    def other_configuration(self):
        """An imported agentgen is the same program in every configuration."""
        for configuration in ("Release", "Debug"):
            _, output, rendered = self.builder.build(config=configuration)
            check(not rendered, "building %s rendered %s\n%s"
                  % (configuration, dict(rendered), output))
        print("ok   building another configuration renders nothing")

    def forget_agents(self):
        """A configure that no longer declares an agent removes its outputs
        inside the build folder (not the one outside)."""
        cmakelists = self.src / "CMakeLists.txt"
        edit(cmakelists, "add_agent(planner SOURCE agents/planner.md INSTALL)\n", "")
        edit(self.src / ODD_DIR / "CMakeLists.txt", "add_agent(far ", "# add_agent(far ")
        planner = [self.build_dir / "agents/planner.md",
                   self.build_dir / "agentgen/planner.manifest.json",
                   self.build_dir / "agentgen/planner.d"]
        far_records = list(self.build_dir.glob("odd*/agentgen/far.*")) + \
            list(self.build_dir.glob("CMakeFiles/agentgen/*/far.d"))
        check(all(path.exists() for path in planner) and far_records,
              "the planner's or far's files are missing before the test")
        self.step("delete two add_agent() calls", set())
        left = [str(path) for path in planner + far_records if path.exists()]
        check(not left, "the reconfigure left %s" % left)
        check(self.outside.exists(), "the output outside the build folder was removed")
        print("ok   the outputs of deleted agents are gone, the one outside stays")
        self.ctest(4)

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
