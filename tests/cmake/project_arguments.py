#!/usr/bin/env python3
"""add_agent_project()'s, add_agent_tree()'s and add_agent_plugin()'s
arguments: every misuse is a FATAL_ERROR naming the call (with a did-you-mean
for a misspelt keyword), and every keyword does what the doc block says:
DESTINATION (in the build tree, where clean keeps the tree too), VARS, ROOT
and ALLOW_OUTSIDE_ROOT, PROJECT_FILE, TOOL, DEPENDS, EXCLUDE_FROM_ALL,
NO_CHECK, INSTALL_DESTINATION, TARGET_VARIABLE and STAMP_VARIABLE with a step
ordered after the sync; add_agent_plugin(FROM) into the build tree.

usage: project_arguments.py --generator G --cmake C --ctest T --agentgen EXE
                            --module AddAgent.cmake --work DIR
"""

import argparse
import sys
import time

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
    ("a misspelt keyword", "add_agent_project(p MANIFES agpm.toml)",
     "add_agent_project(p): unknown argument 'MANIFES'; did you mean MANIFEST?"),
    ("a misspelt flag after a list", "add_agent_project(p VARS a=1 EXCLUDE_FROM_AL)",
     "add_agent_project(p): 'EXCLUDE_FROM_AL' is taken as a value; did you mean the "
     "keyword EXCLUDE_FROM_ALL?"),
    ("a keyword of the other form", "add_agent_tree(t FROM src TO out MANIFEST agpm.toml)",
     "add_agent_tree(t): unknown argument 'MANIFEST'"),
    ("a keyword without its value", "add_agent_project(p DESTINATION)",
     "add_agent_project(p): DESTINATION needs a value"),
    ("a missing manifest", "add_agent_project(p MANIFEST nonesuch.toml)",
     "add_agent_project(p): MANIFEST %(dir)s/nonesuch.toml is not a file"),
    ("no manifest in the folder", "add_agent_project(p MANIFEST src)",
     "add_agent_project(p): MANIFEST %(dir)s/src is not a file"),
    ("a tree without TO", "add_agent_tree(t FROM src)",
     "add_agent_tree(t): FROM <dir> and TO <dir> are required"),
    ("a tree from a missing folder", "add_agent_tree(t FROM nonesuch TO out)",
     "add_agent_tree(t): FROM %(dir)s/nonesuch is not a folder"),
    ("TO inside FROM", "add_agent_tree(t FROM src TO src/out)",
     "add_agent_tree(t): FROM %(dir)s/src and TO %(dir)s/src/out must not lie one inside "
     "the other"),
    ("a missing project file", "add_agent_tree(t FROM src TO out PROJECT_FILE no.toml)",
     "add_agent_tree(t): PROJECT_FILE %(dir)s/no.toml does not exist"),
    ("a VARS entry without =", "add_agent_project(p VARS team)",
     "add_agent_project(p): VARS entry 'team' needs the form name=value"),
    ("WERROR without CHECK", "add_agent_project(p WERROR)",
     "add_agent_project(p): WERROR applies to the CHECK step; add CHECK"),
    ("a name that cannot name a target", "add_agent_project(\"a b\")",
     "add_agent_project(a b): the name must be non-empty"),
    ("one name twice", "add_agent_project(p)\nadd_agent_project(p DESTINATION out)",
     "add_agent_project(p): a target named agent_project_p exists already"),
    ("one name for both forms", "add_agent_project(p)\nadd_agent_tree(p FROM src TO out)",
     "add_agent_tree(p): the name is taken by agent_project_p (both would register the "
     "test agentgen.sync.p)"),
    ("two calls for one destination",
     "add_agent_project(p DESTINATION out)\nadd_agent_tree(t FROM src TO out/)",
     "add_agent_tree(t): %(dir)s/out is synced by agent_project_p already"),
    ("a foreign `agents` target", "add_custom_target(agents)\nadd_agent_project(p)",
     "add_agent_project(p): a target named 'agents' exists and agentgen did not create it"),
    ("no agentgen", None, "add_agent_project(p): there is no target agentgen::agentgen"),
    ("a misspelt plugin keyword", "add_agent_plugin(k DESTINATON out)",
     "add_agent_plugin(k): unknown argument 'DESTINATON'; did you mean DESTINATION?"),
    ("CHECK for a plugin", "add_agent_plugin(k CHECK)",
     "add_agent_plugin(k): unknown argument 'CHECK'"),
    ("a plugin from a manifest and a folder", "add_agent_plugin(k MANIFEST agpm.toml FROM src)",
     "add_agent_plugin(k): MANIFEST and FROM exclude each other"),
    ("a plugin's PROJECT_FILE without FROM", "add_agent_plugin(k PROJECT_FILE agpm.toml)",
     "add_agent_plugin(k): PROJECT_FILE goes with FROM"),
    ("a plugin's WERROR with NO_CHECK", "add_agent_plugin(k NO_CHECK WERROR)",
     "add_agent_plugin(k): WERROR applies to the check test, which NO_CHECK leaves out"),
    ("a plugin from a missing folder", "add_agent_plugin(k FROM nonesuch)",
     "add_agent_plugin(k): FROM %(dir)s/nonesuch is not a folder"),
    ("a plugin's DESTINATION inside FROM", "add_agent_plugin(k FROM src DESTINATION src/k)",
     "add_agent_plugin(k): FROM %(dir)s/src and DESTINATION %(dir)s/src/k must not lie one "
     "inside the other"),
    ("a plugin into a synced destination",
     "add_agent_project(p DESTINATION out)\nadd_agent_plugin(k DESTINATION out)",
     "add_agent_plugin(k): %(dir)s/out is synced by agent_project_p already"),
]

