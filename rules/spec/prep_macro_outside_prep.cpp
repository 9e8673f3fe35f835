// prep-macro-outside-prep: %setup, %autosetup, %autopatch or %patch outside %prep.
#include <cctype>
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool prep_only(std::string_view name) {
  if (name == "setup" || name == "autosetup" || name == "autopatch" || name == "patch") return true;
  if (name.size() > 5 && name.substr(0, 5) == "patch") {
    for (char c : name.substr(5))
      if (c < '0' || c > '9') return false;
    return true;  // %patch3
  }
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section == "prep" || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    // rpm expands a %description line too; there only a line that starts with the macro counts,
    // since prose may name it.
    const bool description = line.section == "description";
    if (!description && !line.build_section && !line.scriptlet) return;
    std::vector<NodeId> macros = tree.find_all(SyntaxKind::MacroRef, line.line);
    if (description) {
      const NodeId first = leading_macro(tree, line.line);
      macros = first == rpmspec::kNoNode ? std::vector<NodeId>{} : std::vector<NodeId>{first};
    }
    for (NodeId c : macros) {
      const std::string_view name = macro_name(tree, c);
      if (!prep_only(name)) continue;
      out.report(tree.range(c), fmt::format("%{} used in %{}; it belongs in %prep", name, line.section));
    }
  });
}

}  // namespace

extern const RuleInfo prep_macro_outside_prep;  // listed in rules/rules.def
constinit const RuleInfo prep_macro_outside_prep{
    .id = "prep-macro-outside-prep",
    .severity = ir::Severity::Warning,
    .summary = "%setup, %autosetup, %autopatch or %patch outside %prep",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "setup-not-in-prep %autosetup-not-in-prep %autopatch-not-in-prep",
    .doc = {.what = R"md(Reports `%setup`, `%autosetup`, `%autopatch`, `%patch` and `%patchN` in a build section other than `%prep` (`%build`, `%install`, `%check`, ...), in a scriptlet, or at the start of a `%description` line (rpm expands it there too; prose that names the macro further on is not reported).)md",
            .why = R"md(These macros unpack the sources and apply the patches. rpm only prepares the build directory for them in `%prep`; elsewhere they unpack over the build tree, or patch code that has already been built.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz

%description
An example package.

%build
%setup -q
%make_build

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz

%description
An example package.

%prep
%setup -q

%build
%make_build

%files
)md",
            .fix_safety = R"md(No fix: moving the macro to `%prep` can change the order in which things happen.)md",
            .reference = R"md(rpmlint `setup-not-in-prep`, `%autosetup-not-in-prep`, `%autopatch-not-in-prep`.)md"},
    .check = check,
};

}  // namespace katalint::rules
