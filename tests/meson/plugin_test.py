#!/usr/bin/env python3
"""Meson integration test of the plugin recipe: samples/meson-plugin.

Copies the sample, builds it with Meson (agentgen on PATH) and checks the
plugin folder build/plugin/: plugin.json from the manifest's table, the agent
and the command rendered with the snippet they embed, no snippet of its own.
A second build does nothing; a snippet edit runs the sync, which rewrites
exactly the two files that embed it, with no reconfigure. `meson test` runs
both checks and passes; it fails after a hand edit in the plugin folder (and
the build that would overwrite it fails with sync's message) and after a
plugin.json field of the wrong type.

Exit status: 0 pass, 1 fail, 77 skip (meson or ninja is not installed).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

SKIP = 77


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(cmd, env, expect_ok=True):
    result = subprocess.run([str(c) for c in cmd], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if expect_ok and result.returncode != 0:
        raise Failure("command failed (exit %d): %s\n%s"
                      % (result.returncode, " ".join(map(str, cmd)), result.stdout))
    return result


def edit(path, old, new):
    # A coarse file-system clock could give the edit the stamp's time.
    time.sleep(0.05)
    text = path.read_text()
    check(old in text, "%s does not contain %r" % (path, old))
    path.write_text(text.replace(old, new, 1))


class Sample:
    def __init__(self, root, env, trace):
        self.root = root
        self.build_dir = root / "build"
        self.plugin = self.build_dir / "plugin"
        self.env = env
        self.trace = trace

    def build(self, expect_ok=True):
        """One ninja run; returns (what sync wrote, output): the stem of each
        source whose output it wrote, and a generated file's table
        ("[plugins.test-kit]" for plugin.json)."""
        if self.trace.exists():
            self.trace.unlink()
        env = dict(self.env, AGENTGEN_TRACE=str(self.trace))
        result = run(["ninja", "-C", self.build_dir], env, expect_ok=expect_ok)
        lines = self.trace.read_text().splitlines() if self.trace.exists() else []
        return sorted(line if line.startswith("[") else Path(line).stem
                      for line in lines), result

    def step(self, name, expected):
        """A build that syncs and writes `expected`, then one with no work."""
        written, result = self.build()
        check("Generating agentgen-plugin" in result.stdout, "%s: no sync ran\n%s"
              % (name, result.stdout))
        check(written == sorted(expected), "%s: sync wrote %s, expected %s"
              % (name, written, sorted(expected)))
        check("Regenerating" not in result.stdout, "%s: the build reconfigured" % name)
        again, result = self.build()
        check(again == [] and "no work to do" in result.stdout,
              "%s: the second build did work\n%s" % (name, result.stdout))
        print("ok   %s" % name)

    def meson_test(self, expect_ok):
        result = run(["meson", "test", "-C", self.build_dir, "--suite", "agents"],
                     self.env, expect_ok=False)
        log = (self.build_dir / "meson-logs/testlog.txt").read_text()
        check((result.returncode == 0) == expect_ok, "meson test %s:\n%s\n%s"
              % ("failed" if expect_ok else "passed", result.stdout, log))
        return log


def protocol(sample):
    r = sample.root
    sample.step("fresh build writes the plugin", ["[plugins.test-kit]", "tester", "cover"])
    files = sorted(str(p.relative_to(sample.plugin)) for p in sample.plugin.rglob("*")
                   if p.is_file() and not p.name.startswith(".agentgen-sync"))
    check(files == [".claude-plugin/plugin.json", "agents/tester.md", "commands/cover.md"],
          "the plugin holds %s" % files)
    manifest = json.loads((sample.plugin / ".claude-plugin/plugin.json").read_text())
    check(list(manifest) == ["name", "description", "author"]
          and manifest["name"] == "test-kit", "plugin.json: %s" % manifest)
    tester = (sample.plugin / "agents/tester.md").read_text()
    check("You write Python tests" in tester and "## Tests" in tester,
          "the agent was not rendered with its snippet:\n" + tester)
    print("ok   build/plugin/ holds plugin.json, the agent and the command, no snippet")

    edit(r / "snippets/testing.md", "is not a test", "proves nothing")
    sample.step("edit the snippet: the agent and the command rewritten", ["tester", "cover"])
    edit(r / "agents/tester.md", "then run them", "then run them all")
    sample.step("edit the agent", ["tester"])

    log = sample.meson_test(expect_ok=True)
    check("agentgen-plugin-check" in log and "agentgen-plugin-sync-check" in log,
          "meson test did not run both checks:\n" + log)
    print("ok   meson test: sync --check and check --type plugin pass")

    out = sample.plugin / "agents/tester.md"
    good = out.read_text()
    out.write_text(good + "A hand edit.\n")
    log = sample.meson_test(expect_ok=False)
    check("hand-edited: agents/tester.md" in log, "the check does not name the hand edit:\n"
          + log)
    edit(r / "agents/tester.md", "then run them all", "then run them")
    written, result = sample.build(expect_ok=False)
    check(result.returncode != 0 and "edited by hand" in result.stdout and written == [],
          "a build over the hand edit did not fail with sync's message:\n" + result.stdout)
    check(out.read_text() == good + "A hand edit.\n", "the failed build changed the plugin")
    out.write_text(good)
    sample.step("hand edit reverted: the build writes the agent", ["tester"])
    sample.meson_test(expect_ok=True)
    print("ok   a hand edit fails meson test and the build, and is kept")

    edit(r / "agpm.toml", 'author = { name = "QA team" }', 'author = "QA team"')
    written, result = sample.build(expect_ok=False)
    check(result.returncode != 0 and "author" in result.stdout,
          "an author that is not a table did not fail the sync:\n" + result.stdout)
    edit(r / "agpm.toml", 'author = "QA team"', 'author = { name = "QA team" }')
    sample.step("a plugin.json field of the wrong type fails the build; fixed", [])
    edit(r / "agpm.toml", '"Writes and runs Python tests"', '"Writes and runs tests"')
    sample.step("edit the plugin's description: plugin.json alone", ["[plugins.test-kit]"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, required=True,
                        help="agentgen's source tree")
    parser.add_argument("--work-dir", type=Path, required=True,
                        help="scratch folder, emptied first")
    parser.add_argument("--agentgen", type=Path, required=True,
                        help="the agentgen to install on PATH")
    args = parser.parse_args()
    if shutil.which("meson") is None or shutil.which("ninja") is None:
        print("SKIP: meson or ninja is not installed (scripts/install-deps.sh installs them)")
        return SKIP
    work = args.work_dir.absolute()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    root = work / "sample"
    shutil.copytree(args.source_dir.resolve() / "samples" / "meson-plugin", root)
    bin_dir = work / "bin"
    bin_dir.mkdir()
    shutil.copy2(args.agentgen, bin_dir / "agentgen")
    path = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if d and not (Path(d) / "agentgen").exists()]
    env = dict(os.environ, PATH=os.pathsep.join([str(bin_dir)] + path))
    env.pop("AGENTGEN_TRACE", None)
    sample = Sample(root, env, work / "trace.txt")
    run(["meson", "setup", sample.build_dir, root], env)
    protocol(sample)
    print("PASS plugin recipe")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as failure:
        print("FAIL: %s" % failure)
        sys.exit(1)
