#!/usr/bin/env python3
"""add_agent_plugin() on samples/plugin-project, on one CMake generator, and
docs/publish-a-plugin.md quoting that sample.

Every fenced block of the page whose preceding line is "File `PATH`:" must be
the bytes of that file of the source tree. Then a copy of the sample is built
against the installed package: the plugin folder holds the rendered agents and
command, the script (still executable), hooks/hooks.json running it through
${CLAUDE_PLUGIN_ROOT}, and plugin.json with the manifest's version, and no
snippet. A second build runs no sync; a snippet edit rewrites exactly the
agents that embed it. `ctest` runs both tests and passes; it fails after a hand
edit in the plugin folder, without a build, and after a version that is not
semver (the check test's WERROR). `cmake --install` copies the plugin with its
permission bits. Then the page's [marketplace] table makes the folder a
marketplace: the plugin moves to plugins/review-kit/, and the check test
checks the marketplace. Last, the page's committed marketplace (its
add_agent_plugin() call with DESTINATION .) builds into the source folder, and
ctest fails on a stale source there without a build.

usage: plugin_forms.py --generator G --cmake C --ctest T --prefix P
                       --sample DIR --doc FILE --work DIR
"""

import argparse
import collections
import json
import os
import pathlib
import re
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check, edit

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
FILE_MARK = re.compile(r"^File `([^`]+)`:$")

PLUGIN_FILES = [".claude-plugin/plugin.json", "agents/planner.md", "agents/reviewer.md",
                "commands/review.md", "hooks/hooks.json", "scripts/format-check.sh"]


def doc_quotes_sample(args):
    """Every "File `samples/...`:" block of the page is that file."""
    doc = pathlib.Path(args.doc).read_text(encoding="utf-8")
    repository = pathlib.Path(args.sample).resolve().parent.parent
    quoted = []
    for fence in FENCE.finditer(doc):
        before = doc[:fence.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = FILE_MARK.match(before)
        if not mark:
            continue
        path = mark.group(1)
        check(path.startswith("samples/"), "the page marks %s, not a sample's file" % path)
        actual = (repository / path).read_text(encoding="utf-8")
        check(fence.group(2) == actual, "the page's %s differs from the file" % path)
        quoted.append(path)
    for needed in ("CMakeLists.txt", "agpm.toml", "hooks/format-check.json"):
        check("samples/plugin-project/" + needed in quoted,
              "the page does not quote the sample's %s: %s" % (needed, quoted))
    print("ok   the page quotes %s exactly" % ", ".join(quoted))


def doc_block(args, language, first_line):
    """The text of the page's one block of `language` starting with `first_line`."""
    doc = pathlib.Path(args.doc).read_text(encoding="utf-8")
    found = [fence.group(2) for fence in FENCE.finditer(doc)
             if fence.group(1) == language and fence.group(2).startswith(first_line)]
    check(len(found) == 1, "the page has %d %s blocks starting %r"
          % (len(found), language, first_line))
    return found[0]


def plugin_files(folder):
    """The files below folder, relative, but sync's state and lock files."""
    folder = pathlib.Path(folder)
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if path.is_file() and not path.name.startswith(".agentgen-sync"))


