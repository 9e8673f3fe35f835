#!/usr/bin/env python3
"""Adds a lint check: the rule file, its row in rules/rules.def and a golden test stub.

Like clang-tidy's add_new_check.py. The new rule compiles at once, with a doc skeleton whose
headings every rule shares; the tests fail until its check, its examples and its golden input
are filled in:

  scripts/new-rule.py patch-fuzz-changed --summary "a spec that changes %_default_patch_fuzz" \\
      --severity warning --aliases patch-fuzz-is-changed
  $EDITOR rules/spec/patch_fuzz_changed.cpp tests/golden/rules/patch-fuzz-changed/input.spec
  cmake --build build/dev && KATALINT_UPDATE_GOLDEN=1 ctest --test-dir build/dev -R golden
  build/dev/katalint rules --write-docs docs/rules

Ids are kebab-case; reuse the rpmlint or lintian name when the check is the same, and list
the names it supersedes as --aliases.
"""
import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

KINDS = {
    "spec": ("kSpecFiles", "example.spec"),
    "debian": ("kDebianFiles", "debian/control"),
}
FAMILIES = {"all": "kAllFamilies", "suse": "kSuse", "fedora": "kFedora", "ubuntu": "kUbuntu"}
FIXES = {"none": "None", "safe": "Safe", "unsafe": "Unsafe", "safe-and-unsafe": "SafeAndUnsafe"}

SPEC_EXAMPLE = """Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
"""

TEMPLATE = '''// {id}: {summary}.
#include <fmt/core.h>

#include "rules/{group}/support.hpp"

namespace katalint::rules {{
namespace {{

using namespace {group}_support;

void check(const Context& ctx, Reporter& out) {{
  // TODO: find the problem in ctx.spec (the syntax tree, as written) or ctx.package (evaluated
  // for ctx.target) and report it at its exact range:
  //   out.report(range, "lower-case message, no final period")
  //       .fix("what the fix does", ir::Applicability::Safe, {{{{range, "replacement"}}}});
  (void)ctx;
  (void)out;
}}

}}  // namespace

extern const RuleInfo {symbol};  // listed in rules/rules.def
constinit const RuleInfo {symbol}{{
    .id = "{id}",
    .severity = ir::Severity::{severity},
    .summary = "{summary}",
    .kinds = {kinds},
    .families = {families},
    .fix = FixAvailability::{fix},{aliases}
    .doc = {{.what = R"md(TODO: what the rule reports, precisely.)md",
            .why = R"md(TODO: why it matters; cite the guideline or rpm behaviour.)md",
            .example = R"md({example})md",
            .use_instead = R"md({example})md",
            .fix_safety = R"md(TODO: Safe, Unsafe or no fix, and why.)md",
            .reference = R"md(TODO: guidelines, rpmlint/lintian ids, peer tools.)md"{example_file}}},
    .check = check,
}};

}}  // namespace katalint::rules
'''


def fail(message):
    print("new-rule: error: " + message, file=sys.stderr)
    sys.exit(2)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("id", help="kebab-case rule id")
    ap.add_argument("--group", default="spec", choices=sorted(KINDS), help="rules/<group>/ (default: spec)")
    ap.add_argument("--summary", required=True, help="one line, lower-case, no final period")
    ap.add_argument("--severity", default="warning", choices=["error", "warning", "info"])
    ap.add_argument("--targets", default="all", help="all, or a comma-separated list of suse, fedora, ubuntu")
    ap.add_argument("--fix", default="none", choices=sorted(FIXES))
    ap.add_argument("--aliases", default="", help="space-separated rpmlint/lintian ids this rule supersedes")
    ap.add_argument("--root", default=ROOT, help=argparse.SUPPRESS)
    args = ap.parse_args()

    rid = args.id
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid):
        fail("'%s' is not kebab-case" % rid)
    summary = args.summary.strip()
    if not summary or summary[0].isupper() or summary.endswith(".") or '"' in summary:
        fail("the summary starts lower-case, has no final period and no double quote")
    families = []
    for t in args.targets.split(","):
        if t.strip() not in FAMILIES:
            fail("unknown target family '%s' (all, suse, fedora, ubuntu)" % t)
        families.append(FAMILIES[t.strip()])
    symbol = rid.replace("-", "_")
    root = args.root
    rule_dir = os.path.join(root, "rules", args.group)
    rule_file = os.path.join(rule_dir, symbol + ".cpp")
    def_file = os.path.join(root, "rules", "rules.def")
    kinds, example_file = KINDS[args.group]

    with open(def_file) as f:
        lines = f.read().splitlines()
    row = re.compile(r"^KATALINT_RULE\((\w+), (\w+)\)$")
    rows = [(i, m.group(2)) for i, line in enumerate(lines) for m in [row.match(line)] if m]
    if any(s == symbol for _, s in rows):
        fail("'%s' is already in rules/rules.def" % rid)
    # An alias of another rule may not become an id.
    for dirpath, _, files in os.walk(os.path.join(root, "rules")):
        for name in files:
            if name.endswith(".cpp"):
                text = open(os.path.join(dirpath, name), errors="replace").read()
                m = re.search(r'\.aliases = "([^"]*)"', text)
                if m and rid in m.group(1).split():
                    fail("'%s' is an alias of the rule in %s" % (rid, os.path.relpath(os.path.join(dirpath, name), root)))
    if os.path.exists(rule_file):
        fail("%s exists" % os.path.relpath(rule_file, root))
    if not os.path.exists(os.path.join(rule_dir, "support.hpp")):
        fail("rules/%s/support.hpp is missing; write the group's helpers first" % args.group)

    # Insert the row where the ids stay sorted.
    insert_at = len(lines)
    for i, s in rows:
        if s.replace("_", "-") > rid:
            insert_at = i
            break
    else:
        insert_at = rows[-1][0] + 1 if rows else len(lines)
    lines.insert(insert_at, "KATALINT_RULE(%s, %s)" % (args.group, symbol))

    example = SPEC_EXAMPLE if args.group == "spec" else "TODO\n"
    text = TEMPLATE.format(
        id=rid, summary=summary, group=args.group, symbol=symbol, severity=args.severity.capitalize(),
        kinds=kinds, families=" | ".join(families), fix=FIXES[args.fix],
        aliases=('\n    .aliases = "%s",' % args.aliases.strip()) if args.aliases.strip() else "",
        example=example,
        example_file="" if example_file.endswith(".spec") else ',\n            .example_file = "%s"' % example_file)

    golden_dir = os.path.join(root, "tests", "golden", "rules", rid)
    golden_input = os.path.join(golden_dir, "input.spec" if example_file.endswith(".spec") else example_file)
    os.makedirs(os.path.dirname(golden_input), exist_ok=True)
    with open(rule_file, "w") as f:
        f.write(text)
    with open(def_file, "w") as f:
        f.write("\n".join(lines) + "\n")
    if not os.path.exists(golden_input):
        with open(golden_input, "w") as f:
            f.write(example if args.group == "spec" else "TODO: a file where the rule fires, and cases where it must not\n")

    rel = lambda p: os.path.relpath(p, root)
    print("created %s" % rel(rule_file))
    print("added   KATALINT_RULE(%s, %s) to %s" % (args.group, symbol, rel(def_file)))
    print("created %s (make it fire, and add cases where it must not)" % rel(golden_input))
    print("next: write the check and its docs, then")
    print("  cmake --build build/dev && KATALINT_UPDATE_GOLDEN=1 ctest --test-dir build/dev -R 'golden|registry'")
    print("  build/dev/katalint rules --write-docs docs/rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