MANIFEST = """[project]
team = "platform"

[agents]
helper = "agents/helper.md"

[mcp-servers]
docs = "mcp/docs.json"
"""

AGENT = """---
name: helper
description: Helps the {{ agpm.project.team }} team
agpm:
  templating: true
---
Helps {{ agpm.project.team }} ({{ agpm.project.audience }}).
"""

# The tree's sources are outside the project, to exercise ROOT: one call
# without ALLOW_OUTSIDE_ROOT is excluded from all and must fail when built.
KEYWORDS = """
add_agent_project(built DESTINATION "${CMAKE_CURRENT_BINARY_DIR}/synced"
                  VARS audience=everyone [[literal=a\.b ${NOT_EVALUATED}]]
                  INSTALL_DESTINATION share/agents
                  TARGET_VARIABLE built_target STAMP_VARIABLE built_stamp)
add_agent_project(later DESTINATION "${CMAKE_CURRENT_BINARY_DIR}/later"
                  VARS audience=later EXCLUDE_FROM_ALL NO_CHECK)
add_agent_tree(outside FROM ../outside/src TO "${CMAKE_CURRENT_BINARY_DIR}/outside"
               ROOT ../outside PROJECT_FILE ../outside/vars.toml DEPENDS extra.txt
               ALLOW_OUTSIDE_ROOT)
add_agent_tree(confined FROM ../outside/src TO "${CMAKE_CURRENT_BINARY_DIR}/confined"
               EXCLUDE_FROM_ALL NO_CHECK)
add_agent_tree(badtool FROM ../outside/src TO "${CMAKE_CURRENT_BINARY_DIR}/badtool"
               ROOT ../outside TOOL nonesuch EXCLUDE_FROM_ALL NO_CHECK)
message(STATUS "built_target=${built_target}")
message(STATUS "built_stamp=${built_stamp}")
add_subdirectory(downstream)
"""

