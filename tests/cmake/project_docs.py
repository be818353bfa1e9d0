#!/usr/bin/env python3
"""docs/cmake.md's examples are the ones that build.

Every fenced block whose preceding line is "File `PATH`:" holds the bytes of a
file. A PATH below samples/ must equal that file of the source tree (the
sample is built by project_forms.py). The one PATH `CMakeLists.txt` is the
complete project of "I have a `.claude/` folder": it is built, against the
installed package, in a folder holding the sample's ops/.claude-src as
.claude-src and the sample's agpm.toml; the tree it writes must equal the
sample's committed ops/.claude, and its ctest must pass.

usage: project_docs.py --generator G --cmake C --ctest T --prefix P
                       --sample DIR --doc FILE --work DIR
"""

import argparse
import pathlib
import re
import shutil
import sys

sys.dont_write_bytecode = True  # keep the source tree clean
import support  # noqa: E402
from support import check

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
FILE_MARK = re.compile(r"^File `([^`]+)`:$")


def file_blocks(doc):
    """[(path, text)] of the blocks marked "File `PATH`:"."""
    blocks = []
    for fence in FENCE.finditer(doc):
        before = doc[:fence.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = FILE_MARK.match(before)
        if mark:
            blocks.append((mark.group(1), fence.group(2)))
    return blocks


def tree(folder):
    folder = pathlib.Path(folder)
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file() and path.name != ".agentgen-sync.lock"}


def build_tree_example(args, cmakelists, work):
    sample = pathlib.Path(args.sample)
    folder = support.empty_dir(work / "tree-example")
    shutil.copytree(sample / "ops/.claude-src", folder / ".claude-src")
    shutil.copy2(sample / "agpm.toml", folder / "agpm.toml")
    (folder / "CMakeLists.txt").write_text(cmakelists)
    build_dir = folder / "build"
    support.run([args.cmake, "-S", folder, "-B", build_dir, "-G", args.generator,
                 "-DCMAKE_PREFIX_PATH=" + str(args.prefix)])
    support.run([args.cmake, "--build", build_dir])
    written, expected = tree(folder / ".claude"), tree(sample / "ops/.claude")
    check(written == expected, "the example wrote %s, the sample holds %s"
          % (sorted(written), sorted(expected)))
    _, output = support.run([args.ctest, "--test-dir", build_dir, "--output-on-failure"])
    check("agentgen.sync.claude" in output, "the example has no agentgen.sync.claude:\n"
          + output)


def main():
    parser = argparse.ArgumentParser()
    for option in ("generator", "cmake", "ctest", "prefix", "sample", "doc", "work"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    work = support.empty_dir(args.work)
    repository = pathlib.Path(args.sample).resolve().parent.parent
    blocks = file_blocks(pathlib.Path(args.doc).read_text(encoding="utf-8"))
    try:
        paths = [path for path, _ in blocks]
        check("CMakeLists.txt" in paths and "samples/cmake-project/CMakeLists.txt" in paths,
              "the doc lacks one of its two CMakeLists.txt examples: %s" % paths)
        for path, text in blocks:
            if path.startswith("samples/"):
                actual = (repository / path).read_text(encoding="utf-8")
                check(text == actual, "the doc's %s differs from the file" % path)
                print("ok   the doc's %s is the sample's" % path)
            elif path == "CMakeLists.txt":
                build_tree_example(args, text, work)
                print("ok   the doc's CMakeLists.txt for a .claude-src folder builds the "
                      "sample's tree, and its ctest passes")
            else:
                raise support.Failure("the doc marks %s, which no rule covers" % path)
    except support.Failure as failure:
        print("FAIL %s" % failure, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
