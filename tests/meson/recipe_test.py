#!/usr/bin/env python3
"""The Meson recipe is shown, shipped and used as one text.

meson-module/recipe.meson is the recipe. This test fails when a copy of it
drifts: the "## Meson" section of docs/meson.md must show it in full,
samples/meson must use its top-level block (adding lines is allowed, changing
them is not) and its per-directory block (only the list of agent names
differs), and the wrap file and subproject entry must provide what the recipe
finds.

Usage: recipe_test.py <agentgen source tree>
"""

import configparser
import re
import sys
from pathlib import Path

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def blocks(recipe):
    """(top-level block, per-directory block) of the recipe, as lines."""
    top = recipe.index("## Top level")
    per_dir = recipe.index("## Every directory")
    return (recipe[top:per_dir].strip().splitlines(),
            recipe[per_dir:].strip().splitlines()[1:])


def is_subsequence(needle, haystack):
    it = iter(haystack)
    return all(any(line == other for other in it) for line in needle)


def code_lines(lines):
    """Lines that are not blank, section rulers or the foreach header."""
    return [l for l in lines
            if l.strip() and not l.startswith("## ") and not l.startswith("foreach ")]


def main():
    root = Path(sys.argv[1])
    recipe = (root / "meson-module" / "recipe.meson").read_text()
    top, per_dir = blocks(recipe)

    # docs/meson.md shows the whole recipe, in a meson code block of its section.
    page = (root / "docs" / "meson.md").read_text()
    section = page[page.find("\n## Meson\n"):] if "\n## Meson\n" in page else ""
    check(section, "docs/meson.md has no '## Meson' section")
    fences = re.findall(r"```meson\n(.*?)```", section, re.S)
    check(any(f.strip() == recipe.strip() for f in fences),
          "docs/meson.md's Meson section does not show meson-module/recipe.meson in full")
    check(re.search(r"Meson 1\.0\.1", section), "docs/meson.md does not name the tested Meson")

    # The sample uses the recipe.
    sample = root / "samples" / "meson"
    sample_top = (sample / "meson.build").read_text().splitlines()
    check(is_subsequence(code_lines(top), sample_top),
          "samples/meson/meson.build changes a line of the recipe's top-level block")
    for folder in ("agents", "qa"):
        lines = (sample / folder / "meson.build").read_text().splitlines()
        header = [l for l in lines if l.startswith("foreach name : [")]
        check(len(header) == 1, "samples/meson/%s/meson.build: no foreach" % folder)
        body = code_lines(lines[lines.index(header[0]):]) if header else []
        check(body == code_lines(per_dir),
              "samples/meson/%s/meson.build differs from the recipe's block" % folder)
        for name in re.findall(r"'([^']+)'", header[0] if header else ""):
            check((sample / folder / (name + ".md")).is_file(),
                  "samples/meson/%s: no %s.md" % (folder, name))

    # The wrap provides the program the recipe finds, from the folder that
    # holds the subproject entry, which overrides that program.
    wrap = configparser.ConfigParser()
    wrap.read(root / "meson-module" / "agentgen.wrap")
    check(wrap.sections() == ["wrap-file", "provide"], "agentgen.wrap sections: %s"
          % wrap.sections())
    check(wrap.get("wrap-file", "directory", fallback="") == "agentgen",
          "agentgen.wrap: directory is not agentgen")
    check(wrap.get("provide", "program_names", fallback="") == "agentgen",
          "agentgen.wrap: [provide] program_names is not agentgen")
    entry = (root / "meson-module" / "meson.build").read_text()
    check("meson.override_find_program('agentgen', " in entry,
          "meson-module/meson.build does not override find_program('agentgen')")
    check("find_program('agentgen')" in recipe, "the recipe does not find agentgen")

    for failure in failures:
        print("FAIL: " + failure)
    if not failures:
        print("PASS: docs/meson.md, sample, wrap and subproject entry agree with the recipe")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
