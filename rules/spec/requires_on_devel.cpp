// requires-on-devel: a package that is not -devel requires a -devel package.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool devel_package(std::string_view name) {
  return name.find("-devel") != std::string_view::npos || name.find("-static") != std::string_view::npos;
}

bool devel_dependency(std::string_view name) {
  const std::string_view suffix = "-devel";
  return (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) ||
         name.substr(0, 10) == "pkgconfig(";
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  for (const auto& pkg : ctx.package->packages) {
    if (devel_package(pkg.name)) continue;
    for (const auto& dep : pkg.dependencies) {
      if (dep.kind != ir::DepKind::Requires || dep.rich || dep.range.file != ctx.file.id() ||
          !devel_dependency(dep.name))
        continue;
      out.report(dep.range, fmt::format("{} requires the development package '{}'", pkg.name, dep.name));
    }
  }
}

}  // namespace

extern const RuleInfo requires_on_devel;  // listed in rules/rules.def
constinit const RuleInfo requires_on_devel{
    .id = "requires-on-devel",
    .severity = ir::Severity::Warning,
    .summary = "a package that is not -devel requires a -devel package",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "devel-dependency",
    .doc = {.what = R"md(Reports a package whose name has no `-devel` (or `-static`) that `Requires:` a `*-devel` package or a `pkgconfig(...)` capability.)md",
            .why = R"md(Development packages carry headers and build tools that users of a program or library never need; pulling them in at run time bloats installations. Usually the requirement was meant as a `BuildRequires:`, or the package is a development package that should be named so.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       libfoo-devel

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
BuildRequires:  libfoo-devel

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: the requirement may belong in `BuildRequires:` or in a `-devel` subpackage; only the packager knows.)md",
            .reference = R"md(rpmlint `devel-dependency`; openSUSE shared library packaging policy; Fedora Packaging Guidelines, devel packages.)md"},
    .check = check,
};

}  // namespace katalint::rules
