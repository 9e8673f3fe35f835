#!/usr/bin/env bash
# Every file of the corpus is linted without a crash or an internal error, and no single
# file takes pathologically long (robustness acceptance of the spec frontend issue).
# Exit codes 0, 1 and 2 are all fine here; 3 or a signal is not.
# Usage: corpus_smoke.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}
if [ ! -d "$corpus" ]; then
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: no corpus at $corpus"; exit 1; fi
  echo "SKIP: no corpus at $corpus"; exit 0
fi
failed=0 checked=0 slowest=0 slowest_file=
for target in rpm opensuse-tumbleweed fedora; do
  while IFS= read -r -d '' f; do
    checked=$((checked + 1))
    start=$(date +%s%N)
    "$katalint" --target "$target" --fail-on never --format json "$f" >/dev/null 2>&1
    rc=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$ms" -gt "$slowest" ]; then slowest=$ms slowest_file="$f ($target)"; fi
    if [ "$rc" -gt 2 ]; then
      echo "FAIL: exit $rc on $f (--target $target)"
      failed=$((failed + 1))
    fi
  done < <(find "$corpus" -type f ! -name '*.tsv' ! -name '*.jsonl' ! -name '*.P' ! -name 'README.md' -print0)
done
echo "linted $checked files; slowest: ${slowest} ms for $slowest_file"
[ "$failed" -eq 0 ]
