// buildroot-style-mixed: both $RPM_BUILD_ROOT and %{buildroot} in one spec.
#include <algorithm>
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::vector<ir::Range> shell_vars;
  ir::Range first_macro;
  bool macro_seen = false;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      if (tree.kind(c) == SyntaxKind::MacroRef && macro_name(tree, c) == "buildroot") {
        if (!macro_seen) first_macro = tree.range(c);
        macro_seen = true;
      }
      if (tree.kind(c) != SyntaxKind::Text) continue;
      const std::string_view text = tree.text_of(c);
      if (trim(text).substr(0, 1) == "#") break;
      for (std::string_view word : {"${RPM_BUILD_ROOT}", "$RPM_BUILD_ROOT"}) {
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
          const std::size_t end = at + word.size();
          if (at > 0 && text[at - 1] == '\\') continue;
          if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) continue;
          // "$RPM_BUILD_ROOT" is also the tail of "${RPM_BUILD_ROOT}"'s search; skip overlaps.
          const auto begin = tree.node(c).begin + static_cast<std::uint32_t>(at);
          bool overlap = false;
          for (const auto& r : shell_vars) overlap = overlap || (begin >= r.begin && begin < r.end);
          if (!overlap) shell_vars.push_back({tree.file, begin, begin + static_cast<std::uint32_t>(word.size())});
        }
      }
    }
  });
  if (!macro_seen || shell_vars.empty()) return;
  std::sort(shell_vars.begin(), shell_vars.end(), [](const ir::Range& a, const ir::Range& b) { return a.begin < b.begin; });
  std::vector<ir::Edit> edits;
  for (const auto& r : shell_vars) edits.push_back({r, "%{buildroot}"});
  auto d = out.report(shell_vars.front(), fmt::format("$RPM_BUILD_ROOT and %{{buildroot}} are both used; use one style ({} shell variable uses)",
                                                      shell_vars.size()));
  d.note(first_macro, "%{buildroot} used here");
  d.fix("use %{buildroot} everywhere", ir::Applicability::Safe, std::move(edits));
}

}  // namespace

extern const RuleInfo buildroot_style_mixed;  // listed in rules/rules.def
constinit const RuleInfo buildroot_style_mixed{
    .id = "buildroot-style-mixed",
    .severity = ir::Severity::Warning,
    .summary = "a spec that uses both $RPM_BUILD_ROOT and %{buildroot}",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a spec whose build sections and scriptlets use both the shell variable `$RPM_BUILD_ROOT` (or `${RPM_BUILD_ROOT}`) and the macro `%{buildroot}`, once, at the first shell variable. Comments and escaped `\$RPM_BUILD_ROOT` do not count.)md",
            .why = R"md(Both name the same directory; mixing them makes the spec harder to read and to search. Fedora's guidelines ask for one style used consistently, and spec-cleaner normalises to `%{buildroot}`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
mkdir -p $RPM_BUILD_ROOT%{_bindir}
install -m 0755 example %{buildroot}%{_bindir}/example

%files
%{_bindir}/example
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
mkdir -p %{buildroot}%{_bindir}
install -m 0755 example %{buildroot}%{_bindir}/example

%files
%{_bindir}/example
)md",
            .fix_safety = R"md(Safe: rpm sets `$RPM_BUILD_ROOT` to `%{buildroot}` for every build script, so the expanded scripts are the same (except inside single quotes, where the variable was never expanded; such uses are rare and would be wrong anyway).)md",
            .reference = R"md(Fedora Packaging Guidelines, "Using %{buildroot} and %{optflags} vs $RPM_BUILD_ROOT and $RPM_OPT_FLAGS"; spec-cleaner.)md"},
    .check = check,
};

}  // namespace katalint::rules
