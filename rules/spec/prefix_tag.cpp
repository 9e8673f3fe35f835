// prefix-tag: a Prefix tag with a literal path.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Calls fn(field) for each preamble tag of this file, the source package's and every
// binary package's, once each.
template <class Fn>
void for_each_field(const Context& ctx, Fn&& fn) {
  std::vector<ir::Range> seen;
  auto visit = [&](const ir::Field& f) {
    if (f.range.file != ctx.file.id()) return;
    for (const auto& r : seen)
      if (r == f.range) return;
    seen.push_back(f.range);
    fn(f);
  };
  for (const auto& f : ctx.package->fields) visit(f);
  for (const auto& pkg : ctx.package->packages)
    for (const auto& f : pkg.fields) visit(f);
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  for_each_field(ctx, [&](const ir::Field& f) {
    const std::string name = lower(f.name);
    if (name != "prefix" && name != "prefixes") return;
    const std::string_view raw = trim(f.raw);
    if (raw.empty() || raw.front() != '/') return;
    out.report(f.value_range, fmt::format("{} is a literal path; use a macro such as %{{_prefix}}", f.name));
  });
}

}  // namespace

extern const RuleInfo prefix_tag;  // listed in rules/rules.def
constinit const RuleInfo prefix_tag{
    .id = "prefix-tag",
    .severity = ir::Severity::Warning,
    .summary = "a Prefix tag with a literal path",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "hardcoded-prefix-tag",
    .doc = {.what = R"md(Reports `Prefix:` and `Prefixes:` whose value starts with a literal path (`/usr`) instead of a macro.)md",
            .why = R"md(A relocatable package's prefix must match the paths its files are installed to, which come from `%{_prefix}` and friends. A literal `/usr` silently goes wrong when the distribution or the user redefines `%_prefix`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Prefix:         /usr

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
Prefix:         %{_prefix}

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: which macro is meant (`%{_prefix}`, `%{_sysconfdir}`, ...) depends on the files of the package.)md",
            .reference = R"md(rpmlint `hardcoded-prefix-tag`; RPM reference manual, relocatable packages.)md"},
    .check = check,
};

}  // namespace katalint::rules
