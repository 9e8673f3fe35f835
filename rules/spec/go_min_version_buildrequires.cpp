// go-min-version-buildrequires: a Go build without a versioned Go toolchain BuildRequires
// (SUSE) or without go-rpm-macros (Fedora).
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool go_build(const SyntaxTree& tree, NodeId line) {
  for (NodeId m : tree.all_of(SyntaxKind::MacroRef, line)) {
    const std::string_view n = macro_name(tree, m);
    if (n == "gobuild" || n == "gomodbuild" || n == "goprep") return true;
  }
  const std::string_view text = trim(tree.text_of(line));
  if (text.substr(0, 1) == "#") return false;
  const std::size_t at = text.find("go build");
  return at != std::string_view::npos && (at == 0 || text[at - 1] == ' ' || text[at - 1] == ';' || text[at - 1] == '&');
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.family != Family::Suse && ctx.family != Family::Fedora) return;
  const SyntaxTree& tree = *ctx.spec;
  NodeId first_build = rpmspec::kNoNode, unversioned_go = rpmspec::kNoNode;
  bool versioned = false, macros = false;
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    if (tree.kind(n) == SyntaxKind::Tag && tag_is(tree, n, "buildrequires")) {
      for (NodeId dep : tree.all_of(SyntaxKind::Dependency, n)) {
        const NodeId name_node = tree.child(dep, SyntaxKind::DependencyName);
        if (name_node == rpmspec::kNoNode) continue;
        const std::string_view name = trim(tree.text_of(name_node));
        const bool has_version = tree.child(dep, SyntaxKind::DependencyOperator) != rpmspec::kNoNode;
        if (name == "go-rpm-macros" || name == "go-srpm-macros") macros = true;
        const bool toolchain = name == "go" || name == "golang" || name == "golang(API)" || name == "golang-packaging" ||
                               name.substr(0, 4) == "go1.";
        if (!toolchain) continue;
        if (has_version || name.substr(0, 4) == "go1.") versioned = true;
        else if (unversioned_go == rpmspec::kNoNode && name != "golang-packaging") unversioned_go = name_node;
      }
      return;
    }
    if (first_build == rpmspec::kNoNode && tree.kind(n) == SyntaxKind::BodyLine && line.build_section &&
        go_build(tree, n))
      first_build = n;
  });
  if (first_build == rpmspec::kNoNode) return;
  if (ctx.family == Family::Suse && !versioned) {
    const ir::Range where = unversioned_go != rpmspec::kNoNode ? tree.range(unversioned_go) : without_newline(tree, first_build);
    out.report(where, "a Go build without a versioned BuildRequires such as 'golang(API) >= 1.22'; "
                      "older Go toolchains build it differently or not at all");
  } else if (ctx.family == Family::Fedora && !macros && !versioned) {
    out.report(without_newline(tree, first_build), "a Go build without BuildRequires: go-rpm-macros");
  }
}

}  // namespace

extern const RuleInfo go_min_version_buildrequires;  // listed in rules/rules.def
constinit const RuleInfo go_min_version_buildrequires{
    .id = "go-min-version-buildrequires",
    .severity = ir::Severity::Warning,
    .summary = "a Go build without a versioned Go BuildRequires",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(For a spec that builds Go code (`go build` in a build section, or `%gobuild`, `%gomodbuild`, `%goprep`): with a SUSE target, reports when no BuildRequires (any branch) names the Go toolchain with a version (`golang(API) >= 1.N`, `go >= 1.N`, `go1.N`); with a Fedora target, when there is neither such a requirement nor `go-rpm-macros`.)md",
            .why = R"md(A module's `go.mod` sets the oldest Go it builds with; an unversioned `BuildRequires: go` takes whatever the distribution's default is, which breaks on older releases (Leap, SLE) and when the default lags behind. Fedora's Go guidelines require go-rpm-macros, which pulls in the toolchain.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  go

%description
An example package.

%build
go build -mod=vendor -buildmode=pie -o example .

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  golang(API) >= 1.22

%description
An example package.

%build
go build -mod=vendor -buildmode=pie -o example .

%files
)md",
            .fix_safety = R"md(No fix: the minimum version is in the sources' `go.mod`, which katalint does not read.)md",
            .reference = R"md(openSUSE *Packaging Go* (`golang(API)`); Fedora *Go Packaging Guidelines* (go-rpm-macros).)md"},
    .check = check,
};

}  // namespace katalint::rules
