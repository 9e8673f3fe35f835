// owns-system-directory: %files lists a directory that the base system owns.
#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

// Directories owned by filesystem (or, for bash completions, by bash-completion). Conservative:
// only directories no application package may own.
constexpr std::array<std::string_view, 31> kSystemDirs = {
    "/",
    "/etc",
    "/usr",
    "/usr/bin",
    "/usr/sbin",
    "/usr/lib",
    "/usr/lib64",
    "/usr/libexec",
    "/usr/include",
    "/usr/share",
    "/usr/share/doc",
    "/usr/share/doc/packages",
    "/usr/share/info",
    "/usr/share/licenses",
    "/usr/share/locale",
    "/usr/share/man",
    "/usr/share/man/man1",
    "/usr/share/man/man5",
    "/usr/share/man/man8",
    "/usr/share/pkgconfig",
    "/usr/lib/systemd",
    "/usr/lib/systemd/system",
    "/usr/lib/tmpfiles.d",
    "/usr/lib/sysusers.d",
    "/usr/share/bash-completion",
    "/usr/share/bash-completion/completions",
    "/var",
    "/var/lib",
    "/var/log",
    "/run",
    "/opt",
};

// The last component of each, which a %files path must end in to name one of them.
constexpr auto kLastComponents = [] {
  std::array<std::string_view, kSystemDirs.size()> names{};
  for (std::size_t i = 0; i < kSystemDirs.size(); ++i) names[i] = kSystemDirs[i].substr(kSystemDirs[i].rfind('/') + 1);
  return names;
}();

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The profile's values looked up so far: the same directory macros recur on every line.
using ProfileValues = std::map<std::string, std::optional<std::string>, std::less<>>;

// Expands %{NAME} and %NAME from the spec's simple definitions and the profile; nullopt when a
// macro is left.
std::optional<std::string> expand(const Context& ctx, const std::map<std::string, std::string, std::less<>>& defs,
                                  ProfileValues& profile, std::string_view text) {
  std::string s(text);
  for (int round = 0; round < 5; ++round) {
    const std::size_t at = s.find('%');
    if (at == std::string::npos) return s;
    std::size_t name_begin = at + 1;
    std::size_t end = 0;
    if (name_begin < s.size() && s[name_begin] == '{') {
      ++name_begin;
      end = s.find('}', name_begin);
      if (end == std::string::npos) return std::nullopt;
    } else {
      end = name_begin;
      while (end < s.size() && name_char(s[end])) ++end;
    }
    const std::string name = s.substr(name_begin, end - name_begin);
    std::string value;
    if (auto it = defs.find(name); it != defs.end()) {
      value = it->second;
    } else {
      auto p = profile.find(name);
      if (p == profile.end()) p = profile.emplace(name, ctx.profile_value(name)).first;
      if (!p->second) return std::nullopt;
      value = *p->second;
    }
    s.replace(at, (s[at + 1] == '{' ? end + 1 : end) - at, value);
  }
  return s.find('%') == std::string::npos ? std::optional<std::string>(s) : std::nullopt;
}

// False when expanding `token` cannot give a system directory: expand() leaves the name after
// the last '/' as written when no macro reaches into it, and no system directory ends in it.
bool may_name_system_dir(std::string_view token) {
  while (token.size() > 1 && token.back() == '/') token.remove_suffix(1);
  const std::size_t slash = token.rfind('/');
  if (slash == std::string_view::npos) return true;
  const std::string_view name = token.substr(slash + 1);
  if (name.find_first_of("%{}") != std::string_view::npos) return true;
  return std::find(kLastComponents.begin(), kLastComponents.end(), name) != kLastComponents.end();
}

// The packages that own these directories list them on purpose.
bool owner(const Context& ctx, std::string_view dir) {
  if (ctx.package == nullptr) return false;
  const std::string_view name = ctx.package->name;
  if (name == "filesystem") return true;
  if (name == "bash-completion") return starts_with(dir, "/usr/share/bash-completion");
  if (name == "systemd") return starts_with(dir, "/usr/lib/systemd") || dir == "/usr/lib/tmpfiles.d" ||
                                dir == "/usr/lib/sysusers.d";
  return false;
}

