// check-section: no %check section, or one that only runs `:` or `true`.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// True when the section's body holds nothing but blanks, comments, `:` and `true`.
bool runs_nothing(const SyntaxTree& tree, NodeId header) {
  const NodeId section = tree.node(header).parent;
  for (NodeId n = header + 1; n < tree.node(section).subtree_end; ++n) {
    if (!is_line(tree, n)) continue;
    const SyntaxKind k = tree.kind(n);
    if (k == SyntaxKind::Blank || k == SyntaxKind::Comment) continue;
    if (k == SyntaxKind::BodyLine) {
      const std::string_view text = trim(tree.text_of(n));
      if (text == ":" || text == "true" || text == "exit 0") continue;
    }
    return false;
  }
  return true;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const auto checks = section_headers(ctx, "check");
  if (checks.empty()) {
    // Declarative builds (BuildSystem:) bring their own %check.
    for (NodeId tag : tree.all_of(SyntaxKind::Tag))
      if (tag_is(tree, tag, "buildsystem")) return;
    const auto installs = section_headers(ctx, "install");
    const ir::Range where = installs.empty() ? package_line(ctx) : without_newline(tree, installs.front());
    out.report(where, "no %check section; run the upstream test suite if there is one");
    return;
  }
  for (NodeId header : checks) {
    if (!runs_nothing(tree, header)) continue;
    auto d = out.report(without_newline(tree, header), "%check runs nothing; remove it or run the tests");
    note_branch(ctx, d, tree.node(header).begin);
  }
}

}  // namespace

extern const RuleInfo check_section;  // listed in rules/rules.def
constinit const RuleInfo check_section{
    .id = "check-section",
    .severity = ir::Severity::Info,
    .summary = "no %check section, or one that runs nothing",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "no-%check-section",
    .doc = {.what = R"md(Reports a spec without a `%check` section (in any branch), unless it uses a declarative `BuildSystem:`, and a `%check` whose body runs nothing but `:`, `true` or `exit 0`.)md",
            .why = R"md(Running the upstream test suite at build time catches miscompilations and broken dependencies before users do. An empty `%check` only pretends to: rpmlint's description says not to add one just to silence the warning.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
make %{?_smp_mflags}

%install
%make_install

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
make %{?_smp_mflags}

%install
%make_install

%check
make check

%files
)md",
            .fix_safety = R"md(No fix: only the packager knows how the tests run.)md",
            .reference = R"md(rpmlint `no-%check-section`; Fedora Packaging Guidelines, "Test suites"; openSUSE packaging guidelines (%check).)md"},
    .check = check,
};

}  // namespace katalint::rules
