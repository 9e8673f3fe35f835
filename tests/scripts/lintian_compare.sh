#!/usr/bin/env bash
# katalint's Debian rules side by side with lintian (scripts/lintian-compare.py) on a sample
# of the Debian trees: where lintian reports a tag that a katalint rule implements, katalint
# must report it too, for at least tests/lintian-recall-threshold of those tags.
# Usage: lintian_compare.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}
validate=${KATALINT_DEB_VALIDATE:-$src/../shared/tools/deb-validate.sh}

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}

for tool in lintian dpkg-source dpkg-gencontrol dpkg-deb; do
  command -v "$tool" >/dev/null || skip "$tool not found"
done
[ -f "$validate" ] || skip "deb-validate.sh not found at $validate"
[ -d "$corpus/real-debian" ] && [ -d "$corpus/kata-home" ] || skip "corpus not found at $corpus"

threshold=$(cat "$src/tests/lintian-recall-threshold")
# Two real-debian trees and two Kata trees keep the run near 30 s on two cores.
python3 "$src/scripts/lintian-compare.py" "$katalint" --corpus "$corpus" --validate "$validate" \
  --sample 2 --jobs 2 --min-recall "$threshold"
rc=$?
[ "$rc" = 77 ] && skip "a Debian tool is missing"
exit "$rc"
