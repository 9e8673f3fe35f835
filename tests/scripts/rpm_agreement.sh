#!/usr/bin/env bash
# Agreement of `katalint query` with rpm 4.18 on the real-specs corpus must not fall below
# tests/rpm-agreement-threshold (a percentage, ratcheted up as katalint improves).
# First checks scripts/rpm-agreement.py itself against a fake katalint that replays the truth.
# Usage: rpm_agreement.sh KATALINT SOURCE_DIR
set -u
katalint=$1
src=$2
python=/usr/bin/python3
script=$src/scripts/rpm-agreement.py
corpus=${KATALINT_CORPUS_DIR:-$src/../shared/corpus}/real-specs

skip() {
  if [ "${KATALINT_REQUIRE_TOOLS:-0}" = 1 ]; then echo "FAIL: $1 (KATALINT_REQUIRE_TOOLS=1)"; exit 1; fi
  echo "SKIP: $1"; exit 0
}
fail() { echo "FAIL: $1"; exit 1; }

[ -x "$python" ] || skip "$python not found"
[ -f "$corpus/_truth/truth.jsonl" ] || skip "real-specs corpus not found at $corpus"
corpus=$(cd "$corpus" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/rpm-agreement.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# A fake katalint that answers with the truth itself, except for three specs (one wrong field,
# one failure, one non-JSON answer). Answers are written once, so each run is just a `cat`.
mkdir -p "$tmp/answers"
"$python" - "$corpus" "$tmp/answers" <<'PY' || fail "self-check: cannot prepare answers"
import json, os, sys
corpus, answers = sys.argv[1], sys.argv[2]
for line in open(os.path.join(corpus, "_truth", "truth.jsonl"), encoding="utf-8"):
    t = json.loads(line)
    if "SuperLU" in t["spec"] and t["packages"]:
        t["packages"][0]["release"] = "99"
    with open(os.path.join(answers, t["spec"].replace("/", "__")), "w", encoding="utf-8") as f:
        json.dump({"file": t["spec"], "srpm": t["srpm"], "packages": t["packages"]}, f)
PY
cat >"$tmp/fake-katalint" <<SH
#!/usr/bin/env bash
[ "\$1 \$2 \$3 \$4" = "query --target rpm --json" ] || { echo "bad arguments: \$*" >&2; exit 2; }
spec=\$(realpath --relative-to="$corpus" "\${@: -1}")
case \$spec in
  *hexedit*) echo "katalint: error: something broke" >&2; exit 3 ;;
  *zipper*) echo "not json"; exit 0 ;;
esac
exec cat "$tmp/answers/\${spec//\//__}"
SH
chmod +x "$tmp/fake-katalint"

out=$("$python" "$script" --katalint "$tmp/fake-katalint" --corpus "$corpus" \
        --jobs 2 --report "$tmp/report.md" 2>&1)
rc=$?
[ $rc -eq 0 ] || fail "self-check: exit $rc without --min: $out"
total=$("$python" -c 'import json,sys; print(sum(1 for l in open(sys.argv[1]) if json.loads(l)["status"] == "ok"))' "$corpus/_truth/truth.jsonl")
agreed=$((total - 3))
grep -q "^rpm agreement: $agreed/$total ok specs" <<<"$out" || fail "self-check: wrong summary: $out"
grep -q 'SuperLU.spec: packages\[0\].release: expected "1", got "99"' <<<"$out" ||
  fail "self-check: differing field not reported: $out"
grep -q 'hexedit.spec: exit 3: katalint: error: something broke' <<<"$out" ||
  fail "self-check: failure not reported: $out"
grep -q 'zipper.spec: exit 0: output is not JSON' <<<"$out" || fail "self-check: bad JSON not reported: $out"
grep -q "Agreement: $agreed/$total specs" "$tmp/report.md" || fail "self-check: report not written"
"$python" "$script" --katalint "$tmp/fake-katalint" --corpus "$corpus" --quiet --min 100 \
  >/dev/null 2>&1 && fail "self-check: --min 100 must fail below 100%"
echo "self-check passed"

# The real check.
threshold=$(tr -d ' \t\r\n' <"$src/tests/rpm-agreement-threshold")
[ -n "$threshold" ] || fail "tests/rpm-agreement-threshold is empty"
"$python" "$script" --katalint "$katalint" --corpus "$corpus" --jobs 2 --quiet --min "$threshold"
