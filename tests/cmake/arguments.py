#!/usr/bin/env python3
"""add_agent()'s arguments: every misuse is a FATAL_ERROR naming the call, and
every keyword does what the doc block says (ROOT, PROJECT_FILE, VARS, TYPE,
OUTPUT, EXCLUDE_FROM_ALL, NO_CHECK, CHECK, WERROR, TOOL, ALLOW_OUTSIDE_ROOT,
INSTALL, INSTALL_DESTINATION, the three variables, the aggregate `agents`
target, add_agent_mcp_config()'s keywords); on Ninja, one process per render.

usage: arguments.py --generator G --cmake C --ctest T --agentgen EXE
                    --module AddAgent.cmake --work DIR
"""

import argparse
import json
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
     "add_agent(a): unknown argument 'SNIPPET_DIRS'"),
    ("a misspelt flag", "add_agent(a SOURCE a.md EXCLUD_FROM_ALL)",
     "add_agent(a): unknown argument 'EXCLUD_FROM_ALL'; did you mean EXCLUDE_FROM_ALL?"),
    ("a misspelt flag among DEPENDS", "add_agent(a SOURCE a.md DEPENDS x.md EXCLUDE_FROM_AL)",
     "add_agent(a): 'EXCLUDE_FROM_AL' is taken as a value; did you mean the keyword "
     "EXCLUDE_FROM_ALL?"),
    ("a misspelt flag among VARS", "add_agent(a SOURCE a.md VARS a=b NO_CHEK)",
     "add_agent(a): 'NO_CHEK' is taken as a value; did you mean the keyword NO_CHECK?"),
    ("a misspelt type", "add_agent(a SOURCE a.md TYPE comand)",
     "add_agent(a): TYPE comand is not a resource type; did you mean command? the types "
     "are agent, command, snippet, script, hook, mcp-server, skill"),
    ("a type that is none", "add_agent(a SOURCE a.md TYPE prompt)",
     "add_agent(a): TYPE prompt is not a resource type; the types are agent"),
    ("two agents of one name", "add_agent(a SOURCE a.md)\nadd_agent(a SOURCE a.md)",
     "add_agent(a): the target agent_a exists already: each agent needs a name of its own"),
    ("an MCP configuration with a misspelt keyword",
     "add_agent(a SOURCE a.md)\nadd_agent_mcp_config(OUTPUT .mcp.json AGENT a)",
     "add_agent_mcp_config(.mcp.json): unknown argument 'AGENT'; did you mean AGENTS?"),
    ("an MCP configuration with a misspelt keyword among AGENTS",
     "add_agent(a SOURCE a.md)\n"
     "add_agent_mcp_config(OUTPUT .mcp.json AGENTS a INSTAL_DESTINATION x)",
     "add_agent_mcp_config(.mcp.json): 'INSTAL_DESTINATION' is taken as a value; did you "
     "mean the keyword INSTALL_DESTINATION?"),
    ("two MCP configurations of one file name",
     "add_agent(a SOURCE a.md)\nadd_agent_mcp_config(OUTPUT .mcp.json AGENTS a)\n"
     "add_agent_mcp_config(OUTPUT other/.mcp.json AGENTS a)",
     "add_agent_mcp_config(other/.mcp.json): the target mcp_mcp.json exists already"),
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
     "add_agent_mcp_config(.mcp.json): OUTPUT <file> and AGENTS <name>... are required"),
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
                 "a_manifest=%s/agentgen/commands/a.manifest.json" % build_dir,
                 "a_target=command_a"):
        check(line in output, "the configure output lacks %r:\n%s" % (line, output))
    print("ok   OUTPUT_VARIABLE, MANIFEST_VARIABLE and TARGET_VARIABLE")

    builder = support.Build(args.cmake, build_dir, work / "trace")
    _, output, rendered = builder.build()
    check(dict(rendered) == {"a": 1}, "the default build rendered %s" % dict(rendered))
    a = (build_dir / "out/a-rendered.md").read_text()
    check("hello world command" in a, "ROOT, PROJECT_FILE, VARS or TYPE got lost:\n" + a)
    check((build_dir / "agentgen/commands/a.manifest.json").exists(), "no manifest")
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
    check("agentgen.check.command.a" in listing and "agentgen.check.b" not in listing
          and "Total Tests: 1" in listing, "NO_CHECK: ctest lists\n" + listing)
    support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    print("ok   a check for each agent but the NO_CHECK one, and it passes")

    support.run([args.cmake, "--install", build_dir, "--prefix", folder / "prefix"])
    check((folder / "prefix/share/agents/a-rendered.md").read_text() == a,
          "INSTALL_DESTINATION did not install the agent")
    print("ok   INSTALL_DESTINATION")


