#!/usr/bin/python3
"""Peer: renders agents with Python + pystache (Mustache), doing agentgen's job
in a batch: split frontmatter, read YAML dependencies, load snippets (templated
ones rendered in their own context), render the agent, escaping off.
usage: pystache_render.py ROOT OUT_DIR AGENT..."""
import os
import sys

import pystache
import yaml

RENDERER = pystache.Renderer(escape=lambda text: text)


def split(text):
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 3)
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


def key(path):
    return os.path.splitext(os.path.basename(path))[0].replace("-", "_")


CONTENT = {}


def content(path):
    if path not in CONTENT:
        with open(path) as f:
            meta, body = split(f.read())
        body = body.lstrip("\n").removesuffix("\n")
        if (meta.get("agpm") or {}).get("templating") is True:
            body = RENDERER.render(body, context(path, meta)).lstrip("\n").removesuffix("\n")
        CONTENT[path] = body
    return CONTENT[path]


def context(path, meta):
    deps = {}
    for entry in (meta.get("dependencies") or {}).get("snippets", []):
        dep = os.path.normpath(os.path.join(os.path.dirname(path), entry["path"]))
        deps[key(dep)] = {"content": content(dep)}
    return {"agpm": {"deps": {"snippets": deps}, "project": {}}}


def main():
    out_dir = sys.argv[2]
    root = sys.argv[1]
    for agent in sys.argv[3:]:
        with open(agent) as f:
            text = f.read()
        meta, _ = split(text)
        out = os.path.join(out_dir, os.path.relpath(agent, root))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w") as f:
            f.write(RENDERER.render(text, context(agent, meta)))


main()
