#!/usr/bin/env bash
# `katalint --fix` over a copy of the whole corpus: a second --fix changes nothing, and every
# spec `rpmspec -P` accepted before is still accepted (scripts/fix-corpus.py). Run for the
# default target with safe fixes, and for Fedora with unsafe fixes too.
# Usage: fix_corpus.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
command -v python3 >/dev/null || skip "python3 not found"
command -v rpmspec >/dev/null || skip "rpmspec not found"
[ -d "$corpus/real-specs" ] || skip "corpus not found at $corpus"

status=0
python3 "$src/scripts/fix-corpus.py" "$katalint" "$corpus" || status=1
python3 "$src/scripts/fix-corpus.py" "$katalint" "$corpus" --target fedora --unsafe-fixes || status=1
exit $status
