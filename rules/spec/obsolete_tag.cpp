// obsolete-tag: the Copyright and Serial tags that License and Epoch replaced.
#include <fmt/core.h>

#include <set>
#include <utility>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // Tags already present per package section, so a rename never creates a duplicate.
  std::set<std::pair<NodeId, std::string>> tags;  // (section header, lower-case tag name)
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) == SyntaxKind::Tag) tags.emplace(line.header, line.tag);
  });
  auto has_tag = [&](NodeId header, const std::string& name) { return tags.count({header, name}) > 0; };
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const std::string_view name = line.tag;
    const char* replacement = name == "copyright" ? "License" : name == "serial" ? "Epoch" : nullptr;
    if (!replacement) return;
    const NodeId name_node = tree.child(line.line, SyntaxKind::TagName);
    auto d = out.report(tree.range(name_node), fmt::format("the {} tag is obsolete; rpm knows it as {}",
                                                           tree.text_of(name_node), replacement));
    if (has_tag(line.header, lower(replacement))) return;
    std::vector<ir::Edit> edits{{tree.range(name_node), replacement}};
    // Keep the value in its column: the new name is shorter, so the gap grows.
    const std::size_t shorter = tree.text_of(name_node).size() - std::string_view(replacement).size();
    NodeId previous = rpmspec::kNoNode;
    for (NodeId c : tree.children(line.line)) {
      // The blanks between ':' and the value.
      if (tree.kind(c) == SyntaxKind::TagValue && previous != rpmspec::kNoNode &&
          tree.kind(previous) == SyntaxKind::Whitespace) {
        const std::uint32_t at = tree.node(previous).end;
        edits.push_back({{tree.file, at, at}, std::string(shorter, ' ')});
      }
      previous = c;
    }
    d.fix(fmt::format("rename the tag to {}", replacement), ir::Applicability::Safe, std::move(edits));
  });
}

}  // namespace

extern const RuleInfo obsolete_tag;  // listed in rules/rules.def
constinit const RuleInfo obsolete_tag{
    .id = "obsolete-tag",
    .severity = ir::Severity::Warning,
    .summary = "the Copyright or Serial tag instead of License or Epoch",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports the `Copyright:` and `Serial:` tags, the old names of `License:` and `Epoch:`.)md",
            .why = R"md(rpm 4.18 no longer knows these names and rejects the spec (`Unknown tag`). Fedora's guidelines say Copyright must not be used.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
Copyright:      MIT
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
            .fix_safety = R"md(Safe: the fix renames the tag and keeps the value, which is what older rpm versions did. There is no fix when the package already has the new tag, because the two values must then be merged by hand.)md",
            .reference = R"md(Fedora Packaging Guidelines ("Copyright MUST NOT be used"); rpmlint `obsolete-tag`.)md"},
    .check = check,
};

}  // namespace katalint::rules
