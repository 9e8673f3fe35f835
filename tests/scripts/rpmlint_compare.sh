#!/usr/bin/env bash
# katalint's recall of rpmlint's findings on rpmlint's own spec test inputs must not fall below
# tests/rpmlint-recall-threshold (the openSUSE set; ratcheted up as katalint improves), and
# Debian's rpmlint, when installed, must still report what expected/rpmlint-debian-2.4.tsv records.
# First checks scripts/rpmlint-compare.py itself against a fake katalint.
# Usage: rpmlint_compare.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
python=/usr/bin/python3
script=$src/scripts/rpmlint-compare.py
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}/rpmlint-specs

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
fail() { echo "FAIL: $1"; exit 1; }

[ -x "$python" ] || skip "$python not found"
[ -f "$corpus/expected/rpmlint-upstream-opensuse.tsv" ] || skip "rpmlint-specs corpus not found at $corpus"
corpus=$(cd "$corpus" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rpmlint-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A fake katalint that replays the openSUSE recording as findings of two rules, one of them
# standing for several rpmlint ids, and leaves out two recorded lines.
"$python" - "$corpus/expected/rpmlint-upstream-opensuse.tsv" "$tmp" <<'PY' || fail "self-check: cannot prepare the fake"
import json, sys
tsv, out = sys.argv[1], sys.argv[2]
rules = {"version": 1, "rules": [
    {"id": "macro-in-comment", "aliases": []},
    {"id": "missing-build-section", "aliases": ["no-%prep-section", "no-%build-section", "no-%install-section"]},
]}
json.dump(rules, open(out + "/rules.json", "w"))
diags = []
dropped = 0
for line in open(tsv, encoding="utf-8", errors="replace"):
    if line.startswith("#"):
        continue
    spec, _, check, where, _ = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
    if check == "macro-in-comment":
        if spec == "SpecCheck.spec" and dropped < 1:
            dropped += 1
            continue
        diags.append({"file": spec, "rule": check, "message": "m", "begin": {"line": int(where)}})
    elif check.startswith("no-%") and check != "no-%check-section":
        if spec == "no-%%%s-section.spec" and check == "no-%prep-section":
            continue
        word = check[4:-8]
        diags.append({"file": spec, "rule": "missing-build-section", "message": f"no %{word} section",
                      "begin": {"line": 1}})
diags.append({"file": "SpecCheck.spec", "rule": "macro-in-comment", "message": "m", "begin": {"line": 3}})
json.dump({"version": 1, "diagnostics": diags}, open(out + "/lint.json", "w"))
PY
cat >"$tmp/fake-katalint" <<SH
#!/usr/bin/env bash
if [ "\$1" = rules ]; then exec cat "$tmp/rules.json"; fi
exec cat "$tmp/lint.json"
SH
chmod +x "$tmp/fake-katalint"
out=$("$python" "$script" --katalint "$tmp/fake-katalint" --corpus "$corpus" --sets opensuse 2>&1)
[ $? -eq 0 ] || fail "self-check: exit status without --min: $out"
total=$(grep -av '^#' "$corpus/expected/rpmlint-upstream-opensuse.tsv" | awk -F'\t' '$3 != "specfile-error" && $3 != "specfile-warning"' | wc -l)
replayed=$(grep -av '^#' "$corpus/expected/rpmlint-upstream-opensuse.tsv" | awk -F'\t' '$3 == "macro-in-comment" || $3 ~ /^no-%(prep|build|install)-section$/' | wc -l)
grep -q "recall $((replayed - 2))/$total " <<<"$out" || fail "self-check: wrong recall: $out"
grep -q "miss: SpecCheck.spec:46 macro-in-comment" <<<"$out" || fail "self-check: dropped line not reported: $out"
grep -q "miss: no-%%%s-section.spec no-%prep-section" <<<"$out" || fail "self-check: message mapping: $out"
grep -q "extra: SpecCheck.spec:3 macro-in-comment" <<<"$out" || fail "self-check: extra finding not reported: $out"
"$python" "$script" --katalint "$tmp/fake-katalint" --corpus "$corpus" --sets opensuse --quiet --min opensuse=100 \
  >/dev/null 2>&1 && fail "self-check: --min must fail below it"
echo "self-check passed"

# The real comparison, with Debian's rpmlint live where it is installed.
threshold=$(tr -d ' \t\r\n' <"$src/tests/rpmlint-recall-threshold")
[ -n "$threshold" ] || fail "tests/rpmlint-recall-threshold is empty"
live=(--live)
if ! command -v rpmlint >/dev/null; then
  [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ] && fail "rpmlint not found (KATALINT_REQUIRE_TOOLS=1)"
  echo "rpmlint not installed: the recorded files are not checked live"
fi
[ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ] && live+=(--require-live)
"$python" "$script" --katalint "$katalint" --corpus "$corpus" --sets opensuse,fedora --quiet \
  --min "opensuse=$threshold" "${live[@]}"
