#!/usr/bin/env python3
"""The README's worked example renders to the bytes the README shows.

In the README's "## Example" section, every fenced block whose preceding line
ends in "File `PATH`:" holds the bytes of PATH, and the one ```sh block holds
the `agentgen render` command. The files other than the command's `-o` output
are written into a temporary folder, the command runs there with the built
agentgen, and the output must equal the README's block for it byte for byte.

Usage: readme_example_test.py <agentgen> <agentgen source tree>
"""

import difflib
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
FILE_MARK = re.compile(r"File `([^`]+)`:$")


def fail(message):
    print("FAIL: " + message)
    return 1


def example_section(readme):
    """The text of the "## Example" section: up to the next "## " heading
    outside a fenced block (the example's files hold headings of their own)."""
    lines = readme.splitlines(True)
    section = None
    in_fence = False
    for line in lines:
        if section is None:
            if line == "## Example\n":
                section = [line]
            continue
        if line.startswith("```"):
            in_fence = not in_fence
        elif line.startswith("## ") and not in_fence:
            break
        section.append(line)
    return None if section is None else "".join(section)


def main():
    agentgen = Path(sys.argv[1]).resolve()
    readme = (Path(sys.argv[2]) / "README.md").read_text(encoding="utf-8")
    section = example_section(readme)
    if section is None:
        return fail("README.md has no '## Example' section")

    files = {}
    commands = []
    for fence in FENCE.finditer(section):
        before = section[:fence.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = FILE_MARK.search(before)
        if fence.group(1) == "sh":
            commands.append(fence.group(2).strip())
        elif mark:
            if mark.group(1) in files:
                return fail("README.md's example shows %s twice" % mark.group(1))
            files[mark.group(1)] = fence.group(2)
    if len(commands) != 1:
        return fail("README.md's example has %d sh blocks, not one" % len(commands))

    argv = shlex.split(commands[0])
    if argv[:2] != ["agentgen", "render"] or argv.count("-o") != 1:
        return fail("the example's command is not 'agentgen render ... -o FILE': %s"
                    % commands[0])
    output = argv[argv.index("-o") + 1]
    if output not in files:
        return fail("README.md's example does not show the output %s" % output)
    expected = files.pop(output)
    if not files:
        return fail("README.md's example shows no input files")

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for path, text in files.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(text.encode("utf-8"))
        run = subprocess.run([str(agentgen)] + argv[1:], cwd=folder,
                             capture_output=True, text=True)
        if run.returncode != 0 or run.stderr:
            return fail("%s exited %d:\n%s" % (commands[0], run.returncode, run.stderr))
        actual = (folder / output).read_bytes().decode("utf-8")

    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                    "README.md", "rendered")
        return fail("the rendered example differs from README.md:\n" + "".join(diff))
    print("PASS: README.md's example renders %s as shown, from %s"
          % (output, ", ".join(sorted(files))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
