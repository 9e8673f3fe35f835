// build-checks-disabled: a spec that turns off debuginfo or rpm's and OBS's post-build checks.
#include <fmt/core.h>

#include <array>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

struct Switch {
  std::string_view macro;
  std::string_view value;  // the value that disables; "*" for %undefine only
};

// Definitions that disable a check: the macro and the value that turns it off ("" = empty).
constexpr std::array<Switch, 7> kSwitches = {{
    {"debug_package", "%{nil}"},
    {"_unpackaged_files_terminate_build", "0"},
    {"_missing_build_ids_terminate_build", "0"},
    {"__os_install_post", "%{nil}"},
    {"__os_install_post", ""},
    {"__strip", "/bin/true"},
    {"__debug_install_post", "%{nil}"},
}};

// Checks whose undefinition disables them.
constexpr std::array<std::string_view, 2> kUndefined = {
    "_missing_build_ids_terminate_build", "_unpackaged_files_terminate_build"};

// OBS packages whose #!BuildIgnore removes a check from the build.
constexpr std::array<std::string_view, 4> kCheckPackages = {"post-build-checks", "rpmlint", "rpmlint-mini",
                                                            "brp-check-suse"};

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
    const std::string_view t = line.text;
    std::size_t i = skip_blanks(t, 0);
    if (starts_with(t.substr(i), "#!BuildIgnore:")) {
      i += 14;
      while (i < t.size()) {
        i = skip_blanks(t, i);
        std::size_t e = i;
        while (e < t.size() && t[e] != ' ' && t[e] != '\t' && t[e] != ',') ++e;
        const std::string_view name = t.substr(i, e - i);
        for (const std::string_view p : kCheckPackages)
          if (name == p)
            out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(i), name.size()),
                       fmt::format("'#!BuildIgnore: {}' turns off the build's package checks", name));
        i = e + 1;
      }
      return;
    }
    if (line.kind != rpmspec::SyntaxKind::MacroDefinition && line.kind != rpmspec::SyntaxKind::BodyLine) return;
    if (t.substr(i, 1) != "%") return;
    const std::size_t kw_end = word_end(t, i);
    const std::string_view keyword = t.substr(i, kw_end - i);
    const std::size_t name_begin = skip_blanks(t, kw_end);
    const std::size_t name_end = word_end(t, name_begin);
    const std::string_view name = t.substr(name_begin, name_end - name_begin);
    const ir::Range at = range_at(ctx, line.begin + static_cast<std::uint32_t>(name_begin), name.size());
    if (keyword == "%undefine") {
      for (const std::string_view u : kUndefined)
        if (name == u) out.report(at, fmt::format("'%undefine {}' turns off an rpm build check", name));
      return;
    }
    if (keyword != "%global" && keyword != "%define") return;
    std::string_view value = spec_support::trim(t.substr(name_end));
    if (value == "%nil") value = "%{nil}";
    for (const Switch& s : kSwitches) {
      if (name != s.macro || value != s.value) continue;
      if (name == "debug_package")
        out.report(at, "debuginfo packages are disabled; let the build create them");
      else
        out.report(at, fmt::format("'{}' is set to '{}', which turns off an rpm build check", name, value));
      return;
    }
  });
}

}  // namespace

extern const RuleInfo build_checks_disabled;  // listed in rules/rules.def
constinit const RuleInfo build_checks_disabled{
    .id = "build-checks-disabled",
    .severity = ir::Severity::Warning,
    .summary = "the spec turns off debuginfo or the build's package checks",
    .families = kSuse,
    .doc = {.what = R"md(Reports definitions that switch off what the build checks or produces: `%global debug_package %{nil}`, `%define _unpackaged_files_terminate_build 0`, `%define _missing_build_ids_terminate_build 0` and `%undefine` of either, `__os_install_post` or `__debug_install_post` set to `%{nil}`, `%define __strip /bin/true`, and OBS's `#!BuildIgnore:` of `post-build-checks`, `rpmlint`, `rpmlint-mini` or `brp-check-suse`. The finding is at the macro or package name.)md",
            .why = R"md(These switches hide real problems instead of fixing them: unpackaged files, binaries without build ids, unstripped binaries, no debuginfo for crash reports, and none of the post-build checks a devel project and Factory rely on. A package that needs one should say why in a comment and keep it as narrow as possible.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global debug_package %{nil}

%description
An example package.

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

%files
)md",
            .fix_safety = R"md(No fix: removing the switch can make the build fail until the problem it hid is fixed.)md",
            .reference = R"md(openSUSE *Packaging guidelines* (debuginfo, post-build checks); rpm's `macros` file (`_unpackaged_files_terminate_build`, `_missing_build_ids_terminate_build`, `__os_install_post`).)md"},
    .check = check,
};

}  // namespace katalint::rules
