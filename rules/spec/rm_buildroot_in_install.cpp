// rm-buildroot-in-install: %install that starts by deleting the build root.
#include <algorithm>
#include <array>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool removes_buildroot(std::string_view line) {
  // Collapse blanks so "rm  -rf   %{buildroot}" matches too.
  std::string words;
  for (char c : trim(line)) {
    if (c == '\t') c = ' ';
    if (c == ' ' && !words.empty() && words.back() == ' ') continue;
    words += c;
  }
  static constexpr std::array<std::string_view, 3> kRm = {"rm ", "%{__rm} ", "%__rm "};
  static constexpr std::array<std::string_view, 4> kFlags = {"-rf ", "-fr ", "-r -f ", "-f -r "};
  static constexpr std::array<std::string_view, 8> kRoots = {
      "%{buildroot}", "%buildroot", "$RPM_BUILD_ROOT", "${RPM_BUILD_ROOT}", "\"$RPM_BUILD_ROOT\"",
      "\"${RPM_BUILD_ROOT}\"", "\"%{buildroot}\"", "%{?buildroot}"};
  // rm, then flags, then the root, and nothing else: compared in place, without building
  // the 96 combinations.
  const auto skip = [](std::string_view& rest, const auto& choices) {
    for (const std::string_view c : choices)
      if (rest.substr(0, c.size()) == c) {
        rest.remove_prefix(c.size());
        return true;
      }
    return false;
  };
  std::string_view rest = words;
  if (!skip(rest, kRm) || !skip(rest, kFlags)) return false;
  return std::find(kRoots.begin(), kRoots.end(), rest) != kRoots.end();
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  NodeId seen_header = rpmspec::kNoNode;  // the %install whose first command was looked at
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "install" || line.header == seen_header) return;
    const SyntaxKind kind = tree.kind(line.line);
    if (kind != SyntaxKind::BodyLine) return;  // headers, blanks, comments, directives
    seen_header = line.header;
    const ir::Range text = without_newline(tree, line.line);
    if (!removes_buildroot(tree.text.substr(text.begin, text.size()))) return;
    out.report(text, "%install starts by deleting the build root, which rpm has just created")
        .fix("remove the line", ir::Applicability::Safe, {{tree.range(line.line), ""}});
  });
}

}  // namespace

extern const RuleInfo rm_buildroot_in_install;  // listed in rules/rules.def
constinit const RuleInfo rm_buildroot_in_install{
    .id = "rm-buildroot-in-install",
    .severity = ir::Severity::Warning,
    .summary = "%install starts with rm -rf %{buildroot}",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a first command of `%install` that deletes the build root: `rm -rf %{buildroot}`, `rm -rf $RPM_BUILD_ROOT` and their spellings.)md",
            .why = R"md(rpm creates a fresh, empty build root before `%install` (since 4.6), so the line does nothing useful; on a shared build host it can race with other builds.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
rm -rf %{buildroot}
mkdir -p %{buildroot}%{_datadir}/example

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
            .fix_safety = R"md(Safe: the fix deletes the line; the build root it removed is empty at that point.)md",
            .reference = R"md(Fedora Packaging Guidelines ("%install" section); spec-cleaner deletes the line.)md"},
    .check = check,
};

}  // namespace katalint::rules
