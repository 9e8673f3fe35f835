// patch-not-applied: a patch that is declared but never applied.
#include <cctype>
#include <limits>
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// The blank-separated words of `text` up to the end of the line or a shell separator.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < text.size();) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] == '\n' || text[i] == '\r' || text[i] == '#' || text[i] == ';' ||
        text[i] == '&' || text[i] == '|')
      break;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r' &&
           text[i] != ';')
      ++i;
    words.push_back(text.substr(start, i - start));
  }
  return words;
}

// A non-negative decimal number, or -1.
int number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

struct Applied {
  std::set<int> numbers;
  bool all = false;      // %autosetup without -N, %autopatch without a range
  std::vector<std::pair<int, int>> ranges;  // %autopatch -m/-M
  bool unknown = false;  // arguments katalint cannot read (macros): say nothing
};

// The options of %patch that take a value, besides -P.
bool patch_option_with_value(std::string_view w) {
  return w == "-b" || w == "-z" || w == "-F" || w == "-d" || w == "-o" || w == "-p" || w == "-D";
}

void read_patch(std::vector<std::string_view> args, int from_name, Applied& applied) {
  if (from_name >= 0) {  // %patchN
    applied.numbers.insert(from_name);
    return;
  }
  bool any = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view w = args[i];
    if (w.find('%') != std::string_view::npos || w.find('$') != std::string_view::npos) {
      applied.unknown = true;
      return;
    }
    if (w == "-P") {
      if (i + 1 >= args.size()) break;  // rpm rejects a -P without a number
      if (number(args[i + 1]) < 0) {
        applied.unknown = true;
        return;
      }
      applied.numbers.insert(number(args[++i]));
      any = true;
    } else if (w.size() > 2 && w.substr(0, 2) == "-P") {
      if (number(w.substr(2)) < 0) {
        applied.unknown = true;
        return;
      }
      applied.numbers.insert(number(w.substr(2)));
      any = true;
    } else if (patch_option_with_value(w)) {
      ++i;
    } else if (!w.empty() && w.front() != '-') {
      if (number(w) < 0) {
        applied.unknown = true;
        return;
      }
      applied.numbers.insert(number(w));  // rpm 4.18: %patch N
      any = true;
    }
  }
  if (!any) applied.numbers.insert(0);  // a bare %patch applies Patch0 (rpm < 4.20)
}

void read_autosetup(const std::vector<std::string_view>& args, Applied& applied) {
  for (std::string_view w : args)
    if (w == "-N") return;
  applied.all = true;
}

void read_autopatch(const std::vector<std::string_view>& args, Applied& applied) {
  int min = 0, max = -1;
  bool ranged = false, listed = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view w = args[i];
    if (w.find('%') != std::string_view::npos) {
      applied.unknown = true;
      return;
    }
    auto value = [&](std::string_view opt) -> int {
      if (w.size() > 2) return number(w.substr(2));
      (void)opt;
      return i + 1 < args.size() ? number(args[++i]) : -1;
    };
    if (w.substr(0, 2) == "-m") {
      min = value("-m");
      ranged = true;
    } else if (w.substr(0, 2) == "-M") {
      max = value("-M");
      ranged = true;
    } else if (w.substr(0, 2) == "-p" || w.substr(0, 2) == "-z" || w.substr(0, 2) == "-F") {
      if (w.size() == 2) ++i;
    } else if (!w.empty() && w.front() != '-') {
      if (number(w) < 0) {
        applied.unknown = true;
        return;
      }
      applied.numbers.insert(number(w));
      listed = true;
    }
    if (min < 0 || (ranged && w.substr(0, 2) == "-M" && max < 0)) {
      applied.unknown = true;
      return;
    }
  }
  if (listed) return;
  if (ranged)
    applied.ranges.emplace_back(min, max < 0 ? std::numeric_limits<int>::max() : max);
  else
    applied.all = true;
}

