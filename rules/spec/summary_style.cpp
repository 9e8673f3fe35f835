// summary-style: a Summary that ends with a period or starts in lower case.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  const SyntaxTree& tree = *ctx.spec;
  for (const auto& pkg : ctx.package->packages) {
    for (const auto& field : pkg.fields) {
      if (field.name != "Summary" || field.range.file != ctx.file.id()) continue;
      const NodeId tag = tag_at(tree, field.range.begin);
      const NodeId value = tag == rpmspec::kNoNode ? rpmspec::kNoNode : tree.child(tag, SyntaxKind::TagValue);
      if (value == rpmspec::kNoNode) continue;
      // Edits are made on the text as written; a value built by macros is only reported.
      const bool literal = tree.node(value).is_leaf();
      const std::string_view raw = trim(tree.text_of(value));
      const std::string_view summary = trim(field.value);
      if (summary.empty()) continue;

      if (summary.back() == '.' && !(summary.size() >= 3 && summary.substr(summary.size() - 3) == "...")) {
        const std::uint32_t end = tree.node(value).begin + static_cast<std::uint32_t>(raw.size());
        auto d = out.report(tree.range(value), "the summary ends with a period");
        if (literal && !raw.empty() && raw.back() == '.')
          d.fix("remove the period", ir::Applicability::Safe, {{{tree.file, end - 1, end}, ""}});
      }
      // The package's own name may be spelt in lower case.
      const std::string_view first_word = summary.substr(0, summary.find_first_of(" \t"));
      if (is_lower(summary.front()) && first_word != pkg.name && first_word != ctx.package->name) {
        auto d = out.report(tree.range(value), "the summary does not start with a capital letter");
        if (literal && !raw.empty() && raw.front() == summary.front()) {
          const std::uint32_t begin = tree.node(value).begin;
          d.fix("capitalise the first letter", ir::Applicability::Unsafe,
                {{{tree.file, begin, begin + 1}, std::string(1, static_cast<char>(raw.front() - 'a' + 'A'))}});
        }
      }
    }
  }
}

}  // namespace

extern const RuleInfo summary_style;  // listed in rules/rules.def
constinit const RuleInfo summary_style{
    .id = "summary-style",
    .severity = ir::Severity::Warning,
    .summary = "a Summary that ends with a period or starts with a lower-case letter",
    .fix = FixAvailability::SafeAndUnsafe,
    .aliases = "summary-ended-with-dot summary-not-capitalized",
    .doc = {.what = R"md(Reports a `Summary:` (of any package, as evaluated for the target) that ends with a period, or whose first letter is lower case while its first word is not the package's name. An ellipsis (`...`) is not a period.)md",
            .why = R"md(Package managers show the summary as a title next to the name. Fedora says it should not end in a period; openSUSE's rpmlint scores both problems.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        tool to frob files.
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Tool to frob files
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Dropping the final period is safe. Capitalising is unsafe, because the first word may be a name that is spelt in lower case on purpose (`systemd`, `gcc`); apply it with `--unsafe-fixes`. Neither fix is offered when the summary comes from a macro.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Summary and Description"; rpmlint `summary-ended-with-dot`, `summary-not-capitalized`.)md"},
    .check = check,
};

}  // namespace katalint::rules
