#!/usr/bin/env bash
# The `rpm` target profile (data/profiles/rpm.macros) against the installed rpm.
# Usage: profile_rpm_showrc.sh KATALINT SOURCE_DIR
#
# data/profiles/rpm.macros describes rpm 4.18.0 as Debian 12 ships it (x86_64, no
# distribution macro packages). This test checks, with two rpm calls:
#   1. every macro the profile defines has exactly rpm's raw body (and options);
#   2. every macro rpm loads from its macro files (showrc level -13) or sets from rpmrc
#      (level -11) is defined by the profile;
#   3. rpm itself, loading only the profile (`rpm --macros=PROFILE --showrc`), reads the
#      same definitions as the test's own reader of the file format (so the file holds no
#      construct whose meaning depends on a reader's quirks).
# Macros marked `#!katalint-pinned` in the profile hold a fixed value where rpm computes a
# host-dependent one; they are listed, not compared.
# The distribution profiles (every other data/profiles/*.macros) are checked for form: their
# #!katalint- directives are valid, rpm reads each definition as the test's reader does, and
# a few key values, expanded by rpm with the profile loaded over rpm.macros, are as expected.
# Without rpm 4.18 (or python3) the test prints SKIP and passes, unless
# KATALINT_REQUIRE_TOOLS=1, when it fails.
set -u
src=${2:?usage: profile_rpm_showrc.sh KATALINT SOURCE_DIR}
profile=$src/data/profiles/rpm.macros

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = "1" ]; then
    echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"
    exit 1
  fi
  echo "SKIP: $1"
  exit 0
}

command -v rpm >/dev/null 2>&1 || skip "rpm is not installed"
python=/usr/bin/python3
[ -x "$python" ] || python=$(command -v python3 2>/dev/null) || true
[ -n "$python" ] && [ -x "$python" ] || skip "python3 is not installed"
[ -r "$profile" ] || { echo "FAIL: $profile is missing"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# An empty HOME keeps a personal ~/.rpmmacros out of the comparison.
mkdir "$tmp/home"
export HOME=$tmp/home LC_ALL=C

version=$(rpm --version 2>/dev/null | awk '{print $3}')
case $version in
  4.18.*) ;;
  *) skip "installed rpm is '${version:-unknown}', the profile describes rpm 4.18" ;;
esac

rpm --showrc >"$tmp/system.showrc" 2>"$tmp/system.err" || { echo "FAIL: rpm --showrc failed"; cat "$tmp/system.err"; exit 1; }
rpm --macros="$profile" --showrc >"$tmp/profile.showrc" 2>"$tmp/profile.err" || { echo "FAIL: rpm --macros=PROFILE --showrc failed"; cat "$tmp/profile.err"; exit 1; }

"$python" - "$profile" "$tmp/system.showrc" "$tmp/profile.showrc" "$tmp/profile.err" <<'PYEOF'
import glob
import os
import re
import subprocess
import sys

profile_path, system_path, loaded_path, loaded_err = sys.argv[1:5]
profiles_dir = os.path.dirname(profile_path)


def read_logical_lines(text):
    """rpm 4.18's rdcl(): a line that starts with '%' (after blanks) continues on the next
    line while it ends in a backslash or an opened %{ or %( is not closed; the newline is
    kept. Other lines (comments) stand alone."""
    lines = text.split("\n")
    had_newline = [True] * (len(lines) - 1) + [False]
    if lines and lines[-1] == "":
        lines.pop()
        had_newline.pop()
    out, i = [], 0
    while i < len(lines):
        buf, bc, pc = "", 0, 0
        if not lines[i].lstrip(" \t").startswith("%"):
            out.append(lines[i].rstrip("\r"))
            i += 1
            continue
        while i < len(lines):
            line, nl = lines[i].rstrip("\r"), had_newline[i]
            i += 1
            p = 0
            while p < len(line):
                c = line[p]
                nxt = line[p + 1] if p + 1 < len(line) else "\n"
                if c == "\\":
                    p += 1
                elif c == "%":
                    if nxt == "{":
                        p += 1
                        bc += 1
                    elif nxt == "(":
                        p += 1
                        pc += 1
                    elif nxt == "%":
                        p += 1
                elif c == "{" and bc > 0:
                    bc += 1
                elif c == "}" and bc > 0:
                    bc -= 1
                elif c == "(" and pc > 0:
                    pc += 1
                elif c == ")" and pc > 0:
                    pc -= 1
                p += 1
            buf += line
            if not nl or ((not line or line[-1] != "\\") and not bc and not pc):
                break
            buf += "\n"
        out.append(buf)
    return out


