// suse-changelog-in-spec: entries in the %changelog of a SUSE spec.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId header : section_headers(ctx, "changelog")) {
    const NodeId section = tree.node(header).parent;
    for (NodeId n = header + 1; n < tree.node(section).subtree_end; ++n) {
      if (!is_line(tree, n)) continue;
      const SyntaxKind k = tree.kind(n);
      if (k == SyntaxKind::Blank || k == SyntaxKind::Comment) continue;
      // %autochangelog and other macros generate the entries from elsewhere.
      if (trim(tree.text_of(n)).substr(0, 1) == "%") continue;
      auto d = out.report(without_newline(tree, header),
                          "SUSE keeps the changelog in NAME.changes; leave %changelog empty, OBS fills it at build time");
      d.note(without_newline(tree, n), "first entry");
      note_branch(ctx, d, tree.node(header).begin);
      break;
    }
  }
}

}  // namespace

extern const RuleInfo suse_changelog_in_spec;  // listed in rules/rules.def
constinit const RuleInfo suse_changelog_in_spec{
    .id = "suse-changelog-in-spec",
    .severity = ir::Severity::Warning,
    .summary = "entries in %changelog of a SUSE spec",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports a `%changelog` section (any branch) that holds entries, at its heading. Blank lines, comments and macro lines (`%autochangelog`) do not count.)md",
            .why = R"md(openSUSE keeps the package history in `NAME.changes`, which OBS merges into `%changelog` at build time (changelog2spec); entries in the spec are duplicated or lost on the next merge, and reviewers read the `.changes` file.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-0
- Initial package
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
)md",
            .fix_safety = R"md(No automatic fix: the entries belong in `NAME.changes`, which `--fix` does not write (it only edits the linted file); `osc vc` or obs-build's `spec2changelog` convert them.)md",
            .reference = R"md(openSUSE *Creating a changes file (RPM)*; obs-build `changelog2spec`, `spec2changelog`.)md"},
    .check = check,
};

}  // namespace katalint::rules
