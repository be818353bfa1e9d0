#!/usr/bin/env python3
"""add_agent()'s arguments: every misuse is a FATAL_ERROR naming the call, and
every keyword does what the doc block says (ROOT, PROJECT_FILE, VARS, TYPE,
OUTPUT, EXCLUDE_FROM_ALL, NO_CHECK, INSTALL_DESTINATION, the three variables,
the aggregate `agents` target).

usage: arguments.py --generator G --cmake C --ctest T --agentgen EXE
                    --module AddAgent.cmake --work DIR
"""

import argparse
import pathlib
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check

PREAMBLE = """cmake_minimum_required(VERSION 3.20)
project(arguments NONE)
enable_testing()
%(imported)s
include("%(module)s")
"""

IMPORTED = """add_executable(agentgen::agentgen IMPORTED)
set_target_properties(agentgen::agentgen PROPERTIES IMPORTED_LOCATION "%(agentgen)s")"""

# (what, the calls, a line the configure error must contain)
MISUSES = [
    ("no SOURCE", "add_agent(a)", "add_agent(a): SOURCE <file.md> is required"),
    ("SOURCE without a value", "add_agent(a SOURCE)", "add_agent(a): SOURCE needs a value"),
    ("OUTPUT without a value", "add_agent(a SOURCE a.md OUTPUT)",
     "add_agent(a): OUTPUT needs a value"),
    ("VARS without values", "add_agent(a SOURCE a.md VARS)", "add_agent(a): VARS needs a value"),
    ("unknown keywords", "add_agent(a SOURCE a.md SNIPPET_DIRS x ALL)",
     "add_agent(a): unknown argument(s): SNIPPET_DIRS x ALL"),
    ("a VARS entry without =", "add_agent(a SOURCE a.md VARS team)",
     "add_agent(a): VARS entry 'team' needs the form name=value"),
    ("a missing source", "add_agent(a SOURCE nonesuch.md)",
     "add_agent(a): SOURCE %(dir)s/nonesuch.md does not exist"),
    ("a name that cannot name a target", "add_agent(\"a b\" SOURCE a.md)",
     "add_agent(a b): the name must be non-empty"),
    ("a foreign `agents` target", "add_custom_target(agents)\nadd_agent(a SOURCE a.md)",
     "add_agent(a): a target named 'agents' exists and add_agent() did not create it"),
    ("no generator target", None, "add_agent(a): there is no target agentgen::agentgen"),
    ("an MCP configuration without agents", "add_agent_mcp_config(OUTPUT .mcp.json)",
     "add_agent_mcp_config(): OUTPUT <file> and AGENTS <name>... are required"),
    ("an MCP configuration of an unknown agent",
     "add_agent_mcp_config(OUTPUT .mcp.json AGENTS nobody)",
     "add_agent_mcp_config(.mcp.json): 'nobody' is not an agent declared with add_agent()"),
    ("an MCP configuration of agents rendered differently",
     "add_agent(a SOURCE a.md)\nadd_agent(b SOURCE a.md VARS x=1)\n"
     "add_agent_mcp_config(OUTPUT .mcp.json AGENTS a b)",
     "add_agent_mcp_config(.mcp.json): 'b' is rendered with other ROOT"),
]

SOURCE = """---
agpm:
  templating: true
---
{{ agpm.project.greeting }} {{ agpm.project.audience }} {{ agpm.resource.type }}
"""

# One source rendered twice with different VARS, which MAIN_DEPENDENCY would
# not allow.
KEYWORDS = """
add_agent(a SOURCE src/a.md ROOT src PROJECT_FILE src/conf/vars.toml
          VARS greeting=hello TYPE command OUTPUT out/a-rendered.md
          INSTALL_DESTINATION share/agents
          OUTPUT_VARIABLE a_out MANIFEST_VARIABLE a_manifest TARGET_VARIABLE a_target)
add_agent(b SOURCE src/a.md ROOT src VARS greeting=bye audience=b EXCLUDE_FROM_ALL NO_CHECK)
message(STATUS "a_out=${a_out}")
message(STATUS "a_manifest=${a_manifest}")
message(STATUS "a_target=${a_target}")
"""


def project(folder, args, calls, imported=True):
    folder = support.empty_dir(folder)
    (folder / "a.md").write_text(SOURCE)
    values = {"module": args.module, "agentgen": args.agentgen}
    values["imported"] = IMPORTED % values if imported else ""
    (folder / "CMakeLists.txt").write_text(PREAMBLE % values + calls + "\n")
    return folder