// "PATCH3" / "patch3" → 3, else -1.
int patch_suffix(std::string_view name) {
  if (name.size() <= 5 || lower(name.substr(0, 5)) != "patch") return -1;
  return number(name.substr(5));
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  Applied applied;
  bool skip = false;
  // Every branch of every conditional counts: a patch applied in any branch is applied.
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) == SyntaxKind::Tag && line.section.empty() && tag_is(tree, line.line, "buildsystem"))
      skip = true;  // declarative builds apply the patches themselves
    if (!line.build_section || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const std::uint32_t line_end = tree.node(line.line).end;
    for (NodeId c : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view name = macro_name(tree, c);
      if (name.empty()) continue;
      // The arguments are read only for the macros that take them: a line of many macros stays linear.
      const std::uint32_t after = tree.node(c).end;
      const auto arguments = [&] { return words_of(tree.text.substr(after, line_end - after)); };
      const std::string_view text = tree.text_of(c);
      const bool bare = text.size() > 1 && text[1] != '{';  // %patch1, not %{PATCH1}
      if (name == "patch") {
        read_patch(arguments(), -1, applied);
      } else if (patch_suffix(name) >= 0) {
        // %patch3 applies Patch3; %{PATCH3} is its file name, given to patch(1) or a loop.
        if (bare && name.substr(0, 5) == "patch")
          read_patch(arguments(), patch_suffix(name), applied);
        else
          applied.numbers.insert(patch_suffix(name));
      } else if (name == "P" || name == "patches" || name == "lua") {
        applied.unknown = true;  // %{P:N}, loops over %{patches}, Lua
      } else if (name == "autosetup") {
        read_autosetup(arguments(), applied);
      } else if (name == "autopatch") {
        read_autopatch(arguments(), applied);
      } else if (name == "forgeautosetup" || name == "gitautosetup" || name.find("autosetup") != std::string_view::npos ||
                 name.find("autopatch") != std::string_view::npos || name == "apply_patches") {
        skip = true;  // wrappers that apply every patch
      }
    }
  });
  if (skip || applied.all || applied.unknown) return;
  // Declarations are read from the tree, so a patch declared in a branch the target does not
  // take is checked too, and a spec rpm rejects for another reason still is.
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view name = line.tag;
    if (name.substr(0, 5) != "patch") return;
    const int n = name == "patch" ? 0 : number(name.substr(5));
    if (n < 0 || applied.numbers.count(n)) return;
    for (const auto& [lo, hi] : applied.ranges)
      if (n >= lo && n <= hi) return;
    auto d = out.report(without_newline(tree, line.line), fmt::format("Patch{} is declared but never applied in %prep", n));
    const std::uint32_t at = tree.node(line.line).begin;
    d.fix("comment out the Patch line", ir::Applicability::Unsafe, {{{tree.file, at, at}, "# "}});
    note_branch(ctx, d, at);
  });
}

}  // namespace

extern const RuleInfo patch_not_applied;  // listed in rules/rules.def
constinit const RuleInfo patch_not_applied{
    .id = "patch-not-applied",
    .severity = ir::Severity::Warning,
    .summary = "a patch that is declared but never applied",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Unsafe,
    .doc = {.what = R"md(Reports a `PatchN:` that `%prep` never applies. A patch counts as applied by `%patch -P N`, `%patch -PN`, `%patch N`, `%patchN`, a bare `%patch` (Patch0), `%autosetup` without `-N`, `%autopatch` (honouring `-m`/`-M` and listed numbers) and any use of `%{PATCHN}` (`patch -p1 < %{PATCH3}`), in any branch of any conditional. The check says nothing when the patches are applied in a way it cannot read (macro arguments, `%{P:N}`, loops over `%{patches}`), with a declarative `BuildSystem:`, or with wrappers such as `%forgeautosetup`.)md",
            .why = R"md(A declared patch that is never applied is shipped in the source package but does not change the build, which usually means a forgotten `%patch` line after a rebase, so the fix the patch carries is silently missing.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix-build.patch
Patch1:         fix-crash.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1

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
Patch1:         fix-crash.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1
%if 0%{?suse_version}
%patch -P 1 -p1
%endif

%files
)md",
            .fix_safety = R"md(Unsafe (opt-in): the fix comments out the `Patch` line, which keeps the build as it is; whether the patch should be applied instead needs a person.)md",
            .reference = R"md(rpmlint `patch-not-applied`; openSUSE patch policy.)md"},
    .check = check,
};

}  // namespace katalint::rules