# A step in another directory that reads a synced file: it depends on the
# stamp and is ordered after the sync's target.
DOWNSTREAM = """
add_custom_command(OUTPUT copy.md
  COMMAND "${CMAKE_COMMAND}" -E copy
          "${CMAKE_BINARY_DIR}/synced/.claude/agents/agpm/helper.md" copy.md
  DEPENDS "${built_stamp}" VERBATIM)
add_custom_target(downstream ALL DEPENDS copy.md)
add_dependencies(downstream ${built_target})
"""


def project(folder, args, calls, imported=True):
    folder = support.empty_dir(folder)
    (folder / "agents").mkdir()
    (folder / "agents/helper.md").write_text(AGENT)
    (folder / "mcp").mkdir()
    (folder / "mcp/docs.json").write_text('{"command": "docs-server"}\n')
    (folder / "src").mkdir()
    (folder / "agpm.toml").write_text(MANIFEST)
    values = {"module": args.module, "agentgen": args.agentgen}
    values["imported"] = IMPORTED % values if imported else ""
    (folder / "CMakeLists.txt").write_text(PREAMBLE % values + calls + "\n")
    return folder


def misuses(args, work):
    for index, (what, calls, expected) in enumerate(MISUSES):
        folder = work / ("misuse%d" % index)
        project(folder, args, calls or "add_agent_project(p)", imported=calls is not None)
        status, output = support.run(
            [args.cmake, "-S", folder, "-B", folder / "build", "-G", args.generator],
            expect_success=False)
        expected = expected % {"dir": folder}
        check(status != 0, "%s: configuring succeeded" % what)
        check(expected in " ".join(output.split()),
              "%s: the error does not say %r:\n%s" % (what, expected, output))
        print("ok   %s is an error naming the call" % what)