def misuses(args, work):
    for index, (what, calls, expected) in enumerate(MISUSES):
        folder = work / ("misuse%d" % index)
        project(folder, args, calls or "add_agent(a SOURCE a.md)", imported=calls is not None)
        status, output = support.run(
            [args.cmake, "-S", folder, "-B", folder / "build", "-G", args.generator],
            expect_success=False)
        expected = expected % {"dir": folder}
        check(status != 0, "%s: configuring succeeded" % what)
        check(expected in " ".join(output.split()),
              "%s: the error does not say %r:\n%s" % (what, expected, output))
        print("ok   %s is an error naming the call" % what)


def keywords(args, work):
    folder = project(work / "keywords", args, KEYWORDS)
    (folder / "src/conf").mkdir(parents=True)
    (folder / "src/a.md").write_text(SOURCE)
    (folder / "src/conf/vars.toml").write_text('[project]\naudience = "world"\n')
    build_dir = folder / "build"
    _, output = support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    for line in ("a_out=%s/out/a-rendered.md" % build_dir,
                 "a_manifest=%s/agentgen/a.manifest.json" % build_dir,
                 "a_target=agent_a"):
        check(line in output, "the configure output lacks %r:\n%s" % (line, output))
    print("ok   OUTPUT_VARIABLE, MANIFEST_VARIABLE and TARGET_VARIABLE")

    builder = support.Build(args.cmake, build_dir, work / "trace")
    _, output, rendered = builder.build()
    check(dict(rendered) == {"a": 1}, "the default build rendered %s" % dict(rendered))
    a = (build_dir / "out/a-rendered.md").read_text()
    check("hello world command" in a, "ROOT, PROJECT_FILE, VARS or TYPE got lost:\n" + a)
    check((build_dir / "agentgen/a.manifest.json").exists(), "no manifest")
    check(not (build_dir / "agents/b.md").exists(), "EXCLUDE_FROM_ALL was built")
    print("ok   ROOT, PROJECT_FILE, VARS, TYPE, OUTPUT; EXCLUDE_FROM_ALL stays out of all")

    # b renders the same source: the trace names a.md once more.
    _, output, rendered = builder.build(target="agents")
    check(dict(rendered) == {"a": 1}, "the agents target rendered %s" % dict(rendered))
    check("bye b agent" in (build_dir / "agents/b.md").read_text(), "b is wrong")
    _, output, rendered = builder.build(target="agents")
    check(not rendered, "the agents target rendered %s again" % dict(rendered))
    print("ok   the agents target renders the excluded agent too")

    _, listing = support.run([args.ctest, "--test-dir", build_dir, "-N"])
    check("agentgen.check.a" in listing and "agentgen.check.b" not in listing
          and "Total Tests: 1" in listing, "NO_CHECK: ctest lists\n" + listing)
    support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    print("ok   a check for each agent but the NO_CHECK one, and it passes")

    support.run([args.cmake, "--install", build_dir, "--prefix", folder / "prefix"])
    check((folder / "prefix/share/agents/a-rendered.md").read_text() == a,
          "INSTALL_DESTINATION did not install the agent")
    print("ok   INSTALL_DESTINATION")


def hash_in_path(args, work):
    """Ninja before CMake 4.4 cannot track '#' in a path: say so at configure."""
    folder = project(work / "hash", args, "add_agent(a SOURCE \"h#sh/a.md\")")
    (folder / "h#sh").mkdir()
    (folder / "h#sh/a.md").write_text("plain\n")
    _, output = support.run([args.cmake, "-S", folder, "-B", folder / "build",
                             "-G", args.generator])
    warned = "with Ninja before CMake 4.4 this agent will be rendered" in " ".join(output.split())
    affected = args.generator.startswith("Ninja") and version_of(args.cmake) < (4, 4)
    check(warned == affected, "a '#' in the source path: warning %s, expected %s\n%s"
          % (warned, affected, output))
    print("ok   a '#' in a path warns exactly where Ninja cannot track it")


def version_of(cmake):
    _, text = support.run([cmake, "--version"])
    return tuple(int(part) for part in text.split()[2].split(".")[:2])


def main():
    parser = argparse.ArgumentParser()
    for option in ("generator", "cmake", "ctest", "agentgen", "module", "work"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    work = support.empty_dir(args.work)
    try:
        misuses(args, work)
        keywords(args, work)
        hash_in_path(args, work)
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
