#!/usr/bin/env bash
# `katalint fmt` over the shared corpus: it never fails on a readable spec, a second run
# changes nothing (idempotence), fmt's own meaning check refuses exactly the specs of
# tests/fmt-refused.txt, and `katalint query` of each formatted spec equals that of its input
# (scripts/fmt-query-equality.py). Usage: fmt_corpus.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
python=/usr/bin/python3
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
fail() { echo "FAIL: $1"; exit 1; }

[ -x "$python" ] || skip "$python not found"
[ -d "$corpus/real-specs" ] || skip "corpus not found at $corpus"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fmt-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Copy every spec (same relative paths, so same file names), format them all in place with
# one run, then check that a second run would change nothing.
mkdir -p "$tmp/specs" && (cd "$corpus" && find . -name "*.spec" -print0 | xargs -0 cp --parents -t "$tmp/specs") || fail "cannot copy the corpus"
count=$(find "$tmp/specs" -name '*.spec' | wc -l)
[ "$count" -gt 100 ] || fail "only $count specs found"
# Specs that are not UTF-8 are refused (exit 2) and left alone; so are the specs whose
# formatted text would mean something else (tests/fmt-refused.txt); everything else must format.
find "$tmp/specs" -name '*.spec' -print0 | xargs -0 "$katalint" fmt -i 2>"$tmp/first.err"
grep -v "is not valid UTF-8\|opts out\|\[fmt-meaning\]" "$tmp/first.err" && fail "fmt -i reported errors"
refused=$(grep -v '^#' "$src/tests/fmt-refused.txt" | cut -f1 | sort)
found=$(grep '\[fmt-meaning\]' "$tmp/first.err" | sed "s|^$tmp/specs/||; s|: warning: .*||" | sort)
if [ "$refused" != "$found" ]; then
  diff <(echo "$refused") <(echo "$found")
  fail "fmt refused other specs than tests/fmt-refused.txt lists (< listed, > refused)"
fi
echo "fmt refused the $(echo "$refused" | grep -c .) specs listed in tests/fmt-refused.txt"
find "$tmp/specs" -name '*.spec' -print0 | xargs -0 "$katalint" fmt --check 2>"$tmp/second.err"
if grep "would be reformatted" "$tmp/second.err"; then fail "fmt is not idempotent on the files above"; fi
echo "idempotent on $count specs"

# Without the meaning check (--fast), formatting keeps what every spec means, except the
# refused ones: fmt's check and this independent comparison agree.
"$python" "$src/scripts/fmt-query-equality.py" "$katalint" "$corpus/real-specs" "$corpus/spec-cleaner-tests/in" \
  "$corpus/rpmlint-specs" "$corpus/kata-distro" --fmt-option=--fast --known "$src/tests/fmt-refused.txt" ||
  fail "formatting changed what a spec means"
echo "PASS"
