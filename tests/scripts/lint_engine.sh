#!/usr/bin/env bash
# Acceptance tests of the lint engine through the CLI: configuration files, suppressions,
# baselines, fixes (idempotent, atomic, keeping modes and symlinks), -j determinism, stdin.
# Usage: lint_engine.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# run NAME ARGS...: runs katalint, keeping stdout, stderr and the exit code.
run() {
  local name=$1
  shift
  "$katalint" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
  echo $? >"$tmp/$name.rc"
}
rc() { cat "$tmp/$1.rc"; }
expect_rc() {  # NAME CODE WHAT
  if [ "$(rc "$1")" = "$2" ]; then ok "$3"; else fail "$3: exit $(rc "$1"), expected $2"; cat "$tmp/$1.out" "$tmp/$1.err"; fi
}
has() { grep -q -- "$2" "$tmp/$1.out" || grep -q -- "$2" "$tmp/$1.err"; }
expect_has() { if has "$1" "$2"; then ok "$3"; else fail "$3: no '$2'"; cat "$tmp/$1.out" "$tmp/$1.err"; fi; }
expect_not() { if has "$1" "$2"; then fail "$3: unexpected '$2'"; cat "$tmp/$1.out"; else ok "$3"; fi; }

spec() {  # DIR NAME: a spec with a Packager tag (build-system-tag) and an unversioned Provides
  mkdir -p "$1"
  cat >"$1/$2" <<'SPEC'
Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Packager:       Jane Doe <jane@example.org>
Provides:       example-compat

%description
An example package.

%prep
%setup -n %{name}-%{version}

%files
%defattr(-,root,root)
/usr/bin/example
SPEC
}

# --- configuration -------------------------------------------------------------------------
spec "$tmp/cfg/pkg" example.spec
run base --format gcc "$tmp/cfg/pkg/example.spec"
expect_has base "build-system-tag" "without a configuration the Packager tag is reported"
printf 'ignore = ["hardcoded-packager-tag"]\n[severity]\nunversioned-provides = "error"\n' >"$tmp/cfg/katalint.toml"
run cfg --format gcc "$tmp/cfg/pkg/example.spec"
expect_not cfg "build-system-tag" "katalint.toml found upward; an rpmlint alias ignores the rule"
expect_has cfg "error: Provides 'example-compat'" "per-rule severity from the configuration"
printf '[[overrides]]\npaths = ["pkg/*.spec"]\nextend-select = ["fedora-dist-tag-missing"]\nfail-on = "never"\n' >"$tmp/cfg/.katalint.toml"
run cfg_prefer --format gcc "$tmp/cfg/pkg/example.spec"
expect_not cfg_prefer "build-system-tag" "katalint.toml wins over .katalint.toml in one directory"
rm "$tmp/cfg/katalint.toml"
run cfg_bad_key "$tmp/cfg/pkg/example.spec"
expect_rc cfg_bad_key 2 "an unknown key in [[overrides]] is a configuration error"
expect_has cfg_bad_key ".katalint.toml:4:1: unknown key 'fail-on' in \[\[overrides\]\]" "the error has file:line:col"
[ "$(wc -l <"$tmp/cfg_bad_key.err")" -eq 1 ] && ok "one line on stderr" || fail "config error is not one line"
printf 'select = ["build-system-tag", "no-such-rule"]\n' >"$tmp/cfg/.katalint.toml"
run cfg_bad_rule "$tmp/cfg/pkg/example.spec"
expect_rc cfg_bad_rule 2 "an unknown rule name is a configuration error"
expect_has cfg_bad_rule ":1:31: unknown rule 'no-such-rule' in 'select'" "the unknown rule is located"
printf 'target = "fedora"\nselect = ["all"]\nfail-on = "error"\n[[overrides]]\npaths = ["**/example.spec"]\nignore = ["hardcoded-path"]\n' >"$tmp/cfg/.katalint.toml"
run cfg_all --format gcc "$tmp/cfg/pkg/example.spec"
expect_has cfg_all "fedora-dist-tag-missing" "target from the configuration; select = all"
expect_not cfg_all "hardcoded-path" "a per-path override ignores a rule"
expect_rc cfg_all 0 "fail-on from the configuration"
run cfg_cli --format gcc --fail-on warning "$tmp/cfg/pkg/example.spec"
expect_rc cfg_cli 1 "--fail-on on the command line wins over the configuration"
printf 'ignore = ["unversioned-provides"]\n' >"$tmp/explicit.toml"
run cfg_explicit --format gcc --config "$tmp/explicit.toml" "$tmp/cfg/pkg/example.spec"
expect_not cfg_explicit "unversioned-provides" "--config replaces discovery"
expect_has cfg_explicit "build-system-tag" "--config: the discovered file is not read"
printf 'ignore = [\n' >"$tmp/broken.toml"
run cfg_syntax --config "$tmp/broken.toml" "$tmp/cfg/pkg/example.spec"
expect_rc cfg_syntax 2 "a TOML syntax error is a configuration error"
expect_has cfg_syntax "broken.toml:1:12: Error while parsing array" "the syntax error is located"

