#!/usr/bin/env bash
# docs/rules is generated from the registry; fail when it is stale.
# Usage: rule_docs.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$katalint" rules --write-docs "$tmp/rules" || { echo "FAIL: rules --write-docs"; exit 1; }
if ! diff -ru "$src/docs/rules" "$tmp/rules"; then
  echo "FAIL: docs/rules is stale; run: katalint rules --write-docs docs/rules"
  exit 1
fi
# explain prints the same page.
"$katalint" explain build-system-tag | diff - "$src/docs/rules/build-system-tag.md" >/dev/null ||
  { echo "FAIL: explain differs from the page"; exit 1; }
# An alias explains its rule.
"$katalint" explain hardcoded-packager-tag | head -1 | grep -qx '# build-system-tag' ||
  { echo "FAIL: explain of an alias"; exit 1; }
echo "docs/rules is up to date ($(ls "$src/docs/rules" | wc -l) pages)"