def define(entry):
    """rpm 4.18's doDefine() for a macro file line (after the '%'):
    (name, opts, body, used {...} grouping), or None when rpm rejects it."""
    s, n = 0, len(entry)
    while s < n and entry[s] in " \t":
        s += 1
    start = s
    while s < n and (entry[s].isalnum() or entry[s] == "_"):
        s += 1
    name, opts = entry[start:s], None
    if s < n and entry[s] == "(":
        end = entry.find(")", s)
        if end < 0:
            return None
        opts, s = entry[s + 1:end], end + 1
    while s < n and entry[s] in " \t":
        s += 1
    body = []
    if s < n and entry[s] == "{":  # rpm's silent {...} grouping
        lvl, p = 0, s
        while p < n:
            c = entry[p]
            if c == "\\":
                p += 2
                continue
            if c == "}":
                lvl -= 1
                if lvl <= 0:
                    break
            elif c == "{":
                lvl += 1
            p += 1
        return name, opts, entry[s + 1:p], True
    bc = pc = xc = 0
    while s < n and (bc or pc or entry[s] not in "\r\n"):
        c = entry[s]
        nxt = entry[s + 1] if s + 1 < n else ""
        if c == "\\" and nxt:
            s += 1
        elif c == "%":
            if nxt and nxt in "{([%":
                body.append(c)
                s += 1
                if nxt == "{":
                    bc += 1
                elif nxt == "(":
                    pc += 1
                elif nxt == "[":
                    xc += 1
        elif c == "{" and bc > 0:
            bc += 1
        elif c == "}" and bc > 0:
            bc -= 1
        elif c == "(" and pc > 0:
            pc += 1
        elif c == ")" and pc > 0:
            pc -= 1
        elif c == "[" and xc > 0:
            xc += 1
        elif c == "]" and xc > 0:
            xc -= 1
        body.append(entry[s])
        s += 1
    if bc or pc or xc:
        return None  # rpm: unterminated body
    return name, opts, "".join(body).rstrip(" \t\r\n"), False


def load_profile(path):
    """Definitions of a profile in file order, and the names marked #!katalint-pinned."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    defs, pinned, problems, pin_next = {}, set(), [], False
    for logical in read_logical_lines(text):
        stripped = logical.lstrip(" \t")
        if stripped.startswith("#!katalint-pinned"):
            pin_next = True
        if not stripped.startswith("%"):
            if logical.endswith("\\"):
                problems.append("a comment ends in a backslash: %r" % logical[:60])
            continue
        parsed = define(stripped[1:])
        if parsed is None:
            problems.append("unreadable definition: %r" % stripped[:60])
            continue
        name, opts, body, grouped = parsed
        if grouped:
            problems.append("%s: body uses rpm's {...} grouping" % name)
        if name in defs:
            problems.append("%s: defined twice" % name)
        defs[name] = (opts, body)
        if pin_next:
            pinned.add(name)
            pin_next = False
    return defs, pinned, problems


ENTRY = re.compile(r"^\s*(-?\d+)([:=]) ([A-Za-z0-9_]+)(?:\(([^)]*)\))?(\t.*)?$")


def load_showrc(path):
    """The macro table of `rpm --showrc`: name -> (level, opts or None, body)."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    try:
        start = lines.index("========================") + 1
    except ValueError:
        sys.exit("FAIL: no macro table in rpm --showrc output")
    table, current = {}, None
    for line in lines[start:]:
        if line.startswith("======================== active"):
            break
        m = ENTRY.match(line)
        if m:
            level, _, name, opts, body = m.groups()
            current = name
            table[name] = [int(level), opts or None, body[1:] if body else ""]
        elif current is not None:
            table[current][2] += "\n" + line
    return table


defs, pinned, problems = load_profile(profile_path)
system = load_showrc(system_path)
loaded = load_showrc(loaded_path)
failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


