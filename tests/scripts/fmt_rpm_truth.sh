#!/usr/bin/env bash
# Where rpm parses a spec and its `katalint fmt` output cleanly, rpm must report the same
# package metadata for both (scripts/fmt-query-equality.py --rpm-truth, with the rewrites the
# style makes on purpose). Runs on the spec-cleaner test inputs (most are fragments rpm
# rejects) and the first 15 Fedora specs of the real-specs corpus (a sample, to stay fast).
# Usage: fmt_rpm_truth.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
python=/usr/bin/python3
shared=${KATALINT_SHARED_DIR:-$src/../shared}
truth=$shared/tools/rpm-truth.sh

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
[ -x "$python" ] || skip "$python not found"
command -v rpmspec >/dev/null || skip "rpmspec not found"
[ -f "$truth" ] || skip "$truth not found"
[ -d "$shared/corpus/spec-cleaner-tests/in" ] || skip "spec-cleaner corpus not found"

sample=$(find "$shared/corpus/real-specs/fedora/specs" -name '*.spec' | sort | head -15)
# shellcheck disable=SC2086
"$python" "$src/scripts/fmt-query-equality.py" "$katalint" "$shared/corpus/spec-cleaner-tests/in" $sample \
  --rpm-truth "$truth" --fmt-option=--fast --known "$src/tests/fmt-refused.txt" --allow-unseen || { echo "FAIL: rpm sees a different package after formatting"; exit 1; }
echo "PASS"
