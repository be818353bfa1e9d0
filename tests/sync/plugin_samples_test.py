#!/usr/bin/env python3
"""samples/plugins: three official Claude Code plugins kept as sources that
share snippets and project variables, built by `agentgen sync --layout
plugin`.

- A build into an empty folder gives exactly the committed
  samples/plugins/marketplace/ (every file's bytes and executable bit), and
  `sync --check` of the committed tree exits 0.
- `agentgen check --type plugin` on each built plugin and `--type
  marketplace` on the root report no error.
- A shared snippet really is shared: changing it makes `sync --check` report
  outputs of two plugins stale.
- When a checkout or git repository of anthropics/claude-plugins-official is
  given (read at the commit the sample was taken from), each built plugin
  equals the published one: every file byte-identical, JSON files equal as
  parsed with their keys in the same order. Only this part is skipped,
  with a message, without one.

usage: plugin_samples_test.py AGENTGEN [UPSTREAM]
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

AGENTGEN = os.path.abspath(sys.argv[1])
REPO = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SAMPLE = os.path.join(REPO, "samples", "plugins")
COMMITTED = os.path.join(SAMPLE, "marketplace")
UPSTREAM_COMMIT = "340e33aef211d95769d252324854497af871dafe"
LOCK = ".agentgen-sync.lock"
FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)
        print("FAIL:", message)


def run(args, cwd=SAMPLE):
    return subprocess.run([AGENTGEN] + args, cwd=cwd, capture_output=True,
                          text=True)


def load_compare_script():
    path = os.path.join(REPO, "scripts", "compare-official-plugins.py")
    spec = importlib.util.spec_from_file_location("compare_official", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def tree(folder):
    """Relative path -> (bytes, executable), the lock left out."""
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            relative = os.path.relpath(path, folder)
            if relative == LOCK:
                continue
            with open(path, "rb") as f:
                found[relative] = (f.read(), os.access(path, os.X_OK))
    return found


def plugin_names(marketplace):
    with open(os.path.join(marketplace, ".claude-plugin", "marketplace.json"),
              encoding="utf-8") as f:
        return [entry["name"] for entry in json.load(f)["plugins"]]


def check_build_equals_committed(built):
    result = run(["sync", "--layout", "plugin", "agpm.toml", "--to", built])
    check(result.returncode == 0, "sync: " + result.stderr[-3000:])
    check(" error:" not in result.stderr, "sync reports no error: " +
          result.stderr[-3000:])
    ours, committed = tree(built), tree(COMMITTED)
    check(sorted(ours) == sorted(committed),
          "the same files as the committed tree: only built %s, only "
          "committed %s" % (sorted(set(ours) - set(committed)),
                            sorted(set(committed) - set(ours))))
    for path in sorted(set(ours) & set(committed)):
        check(ours[path] == committed[path],
              "%s: bytes or executable bit differ from the committed "
              "tree" % path)
    # The sample's three plugins, each with the files that make its shape.
    check(plugin_names(built) == ["example-plugin", "hookify",
                                  "pr-review-toolkit"],
          "the marketplace lists the three plugins in name order")
    for path in ("plugins/pr-review-toolkit/agents/code-reviewer.md",
                 "plugins/hookify/skills/writing-rules/SKILL.md",
                 "plugins/hookify/hooks/hooks.json",
                 "plugins/example-plugin/.mcp.json",
                 ".agentgen-sync.json"):
        check(path in ours, "%s is built" % path)

    result = run(["sync", "--check", "--layout", "plugin", "agpm.toml",
                  "--to", COMMITTED])
    check(result.returncode == 0, "sync --check of the committed tree: " +
          result.stdout[-2000:] + result.stderr[-2000:])


def check_validators(built):
    for name in plugin_names(built):
        folder = os.path.join(built, "plugins", name)
        result = run(["check", "--type", "plugin", "--format", "json",
                      "--root", built, folder])
        errors = [d for d in json.loads(result.stdout)["diagnostics"]
                  if d["severity"] == "error"]
        check(result.returncode == 0 and not errors,
              "check --type plugin %s: %s" % (name, errors or result.stderr))
    result = run(["check", "--type", "marketplace", "--format", "json",
                  "--root", built, built])
    errors = [d for d in json.loads(result.stdout)["diagnostics"]
              if d["severity"] == "error"]
    check(result.returncode == 0 and not errors,
          "check --type marketplace: %s" % (errors or result.stderr))


def check_snippet_is_shared(work):
    """Editing the snippet two plugins embed makes both plugins stale."""
    copy = os.path.join(work, "sample")
    shutil.copytree(SAMPLE, copy, symlinks=True,
                    ignore=shutil.ignore_patterns(LOCK))
    snippet = os.path.join(copy, "snippets", "when-to-invoke.md")
    with open(snippet, "a", encoding="utf-8") as f:
        f.write("\nWorked scenarios follow.\n")
    result = run(["sync", "--check", "--layout", "plugin", "agpm.toml",
                  "--to", "marketplace"], cwd=copy)
    output = result.stdout + result.stderr
    check(result.returncode == 1, "--check after a snippet edit exits 1: "
          + output[-2000:])
    for path in ("plugins/pr-review-toolkit/agents/code-reviewer.md",
                 "plugins/hookify/agents/conversation-analyzer.md"):
        check(path in output, "--check names %s as stale" % path)


def check_upstream(built, upstream):
    if not upstream or not os.path.exists(upstream):
        print("skipped the comparison with the published plugins: no "
              "checkout of anthropics/claude-plugins-official given")
        return
    compare = load_compare_script()
    for name, folder, count, found in compare.compare(built, upstream,
                                                      UPSTREAM_COMMIT):
        print("%s: %d files compared with %s, %d differences" %
              (name, count, folder, len(found)))
        check(folder is not None, "%s is published upstream" % name)
        check(count > 0, "%s has files" % name)
        for message in found:
            check(False, "%s: %s" % (name, message))


def main():
    upstream = sys.argv[2] if len(sys.argv) > 2 else ""
    with tempfile.TemporaryDirectory(prefix="agentgen-plugin-samples-") as work:
        built = os.path.join(work, "marketplace")
        check_build_equals_committed(built)
        check_validators(built)
        check_snippet_is_shared(work)
        check_upstream(built, upstream)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