def show(body):
    return body if len(body) < 200 else body[:200] + "..."


for p in problems:
    fail("profile format: " + p)

# 1. Every profile macro has rpm's body.
for name, (opts, body) in defs.items():
    if name not in system:
        fail("%s: defined by the profile, unknown to rpm" % name)
        continue
    level, ropts, rbody = system[name]
    if level == -20:
        fail("%s: rpm has it as a built-in" % name)
        continue
    if name in pinned:
        print("pinned: %s = %r (rpm: %r)" % (name, body, show(rbody)))
        continue
    if (opts or None) != ropts:
        fail("%s: options (%s), rpm has (%s)" % (name, opts or "", ropts or ""))
    if body != rbody:
        fail("%s: body differs\n  profile: %r\n  rpm:     %r" % (name, show(body), show(rbody)))

# 2. Every macro rpm loads from its files (or rpmrc) is in the profile.
missing = sorted(n for n, (level, _, _) in system.items() if level in (-13, -11) and n not in defs)
for name in missing:
    fail("%s: rpm defines it (level %d), the profile does not" % (name, system[name][0]))

# 3. rpm reads the profile as this test does.
with open(loaded_err, encoding="utf-8", errors="replace") as f:
    for line in f:
        if line.strip():
            fail("rpm --macros=PROFILE: " + line.rstrip())
for name, (opts, body) in defs.items():
    got = loaded.get(name)
    if got is None or got[0] not in (-13, -11):
        fail("%s: rpm did not read it from the profile" % name)
    elif got[0] == -13 and (got[2] != body or got[1] != (opts or None)):
        fail("%s: rpm reads another body from the profile: %r" % (name, show(got[2])))
for name, (level, _, _) in loaded.items():
    if level == -13 and name not in defs:
        fail("%s: rpm reads it from the profile, the test's reader does not" % name)

print("rpm profile: %d macros, %d pinned, %d rpm macros at levels -13/-11"
      % (len(defs), len(pinned), sum(1 for v in system.values() if v[0] in (-13, -11))))

# 4. The distribution profiles.
# Key values, expanded by rpm with rpm.macros and the profile loaded (single-line macros only;
# rpm knows nothing of #!katalint-undefine, and rpmrc's -11 values such as %optflags win).
EXPECT = {
    "fedora": [("%{fedora}", "45"), ("%{dist}", ".fc45"), ("%{_libdir}", "/usr/lib64"),
               ("%{_unitdir}", "/usr/lib/systemd/system"), ("%{_vendor}", "redhat"),
               ("%{_target_platform}", "x86_64-redhat-linux-gnu"), ("%{python3_version}", "3.14"),
               ("%{python3_sitelib}", "/usr/lib/python3.14/site-packages"),
               ("%{_vpath_builddir}", "redhat-linux-build"), ("%{?suse_version}", "")],
    "rhel9": [("%{rhel}", "9"), ("%{el9}", "1"), ("%{dist}", ".el9"), ("%{_libdir}", "/usr/lib64"),
              ("%{_unitdir}", "/usr/lib/systemd/system"), ("%{python3_version}", "3.9"),
              ("%{?fedora}", ""), ("%{?centos}", "")],
    "opensuse-tumbleweed": [("%{suse_version}", "1699"), ("%{is_opensuse}", "1"), ("%{?sle_version}", ""),
                            ("%{_libdir}", "/usr/lib64"), ("%{_libexecdir}", "/usr/libexec"),
                            ("%{_unitdir}", "/usr/lib/systemd/system"),
                            ("%{_fillupdir}", "/usr/share/fillup-templates"),
                            ("%{_defaultdocdir}", "/usr/share/doc/packages"), ("%{_vendor}", "suse"),
                            ("%{_target_platform}", "x86_64-suse-linux"), ("%{go_arch}", "amd64"),
                            ("%{python3_version}", "3.13")],
    "sle15": [("%{suse_version}", "1500"), ("%{sle_version}", "150700"), ("%{?is_opensuse}", ""),
              ("%{_libexecdir}", "/usr/lib"), ("%{_libdir}", "/usr/lib64"),
              ("%{_unitdir}", "/usr/lib/systemd/system"), ("%{_fillupdir}", "/usr/share/fillup-templates"),
              ("%{_vendor}", "suse"), ("%{python3_version}", "3.6")],
}
DIRECTIVE = re.compile(r"^#!katalint-(inherit|undefine|pinned|command|missing-command|shell)(?: +(.+?))?\s*$")


