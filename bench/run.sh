#!/usr/bin/env bash
# Throughput of `katalint query` against `rpmspec -P` (and rpmlint, when installed) on the
# same spec files, one tool after the other on this machine. See bench/README.md.
#
# Usage: bench/run.sh [--katalint PATH] [--corpus DIR] [--runs N] [--rpmlint-runs N]
#                     [--per-spec] [--no-rpmlint]
set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
katalint=${KATALINT:-$here/../build/dev/katalint}
corpus=${KATALINT_CORPUS_DIR:-$here/../../shared/corpus}/real-specs
runs=3
lint_runs=1
per_spec=0
use_rpmlint=1
while [ $# -gt 0 ]; do
  case "$1" in
    --katalint) katalint=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --rpmlint-runs) lint_runs=$2; shift 2 ;;
    --per-spec) per_spec=1; shift ;;
    --no-rpmlint) use_rpmlint=0; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
done

[ -x "$katalint" ] || { echo "bench: katalint binary not found: $katalint" >&2; exit 2; }
[ -d "$corpus" ] || { echo "bench: corpus not found: $corpus" >&2; exit 2; }
command -v rpmspec >/dev/null || { echo "bench: rpmspec not found" >&2; exit 2; }
katalint=$(cd "$(dirname "$katalint")" && pwd)/$(basename "$katalint")
corpus=$(cd "$corpus" && pwd)
if [ "$use_rpmlint" = 1 ] && ! command -v rpmlint >/dev/null; then use_rpmlint=0; lint_note="not installed"; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/katalint-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

(cd "$corpus" && find . -name '*.spec' -not -path './_truth/*' | sort) >"$tmp/files"
nspecs=$(wc -l <"$tmp/files")
bytes=$(cd "$corpus" && xargs -d '\n' cat <"$tmp/files" | wc -c)
[ "$nspecs" -gt 0 ] || { echo "bench: no .spec files under $corpus" >&2; exit 2; }

# rpm tools run specs' %(...) shell expansions: keep them off the network, as rpm-truth.sh does.
sandbox=""
if unshare -n true 2>/dev/null; then sandbox="unshare -n"; fi

# One wrapper script per tool, so every timer runs the same command line.
write_wrapper() {  # name, then the command to run on the files
  local name=$1; shift
  {
    echo "cd '$corpus' || exit 2"
    echo "mapfile -t files < '$tmp/files'"
    if [ "$per_spec" = 1 ]; then
      echo "fails=0"
      echo "for f in \"\${files[@]}\"; do $* \"\$f\" >/dev/null 2>&1 || fails=\$((fails + 1)); done"
      echo "echo \$fails >'$tmp/$name.fails'"
    else
      echo "$* \"\${files[@]}\" >/dev/null 2>'$tmp/$name.err'"
      echo "echo \$? >'$tmp/$name.rc'"
    fi
  } >"$tmp/$name.sh"
}
write_wrapper katalint "'$katalint' query --target rpm --json --define '_topdir /builddir/rpmbuild' --"
write_wrapper rpmspec "$sandbox rpmspec -P --define '_topdir /builddir/rpmbuild'"
[ "$use_rpmlint" = 1 ] && write_wrapper rpmlint "$sandbox rpmlint"

time_tool() {  # name, runs, warmup
  local name=$1 n=$2 warmup=$3
  if command -v hyperfine >/dev/null; then
    local noshell=()
    if hyperfine --help 2>/dev/null | grep -q -- '--shell'; then noshell=(-N); fi
    hyperfine "${noshell[@]}" --style basic -i --runs "$n" --warmup "$warmup" \
      --export-json "$tmp/$name.json" -n "$name" "bash $tmp/$name.sh" >&2 || return 1
    /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$tmp/$name.json"
  else
    local i t0 t1 total=0
    for ((i = 0; i < warmup; i++)); do bash "$tmp/$name.sh"; done
    for ((i = 0; i < n; i++)); do
      t0=$EPOCHREALTIME; bash "$tmp/$name.sh"; t1=$EPOCHREALTIME
      total=$(awk -v a="$total" -v b="$t0" -v c="$t1" 'BEGIN { printf "%.6f", a + c - b }')
    done
    awk -v t="$total" -v n="$n" 'BEGIN { printf "%.6f\n", t / n }'
  fi
}

status_of() {  # what the last run of a tool reported
  local name=$1
  if [ "$per_spec" = 1 ]; then
    echo "$(cat "$tmp/$name.fails" 2>/dev/null || echo '?') of $nspecs specs failed"
  else
    local rc msg
    rc=$(cat "$tmp/$name.rc" 2>/dev/null || echo '?')
    msg=$(grep -m1 -i 'error' "$tmp/$name.err" 2>/dev/null | cut -c1-60)
    echo "exit $rc${msg:+ ($msg)}"
  fi
}

timer=$(command -v hyperfine >/dev/null && hyperfine --version || echo "bash \$EPOCHREALTIME")
mode=$([ "$per_spec" = 1 ] && echo "one process per spec" || echo "one process per tool for all specs")
echo "corpus: $corpus ($nspecs spec files, $bytes bytes)"
echo "mode:   $mode; runs: $runs (rpmlint: $lint_runs); timer: $timer"
echo

k_s=$(time_tool katalint "$runs" 1) || exit 1
r_s=$(time_tool rpmspec "$runs" 1) || exit 1
l_s=""
if [ "$use_rpmlint" = 1 ]; then l_s=$(time_tool rpmlint "$lint_runs" 0) || exit 1; fi

row() {  # label, seconds, status
  awk -v l="$1" -v s="$2" -v b="$bytes" -v n="$nspecs" -v st="$3" \
    'BEGIN { printf "%-12s %10.3f %10.2f %10.2f   %s\n", l, s, b / 1e6 / s, s * 1000 / n, st }'
}
echo
printf '%-12s %10s %10s %10s   %s\n' tool "mean s" "MB/s" "ms/spec" "status of the last run"
row katalint "$k_s" "$(status_of katalint)"
row "rpmspec -P" "$r_s" "$(status_of rpmspec)"
if [ -n "$l_s" ]; then row rpmlint "$l_s" "$(status_of rpmlint)"; else echo "rpmlint: ${lint_note:-skipped}"; fi
echo
ratio() {  # label, katalint seconds, other seconds
  awk -v l="$1" -v k="$2" -v o="$3" 'BEGIN {
    printf "time ratio katalint/%s: %.4f (katalint %s %.1fx)\n", l, k / o,
      (k <= o ? "faster by" : "slower by"), (k <= o ? o / k : k / o) }'
}
ratio rpmspec "$k_s" "$r_s"
[ -n "$l_s" ] && ratio rpmlint "$k_s" "$l_s"
if [ "$per_spec" = 0 ] && [ "$(cat "$tmp/katalint.rc")" -gt 1 ]; then
  echo "note: katalint query failed (see status); its time is that of the failure, not of a query"
fi
exit 0
