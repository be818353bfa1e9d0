#!/usr/bin/env python3
"""Proves with strace that agentgen opens no file outside the root: neither
through a dependency symlink, nor through the content filter, nor through a
`..` path, whether the render succeeds or is refused.

usage: confinement_strace_test.py AGENTGEN
Exits 77 (skipped) when strace is not installed.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

# What the dynamic loader and libc open before main, and nothing of ours.
SYSTEM = ("/etc/ld.so.cache", "/lib", "/usr/lib", "/lib64", "/usr/lib64",
          "/proc/", "/dev/", "/sys/", "/etc/localtime", "/usr/share/locale",
          "/etc/ssl/openssl.cnf", "/usr/lib/ssl/")


def opened_paths(trace):
    paths = []
    for line in open(trace, encoding="utf-8", errors="replace"):
        match = re.search(r'open(?:at)?\((?:AT_FDCWD, )?"([^"]+)"', line)
        if match and "ENOENT" not in line:
            paths.append(match.group(1))
    return paths


def main():
    agentgen = os.path.abspath(sys.argv[1])
    strace = shutil.which("strace")
    if not strace:
        print("skipped: strace is not installed")
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix="agentgen-confine-") as work:
        root = os.path.join(work, "root")
        outside = os.path.join(work, "outside")
        out = os.path.join(work, "out")
        for folder in ("agents", "snippets", "docs"):
            os.makedirs(os.path.join(root, folder))
        os.makedirs(outside)
        with open(os.path.join(outside, "secret.md"), "w") as f:
            f.write("SECRET\n")
        os.symlink(os.path.join(outside, "secret.md"), os.path.join(root, "snippets", "link.md"))
        os.symlink(os.path.join(outside, "secret.md"), os.path.join(root, "docs", "link.md"))
        with open(os.path.join(root, "snippets", "ok.md"), "w") as f:
            f.write("ok\n")
        agents = {
            "via-symlink.md": "---\ndependencies:\n  snippets:\n    - path: ../snippets/link.md\n---\nx\n",
            "via-dotdot.md": "---\ndependencies:\n  snippets:\n    - path: ../../outside/secret.md\n---\nx\n",
            "via-content.md": "---\nagpm:\n  templating: true\n---\n{{ 'docs/link.md' | content }}\n{{ '../outside/secret.md' | content }}\n",
            "fine.md": "---\nagpm:\n  templating: true\ndependencies:\n  snippets:\n    - path: ../snippets/ok.md\n---\n{{ agpm.deps.snippets.ok.content }}\n",
        }
        for name, text in agents.items():
            with open(os.path.join(root, "agents", name), "w") as f:
                f.write(text)

        # LeakSanitizer (in a sanitizer build) cannot run under ptrace.
        env = dict(os.environ)
        env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":detect_leaks=0"
        failures = []
        for name in agents:
            trace = os.path.join(work, name + ".trace")
            result = subprocess.run(
                [strace, "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", trace,
                 agentgen, "render", os.path.join(root, "agents", name),
                 "-o", os.path.join(out, name), "--depfile", os.path.join(out, name + ".d"),
                 "--root", root], capture_output=True, text=True, env=env)
            want = 0 if name == "fine.md" else 1
            if result.returncode != want:
                failures.append(f"{name}: exit {result.returncode}, expected {want}: {result.stderr}")
            if want == 1 and "outside" not in result.stderr and "leaves" not in result.stderr:
                failures.append(f"{name}: the refusal does not say why: {result.stderr}")
            for path in opened_paths(trace):
                if path.startswith(SYSTEM) or path.startswith(root) or path.startswith(out):
                    continue
                failures.append(f"{name}: opened {path}")
        if failures:
            sys.exit("\n".join(failures))
        print(f"{len(agents)} renders traced: no file outside the root was opened")


if __name__ == "__main__":
    main()