def chain_names(name, seen=()):
    """Macro names a profile ends with: its inherited chain, minus undefines, plus its own."""
    path = os.path.join(profiles_dir, name + ".macros")
    if name in seen or not os.path.exists(path):
        return None
    text = open(path, encoding="utf-8").read()
    names = set()
    first = text.split("\n", 1)[0]
    m = DIRECTIVE.match(first)
    if m and m.group(1) == "inherit":
        names = chain_names(m.group(2), seen + (name,)) or set()
    for logical in read_logical_lines(text):
        m = DIRECTIVE.match(logical)
        if m and m.group(1) == "undefine":
            names.discard(m.group(2))
    names |= set(load_profile(path)[0])
    return names


for path in sorted(glob.glob(os.path.join(profiles_dir, "*.macros"))):
    name = os.path.basename(path)[:-len(".macros")]
    if name == "rpm":
        continue
    text = open(path, encoding="utf-8").read()
    pdefs, ppinned, pproblems = load_profile(path)
    for p in pproblems:
        fail("%s: profile format: %s" % (name, p))
    parent, inherited = None, set()
    logical_lines = read_logical_lines(text)
    for i, logical in enumerate(logical_lines):
        if not logical.startswith("#!katalint-"):
            continue
        m = DIRECTIVE.match(logical)
        if not m:
            fail("%s: unknown directive %r" % (name, logical))
        elif m.group(1) == "inherit":
            if i != 0:
                fail("%s: #!katalint-inherit is not the first line" % name)
            parent = m.group(2)
            inherited = chain_names(parent, (name,))
            if inherited is None:
                fail("%s: inherits unknown profile %r" % (name, parent))
                inherited = set()
        elif m.group(1) == "undefine":
            if not m.group(2) or m.group(2) not in inherited:
                fail("%s: #!katalint-undefine %s: not defined by the inherited profiles" % (name, m.group(2)))
        elif m.group(2):
            fail("%s: #!katalint-pinned takes no argument" % name)
    # rpm reads the file as the reader does.
    run = subprocess.run(["rpm", "--macros=" + path, "--showrc"], capture_output=True, text=True,
                         errors="surrogateescape")
    if run.returncode != 0 or run.stderr.strip():
        fail("%s: rpm --macros=PROFILE --showrc: %s" % (name, run.stderr.strip() or run.returncode))
    with open(os.path.join(os.environ["HOME"], name + ".showrc"), "w", errors="surrogateescape") as f:
        f.write(run.stdout)
    shown = load_showrc(os.path.join(os.environ["HOME"], name + ".showrc"))
    for n, (opts, body) in pdefs.items():
        got = shown.get(n)
        if got is None or got[0] not in (-13, -11):
            fail("%s: %s: rpm did not read it from the profile" % (name, n))
        elif got[0] == -13 and (got[2] != body or got[1] != (opts or None)):
            fail("%s: %s: rpm reads another body from the profile: %r" % (name, n, show(got[2])))
    for n, (level, _, _) in shown.items():
        if level == -13 and n not in pdefs:
            fail("%s: %s: rpm reads it from the profile, the test's reader does not" % (name, n))
    # Key values.
    expect = EXPECT.get(name, [])
    if expect:
        sep = "\x01"
        files = (profile_path + ":" + path) if parent == "rpm" else path
        run = subprocess.run(["rpm", "--macros=" + files, "--eval", sep.join(e for e, _ in expect)],
                             capture_output=True, text=True)
        got = run.stdout.rstrip("\n").split(sep)
        if run.returncode != 0 or len(got) != len(expect):
            fail("%s: rpm --eval of the key values failed: %s" % (name, run.stderr.strip()))
        else:
            for (expr, want), value in zip(expect, got):
                if value != want:
                    fail("%s: %s expands to %r, expected %r" % (name, expr, value, want))
    print("%s profile: %d macros, %d pinned, %d key values" % (name, len(pdefs), len(ppinned), len(expect)))

print("%d failures" % failures)
sys.exit(1 if failures else 0)
PYEOF
