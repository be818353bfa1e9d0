#!/usr/bin/env python3
"""Runs the built agentgen, as the current user, against every kind of output
path that is not a plain file (docs/command-line.md, "How outputs are put in place"): `-o -`
and the usage errors around it, FIFOs (with a reader, and under --check and
--write-if-changed, which must not block), symlink chains, loops and dangling
links, folders, sockets, a character device (made with mknod when running as
root), a folder that cannot be written, a link to another file system, and an
output too large to write. It never touches the system's /dev/null or
/dev/stdout.

usage: special_outputs_test.py AGENTGEN
"""
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading

AGENT = "---\nname: a\ndescription: An agent.\n---\nHello.\n"
TIMEOUT = 30  # seconds; a run that blocks on a FIFO fails instead of hanging

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


class Agentgen:
    def __init__(self, executable, work):
        self.executable = executable
        self.work = work

    def run(self, *args, env=None, preexec_fn=None):
        try:
            return subprocess.run([self.executable, *args], cwd=self.work,
                                  capture_output=True, timeout=TIMEOUT,
                                  env=env, preexec_fn=preexec_fn)
        except subprocess.TimeoutExpired:
            failures.append(f"agentgen {' '.join(args)}: still running after "
                            f"{TIMEOUT} s (blocked on a FIFO?)")
            return None

    def render(self, *args, **kwargs):
        return self.run("render", "a.md", "--root", ".", *args, **kwargs)


