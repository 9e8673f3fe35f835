// fedora-go-packaging: Go specs for Fedora without go-rpm-macros, or vendoring without
// bundled() provides.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  bool uses_macros = false, bundled = false;
  NodeId direct_build = rpmspec::kNoNode, vendoring = rpmspec::kNoNode;
  for (NodeId m : tree.all_of(SyntaxKind::MacroRef)) {
    const std::string_view n = macro_name(tree, m);
    if (n == "gometa" || n == "goprep" || n == "gobuild" || n == "gocheck" || n == "go_vendor_license_buildrequires")
      uses_macros = true;
  }
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    if (tree.kind(n) == SyntaxKind::Tag) {
      const std::string_view name = line.tag;
      const std::string_view value = tag_value(tree, n);
      if (name == "provides" && value.find("bundled(golang(") != std::string_view::npos) bundled = true;
      if (name.substr(0, 6) == "source" && value.find("vendor") != std::string_view::npos && vendoring == rpmspec::kNoNode)
        vendoring = n;
      return;
    }
    if (tree.kind(n) != SyntaxKind::BodyLine || !line.build_section) return;
    const std::string_view text = trim(tree.text_of(n));
    if (text.substr(0, 1) == "#") return;
    if (direct_build == rpmspec::kNoNode && text.find("go build") != std::string_view::npos) direct_build = n;
    if (vendoring == rpmspec::kNoNode && text.find("-mod=vendor") != std::string_view::npos) vendoring = n;
  });
  if (direct_build != rpmspec::kNoNode && !uses_macros) {
    auto d = out.report(without_newline(tree, direct_build),
                        "go build called directly; Fedora Go packages use go-rpm-macros (%gometa, %goprep, %gobuild, %gocheck)");
    note_branch(ctx, d, tree.node(direct_build).begin);
  }
  if (vendoring != rpmspec::kNoNode && !bundled) {
    auto d = out.report(without_newline(tree, vendoring),
                        "vendored Go modules without 'Provides: bundled(golang(...))' for each of them");
    note_branch(ctx, d, tree.node(vendoring).begin);
  }
}

}  // namespace

extern const RuleInfo fedora_go_packaging;  // listed in rules/rules.def
constinit const RuleInfo fedora_go_packaging{
    .id = "fedora-go-packaging",
    .severity = ir::Severity::Warning,
    .summary = "a Go package that does not follow Fedora's Go packaging macros",
    .kinds = kSpecFiles,
    .families = kFedora,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(With a Fedora target: reports `go build` called in a build section of a spec that uses none of go-rpm-macros' `%gometa`, `%goprep`, `%gobuild`, `%gocheck`, and vendored modules (a vendor source, or `-mod=vendor`) without any `Provides: bundled(golang(...))`.)md",
            .why = R"md(Fedora's Go guidelines require go-rpm-macros, which set the import path, the build flags (PIE, build ID, debug information) and the dependency generators; bundled code must be declared with `bundled()` provides so security updates can find it.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  golang >= 1.22

%description
An example package.

%build
go build -buildmode=pie -o example .

%files
)md",
            .use_instead = R"md(%global goipath example.org/example
Name:           example
Version:        1.0
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  go-rpm-macros

%description
An example package.

%build
%gobuild -o %{gobuilddir}/bin/example %{goipath}

%files
)md",
            .fix_safety = R"md(No fix: moving to go-rpm-macros changes `%prep` and `%build` as a whole.)md",
            .reference = R"md(Fedora *Go Packaging Guidelines*; Fedora *Bundled Libraries* policy.)md"},
    .check = check,
};

}  // namespace katalint::rules
