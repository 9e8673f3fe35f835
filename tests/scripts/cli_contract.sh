#!/usr/bin/env bash
# The CLI contract: exit codes and one-line errors for bad input (issue: foundation).
# Usage: cli_contract.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
fixture=$src/tests/fixtures/cli/warn/demo.spec-template
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect CODE STDERR_LINES DESCRIPTION -- ARGS...   (STDERR_LINES '-' = any)
expect() {
  local code=$1 lines=$2 what=$3
  shift 4
  "$katalint" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  local n
  n=$(wc -l <"$tmp/err")
  if [ "$rc" -ne "$code" ]; then
    echo "FAIL: $what: exit $rc, expected $code (katalint $*)"; cat "$tmp/err"; failures=$((failures + 1))
  elif [ "$lines" != "-" ] && [ "$n" -ne "$lines" ]; then
    echo "FAIL: $what: $n stderr lines, expected $lines"; cat "$tmp/err"; failures=$((failures + 1))
  else
    echo "ok: $what"
  fi
}

expect 1 0 "warning fails at the default --fail-on warning" -- "$fixture"
expect 1 0 "explicit lint subcommand" -- lint "$fixture"
expect 1 0 "--fail-on info" -- --fail-on info "$fixture"
expect 0 0 "--fail-on error ignores warnings" -- --fail-on error "$fixture"
expect 0 0 "--fail-on never" -- --fail-on never "$fixture"
expect 0 0 "a bound placeholder leaves nothing to report" -- --set VERSION=1.0 "$fixture"
expect 2 1 "unreadable file" -- "$tmp/does-not-exist.spec"
mkdir "$tmp/empty"
expect 2 1 "directory with nothing to lint" -- "$tmp/empty"
expect 2 1 "unknown option" -- --no-such-option "$fixture"
expect 2 1 "bad --format" -- --format yaml "$fixture"
expect 2 1 "bad --fail-on" -- --fail-on sometimes "$fixture"
expect 2 1 "bad --color" -- --color maybe "$fixture"
expect 2 1 "no input" --
expect 2 1 "--set without =" -- --set VERSION "$fixture"
expect 2 1 "missing --values file" -- --values "$tmp/nope.txt" "$fixture"
expect 2 1 "explain of an unknown rule" -- explain no-such-rule
expect 0 0 "--version" -- --version
expect 0 0 "rules" -- rules
expect 0 0 "rules --format json" -- rules --format json
expect 2 1 "rules --format yaml" -- rules --format yaml
expect 0 0 "explain of a rule" -- explain build-system-tag
expect 0 0 "explain of an rpmlint alias" -- explain setup-not-quiet
printf 'no-such-key = 1\n' >"$tmp/bad.toml"
expect 2 1 "a configuration error" -- --config "$tmp/bad.toml" "$fixture"
expect 2 1 "a missing --config file" -- --config "$tmp/none.toml" "$fixture"
echo '[]' >"$tmp/bad-baseline.json"
expect 2 1 "a malformed --baseline" -- --baseline "$tmp/bad-baseline.json" "$fixture"
expect 2 1 "a negative -j" -- -j -1 "$fixture"
expect 2 1 "stdin twice" -- - -
expect 1 0 "-j 1" -- -j 1 "$fixture"
expect 0 0 "--diff with nothing to fix" -- --diff --set VERSION=1.0 "$fixture"
expect 0 1 "--write-baseline" -- --write-baseline "$tmp/baseline.json" "$fixture"
expect 0 0 "--baseline hides recorded findings" -- --baseline "$tmp/baseline.json" "$fixture"

# A readable file and an unreadable one: the readable one is still linted, exit is 2.
expect 2 1 "one bad input among good ones" -- "$fixture" "$tmp/missing.spec"
grep -q "unbound-placeholder" "$tmp/out" || { echo "FAIL: the readable file was not linted"; failures=$((failures + 1)); }

# stdin with a display name.
"$katalint" --stdin-filename shown.spec-template - <"$fixture" >"$tmp/out" 2>&1
grep -q "^shown.spec-template:2:17: warning:" "$tmp/out" || { echo "FAIL: stdin display name"; cat "$tmp/out"; failures=$((failures + 1)); }

# --version prints the version on stdout.
"$katalint" --version | grep -Eq '^katalint [0-9]+\.[0-9]+\.[0-9]+' || { echo "FAIL: --version text"; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all CLI contract checks passed"
