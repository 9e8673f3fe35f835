// hardcoded-path: a literal FHS path where the target has a path macro with that value.
#include <fmt/core.h>

#include <array>
#include <map>
#include <set>

#include "frontend/rpmspec/macro_engine.hpp"
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct PathMacro {
  std::string_view path;
  std::string_view macro;
};

// Longest paths first, so /usr/share/man wins over /usr/share.
constexpr std::array<PathMacro, 13> kPaths = {{
    {"/usr/lib/systemd/system", "_unitdir"},
    {"/usr/lib/tmpfiles.d", "_tmpfilesdir"},
    {"/usr/share/info", "_infodir"},
    {"/usr/share/man", "_mandir"},
    {"/usr/include", "_includedir"},
    {"/usr/libexec", "_libexecdir"},
    {"/usr/share", "_datadir"},
    {"/usr/sbin", "_sbindir"},
    {"/usr/bin", "_bindir"},
    {"/var/lib", "_sharedstatedir"},
    {"/etc", "_sysconfdir"},
    {"/var", "_localstatedir"},
    {"/usr", "_prefix"},
}};

bool path_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.' || c == '+' || c == '~' || c == '@';
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Sections whose paths are installed-system paths.
bool checked_section(const LineInfo& line) {
  return line.section == "build" || line.section == "install" || line.section == "check" ||
         line.section == "files" || (line.shell && line.scriptlet);
}

// Macros whose text, when they precede a path, makes it a path in the installed system.
bool buildroot_macro(const SyntaxTree& tree, NodeId node) {
  if (tree.kind(node) != SyntaxKind::MacroRef) return false;
  const std::string_view name = macro_name(tree, node);
  return name == "buildroot" || name == "RPM_BUILD_ROOT";
}

bool is_macro(SyntaxKind k) {
  return k == SyntaxKind::MacroRef || k == SyntaxKind::ShellExpansion || k == SyntaxKind::ExprExpansion ||
         k == SyntaxKind::LuaExpansion;
}

// What may stand right before a path that starts a Text leaf.
bool opens_path(const SyntaxTree& tree, NodeId prev) {
  if (prev == rpmspec::kNoNode) return true;  // the start of the line
  const SyntaxKind k = tree.kind(prev);
  return k == SyntaxKind::Whitespace || k == SyntaxKind::Keyword || k == SyntaxKind::FileDirectiveArgs ||
         buildroot_macro(tree, prev);
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // A spec that defines a path macro itself decides its value; those are left alone.
  std::set<std::string_view> own;
  for (NodeId def : tree.all_of(SyntaxKind::MacroDefinition)) {
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (name != rpmspec::kNoNode) own.insert(tree.text_of(name));
  }
  std::map<std::string_view, bool> same;  // macro -> the profile expands it to the literal path
  auto matches_profile = [&](const PathMacro& p) {
    auto it = same.find(p.macro);
    if (it == same.end())
      it = same.emplace(p.macro, !own.count(p.macro) && ctx.profile_value(p.macro) == std::string(p.path)).first;
    return it->second;
  };
  for_each_line(ctx, [&](const LineInfo& line) {
    const SyntaxKind kind = tree.kind(line.line);
    if (!checked_section(line) || (kind != SyntaxKind::BodyLine && kind != SyntaxKind::FileEntry)) return;
    const auto& ln = tree.node(line.line);
    // Leaves in source order; macro subtrees are skipped whole (rpm replaces them), and
    // `prev` is the leaf or macro just before, so a path after %{buildroot} counts.
    NodeId prev = rpmspec::kNoNode;
    for (NodeId n = line.line + 1; n < ln.subtree_end;) {
      const SyntaxKind k = tree.kind(n);
      if (is_macro(k)) {
        prev = n;
        n = tree.node(n).subtree_end;
        continue;
      }
      if (!tree.node(n).is_leaf()) {
        ++n;
        continue;
      }
      const NodeId leaf = n++;
      const NodeId before_leaf = prev;
      prev = leaf;
      if (k != SyntaxKind::Text && k != SyntaxKind::FilePath) continue;
      const std::string_view text = tree.text_of(leaf);
      for (std::size_t at = text.find('/'); at != std::string_view::npos; at = text.find('/', at + 1)) {
        // The path must start here: after a separator, a shell build-root variable, or
        // %{buildroot} just before this text.
        if (at > 0) {
          const char c = text[at - 1];
          const std::string_view before = text.substr(0, at);
          const bool separator = c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == ':' ||
                                 c == '(' || c == ';' || c == '|' || c == '&' || c == '<' || c == '>' || c == ',';
          if (!separator && !ends_with(before, "$RPM_BUILD_ROOT") && !ends_with(before, "${RPM_BUILD_ROOT}") &&
              !ends_with(before, "$RPM_BUILD_ROOT\"") && !ends_with(before, "${RPM_BUILD_ROOT}\""))
            continue;
        } else if (!opens_path(tree, before_leaf)) {
          continue;
        }
        for (const PathMacro& p : kPaths) {
          if (text.substr(at, p.path.size()) != p.path) continue;
          const std::size_t end = at + p.path.size();
          if (end < text.size() && (path_char(text[end]) || (p.macro == "_prefix" && text[end] == '/'))) continue;
          // /usr/lib/... is the business of hardcoded-library-path.
          if (!matches_profile(p)) break;
          const std::uint32_t begin = tree.node(leaf).begin + static_cast<std::uint32_t>(at);
          const ir::Range range{tree.file, begin, begin + static_cast<std::uint32_t>(p.path.size())};
          const std::string macro = fmt::format("%{{{}}}", p.macro);
          out.report(range, fmt::format("hard-coded '{}'; use {}", p.path, macro))
              .fix(fmt::format("use {}", macro), ir::Applicability::Safe, {{range, macro}});
          break;
        }
      }
    }
  });
}

}  // namespace

