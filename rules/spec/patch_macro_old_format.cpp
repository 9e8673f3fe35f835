// patch-macro-old-format: the %patchN form of %patch.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.build_section || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view text = tree.text_of(c);
      // Only the bare form: %patch3 (not %{PATCH3}, the patch's file name).
      if (text.size() <= 6 || text.substr(0, 6) != "%patch") continue;
      const std::string_view digits = text.substr(6);
      bool number = true;
      for (char ch : digits) number = number && ch >= '0' && ch <= '9';
      if (!number) continue;
      const std::string replacement = fmt::format("%patch -P {}", digits);
      out.report(tree.range(c), fmt::format("{} is the old form of {}; rpm 4.20 rejects it", text, replacement))
          .fix(fmt::format("use {}", replacement), ir::Applicability::Safe, {{tree.range(c), replacement}});
    }
  });
}

}  // namespace

extern const RuleInfo patch_macro_old_format;  // listed in rules/rules.def
constinit const RuleInfo patch_macro_old_format{
    .id = "patch-macro-old-format",
    .severity = ir::Severity::Error,
    .summary = "the %patchN form of %patch",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `%patchN` (`%patch0 -p1`), the old way of naming the patch to apply.)md",
            .why = R"md(rpm 4.18 deprecated `%patchN` and rpm 4.20 no longer accepts it; `%patch -P N` (or `%patch N`) works with every rpm version in use.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix.patch

%description
An example package.

%prep
%setup -q
%patch0 -p1

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1

%files
)md",
            .fix_safety = R"md(Safe: `%patch -P N` applies the same patch with the same options.)md",
            .reference = R"md(rpmlint `patch-macro-old-format`; rpm 4.20 release notes; spec-cleaner rewrites it.)md"},
    .check = check,
};

}  // namespace katalint::rules
