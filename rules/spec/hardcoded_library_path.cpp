// hardcoded-library-path: /usr/lib, /lib or %{_prefix}/lib where %{_libdir} is meant.
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Subdirectories of /usr/lib that are the same on every architecture.
constexpr std::array<std::string_view, 30> kArchIndependent = {
    "systemd",  "tmpfiles.d", "sysusers.d", "udev",      "modules-load.d", "firewalld",   "rpm",
    "modprobe.d", "sysctl.d", "environment.d", "binfmt.d", "modules",     "firmware",    "debug",
    "python",   "python2",    "python3",    "perl5",     "ruby",           "node_modules", "go",
    "mono",     "dracut",     "kernel",     "NetworkManager", "sddm",     "os-release",  "jvm",
    "locale",   "dkms"};

bool arch_independent(std::string_view component) {
  for (std::string_view d : kArchIndependent)
    if (component == d || (component.size() > d.size() && component.substr(0, d.size()) == d &&
                           (d == "python" || d == "python3")))
      return true;
  return false;
}

// rpmlint's boundaries: the path starts a word, a quoted string, an assignment or a group.
bool starts_path(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char c = text[at - 1];
  return c == ' ' || c == '\t' || c == '\'' || c == '"' || c == '=' || c == '(';
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const bool noarch = ctx.package && ctx.package->packages.size() == 1 && ctx.package->packages[0].arch == "noarch";
  for_each_line(ctx, [&](const LineInfo& line) {
    const bool files = line.section == "files" && tree.kind(line.line) == SyntaxKind::FileEntry;
    if (!files && !(line.shell && tree.kind(line.line) == SyntaxKind::BodyLine)) return;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (!files && trim(text).substr(0, 1) == "#") return;
    if (text.find("/lib") == std::string_view::npos) return;  // every prefix below ends in it
    for (std::string_view prefix : {"%{_prefix}/lib", "%_prefix/lib", "%{buildroot}/usr/lib", "$RPM_BUILD_ROOT/usr/lib",
                                    "/usr/lib", "/lib"}) {
      for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
        if (!starts_path(text, at)) continue;
        const std::size_t end = at + prefix.size();
        if (end < text.size() && text[end] != '/' && text[end] != ' ' && text[end] != '\t' && text[end] != '"' &&
            text[end] != '\'' && text[end] != ';')
          continue;  // /usr/lib64, /library, ...
        if (end < text.size() && text[end] == '/') {
          std::size_t stop = text.find_first_of("/ \t\"';", end + 1);
          if (stop == std::string_view::npos) stop = text.size();
          const std::string_view component = text.substr(end + 1, stop - end - 1);
          if (arch_independent(component)) continue;
          // A noarch package may keep its private files in /usr/lib/NAME.
          if (noarch && (component == "%{name}" || (ctx.package && component == ctx.package->name))) continue;
        }
        const auto begin = r.begin + static_cast<std::uint32_t>(at);
        auto d = out.report({tree.file, begin, begin + static_cast<std::uint32_t>(prefix.size())},
                            fmt::format("'{}' is hard-coded; use %{{_libdir}} (or %{{_prefix}}/lib for architecture-independent files)", prefix));
        note_branch(ctx, d, r.begin);
        return;  // one finding per line
      }
    }
  });
}

}  // namespace

extern const RuleInfo hardcoded_library_path;  // listed in rules/rules.def
constinit const RuleInfo hardcoded_library_path{
    .id = "hardcoded-library-path",
    .severity = ir::Severity::Warning,
    .summary = "a literal /usr/lib or /lib where the target's library directory is meant",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports `/usr/lib`, `/lib` and `%{_prefix}/lib` at the start of a path in build sections, shell scriptlets and `%files` (any branch), one finding per line. Directories that are the same on every architecture are exempt: `systemd`, `tmpfiles.d`, `sysusers.d`, `udev`, `modules-load.d`, `firewalld`, `rpm`, `modprobe.d`, `sysctl.d`, `firmware`, `modules`, `debug`, the Python, Perl, Ruby, Go and Node directories, and `/usr/lib/%{name}` in a noarch package.)md",
            .why = R"md(On 64-bit SUSE and Fedora the library directory is `/usr/lib64`; a hard-coded `/usr/lib` puts libraries where the dynamic linker does not look, or makes the package differ between architectures. rpmlint reports it as an error and openSUSE filters it for its false positives, so katalint keeps it a warning with a list of exceptions.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
install -D -m 0755 libexample.so.1 %{buildroot}/usr/lib/libexample.so.1

%files
/usr/lib/libexample.so.1
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
install -D -m 0755 libexample.so.1 %{buildroot}%{_libdir}/libexample.so.1
install -D -m 0644 example.service %{buildroot}/usr/lib/systemd/system/example.service

%files
%{_libdir}/libexample.so.1
/usr/lib/systemd/system/example.service
)md",
            .fix_safety = R"md(No fix: whether `%{_libdir}` or `%{_prefix}/lib` is right depends on what the directory holds.)md",
            .reference = R"md(rpmlint `hardcoded-library-path`; openSUSE *Packaging Conventions RPM Macros*; Fedora Packaging Guidelines, "Macros".)md"},
    .check = check,
};

}  // namespace katalint::rules
