#!/usr/bin/env bash
# The hostile-input catalogue (docs/reliability.md): each input, through the subcommand
# listed with it, finishes within 2 s of CPU time and 500 MB, exits 0, 1 or 2 (never 3, never
# on a signal) and says something (a positioned diagnostic or a `katalint: error:` line).
# Small inputs are committed in tests/hostile/inputs; tests/hostile/generate.py writes the big
# and machine-dependent ones (100 MB, FIFOs, symlinks) into a temporary directory.
# Usage: hostile_inputs.sh KATALINT SOURCE_DIR
set -u
katalint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
[ -x /usr/bin/time ] || skip "/usr/bin/time (GNU time) not found"
command -v python3 >/dev/null || skip "python3 not found"
command -v timeout >/dev/null || skip "timeout not found"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$src/tests/hostile/inputs/." "$work/"
python3 "$src/tests/hostile/generate.py" "$work" "$katalint" || { echo "FAIL: generate.py"; exit 1; }
cd "$work" || exit 1

# The limits the issue sets; CPU time rather than wall time, so a loaded machine does not
# fail the run, and a wall-clock timeout that catches hangs (a blocked read uses no CPU).
cpu_limit=2.0 rss_limit_kb=512000 wall_limit=10
if grep -q __asan_init "$katalint" 2>/dev/null; then
  # Under AddressSanitizer everything is slower and shadow memory counts as resident; the
  # exit code, signal and diagnostic checks stay as strict.
  cpu_limit=60 rss_limit_kb=8000000 wall_limit=180
fi

failures=0 count=0 worst_cpu=0 worst_cpu_id= worst_rss=0 worst_rss_id=
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }

# check ID ARGS...: runs katalint ARGS in the work directory and applies every limit; the
# output must hold a diagnostic (text, JSON or SARIF).
# check_answer ID json|reprint:FILE ARGS...: the same for `query` and `dump`, whose answer is
# their output: well-formed JSON, or FILE reprinted byte for byte.
check() { run_checked "$1" diagnostic "${@:2}"; }
check_answer() { run_checked "$1" "$2" "${@:3}"; }

run_checked() {
  local id=$1 want=$2
  shift 2
  count=$((count + 1))
  /usr/bin/time -f '%U %S %M' -o "$work/.usage" timeout -s KILL "$wall_limit" "$katalint" "$@" \
    >"$work/.out" 2>"$work/.err" <"${stdin:-/dev/null}"
  local rc=$?
  local usage cpu rss
  usage=$(tail -n 1 "$work/.usage")
  cpu=$(echo "$usage" | awk '{ printf "%.2f", $1 + $2 }')
  rss=$(echo "$usage" | awk '{ print $3 }')
  if awk -v a="$cpu" -v b="$worst_cpu" 'BEGIN { exit !(a > b) }'; then worst_cpu=$cpu worst_cpu_id=$id; fi
  if [ "${rss:-0}" -gt "$worst_rss" ] 2>/dev/null; then worst_rss=$rss worst_rss_id=$id; fi
  if [ "$rc" -gt 2 ]; then
    fail "$id: exit $rc (3 is an internal error, 124 and above a timeout or a signal): katalint $*"
    head -c 400 "$work/.err"
    return
  fi
  if awk -v a="$cpu" -v b="$cpu_limit" 'BEGIN { exit !(a >= b) }'; then
    fail "$id: ${cpu}s of CPU time, the limit is ${cpu_limit}s: katalint $*"
  fi
  if [ "${rss:-0}" -ge "$rss_limit_kb" ] 2>/dev/null; then
    fail "$id: ${rss} KB resident, the limit is ${rss_limit_kb} KB: katalint $*"
  fi
  case $want in
    diagnostic)
      if ! grep -Eaq '(:[0-9]+:[0-9]+: (error|warning|info|note):)|(^katalint: (error|warning):)|("severity": "(error|warning|info)")|("level": "(error|warning|note)")' \
          "$work/.out" "$work/.err"; then
        fail "$id: no diagnostic (exit $rc): katalint $*"
        return
      fi ;;
    json)
      if ! python3 -c 'import json, sys; json.load(open(sys.argv[1], "rb"))' "$work/.out" 2>/dev/null; then
        fail "$id: the output is not JSON (exit $rc): katalint $*"
        return
      fi ;;
    reprint:*)
      if ! cmp -s "$work/.out" "${want#reprint:}"; then
        fail "$id: the output is not the input reprinted (exit $rc): katalint $*"
        return
      fi ;;
  esac
  echo "ok: $id (exit $rc, ${cpu}s, ${rss} KB)"
}

# --- rpm macros: bombs, recursion, nesting.
check macro-bomb macro-bomb.spec
check global-bomb global-bomb.spec
check macro-self-recursion macro-self-recursion.spec
check macro-mutual-recursion macro-mutual-recursion.spec
check parametric-recursion parametric-recursion.spec
check expand-recursion query --json expand-recursion.spec
check deep-macro-braces deep-macro-braces.spec
check deep-macro-expand deep-macro-expand.spec
check deep-macro-conditional deep-macro-conditional.spec
check deep-macro-shell deep-macro-shell.spec
check deep-macro-unterminated dump deep-macro-unterminated.spec
check deep-bracket-expression deep-bracket-expression.spec
check huge-parametric-args huge-parametric-args.spec
check long-macro-name long-macro-name.spec
check macro-many-definitions macro-many-definitions.spec
check opaque-markers --format json opaque-markers.spec
check unterminated unterminated.spec
check define-on-command-line --define 'x %{x}%{x}' --define '%{' --with '../x' unterminated.spec

