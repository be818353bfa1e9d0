#!/usr/bin/env python3
"""Meson integration test: samples/meson built with Meson, incremental builds proven.

Copies samples/meson into a fresh work folder and builds it with Meson and ninja,
in one of the two ways a Meson project gets agentgen:

  installed   agentgen installed (cmake --install) into a temporary prefix whose
              bin/ is on PATH;
  subproject  agentgen vendored: subprojects/ holds agentgen.wrap, agentgen/ (a
              symlink to agentgen-source/meson-module) and agentgen-source/ (a
              copy of this source tree), and no agentgen is on PATH.

Then it runs the incremental protocol, counting re-renders with AGENTGEN_TRACE:
every step names the agents its first build must render (each exactly once) and
is followed by a second build that must render nothing. It also checks what
`ninja -t deps` recorded, that the downstream step is skipped after an edit that
leaves the agents' bytes alone, the one extra render Meson's regeneration
causes (its `ninja -t restat`), that a render error fails the build printed
once and keeps the previous output, that the build-time check fails the build
on a warning in a checked agent only, `meson test` and `meson install` (into
<datadir>/<project>/agents and .../commands).

Exit status: 0 pass, 1 fail, 77 skip (meson is not installed).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

SKIP = 77
ALL_AGENTS = ["planner", "reviewer", "tester", "writer"]
COMMANDS = ["release"]  # commands/: the per-directory block for commands
EVERYTHING = ALL_AGENTS + COMMANDS


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


def touch(path):
    os.utime(path, None)


class Consumer:
    """The copied sample project, its Meson build folder and the trace file."""

    def __init__(self, project, build, trace, env):
        self.project = project
        self.build_dir = build
        self.trace = trace
        self.env = env

    def setup(self):
        # A release build type only shortens the subproject's compilation: the
        # agents themselves are not compiled.
        run(["meson", "setup", "--buildtype=release", self.build_dir, self.project],
            self.env)

    def build(self, expect_ok=True, keep_going=False):
        """One `ninja` run; returns (agents rendered, ninja's result).

        keep_going: ninja -k 0, every step that can run runs despite failures.
        """
        if self.trace.exists():
            self.trace.unlink()
        env = dict(self.env, AGENTGEN_TRACE=str(self.trace))
        result = run(["ninja", "-C", self.build_dir, "-j2"] + (["-k", "0"] if keep_going else []),
                     env, expect_ok=expect_ok)
        lines = self.trace.read_text().splitlines() if self.trace.exists() else []
        return sorted(Path(line).stem for line in lines), result

    def output(self, relative):
        return self.build_dir / relative

    def deps(self, output):
        result = run(["ninja", "-C", self.build_dir, "-t", "deps", output], self.env)
        return [line.strip() for line in result.stdout.splitlines()[1:] if line.strip()]


class Protocol:
    def __init__(self, consumer):
        self.c = consumer
        self.steps = 0

    def step(self, name, expected, downstream=None, regenerates=False):
        """Builds twice: the first renders exactly `expected`, the second nothing.

        downstream: True/False requires the team step to run / not to run in
        the first build; None leaves it unchecked. regenerates: whether the
        first build must run Meson again.
        """
        started = time.monotonic()
        rendered, result = self.c.build()
        check(("Regenerating build files" in result.stdout) == regenerates,
              "%s: Meson %s\n%s" % (name, "did not regenerate" if regenerates
                                    else "regenerated", result.stdout))
        check(rendered == sorted(expected),
              "%s: rendered %s, expected %s\n%s" % (name, rendered, sorted(expected),
                                                     result.stdout))
        ran_team = re.search(r"Generating team\b", result.stdout) is not None
        if downstream is not None:
            check(ran_team == downstream,
                  "%s: the downstream step %s\n%s"
                  % (name, "did not run" if downstream else "ran", result.stdout))
        again, result = self.c.build()
        check(again == [] and "no work to do" in result.stdout,
              "%s: the second build rendered %s\n%s" % (name, again, result.stdout))
        self.steps += 1
        print("ok %2d %-58s %5.1fs  rendered %s%s"
              % (self.steps, name, time.monotonic() - started, ", ".join(rendered) or "-",
                 "" if downstream is None else ("; team ran" if ran_team else "; team skipped")))

    def no_work(self, name):
        """ninja -n -d explain finds nothing to do, bar Meson's always-dirty phonies."""
        result = run(["ninja", "-C", self.c.build_dir, "-n", "-d", "explain"], self.c.env)
        said = [line for line in result.stdout.splitlines()
                if not line.startswith("ninja: Entering directory")]
        check(said == ["ninja: no work to do."],
              "%s: ninja -n would do work:\n%s" % (name, result.stdout))
        # Meson 1.0's `all` depends on the phony meson-test-prereq and
        # meson-benchmark-prereq, which -d explain always calls dirty although
        # they run nothing; any other explanation is a real rebuild.
        reasons = [line for line in result.stderr.splitlines()
                   if line.startswith("ninja explain:")
                   and not re.search(r"meson-(test|benchmark)-prereq", line)]
        check(reasons == [], "%s: ninja explains work:\n%s" % (name, "\n".join(reasons)))
        print("ok    %-58s ninja -n -d explain: no work to do" % name)


def expect_deps(consumer, output, inputs):
    got = consumer.deps(output)
    want = [os.path.normpath(str(consumer.project / p)) for p in inputs]
    check(got == want, "ninja -t deps %s:\n  got  %s\n  want %s" % (output, got, want))
    print("ok    ninja -t deps %-44s %d inputs" % (output, len(got)))


def run_protocol(consumer, rebuild_generator):
    p = Protocol(consumer)
    c = consumer
    snippets = c.project / "snippets"
    reviewer_deps = ["agents/reviewer.md", "agpm.toml", "snippets/style.md",
                     "snippets/tone.md", "snippets/safety.md"]

    p.step("fresh build renders every agent and command once", EVERYTHING,
           downstream=True)
    expect_deps(c, "agents/reviewer.md", reviewer_deps)
    expect_deps(c, "agents/planner.md", ["agents/planner.md", "agpm.toml",
                                         "snippets/safety.md"])
    expect_deps(c, "qa/tester.md", ["qa/tester.md", "agpm.toml",
                                    "qa/snippets/checklist.md",
                                    "mcp-servers/docs.json"])
    mcp = json.loads(c.output("mcp.json").read_text())
    check(list(mcp.get("mcpServers", {})) == ["docs"],
          "the mcp target wrote %s" % mcp)
    print("ok    the mcp target wrote mcp.json with the tester's server")

    p.step("no-op build", [])
    p.no_work("no-op build")

    touch(snippets / "tone.md")
    p.step("touch tone.md (transitive, via style.md)", ["reviewer", "writer"])

    touch(snippets / "safety.md")
    p.step("touch safety.md (shared)", ["planner", "reviewer"])

    # Only the snippet's frontmatter changes: the embedded body, and so the
    # rendered agents, keep their bytes; the manifests record the new hash.
    reviewer_md = c.output("agents/reviewer.md")
    team_md = c.output("team.md")
    manifest = c.output("agents/reviewer.manifest.json")
    before = (reviewer_md.stat().st_mtime_ns, team_md.stat().st_mtime_ns,
              manifest.read_text())
    safety = (snippets / "safety.md").read_text()
    (snippets / "safety.md").write_text(
        safety.replace("description: Safety rules", "description: The safety rules"))
    p.step("edit safety.md, rendered bytes unchanged", ["planner", "reviewer"],
           downstream=False)
    check(reviewer_md.stat().st_mtime_ns == before[0],
          "reviewer.md was rewritten although its bytes did not change")
    check(team_md.stat().st_mtime_ns == before[1], "team.md was rewritten")
    check(manifest.read_text() != before[2],
          "reviewer's manifest does not record the edited safety.md")

    # Meson's regeneration (any meson.build edited) ends with `ninja -t
    # restat`, which sets the time .ninja_log records for every output to the
    # file's own. For an agent that --write-if-changed left alone since an
    # input moved (planner and reviewer just now, writer since tone.md was
    # touched) that time is older than the input, so ninja renders it once
    # more. Bounded: the bytes still do not change, nothing downstream runs,
    # the next build is a no-op. First `ninja -t restat` alone, then a real
    # regeneration.
    left_alone = ["planner", "reviewer", "writer"]
    def same_bytes_edit(old, new):
        (snippets / "safety.md").write_text(
            (snippets / "safety.md").read_text().replace(old, new))
        p.step("edit safety.md again, bytes unchanged", ["planner", "reviewer"],
               downstream=False)
    same_bytes_edit("The safety rules", "Safety rules")
    run(["ninja", "-C", c.build_dir, "-t", "restat"], c.env)
    p.step("then ninja -t restat: one extra render", left_alone, downstream=False)
    same_bytes_edit("Safety rules", "The safety rules")
    with open(c.project / "meson.build", "a") as build_file:
        build_file.write("# edited\n")
    p.step("then meson.build edited: regenerated, one extra render",
           left_alone, downstream=False, regenerates=True)
    check(reviewer_md.stat().st_mtime_ns == before[0] and
          team_md.stat().st_mtime_ns == before[1],
          "the extra render rewrote reviewer.md or team.md")

    (snippets / "safety.md").write_text(
        (snippets / "safety.md").read_text().replace("Ask before", "Always ask before"))
    p.step("edit safety.md, rendered bytes change", ["planner", "reviewer"],
           downstream=True)
    check("Always ask before" in team_md.read_text(), "team.md lacks the edit")

    c.output("agents/writer.md").unlink()
    p.step("delete the rendered writer.md", ["writer"])

    planner_manifest = c.output("agents/planner.manifest.json")
    planner_manifest.unlink()
    p.step("delete planner.manifest.json only", ["planner"])
    check(planner_manifest.exists(), "planner.manifest.json was not written again")

    (snippets / "extra.md").write_text("Quote the line you mean.\n")
    tone = (snippets / "tone.md").read_text()
    (snippets / "tone.md").write_text(
        "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
        "    - path: extra.md\n---\n" + tone + "\n{{ agpm.deps.snippets.extra.content }}\n")
    p.step("tone.md gains a snippet, extra.md", ["reviewer", "writer"], downstream=True)
    # Depth first, in declaration order: extra.md right after tone.md.
    expect_deps(c, "agents/reviewer.md", reviewer_deps[:4] + ["snippets/extra.md",
                                                             "snippets/safety.md"])

    touch(snippets / "extra.md")
    p.step("touch the new transitive snippet extra.md", ["reviewer", "writer"])

    (snippets / "tone.md").write_text(tone)
    (snippets / "extra.md").unlink()
    p.step("tone.md drops extra.md, extra.md deleted", ["reviewer", "writer"])
    expect_deps(c, "agents/reviewer.md", reviewer_deps)

    touch(c.project / "qa" / "snippets" / "checklist.md")
    p.step("touch the sub-directory agent's snippet", ["tester"])

    touch(c.project / "agpm.toml")
    p.step("touch the project file", EVERYTHING)

    what = rebuild_generator()
    p.step("new agentgen: " + what, EVERYTHING)
    p.no_work("after the protocol")

    # A render error fails the build with the generator's located message
    # and leaves the previous output in place.
    planner_src = c.project / "agents" / "planner.md"
    planner_text = planner_src.read_text()
    rendered_before = c.output("agents/planner.md").read_bytes()
    planner_src.write_text(planner_text.replace("../snippets/safety.md",
                                                "../snippets/missing.md"))
    # Ninja keeps going (-k 0), so the error is printed twice if any other
    # step renders the agent before it has rendered (the mcp target did).
    rendered, result = c.build(expect_ok=False, keep_going=True)
    check(result.returncode != 0, "a broken agent did not fail the build")
    errors = re.findall(r"agents/planner\.md:\d+:\d+: error: dependency "
                        r"'\.\./snippets/missing\.md' not found",
                        result.stdout + result.stderr)
    check(len(errors) == 1,
          "the broken agent's error is printed %d times, not once:\n%s%s"
          % (len(errors), result.stdout, result.stderr))
    check(c.output("agents/planner.md").read_bytes() == rendered_before,
          "the failed render changed the previous output")
    planner_src.write_text(planner_text)
    p.step("render error fixed", ["planner"])

    # The build-time check (agentgen_check = true in the sample, the writer
    # left out): a warning fails the build only in a checked agent.
    writer_src = c.project / "agents" / "writer.md"
    writer_text = writer_src.read_text()
    writer_src.write_text(writer_text.replace("tools:", "colour: blue\ntools:"))
    p.step("a warning in the unchecked writer: the build passes", ["writer"],
           downstream=True)
    reviewer_src = c.project / "agents" / "reviewer.md"
    reviewer_text = reviewer_src.read_text()
    reviewer_src.write_text(reviewer_text.replace("tools:", "colour: red\ntools:"))
    for attempt in ("first", "second"):
        rendered, result = c.build(expect_ok=False)
        said = result.stdout + result.stderr
        warnings = re.findall(r"agents/reviewer\.md:\d+:\d+: warning: unknown key 'colour'",
                              said)
        check(result.returncode != 0 and len(warnings) == 1,
              "%s build with a warning in the checked reviewer: exit %d, %d warnings\n%s"
              % (attempt, result.returncode, len(warnings), said))
        check(rendered == (["reviewer"] if attempt == "first" else []),
              "%s build with the warning rendered %s" % (attempt, rendered))
    print("ok    a warning in a checked agent fails the build, once per build, "
          "until it is fixed")
    writer_src.write_text(writer_text)
    reviewer_src.write_text(reviewer_text)
    p.step("warnings fixed", ["reviewer", "writer"], downstream=True)

    # meson test: the agents-check test passes (built prerequisites first).
    env = {k: v for k, v in c.env.items() if k != "AGENTGEN_TRACE"}
    result = run(["meson", "test", "-C", c.build_dir, "--suite", "agents"], env)
    check(re.search(r"^Ok:\s+2\s*$", result.stdout, re.M),
          "meson test did not pass agents-check and check-command-release:\n"
          + result.stdout)
    print("ok    meson test --suite agents: agents-check, check-command-release passed")

    # meson install: the rendered agents, not their manifests, not agentgen.
    destdir = c.build_dir.parent / "destdir"
    run(["meson", "install", "-C", c.build_dir, "--no-rebuild", "--destdir", destdir], env)
    installed = sorted(str(p.relative_to(destdir)) for p in destdir.rglob("*")
                       if p.is_file())
    prefix = run(["meson", "introspect", "--buildoptions", c.build_dir], env).stdout
    prefix = json.loads(prefix)
    option = {o["name"]: o["value"] for o in prefix}
    folder = Path(option["prefix"].lstrip("/")) / option["datadir"] / "agentgen-meson-sample"
    want = sorted([str(folder / "agents" / (a + ".md")) for a in ALL_AGENTS]
                  + [str(folder / "commands" / (c + ".md")) for c in COMMANDS])
    check(installed == want, "meson install installed %s, not %s" % (installed, want))
    print("ok    meson install: %s/agents: %s; commands: %s"
          % (folder, ", ".join(sorted(ALL_AGENTS)), ", ".join(COMMANDS)))
    return p.steps


def copy_tree(source, destination):
    """A copy of the agentgen source tree as a clone has it: no build folders."""
    def ignore(folder, names):
        if Path(folder) == source:
            return [n for n in names if n.startswith("build") or n in (".git", ".cache")]
        return []
    shutil.copytree(source, destination, symlinks=True, ignore=ignore)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["installed", "subproject"], required=True)
    parser.add_argument("--source-dir", type=Path, required=True,
                        help="agentgen's source tree")
    parser.add_argument("--work-dir", type=Path, required=True,
                        help="scratch folder, emptied first")
    parser.add_argument("--cmake-build-dir", type=Path,
                        help="installed mode: the CMake build to cmake --install")
    parser.add_argument("--agentgen", type=Path,
                        help="installed mode: the agentgen that build produced")
    args = parser.parse_args()

    if shutil.which("meson") is None or shutil.which("ninja") is None:
        print("SKIP: meson or ninja is not installed (scripts/install-deps.sh installs them)")
        return SKIP
    meson_version = subprocess.run(["meson", "--version"], text=True,
                                   stdout=subprocess.PIPE).stdout.strip()
    started = time.monotonic()
    source = args.source_dir.resolve()
    work = args.work_dir.absolute()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    project = work / "project"
    shutil.copytree(source / "samples" / "meson", project)

    # No agentgen but the one under test may be found on PATH.
    path = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if d and not (Path(d) / "agentgen").exists()]
    env = dict(os.environ)
    env.pop("AGENTGEN_TRACE", None)

    if args.mode == "installed":
        check(args.cmake_build_dir and args.agentgen,
              "installed mode needs --cmake-build-dir and --agentgen")
        prefix = work / "prefix"
        run(["cmake", "--install", args.cmake_build_dir, "--prefix", prefix], env)
        installed = prefix / "bin" / "agentgen"
        if not installed.exists():
            # The CMake project has no install rules yet (the CMake packaging
            # issue adds them); install the built executable the same way.
            print("note: cmake --install installed no bin/agentgen; copying %s"
                  % args.agentgen)
            installed.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(args.agentgen, installed)
        env["PATH"] = os.pathsep.join([str(installed.parent)] + path)
        tool_in_ninja = str(installed)

        def rebuild_generator():
            # A newer agentgen installed over the old one.
            shutil.copyfile(args.agentgen, installed)
            return "reinstalled over the old one"
    else:
        subprojects = project / "subprojects"
        subprojects.mkdir()
        copy_tree(source, subprojects / "agentgen-source")
        (subprojects / "agentgen").symlink_to(Path("agentgen-source") / "meson-module")
        shutil.copy(source / "meson-module" / "agentgen.wrap", subprojects)
        env["PATH"] = os.pathsep.join(path)
        tool_in_ninja = "subprojects/agentgen-source/agentgen"

        def rebuild_generator():
            touch(subprojects / "agentgen-source" / "generator" / "main.cc")
            return "main.cc touched, agentgen rebuilt"

    consumer = Consumer(project, work / "build", work / "trace.txt", env)
    consumer.setup()
    # The agents' edges name the agentgen under test as a file dependency
    # (after `|`, not the order-only `||`), so a new agentgen re-renders.
    ninja_file = (consumer.build_dir / "build.ninja").read_text()
    edge = re.search(r"^build agents/reviewer\.md agents/reviewer\.manifest\.json: "
                     r"CUSTOM_COMMAND_DEP (.*)$", ninja_file, re.M)
    check(edge and re.search(r"(^| )\| (.* )?%s( |$)" % re.escape(tool_in_ninja),
                             edge.group(1)),
          "the reviewer edge is not a depfile edge depending on %s:\n%s"
          % (tool_in_ninja, edge.group(0) if edge else "(no CUSTOM_COMMAND_DEP edge)"))
    print("ok    meson %s setup (%s mode): agents depend on %s"
          % (meson_version, args.mode, tool_in_ninja))

    steps = run_protocol(consumer, rebuild_generator)
    print("PASS %s mode: %d steps in %.0fs" % (args.mode, steps, time.monotonic() - started))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAIL: %s" % failure)
        sys.exit(1)
