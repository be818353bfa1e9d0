#!/usr/bin/env python3
"""samples/cmake consuming agentgen's source tree by add_subdirectory() or
FetchContent (of a local copy): the project configures, builds every agent
once, passes its ctest, and gets none of agentgen's own tests or install rules;
rebuilding the generator then renders every agent again.

usage: consume.py --mode add_subdirectory|FetchContent --generator G
                  --cmake C --ctest T --source DIR --sample DIR --work DIR
"""

import argparse
import collections
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check

ALL = collections.Counter({"reviewer": 1, "planner": 1, "writer": 1, "tester": 1})


def cache_value(build_dir, name):
    text = (build_dir / "CMakeCache.txt").read_text()
    match = re.search(r"^%s:[A-Z]+=(.*)$" % re.escape(name), text, re.MULTILINE)
    return match.group(1) if match else None


def twice(builder, expected, what):
    _, output, rendered = builder.build()
    check(rendered == expected, "%s: rendered %s, expected %s\n%s" % (
        what, dict(rendered), dict(expected), output))
    _, output, rendered = builder.build()
    check(not rendered, "%s: the second build rendered %s\n%s" % (
        what, dict(rendered), output))
    print("ok   %s" % what)


def main():
    parser = argparse.ArgumentParser()
    for option in ("mode", "generator", "cmake", "ctest", "source", "sample", "work"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    work = support.empty_dir(args.work)
    try:
        tree = support.fresh_copy(args.source, work / "agentgen",
                                  support.source_files(args.source))
        sample = support.fresh_copy(args.sample, work / "sample")
        build_dir = work / "build"
        # No build type: the parent project's choice (none) must stand.
        support.run([args.cmake, "-S", sample, "-B", build_dir, "-G", args.generator,
                     "-DAGENTGEN_CONSUME=" + args.mode,
                     "-DAGENTGEN_SOURCE_TREE=" + str(tree)])
        for option in ("AGENTGEN_TESTS", "AGENTGEN_WARNINGS", "AGENTGEN_INSTALL"):
            check(cache_value(build_dir, option) == "OFF",
                  "%s is %s in a parent project" % (option, cache_value(build_dir, option)))
        check(cache_value(build_dir, "CMAKE_BUILD_TYPE") in ("", None),
              "agentgen changed the parent's build type to %s"
              % cache_value(build_dir, "CMAKE_BUILD_TYPE"))
        print("ok   tests, warnings and install default off; the build type is the parent's")

        builder = support.Build(args.cmake, build_dir, work / "trace")
        twice(builder, ALL, "the first build renders every agent once")

        _, listing = support.run([args.ctest, "--test-dir", build_dir, "-N"])
        names = re.findall(r"Test +#\d+: (\S+)", listing)
        check(sorted(names) == ["agentgen.check.planner", "agentgen.check.reviewer",
                                "agentgen.check.tester", "agentgen.check.writer"],
              "ctest lists %s" % names)
        support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
        print("ok   ctest runs the four agent checks and passes")

        prefix = work / "prefix"
        support.run([args.cmake, "--install", build_dir, "--prefix", prefix])
        installed = sorted(str(p.relative_to(prefix)) for p in prefix.rglob("*")
                           if p.is_file())
        expected = ["share/agentgen_sample/agents/%s.md" % name
                    for name in ("planner", "reviewer", "tester", "writer")]
        check(installed == expected, "installing the parent installed %s" % installed)
        print("ok   installing the parent installs its agents and nothing of agentgen")

        # The copy FetchContent made is the one this build compiles.
        generator_tree = tree if args.mode == "add_subdirectory" else \
            build_dir / "_deps/agentgen-src"
        support.touch(generator_tree / "generator/main.cc")
        twice(builder, ALL, "rebuilding the generator renders every agent again")
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
