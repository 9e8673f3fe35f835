// undefined-macro: %{foo} or %foo used unconditionally while neither the spec nor the target's
// macros define it; %define foo %{foo}... (self-recursive).
#include <cctype>
#include <set>
#include <vector>

#include <fmt/core.h>

#include "frontend/rpmspec/macro_engine.hpp"
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Names rpm itself understands without a definition: built-in macros, section and %files
// keywords, conditionals and the build-option helpers.
bool rpm_knows(std::string_view n) {
  static const std::set<std::string_view> kKnown = {
      "P", "S", "basename", "define", "dirname", "dnl", "dump", "echo", "error", "exists", "expand", "expr",
      "getconfdir", "getenv", "getncpus", "global", "load", "lua", "macrobody", "quote", "shescape", "shrink",
      "suffix", "trace", "u2p", "uncompress", "undefine", "url2path", "verbose", "warn", "defined", "undefined",
      "with", "without", "bcond", "bcond_with", "bcond_without", "sources", "patches", "nil", "setup",
      "autosetup", "autopatch", "patch", "if", "ifarch", "ifnarch", "ifos", "ifnos", "elif", "elifarch",
      "elifos", "else", "endif", "include", "package", "description", "files", "prep", "conf", "build",
      "install", "check", "clean", "changelog", "pre", "post", "preun", "postun", "pretrans", "posttrans",
      "preuntrans", "postuntrans", "verifyscript", "sourcelist", "patchlist", "generate_buildrequires",
      "attr", "defattr", "dir", "doc", "docdir", "license", "config", "ghost", "verify", "lang", "caps",
      "artifact", "exclude", "readme", "missingok", "buildroot", "optflags", "rpmversion", "upper", "lower",
      "len", "sub", "reverse", "rep", "span", "gsub", "strlen", "shell"};
  if (kKnown.count(n)) return true;
  if (n.find("trigger") != std::string_view::npos) return true;
  const std::string l = lower(n);
  if ((l.substr(0, 6) == "source" || l.substr(0, 5) == "patch") && !l.empty() &&
      l.find_first_not_of("0123456789", l[0] == 's' ? 6 : 5) == std::string::npos)
    return true;  // SOURCE1, PATCH2, Source (rpm defines them per tag)
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  rpmspec::MacroEngine* profile = ctx.profile_macros();
  if (!profile || !tree.all_of(SyntaxKind::IncludeDirective).empty()) return;
  // Only names in rpm's namespace (_name) are looked up below, so only those are kept.
  std::set<std::string> defined;
  for (NodeId def : tree.all_of(SyntaxKind::MacroDefinition)) {
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (name == rpmspec::kNoNode) continue;
    if (tree.text_of(name).starts_with('_')) defined.insert(std::string(tree.text_of(name)));
    // %define foo %{foo}-x: rpm recurses until its depth limit.
    const NodeId body = tree.child(def, SyntaxKind::MacroBody);
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    if (body == rpmspec::kNoNode || keyword == rpmspec::kNoNode || tree.text_of(keyword) != "%define") continue;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, body))
      if (macro_name(tree, m) == tree.text_of(name) && tree.child(m, SyntaxKind::MacroFlags) == rpmspec::kNoNode &&
          !profile->is_defined(tree.text_of(name)))
        out.report(tree.range(m), fmt::format("%{} refers to itself; rpm expands it until the recursion limit", tree.text_of(name)))
            .severity(ir::Severity::Error);
  }
  // Macros rpm defines from tags (%name, %version, %url, ...) and %bcond options.
  for (NodeId tag : tree.all_of(SyntaxKind::Tag)) {
    const NodeId name = tree.child(tag, SyntaxKind::TagName);
    if (name != rpmspec::kNoNode && tree.text_of(name).starts_with('_')) defined.insert(tag_name(tree, tag));
  }
  if (tree.text.find("%bcond") != std::string_view::npos || tree.text.find("%{bcond") != std::string_view::npos) return;
  std::set<std::string> reported;
  std::vector<char> guarded;  // guarded[i]: node first+i or an enclosing macro is conditional
  for_each_line(ctx, [&](const LineInfo& line) {
    const SyntaxKind k = tree.kind(line.line);
    if (line.section == "changelog" || (k != SyntaxKind::BodyLine && k != SyntaxKind::Tag && k != SyntaxKind::FileEntry)) return;
    // Inside %{?foo:...} or %{!?foo:...} a use is guarded. In preorder a node's parent comes
    // first, so one pass marks every node of the line (deeply nested macros stay linear).
    const NodeId first = line.line, end = tree.node(line.line).subtree_end;
    guarded.assign(end - first, 0);
    for (NodeId m = first; m < end; ++m) {
      const bool flagged = tree.kind(m) == SyntaxKind::MacroRef && tree.child(m, SyntaxKind::MacroFlags) != rpmspec::kNoNode;
      const NodeId parent = tree.node(m).parent;
      guarded[m - first] = static_cast<char>(flagged || (m != first && parent >= first && guarded[parent - first]));
      if (tree.kind(m) != SyntaxKind::MacroRef || guarded[m - first]) continue;
      const std::string_view name = macro_name(tree, m);
      // Only rpm's own namespace (_name): other macros usually come from a package in
      // BuildRequires (perl, python, yast, ...) that the target's macro pack does not load.
      if (name.size() < 2 || name[0] != '_' || !std::isalpha(static_cast<unsigned char>(name[1]))) continue;
      const std::string n(name);
      if (reported.count(n) || defined.count(n) || defined.count(lower(n)) || rpm_knows(name) || profile->is_defined(name)) continue;
      reported.insert(n);
      auto d = out.report(tree.range(m), fmt::format("%{} is not defined by the spec or by {}; rpm leaves it as it is "
                                                     "(use %{{?{}}} if it is optional, or BuildRequire its package)",
                                                     name, ctx.target, name));
      note_branch(ctx, d, tree.node(line.line).begin);
    }
  });
}

}  // namespace

extern const RuleInfo undefined_macro;  // listed in rules/rules.def
constinit const RuleInfo undefined_macro{
    .id = "undefined-macro",
    .severity = ir::Severity::Warning,
    .summary = "a macro used unconditionally that neither the spec nor the target defines",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports the first unguarded use (not `%{?foo}`, not inside `%{?bar:...}`) of each macro in rpm's own namespace (`%{_name}`: paths and settings every target defines), in tags, build sections, scriptlets and `%files` of any branch, that the spec does not define (`%define`, `%global`, a tag) and the target's macro pack does not know; and, as an error, a `%define` whose body uses the macro itself. `%changelog`, comments, specs with `%include` or `%bcond` options are not checked. Other macros usually come from a package in BuildRequires (perl, python, YaST macros) whose macro file the target's pack does not load, so they are left to `macro-provider-not-buildrequired`.)md",
            .why = R"md(rpm leaves an undefined macro as it is: `%{_unitdir_typo}/foo.service` becomes a path with a literal `%` and the build stops at `%files`, or a shell command named `%cmake_build` fails. A self-recursive definition makes rpm stop at its recursion limit.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
install -D -m 0644 example.service %{buildroot}%{_unitdir_typo}/example.service

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

%install
install -D -m 0644 example.service %{buildroot}%{_unitdir}/example.service

%files
)md",
            .fix_safety = R"md(No fix: the macro may be a typo, optional (`%{?foo}`) or come from a package missing in BuildRequires.)md",
            .reference = R"md(rpm macro expansion (undefined macros are left as they are); rpmlint#610.)md"},
    .check = check,
};

}  // namespace katalint::rules
