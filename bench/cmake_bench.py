#!/usr/bin/env python3
"""Times add_agent() at scale (docs/performance.md, "add_agent() at scale").

Writes a seeded project of N agents that share about 20 snippets (each agent
embeds 2 or 3 of them, a quarter of the snippets embed another one) and a
CMakeLists.txt that calls add_agent() once per agent, then, for each
generator, round by round:

  floor      the build's own `agentgen render` commands (read from the
             generated build files, so exactly the module's arguments), one
             process per agent through `xargs -P2`, outputs deleted first
  configure  `cmake -S -B -G` into an empty build folder (not in the ratio)
  cold       `cmake --build -j2` right after that configure
  no-op      `cmake --build -j2` again, nothing to do

and once, as a reference, one batch `agentgen render --out-dir` of every
agent. It also runs the first few agents' build steps one by one, whole
(`sh -c` of the generator's command) and their render alone, to show what a
step costs beyond the render. Wall and CPU (user + system of the process and
every descendant it waited for) are medians over the rounds; the ratios are
medians of the per-round ratios to the floor.

usage: cmake_bench.py --agentgen EXE --module DIR [--agents N] [--rounds R]
                      [--generators G,G] [--json] [--keep DIR]
"""
import argparse
import json
import os
import pathlib
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GENERATORS = {"ninja": "Ninja", "make": "Unix Makefiles"}

TOPICS = ("safety style tone testing review security logging errors naming "
          "docs commits performance api_design dependencies ci releases "
          "accessibility i18n data_privacy incident").split()

WORDS = ("agent build cache depfile render snippet template review test "
         "latency schema manifest project context error located incremental "
         "target output input graph change reader branch").split()

CMAKELISTS = """cmake_minimum_required(VERSION 3.20)
project(add_agent_bench NONE)
enable_testing()
add_executable(agentgen::agentgen IMPORTED)
set_target_properties(agentgen::agentgen PROPERTIES IMPORTED_LOCATION "%(agentgen)s")
include("%(module)s/AddAgent.cmake")
file(STRINGS agents.txt agent_names)
foreach(agent IN LISTS agent_names)
  add_agent(${agent} SOURCE agents/${agent}.md)
endforeach()
"""


def prose(rng, size):
    lines, length = [], 0
    while length < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16)))
        line = ("- " + line) if rng.random() < 0.3 else line.capitalize() + "."
        lines.append(line)
        length += len(line) + 1
    return "\n".join(lines) + "\n"


def snippet_text(rng, topic, embedded):
    if embedded is None:
        return "## %s\n\n%s" % (topic, prose(rng, rng.randint(600, 2000)))
    return ("---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n"
            "    - path: ./%s.md\n---\n## %s\n\n%s\n{{ agpm.deps.snippets.%s.content }}\n"
            % (embedded, topic, prose(rng, rng.randint(600, 2000)), embedded))


def agent_text(rng, name, topics):
    deps = "".join("    - path: ../snippets/%s.md\n" % topic for topic in topics)
    uses = "\n\n".join("{{ agpm.deps.snippets.%s.content }}" % t for t in topics)
    return ("---\nname: %s\ndescription: Helps with %s in {{ agpm.project.language }}\n"
            "agpm:\n  templating: true\ndependencies:\n  snippets:\n%s---\n"
            "You work on {{ agpm.project.language }} code.\n\n%s\n%s\n"
            % (name, " and ".join(topics), deps, prose(rng, rng.randint(400, 1500)), uses))


def write_project(folder, agents, agentgen, module, seed=1):
    """The project's files; returns the agents' names."""
    rng = random.Random(seed)
    (folder / "snippets").mkdir(parents=True)
    (folder / "agents").mkdir()
    for index, topic in enumerate(TOPICS):
        # Only a later topic is embedded, so there are no cycles.
        embedded = None
        if index + 1 < len(TOPICS) and index % 4 == 1:
            embedded = TOPICS[rng.randint(index + 1, len(TOPICS) - 1)]
        (folder / "snippets" / (topic + ".md")).write_text(snippet_text(rng, topic, embedded))
    names = ["agent%05d" % index for index in range(agents)]
    for name in names:
        topics = rng.sample(TOPICS, rng.choice((2, 3)))
        (folder / "agents" / (name + ".md")).write_text(agent_text(rng, name, topics))
    (folder / "agents.txt").write_text("\n".join(names) + "\n")
    (folder / "agpm.toml").write_text('[project]\nlanguage = "C++"\n')
    (folder / "CMakeLists.txt").write_text(
        CMAKELISTS % {"agentgen": agentgen, "module": module})
    return names


