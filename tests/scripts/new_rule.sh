#!/usr/bin/env bash
# scripts/new-rule.py: creates a rule file that compiles, a sorted registry row and a golden
# input, and refuses ids that exist (as ids or aliases) or are not kebab-case.
# Usage: new_rule.sh KATALINT SOURCE_DIR
set -u
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! command -v python3 >/dev/null; then
  [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ] && { echo "FAIL: python3 not found (KATALINT_REQUIRE_TOOLS=1)"; exit 1; }
  echo "SKIP: python3 not found"; exit 0
fi
mkdir -p "$tmp/scripts"
cp -r "$src/rules" "$src/ir" "$src/frontend" "$tmp/"
cp "$src/scripts/new-rule.py" "$tmp/scripts/"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

python3 "$tmp/scripts/new-rule.py" zz-example-check --summary "an example check" --targets suse,fedora \
  --fix safe --aliases old-example-id >/dev/null || fail "generator failed"
[ -f "$tmp/rules/spec/zz_example_check.cpp" ] || fail "no rule file"
[ -f "$tmp/tests/golden/rules/zz-example-check/input.spec" ] || fail "no golden input"
grep -q 'families = kSuse | kFedora' "$tmp/rules/spec/zz_example_check.cpp" || fail "targets not set"
grep -q 'aliases = "old-example-id"' "$tmp/rules/spec/zz_example_check.cpp" || fail "aliases not set"
# The rows stay sorted by id.
grep '^KATALINT_RULE' "$tmp/rules/rules.def" | sed 's/.*, \(.*\))/\1/' | tr _ - >"$tmp/ids"
sort -c "$tmp/ids" || fail "rules.def is not sorted"
grep -qx zz-example-check "$tmp/ids" || fail "row missing"
python3 "$tmp/scripts/new-rule.py" zz-example-check --summary "again" 2>/dev/null && fail "a duplicate id was accepted"
python3 "$tmp/scripts/new-rule.py" setup-not-quiet --summary "an alias" 2>/dev/null && fail "an alias was accepted as an id"
python3 "$tmp/scripts/new-rule.py" Bad_Name --summary "bad" 2>/dev/null && fail "a bad id was accepted"
python3 "$tmp/scripts/new-rule.py" zz-other --summary "Capitalised." 2>/dev/null && fail "a bad summary was accepted"
# The generated file compiles as it is.
cxx=${CXX:-c++}
if command -v "$cxx" >/dev/null; then
  "$cxx" -std=c++20 -Wall -Wextra -Wpedantic -Wshadow -Werror -fsyntax-only -I"$tmp" \
    "$tmp/rules/spec/zz_example_check.cpp" || fail "the generated rule does not compile"
fi
if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "new-rule.py checks passed"