# --- Conditionals and dependencies nested 100,000 deep.
check deep-if deep-if.spec
check deep-if-unterminated deep-if-unterminated.spec
check deep-expression deep-expression.spec
check deep-expression-not deep-expression-not.spec
check deep-rich-dependency deep-rich-dependency.spec
check deep-parentheses-dependency query --json deep-parentheses-dependency.spec
check deep-files-attr deep-files-attr.spec

# --- %include and %{load:}: itself, devices, FIFOs, directories, symlinks, thousands.
check include-self include-self/include-self.spec
check include-self-twice include-self-twice/twice.spec
check include-dev-zero include-dev-zero.spec
check include-dev-urandom include-dev-urandom.spec
check include-directory include-directory.spec
check include-fifo include-fifo/include-fifo.spec
check include-symlink-to-device include-symlink.spec
check load-dev-zero load-dev-zero.spec
check exists-proc exists-proc.spec
check many-includes many-includes/many.spec

# --- Nothing from the file is executed, nothing goes to the network.
check shell-touch shell-touch.spec
check shell-touch-query query --json shell-touch.spec
check shell-touch-fix --fix --unsafe-fixes shell-touch.spec
if ls "$work"/touched* >/dev/null 2>&1; then fail "a %(...) or %{lua:} command ran: $(ls "$work"/touched*)"; fi
check lua-execute lua-execute.spec
[ -e /tmp/katalint-hostile-lua ] && fail "lua from a spec ran (/tmp/katalint-hostile-lua exists)"
check network network.spec
check getenv-and-ncpus getenv-and-ncpus.spec
check shell-pipeline shell-pipeline.spec

# --- Bytes: NUL, invalid UTF-8, line ends, encodings, binaries, emptiness.
check nul-bytes nul-bytes.spec
check nul-bytes-sarif --format sarif nul-bytes.spec
check invalid-utf8 invalid-utf8.spec
check invalid-utf8-json --format json invalid-utf8.spec
check_answer invalid-utf8-query json query --json invalid-utf8.spec
check crlf crlf.spec
check cr-only cr-only.spec
check utf16 utf16.spec
check bom bom.spec
check terminal-escapes terminal-escapes.spec
check empty empty.spec
check_answer empty-dump reprint:empty.spec dump --format source empty.spec
check only-newlines only-newlines.spec
check random-bytes random-bytes.spec
check binary-named-spec binary.spec
check invalid-utf8-file-name --format json "$(printf 'bad-name-\377\n.spec')"

# --- Size: refused above the limit, processed in bounded memory below it.
check huge-100mb huge-100mb.spec
check long-line-50mb long-line-50mb.spec
check long-line-50mb-macro long-line-50mb-macro.spec
check many-lines many-lines.spec
check many-sections many-sections.spec
check fixable-flood --fix fixable-flood.spec
check suppression-spam suppression-spam.spec
check template-placeholders template/x.spec-template
stdin=/dev/zero check stdin-dev-zero --stdin-filename zero.spec -
stdin=random-bytes.spec check stdin-random query --json -

# --- Special files and paths given on the command line.
check fifo-argument fifo.spec
check symlink-to-device dev-zero.spec
check symlink-loop loop.spec
check directory-named-spec directory.spec
check directory-with-symlink-loop dir-with-loop
check name-traversal name-traversal.spec
check name-traversal-fix --fix --unsafe-fixes name-traversal.spec
check_answer name-traversal-dump json dump name-traversal.spec
[ -e /tmp/katalint-escape ] && fail "a file was written where Name: points"
check deep-toml-config toml-deep/x.spec
check deep-baseline --baseline baseline-deep.json empty.spec
check explain-hostile-id explain "$(printf '../../\377%%{x}\033[2J')"

# --- Debian and OBS files.
check control-nul control-nul/debian.control
check control-invalid-utf8 query --json control-invalid-utf8/debian.control
check control-crlf control-crlf/debian.control
check_answer control-empty json query --json control-empty/debian.control
check control-unbalanced control-unbalanced/debian.control
check control-alternatives control-alternatives/debian.control
check control-continuations control-continuations/debian.control
check control-many-paragraphs control-many-paragraphs/debian.control
check control-deep-parentheses control-deep-parentheses/debian.control
check changelog-empty changelog-empty/debian.changelog
check changelog-garbage changelog-garbage/debian.changelog
check changelog-huge-entry changelog-huge-entry/debian.changelog
check changelog-bad-dates query --json changelog-bad-dates/debian.changelog
check changelog-long-line changelog-long-line/debian.changelog
check changes-nul changes-nul/x.changes
check changes-separators changes-separators/x.changes
check changes-bad-dates changes-bad-dates/x.changes
check changes-entries changes-entries/x.changes
check dsc-unterminated-pgp dsc-unterminated-pgp/x.dsc
check_answer dsc-binary reprint:dsc-binary/x.dsc dump --format source dsc-binary/x.dsc
check dsc-binary-lint dsc-binary/x.dsc
check service-entity-bomb service-entity-bomb/_service
check service-external-entity service-external-entity/_service
check service-unterminated service-unterminated/_service
check service-deep-nesting service-deep-nesting/_service
check service-deep-comment service-deep-comment/_service
check rules-deep-make rules-deep-make/debian.rules
check series-weird series-weird/debian.series
check source-format source-format/debian/source/format

echo "$count runs; most CPU: $worst_cpu_id (${worst_cpu}s); most memory: $worst_rss_id (${worst_rss} KB)"
if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all hostile inputs handled"
