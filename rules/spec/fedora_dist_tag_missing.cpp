// fedora-dist-tag-missing: a Fedora Release without %{?dist} or %autorelease.
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool mentions_dist(std::string_view raw) {
  for (std::string_view m : {"%{?dist}", "%{dist}", "%dist", "%?dist", "autorelease"})
    if (raw.find(m) != std::string_view::npos) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // A Release built by a macro may still end in the dist tag: the evaluated value tells.
  if (ctx.package && !ctx.package->parse_failed) {
    const auto dist = ctx.profile_value("dist");
    if (dist && !dist->empty() && ctx.package->release.find(*dist) != std::string::npos) return;
  }
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.section.empty() || tree.kind(line.line) != SyntaxKind::Tag || !tag_is(tree, line.line, "release"))
      return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    if (value == rpmspec::kNoNode || mentions_dist(tree.text_of(value))) return;
    const std::string_view raw = trim(tree.text_of(value));
    const std::uint32_t end = tree.node(value).begin + static_cast<std::uint32_t>(raw.size());
    out.report(tree.range(value), "Release has no %{?dist}")
        .fix("append %{?dist}", ir::Applicability::Safe, {{{tree.file, end, end}, "%{?dist}"}});
  });
}

}  // namespace

extern const RuleInfo fedora_dist_tag_missing;  // listed in rules/rules.def
constinit const RuleInfo fedora_dist_tag_missing{
    .id = "fedora-dist-tag-missing",
    .severity = ir::Severity::Warning,
    .summary = "a Release without %{?dist} or %autorelease for a Fedora target",
    .families = kFedora,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(With a Fedora or RHEL target, reports a main-package `Release:` that neither uses `%autorelease` nor ends with `%{?dist}`. A Release whose evaluated value already holds the target's dist tag (through another macro) is accepted.)md",
            .why = R"md(The dist tag (`.fc40`, `.el9`) keeps builds of one version for different releases apart; without it, an update path between releases can go backwards. Fedora makes it mandatory.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        1
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: `%{?dist}` expands to nothing where no dist tag is defined, and to the target's tag where it is, which is what Fedora requires.)md",
            .reference = R"md(Fedora *Dist Tag Guidelines* ("use of %{?dist} is mandatory"); Fedora rpmautospec documentation.)md",
            .example_target = "fedora"},
    .check = check,
};

}  // namespace katalint::rules
