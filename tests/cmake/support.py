"""What the CMake integration tests share: copying trees, running builds and
counting renders with AGENTGEN_TRACE."""

import collections
import os
import pathlib
import shutil
import subprocess
import sys
import time


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(command, cwd=None, env=None, expect_success=True):
    """Runs a command, returns (exit status, stdout and stderr together)."""
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    if expect_success and result.returncode != 0:
        raise Failure("`%s` exited with %d:\n%s" % (
            " ".join(str(part) for part in command), result.returncode,
            result.stdout))
    return result.returncode, result.stdout


def empty_dir(path):
    path = pathlib.Path(path)
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def fresh_copy(source, destination, names=None):
    """Copies a tree (or only the listed relative paths of it) to a folder
    emptied first: tests never touch the source tree."""
    destination = pathlib.Path(destination)
    if destination.exists():
        shutil.rmtree(destination)
    if names is None:
        shutil.copytree(source, destination)
        return destination
    for name in names:
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(pathlib.Path(source) / name, target)
    return destination


def source_files(tree):
    """The files of agentgen's source tree a clone holds: git's list when the
    tree is a checkout (build folders excluded however they are named),
    otherwise everything but build folders."""
    status, listing = run(["git", "-C", tree, "ls-files", "--cached", "--others",
                           "--exclude-standard", "-z"], expect_success=False)
    if status == 0:
        return [name for name in listing.split("\0")
                if name and (pathlib.Path(tree) / name).is_file()]
    names = []
    for path in sorted(pathlib.Path(tree).rglob("*")):
        relative = path.relative_to(tree)
        if relative.parts[0].startswith(("build", ".git")):
            continue
        if path.is_file():
            names.append(str(relative))
    return names


def touch(path):
    # A coarse file-system clock could give the touched file the same
    # timestamp as an output written a moment before; wait it out.
    time.sleep(0.05)
    pathlib.Path(path).touch()


def edit(path, old, new):
    time.sleep(0.05)
    path = pathlib.Path(path)
    text = path.read_text()
    check(old in text, "%s does not contain %r" % (path, old))
    path.write_text(text.replace(old, new, 1))


class Build:
    """A configured build folder whose builds are traced."""

    def __init__(self, cmake, build_dir, trace):
        self.cmake = cmake
        self.build_dir = pathlib.Path(build_dir)
        self.trace = pathlib.Path(trace)

    def build(self, expect_success=True, target=None, config=None):
        """Builds; returns (exit status, output, Counter of rendered agents)."""
        if self.trace.exists():
            self.trace.unlink()
        env = dict(os.environ, AGENTGEN_TRACE=str(self.trace))
        command = [self.cmake, "--build", self.build_dir, "-j2"]
        if target:
            command += ["--target", target]
        if config:
            command += ["--config", config]
        status, output = run(command, env=env, expect_success=expect_success)
        rendered = collections.Counter()
        if self.trace.exists():
            for line in self.trace.read_text().splitlines():
                rendered[pathlib.PurePath(line).stem] += 1
        return status, output, rendered


def report(failures, passed):
    for name in passed:
        print("ok   %s" % name)
    for name, message in failures:
        print("FAIL %s: %s" % (name, message), file=sys.stderr)
    return 1 if failures else 0
