#!/usr/bin/env bash
# Linting a package directory runs the cross-file checks too (Debian frontend issue, item 4):
# the Kata example's .dsc lists a build dependency its debian.control lacks.
# Usage: package_dir_lint.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
out=$("$katalint" --format gcc --fail-on never "$src/examples")
echo "$out" | grep -q "kata-ksm-throttler.dsc-template:9:47: warning: .*fakeroot.* \[dsc-build-depends-drift\]" ||
  { echo "FAIL: no dsc-build-depends-drift for the example"; echo "$out"; exit 1; }
# The same result for one thread and two.
a=$("$katalint" --format gcc --fail-on never -j1 "$src/examples")
b=$("$katalint" --format gcc --fail-on never -j2 "$src/examples")
[ "$a" = "$b" ] || { echo "FAIL: -j1 and -j2 differ"; exit 1; }
# A single file is not a package directory: no cross-file findings.
"$katalint" --format gcc --fail-on never "$src/examples/kata-ksm-throttler/kata-ksm-throttler.dsc-template" |
  grep -q drift && { echo "FAIL: cross-file check on a single file"; exit 1; }
echo "cross-file checks run on package directories"
