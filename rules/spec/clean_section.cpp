// clean-section: a %clean section, which rpm no longer needs.
#include <optional>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool has_header(const SyntaxTree& tree, NodeId node) {
  return tree.find_first(SyntaxKind::SectionHeader, node) != rpmspec::kNoNode;
}

// A conditional right after %clean that opens other sections may stay if, in every branch,
// nothing but blank and comment lines comes before that branch's first section header: those
// lines are all that would move to the section before %clean.
bool only_opens_sections(const SyntaxTree& tree, NodeId conditional) {
  for (NodeId branch : tree.children(conditional)) {
    if (tree.kind(branch) != SyntaxKind::ConditionalBranch) continue;
    bool first = true, opened = false;
    for (NodeId c : tree.children(branch)) {
      if (first) {  // the %if/%elif/%else line
        first = false;
        continue;
      }
      const SyntaxKind k = tree.kind(c);
      if (k == SyntaxKind::Blank || k == SyntaxKind::Comment) continue;
      if (k == SyntaxKind::Section && tree.kind(tree.node(c).first_child) == SyntaxKind::SectionHeader) opened = true;
      break;
    }
    if (!opened) return false;
  }
  return true;
}

// The bytes that belong to %clean: its Section node, cut before a conditional that opens the
// next sections. nullopt when rpm's end of %clean cannot be told from the tree.
std::optional<ir::Range> clean_extent(const SyntaxTree& tree, NodeId section) {
  ir::Range r = tree.range(section);
  bool header = true;
  for (NodeId c : tree.children(section)) {
    if (header) {
      header = false;
      continue;
    }
    if (!has_header(tree, c)) continue;
    if (tree.kind(c) != SyntaxKind::Conditional || !only_opens_sections(tree, c)) return std::nullopt;
    r.end = tree.node(c).begin;
    return r;
  }
  return r;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId header : tree.all_of(SyntaxKind::SectionHeader)) {
    if (section_name(tree, header) != "clean") continue;
    auto d = out.report(without_newline(tree, header), "rpm cleans the build root itself; %clean is not needed");
    const NodeId section = tree.node(header).parent;
    if (section == rpmspec::kNoNode || tree.kind(section) != SyntaxKind::Section) continue;
    if (const auto extent = clean_extent(tree, section))
      d.fix("remove the %clean section", ir::Applicability::Safe, {{*extent, ""}});
  }
}

}  // namespace

extern const RuleInfo clean_section;  // listed in rules/rules.def
constinit const RuleInfo clean_section{
    .id = "clean-section",
    .severity = ir::Severity::Error,
    .summary = "a %clean section, which rpm runs on its own",
    .fix = FixAvailability::Safe,
    .aliases = "superfluous-%clean-section",
    .doc = {.what = R"md(Reports a `%clean` section.)md",
            .why = R"md(rpm removes the build root itself after a build (since 4.8), so `%clean` is dead code copied from old templates. Fedora says it should not be used; rpmlint reports it as an error.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%clean
rm -rf %{buildroot}

%files
%{_datadir}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p %{buildroot}%{_datadir}/example

%files
%{_datadir}/example
)md",
            .fix_safety = R"md(Safe: the fix deletes the section, from its header to the next section. It is not offered when a conditional after `%clean` holds commands as well as the next section header, since some of those commands belong to `%clean` on some targets only.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Tags and Sections" (%clean SHOULD NOT be used); rpmlint `superfluous-%clean-section`.)md"},
    .check = check,
};

}  // namespace katalint::rules
