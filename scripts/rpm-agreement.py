#!/usr/bin/python3
"""How often `katalint query` says exactly what rpm 4.18 says about a real spec.

For every spec of the real-specs corpus whose rpm truth status is `ok`, runs

    katalint query --target rpm --json --define '_sourcedir .' \
        --define '_topdir /builddir/rpmbuild' -- SPEC

inside the spec's directory (like rpm-truth.sh's portable mode), and compares every field of
its `srpm` and `packages` objects with `_truth/truth.jsonl`. A spec agrees when all fields are
equal. Prints the agreement percentage and, for each disagreeing spec, the first differing
fields (or why katalint failed).

Standard library only.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys

MAX_FIELDS = 3  # differing fields shown per spec
MAX_VALUE = 70  # characters of a value shown


def default_corpus():
    env = os.environ.get("KATALINT_CORPUS_DIR")
    if env:
        return os.path.join(env, "real-specs")
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "shared", "corpus", "real-specs"))


def default_katalint():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "build", "dev", "katalint"))


def short(value):
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > MAX_VALUE:
        text = text[: MAX_VALUE - 3] + "..."
    return text


def differences(expected, actual, path, out):
    """Appends (path, expected, actual) for every differing leaf, in document order."""
    if len(out) >= MAX_FIELDS:
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in expected:
            if key not in actual:
                out.append((f"{path}.{key}", expected[key], "<missing>"))
            else:
                differences(expected[key], actual[key], f"{path}.{key}", out)
            if len(out) >= MAX_FIELDS:
                return
        return
    if isinstance(expected, list) and isinstance(actual, list):
        for i, (e, a) in enumerate(zip(expected, actual)):
            differences(e, a, f"{path}[{i}]", out)
            if len(out) >= MAX_FIELDS:
                return
        if len(expected) > len(actual):
            out.append((f"{path}[{len(actual)}]", expected[len(actual)], "<missing>"))
        elif len(actual) > len(expected):
            out.append((f"{path}[{len(expected)}]", "<none>", actual[len(expected)]))
        return
    if expected != actual:
        out.append((path, expected, actual))


def find_query(doc):
    """The object holding `srpm` and `packages` in katalint's output."""
    if isinstance(doc, dict):
        if "srpm" in doc or "packages" in doc:
            return doc
        for value in doc.values():
            found = find_query(value)
            if found is not None:
                return found
    if isinstance(doc, list) and len(doc) == 1:
        return find_query(doc[0])
    return None


def first_line(text):
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return ""


def check_spec(katalint, corpus, truth, timeout):
    """Returns (agrees, reason lines)."""
    spec_path = os.path.join(corpus, truth["spec"])
    cmd = [katalint, "query", "--target", "rpm", "--json",
           "--define", "_sourcedir .", "--define", "_topdir /builddir/rpmbuild",
           "--", os.path.basename(spec_path)]
    try:
        proc = subprocess.run(cmd, cwd=os.path.dirname(spec_path), capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return False, [f"timeout after {timeout}s"]
    except OSError as e:
        return False, [f"cannot run katalint: {e}"]
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0:
        return False, [f"killed by signal {-proc.returncode}: {first_line(stderr)}"]
    if proc.returncode not in (0, 1):
        return False, [f"exit {proc.returncode}: {first_line(stderr) or first_line(stdout)}"]
    try:
        doc = json.loads(stdout)
    except ValueError as e:
        return False, [f"exit {proc.returncode}: output is not JSON ({e}): {first_line(stdout)}"]
    query = find_query(doc)
    if query is None:
        return False, [f"exit {proc.returncode}: no srpm/packages object in the output"]
    diffs = []
    differences({"srpm": truth.get("srpm"), "packages": truth.get("packages")},
                {"srpm": query.get("srpm"), "packages": query.get("packages")}, "", diffs)
    if not diffs:
        return True, []
    return False, [f"{path.lstrip('.')}: expected {short(e)}, got {short(a)}" for path, e, a in diffs]


def load_truth(corpus, substring):
    path = os.path.join(corpus, "_truth", "truth.jsonl")
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            row = json.loads(line)
            if row.get("status") != "ok":
                continue
            if substring and substring not in row["spec"]:
                continue
            rows.append(row)
    return rows


def write_report(path, agreed, total, failures, corpus_name):
    pct = 100.0 * agreed / total if total else 0.0
    lines = [
        "# Agreement with rpm 4.18",
        "",
        "Generated by `scripts/rpm-agreement.py --report docs/rpm-agreement.md`: for every spec of",
        f"`{corpus_name}` whose rpm truth status is `ok`, `katalint query --target rpm --json`",
        "is compared field by field with `rpmspec -q` (see docs/query.md). Do not edit by hand.",
        "",
        f"**Agreement: {agreed}/{total} specs ({pct:.1f}%)**",
        "",
    ]
    if failures:
        lines += ["## Disagreements", ""]
        for spec, reasons in failures:
            lines.append(f"- `{spec}`")
            for reason in reasons:
                lines.append(f"  - {reason.replace('|', '/')}")
        lines.append("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--katalint", default=default_katalint(), help="katalint binary")
    parser.add_argument("--corpus", default=default_corpus(), help="real-specs directory")
    parser.add_argument("--min", type=float, default=None, metavar="PERCENT",
                        help="exit 1 when the agreement is below PERCENT")
    parser.add_argument("--jobs", type=int, default=2, help="parallel katalint runs")
    parser.add_argument("--report", metavar="FILE", help="write a markdown report")
    parser.add_argument("--filter", metavar="SUBSTR", help="only specs whose path contains SUBSTR")
    parser.add_argument("--timeout", type=float, default=60, help="seconds per spec")
    parser.add_argument("--quiet", action="store_true", help="print only the summary line")
    args = parser.parse_args(argv)

    if not os.path.isfile(os.path.join(args.corpus, "_truth", "truth.jsonl")):
        print(f"rpm-agreement: no truth file under {args.corpus}", file=sys.stderr)
        return 2
    if not (os.path.isfile(args.katalint) and os.access(args.katalint, os.X_OK)):
        print(f"rpm-agreement: katalint binary not found: {args.katalint}", file=sys.stderr)
        return 2
    katalint = os.path.abspath(args.katalint)
    rows = load_truth(args.corpus, args.filter)

    results = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(check_spec, katalint, args.corpus, row, args.timeout): row["spec"]
                   for row in rows}
        for future in concurrent.futures.as_completed(futures):
            spec = futures[future]
            try:
                results[spec] = future.result()
            except Exception as e:  # one spec never stops the run
                results[spec] = (False, [f"internal error in rpm-agreement.py: {e!r}"])

    agreed = sum(1 for ok, _ in results.values() if ok)
    total = len(rows)
    failures = [(spec, results[spec][1]) for spec in sorted(results) if not results[spec][0]]
    pct = 100.0 * agreed / total if total else 0.0

    if not args.quiet:
        for spec, reasons in failures:
            print(f"{spec}: {reasons[0]}")
            for reason in reasons[1:]:
                print(f"    {reason}")
    print(f"rpm agreement: {agreed}/{total} ok specs ({pct:.1f}%)")

    if args.report:
        write_report(args.report, agreed, total, failures, os.path.basename(os.path.normpath(args.corpus)))
    if args.min is not None and pct < args.min:
        print(f"rpm agreement {pct:.1f}% is below the threshold {args.min:g}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