PLANNER = """---
name: planner
description: Plans the work.
---
Plan first.
"""

SAME_NAME = """
add_agent(planner SOURCE p.md INSTALL TARGET_VARIABLE agent_target)
add_agent(planner SOURCE p.md TYPE command INSTALL
          TARGET_VARIABLE command_target OUTPUT_VARIABLE command_out)
add_agent_mcp_config(OUTPUT .mcp.json AGENTS planner INSTALL_DESTINATION config
                     TARGET_VARIABLE mcp_target)
message(STATUS "targets=${agent_target} ${command_target} ${mcp_target}")
message(STATUS "command_out=${command_out}")
"""


def same_name(args, work):
    """An agent and a command of one name: each its folder, target, test."""
    folder = project(work / "same-name", args, SAME_NAME)
    (folder / "p.md").write_text(PLANNER)
    build_dir = folder / "build"
    _, output = support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    for line in ("targets=agent_planner command_planner mcp_mcp.json",
                 "command_out=%s/commands/planner.md" % build_dir):
        check(line in output, "the configure output lacks %r:\n%s" % (line, output))
    builder = support.Build(args.cmake, build_dir, work / "trace")
    _, output, rendered = builder.build()
    check(dict(rendered) == {"p": 2}, "the build rendered %s" % dict(rendered))
    for name in ("agents/planner.md", "commands/planner.md", ".mcp.json"):
        check((build_dir / name).exists(), "%s was not built:\n%s" % (name, output))
    _, listing = support.run([args.ctest, "--test-dir", build_dir, "-N"])
    check("agentgen.check.planner" in listing and "agentgen.check.command.planner" in listing,
          "the checks are not one per type:\n" + listing)
    support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    print("ok   an agent and a command share a name: agent_planner, command_planner")

    prefix = folder / "prefix"
    support.run([args.cmake, "--install", build_dir, "--prefix", prefix])
    for name in ("share/arguments/agents/planner.md", "share/arguments/commands/planner.md",
                 "config/.mcp.json"):
        check((prefix / name).exists(), "%s was not installed" % name)
    print("ok   INSTALL: share/<project>/agents and /commands; the MCP "
          "configuration's INSTALL_DESTINATION")
    if args.generator.startswith("Ninja"):
        one_process_per_render(args, build_dir)


CAPITALS = """add_agent(a SOURCE a.md DEPENDS TOOLS ROOTFS
          VARS greeting=hi audience=all [[note=a\\.b]] [[cmd=${NOT_EVALUATED}]])
add_agent(AGENT SOURCE a.md VARS greeting=hi audience=all)
add_agent_mcp_config(OUTPUT .mcp.json AGENTS AGENT)
# Declared after the call that names them: still a target by the end.
add_custom_target(TOOLS)
add_custom_target(ROOTFS)
"""


def capital_values(args, work):
    """Targets and agents named in capitals near a keyword are no misspelt
    keywords; VARS reach agentgen as written; a ';' in VARS is refused."""
    folder = project(work / "capitals", args, CAPITALS)
    build_dir = folder / "build"
    support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    builder = support.Build(args.cmake, build_dir, work / "trace")
    builder.build()
    project_table = json.loads((build_dir / "agentgen/a.manifest.json").read_text())["project"]
    check(project_table.get("note") == "a\\.b" and project_table.get("cmd") == "${NOT_EVALUATED}",
          "VARS did not reach agentgen as written: %s" % project_table)
    print("ok   DEPENDS TOOLS, ROOTFS (targets) and an agent named AGENT configure")
    folder = project(work / "semicolon", args, 'add_agent(a SOURCE a.md VARS "x=a;b")')
    status, output = support.run(
        [args.cmake, "-S", folder, "-B", folder / "build", "-G", args.generator],
        expect_success=False)
    check(status != 0 and "holds a ';'" in " ".join(output.split()),
          "a ';' in VARS was not refused:\n" + output)
    print("ok   a ';' in a VARS entry is a configure error")