def keywords(args, work):
    outside = support.empty_dir(work / "outside")
    (outside / "src/agents").mkdir(parents=True)
    (outside / "src/agents/scout.md").write_text(
        "---\nname: scout\ndescription: Scouts\nagpm:\n  templating: true\n---\n"
        "Scouts for {{ agpm.project.team }}.\n")
    (outside / "vars.toml").write_text('[project]\nteam = "outsiders"\n')
    folder = project(work / "keywords", args, KEYWORDS)
    (folder / "extra.txt").write_text("one\n")
    (folder / "downstream").mkdir()
    (folder / "downstream/CMakeLists.txt").write_text(DOWNSTREAM)
    build_dir = folder / "build"
    _, output = support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    for line in ("built_target=agent_project_built",
                 "built_stamp=%s/agentgen/sync/project-built.stamp" % build_dir):
        check(line in output, "the configure output lacks %r:\n%s" % (line, output))
    print("ok   TARGET_VARIABLE and STAMP_VARIABLE")
    step = (build_dir / "agentgen/sync/project-built.cmake").read_text()
    check("-D;literal=a\\.b ${NOT_EVALUATED}]==]" in step,
          "VARS did not reach sync as written:\n" + step)
    print("ok   VARS reach sync as written, never evaluated again")

    builder = support.Build(args.cmake, build_dir, work / "trace")
    _, output, written = builder.build()
    check(dict(written) == {"helper": 1, "scout": 1},
          "the default build wrote %s\n%s" % (dict(written), output))
    helper = build_dir / "synced/.claude/agents/agpm/helper.md"
    check("Helps platform (everyone)." in helper.read_text(), "VARS got lost")
    check((build_dir / "synced/.mcp.json").is_file(), "no .mcp.json in DESTINATION")
    check(not (folder / ".claude").exists(), "DESTINATION was not used")
    check((build_dir / "downstream/copy.md").read_text() == helper.read_text(),
          "the downstream step did not copy the synced agent")
    scout = build_dir / "outside/agents/scout.md"
    check("Scouts for outsiders." in scout.read_text(),
          "ROOT, PROJECT_FILE or ALLOW_OUTSIDE_ROOT got lost")
    check(not (build_dir / "later").exists(), "EXCLUDE_FROM_ALL was synced")
    print("ok   DESTINATION, VARS, ROOT, PROJECT_FILE, ALLOW_OUTSIDE_ROOT; a step "
          "ordered after the sync reads its file; EXCLUDE_FROM_ALL stays out of all")

    stamp = build_dir / "agentgen/sync/tree-outside.stamp"
    before = stamp.stat().st_mtime_ns
    time.sleep(0.05)
    (folder / "extra.txt").write_text("two\n")
    builder.build()
    check(stamp.stat().st_mtime_ns != before, "a DEPENDS file changed and no sync ran")
    print("ok   DEPENDS runs the sync again")

    _, output, written = builder.build(target="agent_project_later")
    check("Helps platform (later)." in (build_dir / "later/.claude/agents/agpm/helper.md")
          .read_text(), "the excluded project was not synced by its target")
    for name, message in (("confined", "outside the root"), ("badtool", "nonesuch")):
        status, output, _ = builder.build(target="agent_tree_" + name, expect_success=False)
        check(status != 0 and message in output,
              "agent_tree_%s: expected a failure saying %r:\n%s" % (name, message, output))
    print("ok   the default ROOT confines the reads; TOOL reaches sync")

    _, listing = support.run([args.ctest, "--test-dir", build_dir, "-N"])
    check("agentgen.sync.built" in listing and "agentgen.sync.outside" in listing
          and "Total Tests: 2" in listing, "NO_CHECK: ctest lists\n" + listing)
    support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    print("ok   a sync --check test for each form but the NO_CHECK ones, and they pass")

    synced = sorted(str(path.relative_to(build_dir / "synced"))
                    for path in (build_dir / "synced").rglob("*") if path.is_file())
    support.run([args.cmake, "--build", build_dir, "--target", "clean"])
    after = sorted(str(path.relative_to(build_dir / "synced"))
                   for path in (build_dir / "synced").rglob("*") if path.is_file())
    check(after == synced, "clean changed a DESTINATION in the build tree: %s" % after)
    check(not (build_dir / "agentgen/sync/project-built.stamp").exists(), "clean left the stamp")
    print("ok   clean keeps a DESTINATION in the build tree too, and deletes the stamp")

    _, _, written = builder.build()
    prefix = folder / "prefix"
    support.run([args.cmake, "--install", build_dir, "--prefix", prefix])
    installed = sorted(str(path.relative_to(prefix)) for path in prefix.rglob("*")
                       if path.is_file())
    check(installed == ["share/agents/.claude/agents/agpm/helper.md",
                        "share/agents/.mcp.json"],
          "INSTALL_DESTINATION installed %s" % installed)
    check((prefix / "share/agents/.claude/agents/agpm/helper.md").read_text()
          == helper.read_text(), "the installed agent differs")
    print("ok   INSTALL_DESTINATION installs the synced files, not the state file")


def module_in_subdirectory(args, work):
    """The functions work from a scope that never saw the module's variables,
    as when agentgen comes by add_subdirectory() or FetchContent."""
    folder = project(work / "scope", args,
                     "add_subdirectory(vendor)\nadd_agent_project(p CHECK VARS audience=a)",
                     imported=False)
    (folder / "vendor").mkdir()
    (folder / "vendor/CMakeLists.txt").write_text(
        (IMPORTED % {"agentgen": args.agentgen}).replace("IMPORTED)", "IMPORTED GLOBAL)")
        + '\ninclude("%s")\n' % args.module)
    text = (folder / "CMakeLists.txt").read_text()
    (folder / "CMakeLists.txt").write_text(text.replace('include("%s")' % args.module, ""))
    support.run([args.cmake, "-S", folder, "-B", folder / "build", "-G", args.generator])
    support.run([args.cmake, "--build", folder / "build"])
    check((folder / ".claude/agents/agpm/helper.md").is_file(), "nothing was synced")
    print("ok   the functions work when the module was included in a sub-directory")


