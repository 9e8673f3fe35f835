// patch-undeclared: %patch -P N (or %{PATCHN}) with no PatchN tag.
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

int number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The patch numbers a %patch line names: -P N, -PN, N (rpm 4.18), or 0 when none.
std::vector<int> patch_numbers(std::string_view args) {
  std::vector<int> out;
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < args.size();) {
    while (i < args.size() && (args[i] == ' ' || args[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < args.size() && args[i] != ' ' && args[i] != '\t') ++i;
    if (i > b) words.push_back(args.substr(b, i - b));
  }
  bool unknown = false;  // a number katalint cannot read (a macro): no default Patch0
  const auto add = [&](int n) {
    if (n >= 0) out.push_back(n);
    else unknown = true;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (w.front() == '#' || w == ";" || w == "&&" || w == "|") break;
    if (w == "-P" && i + 1 < words.size()) {
      add(number(words[++i]));
    } else if (w.size() > 2 && w.substr(0, 2) == "-P") {
      add(number(w.substr(2)));
    } else if (w == "-b" || w == "-z" || w == "-F" || w == "-d" || w == "-o" || w == "-p" || w == "-D") {
      ++i;
    } else if (w.front() != '-') {
      add(number(w));
    }
  }
  if (out.empty() && !unknown) out.push_back(0);
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::set<int> declared;
  bool any_unknown = false;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view name = line.tag;
    if (name.substr(0, 5) != "patch") return;
    const int n = name == "patch" ? 0 : number(name.substr(5));
    if (n >= 0) declared.insert(n);
    else any_unknown = true;
  });
  // Patches from an %include or a generated list cannot be seen here.
  if (any_unknown || !tree.all_of(SyntaxKind::IncludeDirective).empty()) return;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.build_section || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const std::uint32_t line_end = without_newline(tree, line.line).end;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view name = macro_name(tree, m);
      const std::string_view text = tree.text_of(m);
      std::vector<int> numbers;
      if (name == "patch" && text.substr(0, 2) != "%{") {
        numbers = patch_numbers(tree.text.substr(tree.node(m).end, line_end - tree.node(m).end));
      } else if (name.size() > 5 && lower(name.substr(0, 5)) == "patch" && number(name.substr(5)) >= 0) {
        numbers.push_back(number(name.substr(5)));  // %patchN, %{PATCHN}
      }
      for (int n : numbers) {
        if (declared.count(n)) continue;
        auto d = out.report(tree.range(m), fmt::format("Patch{} is applied but no Patch{} tag declares it; rpmbuild fails", n, n));
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo patch_undeclared;  // listed in rules/rules.def
constinit const RuleInfo patch_undeclared{
    .id = "patch-undeclared",
    .severity = ir::Severity::Error,
    .summary = "a patch applied that no PatchN tag declares",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports `%patch -P N`, `%patch N`, `%patchN`, a bare `%patch` (Patch0) and `%{PATCHN}` in build sections when no `PatchN:` tag exists in any branch. Specs that `%include` other files are not checked, since the tag may be there.)md",
            .why = R"md(rpmbuild stops with "No patch number N" (or expands `%{PATCHN}` to nothing); usually the tag was renumbered or removed and the `%patch` line forgotten.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix-build.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1
%patch -P 1 -p1

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix-build.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1

%files
)md",
            .fix_safety = R"md(No fix: either the tag or the `%patch` line is missing, and only the author knows which.)md",
            .reference = R"md(rpm (`%patch`: "No patch number N").)md"},
    .check = check,
};

}  // namespace katalint::rules
