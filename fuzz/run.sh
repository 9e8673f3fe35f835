#!/usr/bin/env bash
# Runs one fuzz target, seeded from the shared corpus and the regression inputs in
# tests/fuzz/TARGET/. The corpus it grows is kept in WORK/TARGET/corpus, so a later run
# continues from it; crashing inputs land in WORK/TARGET/artifacts.
#
#   fuzz/run.sh [--seconds N] [--jobs N] [--timeout S] [--max-len BYTES] [--binary PATH] [--work DIR] TARGET
#
# Defaults: 60 seconds, one job, 10 s per input, inputs up to 64 KB, build/fuzz/fuzz/fuzz_TARGET,
# build/fuzz/fuzz/work. A long run goes further with --max-len 4096: small inputs run many
# times faster, and the corpus still covers every construct. On a loaded machine raise --timeout: it is wall-clock time.
# Example of a long run at low priority:
#   nice -n 19 fuzz/run.sh --seconds 3600 spec
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
seconds=60 jobs=1 timeout=10 max_len=65536 binary= work=$src/build/fuzz/fuzz/work
while [ $# -gt 1 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --binary) binary=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--jobs N] [--timeout S] [--max-len BYTES] [--binary PATH] [--work DIR] TARGET" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: $0 [--seconds N] [--jobs N] [--timeout S] [--max-len BYTES] [--binary PATH] [--work DIR] TARGET" >&2; exit 2; }
target=$1
binary=${binary:-$src/build/fuzz/fuzz/fuzz_$target}
[ -x "$binary" ] || { echo "no fuzz binary at $binary (cmake --preset fuzz && cmake --build --preset fuzz)" >&2; exit 2; }
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}

dir=$work/$target
mkdir -p "$dir/corpus" "$dir/seeds" "$dir/artifacts"
rm -f "$dir/seeds"/*

# Seeds: the corpus files this target reads, named by content so duplicates collapse.
seed() { while IFS= read -r -d '' f; do cp "$f" "$dir/seeds/$(cksum <"$f" | cut -d' ' -f1)"; done; }
case $target in
  spec|macro)
    find "$corpus" "$src/tests/fixtures" -type f \( -name '*.spec' -o -name '*.spec.in' -o -name '*.spec-template' \) -size -256k -print0 | seed ;;
  fix)
    # A spec, a NUL, then the bytes the target decodes into fixes and their edits.
    find "$corpus/real-specs" -type f -name '*.spec' -size -32k -print0 | head -z -n 300 | seed
    for f in "$dir/seeds"/*; do printf '\0\001\000\003\021\040\000\060\000\102\020\000\002\033\100\000\200\000' >>"$f"; done ;;
  control) find "$corpus" -type f \( -name control -o -name 'debian.control' -o -name control-template \) -print0 | seed ;;
  changelog) find "$corpus" -type f \( -path '*debian/changelog' -o -name 'debian.changelog' \) -print0 | seed ;;
  changes) find "$corpus" -type f -name '*.changes' -size -256k -print0 | seed ;;
  service) find "$corpus" -type f \( -name '_service' -o -name '_service-template' \) -print0 | seed ;;
  dsc) find "$corpus" -type f \( -name '*.dsc' -o -name '*.dsc-template' \) -print0 | seed ;;
  shell)
    # The shell scripts of the corpus: Debian maintainer scripts, and the specs themselves,
    # whose scriptlets are shell.
    find "$corpus" -type f \( -name '*.postinst' -o -name '*.preinst' -o -name '*.prerm' -o -name '*.postrm' \
      -o -name postinst -o -name preinst -o -name prerm -o -name postrm -o -name '*.sh' \) -size -256k -print0 | seed
    find "$corpus/real-specs" -type f -name '*.spec' -size -64k -print0 | head -z -n 300 | seed ;;
  expression)
    # The conditions of every %if and %elif in the corpus, one per file.
    find "$corpus" -type f -name '*.spec' -print0 | xargs -0 cat 2>/dev/null |
      sed -n 's/^[[:space:]]*%\(el\)\{0,1\}if[[:space:]]\{1,\}//p' | sort -u | head -3000 |
      while IFS= read -r line; do printf '%s' "$line" >"$dir/seeds/$(printf '%s' "$line" | cksum | cut -d' ' -f1)"; done ;;
  *) echo "unknown target '$target'" >&2; exit 2 ;;
esac
if [ -d "$src/tests/fuzz/$target" ]; then cp "$src/tests/fuzz/$target"/* "$dir/seeds/" 2>/dev/null; fi
echo "fuzz $target: $(ls "$dir/seeds" | wc -l) seeds, $(ls "$dir/corpus" | wc -l) inputs kept from earlier runs, ${seconds}s"

dict=()
[ -f "$src/fuzz/dict/$target.dict" ] && dict=(-dict="$src/fuzz/dict/$target.dict")
# -timeout: a single input slower than this is a finding (the hostile-input suite allows 2 s
# of CPU time for a whole run); -rss_limit_mb: bounded memory is a requirement too. Inputs
# up to --max-len: bigger ones only run slower, the corpus files above it are cut.
args=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
  -artifact_prefix="$dir/artifacts/" "${dict[@]}")
if [ "$jobs" -gt 1 ]; then
  args+=(-jobs="$jobs" -workers="$jobs")
  cd "$dir" || exit 2  # libFuzzer writes fuzz-N.log files per job here
fi
"$binary" "${args[@]}" "$dir/corpus" "$dir/seeds"
