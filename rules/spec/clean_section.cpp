// clean-section: a %clean section, which rpm no longer needs.
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId header : tree.find_all(SyntaxKind::SectionHeader)) {
    if (section_name(tree, header) != "clean") continue;
    auto d = out.report(without_newline(tree, header), "rpm cleans the build root itself; %clean is not needed");
    // The Section node may hold conditionals that open other sections; then only a person
    // can tell where %clean ends.
    const NodeId section = tree.node(header).parent;
    if (section != rpmspec::kNoNode && tree.kind(section) == SyntaxKind::Section &&
        tree.find_all(SyntaxKind::SectionHeader, section).size() == 1)
      d.fix("remove the %clean section", ir::Applicability::Safe, {{tree.range(section), ""}});
  }
}

}  // namespace

constinit const RuleInfo clean_section{
    .id = "clean-section",
    .severity = ir::Severity::Error,
    .summary = "a %clean section, which rpm runs on its own",
    .fix = FixAvailability::Safe,
    .aliases = "superfluous-%clean-section",
    .doc = {.what = R"md(Reports a `%clean` section.)md",
            .why = R"md(rpm removes the build root itself after a build (since 4.8), so `%clean` is dead code copied from old templates. Fedora says it should not be used; rpmlint reports it as an error.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%clean
rm -rf %{buildroot}

%files
%{_datadir}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%files
%{_datadir}/example
)md",
            .fix_safety = R"md(Safe: the fix deletes the section, from its header to the next section. It is not offered when a conditional inside `%clean` opens another section, since the end of `%clean` is then unclear.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Tags and Sections" (%clean SHOULD NOT be used); rpmlint `superfluous-%clean-section`.)md"},
    .check = check,
};

}  // namespace katalint::rules
