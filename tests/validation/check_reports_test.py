#!/usr/bin/env python3
"""`agentgen check --format sarif|github|json` end to end, on broken agents.

The SARIF log must be valid against SARIF 2.1.0's published JSON schema,
name files relative to the root and count columns in UTF-16 code units; the
GitHub lines must be the workflow commands for the same diagnostics.

usage: check_reports_test.py AGENTGEN SARIF_SCHEMA

The schema comes from scripts/install-deps.sh and the validator is Python's
jsonschema (Debian's python3-jsonschema). Without either the test is skipped
(exit 77), except in CI (CI=true), where it fails.
"""
import json
import os
import subprocess
import sys
import tempfile

SYSTEM_PYTHON = "/usr/bin/python3"

AGENTS = {
    # An unknown key with a did-you-mean: a warning.
    "typos.md": "---\nname: typos\ndescription: Typos\ncolour: red\n---\nBody\n",
    # Tool names after non-ASCII text on their line, so that byte and UTF-16
    # columns differ ('Reed' is at byte 15, UTF-16 unit 14); a bad model.
    "bad-values.md": ("---\nname: bad-values\ndescription: Prüft Code\n"
                      "tools: Rëad, Reed\nmodel: gpt 4\n---\nBody\n"),
    # No frontmatter: the error is at the file's first line.
    "no-frontmatter.md": "You are an agent without frontmatter.\n",
}


def missing_prerequisite(message):
    if os.environ.get("CI") == "true":
        print("FAIL: " + message + " (CI must have it: scripts/install-deps.sh)")
        sys.exit(1)
    print("skipped: " + message)
    sys.exit(77)


def load_validator():
    """jsonschema from this Python, else from Debian's, where
    python3-jsonschema installs it."""
    try:
        import jsonschema  # noqa: F401
        return None
    except ImportError:
        pass
    if os.path.exists(SYSTEM_PYTHON) and os.path.realpath(
            SYSTEM_PYTHON) != os.path.realpath(sys.executable):
        found = subprocess.run([SYSTEM_PYTHON, "-c", "import jsonschema"],
                               capture_output=True)
        if found.returncode == 0:
            return SYSTEM_PYTHON
    missing_prerequisite("Python's jsonschema is not installed")
    return None


VALIDATE = r"""
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
log = json.load(sys.stdin)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
for error in errors:
    print("/".join(map(str, error.path)) + ": " + error.message)
sys.exit(1 if errors else 0)
"""


