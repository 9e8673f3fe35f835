#!/usr/bin/env bash
# `katalint fmt` must produce spec-cleaner's expected bytes for at least the share of the
# spec-cleaner acceptance cases in tests/fmt-parity-threshold (percent). The compare script
# is checked first: a fake katalint that echoes its input must score below the threshold.
# Usage: fmt_spec_cleaner_parity.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
python=/usr/bin/python3
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}/spec-cleaner-tests
threshold=$src/tests/fmt-parity-threshold

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
fail() { echo "FAIL: $1"; exit 1; }

[ -x "$python" ] || skip "$python not found"
[ -d "$corpus/in" ] || skip "spec-cleaner corpus not found at $corpus"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fmt-parity.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/fake-katalint" <<'SH'
#!/usr/bin/env bash
for last; do :; done
cat "$last"
SH
chmod +x "$tmp/fake-katalint"
if "$python" "$src/scripts/spec-cleaner-compare.py" "$tmp/fake-katalint" "$corpus" --threshold "$threshold" >"$tmp/fake.out"; then
  cat "$tmp/fake.out"
  fail "the compare script accepts unformatted output"
fi

"$python" "$src/scripts/spec-cleaner-compare.py" "$katalint" "$corpus" --threshold "$threshold" || fail "parity below $(cat "$threshold") %"
echo "PASS"
