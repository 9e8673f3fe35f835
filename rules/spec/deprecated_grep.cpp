// deprecated-grep: egrep and fgrep in build sections and scriptlets.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      if (tree.kind(c) != SyntaxKind::Text) continue;
      const std::string_view text = tree.text_of(c);
      for (std::string_view word : {"egrep", "fgrep"}) {
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
          const std::size_t end = at + word.size();
          // A command word: not part of a longer name ("/usr/bin/egrep" is fine to rewrite).
          if ((at > 0 && word_char(text[at - 1])) || (end < text.size() && word_char(text[end]))) continue;
          // Only as a command: followed by a blank or the end of the text.
          if (end < text.size() && text[end] != ' ' && text[end] != '\t') continue;
          const std::uint32_t begin = tree.node(c).begin + static_cast<std::uint32_t>(at);
          const std::string replacement = word == "egrep" ? "grep -E" : "grep -F";
          out.report({tree.file, begin, begin + static_cast<std::uint32_t>(word.size())},
                     fmt::format("{} is deprecated; use {}", word, replacement))
              .fix(fmt::format("use {}", replacement), ir::Applicability::Safe,
                   {{{tree.file, begin, begin + static_cast<std::uint32_t>(word.size())}, replacement}});
        }
      }
    }
  });
}

}  // namespace

extern const RuleInfo deprecated_grep;  // listed in rules/rules.def
constinit const RuleInfo deprecated_grep{
    .id = "deprecated-grep",
    .severity = ir::Severity::Warning,
    .summary = "egrep or fgrep in a build section or scriptlet",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `egrep` and `fgrep` used as commands in `%prep`, `%build`, `%install`, `%check` and shell scriptlets.)md",
            .why = R"md(GNU grep 3.8 prints a warning for every call of `egrep` and `fgrep`, which may break scripts that read stderr, and POSIX never specified them.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%check
egrep -q '^VERSION' Makefile

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

%check
grep -E -q '^VERSION' Makefile

%files
)md",
            .fix_safety = R"md(Safe: `egrep` is `grep -E` and `fgrep` is `grep -F`, and the options that follow keep their meaning.)md",
            .reference = R"md(GNU grep 3.8 release notes; rpmlint `deprecated-grep`; spec-cleaner rewrites it.)md"},
    .check = check,
};

}  // namespace katalint::rules
