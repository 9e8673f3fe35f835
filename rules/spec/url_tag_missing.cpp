// url-tag-missing: the main package has no URL.
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed || ctx.package->packages.empty()) return;
  const auto& main = ctx.package->packages.front();
  for (const auto& f : main.fields)
    if (spec_support::lower(f.name) == "url") return;
  // Point at the Name tag, which the URL usually follows.
  ir::Range where{ctx.file.id(), 0, 0};
  for (const auto& f : main.fields) {
    if (f.name != "Name" || f.range.file != ctx.file.id()) continue;
    const auto tag = spec_support::tag_at(*ctx.spec, f.range.begin);
    if (tag != rpmspec::kNoNode) where = ctx.spec->range(ctx.spec->child(tag, rpmspec::SyntaxKind::TagName));
    break;
  }
  out.report(where, "the package has no URL tag");
}

}  // namespace

extern const RuleInfo url_tag_missing;  // listed in rules/rules.def
constinit const RuleInfo url_tag_missing{
    .id = "url-tag-missing",
    .severity = ir::Severity::Warning,
    .summary = "the main package has no URL",
    .aliases = "no-url-tag",
    .doc = {.what = R"md(Reports a spec whose main package has no `URL:` tag, as evaluated for the target.)md",
            .why = R"md(The URL is where users and packagers find the upstream project: its releases, bug tracker and license. openSUSE and Fedora both expect it.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT

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
            .fix_safety = R"md(No fix: only the packager knows the project's home page.)md",
            .reference = R"md(openSUSE *Specfile guidelines*; Fedora Packaging Guidelines, "Tags and Sections"; rpmlint `no-url-tag`.)md"},
    .check = check,
};

}  // namespace katalint::rules
