#!/usr/bin/env python3
"""Writes the hostile inputs that are too big to commit, or that depend on the machine
(FIFOs, symlinks, absolute paths), into OUTDIR. Used by tests/scripts/hostile_inputs.sh.

Usage: generate.py OUTDIR BINARY   (BINARY: any executable, copied as a binary file named .spec)
"""
import os
import random
import shutil
import sys

out, binary = sys.argv[1], sys.argv[2]
random.seed(20261126)  # the "random" inputs are the same on every run
HEAD = "Name: hostile\nVersion: 1.0\nRelease: 0\nSummary: A hostile input\nLicense: MIT\n"
TAIL = "\n%description\nA hostile input.\n\n%files\n"
CONTROL = ("Source: hostile\nMaintainer: A <a@b.c>\nBuild-Depends: debhelper-compat (= 13)\n\n"
           "Package: hostile\nArchitecture: any\nDescription: x\n y\n")
SEPARATOR = "-" * 67 + "\n"
MB = 1024 * 1024


def write(path, data):
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data)


def write_repeated(path, head, unit, size, tail=b""):
    """head + unit repeated until the file has `size` bytes + tail, without building it in memory."""
    path = os.path.join(out, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    chunk = unit * max(1, MB // len(unit))
    with open(path, "wb") as f:
        f.write(head)
        left = size - len(head) - len(tail)
        while left > 0:
            piece = chunk[:left]
            f.write(piece)
            left -= len(piece)
        f.write(tail)


def random_bytes(n):
    return bytes(random.getrandbits(8) for _ in range(n))


# --- Size: bigger than the 64 MiB limit, and a single line of 50 MB under it.
write_repeated("huge-100mb.spec", HEAD.encode(), b"Requires: pkg-with-a-long-name >= 1.0\n", 100 * MB)
write_repeated("long-line-50mb.spec", (HEAD + "Source0: ").encode(), b"x", 50 * MB, (TAIL + "\n").encode())
write_repeated("long-line-50mb-macro.spec", (HEAD + "%global big ").encode(), b"%%", 50 * MB, ("\nSource0: %{big}" + TAIL).encode())
write_repeated("many-lines.spec", HEAD.encode(), b"Requires: a\n", 20 * MB, TAIL.encode())
write_repeated("changes-separators/x.changes", b"", SEPARATOR.encode(), 8 * MB)
write_repeated("control-continuations/debian.control", CONTROL.encode(), b" line\n .\n", 8 * MB)
write_repeated("changelog-long-line/debian.changelog", b"hostile (1.0-1) unstable; urgency=medium\n\n  * ", b"x", 40 * MB,
               b"\n\n -- A <a@b.c>  Mon, 01 Jan 2024 00:00:00 +0000\n")

# --- Depth: 100,000 levels of everything that nests.
DEEP = 100_000
write("deep-macro-braces.spec", HEAD + "Source0: " + "%{" * DEEP + "x" + "}" * DEEP + "\n" + TAIL)
write("deep-macro-expand.spec", HEAD + "Source0: " + "%{expand:" * DEEP + "x" + "}" * DEEP + "\n" + TAIL)
write("deep-macro-conditional.spec", HEAD + "Source0: " + "%{?name:" * DEEP + "x" + "}" * DEEP + "\n" + TAIL)
write("deep-macro-shell.spec", HEAD + "Source0: " + "%(" * DEEP + "x" + ")" * DEEP + "\n" + TAIL)
write("deep-macro-unterminated.spec", HEAD + "Source0: " + "%{" * DEEP + "\n" + TAIL)
write("deep-if.spec", HEAD + "%if 1\n" * DEEP + "Requires: x\n" + "%endif\n" * DEEP + TAIL)
write("deep-if-unterminated.spec", HEAD + "%if 0\n" * DEEP + TAIL)
write("deep-expression.spec", HEAD + "%if " + "(" * DEEP + "1" + ")" * DEEP + "\n%endif\n" + TAIL)
write("deep-expression-not.spec", HEAD + "%if " + "!" * DEEP + "1\n%endif\n" + TAIL)
write("deep-bracket-expression.spec", HEAD + "Source0: %[" + "(" * DEEP + "1" + ")" * DEEP + "]\n" + TAIL)
write("deep-rich-dependency.spec", HEAD + "Requires: " + "(a with " * DEEP + "b" + ")" * DEEP + "\n" + TAIL)
write("deep-parentheses-dependency.spec", HEAD + "Requires: " + "(" * DEEP + "a" + ")" * DEEP + "\n" + TAIL)
write("deep-files-attr.spec", HEAD + TAIL + "%attr(" + "(" * DEEP + ") /x\n")
write("service-deep-nesting/_service", "<services>" + "<service>" * DEEP + "</service>" * DEEP + "</services>\n")
write("service-deep-comment/_service", "<services>" + "<!--" * DEEP + "-->" * DEEP + "</services>\n")
write("rules-deep-make/debian.rules", "#!/usr/bin/make -f\nX := " + "$(" * DEEP + "x" + ")" * DEEP + "\n%:\n\tdh $@\nnot a rule, still reported after all that\n")
write("control-deep-parentheses/debian.control", CONTROL.replace("(= 13)", "(" * DEEP + "= 13" + ")" * DEEP))
write("toml-deep/katalint.toml", "ignore = " + "[" * DEEP + "]" * DEEP + "\n")
write("toml-deep/x.spec", HEAD + TAIL)
write("baseline-deep.json", "[" * DEEP + "]" * DEEP)
write("deep-scriptlet.spec", HEAD + TAIL + "\n%post\n" + "$(" * DEEP + "x" + ")" * DEEP + "\n" + "{ " * DEEP + ":;" + " }" * DEEP + "\n")
write("deep-scriptlet-unterminated.spec", HEAD + TAIL + "\n%postun\n" + "\"$(" * DEEP + "\n%preun\n" + "if :; then " * DEEP + "\n")
write("deep-scriptlet-if.spec", HEAD + TAIL + "\n%pre\n" + "%if 1\nif true; then\n" * (DEEP // 2) + "%endif\nfi\n" * (DEEP // 2))
write("many-includes/many.spec", HEAD + "%include part.inc\n" * 20000 + TAIL)
write("many-includes/part.inc", "Requires: a\n" * 100)

# --- Width: many small things.
write("many-sections.spec", HEAD + "".join(f"%package p{i}\nSummary: s\n%description p{i}\nd\n%files p{i}\n/usr/p{i}\n" for i in range(5000)) + TAIL)
write("macro-many-definitions.spec", "".join(f"%global m{i} {i}\n" for i in range(100_000)) + HEAD + TAIL)
write("scriptlet-many-conditionals.spec", HEAD + TAIL + "\n%post\n" + "%if 1\n:\n%elif 2\n:\n%elif 3\n:\n%endif\n" * 50_000 + "fi\n")
write("huge-parametric-args.spec", "%define m(abc:) %{#} %{-c*} %**\n" + HEAD + "Source0: %m " + "-a " * 100_000 + "x\n" + TAIL)
write("long-macro-name.spec", HEAD + "Source0: %{" + "n" * 1_000_000 + "}\n" + TAIL)
write("fixable-flood.spec", HEAD + "BuildRoot: %{_tmppath}/x\n" + "PreReq: x\n" * 3000 + TAIL + "%defattr(-,root,root)\n"
      + "%changelog\n" + "* Mon Jan 01 2024 a <a@b.c> - 1\n- %{name} %{version}\n" * 2000)
write("suppression-spam.spec", "# katalint: disable-file=" + ",".join(["x"] * 50_000) + "\n" + HEAD
      + ("# katalint: disable=" + "a," * 1000 + "\n") * 200 + TAIL)
write("template/x.spec-template", HEAD + "Version: @VERSION@@@@@@@@@" + "@A@" * 100_000 + "\n" + TAIL)
write("only-newlines.spec", "\n" * 5_000_000)
write("random-bytes.spec", random_bytes(1 * MB))
write("control-alternatives/debian.control", CONTROL.replace("debhelper-compat (= 13)", " | ".join(f"p{i} (>= {i}) [amd64] <!nocheck>" for i in range(100_000))))
write("control-many-paragraphs/debian.control", CONTROL + "".join(f"\nPackage: p{i}\nArchitecture: all\nDescription: d\n" for i in range(50_000)))
write("changelog-garbage/debian.changelog", random_bytes(256 * 1024))
write("changelog-huge-entry/debian.changelog", "hostile (1.0-1) unstable; urgency=medium\n\n  * x (Closes: #"
      + ", #".join(str(i) for i in range(200_000)) + ")\n\n -- A <a@b.c>  Mon, 01 Jan 2024 00:00:00 +0000\n"
      + "\nnot a heading, still reported after all that\n")
write("changelog-bad-dates/debian.changelog", "".join(f"hostile ({i}:{'9' * 400}-1) unstable; urgency=\udcff\n\n  * x\n\n"
      " -- A <a@b.c>  Xxx, 99 Foo 99999999999999999999 99:99:99 +9999\n\n" for i in range(2000)))
# Long addresses, unbreakable lines, deep bullets and rising dates for suse-changes-entry-format.
write("changes-entries/x.changes", "".join(f"{SEPARATOR}Mon Jan  1 00:00:00 UTC {1990 + i % 30} - N <{'a' * 8000}@b.c>\n\n"
      f"- Update foo to version {i}:\n  {'x' * 4000}\n  * sub\n    + {'y ' * 1500}\n\n" for i in range(550)))
write("changes-bad-dates/x.changes", "".join(f"{SEPARATOR}Xxx Foo 99 99:99:99 ZZZ {'9' * 300} - \udcff\n\n- x\n\n" for i in range(3000)))
write("dsc-unterminated-pgp/x.dsc", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nFormat: 3.0 (quilt)\nSource: hostile\nFiles:\n "
      + "\n ".join(f"{'f' * 32} {i} file{i}" for i in range(100_000)) + "\n-----BEGIN PGP SIGNATURE-----\n")
write("dsc-binary/x.dsc", random_bytes(256 * 1024))
write("series-weird/debian.series", "../../../etc/passwd -p1\n/absolute.patch\n\0\n" + "x.patch " * 100_000 + "\n")

# --- A real executable named .spec.
shutil.copyfile(binary, os.path.join(out, "binary.spec"))

# --- Things that must not happen: shell and Lua from the spec create files in `out`.
touched = os.path.join(out, "touched")
write("shell-touch.spec", HEAD + f"Source0: %(touch {touched}-source)\n%global g %(touch {touched}-global)\n"
      f"%{{lua: os.execute('touch {touched}-lua')}}\n%if %(touch {touched}-if; echo 1)\n%endif\n"
      f"%define dummy %{{expand:%(touch {touched}-expand)}}\nVersion: %{{dummy}}\n" + TAIL
      + f"\n%prep\ntouch {touched}-prep\n%build\n%(touch {touched}-build)\n")
write("network.spec", HEAD + "Source0: %(curl -s http://192.0.2.1/x)\nSource1: https://192.0.2.1/x.tar.gz\n"
      "%{lua: require('socket').http.request('http://192.0.2.1/')}\n" + TAIL)

# --- Special files where a regular file is expected.
os.mkfifo(os.path.join(out, "fifo.spec"))
os.makedirs(os.path.join(out, "include-fifo"), exist_ok=True)
os.mkfifo(os.path.join(out, "include-fifo", "pipe"))
write("include-fifo/include-fifo.spec", HEAD + "%include pipe\n%{load:pipe}\n" + TAIL)
os.symlink("loop.spec", os.path.join(out, "loop.spec"))
os.makedirs(os.path.join(out, "dir-with-loop"), exist_ok=True)
os.symlink(".", os.path.join(out, "dir-with-loop", "again"))
write("dir-with-loop/x.spec", HEAD + TAIL)
os.makedirs(os.path.join(out, "directory.spec"), exist_ok=True)
os.symlink("/dev/zero", os.path.join(out, "dev-zero.spec"))
os.symlink("/dev/zero", os.path.join(out, "include-symlink-dev-zero.inc"))
write("include-symlink.spec", HEAD + "%include include-symlink-dev-zero.inc\n" + TAIL)
write("bad-name-\udcff\n.spec", HEAD + TAIL)
