#!/usr/bin/env bash
# Writing files (docs/reliability.md): `lint --fix` and `fmt -i` replace a file atomically
# (temporary file, fsync, rename), keep its mode, write through a symlink to its target and
# leave the link a link; a run killed at any moment leaves the file either whole and old or
# whole and new. `convert` and `migrate` write only inside their output directory, whatever
# Name:, Source: or a symlink planted there says.
# A writer that is not implemented yet ("not implemented yet", exit 2) is reported as
# skipped, so these checks apply by themselves once it lands.
# Usage: data_safety.sh KATALINT SOURCE_DIR
set -u
katalint=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $1"; failures=$((failures + 1)); }
# Under AddressSanitizer a run is many times slower and the sanitizer's runtime makes system
# calls of its own, so the kill test uses a smaller file and the fault injection is left to
# the plain build.
sanitized=0 packages=3000 kills=24
if grep -q __asan_init "$katalint" 2>/dev/null; then sanitized=1 packages=300 kills=6; fi

# A spec that both writers change: a %clean section (a safe fix) and untidy spacing.
write_fixable() {
  cat >"$1" <<'EOF'
Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%clean
rm -rf %{buildroot}

%files
%{_datadir}/example

%changelog
EOF
}

# implemented CMD...: false when the subcommand answers that it is not implemented yet.
implemented() {
  "$katalint" "$@" >"$tmp/probe.out" 2>&1
  ! grep -q "not implemented yet" "$tmp/probe.out"
}

mode_of() { stat -c %a "$1"; }

# --- In-place writers: mode, symlinks, atomicity.
for writer in "--fix" "fmt -i"; do
  read -r -a cmd <<<"$writer"
  d=$tmp/inplace-${writer//[^a-z]/}
  mkdir -p "$d/real"
  write_fixable "$d/probe.spec"
  if ! implemented "${cmd[@]}" "$d/probe.spec"; then
    echo "SKIP: katalint $writer is not implemented yet"
    continue
  fi

  # The mode is kept, and the file changes.
  write_fixable "$d/mode.spec"
  chmod 0640 "$d/mode.spec"
  cp "$d/mode.spec" "$d/mode.orig"
  "$katalint" "${cmd[@]}" "$d/mode.spec" >/dev/null 2>&1
  cmp -s "$d/mode.spec" "$d/mode.orig" && fail "$writer: the file did not change"
  [ "$(mode_of "$d/mode.spec")" = 640 ] || fail "$writer: mode $(mode_of "$d/mode.spec"), expected 640"
  chmod 0755 "$d/mode.spec"
  write_fixable "$d/mode.spec"
  chmod 0755 "$d/mode.spec"
  "$katalint" "${cmd[@]}" "$d/mode.spec" >/dev/null 2>&1
  [ "$(mode_of "$d/mode.spec")" = 755 ] || fail "$writer: mode $(mode_of "$d/mode.spec"), expected 755"
  ls -A "$d" | grep -q katalint- && fail "$writer: a temporary file was left behind"

  # Through a symlink: the target is rewritten; this link and another one stay links.
  write_fixable "$d/real/target.spec"
  ln -s real/target.spec "$d/link.spec"
  ln -s real/target.spec "$d/other-link.spec"
  "$katalint" "${cmd[@]}" "$d/link.spec" >/dev/null 2>&1
  [ -L "$d/link.spec" ] || fail "$writer: the symlink was replaced by a file"
  [ -L "$d/other-link.spec" ] || fail "$writer: another symlink to the file was replaced"
  grep -q '^%clean' "$d/real/target.spec" && [ "$writer" = "--fix" ] && fail "$writer: the symlink's target was not fixed"
  cmp -s "$d/other-link.spec" "$d/real/target.spec" || fail "$writer: the other link does not show the new text"

  # A read-only directory: nothing can be written, the file stays as it was, exit 2.
  mkdir -p "$d/ro"
  write_fixable "$d/ro/x.spec"
  cp "$d/ro/x.spec" "$d/ro.orig"
  chmod 0555 "$d/ro"
  if [ "$(id -u)" -ne 0 ]; then  # root writes anywhere
    "$katalint" "${cmd[@]}" "$d/ro/x.spec" >/dev/null 2>"$d/ro.err"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$writer: exit $rc in a read-only directory, expected 2"
    cmp -s "$d/ro/x.spec" "$d/ro.orig" || fail "$writer: the file in a read-only directory changed"
  fi
  chmod 0755 "$d/ro"

  # Killed at any moment: the file is the old text or the new text, never a mix or empty.
  # The input is big (many fixes, re-analysed each pass) so that a run lasts long enough to
  # be killed while it writes; the kill points spread over the length of one run.
  big=$d/big.spec
  {
    write_fixable /dev/stdout | sed '/^%changelog/d'
    for i in $(seq 1 "$packages"); do printf '%%package p%d\nSummary: s\n%%description p%d\nd\n%%files p%d\n/usr/p%d\n' "$i" "$i" "$i" "$i"; done
  } >"$big.orig"
  cp "$big.orig" "$big"
  "$katalint" "${cmd[@]}" "$big" >/dev/null 2>&1
  cp "$big" "$big.new"
  cmp -s "$big.orig" "$big.new" && fail "$writer: the big file did not change"
  start=$(date +%s%N)
  cp "$big.orig" "$big"
  "$katalint" "${cmd[@]}" "$big" >/dev/null 2>&1
  run_ms=$((($(date +%s%N) - start) / 1000000))
  old=0 new=0
  for i in $(seq 0 $((kills - 1))); do
    cp "$big.orig" "$big"
    "$katalint" "${cmd[@]}" "$big" >/dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v ms="$run_ms" -v i="$i" -v n="$kills" 'BEGIN { printf "%.3f", ms * (i + 0.5) / n / 1000 }')"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if cmp -s "$big" "$big.orig"; then old=$((old + 1))
    elif cmp -s "$big" "$big.new"; then new=$((new + 1))
    else fail "$writer: killed after $i/$kills of a run, the file is neither the old nor the new text"
    fi
  done
  rm -f "$d"/.big.spec.katalint-*  # what a killed run leaves: its temporary file, never the file
  echo "ok: $writer killed $kills times over a ${run_ms} ms run: $old old, $new new, 0 torn"

  # The same at exact moments, with strace's fault injection: killed on entering each system
  # call of the write (the first write, fsync, the rename), the file is still the old text;
  # when a call fails instead (disk full, I/O error, rename refused), the run reports it with
  # exit 2 and the file and directory are as they were.
  if [ "$sanitized" = 1 ]; then
    echo "SKIP: injected faults under AddressSanitizer (its runtime's own system calls would be hit)"
    continue
  fi
  if ! command -v strace >/dev/null; then
    if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then fail "strace not found (KATALINT_REQUIRE_TOOLS=1)"; else echo "SKIP: strace not found"; fi
    continue
  fi
  small=$d/small.spec
  write_fixable "$small.orig"
  for call in write fsync fchmod rename,renameat,renameat2; do  # the first write is the temporary file
    cp "$small.orig" "$small"
    strace -f -qq -o /dev/null -e trace="$call" -e inject="$call":signal=KILL:when=1 "$katalint" "${cmd[@]}" "$small" >/dev/null 2>&1
    rc=$?
    [ "$rc" -eq 137 ] || fail "$writer: not killed on entering $call (exit $rc; does strace work here?)"
    cmp -s "$small" "$small.orig" || fail "$writer: killed on entering $call, the file changed"
    rm -f "$d"/.small.spec.katalint-*
  done
  for fault in write:error=ENOSPC fsync:error=EIO rename:error=EXDEV fchmod:error=EPERM; do
    cp "$small.orig" "$small"
    strace -f -qq -o /dev/null -e trace="${fault%%:*}" -e inject="$fault":when=1 "$katalint" "${cmd[@]}" "$small" >/dev/null 2>"$d/fault.err"
    rc=$?
    [ "$rc" -eq 2 ] || fail "$writer: exit $rc when $fault, expected 2"
    grep -q "katalint: error:" "$d/fault.err" || fail "$writer: no error message when $fault"
    cmp -s "$small" "$small.orig" || fail "$writer: the file changed although $fault"
    ls -A "$d" | grep -q '^\.small\.spec\.katalint-' && fail "$writer: a temporary file was left behind after $fault"
  done
  echo "ok: $writer under injected kills and faults"
