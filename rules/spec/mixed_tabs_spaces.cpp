// mixed-tabs-spaces: a spec that aligns with tabs in some places and with spaces in others.
#include <fmt/core.h>

#include <algorithm>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

constexpr std::uint32_t kTabStop = 8;

struct Use {
  ir::Range range;  // the whitespace
  bool tag_gap = false;
};

// The whitespace between a tag's colon and its value, or kNoNode.
NodeId tag_gap(const SyntaxTree& tree, NodeId tag) {
  bool after_colon = false;
  for (NodeId c : tree.children(tag)) {
    if (after_colon) return tree.kind(c) == SyntaxKind::Whitespace ? c : rpmspec::kNoNode;
    if (tree.kind(c) == SyntaxKind::Punct && tree.text_of(c) == ":") after_colon = true;
  }
  return rpmspec::kNoNode;
}

// Spaces that reach the same column as the tabs in `gap`, which starts at `column` (0-based).
std::string expand(std::string_view gap, std::uint32_t column) {
  std::string out;
  for (char c : gap) {
    const std::uint32_t width = c == '\t' ? kTabStop - column % kTabStop : 1;
    out.append(width, ' ');
    column += width;
  }
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::vector<Use> tabs, spaces;
  for_each_line(ctx, [&](const LineInfo& line) {
    // Description and changelog text is content, not layout.
    if (line.section == "description" || line.section == "changelog") return;
    const auto& n = tree.node(line.line);
    std::uint32_t i = n.begin;
    while (i < n.end && (tree.text[i] == ' ' || tree.text[i] == '\t')) ++i;
    if (i > n.begin && i < n.end && tree.text[i] != '\n' && tree.text[i] != '\r') {
      const std::string_view lead = tree.text.substr(n.begin, i - n.begin);
      (lead.find('\t') != std::string_view::npos ? tabs : spaces).push_back({{tree.file, n.begin, i}, false});
    }
    if (tree.kind(line.line) == SyntaxKind::Tag) {
      const NodeId gap = tag_gap(tree, line.line);
      if (gap == rpmspec::kNoNode) return;
      const std::string_view text = tree.text_of(gap);
      if (text.find('\t') != std::string_view::npos)
        tabs.push_back({tree.range(gap), true});
      else if (text.size() >= 2)
        spaces.push_back({tree.range(gap), true});
    }
  });
  if (tabs.empty() || spaces.empty()) return;

  const auto& file = ctx.file;
  auto d = out.report(tabs.front().range,
                      fmt::format("this spec aligns with tabs here and with spaces on line {}",
                                  file.position(spaces.front().range.begin).line));
  d.note(spaces.front().range, "aligned with spaces here");
  // SUSE's rpmlint configuration filters this check: there it is only style.
  if (ctx.family == Family::Suse) d.severity(ir::Severity::Info);
  // Tabs in tag gaps can become spaces without changing a value (rpm strips the gap); tabs
  // in indentation may matter to a here-document, so they are left to the author.
  const bool all_gaps = std::all_of(tabs.begin(), tabs.end(), [](const Use& u) { return u.tag_gap; });
  if (!all_gaps) return;
  std::vector<ir::Edit> edits;
  for (const Use& u : tabs) {
    const std::uint32_t start = file.line_start(file.position(u.range.begin).line);
    const std::uint32_t column = u.range.begin - start;  // tag names are ASCII
    edits.push_back({u.range, expand(tree.text.substr(u.range.begin, u.range.size()), column)});
  }
  d.fix("align tag values with spaces", ir::Applicability::Safe, std::move(edits));
}

}  // namespace

extern const RuleInfo mixed_tabs_spaces;  // listed in rules/rules.def
constinit const RuleInfo mixed_tabs_spaces{
    .id = "mixed-tabs-spaces",
    .severity = ir::Severity::Warning,
    .summary = "a spec that aligns with both tabs and spaces",
    .fix = FixAvailability::Safe,
    .aliases = "mixed-use-of-spaces-and-tabs",
    .doc = {.what = R"md(Reports a spec whose indentation or tag/value alignment uses tabs in some lines and spaces in others. Only leading whitespace and the gap after a tag's colon count (a single space after the colon is not alignment); `%description` and `%changelog` text is ignored. The report points at the first tab and notes the first space-aligned line. With a SUSE target it is info, since openSUSE's rpmlint configuration filters the check.)md",
            .why = R"md(Tabs render at different widths in different editors and web views, so a spec that mixes both is aligned for nobody but its author.)md",
            .example = "Name:\texample\nVersion:        1.0\nRelease:        0\nSummary:        Example package\nLicense:        MIT\nURL:            https://example.org\n\n%description\nAn example package.\n\n%files\n",
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
            .fix_safety = R"md(Safe, and only offered when every tab is in a tag/value gap: rpm strips that gap, so replacing the tabs with spaces (to the same column, tab stop 8) keeps every value. Tabs in indentation are left alone, because a `<<-` here-document strips leading tabs and not spaces.)md",
            .reference = R"md(rpmlint `mixed-use-of-spaces-and-tabs` (rhbz#488146); openSUSE rpmlint configuration (filtered).)md"},
    .check = check,
};

}  // namespace katalint::rules
