#!/usr/bin/env python3
"""Compares `katalint fmt` with spec-cleaner's expected outputs.

Usage: spec-cleaner-compare.py KATALINT CORPUS [--threshold FILE] [--show-diff CASE]

CORPUS is a copy of spec-cleaner's acceptance tests (in/, out/, out-minimal/, ...; see its
README). Each case is (input, katalint options, expected file). Prints the parity per style
and lists the cases that differ. With --threshold, exits 1 when the overall share of
identical cases (in percent) is below the number in FILE.
"""
import argparse
import difflib
import os
import subprocess
import sys

# Expected files that hold the answer of a network probe (http -> https when the https site
# answered when the expectation was written); katalint never touches the network.
NETWORK_CASES = {
    ("out", "rpmpreamble.spec"),
    ("out", "source_https.spec"),
    ("out", "replace_pwdutils.spec"),
    ("web", "url_https.spec"),
}

# Directories with one special case each: directory -> katalint options.
SPECIAL = {
    "header": ["--style", "minimal", "--copyright-header", "--copyright-year", "2013"],
    "tex": ["--convert", "tex"],
    "perl": ["--convert", "perl"],
    "cmake": ["--convert", "cmake"],
    "group": ["--remove-groups"],
}


def cases(corpus):
    result = []
    for style, directory, options in (
        ("suse", "out", ["--style", "suse", "--convert", "pkgconfig"]),
        ("minimal", "out-minimal", ["--style", "minimal", "--convert", "pkgconfig"]),
    ):
        for name in sorted(os.listdir(os.path.join(corpus, directory))):
            if (directory, name) in NETWORK_CASES:
                continue
            result.append((style, f"{directory}/{name}", name, options, f"{directory}/{name}"))
    if os.path.exists(os.path.join(corpus, "out", "pkgconfrequires.spec")):
        result.append(("suse", "out/pkgconfrequires.spec (no --convert)", "pkgconfrequires.spec",
                       ["--style", "suse"], "out/pkgconfrequires.spec"))
    for directory, options in SPECIAL.items():
        path = os.path.join(corpus, directory)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            result.append(("options", f"{directory}/{name}", name, options, f"{directory}/{name}"))
    return result


def run(katalint, corpus, case):
    _, _, name, options, _ = case
    proc = subprocess.run([katalint, "fmt", *options, os.path.join(corpus, "in", name)],
                          capture_output=True, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("katalint")
    parser.add_argument("corpus")
    parser.add_argument("--threshold")
    parser.add_argument("--show-diff", action="append", default=[])
    args = parser.parse_args()

    totals = {}
    failing = []
    for case in cases(args.corpus):
        style, label, _, _, expected_path = case
        with open(os.path.join(args.corpus, expected_path), "rb") as f:
            expected = f.read()
        code, out, err = run(args.katalint, args.corpus, case)
        same = code == 0 and out == expected
        ok, total = totals.get(style, (0, 0))
        totals[style] = (ok + same, total + 1)
        if not same:
            failing.append(label)
            if label in args.show_diff or "all" in args.show_diff:
                sys.stdout.writelines(difflib.unified_diff(
                    expected.decode(errors="replace").splitlines(True),
                    out.decode(errors="replace").splitlines(True),
                    "expected/" + label, "katalint/" + label))
                if code != 0:
                    print(f"exit {code}: {err.decode(errors='replace')}")

    all_ok = sum(ok for ok, _ in totals.values())
    all_total = sum(total for _, total in totals.values())
    for style, (ok, total) in totals.items():
        print(f"{style}: {ok}/{total} identical ({100.0 * ok / total:.1f} %)")
    percent = 100.0 * all_ok / all_total if all_total else 0.0
    print(f"all: {all_ok}/{all_total} identical ({percent:.1f} %)")
    for label in failing:
        print(f"differs: {label}")
    if args.threshold:
        with open(args.threshold) as f:
            threshold = float(f.read().split()[0])
        if percent < threshold:
            print(f"parity {percent:.1f} % is below the threshold {threshold} %")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
