// prefer-autosetup: %setup followed only by %patch lines that apply every declared patch in
// order with one -p level: %autosetup -pN does the same.
#include <algorithm>
#include <optional>
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

int number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

// "%patch -P N -pK" (or -PN, or N) with nothing else: N and K, else nullopt.
std::optional<std::pair<int, std::string>> simple_patch(std::string_view args) {
  int n = -1;
  std::string level;
  const auto w = words(args);
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] == "-P" && i + 1 < w.size() && n < 0) n = number(w[++i]);
    else if (w[i].substr(0, 2) == "-P" && n < 0) n = number(w[i].substr(2));
    else if (w[i].substr(0, 2) == "-p" && w[i].size() > 2 && level.empty()) level = std::string(w[i].substr(2));
    else if (w[i] == "-p" && i + 1 < w.size() && level.empty()) level = std::string(w[++i]);
    else if (number(w[i]) >= 0 && n < 0) n = number(w[i]);
    else return std::nullopt;  // -b, -F, -z, ...: %autosetup cannot pass them per patch
  }
  if (n < 0) return std::nullopt;
  return std::make_pair(n, level.empty() ? std::string("0") : level);
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // Declared patches, all unconditional.
  std::vector<int> declared;
  bool conditional_patch = false;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view name = line.tag;
    if (name.substr(0, 5) != "patch") return;
    const int n = name == "patch" ? 0 : number(name.substr(5));
    if (n < 0) conditional_patch = true;
    for (NodeId p = tree.node(line.line).parent; p != rpmspec::kNoNode; p = tree.node(p).parent)
      if (tree.kind(p) == SyntaxKind::ConditionalBranch) conditional_patch = true;
    declared.push_back(n);
  });
  if (declared.empty() || conditional_patch) return;
  std::sort(declared.begin(), declared.end());
  const auto preps = section_headers(ctx, "prep");
  if (preps.size() != 1) return;
  const NodeId section = tree.node(preps.front()).parent;
  NodeId setup_line = rpmspec::kNoNode, setup_macro = rpmspec::kNoNode;
  std::vector<NodeId> patch_lines;
  std::vector<int> applied;
  std::set<std::string> levels;
  // %prep must be: %setup, then only %patch lines, blanks and comments, all at its top level.
  for (NodeId n : tree.children(section)) {
    if (!is_line(tree, n) || n == preps.front()) {
      if (!is_line(tree, n) && n != preps.front()) return;  // a conditional
      continue;
    }
    const SyntaxKind k = tree.kind(n);
    if (k == SyntaxKind::Blank || k == SyntaxKind::Comment) continue;
    if (k != SyntaxKind::BodyLine) return;
    const NodeId m = leading_macro(tree, n);
    if (m == rpmspec::kNoNode || tree.text_of(m).substr(0, 2) == "%{") return;
    const std::string_view name = macro_name(tree, m);
    const std::string_view args = tree.text.substr(tree.node(m).end, without_newline(tree, n).end - tree.node(m).end);
    if (name == "setup" && setup_line == rpmspec::kNoNode && patch_lines.empty()) {
      setup_line = n;
      setup_macro = m;
      continue;
    }
    if (name != "patch" || setup_line == rpmspec::kNoNode) return;
    const auto p = simple_patch(args);
    if (!p) return;
    applied.push_back(p->first);
    levels.insert(p->second);
    patch_lines.push_back(n);
  }
  if (setup_line == rpmspec::kNoNode || applied != declared || levels.size() != 1) return;
  const std::string level = *levels.begin();
  // %autosetup takes %setup's options except -q (it is always quiet).
  std::string options;
  const std::uint32_t args_begin = tree.node(setup_macro).end, args_end = without_newline(tree, setup_line).end;
  for (std::string_view w : words(tree.text.substr(args_begin, args_end - args_begin))) {
    if (w == "-q") continue;
    if (w.size() > 2 && w.front() == '-' && w.find('q') != std::string_view::npos && w.find('n') == std::string_view::npos) {
      std::string flags(w);
      flags.erase(std::remove(flags.begin() + 1, flags.end(), 'q'), flags.end());
      if (flags.size() > 1) options += " " + flags;
      continue;
    }
    options += " " + std::string(w);
  }
  std::vector<ir::Edit> edits{{{tree.file, tree.node(setup_macro).begin, args_end},
                               fmt::format("%autosetup -p{}{}", level, options)}};
  for (NodeId l : patch_lines) edits.push_back({tree.range(l), ""});
  out.report(tree.range(setup_macro), fmt::format("%setup and {} %patch line(s) are what %autosetup -p{} does", patch_lines.size(), level))
      .fix(fmt::format("use %autosetup -p{}", level), ir::Applicability::Safe, std::move(edits));
}

}  // namespace

extern const RuleInfo prefer_autosetup;  // listed in rules/rules.def
constinit const RuleInfo prefer_autosetup{
    .id = "prefer-autosetup",
    .severity = ir::Severity::Info,
    .summary = "%setup followed only by %patch lines that %autosetup would replace",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a `%prep` that holds only `%setup`, then `%patch` lines (with blank and comment lines between) that apply every declared patch once, in number order, with the same `-p` level and no other options, outside conditionals.)md",
            .why = R"md(`%autosetup -pN` unpacks and applies every declared patch in order: adding a patch is then one `PatchN:` line, and a forgotten `%patch` line cannot happen. Fedora's guidelines recommend it.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         fix-build.patch
Patch1:         fix-tests.patch

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
Patch1:         fix-tests.patch

%description
An example package.

%prep
%autosetup -p1

%files
)md",
            .fix_safety = R"md(Safe: the rule fires only when `%autosetup -pN` applies exactly the same patches in the same order with the same options; `%setup`'s other options are kept (`-q` is implied).)md",
            .reference = R"md(Fedora Packaging Guidelines, "Applying patches"; rpm `%autosetup`; rpmlint#461.)md"},
    .check = check,
};

}  // namespace katalint::rules
