#!/usr/bin/env python3
"""katalint's Debian rules side by side with lintian.

Builds each Debian tree with /work/shared/tools/deb-validate.sh (dpkg-source -b, metadata-only
.debs, one lintian run over the .dsc and the .debs), lints the same files with katalint, and
counts, for every lintian tag that one of katalint's rules implements, whether katalint
reports that rule for the same tree. Prints the recall and lists the gaps.

Trees:
  * every package of real-debian with a whole debian/ directory (changelog, rules, format);
  * the Kata OBS packages of one kata-home release tag, rebuilt from TAGS.tsv, with the @KEY@
    placeholders filled and a one-entry debian.changelog added (OBS generates it).

  scripts/lintian-compare.py build/dev/katalint [--corpus DIR] [--sample N] [--min-recall R]
      [--jobs N] [--validate PATH] [--list-tags]

--sample N takes the first N trees of each kind (CI), --min-recall fails below R (0..1).
Exit codes: 0 ok, 1 recall below the threshold or a tree failed, 77 a tool is missing.
"""
import argparse
import concurrent.futures
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))
DEFAULT_VALIDATE = "/work/shared/tools/deb-validate.sh"
KATA_TAG = "1.12.0"
# lintian tags whose katalint id differs (katalint's `unknown-section` is an alias of the spec rule `unknown-tag-or-section`).
RENAMED = {"unknown-section": "unknown-archive-section"}
# lintian output: "E: pkg source: tag extra..." or "W: pkg: tag extra..."
LINTIAN_LINE = re.compile(r"^([EWIPXCO]): (\S+?)(?: source)?(?: \([^)]*\))?: (\S+)(.*)$")


def katalint_rules(katalint):
    out = subprocess.run([katalint, "rules", "--format", "json"], check=True, capture_output=True, text=True).stdout
    data = json.loads(out)
    rules = data["rules"] if isinstance(data, dict) else data
    by_name = {}
    for r in rules:
        by_name[r["id"]] = r["id"]
        for alias in (r.get("aliases") or []):
            by_name[alias] = r["id"]
    return by_name


def implemented_id(tag, by_name):
    if tag in RENAMED:
        return RENAMED[tag] if RENAMED[tag] in by_name else None
    return by_name.get(tag)


def fill(text, version):
    """Fills @KEY@ the way Kata's update.sh did: versions, a release number, the build arch."""
    values = {"VERSION": version, "RELEASE": "1", "HASH": "0000000", "deb_arch": "amd64", "GO_ARCH": "amd64"}
    def value(m):
        key = m.group(1)
        if key in values:
            return values[key]
        return "1.0-1" if key.endswith("_release") else "1.0"
    return re.sub(r"@([A-Za-z0-9_]+)@", value, text)


def kata_trees(corpus, work, tag):
    """One OBS directory per Kata package at `tag`, templates filled."""
    rows = []
    with open(os.path.join(corpus, "kata-home", "TAGS.tsv")) as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["tag"] == tag and row["repo_path"].startswith("obs-packaging/"):
                rows.append(row)
    trees = {}
    for row in rows:
        parts = row["repo_path"].split("/")
        if len(parts) != 3:
            continue
        package, name = parts[1], parts[2]
        if not (name.startswith("debian.") or name.endswith(".dsc-template") or name.endswith(".dsc")):
            continue
        name = name[: -len("-template")] if name.endswith("-template") else name
        dest = os.path.join(work, "kata-" + package)
        os.makedirs(dest, exist_ok=True)
        with open(os.path.join(corpus, "kata-home", row["corpus_file"]), encoding="utf-8", errors="replace") as f:
            text = fill(f.read(), tag)
        with open(os.path.join(dest, name), "w") as f:
            f.write(text)
        trees[package] = dest
    for package, dest in sorted(trees.items()):
        control = os.path.join(dest, "debian.control")
        if not os.path.exists(control):
            del trees[package]
            continue
        source = package
        with open(control) as f:
            m = re.search(r"^Source:\s*(\S+)", f.read(), re.M)
            if m:
                source = m.group(1)
        if not os.path.exists(os.path.join(dest, "debian.changelog")):
            with open(os.path.join(dest, "debian.changelog"), "w") as f:
                f.write(f"{source} ({tag}-1) unstable; urgency=medium\n\n  * Release {tag}.\n\n"
                        f" -- Kata Containers <kata-dev@lists.katacontainers.io>  Thu, 26 Nov 2026 10:00:00 +0000\n")
    return [("kata-home " + tag + " " + p, d) for p, d in sorted(trees.items())]


