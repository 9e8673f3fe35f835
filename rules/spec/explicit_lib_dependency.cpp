// explicit-lib-dependency: a Requires on a shared-library package without a version.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// lib*[0-9] or lib*-[0-9_]+: the names of shared-library packages.
bool library_package(std::string_view name) {
  if (name.size() < 4 || name.substr(0, 3) != "lib") return false;
  if (name.find('(') != std::string_view::npos || name.find('%') != std::string_view::npos) return false;
  const char last = name.back();
  return last >= '0' && last <= '9';
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  for (const auto& pkg : ctx.package->packages) {
    for (const auto& dep : pkg.dependencies) {
      if (dep.kind != ir::DepKind::Requires || dep.rich || !dep.op.empty() || dep.range.file != ctx.file.id() ||
          !library_package(dep.name))
        continue;
      out.report(dep.range, fmt::format("Requires '{}' names a shared-library package; rpm adds the soname "
                                        "dependencies by itself",
                                        dep.name));
    }
  }
}

}  // namespace

extern const RuleInfo explicit_lib_dependency;  // listed in rules/rules.def
constinit const RuleInfo explicit_lib_dependency{
    .id = "explicit-lib-dependency",
    .severity = ir::Severity::Warning,
    .summary = "a Requires on a shared-library package without a version",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports an unversioned `Requires:` on a shared-library package, a name like `lib*[0-9]` or `lib*-[0-9_]+` (`libfoo1`, `libbar-2_0-0`). Versioned requirements, such as a `-devel` package's `Requires: libfoo1 = %{version}`, are fine.)md",
            .why = R"md(rpm finds the libraries a binary links to and requires their sonames (`libfoo.so.1()(64bit)`) automatically. An explicit requirement on the package name duplicates that, and breaks when the library package is renamed for a new soname.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       libfoo1

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

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: removing a dependency might be wrong when the library is loaded with dlopen, which rpm does not see.)md",
            .reference = R"md(rpmlint `explicit-lib-dependency`; openSUSE shared library packaging policy.)md"},
    .check = check,
};

}  // namespace katalint::rules
