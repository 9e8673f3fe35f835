#!/usr/bin/env bash
# Every file of the corpus is linted, for several targets, without a crash or an internal
# error (robustness acceptance of the spec and Debian frontend issues). Exit codes 0, 1 and
# 2 are all fine here; 3 or a signal is not.
# Usage: corpus_smoke.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}
if [ ! -d "$corpus" ]; then
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: no corpus at $corpus"; exit 1; fi
  echo "SKIP: no corpus at $corpus"; exit 0
fi
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$corpus" -type f ! -name '*.tsv' ! -name '*.jsonl' ! -name '*.P' -print0 | sort -z)
failed=0
for target in rpm opensuse-tumbleweed sle15 fedora rhel9; do
  "$katalint" --target "$target" --fail-on never --format json "${files[@]}" >/dev/null 2>&1
  rc=$?
  if [ "$rc" -gt 2 ]; then
    echo "FAIL: exit $rc linting the corpus with --target $target"
    failed=$((failed + 1))
  fi
done
echo "linted ${#files[@]} files for 5 targets"
[ "$failed" -eq 0 ]
