#!/usr/bin/env bash
# Every Ubuntu tree in tests/golden/ubuntu (the Kata packages at 1.2.0 and 1.11.0, which
# ubuntu_golden.sh keeps equal to the backend's output) passes ../shared/tools/deb-validate.sh:
# dpkg-parsechangelog, dpkg-source -b, dpkg-gencontrol and lintian with no error. The OBS
# form (debian.* and .dsc) is validated for one Go and one C package.
# Without dpkg-dev, lintian or the validator the test prints SKIP and passes, unless
# KATALINT_REQUIRE_TOOLS=1, when it fails.
# Usage: ubuntu_deb_validate.sh KATALINT SOURCE_DIR
set -u
src=$2
validate=${KATALINT_SHARED_DIR:-$src/../shared}/tools/deb-validate.sh
missing=
for tool in dpkg-source dpkg-gencontrol dpkg-parsechangelog lintian; do
  command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -f "$validate" ] || missing="$missing $validate"
if [ -n "$missing" ]; then
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: missing:$missing"; exit 1; fi
  echo "SKIP: missing:$missing"; exit 0
fi
golden=$src/tests/golden/ubuntu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
  for d in "$golden"/*/*/; do echo "${d%/}"; done
  echo "$golden/1.11.0/kata-runtime/obs"
  echo "$golden/1.11.0/qemu-vanilla/obs"
} >"$tmp/dirs"
# Two validations at a time: lintian start-up dominates each run.
xargs -P2 -I{} bash -c 'log=$2/$(echo "$1" | md5sum | cut -c1-12).log
  if bash "$0" -q "$1" >"$log" 2>&1; then echo "ok $1" >>"$log"; else echo "FAIL: $1 (exit $?)" >>"$log"; fi' \
  "$validate" {} "$tmp" <"$tmp/dirs"
cat "$tmp"/*.log | grep -E '^(E:|FAIL)' || true
passed=$(cat "$tmp"/*.log | grep -c '^ok ')
total=$(wc -l <"$tmp/dirs")
echo "$passed of $total Ubuntu trees pass deb-validate.sh"
[ "$total" -eq 17 ] || { echo "FAIL: expected 15 debian/ trees and 2 OBS directories"; exit 1; }
[ "$passed" -eq "$total" ]
