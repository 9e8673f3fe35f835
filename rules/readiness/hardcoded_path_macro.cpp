// hardcoded-path-macro: a spec macro defined as a literal system path the target has a macro for.
#include <fmt/core.h>

#include <array>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

struct PathMacro {
  std::string_view path;
  std::string_view macro;
};

constexpr std::array<PathMacro, 14> kPaths = {{
    {"/usr/bin", "_bindir"},
    {"/usr/sbin", "_sbindir"},
    {"/usr/libexec", "_libexecdir"},
    {"/usr/lib64", "_libdir"},
    {"/usr/share", "_datadir"},
    {"/usr/include", "_includedir"},
    {"/usr/share/man", "_mandir"},
    {"/usr/share/info", "_infodir"},
    {"/etc", "_sysconfdir"},
    {"/var", "_localstatedir"},
    {"/var/lib", "_sharedstatedir"},
    {"/run", "_rundir"},
    {"/usr/lib/systemd/system", "_unitdir"},
    {"/usr/lib/tmpfiles.d", "_tmpfilesdir"},
}};

std::size_t skip_blanks(std::string_view t, std::size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  return i;
}
std::size_t word_end(std::string_view t, std::size_t i) {
  while (i < t.size() && t[i] != ' ' && t[i] != '\t') ++i;
  return i;
}

void check(const Context& ctx, Reporter& out) {
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::MacroDefinition) return;
    const std::string_view t = line.text;
    const std::size_t kw = skip_blanks(t, 0);
    const std::size_t kw_end = word_end(t, kw);
    const std::string_view keyword = t.substr(kw, kw_end - kw);
    if (keyword != "%define" && keyword != "%global") return;
    const std::size_t name_begin = skip_blanks(t, kw_end);
    const std::size_t name_end = word_end(t, name_begin);
    const std::string_view name = t.substr(name_begin, name_end - name_begin);
    // Redefining rpm's own macros (`%define _libexecdir ...`) is another matter.
    if (name.empty() || name.front() == '_' || name.find('(') != std::string_view::npos) return;
    const std::size_t body_begin = skip_blanks(t, name_end);
    std::string_view body = spec_support::trim(t.substr(body_begin));
    if (body.size() > 1 && body.back() == '/') body.remove_suffix(1);
    for (const PathMacro& p : kPaths) {
      if (body != p.path) continue;
      const auto target_value = ctx.profile_value(p.macro);
      std::string message = fmt::format("'{}' is defined as the literal path '{}'; use %{{{}}}", name, p.path, p.macro);
      if (target_value && *target_value != p.path)
        message += fmt::format(", which is '{}' on {}", *target_value, ctx.target);
      else
        message += ", which each distribution sets for itself";
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(body.data() - t.data()), body.size()),
                 std::move(message));
      return;
    }
  });
}

}  // namespace

extern const RuleInfo hardcoded_path_macro;  // listed in rules/rules.def
constinit const RuleInfo hardcoded_path_macro{
    .id = "hardcoded-path-macro",
    .severity = ir::Severity::Warning,
    .summary = "a spec macro is defined as a literal system path that rpm has a macro for",
    .doc = {.what = R"md(Reports a `%define` or `%global` of the spec's own macro whose whole value is a system directory that rpm names with a path macro: `/usr/bin` (`%{_bindir}`), `/usr/sbin`, `/usr/libexec` (`%{_libexecdir}`), `/usr/lib64` (`%{_libdir}`), `/usr/share`, `/usr/include`, `/usr/share/man`, `/usr/share/info`, `/etc`, `/var`, `/var/lib`, `/run`, `/usr/lib/systemd/system` (`%{_unitdir}`) and `/usr/lib/tmpfiles.d`. When the target's macro has another value, the message says which. Macros whose name starts with `_` (rpm's own) are not reported. The finding is at the path.)md",
            .why = R"md(The spec's own name for a directory hides the literal from `hardcoded-path` everywhere the macro is used, and pins the directory for every distribution: Kata's `%define LIBEXECDIR /usr/libexec` installs into `/usr/libexec` on SUSE Linux Enterprise 15, whose `%{_libexecdir}` is `/usr/lib`, and makes `%files` own `/usr/libexec` itself.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define LIBEXECDIR /usr/libexec

%description
An example package.

%files
%{LIBEXECDIR}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_libexecdir}/example
)md",
            .fix_safety = R"md(No fix: the macro may be used where a literal path is meant (a path inside the sources), so each use needs a look.)md",
            .reference = R"md(openSUSE *Packaging guidelines* (macros for paths); Fedora *Packaging guidelines*, "Macros"; rpm's `macros` file; rpmlint `hardcoded-library-path`.)md"},
    .check = check,
};

}  // namespace katalint::rules