def one_process_per_render(args, build_dir):
    """Ninja reads agentgen's depfile itself: no cmake_transform_depfile after
    a render (the MCP configuration keeps it: mcp has no --depfile-target)."""
    ninja_file = (build_dir / "build.ninja").read_text()
    check(ninja_file.count("cmake_transform_depfile") == 1,
          "build.ninja transforms %d depfiles, expected 1 (.mcp.json)"
          % ninja_file.count("cmake_transform_depfile"))
    for output in ("agents/planner.md", "commands/planner.md"):
        _, commands = support.run([args.cmake, "--build", build_dir, "--",
                                   "-t", "commands", output])
        lines = [line for line in commands.splitlines() if line.strip()]
        check(len(lines) == 1 and " render " in lines[0] and "--depfile-target " + output
              in lines[0], "ninja -t commands %s:\n%s" % (output, commands))
    print("ok   Ninja: one command per render, its depfile read untransformed")


CHECKED = """
add_agent(gpt SOURCE g.md CHECK EXCLUDE_FROM_ALL NO_CHECK)
add_agent(gpt_werror SOURCE g.md WERROR EXCLUDE_FROM_ALL NO_CHECK)
add_agent(redd SOURCE r.md CHECK EXCLUDE_FROM_ALL NO_CHECK)
add_agent(redd_werror SOURCE r.md CHECK WERROR EXCLUDE_FROM_ALL NO_CHECK)
add_agent(opencode SOURCE oc.md CHECK TOOL opencode EXCLUDE_FROM_ALL)
add_agent(opencode_as_claude SOURCE oc.md CHECK EXCLUDE_FROM_ALL NO_CHECK)
add_agent(unchecked SOURCE oc.md EXCLUDE_FROM_ALL NO_CHECK)
set(AGENTGEN_CHECK ON)
add_agent(checked_by_default SOURCE oc.md EXCLUDE_FROM_ALL NO_CHECK)
set(AGENTGEN_CHECK OFF)
set(AGENTGEN_CHECK_WERROR ON)
add_agent(werror_by_default SOURCE r.md EXCLUDE_FROM_ALL NO_CHECK)
set(AGENTGEN_CHECK_WERROR OFF)
add_agent(outside SOURCE inner/o.md ROOT inner ALLOW_OUTSIDE_ROOT CHECK EXCLUDE_FROM_ALL)
add_agent(outside_refused SOURCE inner/o.md ROOT inner EXCLUDE_FROM_ALL NO_CHECK)
"""

CHECKED_SOURCES = {
    "g.md": "---\nname: g\ndescription: Uses GPT.\nmodel: gpt-4\n---\nbody\n",
    "r.md": "---\nname: r\ndescription: Red.\ncolor: redd\n---\nbody\n",
    "oc.md": "---\ndescription: An OpenCode agent.\nmode: subagent\n"
             "model: anthropic/claude-sonnet-4\n---\nbody\n",
    "inner/o.md": "---\nname: o\ndescription: Reads outside.\ndependencies:\n"
                  "  snippets:\n    - path: ../outer.md\n---\nbody\n",
    "outer.md": "outer\n",
}

# (target, whether the build succeeds, what its output must say)
CHECKED_BUILDS = [
    ("agent_gpt", True, "'model': 'gpt-4' is not a Claude model"),
    ("agent_gpt_werror", False, "'model': 'gpt-4' is not a Claude model"),
    ("agent_redd", True, "got 'redd' (did you mean 'red'?)"),
    ("agent_redd_werror", False, "got 'redd' (did you mean 'red'?)"),
    ("agent_opencode", True, ""),
    ("agent_opencode_as_claude", False, "required key 'name' is missing"),
    ("agent_unchecked", True, ""),
    ("agent_checked_by_default", False, "required key 'name' is missing"),
    ("agent_werror_by_default", False, "got 'redd'"),
    ("agent_outside", True, ""),
    ("agent_outside_refused", False, "pass --allow-outside-root"),
]


