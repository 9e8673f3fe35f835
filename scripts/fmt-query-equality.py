#!/usr/bin/env python3
"""Checks that `katalint fmt` keeps what a spec means: `katalint query --json` of the
formatted spec equals that of the input, for every spec given (files or directories).

Usage: fmt-query-equality.py KATALINT PATH... [--fmt-option OPT]... [--verbose]

A few fields are rewritten by the SUSE style on purpose and are compared after the same
rewrite (docs/compat-spec-cleaner.md): the License is converted to SPDX ids (not compared),
a %description loses its trailing Authors: block, a no-break space becomes a plain one,
a purely numeric Release becomes 0, `pkg-config` is spelled `pkgconfig`, `packageand(a:b)` is
the rich dependency `(a and b)`, an unversioned dependency next to a versioned one of the same
name is dropped, and Vendor, Packager and Prefix are dropped. The %changelog text is dropped
(openSUSE keeps it in the .changes file). Exits 1 when a spec's meaning changed.
With --rpm-truth SCRIPT the answers come from rpm itself (rpmspec through SCRIPT) instead,
for the specs rpm parses without errors before and after formatting.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DEP_FIELDS = ("buildrequires", "buildconflicts", "requires", "provides", "conflicts", "obsoletes",
              "recommends", "suggests", "supplements", "enhances")
DROPPED_FIELDS = ("license", "vendor", "packager", "prefixes", "changelog", "changelogs", "buildroot")


def specs(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                for name in sorted(files):
                    if name.endswith(".spec"):
                        yield os.path.join(root, name)
        else:
            yield path


def query(katalint, path, rpm_truth=None):
    if rpm_truth:
        # rpm's own answer (shared/tools/rpm-truth.sh), where rpm parses the spec cleanly.
        proc = subprocess.run(["bash", rpm_truth, "--portable", path], capture_output=True, timeout=300)
        try:
            truth = json.loads(proc.stdout)
        except json.JSONDecodeError:
            return None
        if truth.get("status") != "ok":
            return None
        return {"srpm": truth.get("srpm"), "packages": truth.get("packages")}
    proc = subprocess.run([katalint, "query", "--json", path], capture_output=True, timeout=60)
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return None


def dep_text(dep):
    return dep["dep"] if isinstance(dep, dict) else dep


def normalise_dep_name(text):
    text = re.sub(r"^packageand\(\s*([^\s:]+)\s*:\s*([^\s)]+)\s*\)", r"(\1 and \2)", text)
    text = re.sub(r"^otherproviders\(\s*([^\s)]+)\s*\)", r"\1", text)
    text = re.sub(r"^(pkg-config|pkgconfig\(pkg-config\))(?=\s|$)", "pkgconfig", text)
    return text


def unbrace(text):
    # %{name} and %name mean the same to rpm; an undefined one stays in the text as written.
    return re.sub(r"%\{([A-Za-z_][A-Za-z0-9_]*)\}", r"%\1", text)


def plain_spaces(text):
    # The style writes a no-break space as a plain one.
    return text.replace("\u00a0", " ")


def without_authors(text):
    # The style drops the "Authors:" block at the end of a %description.
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if re.match(r"^\s*Authors?:", line):
            lines = lines[:i]
            break
    return "\n".join(lines).rstrip("\n ")


def normalise_deps(deps):
    items = [dict(d) if isinstance(d, dict) else {"dep": d} for d in deps]
    for item in items:
        item["dep"] = unbrace(normalise_dep_name(item["dep"]))
        # A scriptlet whose whole body is /sbin/ldconfig runs it as its interpreter instead.
        if item["dep"] == "/sbin/ldconfig" and "interp" in item.get("type", ""):
            item["dep"] = "/bin/sh"
    # BuildRequires: pkgconfig is added next to pkgconfig() build dependencies.
    if any(i["dep"].startswith("pkgconfig(") for i in items):
        items = [i for i in items if i["dep"] != "pkgconfig"]
    versioned = {i["dep"].split(" ")[0] for i in items if " " in i["dep"]}
    kept = []
    for item in items:
        if " " not in item["dep"] and item["dep"] in versioned:
            continue
        if item not in kept:
            kept.append(item)
    return sorted(kept, key=lambda i: json.dumps(i, sort_keys=True))


def normalise(model, numeric_release):
    def fix(obj):
        if isinstance(obj, dict):
            out = {}
            for key, value in obj.items():
                if key in DROPPED_FIELDS:
                    continue
                if key in DEP_FIELDS and isinstance(value, list):
                    out[key] = normalise_deps(value)
                elif key in ("sources", "patches") and isinstance(value, list):
                    # Tags keep their numbers; the style sorts them by number.
                    out[key] = sorted(unbrace(v) if isinstance(v, str) else v for v in value)
                elif key == "release" and numeric_release and isinstance(value, str):
                    out[key] = "0"
                elif key == "description" and isinstance(value, str):
                    out[key] = without_authors(plain_spaces(unbrace(value)))
                elif isinstance(value, str):
                    out[key] = plain_spaces(unbrace(value))
                else:
                    out[key] = fix(value)
            return out
        if isinstance(obj, list):
            return [fix(v) for v in obj]
        return obj
    text = json.dumps(fix(model), sort_keys=True)
    if numeric_release:
        # The release also appears in the provides of each package ("name = 1.0-2").
        text = re.sub(r"(= [^\"]*?-)%s(\")" % re.escape(numeric_release), r"\g<1>0\2", text)
    return json.loads(text)


def numeric_release_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.match(r"^Release\s*:\s*(\S*)", line, re.IGNORECASE)
            if m and not re.search(r"[a-zA-Z\s]", m.group(1)) and m.group(1) != "0":
                return m.group(1)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("katalint")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--fmt-option", action="append", default=[])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--rpm-truth", help="compare rpm's answers (this rpm-truth.sh) instead of katalint query")
    parser.add_argument("--known", help="file of path suffixes (and reasons) that are known to differ")
    parser.add_argument("--allow-unseen", action="store_true",
                        help="do not fail when a known difference was not checked (a sample of the corpus)")
    args = parser.parse_args()

    known = {}
    if args.known:
        with open(args.known, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    suffix, _, reason = line.rstrip("\n").partition("\t")
                    known[suffix] = reason
    known_seen = set()
    checked = changed = skipped = 0
    work = tempfile.mkdtemp(prefix="katalint-fmt-query-")
    try:
        for spec in specs(args.paths):
            before = query(args.katalint, spec, args.rpm_truth)
            if before is None:
                skipped += 1
                continue
            # The same file name, so %{name}-derived and file-name rules see the same input.
            target = os.path.join(work, os.path.basename(spec))
            proc = subprocess.run([args.katalint, "fmt", *args.fmt_option, spec], capture_output=True, timeout=60)
            if proc.returncode != 0:
                print(f"fmt failed ({proc.returncode}): {spec}")
                changed += 1
                continue
            with open(target, "wb") as f:
                f.write(proc.stdout)
            after = query(args.katalint, target, args.rpm_truth)
            checked += 1
            release = numeric_release_of(spec)
            if after is None or normalise(before, release) != normalise(after, release):
                suffix = next((k for k in known if spec.endswith(k)), None)
                if suffix is not None:
                    known_seen.add(suffix)
                    print(f"known difference: {spec} ({known[suffix]})")
                    continue
                changed += 1
                print(f"meaning changed: {spec}")
                if args.verbose and after is not None:
                    a = json.dumps(normalise(before, release), indent=1, sort_keys=True).splitlines()
                    b = json.dumps(normalise(after, release), indent=1, sort_keys=True).splitlines()
                    import difflib
                    for line in list(difflib.unified_diff(a, b, lineterm=""))[:40]:
                        print("   ", line)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"query equality: {checked - changed - len(known_seen)}/{checked} specs unchanged in meaning,"
          f" {len(known_seen)} known differences ({skipped} specs {'rpm' if args.rpm_truth else 'katalint query'}"
          f" cannot read cleanly were skipped)")
    stale = [] if args.allow_unseen else [k for k in known if k not in known_seen]
    for suffix in stale:
        print(f"listed as a known difference but equal now (remove it from the list): {suffix}")
    return 1 if changed or stale else 0


if __name__ == "__main__":
    sys.exit(main())
