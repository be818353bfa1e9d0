#!/usr/bin/env python3
"""add_agent() when cross-compiling (CMAKE_CROSSCOMPILING true: the toolchain
file sets CMAKE_SYSTEM_NAME), against the installed package:

- with CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY and a sysroot elsewhere, a plain
  find_package(agentgen) fails; NO_CMAKE_FIND_ROOT_PATH and agentgen_DIR find
  the build machine's package, and the agents render;
- AGENTGEN_EXECUTABLE alone (the module included by path, no package) works;
- a package found in the sysroot names a program for the target system: with
  AGENTGEN_EXECUTABLE, agentgen::agentgen is the build machine's program;
- agentgen's source tree added with add_subdirectory() fails the configure
  without AGENTGEN_EXECUTABLE, with _agentgen_tool's message, and with it
  renders the agents without compiling agentgen.

usage: cross.py --generator G --cmake C --ctest T --prefix P --source DIR --work DIR
"""

import argparse
import os
import pathlib
import shutil
import stat
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check

TOOLCHAIN = """# A cross toolchain as far as find_* and CMAKE_CROSSCOMPILING go.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_FIND_ROOT_PATH "%(sysroot)s")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
"""

# agentgen's own dependencies are found normally: only CMAKE_CROSSCOMPILING
# matters to the vendored case.
VENDOR_TOOLCHAIN = "set(CMAKE_SYSTEM_NAME Linux)\n"

PROJECT = """cmake_minimum_required(VERSION 3.20)
project(cross NONE)
enable_testing()
if(NOT CMAKE_CROSSCOMPILING)
  message(FATAL_ERROR "the toolchain file did not make this a cross build")
endif()
%(get)s
add_agent(a SOURCE a.md)
"""

AGENT = "---\nname: a\ndescription: An agent.\n---\nBody.\n"

# A program the build machine cannot run, as a target system's agentgen is.
FOREIGN = "#!/bin/sh\necho 'cannot execute binary file: Exec format error' >&2\nexit 126\n"