def build_time_check(args, work):
    """CHECK and WERROR fail the build; TOOL and ALLOW_OUTSIDE_ROOT reach the
    render and both checks; AGENTGEN_CHECK and AGENTGEN_CHECK_WERROR are the
    defaults."""
    folder = project(work / "checked", args, CHECKED)
    for name, text in CHECKED_SOURCES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    build_dir = folder / "build"
    support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    builder = support.Build(args.cmake, build_dir, work / "trace")
    for target, succeeds, says in CHECKED_BUILDS:
        for attempt in (1, 2):  # a failed check must fail the next build too
            status, output, _ = builder.build(expect_success=False, target=target)
            check((status == 0) == succeeds, "%s (build %d): exit status %d\n%s"
                  % (target, attempt, status, output))
            check(says in output, "%s: the build does not say %r:\n%s" % (target, says, output))
            if succeeds:
                break
        name = target[len("agent_"):]
        check((build_dir / "agents" / (name + ".md")).exists() == succeeds,
              "%s: the rendered file %s" % (target, "is missing" if succeeds else "exists"))
        print("ok   %s %s" % (target, "builds" if succeeds else "fails the build"))
    _, listing = support.run([args.ctest, "--test-dir", build_dir, "-N"])
    check("Total Tests: 2" in listing, "expected the checks of opencode and outside:\n"
          + listing)
    support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    print("ok   the CTest checks get TOOL and ALLOW_OUTSIDE_ROOT")


IN_SOURCE = """
add_agent(a SOURCE a.md VARS greeting=hi audience=all OUTPUT ${CMAKE_SOURCE_DIR}/gen/a.md)
add_subdirectory(sub)
"""


def in_source_build(args, work):
    """Ninja spells an output in the source folder that holds the build folder
    absolute, one in a sub-directory's build folder relative: the depfile must
    say the same, or the agent is rendered on every build."""
    folder = project(work / "in-source", args, IN_SOURCE)
    (folder / "sub").mkdir()
    (folder / "sub/s.md").write_text("plain\n")
    (folder / "sub/CMakeLists.txt").write_text("add_agent(s SOURCE s.md)\n")
    build_dir = folder / "build"
    support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    builder = support.Build(args.cmake, build_dir, work / "trace")
    _, output, rendered = builder.build()
    check(dict(rendered) == {"a": 1, "s": 1}, "the first build rendered %s" % dict(rendered))
    check((folder / "gen/a.md").exists(), "the output in the source folder is missing")
    _, output, rendered = builder.build()
    check(not rendered, "the second build rendered %s\n%s" % (dict(rendered), output))
    support.touch(folder / "sub/s.md")
    _, output, rendered = builder.build()
    check(dict(rendered) == {"s": 1}, "touching s.md rendered %s" % dict(rendered))
    if args.generator.startswith("Ninja"):
        _, explain = support.run([args.cmake, "--build", build_dir, "--", "-n", "-d", "explain"])
        check("no work to do" in explain, "ninja still sees work:\n" + explain)
    print("ok   an output in the source folder and one in a sub-directory stay built")


def dollar_in_build_folder(args, work):
    """Ninja: a '$' in the top build folder's path keeps CMake's depfile
    translation, which loses it before CMake 4.4; add_agent() says so."""
    folder = project(work / "dollar", args, "add_agent(a SOURCE a.md VARS greeting=hi "
                     "audience=all)")
    _, output = support.run([args.cmake, "-S", folder, "-B", folder / "b$x",
                             "-G", args.generator])
    warned = "the build folder's path holds a '$'" in " ".join(output.split())
    check(warned == (version_of(args.cmake) < (4, 4)),
          "a '$' in the build folder: warning %s\n%s" % (warned, output))
    print("ok   a '$' in the top build folder warns where Ninja cannot track it")


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
        same_name(args, work)
        capital_values(args, work)
        build_time_check(args, work)
        in_source_build(args, work)
        if args.generator.startswith("Ninja"):
            dollar_in_build_folder(args, work)
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