void check(const Context& ctx, Reporter& out) {
  std::map<std::string, std::string, std::less<>> defs;
  ProfileValues profile;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::MacroDefinition) return;
    const std::string_view t = spec_support::trim(line.text);
    std::size_t i = 0;
    if (starts_with(t, "%define"))
      i = 7;
    else if (starts_with(t, "%global"))
      i = 7;
    else
      return;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    std::size_t e = i;
    while (e < t.size() && name_char(t[e])) ++e;
    if (e == i || (e < t.size() && t[e] != ' ' && t[e] != '\t')) return;
    defs[std::string(t.substr(i, e - i))] = std::string(spec_support::trim(t.substr(e)));
  });
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.section != "files" || line.kind == rpmspec::SyntaxKind::SectionHeader) return;
    const std::string_view t = line.text;
    std::size_t i = 0;
    for (;;) {
      while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
      if (i >= t.size() || t[i] != '%') break;
      std::size_t e = i + 1;
      while (e < t.size() && name_char(t[e])) ++e;
      const std::string_view directive = t.substr(i + 1, e - i - 1);
      if (directive != "dir" && directive != "attr" && directive != "config" && directive != "verify" &&
          directive != "ghost")
        break;  // a path macro, %doc, %license, %exclude, %defattr...
      if (e < t.size() && t[e] == '(') {
        const std::size_t close = t.find(')', e);
        if (close == std::string_view::npos) return;
        e = close + 1;
      }
      i = e;
    }
    if (i >= t.size()) return;
    if (t[i] == '%') {
      std::size_t e = i + 1;
      while (e < t.size() && name_char(t[e])) ++e;
      const std::string_view d = t.substr(i + 1, e - i - 1);
      if (d == "doc" || d == "license" || d == "exclude" || d == "defattr" || d == "lang" || d == "docdir") return;
    }
    std::size_t e = i;
    bool glob = false;
    for (; e < t.size() && t[e] != ' ' && t[e] != '\t'; ++e) glob = glob || t[e] == '*' || t[e] == '?' || t[e] == '[';
    const std::string_view token = t.substr(i, e - i);
    if (glob || !may_name_system_dir(token)) return;
    std::optional<std::string> path = expand(ctx, defs, profile, token);
    if (!path) return;
    while (path->size() > 1 && path->back() == '/') path->pop_back();
    for (const std::string_view dir : kSystemDirs) {
      if (*path != dir || owner(ctx, dir)) continue;
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(i), token.size()),
                 fmt::format("the package would own the system directory '{}'", dir));
      return;
    }
  });
}

}  // namespace

extern const RuleInfo owns_system_directory;  // listed in rules/rules.def
constinit const RuleInfo owns_system_directory{
    .id = "owns-system-directory",
    .severity = ir::Severity::Error,
    .summary = "%files lists a directory that the base system owns",
    .aliases = "standard-dir-owned-by-package",
    .doc = {.what = R"md(Reports a `%files` entry (plain or with `%dir`, `%attr`, `%config`) that names, after expanding the spec's own simple `%define`/`%global` macros and the target's path macros, a directory of the base system: `/usr/bin`, `/usr/sbin`, `/usr/lib`, `/usr/lib64`, `/usr/libexec`, `/usr/include`, `/usr/share` and its `doc`, `info`, `licenses`, `locale`, `man`, `man/man1`, `man/man5`, `man/man8`, `pkgconfig`, `/usr/lib/systemd`, `%{_unitdir}`, `/usr/lib/tmpfiles.d`, `/usr/lib/sysusers.d`, `/usr/share/bash-completion` and its `completions`, `/etc`, `/usr`, `/var`, `/var/lib`, `/var/log`, `/run`, `/opt` and `/`. A trailing `/` does not matter. Entries with glob characters are not checked, nor the owners' own specs (`filesystem`, `bash-completion`, `systemd` for its directories). The finding is at the entry's path.)md",
            .why = R"md(A directory listed without `%dir` takes everything below it into the package; with `%dir` the package still claims a directory that `filesystem` (or `bash-completion`) owns, with its own mode, so removing the package or a conflicting mode can break the system. OBS and rpmlint report it (`standard-dir-owned-by-package`).)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_libexecdir}
%{_libexecdir}/example
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
            .fix_safety = R"md(No fix: deleting a plain directory entry can drop the files below it from the package; the entries that should replace it need a look.)md",
            .reference = R"md(rpmlint FilesCheck `standard-dir-owned-by-package`; openSUSE *Packaging guidelines*, "Directory ownership"; Fedora *Packaging guidelines*, "File and Directory Ownership".)md"},
    .check = check,
};

}  // namespace katalint::rules
