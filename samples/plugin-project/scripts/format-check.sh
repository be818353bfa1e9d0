#!/bin/sh
# Reports C++ files that clang-format would change; never edits them.
command -v clang-format >/dev/null 2>&1 || exit 0
git ls-files -m -- '*.cc' '*.h' | xargs -r clang-format --dry-run 2>&1 | head -n 20