def timed(command, cwd=None):
    """Wall and CPU seconds of one run; CPU counts every descendant waited for."""
    start = time.perf_counter()
    process = subprocess.Popen([str(part) for part in command], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.stdout.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.stdout.write(output.decode(errors="replace")[-4000:])
        raise SystemExit("failed (%d): %s" % (process.returncode,
                                              " ".join(str(p) for p in command)))
    return wall, usage.ru_utime + usage.ru_stime


def build_steps(generator, build_dir):
    """The shell command of every agent's build step, as the generator wrote it."""
    if generator == "Ninja":
        listing = subprocess.run(["ninja", "-C", str(build_dir), "-t", "commands"],
                                 check=True, capture_output=True, text=True).stdout
        steps = [line for line in listing.splitlines() if " render " in line]
    else:
        steps = []
        for build_make in sorted((build_dir / "CMakeFiles").glob("agent_*.dir/build.make")):
            for line in build_make.read_text().splitlines():
                if line.startswith("\t") and " render " in line:
                    steps.append(line.strip().replace("$$", "$"))
    if not steps:
        raise SystemExit("no render command in the %s build files of %s" % (generator, build_dir))
    return steps


def render_arguments(step):
    """The arguments after `agentgen` of a step's render command."""
    for part in step.split(" && "):
        words = shlex.split(part)
        if len(words) > 1 and words[1] == "render" and os.path.basename(words[0]) == "agentgen":
            return words[1:]
    raise SystemExit("no agentgen render in: " + step)


def outputs_of(arguments, build_dir):
    """The files a render writes: its output, manifest and depfile (the steps
    run in the build folder)."""
    return [os.path.join(build_dir, arguments[arguments.index(flag) + 1])
            for flag in ("-o", "--manifest", "--depfile") if flag in arguments]


def remove(paths):
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def per_step_cost(steps, agentgen, build_dir, count):
    """CPU ms per agent of the first `count` steps run whole and of their render alone."""
    whole, render = [], []
    for step in steps[:count]:
        arguments = render_arguments(step)
        remove(outputs_of(arguments, build_dir))
        whole.append(timed(["sh", "-c", step], cwd=build_dir)[1])
        remove(outputs_of(arguments, build_dir))
        render.append(timed([agentgen] + arguments, cwd=build_dir)[1])
    return 1000 * statistics.median(whole), 1000 * statistics.median(render)


def medians(values):
    return {"wall_s": statistics.median(v[0] for v in values),
            "cpu_s": statistics.median(v[1] for v in values)}


def median_ratios(values, floor):
    return {"wall": statistics.median(v[0] / f[0] for v, f in zip(values, floor)),
            "cpu": statistics.median(v[1] / f[1] for v, f in zip(values, floor))}


def time_batch(agentgen, names, source, out, rounds):
    """One `agentgen render --out-dir` of every agent, for reference."""
    batch = [agentgen, "render"] + ["agents/%s.md" % name for name in names] + [
        "--out-dir", out, "--root", source]
    times = []
    for _ in range(rounds):
        shutil.rmtree(out, ignore_errors=True)
        times.append(timed(batch, cwd=source))
    return medians(times)


def time_floor(steps, agentgen, build_dir):
    """The steps' renders alone, one process each through `xargs -P2`, cold."""
    renders = [render_arguments(step) for step in steps]
    for arguments in renders:
        remove(outputs_of(arguments, build_dir))
    lines = build_dir / "render-arguments.txt"
    lines.write_text("".join(" ".join(shlex.quote(a) for a in arguments) + "\n"
                             for arguments in renders))
    times = timed(["xargs", "-P2", "-L1", "-a", lines, agentgen], cwd=build_dir)
    missing = [path for arguments in renders for path in outputs_of(arguments, build_dir)
               if not os.path.exists(path)]
    if missing:
        raise SystemExit("the floor did not write %s" % missing[0])
    return times


def time_generator(generator, cmake, agentgen, source, build_dir, agents, args):
    """Rounds of configure, cold build, no-op build and floor with one generator."""
    times = {"floor": [], "configure": [], "cold": [], "noop": []}
    per_step = None
    for _ in range(args.rounds):
        shutil.rmtree(build_dir, ignore_errors=True)
        times["configure"].append(timed([cmake, "-S", source, "-B", build_dir, "-G", generator]))
        times["cold"].append(timed([cmake, "--build", build_dir, "-j2"]))
        rendered = len(list((build_dir / "agents").glob("*.md")))
        if rendered != agents:
            raise SystemExit("the cold build rendered %d of %d agents" % (rendered, agents))
        times["noop"].append(timed([cmake, "--build", build_dir, "-j2"]))

        steps = build_steps(generator, build_dir)
        if len(steps) != agents:
            raise SystemExit("%d render steps for %d agents" % (len(steps), agents))
        times["floor"].append(time_floor(steps, agentgen, build_dir))
        if per_step is None:
            per_step = per_step_cost(steps, agentgen, build_dir, args.steps)
    return {
        "median": {key: medians(values) for key, values in times.items()},
        "ratio": {key: median_ratios(values, times["floor"]) for key, values in times.items()},
        "step_cpu_ms": per_step[0], "render_cpu_ms": per_step[1],
        "example_step": steps[0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--agentgen", required=True, help="the agentgen executable")
    parser.add_argument("--module", required=True, help="a cmake-module folder")
    parser.add_argument("--agents", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--generators", default="ninja,make",
                        help="comma-separated: ninja, make")
    parser.add_argument("--steps", type=int, default=40,
                        help="agents whose build step is also timed alone")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--keep", help="write the project here and keep it")
    args = parser.parse_args()
    agentgen = os.path.abspath(args.agentgen)
    module = os.path.abspath(args.module)
    if not os.path.isfile(os.path.join(module, "AddAgent.cmake")):
        raise SystemExit("%s has no AddAgent.cmake" % module)
    chosen = [name.strip() for name in args.generators.split(",")]
    unknown = [name for name in chosen if name not in GENERATORS]
    if unknown:
        parser.error("--generators: unknown %s (use ninja, make)" % ", ".join(unknown))
    generators = [GENERATORS[name] for name in chosen]
    cmake = shutil.which("cmake")
    version = subprocess.run([cmake, "--version"], capture_output=True,
                             text=True).stdout.split("\n")[0]

    work = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="agentgen-cmake-bench-"))
    if args.keep and work.exists():
        shutil.rmtree(work)
    try:
        source = work / "src"
        names = write_project(source, args.agents, agentgen, module)
        load_before = os.getloadavg()
        results = {"agents": args.agents, "rounds": args.rounds, "cmake": version,
                   "module": module, "agentgen": agentgen,
                   "cores": os.cpu_count(), "generators": {}}

        results["batch"] = time_batch(agentgen, names, source, work / "batch", args.rounds)
        for generator in generators:
            build_dir = work / ("build-" + generator.split()[0].lower())
            results["generators"][generator] = time_generator(
                generator, cmake, agentgen, source, build_dir, len(names), args)
        results["load"] = {"before": load_before, "after": os.getloadavg()}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        report(results)
    return 0


ROWS = (("floor", "`agentgen render` per agent, `xargs -P2` (the floor)"),
        ("cold", "cold build, `-j2`"),
        ("noop", "no-op build"),
        ("configure", "configure (not in the ratio)"))


def report(results):
    print("add_agent() benchmark, %s, %d cores, %s, %s; %d agents, %d rounds, medians"
          % (time.strftime("%Y-%m-%d"), results["cores"], platform.platform(),
             results["cmake"], results["agents"], results["rounds"]))
    print("load average (1, 5, 15 min): before %s, after %s" % tuple(
        ", ".join("%.2f" % x for x in results["load"][when]) for when in ("before", "after")))
    print("module %s" % results["module"])
    print()
    print("| generator | workload | wall | ratio | CPU | ratio |")
    print("|---|---|---|---|---|---|")
    wall, cpu = results["batch"]["wall_s"], results["batch"]["cpu_s"]
    print("| - | one batch `agentgen render --out-dir` | %.2f s | | %.2f s | |" % (wall, cpu))
    for generator, figures in results["generators"].items():
        for key, label in ROWS:
            wall, cpu = figures["median"][key]["wall_s"], figures["median"][key]["cpu_s"]
            wall_ratio, cpu_ratio = figures["ratio"][key]["wall"], figures["ratio"][key]["cpu"]
            print("| %s | %s | %.2f s | %.2f | %.2f s | %.2f |"
                  % (generator, label, wall, wall_ratio, cpu, cpu_ratio))
    print()
    for generator, figures in results["generators"].items():
        agents = results["agents"]
        print("%s: cold build / floor = %.2f (wall), %.2f (CPU)"
              % (generator, figures["ratio"]["cold"]["wall"], figures["ratio"]["cold"]["cpu"]))
        print("  CPU per agent: cold build %.1f ms, floor %.1f ms, no-op build %.2f ms; "
              "one build step run alone %.1f ms, its render alone %.1f ms"
              % (1000 * figures["median"]["cold"]["cpu_s"] / agents,
                 1000 * figures["median"]["floor"]["cpu_s"] / agents,
                 1000 * figures["median"]["noop"]["cpu_s"] / agents,
                 figures["step_cpu_ms"], figures["render_cpu_ms"]))
        print("  step: %s" % figures["example_step"])


if __name__ == "__main__":
    sys.exit(main())
