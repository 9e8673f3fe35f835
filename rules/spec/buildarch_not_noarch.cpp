// buildarch-not-noarch: a BuildArch other than noarch.
#include <algorithm>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::vector<std::pair<NodeId, std::string>> tags;  // (section header, lower-case tag name)
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) == SyntaxKind::Tag) tags.emplace_back(line.header, line.tag);
  });
  auto has_tag = [&](NodeId header, std::string_view name) {
    for (const auto& [h, n] : tags)
      if (h == header && n == name) return true;
    return false;
  };
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const std::string_view name = line.tag;
    if (name != "buildarch" && name != "buildarchitectures") return;
    const std::string_view value = trim(tag_value(tree, line.line));
    if (value.empty() || lower(value) == "noarch" || value.find('%') != std::string_view::npos) return;
    const NodeId name_node = tree.child(line.line, SyntaxKind::TagName);
    auto d = out.report(tree.range(name_node),
                        fmt::format("{}: {} makes the package build only for {}; use ExclusiveArch",
                                    tree.text_of(name_node), value, value));
    if (has_tag(line.header, "exclusivearch")) return;
    std::vector<ir::Edit> edits{{tree.range(name_node), "ExclusiveArch"}};
    // Keep the value in its column where the gap after ':' allows it.
    const std::size_t old_size = tree.text_of(name_node).size();
    NodeId previous = rpmspec::kNoNode;
    for (NodeId c : tree.children(line.line)) {
      if (tree.kind(c) == SyntaxKind::TagValue && previous != rpmspec::kNoNode &&
          tree.kind(previous) == SyntaxKind::Whitespace) {
        const std::size_t gap = tree.text_of(previous).size();
        const std::uint32_t end = tree.node(previous).end;
        if (old_size < 13) {
          const std::size_t shrink = std::min<std::size_t>(13 - old_size, gap - 1);
          if (shrink > 0) edits.push_back({{tree.file, end - static_cast<std::uint32_t>(shrink), end}, ""});
        } else if (old_size > 13) {
          edits.push_back({{tree.file, end, end}, std::string(old_size - 13, ' ')});
        }
      }
      previous = c;
    }
    d.fix("rename the tag to ExclusiveArch", ir::Applicability::Safe, std::move(edits));
  });
}

}  // namespace

extern const RuleInfo buildarch_not_noarch;  // listed in rules/rules.def
constinit const RuleInfo buildarch_not_noarch{
    .id = "buildarch-not-noarch",
    .severity = ir::Severity::Error,
    .summary = "a BuildArch other than noarch",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "buildarch-instead-of-exclusivearch-tag",
    .doc = {.what = R"md(Reports `BuildArch:` (or `BuildArchitectures:`) with a value other than `noarch`, such as `BuildArch: x86_64`.)md",
            .why = R"md(`BuildArch` sets the architecture the package is built for, whatever the build host is, so `BuildArch: x86_64` tries to build x86_64 packages on every builder. What is meant is that the package only builds on x86_64: `ExclusiveArch: x86_64`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      x86_64

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
ExclusiveArch:  x86_64

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: the fix renames the tag and keeps its value; that is the restriction the spec meant. There is no fix when the package already has `ExclusiveArch:`, because the two lists must be merged by hand.)md",
            .reference = R"md(rpmlint `buildarch-instead-of-exclusivearch-tag`; RPM reference manual, BuildArch and ExclusiveArch.)md"},
    .check = check,
};

}  // namespace katalint::rules