# --- suppressions --------------------------------------------------------------------------
spec "$tmp/sup" example.spec
sed -i 's/^Packager: .*/& # katalint: disable=build-system-tag packaged by hand/' "$tmp/sup/example.spec"
sed -i 's/^Provides: /# katalint: disable=unversioned-provides,deprecated-grep\n&/' "$tmp/sup/example.spec"
run sup --format gcc "$tmp/sup/example.spec"
expect_not sup "build-system-tag" "a trailing suppression covers its line"
expect_not sup "unversioned-provides" "a standalone suppression covers the next line"
expect_has sup "unused suppression: 'deprecated-grep' \[unused-suppression\]" "an unmatched name is reported"
sed -i '1i # katalint: disable-file=defattr-default' "$tmp/sup/example.spec"
run sup_file --format gcc "$tmp/sup/example.spec"
expect_not sup_file "defattr-default" "disable-file covers the whole file"
run sup_fix --fix "$tmp/sup/example.spec"
grep -q "disable=unversioned-provides$" "$tmp/sup/example.spec" && ok "--fix drops only the unused name" ||
  { fail "unused name not removed"; cat "$tmp/sup/example.spec"; }

# Findings across the files of a package directory follow the same suppressions and configuration.
spec "$tmp/pkgdir" example.spec
printf 'Format: 3.0 (quilt)\nSource: example\nBinary: example\nArchitecture: any\nVersion: 0.9-1\nMaintainer: J <j@example.org>\n' >"$tmp/pkgdir/example.dsc"
run pkg --format gcc "$tmp/pkgdir"
expect_has pkg "version-mismatch" "a package directory is checked across files"
sed -i 's/^Version: 0.9-1$/& # katalint: disable=version-mismatch/' "$tmp/pkgdir/example.dsc"
run pkg_sup --format gcc "$tmp/pkgdir"
expect_not pkg_sup "version-mismatch" "a suppression hides a package-directory finding"
expect_not pkg_sup "unused-suppression" "and is not reported as unused"
sed -i 's/ # katalint: disable=version-mismatch$//' "$tmp/pkgdir/example.dsc"
printf 'ignore = ["version-mismatch"]\n' >"$tmp/pkgdir/katalint.toml"
run pkg_cfg --format gcc "$tmp/pkgdir"
expect_not pkg_cfg "version-mismatch" "the configuration ignores a package-directory rule"