class Protocol:
    def __init__(self, args):
        self.args = args
        self.ninja = args.generator.startswith("Ninja")
        self.work = support.empty_dir(args.work)
        self.src = support.fresh_copy(args.sample, self.work / "sample")
        self.build_dir = self.src / "build"
        self.builder = support.Build(args.cmake, self.build_dir, self.work / "trace")
        self.stamp = self.build_dir / "agentgen/sync/plugin-review-kit.stamp"
        self.plugin = self.build_dir / "plugins/review-kit"

    def stamp_time(self):
        return self.stamp.stat().st_mtime_ns if self.stamp.exists() else None

    def step(self, name, expected):
        """A build that must sync and write exactly `expected` (source stems),
        then one that must do nothing."""
        before = self.stamp_time()
        _, output, written = self.builder.build()
        check(self.stamp_time() != before, "%s: no sync ran\n%s" % (name, output))
        if expected is not None:
            check(written == collections.Counter(expected), "%s: wrote %s, expected %s\n%s"
                  % (name, dict(written), sorted(expected), output))
        self.no_op(name)
        print("ok   %s" % name)

    def no_op(self, name):
        after = self.stamp_time()
        _, output, written = self.builder.build()
        check(not written and self.stamp_time() == after,
              "%s: the second build ran a sync (wrote %s)\n%s" % (name, dict(written), output))
        if self.ninja:
            _, explain = support.run([self.args.cmake, "--build", self.build_dir,
                                      "--", "-n", "-d", "explain"])
            lines = [line for line in explain.splitlines()
                     if not line.startswith("ninja: Entering directory")]
            check(lines == ["ninja: no work to do."],
                  "%s: ninja -n -d explain still sees work:\n%s" % (name, explain))

    def ctest(self, expect_success, verbose=False):
        command = [self.args.ctest, "--test-dir", self.build_dir, "--output-on-failure"]
        status, output = support.run(command + (["-V"] if verbose else []),
                                     expect_success=False)
        check((status == 0) == expect_success,
              "ctest %s:\n%s" % ("failed" if expect_success else "passed", output))
        return output

    def run(self):
        support.run([self.args.cmake, "-S", self.src, "-B", self.build_dir,
                     "-G", self.args.generator,
                     "-DCMAKE_PREFIX_PATH=" + str(self.args.prefix)])
        self.step("first build writes the plugin", None)
        self.plugin_content()

        edit(self.src / "snippets/safety.md", "without asking", "without asking first")
        self.step("edit the snippet both agents embed", {"reviewer", "planner"})
        check("without asking first" in (self.plugin / "agents/planner.md").read_text(),
              "the snippet edit did not reach planner.md")
        edit(self.src / "commands/review.md", "against main", "against the main branch")
        self.step("edit the command", {"review"})

        _, listing = support.run([self.args.ctest, "--test-dir", self.build_dir, "-N"])
        check("agentgen.plugin.review-kit" in listing
              and "agentgen.plugin-check.review-kit" in listing,
              "the two tests are not registered:\n" + listing)
        output = self.ctest(expect_success=True, verbose=True)
        check("agentgen check --type plugin %s" % self.plugin in output,
              "the check test did not check the folder as a plugin:\n" + output)
        print("ok   ctest runs sync --check and check --type plugin, and both pass")

        self.hand_edit()
        self.version_warning()
        self.install()
        self.marketplace()
        self.committed_marketplace()

    def plugin_content(self):
        plugin = self.plugin
        check(plugin_files(plugin) == PLUGIN_FILES,
              "the plugin holds %s, expected %s" % (plugin_files(plugin), PLUGIN_FILES))
        manifest = json.loads((plugin / ".claude-plugin/plugin.json").read_text())
        check(list(manifest)[:2] == ["name", "version"] and manifest["name"] == "review-kit"
              and manifest["version"] == "1.2.0", "plugin.json: %s" % manifest)
        hooks = (plugin / "hooks/hooks.json").read_text()
        check('\\"${CLAUDE_PLUGIN_ROOT}/scripts/format-check.sh\\"' in hooks,
              "the hook does not run the script from the plugin:\n" + hooks)
        check(os.access(plugin / "scripts/format-check.sh", os.X_OK),
              "the script lost its executable bit")
        reviewer = (plugin / "agents/reviewer.md").read_text()
        check("You review C++ changes" in reviewer and "## Safety" in reviewer,
              "the agent was not rendered with its snippet:\n" + reviewer)
        check(not (self.src / ".claude").exists(), "the sync wrote into the source tree")
        print("ok   the plugin holds the agents, the command, the script, the hook through "
              "${CLAUDE_PLUGIN_ROOT} and plugin.json, and no snippet")

    def hand_edit(self):
        reviewer = self.plugin / "agents/reviewer.md"
        good = reviewer.read_bytes()
        reviewer.write_bytes(good + b"A line added by hand.\n")
        output = self.ctest(expect_success=False)
        check("hand-edited: agents/reviewer.md" in output,
              "the sync test does not name the hand edit:\n" + output)
        print("ok   ctest fails on a hand edit in the plugin folder, without a build")
        edit(self.src / "agents/reviewer.md", "then tests", "then the tests")
        status, output, written = self.builder.build(expect_success=False)
        check(status != 0 and "edited by hand since sync wrote it" in output,
              "a build over a hand edit did not fail with sync's message:\n" + output)
        check(reviewer.read_bytes() == good + b"A line added by hand.\n" and not written,
              "the failed sync changed the plugin")
        reviewer.write_bytes(good)
        self.step("restore the hand-edited agent", {"reviewer"})
        self.ctest(expect_success=True)
        print("ok   a hand edit fails the build and stays; restored, ctest passes")

    def version_warning(self):
        manifest = self.src / "agpm.toml"
        edit(manifest, 'version = "1.2.0"', 'version = "1.2"')
        self.step("a version that is not semver", None)
        output = self.ctest(expect_success=False)
        check(re.search(r"agentgen\.plugin\.review-kit \.+\s+Passed", output)
              and re.search(r"agentgen\.plugin-check\.review-kit \.+\*+Failed", output)
              and "version" in output,
              "WERROR: expected the check test alone to fail on the version:\n" + output)
        edit(manifest, 'version = "1.2"', 'version = "1.2.0"')
        self.step("the version restored", None)
        print("ok   WERROR: the check test fails on a warning of the plugin")

    def install(self):
        prefix = self.work / "prefix"
        support.run([self.args.cmake, "--install", self.build_dir, "--prefix", prefix])
        installed = prefix / "share/claude-plugins/review-kit"
        check(plugin_files(prefix) == ["share/claude-plugins/review-kit/" + name
                                       for name in PLUGIN_FILES],
              "INSTALL_DESTINATION installed %s" % plugin_files(prefix))
        for name in PLUGIN_FILES:
            check((installed / name).read_bytes() == (self.plugin / name).read_bytes(),
                  "the installed %s differs" % name)
        check(os.access(installed / "scripts/format-check.sh", os.X_OK),
              "the installed script is not executable")
        print("ok   INSTALL_DESTINATION installs the plugin, the script executable")

    def marketplace(self):
        with open(self.src / "agpm.toml", "a") as manifest:
            manifest.write("\n" + doc_block(self.args, "toml", "[marketplace]\n"))
        self.step("add [marketplace]: the folder becomes a marketplace", None)
        check(plugin_files(self.plugin) == [".claude-plugin/marketplace.json"]
              + ["plugins/review-kit/" + name for name in PLUGIN_FILES],
              "the marketplace holds %s" % plugin_files(self.plugin))
        listing = json.loads((self.plugin / ".claude-plugin/marketplace.json").read_text())
        entry = listing["plugins"][0]
        check(entry["source"] == "./plugins/review-kit" and entry["version"] == "1.2.0",
              "the marketplace entry: %s" % entry)
        output = self.ctest(expect_success=True, verbose=True)
        check("agentgen check --type marketplace %s" % self.plugin in output,
              "the check test did not check the marketplace:\n" + output)
        print("ok   [marketplace]: plugins/review-kit/ and marketplace.json, checked as a "
              "marketplace with no re-run of CMake")


    def committed_marketplace(self):
        """The page's committed marketplace: its add_agent_plugin() call in
        place of the sample's, in a fresh copy whose manifest has [marketplace]."""
        call = doc_block(self.args, "cmake", "add_agent_plugin(platform-tools DESTINATION .)")
        src = support.fresh_copy(self.args.sample, self.work / "committed")
        text = (src / "CMakeLists.txt").read_text()
        start = text.index("\nadd_agent_plugin(") + 1
        (src / "CMakeLists.txt").write_text(text[:start] + call)
        with open(src / "agpm.toml", "a") as manifest:
            manifest.write("\n" + doc_block(self.args, "toml", "[marketplace]\n"))
        build_dir = self.work / "committed-build"
        support.run([self.args.cmake, "-S", src, "-B", build_dir, "-G", self.args.generator,
                     "-DCMAKE_PREFIX_PATH=" + str(self.args.prefix)])
        support.run([self.args.cmake, "--build", build_dir])
        check((src / ".claude-plugin/marketplace.json").is_file()
              and (src / "plugins/review-kit/agents/reviewer.md").is_file()
              and (src / ".agentgen-sync.json").is_file(),
              "the committed marketplace is not in the source folder: %s" % plugin_files(src))
        ctest = [self.args.ctest, "--test-dir", build_dir, "--output-on-failure"]
        support.run(ctest)
        edit(src / "agents/planner.md", "small, reviewable steps", "small steps")
        status, output = support.run(ctest, expect_success=False)
        check(status != 0 and "stale: plugins/review-kit/agents/planner.md" in output,
              "ctest passed on a stale committed plugin, not built:\n" + output)
        print("ok   the page's committed marketplace (DESTINATION .) builds into the source "
              "folder; ctest fails on a stale commit without a build")


def main():
    parser = argparse.ArgumentParser()
    for option in ("generator", "cmake", "ctest", "prefix", "sample", "doc", "work"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    try:
        doc_quotes_sample(args)
        Protocol(args).run()
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
