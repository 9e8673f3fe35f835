// missing-build-section: no %prep, %build or %install section.
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// The sections in the order rpm runs them; a missing one goes before the next present one.
constexpr std::array<std::string_view, 8> kOrder = {"prep",  "conf",  "build", "install",
                                                    "check", "files", "changelog", ""};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId tag : tree.all_of(SyntaxKind::Tag))
    if (tag_is(tree, tag, "buildsystem")) return;  // rpm >= 4.20 generates the sections
  const std::string_view text = ctx.file.text();
  for (std::string_view wanted : {std::string_view("prep"), std::string_view("build"), std::string_view("install")}) {
    if (!section_headers(ctx, wanted).empty()) continue;
    // Insert before the first later section in the file, or at the end.
    std::uint32_t at = static_cast<std::uint32_t>(text.size());
    ir::Range where = package_line(ctx);
    bool after = false;
    for (std::string_view s : kOrder) {
      if (s == wanted) {
        after = true;
        continue;
      }
      if (!after || s.empty()) continue;
      for (NodeId h : section_headers(ctx, s)) {
        if (tree.node(h).begin < at) {
          at = tree.node(h).begin;
          where = without_newline(tree, h);
        }
      }
    }
    // Keep the insertion at the top level: a header inside a conditional moves it before the %if.
    for (NodeId n = tree.node_at(at); n != rpmspec::kNoNode; n = tree.node(n).parent)
      if (tree.kind(n) == SyntaxKind::Conditional) at = tree.node(n).begin;
    std::string insert = fmt::format("%{}\n\n", wanted);
    if (at == text.size() && !text.empty() && text.back() != '\n') insert = "\n" + insert;
    out.report(where, fmt::format("no %{} section", wanted))
        .fix(fmt::format("add an empty %{} section", wanted), ir::Applicability::Safe,
             {{{ctx.file.id(), at, at}, insert}});
  }
}

}  // namespace

extern const RuleInfo missing_build_section;  // listed in rules/rules.def
constinit const RuleInfo missing_build_section{
    .id = "missing-build-section",
    .severity = ir::Severity::Warning,
    .summary = "no %prep, %build or %install section",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "no-%prep-section no-%build-section no-%install-section",
    .doc = {.what = R"md(Reports a spec without a `%prep`, `%build` or `%install` section (in any branch), once per missing section. Specs with a declarative `BuildSystem:` (rpm 4.20) are exempt: rpm generates the sections.)md",
            .why = R"md(Some rpm versions and build tools misbehave when a section is missing (for example, no `%install` means no buildroot is set up the usual way), and an empty section states that nothing is needed on purpose.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%files
%{_datadir}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%prep

%build

%install
mkdir -p %{buildroot}%{_datadir}/example

%files
%{_datadir}/example
)md",
            .fix_safety = R"md(Safe: an empty section runs nothing, so the build does the same.)md",
            .reference = R"md(rpmlint `no-%prep-section`, `no-%build-section`, `no-%install-section`; rpmlint#1311 (declarative builds).)md"},
    .check = check,
};

}  // namespace katalint::rules