# --- baselines -----------------------------------------------------------------------------
spec "$tmp/bl" example.spec
run bl_write --write-baseline "$tmp/bl/baseline.json" "$tmp/bl/example.spec"
expect_rc bl_write 0 "--write-baseline exits 0"
expect_has bl_write "recorded" "--write-baseline says how many findings it recorded"
run bl_use --format gcc --baseline "$tmp/bl/baseline.json" "$tmp/bl/example.spec"
expect_rc bl_use 0 "a baseline hides today's findings"
[ ! -s "$tmp/bl_use.out" ] && ok "nothing is printed" || { fail "baseline output not empty"; cat "$tmp/bl_use.out"; }
sed -i '1i # a new first line: fingerprints have no line numbers' "$tmp/bl/example.spec"
sed -i 's/^Packager: .*/Vendor:         Example Corp/' "$tmp/bl/example.spec"
run bl_stale --format gcc --fail-on info --baseline "$tmp/bl/baseline.json" "$tmp/bl/example.spec"
expect_has bl_stale "the Vendor tag" "a new finding is shown"
expect_has bl_stale "baseline.json:[0-9]*:1: info: baseline entry for build-system-tag" "a stale entry is located in the baseline"
expect_not bl_stale "defattr" "moved lines still match their entries"
sed -i 's/^Vendor: .*//' "$tmp/bl/example.spec"
run bl_clean --fail-on info --baseline "$tmp/bl/baseline.json" "$tmp/bl/example.spec"
expect_rc bl_clean 0 "stale entries never fail the run, even with --fail-on info"
echo '{"version": 2}' >"$tmp/bl/bad.json"
run bl_bad --baseline "$tmp/bl/bad.json" "$tmp/bl/example.spec"
expect_rc bl_bad 2 "a malformed baseline is a usage error"

# --- fixes ---------------------------------------------------------------------------------
spec "$tmp/fix" example.spec
chmod 640 "$tmp/fix/example.spec"
ln -s example.spec "$tmp/fix/link.spec"
cp "$tmp/fix/example.spec" "$tmp/fix/orig.spec"
run fix_diff --diff "$tmp/fix/example.spec"
expect_rc fix_diff 1 "--diff exits 1 when there is something to fix"
cmp -s "$tmp/fix/example.spec" "$tmp/fix/orig.spec" && ok "--diff writes nothing" || fail "--diff changed the file"
expect_has fix_diff "^-Packager:" "--diff prints a unified diff"
run fix1 --fix "$tmp/fix/link.spec"
[ -L "$tmp/fix/link.spec" ] && ok "fixing through a symlink keeps the link" || fail "the symlink was replaced"
[ "$(stat -c %a "$tmp/fix/example.spec")" = 640 ] && ok "the file keeps its mode" || fail "mode changed: $(stat -c %a "$tmp/fix/example.spec")"
grep -q "^Packager" "$tmp/fix/example.spec" && fail "safe fix not applied" || ok "safe fixes applied"
grep -q "^Provides: *example-compat$" "$tmp/fix/example.spec" && ok "unsafe fixes wait for --unsafe-fixes" || fail "unsafe fix applied"
grep -q "^%setup -q$" "$tmp/fix/example.spec" && ok "overlapping fixes settle over passes" || { fail "setup fixes"; cat "$tmp/fix/example.spec"; }
ls -a "$tmp/fix" | grep -q katalint- && fail "a temporary file was left behind" || ok "no temporary files left"
cp "$tmp/fix/example.spec" "$tmp/fix/once.spec"
run fix2 --fix "$tmp/fix/example.spec"
cmp -s "$tmp/fix/example.spec" "$tmp/fix/once.spec" && ok "a second --fix changes nothing" || fail "second --fix changed the file"
run fix_unsafe --fix --unsafe-fixes "$tmp/fix/example.spec"
grep -q "^Provides: *example-compat = %{version}-%{release}$" "$tmp/fix/example.spec" && ok "--unsafe-fixes" || fail "--unsafe-fixes"
mkdir "$tmp/ro" && spec "$tmp/ro" example.spec && chmod 555 "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
  run fix_ro --fix "$tmp/ro/example.spec"
  expect_rc fix_ro 2 "a file that cannot be written is an error"
  grep -q "^Packager" "$tmp/ro/example.spec" && ok "the unwritable file is intact" || fail "read-only file changed"
fi
spec "$tmp/stdin" example.spec
"$katalint" --fix --stdin-filename example.spec - <"$tmp/stdin/example.spec" >"$tmp/stdin.out" 2>/dev/null
grep -q "^%setup -q$" "$tmp/stdin.out" && ! grep -q "^Packager" "$tmp/stdin.out" && ok "--fix on stdin prints the fixed file" ||
  { fail "--fix on stdin"; cat "$tmp/stdin.out"; }

