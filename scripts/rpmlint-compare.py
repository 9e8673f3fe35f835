#!/usr/bin/python3
"""katalint side by side with rpmlint on rpmlint's own spec test inputs.

`corpus/rpmlint-specs/expected/*.tsv` records what rpmlint reports on those specs. For each
recorded set this script lints the same specs with katalint (one run, inside the corpus
directory, bare file names) for the set's target and compares:

* recall: every recorded diagnostic other than specfile-error/specfile-warning must be found
  by katalint: a finding of the rule that supersedes the rpmlint id (its id or one of its
  aliases, see `katalint rules --format json`) on the same spec, and on the same line where
  rpmlint gives one;
* extra findings: findings of those rules that rpmlint did not report.

Rules that supersede several rpmlint ids (build-system-tag, missing-build-section, ...) say
which one a finding stands for through its message; MESSAGE_IDS below holds those patterns.

With --live, Debian's rpmlint (if installed) is run on the same specs and its diagnostics
are compared with the recorded `rpmlint-debian-2.4.tsv`, to show the recording still holds.

Standard library only. Exit status: 0, or 1 when a set's recall is below its --min value or
the live run differs from the recording.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# Every message id rpmlint's SpecCheck can print at upstream 938f517 (rules-spec.md,
# Appendix A), plus the Python and SUSE ids the same check prints.
RPMLINT_SPEC_IDS = {
    "no-spec-file", "invalid-spec-name", "non-utf8-spec-file", "non-break-space",
    "forbidden-controlchar-found", "mixed-use-of-spaces-and-tabs", "use-of-RPM_SOURCE_DIR",
    "patch-not-applied", "patch-macro-old-format", "%ifarch-applied-patch",
    "patch-fuzz-is-changed", "obsolete-tag", "no-buildroot-tag",
    "hardcoded-path-in-buildroot-tag", "hardcoded-packager-tag", "hardcoded-prefix-tag",
    "buildarch-instead-of-exclusivearch-tag", "hardcoded-library-path",
    "configure-without-libdir-spec", "no-%prep-section", "no-%build-section",
    "no-%install-section", "no-%check-section", "more-than-one-%changelog-section",
    "superfluous-%clean-section", "lib-package-without-%mklibname", "prereq-use",
    "buildprereq-use", "setup-not-in-prep", "%autosetup-not-in-prep", "%autopatch-not-in-prep",
    "setup-not-quiet", "rpm-buildroot-usage", "make-check-outside-check-section",
    "macro-in-%changelog", "macro-in-comment", "depscript-without-disabling-depgen",
    "unversioned-explicit-provides", "unversioned-explicit-obsoletes",
    "comparison-operator-in-deptoken", "libdir-macro-in-noarch-package", "deprecated-grep",
    "non-standard-group", "invalid-url", "specfile-error", "specfile-warning",
    "python-setup-test", "python-setup-install", "python-module-def",
    "python-sitelib-glob-in-files", "shared-dir-glob-in-files",
    "suse-update-desktop-file-deprecated",
}
IGNORED_IDS = {"specfile-error", "specfile-warning"}

# For rules that supersede several rpmlint ids, or report more than one id covers:
# (message regex, rpmlint id), first match wins.
# A finding whose message matches none stands for no rpmlint id.
MESSAGE_IDS = {
    "build-system-tag": [
        (r"\bPackager\b", "hardcoded-packager-tag"),
        (r"literal path", "hardcoded-path-in-buildroot-tag"),
        # Its Group finding (Fedora dropped the tag) is not rpmlint's value check.
    ],
    "missing-build-section": [
        (r"%prep", "no-%prep-section"),
        (r"%build", "no-%build-section"),
        (r"%install", "no-%install-section"),
    ],
    "prep-macro-outside-prep": [
        (r"%autosetup", "%autosetup-not-in-prep"),
        (r"%autopatch", "%autopatch-not-in-prep"),
        (r"%setup", "setup-not-in-prep"),
    ],
    "prereq-tag": [
        (r"BuildPreReq", "buildprereq-use"),
        (r"PreReq", "prereq-use"),
    ],
    "python-deprecated-setuptools": [
        (r"setup\.py test", "python-setup-test"),
        (r".", "python-setup-install"),
    ],
    "deprecated-suse-macro": [
        (r"python_module", "python-module-def"),
        (r"suse_update_desktop_file|update-desktop-files", "suse-update-desktop-file-deprecated"),
    ],
    "duplicate-declaration": [
        (r"%changelog", "more-than-one-%changelog-section"),
    ],
    # Rules that report more than rpmlint's id covers: only these messages stand for it.
    "check-section": [
        (r"^no %check section", "no-%check-section"),
    ],
    "prefer-build-macros": [
        (r"^\./configure without --libdir", "configure-without-libdir-spec"),
    ],
}

# The recorded sets: file, label, katalint target, whether it counts for --min.
SETS = [
    ("rpmlint-upstream-opensuse.tsv", "openSUSE", "opensuse-tumbleweed"),
    ("rpmlint-upstream-fedora.tsv", "Fedora", "fedora"),
    ("rpmlint-upstream-default.tsv", "upstream default", "rpm"),
    ("rpmlint-debian-2.4.tsv", "Debian 2.4.0", "rpm"),
]
SET_KEYS = {"opensuse": 0, "fedora": 1, "default": 2, "debian": 3}

Finding = collections.namedtuple("Finding", "spec id line detail")


def default_corpus():
    env = os.environ.get("KATALINT_CORPUS_DIR")
    if env:
        return os.path.join(env, "rpmlint-specs")
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "shared", "corpus", "rpmlint-specs"))


def default_katalint():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "build", "dev", "katalint"))


def read_expected(path):
    out = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            while len(cols) < 5:
                cols.append("")
            spec, _severity, check, where, detail = cols[:5]
            if check in IGNORED_IDS:
                continue
            out.append(Finding(spec, check, int(where) if where else None, detail))
    return out


def rule_table(katalint):
    """rule id -> the rpmlint ids it supersedes."""
    proc = subprocess.run([katalint, "rules", "--format", "json"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"rpmlint-compare: '{katalint} rules --format json' failed: {proc.stderr.strip()}")
    table = {}
    for rule in json.loads(proc.stdout)["rules"]:
        names = [rule["id"]] + list(rule.get("aliases", []))
        ids = [n for n in names if n in RPMLINT_SPEC_IDS]
        if not ids:
            continue
        if len(ids) > 1 and rule["id"] not in MESSAGE_IDS:
            sys.exit(f"rpmlint-compare: rule {rule['id']} supersedes {ids}; add it to MESSAGE_IDS")
        table[rule["id"]] = ids
    return table


def rpmlint_id_of(rule, message, table):
    ids = table.get(rule)
    if not ids:
        return None
    if len(ids) == 1 and rule not in MESSAGE_IDS:
        return ids[0]
    for pattern, rid in MESSAGE_IDS[rule]:
        if re.search(pattern, message):
            return rid
    return None


def run_katalint(katalint, corpus, specs, target, table):
    """Findings of rules that supersede rpmlint ids, as rpmlint ids; and all findings."""
    with tempfile.TemporaryDirectory() as tmp:
        config = os.path.join(tmp, "katalint.toml")
        open(config, "w").close()  # defaults only; nothing discovered around the corpus
        cmd = [katalint, "--format", "json", "--fail-on", "never", "--target", target,
               "--config", config, "-j", "2", "--"] + specs
        proc = subprocess.run(cmd, cwd=corpus, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rpmlint-compare: katalint exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    try:
        diagnostics = json.loads(proc.stdout)["diagnostics"]
    except (ValueError, KeyError):
        sys.exit("rpmlint-compare: katalint output is not JSON")
    translated = []
    for d in diagnostics:
        rid = rpmlint_id_of(d["rule"], d["message"], table)
        if rid is None:
            continue
        line = d["begin"]["line"] if d.get("begin") else None
        translated.append((Finding(d.get("file", ""), rid, line, d["message"]), d["rule"]))
    return translated


def compare(expected, found):
    """(matched, missed, extra) lists. Several rpmlint lines of one id on one line (rpmlint
    reports some problems from two places) are all matched by one finding on that line; a
    recorded diagnostic without a line is matched by a finding on any line."""
    by_key = collections.defaultdict(list)
    for f, rule in found:
        by_key[(f.spec, f.id)].append((f, rule))
    used = set()
    matched, missed = [], []
    for e in expected:
        hits = [i for i, (f, _) in enumerate(by_key.get((e.spec, e.id), []))
                if e.line is None or f.line == e.line]
        if hits:
            # Prefer a finding no other recorded line has taken yet.
            free = [i for i in hits if ((e.spec, e.id), i) not in used]
            used.add(((e.spec, e.id), (free or hits)[0]))
            matched.append(e)
        else:
            missed.append(e)
    extra = [(f, rule) for key, items in by_key.items() for i, (f, rule) in enumerate(items)
             if (key, i) not in used]
    extra.sort(key=lambda x: (x[0].spec, x[0].line or 0, x[0].id))
    return matched, missed, extra


def printable(text):
    """Control characters as ^X, so the report stays one line per finding."""
    return "".join("^" + chr(ord(c) + 64) if ord(c) < 32 else c for c in text)


def where(f):
    return f"{f.spec}:{f.line}" if f.line else f.spec


def parse_rpmlint_output(text):
    pattern = re.compile(r"^(?P<spec>[^\s:][^:]*\.spec)(?::(?P<line>\d+))?: (?P<sev>[EWI]): (?P<id>\S+)")
    out = set()
    for line in text.splitlines():
        m = pattern.match(line)
        if m and m.group("id") not in IGNORED_IDS:
            out.add((m.group("spec"), m.group("id"), int(m.group("line")) if m.group("line") else None))
    return out


def live_rpmlint(corpus, specs, recorded_path, require):
    """Runs Debian's rpmlint and compares it with the recording. Returns True when they agree
    (or rpmlint is missing and not required)."""
    rpmlint = shutil.which("rpmlint")
    if not rpmlint:
        print("live rpmlint: not installed" + (" (required)" if require else "; skipped"))
        return not require
    version = subprocess.run([rpmlint, "--version"], capture_output=True, text=True).stdout.strip()
    proc = subprocess.run([rpmlint] + specs, cwd=corpus, capture_output=True, text=True, errors="replace")
    live = parse_rpmlint_output(proc.stdout)
    recorded = {(e.spec, e.id, e.line) for e in read_expected(recorded_path)}
    only_live = sorted(live - recorded, key=str)
    only_recorded = sorted(recorded - live, key=str)
    same = not only_live and not only_recorded
    print(f"live rpmlint {version}: {len(live)} diagnostics (without specfile-*), "
          f"{'identical to' if same else 'different from'} {os.path.basename(recorded_path)}")
    for spec, rid, line in only_recorded:
        print(f"  recorded only: {spec}:{line or ''} {rid}")
    for spec, rid, line in only_live:
        print(f"  live only: {spec}:{line or ''} {rid}")
    return same


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--katalint", default=default_katalint())
    ap.add_argument("--corpus", default=default_corpus(), help="the rpmlint-specs directory")
    ap.add_argument("--sets", default="opensuse,fedora",
                    help="comma-separated: " + ",".join(SET_KEYS) + " (default: opensuse,fedora)")
    ap.add_argument("--min", action="append", default=[], metavar="SET=PERCENT",
                    help="fail when SET's recall is below PERCENT (repeatable)")
    ap.add_argument("--live", action="store_true", help="also run Debian's rpmlint if installed")
    ap.add_argument("--require-live", action="store_true", help="with --live: a missing rpmlint fails")
    ap.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = ap.parse_args()

    corpus = os.path.abspath(args.corpus)
    expected_dir = os.path.join(corpus, "expected")
    specs = sorted(n for n in os.listdir(corpus) if n.endswith(".spec"))
    if not specs:
        sys.exit(f"rpmlint-compare: no specs in {corpus}")
    minimum = {}
    for m in args.min:
        key, _, value = m.partition("=")
        if key not in SET_KEYS or not value:
            sys.exit(f"rpmlint-compare: bad --min {m!r}")
        minimum[key] = float(value)

    if os.sep in args.katalint:
        args.katalint = os.path.abspath(args.katalint)  # katalint runs inside the corpus
    table = rule_table(args.katalint)
    ok = True
    cache = {}
    for key in args.sets.split(","):
        if key not in SET_KEYS:
            sys.exit(f"rpmlint-compare: unknown set {key!r}")
        filename, label, target = SETS[SET_KEYS[key]]
        expected = read_expected(os.path.join(expected_dir, filename))
        if target not in cache:
            cache[target] = run_katalint(args.katalint, corpus, specs, target, table)
        matched, missed, extra = compare(expected, cache[target])
        total = len(expected)
        percent = 100.0 * len(matched) / total if total else 100.0
        print(f"{label} set ({filename}, --target {target}): recall {len(matched)}/{total} = {percent:.1f}%, "
              f"{len(extra)} extra findings")
        if not args.quiet:
            for e in missed:
                print(f"  miss: {where(e)} {e.id} {printable(e.detail)}".rstrip())
            for f, rule in extra:
                print(f"  extra: {where(f)} {f.id} [{rule}] {printable(f.detail)}")
        if key in minimum and percent < minimum[key]:
            print(f"FAIL: {label} recall {percent:.1f}% is below {minimum[key]}%")
            ok = False
    if args.live:
        ok = live_rpmlint(corpus, specs, os.path.join(expected_dir, SETS[3][0]), args.require_live) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
