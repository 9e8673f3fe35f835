// unversioned-obsoletes: an Obsoletes without a version.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  for (const auto& pkg : ctx.package->packages) {
    for (const auto& dep : pkg.dependencies) {
      if (dep.kind != ir::DepKind::Obsoletes || dep.rich || dep.name.empty() || !dep.op.empty() ||
          dep.range.file != ctx.file.id())
        continue;
      out.report(dep.range, fmt::format("Obsoletes '{}' has no version; it obsoletes every future '{}' too",
                                        dep.name, dep.name));
    }
  }
}

}  // namespace

extern const RuleInfo unversioned_obsoletes;  // listed in rules/rules.def
constinit const RuleInfo unversioned_obsoletes{
    .id = "unversioned-obsoletes",
    .severity = ir::Severity::Warning,
    .summary = "an Obsoletes without a version",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "unversioned-explicit-obsoletes",
    .doc = {.what = R"md(Reports an `Obsoletes:` dependency without a version (`Obsoletes: foo-old`), in any package.)md",
            .why = R"md(An unversioned Obsoletes also obsoletes every later package of that name, so the old name can never come back, and rpm 4.18 itself warns about it. Fedora's renaming guidelines ask for `Obsoletes: old < V` where V is higher than the last old version.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Obsoletes:      example-old

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
Obsoletes:      example-old < 1.0

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: the version bound must be higher than the last released version of the old package, which only the packager knows.)md",
            .reference = R"md(rpmlint `unversioned-explicit-obsoletes`; Fedora Packaging Guidelines, renaming or replacing existing packages.)md"},
    .check = check,
};

}  // namespace katalint::rules
