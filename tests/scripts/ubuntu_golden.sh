#!/usr/bin/env bash
# The Ubuntu backend on every Kata package at the release tags 1.2.0 and 1.11.0: the debian/
# tree, the OBS form (debian.* and .dsc) and the conversion diagnostics must equal
# tests/golden/ubuntu/<tag>/<package>/ (regenerate with KATALINT_UPDATE_GOLDEN=1), and
# katalint must find nothing at warning or error level in its own debian/ output.
# Usage: ubuntu_golden.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
emit=$(dirname "$katalint")/tests/katalint_ubuntu_emit
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}/kata-home
golden=$src/tests/golden/ubuntu
if [ ! -d "$corpus" ]; then
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: no corpus at $corpus"; exit 1; fi
  echo "SKIP: no corpus at $corpus"; exit 0
fi
[ -x "$emit" ] || { echo "FAIL: no $emit"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1735689600  # the changelog date, so the files are reproducible

# The placeholders of one package, from a versions.txt, as the home project's update.sh
# scripts bound them (corpus README, "How the templates were filled").
values_for() {
  local pkg=$1 versions=$2
  (
    set -a
    # shellcheck disable=SC1090
    . "$versions"
    set +a
    config=1  # kernel/kata_config_version (not in the corpus)
    case $pkg in
      kata-runtime) v=$kata_runtime_version h=$kata_runtime_hash ;;
      kata-proxy) v=$kata_proxy_version h=$kata_proxy_hash ;;
      kata-shim) v=$kata_shim_version h=$kata_shim_hash ;;
      kata-ksm-throttler) v=$kata_ksm_throttler_version h=$kata_ksm_throttler_hash ;;
      kata-containers-image) v=$kata_osbuilder_version h= ;;
      kata-linux-container) v=$kernel_version h= ;;
      qemu-lite) v=$qemu_lite_version h=$qemu_lite_hash ;;
      qemu-vanilla) v=$qemu_vanilla_version h=$qemu_vanilla_hash ;;
    esac
    echo "VERSION=$v"
    echo "RELEASE=1"
    echo "HASH=${h:0:7}"
    echo "GO_VERSION=$go_version"
    echo "GO_ARCH=amd64"
    echo "CONFIG_VERSION=$config"
    lite=${qemu_lite_hash:-}
    echo "QEMU_LITE_HASH=${lite:0:10}"
    echo "QEMU_VANILLA_HASH=${qemu_vanilla_hash:0:10}"
    echo "RPM_PATCH_LIST=#Patches"
    echo "RPM_APPLY_PATCHES=#Apply patches"
    echo "kata_osbuilder_version=$kata_osbuilder_version"
    echo "kata_proxy_version=$kata_proxy_version"
    echo "kata_shim_version=$kata_shim_version"
    echo "ksm_throttler_version=$kata_ksm_throttler_version"
    echo "linux_container_version=$kernel_version.$config"
    [ -n "${qemu_lite_version:-}" ] && echo "qemu_lite_version=$qemu_lite_version+git.${qemu_lite_hash:0:10}"
    echo "qemu_vanilla_version=$qemu_vanilla_version+git.${qemu_vanilla_hash:0:10}"
  )
}

packages=0 failed=0
for tag in 1.2.0 1.11.0; do
  versions=$corpus/_versions/tag-$tag/versions.txt
  [ -f "$versions" ] || versions=$src/tests/fixtures/ubuntu/versions-$tag.txt
  specs=$(awk -F'\t' -v t="$tag" '$1 == t && $4 ~ /\.spec-template$/ {print $4}' "$corpus/TAGS.tsv")
  for corpus_file in $specs; do
    pkg=${corpus_file%%/*}
    out=$tmp/$tag/$pkg
    mkdir -p "$out"
    values_for "$pkg" "$versions" >"$tmp/values"
    "$emit" --values "$tmp/values" --obs-build-counter 1 -o "$out" "$corpus/$corpus_file" >"$out/diagnostics.txt" ||
      { echo "FAIL: $tag $pkg: the driver failed"; failed=$((failed + 1)); continue; }
    "$emit" --values "$tmp/values" --obs-build-counter 1 --layout obs -o "$out/obs" "$corpus/$corpus_file" >/dev/null
    packages=$((packages + 1))
    [ -x "$out/debian/rules" ] || { echo "FAIL: $tag $pkg: debian/rules is not executable"; failed=$((failed + 1)); }
    if [ "${KATALINT_UPDATE_GOLDEN:-0}" = 1 ]; then
      rm -rf "${golden:?}/$tag/$pkg"
      mkdir -p "$golden/$tag"
      cp -a "$out" "$golden/$tag/$pkg"
    elif ! diff -ru "$golden/$tag/$pkg" "$out"; then
      echo "FAIL: $tag $pkg differs from tests/golden/ubuntu/$tag/$pkg (KATALINT_UPDATE_GOLDEN=1 regenerates)"
      failed=$((failed + 1))
    fi
  done
done
echo "converted $packages Kata packages"
[ "$packages" -eq 15 ] || { echo "FAIL: expected 15 packages (8 at 1.2.0, 7 at 1.11.0)"; exit 1; }

# No output ships, unpacks or downloads a Go toolchain; every Go package pins GOTOOLCHAIN.
if grep -rlE 'go1\.[0-9]+(\.[0-9]+)?\.linux-|GOROOT=' "$tmp" --include='*' | grep -v diagnostics.txt; then
  echo "FAIL: an emitted file refers to a prebuilt Go toolchain"
  failed=$((failed + 1))
fi
for rules in "$tmp"/*/*/debian/rules; do
  if grep -q golang "$(dirname "$rules")/control" && ! grep -qx 'export GOTOOLCHAIN := local' "$rules"; then
    echo "FAIL: $rules builds with Go but does not set GOTOOLCHAIN=local"
    failed=$((failed + 1))
  fi
done

# katalint's own output lints clean: no finding at warning or error level.
find "$tmp" -path '*/debian/*' -type f >"$tmp/files"
if ! xargs "$katalint" lint --fail-on warning <"$tmp/files" >"$tmp/lint.txt" 2>&1; then
  grep -E ': (warning|error):' "$tmp/lint.txt" | head -40
  echo "FAIL: katalint reports warnings or errors in its own Ubuntu output"
  failed=$((failed + 1))
fi
echo "linted $(wc -l <"$tmp/files") emitted files"
[ "$failed" -eq 0 ]