class Cross:
    def __init__(self, args):
        self.args = args
        self.work = support.empty_dir(args.work)
        self.prefix = pathlib.Path(args.prefix)
        self.host_agentgen = self.prefix / "bin/agentgen"
        self.sysroot = self.work / "sysroot"
        self.sysroot.mkdir()
        self.toolchain = self.work / "toolchain.cmake"
        self.toolchain.write_text(TOOLCHAIN % {"sysroot": self.sysroot})
        self.vendor_toolchain = self.work / "vendor-toolchain.cmake"
        self.vendor_toolchain.write_text(VENDOR_TOOLCHAIN)

    def project(self, name, get):
        folder = support.empty_dir(self.work / name)
        (folder / "a.md").write_text(AGENT)
        (folder / "CMakeLists.txt").write_text(PROJECT % {"get": get})
        return folder

    def configure(self, folder, toolchain, options, expect_success=True):
        return support.run([self.args.cmake, "-S", folder, "-B", folder / "build",
                            "-G", self.args.generator, "--toolchain", toolchain] + options,
                           expect_success=expect_success)

    def renders(self, folder, what, target=None):
        builder = support.Build(self.args.cmake, folder / "build", folder / "trace")
        _, output, rendered = builder.build(target=target)
        check(dict(rendered) == {"a": 1}, "%s: the build rendered %s\n%s"
              % (what, dict(rendered), output))
        support.run([self.args.ctest, "--test-dir", folder / "build", "--output-on-failure"])
        print("ok   %s: the agent renders and its check passes" % what)

    def find_package(self):
        prefix_path = "-DCMAKE_PREFIX_PATH=%s" % self.prefix
        folder = self.project("plain", "find_package(agentgen CONFIG REQUIRED)")
        status, output = self.configure(folder, self.toolchain, [prefix_path],
                                        expect_success=False)
        check(status != 0 and "agentgen-config.cmake" in output,
              "a plain find_package() found the build machine's package:\n" + output)
        print("ok   CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY hides the build machine's package")

        folder = self.project("no-root-path",
                              "find_package(agentgen CONFIG REQUIRED NO_CMAKE_FIND_ROOT_PATH)")
        self.configure(folder, self.toolchain, [prefix_path])
        self.renders(folder, "find_package(... NO_CMAKE_FIND_ROOT_PATH)")

        folder = self.project("agentgen-dir", "find_package(agentgen CONFIG REQUIRED)")
        self.configure(folder, self.toolchain,
                       ["-Dagentgen_DIR=%s" % (self.prefix / "lib/cmake/agentgen")])
        self.renders(folder, "-Dagentgen_DIR=<prefix>/lib/cmake/agentgen")

    def executable_alone(self):
        module = self.prefix / "lib/cmake/agentgen/AddAgent.cmake"
        folder = self.project("executable", 'include("%s")\n'
                              'if(TARGET agentgen::agentgen)\n'
                              '  message(FATAL_ERROR "agentgen::agentgen exists")\n'
                              'endif()' % module)
        self.configure(folder, self.toolchain,
                       ["-DAGENTGEN_EXECUTABLE=%s" % self.host_agentgen])
        self.renders(folder, "AGENTGEN_EXECUTABLE alone")

    def package_for_the_target(self):
        """The sysroot holds agentgen's package built for the target system."""
        target_prefix = self.sysroot / "usr"
        shutil.copytree(self.prefix, target_prefix)
        foreign = target_prefix / "bin/agentgen"
        foreign.write_text(FOREIGN)
        foreign.chmod(foreign.stat().st_mode | stat.S_IXUSR)
        get = ("find_package(agentgen CONFIG REQUIRED)\n"
               "get_target_property(location agentgen::agentgen IMPORTED_LOCATION)\n"
               'message(STATUS "agentgen::agentgen=${location}")')

        folder = self.project("target-package", get)
        self.configure(folder, self.toolchain, [])
        builder = support.Build(self.args.cmake, folder / "build", folder / "trace")
        status, output, _ = builder.build(expect_success=False)
        check(status != 0 and "Exec format error" in output,
              "the target system's agentgen ran:\n" + output)
        print("ok   without AGENTGEN_EXECUTABLE, the sysroot's agentgen is run (and fails)")

        folder = self.project("target-package-executable", get)
        _, output = self.configure(folder, self.toolchain,
                                   ["-DAGENTGEN_EXECUTABLE=%s" % self.host_agentgen])
        check("agentgen::agentgen=%s" % self.host_agentgen in output,
              "agentgen::agentgen is not AGENTGEN_EXECUTABLE:\n" + output)
        self.renders(folder, "the sysroot's package with AGENTGEN_EXECUTABLE")

    def vendored(self):
        get = 'add_subdirectory("%s" agentgen)' % pathlib.Path(self.args.source).as_posix()
        folder = self.project("vendored", get)
        status, output = self.configure(folder, self.vendor_toolchain, [],
                                        expect_success=False)
        expected = ("add_agent(a): agentgen is built in this tree, for the target "
                    "system (CMAKE_CROSSCOMPILING), and cannot run at build time")
        check(status != 0 and expected in " ".join(output.split()),
              "a vendored agentgen without AGENTGEN_EXECUTABLE:\n" + output)
        print("ok   a vendored agentgen without AGENTGEN_EXECUTABLE fails the configure")

        folder = self.project("vendored-executable", get)
        self.configure(folder, self.vendor_toolchain,
                       ["-DAGENTGEN_EXECUTABLE=%s" % self.host_agentgen])
        self.renders(folder, "a vendored agentgen with AGENTGEN_EXECUTABLE", target="agents")
        built = [path for path in (folder / "build").rglob("agentgen")
                 if path.is_file() and os.access(path, os.X_OK)]
        check(not built, "rendering the agents compiled agentgen: %s" % built)
        print("ok   ... without compiling agentgen")


def main():
    parser = argparse.ArgumentParser()
    for option in ("generator", "cmake", "ctest", "prefix", "source", "work"):
        parser.add_argument("--" + option, required=True)
    cross = Cross(parser.parse_args())
    try:
        cross.find_package()
        cross.executable_alone()
        cross.package_for_the_target()
        cross.vendored()
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
