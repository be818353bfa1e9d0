#!/usr/bin/env python3
"""scripts/check-official-plugins.py on a small marketplace of its shape.

A clean marketplace gives 0 errors and exit 0, with its warnings counted by
rule; a planted mistake gives exit 1 and the error, counted once although the
marketplace run and the plugin's own run both report it.

usage: check_official_plugins_test.py AGENTGEN SCRIPT
"""
import json
import os
import subprocess
import sys
import tempfile


def write(root, path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def run(agentgen, script, checkout):
    result = subprocess.run([sys.executable, script, agentgen, checkout],
                            capture_output=True, text=True, check=False)
    return result.returncode, result.stdout + result.stderr


def main():
    agentgen, script = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as checkout:
        write(checkout, ".claude-plugin/marketplace.json", json.dumps({
            "name": "acme", "owner": {"name": "Acme"}, "description": "Tools",
            "plugins": [
                {"name": "review", "source": "./plugins/review"},
                {"name": "remote", "source": {"source": "github",
                                              "repo": "acme/remote"}},
            ]}))
        write(checkout, "plugins/review/.claude-plugin/plugin.json",
              json.dumps({"name": "review", "version": "1.0.0"}))
        write(checkout, "plugins/review/agents/reviewer.md",
              "---\nname: reviewer\ndescription: Reviews\ncolour: red\n---\n")
        write(checkout, "plugins/example/CLAUDE.md", "Not listed\n")
        status, output = run(agentgen, script, checkout)
        expected = ("checked the marketplace, its 1 local plugins and 1 "
                    "plugins beside them it does not list\nerrors: 0\n"
                    "warnings: 2\n  claude-code-agent.unknown-key    1\n"
                    "  plugin.claude-md                 1\n")
        if status != 0 or output != expected:
            failures.append("clean: exit %d, output:\n%s" % (status, output))

        write(checkout, "plugins/review/.claude-plugin/plugin.json",
              json.dumps({"name": "review", "author": "Acme"}))
        status, output = run(agentgen, script, checkout)
        if status != 1 or "errors: 1\n  plugin.author" not in output:
            failures.append("planted: exit %d, output:\n%s" % (status, output))
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