# --- stdin ---------------------------------------------------------------------------------
"$katalint" --format gcc --stdin-filename pkg/example.spec - <"$tmp/stdin/example.spec" >"$tmp/stdin_lint.out" 2>&1
grep -q "^pkg/example.spec:7:1: warning: the Packager tag" "$tmp/stdin_lint.out" && ok "stdin is linted under its --stdin-filename" ||
  { fail "stdin"; cat "$tmp/stdin_lint.out"; }
"$katalint" --format gcc - <"$tmp/stdin/example.spec" >"$tmp/stdin_anon.out" 2>&1
grep -q "build-system-tag" "$tmp/stdin_anon.out" && ok "stdin without a name is read as a spec" || fail "anonymous stdin"

# --- -j determinism ------------------------------------------------------------------------
if [ -d "$corpus/real-specs" ]; then
  for format in gcc json sarif; do
    "$katalint" -j1 --fail-on never --format "$format" "$corpus/real-specs" >"$tmp/j1.$format" 2>&1
    "$katalint" -j2 --fail-on never --format "$format" "$corpus/real-specs" >"$tmp/j2.$format" 2>&1
    "$katalint" -j7 --fail-on never --format "$format" "$corpus/real-specs" >"$tmp/j7.$format" 2>&1
    if cmp -s "$tmp/j1.$format" "$tmp/j2.$format" && cmp -s "$tmp/j1.$format" "$tmp/j7.$format"; then
      ok "-j1, -j2 and -j7 give byte-identical $format output over real-specs ($(wc -l <"$tmp/j1.$format") lines)"
    else
      fail "-j changes the $format output"
      diff "$tmp/j1.$format" "$tmp/j2.$format" | head -20
    fi
  done
else
  echo "SKIP: -j determinism: corpus not found at $corpus"
fi

# --- many findings on one long line stay linear -------------------------------------------
{
  printf 'Name: x\nVersion: 1\nRelease: 0\nSummary: x\nLicense: MIT\nURL: https://x\n%%description\nx\n%%install\n'
  for _ in $(seq 2000); do printf 'cp a %%{buildroot}/usr/bin/x cp b %%{buildroot}/usr/bin/y %%{buildroot}/etc/z %%{buildroot}/var/w '; done
  printf '\n%%files\n'
} >"$tmp/long-line.spec"
# A guard against hangs, not a speed test: it takes well under a second.
timeout 300 "$katalint" --format gcc --fail-on never "$tmp/long-line.spec" >"$tmp/long.out" 2>&1
[ "$(grep -c hardcoded-path "$tmp/long.out")" = 8000 ] && ok "8000 findings on one line" || { fail "long line"; tail -3 "$tmp/long.out"; }
cp "$tmp/long-line.spec" "$tmp/long-fix.spec"
timeout 300 "$katalint" --fix --fail-on never "$tmp/long-fix.spec" >/dev/null 2>&1
grep -q '/usr/bin' "$tmp/long-fix.spec" && fail "long line not fixed" || ok "--fix on one long line"

# --- every reported id is in the registry ------------------------------------------------
if [ -d "$corpus" ] && command -v python3 >/dev/null; then
  "$katalint" rules --format json >"$tmp/rules.json"
  for target in opensuse-tumbleweed fedora; do
    "$katalint" --target "$target" --fail-on never --format json "$corpus/real-specs" "$corpus/real-debian" \
      "$corpus/kata-home" >"$tmp/corpus.json" 2>/dev/null
    python3 - "$tmp/rules.json" "$tmp/corpus.json" <<'PY' && ok "every id reported over the corpus for $target is registered" || fail "unregistered ids for $target"
import json, sys
known = {r["id"] for r in json.load(open(sys.argv[1]))["rules"]}
seen = {d["rule"] for d in json.load(open(sys.argv[2]))["diagnostics"]}
missing = sorted(seen - known)
if missing:
    print("unregistered:", ", ".join(missing))
sys.exit(1 if missing else 0)
PY
  done
fi

if [ "$failures" -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all lint engine checks passed"
