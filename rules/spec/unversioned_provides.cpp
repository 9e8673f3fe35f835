// unversioned-provides: a Provides without a version.
#include <fmt/core.h>

#include <map>
#include <vector>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Paths, bundled(...), deprecated() and other virtual namespaces need no version here.
bool exempt(const ir::Dependency& dep) {
  // A comparison glued to the name ("foo=1") is comparison-operator-in-deptoken's business.
  return dep.rich || dep.name.empty() || dep.name.front() == '/' || dep.name.find('(') != std::string::npos ||
         dep.name.find_first_of("<>=") != std::string::npos || !dep.op.empty();
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  const SyntaxTree& tree = *ctx.spec;
  // The Dependency nodes of each Tag line, found once per line.
  std::map<NodeId, std::vector<NodeId>> deps_of;
  auto dependencies = [&](NodeId tag) -> const std::vector<NodeId>& {
    auto [it, added] = deps_of.try_emplace(tag);
    if (added) {
      const NodeId value = tree.child(tag, SyntaxKind::TagValue);
      if (value != rpmspec::kNoNode)
        for (NodeId d : tree.children(value))
          if (tree.kind(d) == SyntaxKind::Dependency || tree.kind(d) == SyntaxKind::RichDependency)
            it->second.push_back(d);
    }
    return it->second;
  };
  for (const auto& pkg : ctx.package->packages) {
    // The IR keeps one entry per dependency, each with the range of its Tag line; the n-th
    // entry of a line is the n-th Dependency node of that line.
    std::map<std::uint32_t, std::size_t> seen_on_line;
    for (const auto& dep : pkg.dependencies) {
      if (dep.kind != ir::DepKind::Provides || dep.range.file != ctx.file.id()) continue;
      const std::size_t index = seen_on_line[dep.range.begin]++;
      if (exempt(dep)) continue;
      const NodeId tag = tag_at(tree, dep.range.begin);
      NodeId where = rpmspec::kNoNode;
      if (tag != rpmspec::kNoNode) {
        const auto& nodes = dependencies(tag);
        if (index < nodes.size()) where = nodes[index];
      }
      const std::string message = fmt::format("Provides '{}' has no version", dep.name);
      if (where == rpmspec::kNoNode || tree.kind(where) != SyntaxKind::Dependency ||
          tree.child(where, SyntaxKind::DependencyOperator) != rpmspec::kNoNode) {
        out.report(dep.range, message);
        continue;
      }
      auto d = out.report(tree.range(where), message);
      // openSUSE's rpmlint configuration filters this check.
      if (ctx.family == Family::Suse) d.severity(ir::Severity::Info);
      const std::uint32_t end = tree.node(where).end;
      d.fix("provide this package's version", ir::Applicability::Unsafe,
            {{{tree.file, end, end}, " = %{version}-%{release}"}});
    }
  }
}

}  // namespace

extern const RuleInfo unversioned_provides;  // listed in rules/rules.def
constinit const RuleInfo unversioned_provides{
    .id = "unversioned-provides",
    .severity = ir::Severity::Warning,
    .summary = "a Provides without a version",
    .fix = FixAvailability::Unsafe,
    .aliases = "unversioned-explicit-provides",
    .doc = {.what = R"md(Reports a `Provides:` of a plain name without a version. Paths, rich dependencies and names with a namespace such as `bundled(...)`, `pkgconfig(...)` or `deprecated()` are exempt. It reads the evaluated package, so a Provides in an `%if` branch not taken for the target is not reported. With a SUSE target it is info, since openSUSE's rpmlint configuration filters the check.)md",
            .why = R"md(An unversioned Provides satisfies every versioned Requires of that name, including `Requires: foo >= 99`, and makes a later `Obsoletes: foo < 2` obsolete this package as well.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Provides:       example-compat

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Provides:       example-compat = %{version}-%{release}

%description
An example package.

%files
)md",
            .fix_safety = R"md(Unsafe: the fix appends `= %{version}-%{release}`, which is right when the provided name is this package under another name, and wrong when it stands for something with its own versions. Apply it with `--unsafe-fixes` after checking.)md",
            .reference = R"md(rpmlint `unversioned-explicit-provides`; Fedora Packaging Guidelines, "Renaming/Replacing Existing Packages".)md"},
    .check = check,
};

}  // namespace katalint::rules
