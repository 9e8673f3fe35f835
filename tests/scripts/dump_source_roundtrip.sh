#!/usr/bin/env bash
# `katalint dump --format source` reprints every spec and spec template of the corpus byte
# for byte (spec frontend issue).
# Usage: dump_source_roundtrip.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}
if [ ! -d "$corpus" ]; then
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: no corpus at $corpus"; exit 1; fi
  echo "SKIP: no corpus at $corpus"; exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
checked=0 failed=0
while IFS= read -r -d '' f; do
  checked=$((checked + 1))
  if ! "$katalint" dump --format source "$f" >"$tmp" 2>/dev/null || ! cmp -s "$f" "$tmp"; then
    echo "FAIL: $f does not reprint byte for byte"
    failed=$((failed + 1))
  fi
done < <(find "$corpus" -type f \( -name '*.spec' -o -name '*.spec.in' -o -name '*.spec-template' \) -print0)
echo "reprinted $checked files, $failed differ"
[ "$checked" -gt 300 ] || { echo "FAIL: expected more than 300 spec files"; exit 1; }
[ "$failed" -eq 0 ]
