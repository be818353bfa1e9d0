#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compares the plugins of a built marketplace with the published ones.

Usage: compare-official-plugins.py <built marketplace> <upstream> [<commit>]

<built marketplace> is what `agentgen sync --layout plugin` wrote: its
`.claude-plugin/marketplace.json` names the plugins, each in `plugins/<name>`.
<upstream> is a checkout of anthropics/claude-plugins-official, or a git
repository of it (bare or not), read at <commit> (default HEAD). Each plugin
is looked up there as `plugins/<name>` or `external_plugins/<name>`.

Every file must be in both, with the same executable bit, and byte-identical,
except JSON files (`.json`), which must hold equal values with their object
keys in the same order: sync writes its JSON in its own style. Prints one line
per difference and a summary per plugin; exits 1 when anything differs.
"""

import json
import os
import subprocess
import sys

PARENTS = ("plugins", "external_plugins")


def ordered_json(data):
    """The JSON value with every object as a list of pairs, so that two
    values compare equal only when their keys are in the same order."""
    return json.loads(data, object_pairs_hook=lambda pairs: ("object", pairs))


def built_files(folder):
    """Relative path -> (bytes, executable) for every file below folder."""
    files = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            with open(path, "rb") as file:
                data = file.read()
            files[os.path.relpath(path, folder).replace(os.sep, "/")] = (
                data, os.access(path, os.X_OK))
    return files


class Checkout:
    """A plain folder of the upstream repository."""

    def __init__(self, root):
        self.root = root

    def plugin(self, name):
        for parent in PARENTS:
            folder = os.path.join(self.root, parent, name)
            if os.path.isdir(folder):
                return parent + "/" + name, built_files(folder)
        return None, {}


class GitTree:
    """The upstream repository as git holds it at one commit."""

    def __init__(self, git_dir, commit):
        self.git_dir = git_dir
        self.commit = commit

    def git(self, *args):
        return subprocess.run(["git", "--git-dir", self.git_dir] + list(args),
                              capture_output=True, check=True).stdout

    def plugin(self, name):
        for parent in PARENTS:
            prefix = parent + "/" + name + "/"
            listing = self.git("ls-tree", "-r", "-z", self.commit, prefix)
            files = {}
            for row in listing.split(b"\0"):
                if not row:
                    continue
                meta, path = row.decode("utf-8").split("\t", 1)
                mode, kind, blob = meta.split()
                if kind != "blob":
                    continue
                files[path[len(prefix):]] = (self.git("cat-file", "blob", blob),
                                             mode == "100755")
            if files:
                return parent + "/" + name, files
        return None, {}


def open_upstream(path, commit):
    if os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(
            os.path.join(path, "objects")):
        return GitTree(path, commit)
    if os.path.exists(os.path.join(path, ".git")) and commit != "HEAD":
        return GitTree(os.path.join(path, ".git"), commit)
    return Checkout(path)


def differences(built, upstream):
    """One message per file that is not the same in both."""
    found = []
    for path in sorted(set(built) | set(upstream)):
        if path not in upstream:
            found.append("%s: only in the build" % path)
            continue
        if path not in built:
            found.append("%s: missing from the build" % path)
            continue
        (ours, our_exec), (theirs, their_exec) = built[path], upstream[path]
        if our_exec != their_exec:
            found.append("%s: executable %s, upstream %s" %
                         (path, our_exec, their_exec))
        if path.endswith(".json"):
            try:
                same = ordered_json(ours) == ordered_json(theirs)
            except ValueError as error:
                found.append("%s: not JSON: %s" % (path, error))
                continue
            if not same:
                found.append("%s: JSON differs (values or key order)" % path)
        elif ours != theirs:
            found.append("%s: bytes differ" % path)
    return found


def compare(marketplace, upstream_path, commit="HEAD"):
    """(plugin name, upstream folder, file count, differences) per plugin."""
    with open(os.path.join(marketplace, ".claude-plugin", "marketplace.json"),
              encoding="utf-8") as file:
        names = [entry["name"] for entry in json.load(file)["plugins"]]
    upstream = open_upstream(upstream_path, commit)
    results = []
    for name in names:
        built = built_files(os.path.join(marketplace, "plugins", name))
        folder, theirs = upstream.plugin(name)
        found = differences(built, theirs) if folder else [
            "no plugin of that name upstream"]
        results.append((name, folder, len(built), found))
    return results


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    commit = sys.argv[3] if len(sys.argv) == 4 else "HEAD"
    failed = False
    for name, folder, count, found in compare(sys.argv[1], sys.argv[2],
                                              commit):
        for message in found:
            print("%s: %s" % (name, message))
        print("%s: %d files, %d differences from %s" %
              (name, count, len(found), folder or "upstream"))
        failed = failed or bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
