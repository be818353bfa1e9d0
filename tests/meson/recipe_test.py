#!/usr/bin/env python3
"""The Meson recipe is shown, shipped and used as one text.

meson-module/recipe.meson is the recipe. This test fails when a copy of it
drifts: the "## The recipe" section of docs/meson.md must show it in full;
samples/meson must use its top-level block (adding lines is allowed, changing
them is not, but for the values of the settings agentgen_check and
agentgen_unchecked) and its per-directory block (only the list of agent names
differs), and the page must show samples/meson/commands/meson.build in full;
each sample of samples/meson-project must use the block of its project form
and the build step (adding lines is allowed), and docs/meson.md must show that
sample's meson.build in full; samples/meson-plugin must use the plugin block,
and docs/publish-a-plugin.md must show its meson.build in full; and the wrap
file and subproject entry must provide what the recipe finds.

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


# The recipe's sections, in order: (heading, name used below).
SECTIONS = [("## A whole project: an AGPM manifest", "manifest"),
            ("## A whole project: a folder of sources", "folder"),
            ("## A whole project: the build step and the check", "sync"),
            ("## A plugin", "plugin"),
            ("## Top level", "top"),
            ("## Every directory", "per_dir")]

# Settings whose value is the user's choice: the line may differ after " = ".
SETTINGS = ("agentgen_check = ", "agentgen_unchecked = ")


def blocks(recipe):
    """{name: the lines of that section of the recipe}, headings left out."""
    starts = [recipe.index(heading) for heading, _ in SECTIONS] + [len(recipe)]
    check(starts[:-1] == sorted(starts[:-1]), "recipe.meson's sections are out of order")
    return {name: recipe[starts[i]:starts[i + 1]].strip().splitlines()[1:]
            for i, (_, name) in enumerate(SECTIONS)}


def setting_free(lines):
    """Lines with the value of each setting left out."""
    return [next((s for s in SETTINGS if l.startswith(s)), l) for l in lines]


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
    sections = blocks(recipe)
    top, per_dir = sections["top"], sections["per_dir"]

    # docs/meson.md shows the whole recipe, in a meson code block of its section.
    page = (root / "docs" / "meson.md").read_text()
    section = page[page.find("\n## The recipe\n"):] if "\n## The recipe\n" in page else ""
    check(section, "docs/meson.md has no '## The recipe' section")
    fences = re.findall(r"```meson\n(.*?)```", section, re.S)
    check(any(f.strip() == recipe.strip() for f in fences),
          "docs/meson.md's Meson section does not show meson-module/recipe.meson in full")
    check(re.search(r"Meson 1\.0\.1", section), "docs/meson.md does not name the tested Meson")

    # The sample uses the recipe.
    sample = root / "samples" / "meson"
    sample_top = (sample / "meson.build").read_text().splitlines()
    check(is_subsequence(setting_free(code_lines(top)), setting_free(sample_top)),
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

    # The commands' block of the per-agent form, shown in full by the page.
    commands = (sample / "commands" / "meson.build").read_text()
    check(commands in fences, "docs/meson.md does not show samples/meson/commands/meson.build")
    check("'--type', 'command'" in commands, "samples/meson/commands renders no command")

    # Each project form: a sample whose meson.build uses the form's block and
    # the build step, shown in full by the page.
    for form in ("manifest", "folder"):
        sample_build = root / "samples" / "meson-project" / form / "meson.build"
        text = sample_build.read_text() if sample_build.is_file() else ""
        check(text, "no %s" % sample_build)
        check(is_subsequence(code_lines(sections[form] + sections["sync"]),
                             text.splitlines()),
              "samples/meson-project/%s/meson.build changes a line of the recipe" % form)
        check(any(f == text for f in re.findall(r"```meson\n(.*?)```", page, re.S)),
              "docs/meson.md does not show samples/meson-project/%s/meson.build in full"
              % form)

    # The plugin block: samples/meson-plugin uses it (adding lines is
    # allowed), and docs/publish-a-plugin.md shows that meson.build in full.
    plugin_build = root / "samples" / "meson-plugin" / "meson.build"
    text = plugin_build.read_text() if plugin_build.is_file() else ""
    check(text, "no %s" % plugin_build)
    check(is_subsequence(code_lines(sections["plugin"]), text.splitlines()),
          "samples/meson-plugin/meson.build changes a line of the recipe's plugin block")
    publish = (root / "docs" / "publish-a-plugin.md").read_text()
    check(text in re.findall(r"```meson\n(.*?)```", publish, re.S),
          "docs/publish-a-plugin.md does not show samples/meson-plugin/meson.build in full")

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
