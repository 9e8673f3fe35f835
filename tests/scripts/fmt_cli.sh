#!/usr/bin/env bash
# The `katalint fmt` command line: stdout, --check, --diff, -i (atomic, keeps the mode,
# rewrites a symlink's target), opt-out comments, exit codes and positioned errors.
# Usage: fmt_cli.sh KATALINT SOURCE_DIR
set -u
katalint=$1
fail() { echo "FAIL: $1"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/fmt-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

printf 'Name: foo\nLicense: GPL-2.0+\n' >"$tmp/messy.spec"
printf 'Name:           foo\nLicense:        GPL-2.0-or-later\n\n%%changelog\n' >"$tmp/expected.spec"

"$katalint" fmt "$tmp/messy.spec" >"$tmp/out" || fail "fmt exits $?"
cmp -s "$tmp/out" "$tmp/expected.spec" || fail "stdout is not the formatted spec: $(cat "$tmp/out")"

"$katalint" fmt --check "$tmp/messy.spec" 2>"$tmp/err"; [ $? = 1 ] || fail "--check on a messy spec must exit 1"
grep -q "would be reformatted" "$tmp/err" || fail "--check names the file"
"$katalint" fmt --check "$tmp/expected.spec" || fail "--check on a formatted spec must exit 0"

"$katalint" fmt --diff "$tmp/messy.spec" >"$tmp/diff" || fail "--diff exits $?"
grep -q '^+License:        GPL-2.0-or-later' "$tmp/diff" || fail "--diff shows the change"
cmp -s "$tmp/messy.spec" <(printf 'Name: foo\nLicense: GPL-2.0+\n') || fail "--diff must not write"

cp "$tmp/messy.spec" "$tmp/target.spec"
chmod 640 "$tmp/target.spec"
ln -s target.spec "$tmp/link.spec"
"$katalint" fmt -i "$tmp/link.spec" || fail "-i exits $?"
[ -L "$tmp/link.spec" ] || fail "-i replaced the symlink"
cmp -s "$tmp/target.spec" "$tmp/expected.spec" || fail "-i did not rewrite the symlink's target"
[ "$(stat -c %a "$tmp/target.spec")" = 640 ] || fail "-i changed the mode"
[ -z "$(find "$tmp" -name '*.tmp*' -o -name '.*katalint*')" ] || fail "-i left a temporary file"

printf '# katalint: disable-file=fmt\nName: foo\n' >"$tmp/optout.spec"
"$katalint" fmt --check "$tmp/optout.spec" 2>/dev/null || fail "an opted-out file is left alone"

printf 'Name: foo\nSummary: caf\xe9\n' >"$tmp/latin1.spec"
"$katalint" fmt "$tmp/latin1.spec" >/dev/null 2>"$tmp/err"; [ $? = 2 ] || fail "non-UTF-8 input must exit 2"
grep -q 'latin1.spec:2:13: error: ' "$tmp/err" || fail "non-UTF-8 error is positioned: $(cat "$tmp/err")"

# A rewrite that would change what rpm reads is refused: the file stays as it is, with a
# warning that says where the meaning would change; --fast skips the check.
printf 'Name: foo\nVersion: 1\nRelease: 0\nSummary: Foo\nLicense: MIT\nRequires: bar >=1.0\n%%description\nFoo.\n' \
  >"$tmp/meaning.spec"
cp "$tmp/meaning.spec" "$tmp/meaning.orig"
"$katalint" fmt -i "$tmp/meaning.spec" 2>"$tmp/err" || fail "a refused file is not an error"
cmp -s "$tmp/meaning.spec" "$tmp/meaning.orig" || fail "a rewrite that changes the meaning was written"
grep -q 'meaning.spec: warning: not formatted: .*(packages\[0\]\.requires.*\[fmt-meaning\]' "$tmp/err" ||
  fail "the refusal is explained: $(cat "$tmp/err")"
"$katalint" fmt --fast "$tmp/meaning.spec" | grep -q '^Requires:       bar >= 1.0$' || fail "--fast formats anyway"

"$katalint" fmt --style nonsense "$tmp/messy.spec" >/dev/null 2>&1; [ $? = 2 ] || fail "an unknown style is a usage error"
"$katalint" fmt -i --check "$tmp/messy.spec" >/dev/null 2>&1; [ $? = 2 ] || fail "-i with --check is a usage error"
printf 'Name: foo\n' | "$katalint" fmt - | grep -q '^Name:           foo$' || fail "stdin is formatted"
echo "PASS"
