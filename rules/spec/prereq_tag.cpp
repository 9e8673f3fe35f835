// prereq-tag: PreReq or BuildPreReq instead of Requires(pre) or BuildRequires.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const std::string_view name = line.tag;
    if (name != "prereq" && name != "buildprereq") return;
    const NodeId name_node = tree.child(line.line, SyntaxKind::TagName);
    const bool qualified = tree.child(line.line, SyntaxKind::TagQualifier) != rpmspec::kNoNode;
    const std::string replacement = name == "buildprereq" ? "BuildRequires" : qualified ? "Requires" : "Requires(pre)";
    auto d = out.report(tree.range(name_node), fmt::format("{} is deprecated; use {}", tree.text_of(name_node), replacement));
    d.fix(fmt::format("use {}", replacement), ir::Applicability::Safe, {{tree.range(name_node), replacement}});
    note_branch(ctx, d, tree.node(line.line).begin);
  });
}

}  // namespace

extern const RuleInfo prereq_tag;  // listed in rules/rules.def
constinit const RuleInfo prereq_tag{
    .id = "prereq-tag",
    .severity = ir::Severity::Error,
    .summary = "a PreReq or BuildPreReq tag instead of Requires(pre) or BuildRequires",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "prereq-use buildprereq-use",
    .doc = {.what = R"md(Reports `PreReq:` (also with a qualifier) and `BuildPreReq:` tags, in any branch.)md",
            .why = R"md(Both tags are deprecated: rpm turns `PreReq` into `Requires(pre,preun)` and `BuildPreReq` into `BuildRequires`. Fedora's guidelines say PreReq MUST NOT be used; the explicit forms say what is meant.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildPreReq:    gcc
PreReq:         coreutils

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
BuildRequires:  gcc
Requires(pre):  coreutils

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: `BuildRequires` is exactly what rpm makes of `BuildPreReq`, and `Requires(pre)` is the ordering a PreReq asks for (rpm also adds `preun`, which scripts rarely need).)md",
            .reference = R"md(Fedora Packaging Guidelines ("PreReq MUST NOT be used"); rpmlint `prereq-use`, `buildprereq-use`.)md"},
    .check = check,
};

}  // namespace katalint::rules