extern const RuleInfo hardcoded_path;  // listed in rules/rules.def
constinit const RuleInfo hardcoded_path{
    .id = "hardcoded-path",
    .severity = ir::Severity::Warning,
    .summary = "a literal FHS path where a path macro exists",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports literal installation paths in `%build`, `%install`, `%check`, `%files` and shell scriptlets where a path macro exists: `/usr/bin` (`%{_bindir}`), `/usr/sbin`, `/usr/share`, `/usr/share/man`, `/usr/share/info`, `/usr/include`, `/usr/libexec`, `/etc` (`%{_sysconfdir}`), `/var`, `/var/lib`, `/usr/lib/systemd/system` (`%{_unitdir}`), `/usr/lib/tmpfiles.d` and `/usr` alone (`%{_prefix}`).

A path counts where it starts: after a blank, a quote, `=`, `:` and similar separators, after `%{buildroot}` or `$RPM_BUILD_ROOT`, or at the start of a `%files` entry. The rule only reports a path when the target's macro has exactly that value, so `/usr/libexec` is not reported for SLE 15, where `%{_libexecdir}` is `/usr/lib`, nor for a spec that defines the macro itself.)md",
            .why = R"md(Path macros are how a spec follows the distribution's layout. A literal path breaks when a target moves a directory (as `%{_libexecdir}` differs between SLE and Tumbleweed) and hides which paths are meant to be the standard ones.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
install -D -m 0755 example %{buildroot}/usr/bin/example

%files
/usr/bin/example
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
install -D -m 0755 example %{buildroot}%{_bindir}/example

%files
%{_bindir}/example
)md",
            .fix_safety = R"md(Safe: the fix replaces the path with a macro that the target expands to the same text, so the build does the same on this target. On a target whose layout differs, the macro gives that target's path, which is the point.)md",
            .reference = R"md(openSUSE *Packaging Conventions RPM Macros*; Fedora Packaging Guidelines, "Macros"; spec-cleaner uses the same table.)md"},
    .check = check,
};

}  // namespace katalint::rules