def debian_trees(corpus, work):
    base = os.path.join(corpus, "real-debian", "packages")
    out = []
    for name in sorted(os.listdir(base)):
        src = os.path.join(base, name, "debian")
        if not all(os.path.exists(os.path.join(src, f)) for f in ("control", "changelog", "rules", "source/format")):
            continue
        dest = os.path.join(work, name)
        shutil.copytree(os.path.join(base, name), dest)
        os.chmod(os.path.join(dest, "debian", "rules"), 0o755)
        out.append(("real-debian " + name, dest))
    return out


def run_lintian(validate, tree):
    r = subprocess.run(["bash", validate, "--profile", "debian", "-q", tree], capture_output=True, text=True)
    tags = set()
    for line in r.stdout.splitlines():
        m = LINTIAN_LINE.match(line)
        if m:
            tags.add(m.group(3))
    # Exit 1: a dpkg stage failed before lintian ran.
    failed = r.returncode == 1 and not tags
    return tags, failed, (r.stderr.strip().splitlines() or [""])[-1]


def run_katalint(katalint, tree):
    r = subprocess.run([katalint, "--format", "json", "--fail-on", "never", "-j1", tree], capture_output=True, text=True)
    if r.returncode not in (0, 1):
        raise RuntimeError(f"katalint failed on {tree}: {r.stderr.strip()}")
    data = json.loads(r.stdout)
    return {d["rule"] for d in data.get("diagnostics", [])}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("katalint")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--validate", default=DEFAULT_VALIDATE)
    ap.add_argument("--sample", type=int, default=0, help="first N trees of each kind (0: all)")
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list-tags", action="store_true", help="also list every lintian tag seen per tree")
    args = ap.parse_args()

    for tool in ("lintian", "dpkg-source", "dpkg-gencontrol", "dpkg-deb"):
        if shutil.which(tool) is None:
            print(f"lintian-compare: {tool} not found", file=sys.stderr)
            return 77
    if not os.path.exists(args.validate):
        print(f"lintian-compare: {args.validate} not found", file=sys.stderr)
        return 77

    by_name = katalint_rules(args.katalint)
    work = tempfile.mkdtemp(prefix="katalint-lintian-")
    try:
        debian = debian_trees(args.corpus, os.path.join(work, "debian"))
        kata = kata_trees(args.corpus, os.path.join(work, "kata"), KATA_TAG)
        if args.sample:
            debian, kata = debian[: args.sample], kata[: args.sample]
        trees = debian + kata

        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            lintian = list(pool.map(lambda t: run_lintian(args.validate, t[1]), trees))
        katalint = [run_katalint(args.katalint, t[1]) for t in trees]

        found = expected = 0
        gaps, failures, unimplemented = [], [], {}
        for (label, _), (tags, failed, why), ours in zip(trees, lintian, katalint):
            if failed:
                failures.append(f"{label}: deb-validate.sh stopped before lintian: {why}")
                continue
            matched, missed = [], []
            for tag in sorted(tags):
                rule = implemented_id(tag, by_name)
                if rule is None:
                    unimplemented[tag] = unimplemented.get(tag, 0) + 1
                    continue
                (matched if rule in ours else missed).append(tag if rule == tag else f"{tag} ({rule})")
            found += len(matched)
            expected += len(matched) + len(missed)
            gaps += [f"{label}: {t}" for t in missed]
            line = f"{label}: lintian {len(tags)} tags, {len(matched) + len(missed)} implemented, {len(matched)} reported"
            if matched:
                line += ": " + ", ".join(matched)
            print(line)
            if args.list_tags:
                print("  lintian: " + " ".join(sorted(tags)))

        recall = found / expected if expected else 1.0
        print(f"\ntrees: {len(trees) - len(failures)} compared, {len(failures)} not built")
        for f in failures:
            print("  " + f)
        print(f"recall: {found}/{expected} = {recall:.3f} (lintian tags that katalint implements, per tree)")
        print(f"gaps: {len(gaps)}")
        for g in gaps:
            print("  " + g)
        top = sorted(unimplemented.items(), key=lambda kv: (-kv[1], kv[0]))
        print(f"lintian tags without a katalint rule: {len(top)} ("
              + ", ".join(f"{t} x{n}" for t, n in top[:15]) + (", ..." if len(top) > 15 else "") + ")")
        if failures and not expected:
            return 1
        if recall < args.min_recall:
            print(f"lintian-compare: recall {recall:.3f} is below {args.min_recall}", file=sys.stderr)
            return 1
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