def check_werror(args, work):
    """CHECK prints a warning and passes; CHECK WERROR fails on it."""
    folder = project(work / "werror", args, """
if(STRICT)
  add_agent_project(p DESTINATION "${CMAKE_CURRENT_BINARY_DIR}/out" VARS audience=a
                    CHECK WERROR)
else()
  add_agent_project(p DESTINATION "${CMAKE_CURRENT_BINARY_DIR}/out" VARS audience=a
                    CHECK)
endif()""")
    support.edit(folder / "agents/helper.md", "name: helper\n", "name: helper\ncolour: red\n")
    for strict in (False, True):
        build_dir = folder / ("build-strict" if strict else "build")
        support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator,
                     "-DSTRICT=%s" % ("ON" if strict else "OFF")])
        status, output = support.run([args.cmake, "--build", build_dir],
                                     expect_success=False)
        check("unknown key 'colour'" in output, "no warning for 'colour':\n" + output)
        check((status != 0) == strict, "CHECK%s: the build %s\n%s" % (
            " WERROR" if strict else "", "succeeded" if status == 0 else "failed", output))
    print("ok   CHECK shows warnings; WERROR makes them fail the build")


def plugin_from_folder(args, work):
    """add_agent_plugin(FROM): one plugin from a folder of plugin sources, its
    plugin.json from the project file, in the build tree by default; VARS and
    the two tests."""
    folder = project(work / "plugin", args, """
add_agent_plugin(scout FROM plugin-src PROJECT_FILE plugin.toml VARS audience=scouts
                 TARGET_VARIABLE scout_target)
message(STATUS "scout_target=${scout_target}")""")
    (folder / "plugin-src/agents").mkdir(parents=True)
    (folder / "plugin-src/agents/scout.md").write_text(
        "---\nname: scout\ndescription: Scouts\nagpm:\n  templating: true\n---\n"
        "Scouts for {{ agpm.project.audience }}.\n")
    (folder / "plugin-src/README.md").write_text("# scout\n")
    (folder / "plugin.toml").write_text(
        '[plugins.scout]\ndescription = "Scouts ahead"\nversion = "0.1.0"\n')
    build_dir = folder / "build"
    _, output = support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator])
    check("scout_target=agent_plugin_scout" in output, "TARGET_VARIABLE:\n" + output)
    support.run([args.cmake, "--build", build_dir])
    plugin = build_dir / "plugins/scout"
    check("Scouts for scouts." in (plugin / "agents/scout.md").read_text(), "VARS got lost")
    check((plugin / "README.md").read_text() == "# scout\n", "README.md was not copied")
    check('"description": "Scouts ahead"' in (plugin / ".claude-plugin/plugin.json")
          .read_text(), "plugin.json does not hold the project file's table")
    _, output = support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure", "-V"])
    check("agentgen.plugin.scout" in output and "agentgen.plugin-check.scout" in output
          and "agentgen check --type plugin %s" % plugin in output,
          "the plugin's two tests did not run:\n" + output)
    print("ok   add_agent_plugin(FROM): the folder and the project file's table into the "
          "build tree, and its two tests pass")


def hash_in_path(args, work):
    """Ninja before CMake 4.4 cannot track '#' in a path: say so at configure."""
    folder = project(work / "hash", args, "add_agent_tree(t FROM \"h#sh\" TO out)")
    (folder / "h#sh").mkdir()
    _, output = support.run([args.cmake, "-S", folder, "-B", folder / "build",
                             "-G", args.generator])
    warned = "with Ninja before CMake 4.4 this sync will run" in " ".join(output.split())
    affected = args.generator.startswith("Ninja") and version_of(args.cmake) < (4, 4)
    check(warned == affected, "a '#' in the FROM path: warning %s, expected %s\n%s"
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
        module_in_subdirectory(args, work)
        check_werror(args, work)
        plugin_from_folder(args, work)
        hash_in_path(args, work)
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