done

# --- Writers to an output directory: nothing lands outside it.
hostile_dir=$tmp/hostile
mkdir -p "$hostile_dir"
cat >"$hostile_dir/escape.spec" <<'EOF'
Name:           ../../../escaped
Version:        1.0
Release:        0
Summary:        A name that climbs out of the output directory
License:        MIT
URL:            https://example.org
Source0:        /etc/passwd
Source1:        ../../outside.tar.gz
Patch0:         /tmp/absolute.patch

%description
x

%package -n ../../sub-escape
Summary:        x

%description -n ../../sub-escape
x

%files

%files -n ../../sub-escape
EOF
echo "must stay" >"$tmp/victim"
for writer in "convert --to suse" "convert --to fedora" "convert --to ubuntu" "migrate --to suse,fedora,ubuntu"; do
  read -r -a cmd <<<"$writer"
  out=$tmp/out/${writer//[^a-z]/}/deep/dir
  mkdir -p "$out"
  ln -s "$tmp/victim" "$out/escaped.spec"  # a planted symlink where an output may go
  ln -s "$tmp/victim" "$out/example.spec"
  touch "$tmp/.before"
  sleep 0.01
  input=$hostile_dir/escape.spec
  [ "${cmd[0]}" = migrate ] && input=$hostile_dir
  "$katalint" "${cmd[@]}" -o "$out" "$input" >"$tmp/w.out" 2>&1
  rc=$?
  if grep -q "not implemented yet" "$tmp/w.out"; then
    echo "SKIP: katalint $writer is not implemented yet"
    continue
  fi
  [ "$rc" -le 2 ] || fail "$writer: exit $rc"
  [ "$(cat "$tmp/victim")" = "must stay" ] || fail "$writer: wrote through a symlink planted in the output directory"
  # Every file written since the run started is inside the output directory, and nothing
  # appeared where the names climb to.
  while IFS= read -r f; do
    case $f in "$tmp"/out/*|"$tmp/w.out") ;; *) fail "$writer: wrote $f outside the output directory" ;; esac
  done < <(find "$tmp" -newer "$tmp/.before" \( -type f -o -type l \) 2>/dev/null)
  for f in /tmp/escaped* /tmp/sub-escape* /tmp/outside* /escaped* /sub-escape*; do
    [ -e "$f" ] && fail "$writer: wrote $f"
  done
  echo "ok: $writer stays inside its output directory"
done

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all data-safety checks passed"
