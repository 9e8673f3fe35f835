#!/usr/bin/env bash
# `katalint migrate` on the Kata home project at tags 1.2.0 and 1.11.0, to SUSE and Fedora;
# then every generated spec must pass `rpmspec -P` and `rpmlint` (no error) with the target's
# macros (data/profiles/TARGET.macros as ~/.rpmmacros over the host's rpm macros), and
# `katalint lint --target` must find nothing at warning level or above in the output.
# Also checks the CLI contract of convert/migrate: unknown target, unsafe output paths.
# Without rpmspec or rpmlint the tool checks print SKIP, unless KATALINT_REQUIRE_TOOLS=1.
# Usage: backends_validate.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}/kata-home

fail() { echo "FAIL: $1"; exit 1; }
missing_tool() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then fail "$1 (KATALINT_REQUIRE_TOOLS=1)"; fi
  echo "SKIP: $1"
}
[ -f "$corpus/TAGS.tsv" ] || fail "kata-home corpus not found at $corpus"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/backends-validate.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C

for tag in 1.2.0 1.11.0; do
  bash "$src/scripts/kata-home-at-tag.sh" "$corpus" "$tag" "$tmp/home-$tag" || fail "cannot rebuild the home project at $tag"
  "$katalint" migrate "$tmp/home-$tag" -o "$tmp/out-$tag" --to suse,fedora \
    --values "$src/tests/data/kata-values/$tag.values" --packager "Kata Packager <kata@example.com>" \
    >"$tmp/summary-$tag.txt" 2>"$tmp/migrate-$tag.err" || { cat "$tmp/migrate-$tag.err"; fail "migrate $tag exited $?"; }
  [ -s "$tmp/out-$tag/summary.json" ] || fail "migrate $tag wrote no summary.json"
  grep -q "conversions: .* written, 0 failed" "$tmp/summary-$tag.txt" || { cat "$tmp/summary-$tag.txt"; fail "migrate $tag failed a package"; }
  echo "migrate $tag: $(grep 'conversions:' "$tmp/summary-$tag.txt")"
done

# katalint lints its own output clean for each target. The one finding allowed is a source
# the home project never had (a file its release scripts generate): migrate must have said
# so itself (convert-source-missing) for that package and file.
for target in suse fedora; do
  case $target in suse) profile=opensuse-tumbleweed ;; fedora) profile=fedora ;; esac
  for tag in 1.2.0 1.11.0; do
    "$katalint" lint --target "$profile" --fail-on never --format gcc "$tmp/out-$tag/$target" >"$tmp/lint.txt" 2>&1
    grep -E ': (warning|error): ' "$tmp/lint.txt" >"$tmp/findings.txt"
    while IFS= read -r finding; do
      file=$(echo "$finding" | sed -nE "s/.*source '([^']+)' is not in the package directory.*\[obs-source-file-missing\]$/\1/p")
      package=$(basename "$(dirname "${finding%%:*}")")
      if [ -n "$file" ] && grep -q "source '$file' is not in the package directory" "$tmp/out-$tag/summary.json" &&
        grep -q "\"output\": \"$target/$package\"" "$tmp/out-$tag/summary.json"; then
        continue
      fi
      cat "$tmp/lint.txt"
      fail "katalint finds warnings in its own $target output at $tag: $finding"
    done <"$tmp/findings.txt"
  done
done
echo "katalint lint: no warning in the SUSE and Fedora output but sources the home project lacks"

# External validators, with each target's macros.
if command -v rpmspec >/dev/null 2>&1 && command -v rpmlint >/dev/null 2>&1; then
  for target in suse fedora; do
    case $target in suse) profile=opensuse-tumbleweed ;; fedora) profile=fedora ;; esac
    home=$tmp/rpmhome-$target
    mkdir -p "$home"
    cp "$src/data/profiles/$profile.macros" "$home/.rpmmacros"
    specs=("$tmp"/out-*/"$target"/*/*.spec)
    [ "${#specs[@]}" -ge 14 ] || fail "only ${#specs[@]} $target specs"
    for spec in "${specs[@]}"; do
      HOME=$home rpmspec -P "$spec" >/dev/null 2>"$tmp/rpmspec.err" || { cat "$tmp/rpmspec.err"; fail "rpmspec -P rejects $spec"; }
    done
    HOME=$home rpmlint "${specs[@]}" >"$tmp/rpmlint.txt" 2>&1
    if grep -E ': E: ' "$tmp/rpmlint.txt"; then fail "rpmlint reports errors in the $target specs"; fi
    grep -qE 'specfiles checked; 0 errors' "$tmp/rpmlint.txt" || { cat "$tmp/rpmlint.txt"; fail "rpmlint did not check the $target specs"; }
    echo "$target: ${#specs[@]} specs pass rpmspec -P and rpmlint ($(grep -oE '[0-9]+ warnings' "$tmp/rpmlint.txt") )"
  done
else
  missing_tool "rpmspec or rpmlint is not installed"
fi

# CLI contract.
"$katalint" convert --to nowhere -o "$tmp/x" "$tmp/home-1.11.0/kata-shim" 2>/dev/null
[ $? -eq 2 ] || fail "an unknown target is not a usage error"
spec=$tmp/home-1.11.0/kata-shim/kata-shim.spec-template
"$katalint" convert --to suse -o "$tmp/one" --values "$src/tests/data/kata-values/1.11.0.values" "$spec" >/dev/null 2>&1 ||
  fail "convert of one spec template failed"
[ -f "$tmp/one/kata-shim.spec" ] && [ -f "$tmp/one/kata-shim.changes" ] || fail "convert wrote no kata-shim.spec/.changes"
# A Name: that is a path never escapes the output directory.
mkdir -p "$tmp/evil"
printf 'Name: ../../escaped\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\n%%description\nx\n%%files\n' >"$tmp/evil/evil.spec"
"$katalint" convert --to suse -o "$tmp/evil-out" "$tmp/evil/evil.spec" >/dev/null 2>&1 && fail "a Name: with '/' was written"
[ ! -e "$tmp/escaped.spec" ] && [ ! -e "$tmp/escaped.changes" ] || fail "a file escaped the output directory"
echo "PASS"
