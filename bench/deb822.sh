#!/bin/bash
# Builds a Sources index of about 35,000 paragraphs (the size of bookworm main) by repeating
# the corpus sample, and times the deb822 reader on it.
#   bench/deb822.sh [BENCH_BINARY] [CORPUS_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/dev/bench/katalint_bench_deb822}
corpus=${2:-$here/../shared/corpus}
sample=$corpus/real-debian/sources-index/bookworm_main_Sources.every100th
[ -x "$bin" ] || { echo "build the benchmark first: cmake --build build/dev --target katalint_bench_deb822" >&2; exit 2; }
[ -r "$sample" ] || { echo "missing $sample" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
per_copy=$(grep -c '^Package:' "$sample")
copies=$(( (35000 + per_copy - 1) / per_copy ))
# Keep an empty line between copies when the sample does not end with one.
sep=yes
[ "$(tail -c 2 "$sample" | od -An -tx1 | tr -d ' \n')" = "0a0a" ] && sep=
for _ in $(seq "$copies"); do
  cat "$sample"
  if [ -n "$sep" ]; then echo; fi
done > "$tmp"
echo "input: $copies copies of $per_copy paragraphs, $(wc -c < "$tmp") bytes"
"$bin" "$tmp" 3
