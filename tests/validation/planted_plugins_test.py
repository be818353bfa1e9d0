#!/usr/bin/env python3
"""`agentgen check --type plugin|marketplace` on the planted mistakes.

Each folder of tests/data/plugins/planted/ is a plugin or a marketplace with
one mistake users make, and an expected.txt:

    # what the mistake is
    kind: plugin                          (or marketplace)
    path: .                               (what to check, in the case folder)
    symlink LINK TARGET                   (made at run time; optional)
    error RULE FILE[:LINE]                (each finding that must be reported)
    warning RULE FILE[:LINE]

A case is checked in a copy (where its symlinks are made: they do not check
out everywhere), with `--format json` for the rules and `--werror` when it
expects a warning. It must exit 1 and report each expected finding, with its
severity, in its file (and on its line when given); it must report no error
it does not expect, so a case stays one mistake.

usage: planted_plugins_test.py AGENTGEN CASES_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

MIN_CASES = 14


def read_expected(path):
    case = {"kind": None, "path": None, "symlinks": [], "findings": []}
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("kind:") or line.startswith("path:"):
                key, value = line.split(":", 1)
                case[key] = value.strip()
                continue
            words = line.split()
            if words[0] == "symlink" and len(words) == 3:
                case["symlinks"].append((words[1], words[2]))
            elif words[0] in ("error", "warning") and len(words) == 3:
                place, _, number = words[2].partition(":")
                case["findings"].append(
                    (words[0], words[1], place, int(number) if number else None))
            else:
                raise ValueError("%s: cannot read %r" % (path, line))
    if case["kind"] not in ("plugin", "marketplace") or not case["path"]:
        raise ValueError(path + ": needs 'kind: plugin|marketplace' and 'path:'")
    if not case["findings"]:
        raise ValueError(path + ": expects no finding")
    return case


def check_case(agentgen, folder, scratch):
    case = read_expected(os.path.join(folder, "expected.txt"))
    copy = os.path.join(scratch, os.path.basename(folder))
    shutil.copytree(folder, copy)
    for link, target in case["symlinks"]:
        link = os.path.join(copy, link)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        os.symlink(target, link)
    werror = any(f[0] == "warning" for f in case["findings"])
    command = [agentgen, "check", "--type", case["kind"], "--format", "json",
               "--root", "."] + (["--werror"] if werror else []) + [case["path"]]
    result = subprocess.run(command, cwd=copy, capture_output=True, text=True,
                            check=False)
    shown = " ".join(command[1:])
    try:
        report = json.loads(result.stdout)
    except ValueError:
        return ["%s: no JSON report (exit %d): %s%s" % (
            shown, result.returncode, result.stdout, result.stderr)]
    found = [(d["severity"], d["rule"], d["file"], d["line"])
             for d in report["diagnostics"]]
    failures = []
    if result.returncode != 1:
        failures.append("exit %d, not 1" % result.returncode)
    for severity, rule, place, line in case["findings"]:
        if not any(f[0] == severity and f[1] == rule and f[2] == place and
                   (line is None or f[3] == line) for f in found):
            failures.append("no %s %s in %s%s" % (
                severity, rule, place, "" if line is None else ":%d" % line))
    for severity, rule, place, line in found:
        if severity == "error" and not any(
                e[0] == "error" and e[1] == rule and e[2] == place
                for e in case["findings"]):
            failures.append("unexpected error %s in %s:%s" % (rule, place, line))
    if failures:
        return ["%s (in %s): %s\n  reported: %s" % (
            shown, os.path.basename(folder), "; ".join(failures),
            json.dumps(report["diagnostics"], indent=1))]
    return []


def main():
    agentgen, cases = os.path.abspath(sys.argv[1]), sys.argv[2]
    names = sorted(name for name in os.listdir(cases)
                   if os.path.exists(os.path.join(cases, name, "expected.txt")))
    failures = []
    if len(names) < MIN_CASES:
        failures.append("only %d cases in %s" % (len(names), cases))
    failed = 0
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            problems = check_case(agentgen, os.path.join(cases, name), scratch)
            failed += 1 if problems else 0
            failures += problems
    for failure in failures:
        print("FAIL: " + failure)
    print("%d passed, %d failed" % (len(names) - failed, failed))
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
