// suse-release-not-zero: a SUSE Release other than 0, which OBS replaces anyway.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.section.empty() || tree.kind(line.line) != SyntaxKind::Tag || !tag_is(tree, line.line, "release"))
      return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    // A Release computed by macros is a choice this rule does not second-guess.
    if (value == rpmspec::kNoNode || !tree.node(value).is_leaf()) return;
    const std::string_view raw = trim(tree.text_of(value));
    if (raw == "0") return;
    const ir::Range range{tree.file, tree.node(value).begin,
                          tree.node(value).begin + static_cast<std::uint32_t>(raw.size())};
    out.report(range, fmt::format("Release is '{}'; OBS sets the release, so SUSE specs use 0", raw))
        .fix("set Release to 0", ir::Applicability::Safe, {{range, "0"}});
  });
}

}  // namespace

extern const RuleInfo suse_release_not_zero;  // listed in rules/rules.def
constinit const RuleInfo suse_release_not_zero{
    .id = "suse-release-not-zero",
    .severity = ir::Severity::Info,
    .summary = "a Release other than 0 for a SUSE target",
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(With an openSUSE or SLE target, reports a literal main-package `Release:` other than `0`, including template placeholders such as `@RELEASE@`.)md",
            .why = R"md(OBS replaces the release with its own counters (`<CI_CNT>.<B_CNT>`) at build time, so any other value is misleading, and scripts that bump it by hand fight the build service. The SUSE template and formatters write `Release: 0`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        3.1
Summary:        Example package
License:        MIT
URL:            https://example.org

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
            .fix_safety = R"md(Safe for packages built in OBS, which overrides the value; the fix sets it to `0`.)md",
            .reference = R"md(openSUSE *Specfile guidelines* (template); spec-cleaner and obs-service-format_spec_file write `Release: 0`.)md",
            .example_target = "opensuse-tumbleweed"},
    .check = check,
};

}  // namespace katalint::rules
