#!/usr/bin/env bash
# `katalint dump --format source` reprints every spec, spec template, Debian and OBS file of
# the corpus byte for byte (spec and Debian frontend issues).
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
checked=0 failed=0 specs=0
while IFS= read -r -d '' f; do
  "$katalint" dump --format source "$f" >"$tmp" 2>/dev/null
  rc=$?
  [ "$rc" -eq 2 ] && continue  # a file name katalint does not read (e.g. debian/watch)
  checked=$((checked + 1))
  case "$f" in *.spec|*.spec.in|*.spec-template) specs=$((specs + 1)) ;; esac
  if [ "$rc" -ne 0 ] || ! cmp -s "$f" "$tmp"; then
    echo "FAIL: $f does not reprint byte for byte (exit $rc)"
    failed=$((failed + 1))
  fi
done < <(find "$corpus" -type f \( -name '*.spec' -o -name '*.spec.in' -o -name '*.spec-template' \
  -o -name control -o -name changelog -o -name rules -o -name copyright -o -name format -o -name series \
  -o -name 'debian.*' -o -name '*.dsc' -o -name '*.dsc-template' -o -name '_service' -o -name '_service-template' \
  -o -name '*.changes' -o -name '*.install' \) -print0)
echo "reprinted $checked files ($specs specs), $failed differ"
[ "$specs" -gt 300 ] || { echo "FAIL: expected more than 300 spec files"; exit 1; }
[ "$checked" -gt "$specs" ] || { echo "FAIL: no Debian or OBS files were reprinted"; exit 1; }
[ "$failed" -eq 0 ]
