// buildroot-in-prep-build: the buildroot used in %prep, %build or a scriptlet.
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool applies(const LineInfo& line) {
  return line.section == "prep" || line.section == "conf" || line.section == "build" || line.scriptlet;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!applies(line) || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    bool comment = false;  // after a shell comment's '#', nothing counts
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode && !comment;
         c = tree.node(c).next_sibling) {
      if (tree.kind(c) == SyntaxKind::MacroRef) {
        if (macro_name(tree, c) != "buildroot") continue;
        out.report(tree.range(c), fmt::format("{} used in %{}; the build root is only for %install",
                                              tree.text_of(c), line.section));
        continue;
      }
      if (tree.kind(c) != SyntaxKind::Text) continue;
      const std::string_view text = tree.text_of(c);
      // A shell comment starts with '#' at the start of a word.
      std::size_t hash = std::string_view::npos;
      for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
          hash = i;
          comment = true;
          break;
        }
      for (std::string_view word : {"${RPM_BUILD_ROOT}", "$RPM_BUILD_ROOT"}) {
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
          if (hash != std::string_view::npos && hash < at) break;  // in a shell comment
          // Escaped by an odd number of backslashes (`\\$X` is a backslash, then $X).
          std::size_t slashes = 0;
          while (slashes < at && text[at - 1 - slashes] == '\\') ++slashes;
          if (slashes % 2 == 1) continue;
          const std::size_t end = at + word.size();
          if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) continue;
          const std::uint32_t begin = tree.node(c).begin + static_cast<std::uint32_t>(at);
          out.report({tree.file, begin, begin + static_cast<std::uint32_t>(word.size())},
                     fmt::format("{} used in %{}; the build root is only for %install", word, line.section));
        }
      }
    }
  });
}

}  // namespace

extern const RuleInfo buildroot_in_prep_build;  // listed in rules/rules.def
constinit const RuleInfo buildroot_in_prep_build{
    .id = "buildroot-in-prep-build",
    .severity = ir::Severity::Error,
    .summary = "the buildroot used in %prep, %build or a scriptlet",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "rpm-buildroot-usage",
    .doc = {.what = R"md(Reports `%{buildroot}`, `%buildroot`, `$RPM_BUILD_ROOT` and `${RPM_BUILD_ROOT}` in `%prep`, `%build` and scriptlets. Comments and `%%{buildroot}` do not count.)md",
            .why = R"md(The build root is created for `%install` and may be emptied before it; files written there by `%build` are lost or end up in the package unnoticed. In a scriptlet the build root does not exist at all: it runs on the user's system.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
make DESTDIR=%{buildroot}

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

%build
%make_build

%install
%make_install

%files
)md",
            .fix_safety = R"md(No fix: what the command should do instead depends on the build.)md",
            .reference = R"md(rpmlint `rpm-buildroot-usage`.)md"},
    .check = check,
};

}  // namespace katalint::rules