def path_in(work, *parts):
    return os.path.join(work, *parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def read(path):
    """The file's bytes; None when it is missing or not a regular file (an
    older agentgen may have put something else there)."""
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def link_target(path):
    return os.readlink(path) if os.path.islink(path) else None


def leftovers(folder):
    return [n for n in os.listdir(folder) if "agentgen-tmp" in n]


class FifoReader:
    """Reads a FIFO on a thread until its writer closes it."""

    def __init__(self, path):
        self.path = path
        self.data = b""
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self):
        with open(self.path, "rb") as f:
            self.data = f.read()

    def finish(self):
        # A run that never opened the FIFO leaves the reader waiting in
        # open(): open the other end once to let it go.
        if self.thread.is_alive():
            try:
                os.close(os.open(self.path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        self.thread.join(TIMEOUT)
        return self.data


def expect_error(result, status, needle, what):
    if result is None:
        return
    stderr = result.stderr.decode(errors="replace")
    check(result.returncode == status,
          f"{what}: exit {result.returncode}, expected {status}: {stderr}")
    check(needle in stderr, f"{what}: stderr lacks {needle!r}: {stderr}")
    check(result.stdout == b"" or status != 2,
          f"{what}: a usage error printed on stdout: {result.stdout!r}")


def test_standard_output(agentgen, work, expected):
    result = agentgen.render("-o", "-")
    check(result is not None and result.returncode == 0 and
          result.stdout == expected,
          f"-o -: expected exactly the rendered bytes on stdout, got "
          f"{result and result.stdout!r}")
    check(not os.path.exists(path_in(work, "-")), "-o -: a file named '-' appeared")

    # With a manifest: the manifest is written, the text still goes to stdout.
    result = agentgen.render("-o", "-", "--manifest", "m/a.json")
    check(result is not None and result.returncode == 0 and
          result.stdout == expected, "-o - --manifest: wrong stdout")
    check(b'"output": "-"' in (read(path_in(work, "m/a.json")) or b""),
          "-o - --manifest: the manifest does not name '-' as the output")

    write(path_in(work, "broken.md"), "---\nagpm:\n  templating: true\n---\n{{ nope }}\n")
    result = agentgen.run("render", "broken.md", "--root", ".", "-o", "-")
    expect_error(result, 1, "error: undefined name", "-o - on a render error")
    check(result is not None and result.stdout == b"",
          "-o - printed something although the render failed")


def test_usage_errors(agentgen, work):
    cases = [
        (["render", "a.md", "-o", "x.md", "--depfile", "-"], "--depfile cannot be -"),
        (["render", "a.md", "-o", "x.md", "--manifest", "-"], "--manifest cannot be -"),
        (["render", "a.md", "-o", "-", "--depfile", "x.d"], "a depfile needs an output file"),
        (["render", "a.md", "-o", "-", "--depfile-dir", "d"], "a depfile needs an output file"),
        (["render", "a.md", "-o", "-", "--check"], "-o - names none"),
        (["mcp", "a.md", "-o", "-", "--depfile", "x.d"], "a depfile needs an output file"),
        (["mcp", "a.md", "-o", "x.json", "--depfile", "-"], "--depfile cannot be -"),
    ]
    for args, needle in cases:
        expect_error(agentgen.run(*args), 2, needle, " ".join(args))
    for name in ("-", "x.md", "x.d", "x.json", "d"):
        check(not os.path.exists(path_in(work, name)),
              f"a usage error left '{name}' behind")


def test_mcp_standard_output(agentgen, work):
    write(path_in(work, "mcp/s.json"), '{"command": "s"}')
    write(path_in(work, "m.md"), "---\nname: m\ndescription: x\ndependencies:\n"
          "  mcp-servers:\n    - path: mcp/s.json\n---\n")
    first = agentgen.run("mcp", "m.md", "--root", ".", "-o", "fresh/.mcp.json")
    if not check(first is not None and first.returncode == 0,
                 f"mcp first run failed: {first and first.stderr!r}"):
        return
    existing = '{"mcpServers": {"mine": {"command": "m"}}}\n'
    write(path_in(work, ".mcp.json"), existing)
    result = agentgen.run("mcp", "m.md", "--root", ".", "-o", "-")
    check(result is not None and result.returncode == 0 and
          result.stdout == read(path_in(work, "fresh/.mcp.json")),
          "mcp -o -: stdout is not what a first run writes")
    check(read(path_in(work, ".mcp.json")) == existing.encode(),
          "mcp -o - changed the existing .mcp.json")
    check(not os.path.exists(path_in(work, "-.agentgen")) and
          not os.path.exists(path_in(work, ".mcp.json.agentgen")),
          "mcp -o - wrote a record")


def test_fifo(agentgen, work, expected):
    fifo = path_in(work, "fifo", "out.md")
    os.makedirs(os.path.dirname(fifo))
    os.mkfifo(fifo)
    for extra in ([], ["--write-if-changed"]):
        reader = FifoReader(fifo)
        result = agentgen.render("-o", fifo, *extra)
        data = reader.finish()
        check(result is not None and result.returncode == 0,
              f"-o FIFO {extra}: {result and result.stderr!r}")
        check(data == expected, f"-o FIFO {extra}: the reader got {data!r}")
    check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is no longer a FIFO")
    check(os.listdir(os.path.dirname(fifo)) == ["out.md"],
          f"files appeared beside the FIFO: {os.listdir(os.path.dirname(fifo))}")
    # No reader: --check must answer without opening it.
    result = agentgen.render("-o", fifo, "--check")
    expect_error(result, 1, "is a device or FIFO, which --check does not read",
                 "--check on a FIFO")


def test_symlinks(agentgen, work, expected):
    write(path_in(work, "real/target.md"), "old\n")
    os.makedirs(path_in(work, "links"))
    os.symlink("second.md", path_in(work, "links/first.md"))
    os.symlink("../real/target.md", path_in(work, "links/second.md"))
    result = agentgen.render("-o", "links/first.md", "--depfile", "links/a.d")
    check(result is not None and result.returncode == 0,
          f"symlink chain: {result and result.stderr!r}")
    check(read(path_in(work, "real/target.md")) == expected,
          "symlink chain: the final target does not hold the new text")
    check(link_target(path_in(work, "links/first.md")) == "second.md" and
          link_target(path_in(work, "links/second.md")) == "../real/target.md",
          "symlink chain: a link was replaced")
    depfile = (read(path_in(work, "links/a.d")) or b"").decode()
    check(depfile.startswith(os.path.realpath(work) + "/links/first.md:") or
          depfile.startswith(work + "/links/first.md:"),
          f"the depfile does not name the output as given: {depfile!r}")
    check(leftovers(path_in(work, "links")) == [] and
          leftovers(path_in(work, "real")) == [], "a temporary file was left")

    # An absolute link, as --out-dir meets it.
    write(path_in(work, "elsewhere/a.md"), "old\n")
    os.makedirs(path_in(work, "outdir"))
    os.symlink(path_in(work, "elsewhere/a.md"), path_in(work, "outdir/a.md"))
    result = agentgen.run("render", "a.md", "--root", ".", "--out-dir", "outdir")
    check(result is not None and result.returncode == 0 and
          read(path_in(work, "elsewhere/a.md")) == expected and
          os.path.islink(path_in(work, "outdir/a.md")),
          "--out-dir did not write through an absolute link")

    os.symlink("loop-b", path_in(work, "loop-a"))
    os.symlink("loop-a", path_in(work, "loop-b"))
    expect_error(agentgen.render("-o", "loop-a"), 1,
                 "agentgen: error: cannot write '" + path_in(work, "loop-a") +
                 "': its symlinks form a loop", "a symlink loop")

    os.makedirs(path_in(work, "exists"))
    os.symlink("exists/new.md", path_in(work, "dangling-ok"))
    result = agentgen.render("-o", "dangling-ok")
    check(result is not None and result.returncode == 0 and
          read(path_in(work, "exists/new.md")) == expected and
          link_target(path_in(work, "dangling-ok")) == "exists/new.md",
          "a dangling link whose folder exists did not create its target")

    os.symlink("missing-folder/new.md", path_in(work, "dangling-bad"))
    expect_error(agentgen.render("-o", "dangling-bad"), 1,
                 "cannot write '" + path_in(work, "dangling-bad") +
                 "': it is a symlink to", "a dangling link into no folder")
    check(not os.path.exists(path_in(work, "missing-folder")),
          "a dangling link's missing folder was created")

    # A link to this process's standard output, as /dev/stdout is one: it
    # names a pipe that no path leads to, and is written through.
    os.symlink("/proc/self/fd/1", path_in(work, "my-stdout"))
    result = agentgen.render("-o", "my-stdout")
    check(result is not None and result.returncode == 0 and
          result.stdout == expected,
          f"-o LINK-TO-STDOUT: expected the text on stdout, got "
          f"{result and result.stdout!r}, {result and result.stderr!r}")
    check(link_target(path_in(work, "my-stdout")) == "/proc/self/fd/1",
          "-o LINK-TO-STDOUT: the link was replaced")

    # A link to the source: the same file by real path.
    os.symlink("a.md", path_in(work, "to-source.md"))
    expect_error(agentgen.render("-o", "to-source.md"), 1,
                 "is one of the render's inputs", "an output linked to the source")
    check(read(path_in(work, "a.md")) == AGENT.encode(), "the source was overwritten")

    # AGENTGEN_TRACE through a link: appended to the target.
    write(path_in(work, "trace/real.txt"), "")
    os.symlink("trace/real.txt", path_in(work, "trace-link"))
    env = dict(os.environ, AGENTGEN_TRACE="trace-link")
    agentgen.render("-o", "traced.md", env=env)
    check(read(path_in(work, "trace/real.txt")) == b"a.md\n" and
          os.path.islink(path_in(work, "trace-link")),
          "AGENTGEN_TRACE through a link did not append to its target")


def test_folder_and_socket(agentgen, work):
    write(path_in(work, "kept.md"), "old\n")
    os.makedirs(path_in(work, "a-folder"))
    expect_error(agentgen.render("-o", "kept.md", "--manifest", "a-folder"), 1,
                 "cannot write '" + path_in(work, "a-folder") + "': it is a folder",
                 "a folder as output")
    check(read(path_in(work, "kept.md")) == b"old\n" and
          os.listdir(path_in(work, "a-folder")) == [],
          "a folder as the manifest: something was written")

    sock_path = path_in(work, "s.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(sock_path)
        expect_error(agentgen.render("-o", "s.sock"), 1,
                     "cannot write '" + sock_path + "': it is a socket",
                     "a socket as output")


def test_device(agentgen, work):
    device = path_in(work, "dev", "null")
    os.makedirs(os.path.dirname(device))
    try:
        os.mknod(device, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        print("skipped the character device part: mknod needs root")
        return
    result = agentgen.render("-o", device, "--manifest", "dev/null",
                             "--write-if-changed")
    check(result is not None and result.returncode == 0,
          f"-o DEVICE: {result and result.stderr!r}")
    check(stat.S_ISCHR(os.lstat(device).st_mode) and
          os.listdir(os.path.dirname(device)) == ["null"],
          "the device was replaced, or files appeared beside it")
    expect_error(agentgen.render("-o", device, "--check"), 1,
                 "is a device or FIFO", "--check on a device")
    write(path_in(work, "mcp/s.json"), '{"command": "s"}')
    write(path_in(work, "m.md"), "---\nname: m\ndescription: x\ndependencies:\n"
          "  mcp-servers:\n    - path: mcp/s.json\n---\n")
    result = agentgen.run("mcp", "m.md", "--root", ".", "-o", device)
    check(result is not None and result.returncode == 0 and
          os.listdir(os.path.dirname(device)) == ["null"],
          f"mcp -o DEVICE wrote a record or failed: {result and result.stderr!r}")


def test_unwritable_folder(agentgen, work):
    folder = path_in(work, "locked")
    write(path_in(folder, "a.md"), "old\n")
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        unlock = lambda: os.chmod(folder, 0o755)
    elif subprocess.run(["chattr", "+i", folder], capture_output=True).returncode == 0:
        unlock = lambda: subprocess.run(["chattr", "-i", folder])
    else:
        print("skipped the unwritable folder part: root, and chattr +i failed")
        return
    try:
        result = agentgen.render("-o", "locked/a.md")
        expect_error(result, 1, "agentgen: error: cannot write '" +
                     path_in(folder, "a.md") + "'", "an unwritable folder")
        check(read(path_in(folder, "a.md")) == b"old\n" and
              os.listdir(folder) == ["a.md"],
              "an unwritable folder: the old bytes changed or a file appeared")
    finally:
        unlock()


def test_other_file_system(agentgen, work, expected):
    shm = "/dev/shm"
    if not os.path.isdir(shm) or os.stat(shm).st_dev == os.stat(work).st_dev:
        print("skipped the other file system part: no /dev/shm on another one")
        return
    other = tempfile.mkdtemp(prefix="agentgen-other-", dir=shm)
    try:
        write(os.path.join(other, "a.md"), "old\n")
        os.symlink(os.path.join(other, "a.md"), path_in(work, "cross.md"))
        result = agentgen.render("-o", "cross.md")
        check(result is not None and result.returncode == 0 and
              read(os.path.join(other, "a.md")) == expected and
              os.path.islink(path_in(work, "cross.md")),
              f"a link to another file system: {result and result.stderr!r}")
        check(leftovers(other) == [] and leftovers(work) == [],
              "a link to another file system left a temporary file")
    finally:
        shutil.rmtree(other)


def test_failed_write_cleans_up(agentgen, work):
    """A write that fails (file size limit) keeps the old bytes, leaves no
    temporary file, and removes the folders it made."""
    write(path_in(work, "big.md"), "---\nname: big\ndescription: x\n---\n" +
          "x" * 20000 + "\n")
    write(path_in(work, "big-out.md"), "old\n")

    def limit_file_size():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    for output in ("big-out.md", "new-a/new-b/big.md"):
        result = agentgen.run("render", "big.md", "--root", ".", "-o", output,
                              preexec_fn=limit_file_size)
        expect_error(result, 1, "agentgen: error: cannot write", f"-o {output} "
                     "over the file size limit")
    check(read(path_in(work, "big-out.md")) == b"old\n",
          "a failed write changed the old bytes")
    check(not os.path.exists(path_in(work, "new-a")),
          "a failed write left the folders it created")
    check(leftovers(work) == [], "a failed write left a temporary file")


def main():
    agentgen_path = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="agentgen-outputs-") as work:
        agentgen = Agentgen(agentgen_path, work)
        write(path_in(work, "a.md"), AGENT)
        result = agentgen.render("-o", "expected.md")
        if result is None or result.returncode != 0:
            sys.exit(f"the plain render failed: {result and result.stderr!r}")
        expected = read(path_in(work, "expected.md"))
        tests = [
            lambda: test_standard_output(agentgen, work, expected),
            lambda: test_usage_errors(agentgen, work),
            lambda: test_mcp_standard_output(agentgen, work),
            lambda: test_fifo(agentgen, work, expected),
            lambda: test_symlinks(agentgen, work, expected),
            lambda: test_folder_and_socket(agentgen, work),
            lambda: test_device(agentgen, work),
            lambda: test_unwritable_folder(agentgen, work),
            lambda: test_other_file_system(agentgen, work, expected),
            lambda: test_failed_write_cleans_up(agentgen, work),
        ]
        for test in tests:
            test()
    if failures:
        print("\n".join(failures))
        sys.exit(f"{len(failures)} check(s) failed")
    print("every special output behaved")


if __name__ == "__main__":
    main()
