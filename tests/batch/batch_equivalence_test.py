#!/usr/bin/env python3
"""A batch (`--out-dir`, several sources, every core) writes the same bytes,
depfiles and manifests as one process per source.

usage: batch_equivalence_test.py AGENTGEN MAKE_CORPUS
"""
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile


def run(args, cwd):
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{args[:3]}... failed: {result.stderr}")


def tree(folder):
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            files[os.path.relpath(path, folder)] = path
    return files


def main():
    agentgen, make_corpus = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory(prefix="agentgen-batch-") as work:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, make_corpus, corpus, "--agents", "60",
                        "--snippets", "20", "--refs", "4", "--chains"], check=True)
        # Shared project variables and a `content` read made inside a shared
        # snippet, so batch and single renders must agree on content inputs.
        with open(os.path.join(corpus, "agpm.toml"), "w") as f:
            f.write('[project]\nguide = "docs/guide.md"\n')
        os.makedirs(os.path.join(corpus, "docs"))
        with open(os.path.join(corpus, "docs", "guide.md"), "w") as f:
            f.write("---\ntitle: g\n---\nGuide text.\n")
        with open(os.path.join(corpus, "snippets", "snippet-00003.md"), "a") as f:
            f.write("\n{{ agpm.project.guide | content }}\n")
        text = open(os.path.join(corpus, "snippets", "snippet-00003.md")).read()
        if "templating: true" not in text:
            text = text.replace("---\nagpm:\n", "---\nagpm:\n  templating: true\n", 1)
            open(os.path.join(corpus, "snippets", "snippet-00003.md"), "w").write(text)
        agents = sorted(f"agents/{n}" for n in os.listdir(os.path.join(corpus, "agents")))

        run([agentgen, "render", *agents, "--out-dir", "out", "--depfile-dir", "out-d",
             "--manifest-dir", "out-m", "--root", "."], corpus)
        batch = os.path.join(work, "batch")
        os.makedirs(batch)
        for name in ("out", "out-d", "out-m"):
            shutil.move(os.path.join(corpus, name), os.path.join(batch, name))

        for agent in agents:
            run([agentgen, "render", agent, "-o", f"out/{agent}", "--depfile",
                 f"out-d/{agent}.d", "--manifest", f"out-m/{agent}.manifest.json",
                 "--root", "."], corpus)
        compared = 0
        for name in ("out", "out-d", "out-m"):
            for relative, path in tree(os.path.join(batch, name)).items():
                other = os.path.join(corpus, name, relative)
                if not os.path.exists(other) or not filecmp.cmp(path, other, shallow=False):
                    sys.exit(f"{name}/{relative} differs between batch and single renders")
                compared += 1
        if compared != 3 * len(agents):
            sys.exit(f"compared {compared} files, expected {3 * len(agents)}")
        with open(os.path.join(batch, "out-d", "agents", os.path.basename(agents[3]) + ".d")) as f:
            depfile = f.read()
        print(f"{len(agents)} agents: batch and single renders wrote the same "
              f"{compared} files ({'with' if 'guide.md' in depfile else 'without'} "
              "a content read in the sampled depfile)")


if __name__ == "__main__":
    main()
