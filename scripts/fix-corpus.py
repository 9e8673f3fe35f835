#!/usr/bin/env python3
"""Runs `katalint --fix` over a copy of every spec in the corpus and checks that fixes are safe.

For each spec (*.spec, *.spec.in, *.spec-template):
  * a second `katalint --fix` must change nothing (fixes reach a fixpoint);
  * if `rpmspec -P` accepted the spec before the fix, it must still accept it.
Prints counts. Exit 0 on success, 1 on a violation, 77 when rpmspec is missing.

Usage: scripts/fix-corpus.py KATALINT CORPUS_DIR [--target T] [--unsafe-fixes] [--jobs N]
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import tempfile

SUFFIXES = (".spec", ".spec.in", ".spec-template")


def rpmspec_ok(path):
    # Parse only (-P); run in the spec's directory so %include finds its files.
    try:
        r = subprocess.run(["rpmspec", "-P", os.path.basename(path)], cwd=os.path.dirname(path),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    except subprocess.TimeoutExpired:
        return False
    return r.returncode == 0


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("katalint")
    ap.add_argument("corpus")
    ap.add_argument("--target", default="")
    ap.add_argument("--unsafe-fixes", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    if shutil.which("rpmspec") is None:
        print("fix-corpus: rpmspec not found")
        return 77

    work = tempfile.mkdtemp(prefix="katalint-fix-corpus-")
    try:
        copy = os.path.join(work, "corpus")
        shutil.copytree(args.corpus, copy, symlinks=True)
        specs = sorted(os.path.join(d, f) for d, _, fs in os.walk(copy) for f in fs
                       if f.endswith(SUFFIXES) and not os.path.islink(os.path.join(d, f)))
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            before_ok = dict(zip(specs, pool.map(rpmspec_ok, specs)))
        originals = {s: read(s) for s in specs}

        cmd = [args.katalint, "--fix", "--fail-on", "never", "--format", "gcc", "-j", str(args.jobs)]
        if args.target:
            cmd += ["--target", args.target]
        if args.unsafe_fixes:
            cmd.append("--unsafe-fixes")
        failures = []
        # Specs go in batches so the command line stays short.
        def run_fix():
            for i in range(0, len(specs), 200):
                r = subprocess.run(cmd + specs[i:i + 200], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                   text=True, errors="replace")
                if r.returncode not in (0, 1):
                    failures.append("katalint --fix exited %d: %s" % (r.returncode, r.stderr.strip()[-2000:]))
                for line in r.stderr.splitlines():
                    if "would add errors" in line or "did not settle" in line or "internal error" in line:
                        failures.append(line)
        run_fix()
        first = {s: read(s) for s in specs}
        changed = [s for s in specs if first[s] != originals[s]]
        run_fix()
        second = {s: read(s) for s in specs}
        not_idempotent = [s for s in specs if second[s] != first[s]]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            after_ok = dict(zip(changed, pool.map(rpmspec_ok, changed)))
        broken = [s for s in changed if before_ok[s] and not after_ok[s]]

        rel = lambda p: os.path.relpath(p, copy)
        for s in not_idempotent:
            failures.append("second --fix changed %s" % rel(s))
        for s in broken:
            failures.append("rpmspec -P accepted %s before the fix, not after" % rel(s))
        accepted = sum(1 for s in specs if before_ok[s])
        print("fix-corpus: %d specs, %d accepted by rpmspec -P, %d changed by --fix%s%s, "
              "%d still accepted of %d accepted and changed, %d changed by a second --fix" % (
                  len(specs), accepted, len(changed), " --unsafe-fixes" if args.unsafe_fixes else "",
                  " --target " + args.target if args.target else "",
                  sum(1 for s in changed if before_ok[s] and after_ok[s]),
                  sum(1 for s in changed if before_ok[s]), len(not_idempotent)))
        for f in failures:
            print("FAIL: " + f)
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
