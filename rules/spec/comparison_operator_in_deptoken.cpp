// comparison-operator-in-deptoken: a version comparison glued to a dependency name.
#include <algorithm>
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool dependency_tag(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kTags = {
      "requires",   "provides",   "obsoletes",  "conflicts",      "buildrequires",     "buildconflicts",
      "recommends", "suggests",   "supplements", "enhances",      "orderwithrequires", "prereq"};
  return std::find(kTags.begin(), kTags.end(), name) != kTags.end();
}

bool op_char(char c) { return c == '<' || c == '>' || c == '='; }

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !dependency_tag(line.tag)) return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    if (value == rpmspec::kNoNode) return;
    const std::string_view text = tree.text_of(value);
    const std::uint32_t base = tree.node(value).begin;
    // Tokens are separated by blanks and commas outside parentheses and macro braces.
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ',')) ++i;
      if (i >= text.size()) break;
      const std::size_t start = i;
      int depth = 0;
      std::size_t op = std::string_view::npos;
      while (i < text.size() && (depth > 0 || (text[i] != ' ' && text[i] != '\t' && text[i] != ','))) {
        if (text[i] == '(' || text[i] == '{') ++depth;
        else if ((text[i] == ')' || text[i] == '}') && depth > 0) --depth;
        else if (depth == 0 && op == std::string_view::npos && op_char(text[i])) op = i;
        ++i;
      }
      const std::string_view token = text.substr(start, i - start);
      if (token.front() == '(' || op == std::string_view::npos) continue;  // rich dependency or none
      std::size_t op_end = op;
      while (op_end < i && op_char(text[op_end])) ++op_end;
      const bool glued_before = op > start, glued_after = op_end < i;
      if (!glued_before && !glued_after) continue;
      const std::string_view oper = text.substr(op, op_end - op);
      std::string replacement;
      if (glued_before) replacement += ' ';
      replacement += oper;
      if (glued_after) replacement += ' ';
      const ir::Range where{tree.file, base + static_cast<std::uint32_t>(start), base + static_cast<std::uint32_t>(i)};
      out.report(where, fmt::format("'{}' glues the comparison to the dependency; rpm needs blanks around '{}'",
                                    token, oper))
          .fix(fmt::format("put blanks around '{}'", oper), ir::Applicability::Safe,
               {{{tree.file, base + static_cast<std::uint32_t>(op), base + static_cast<std::uint32_t>(op_end)},
                 replacement}});
    }
  });
}

}  // namespace

extern const RuleInfo comparison_operator_in_deptoken;  // listed in rules/rules.def
constinit const RuleInfo comparison_operator_in_deptoken{
    .id = "comparison-operator-in-deptoken",
    .severity = ir::Severity::Warning,
    .summary = "a version comparison glued to a dependency name",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a dependency token with `<`, `>` or `=` glued to the name or the version (`foo>=1`, `foo >=1`), in any `Requires`, `Provides`, `Obsoletes`, `Conflicts`, weak dependency or `Build*` tag. Rich dependencies in parentheses and operators inside macros are left alone.)md",
            .why = R"md(rpm splits dependencies at blanks, so `python3>=3.9` is a dependency on a capability literally named `python3>=3.9`, which nothing provides.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       python3>=3.9

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
Requires:       python3 >= 3.9

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: with the blanks rpm reads the comparison that was obviously meant.)md",
            .reference = R"md(rpmlint `comparison-operator-in-deptoken`.)md"},
    .check = check,
};

}  // namespace katalint::rules