def schema_errors(python, schema_path, document):
    result = subprocess.run([python or sys.executable, "-c", VALIDATE,
                             schema_path], input=document,
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        return ["validator failed: " + result.stderr]
    return result.stdout.splitlines()


def utf16_column(line, byte_column):
    prefix = line.encode("utf-8")[:byte_column - 1].decode("utf-8")
    return len(prefix.encode("utf-16-le")) // 2 + 1


def run(agentgen, cwd, arguments):
    return subprocess.run([agentgen, "check"] + arguments, cwd=cwd,
                          capture_output=True, text=True)


def main():
    agentgen = os.path.abspath(sys.argv[1])
    schema_path = sys.argv[2]
    if not os.path.isfile(schema_path):
        missing_prerequisite("no SARIF schema at " + schema_path)
    python = load_validator()
    failures = []

    def expect(condition, message):
        if not condition:
            failures.append(message)

    with tempfile.TemporaryDirectory(prefix="agentgen-reports-") as work:
        root = os.path.join(work, "repo")
        os.makedirs(os.path.join(root, "agents"))
        os.makedirs(os.path.join(root, ".git"))  # the default root
        for name, text in AGENTS.items():
            with open(os.path.join(root, "agents", name), "w",
                      encoding="utf-8") as f:
                f.write(text)
        # Named from the folder above the root, so that the paths as given
        # ("repo/agents/...") differ from the root-relative ones.
        sources = ["repo/agents/" + name for name in AGENTS]
        sources.append("repo/agents/missing.md")  # a diagnostic of no line

        # The text, run once for what the reports must hold.
        text = run(agentgen, work, sources + ["--root", "repo"])
        expect(text.returncode == 1, f"text: exit {text.returncode}")
        expected_count = sum(1 for line in text.stderr.splitlines()
                             if ": error: " in line or ": warning: " in line)
        expect(expected_count >= 5,
               f"text: too few diagnostics to test:\n{text.stderr}")

        for root_arguments in (["--root", "repo"], []):
            label = "sarif " + (" ".join(root_arguments) or "(default root)")
            sarif = run(agentgen, work,
                        sources + ["--format", "sarif"] + root_arguments)
            expect(sarif.returncode == 1, f"{label}: exit {sarif.returncode}")
            expect(sarif.stderr == "", f"{label}: stderr: {sarif.stderr}")
            for error in schema_errors(python, schema_path, sarif.stdout):
                failures.append(f"{label}: not SARIF 2.1.0: {error}")
            log = json.loads(sarif.stdout)
            the_run = log["runs"][0]
            results = the_run["results"]
            expect(len(results) == expected_count,
                   f"{label}: {len(results)} results, the text has "
                   f"{expected_count}")
            expect(the_run["columnKind"] == "utf16CodeUnits",
                   f"{label}: columnKind {the_run.get('columnKind')}")
            expect(the_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] ==
                   "file://" + os.path.realpath(root) + "/" or
                   the_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] ==
                   "file://" + root + "/",
                   f"{label}: root {the_run['originalUriBaseIds']}")
            rules = [rule["id"] for rule in the_run["tool"]["driver"]["rules"]]
            expect(len(rules) == len(set(rules)), f"{label}: rules {rules}")
            for result in results:
                expect(rules[result["ruleIndex"]] == result["ruleId"],
                       f"{label}: ruleIndex of {result['ruleId']}")
            expect("claude-code-agent.unknown-key" in rules and
                   "claude-code-agent.model" in rules and "input" in rules,
                   f"{label}: rules {rules}")
            placed = [r for r in results if "locations" in r]
            for result in placed:
                artifact = result["locations"][0]["physicalLocation"][
                    "artifactLocation"]
                expect(artifact.get("uriBaseId") == "%SRCROOT%" and
                       artifact["uri"].startswith("agents/"),
                       f"{label}: artifact {artifact}")
            # The tools line: its columns in UTF-16 units, not bytes.
            line = "tools: Rëad, Reed"
            byte_columns = [int(l.split(":")[2])
                            for l in text.stderr.splitlines()
                            if l.startswith("repo/agents/bad-values.md:4:")]
            columns = sorted(
                r["locations"][0]["physicalLocation"]["region"]["startColumn"]
                for r in placed
                if r["locations"][0]["physicalLocation"]["artifactLocation"]
                ["uri"] == "agents/bad-values.md" and
                r["locations"][0]["physicalLocation"].get(
                    "region", {}).get("startLine") == 4)
            wanted = sorted(utf16_column(line, c) for c in byte_columns)
            expect(columns == wanted and wanted != sorted(byte_columns),
                   f"{label}: columns {columns} on {line!r}, expected "
                   f"{wanted} (bytes {byte_columns})")

        github = run(agentgen, work,
                     sources + ["--format", "github", "--root", "repo"])
        expect(github.returncode == 1, f"github: exit {github.returncode}")
        expect(github.stderr == "", f"github: stderr: {github.stderr}")
        lines = github.stdout.splitlines()
        expect(len(lines) == expected_count,
               f"github: {len(lines)} lines, the text has {expected_count}")
        # The end joins once the unknown-key check gives one: match up to it.
        expect(any(l.startswith("::warning file=agents/typos.md,line=4,col=1,")
                   and l.endswith(",title=claude-code-agent.unknown-key::"
                                  "unknown key 'colour' for a Claude Code "
                                  "subagent; did you mean 'color'?")
                   for l in lines), f"github: no colour warning in {lines}")
        expect(any(l.startswith("::error file=agents/bad-values.md,line=5,"
                                "col=8,") and
                   "title=claude-code-agent.model::'model' must be" in l
                   for l in lines), f"github: no model error in {lines}")
        expect(any(l.startswith("::error::cannot read ") for l in lines),
               f"github: no unplaced error in {lines}")
        for l in lines:
            expect(l.startswith("::error ") or l.startswith("::warning ") or
                   l.startswith("::error::"), f"github: odd line {l!r}")

        report = run(agentgen, work,
                     sources + ["--format", "json", "--root", "repo"])
        document = json.loads(report.stdout)
        expect(document["schema_version"] == 2 and
               document["column_unit"] == "utf-8-bytes" and
               document["root"] == "repo" and
               document["files"][0] == "agents/typos.md",
               f"json: {report.stdout[:400]}")
        expect(len(document["diagnostics"]) == expected_count,
               "json: diagnostics")

    for failure in failures:
        print("FAIL: " + failure)
    if not failures:
        print("check reports: sarif (schema-valid), github and json agree "
              "with the text")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
