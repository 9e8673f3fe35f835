// prefer-pkgconfig-buildrequires: BuildRequires: X-devel where a pkgconfig(...) name is known.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Mapping {
  std::string_view devel, pkgconfig;
};

// katalint's own table: openSUSE -devel packages and the .pc file each of them ships.
constexpr Mapping kMappings[] = {
    {"dbus-1-devel", "pkgconfig(dbus-1)"},        {"fuse-devel", "pkgconfig(fuse)"},
    {"fuse3-devel", "pkgconfig(fuse3)"},          {"glib2-devel", "pkgconfig(glib-2.0)"},
    {"gtk3-devel", "pkgconfig(gtk+-3.0)"},        {"json-c-devel", "pkgconfig(json-c)"},
    {"libcap-devel", "pkgconfig(libcap)"},        {"libcurl-devel", "pkgconfig(libcurl)"},
    {"libexpat-devel", "pkgconfig(expat)"},       {"libffi-devel", "pkgconfig(libffi)"},
    {"libmount-devel", "pkgconfig(mount)"},       {"libseccomp-devel", "pkgconfig(libseccomp)"},
    {"libselinux-devel", "pkgconfig(libselinux)"}, {"libuuid-devel", "pkgconfig(uuid)"},
    {"libxml2-devel", "pkgconfig(libxml-2.0)"},   {"libyaml-devel", "pkgconfig(yaml-0.1)"},
    {"libzstd-devel", "pkgconfig(libzstd)"},      {"ncurses-devel", "pkgconfig(ncurses)"},
    {"openssl-devel", "pkgconfig(openssl)"},      {"pcre2-devel", "pkgconfig(libpcre2-8)"},
    {"sqlite3-devel", "pkgconfig(sqlite3)"},      {"systemd-devel", "pkgconfig(libsystemd)"},
    {"xz-devel", "pkgconfig(liblzma)"},           {"zlib-devel", "pkgconfig(zlib)"},
};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !tag_is(tree, line.line, "buildrequires")) return;
    for (NodeId dep : tree.all_of(SyntaxKind::Dependency, line.line)) {
      const NodeId name = tree.child(dep, SyntaxKind::DependencyName);
      if (name == rpmspec::kNoNode) continue;
      // A versioned requirement names the package's version, not the .pc file's: keep it.
      if (tree.child(dep, SyntaxKind::DependencyOperator) != rpmspec::kNoNode) continue;
      const std::string_view n = trim(tree.text_of(name));
      for (const Mapping& m : kMappings) {
        if (n != m.devel) continue;
        auto d = out.report(tree.range(name), fmt::format("BuildRequires {} can be {}, which follows the library if it moves", n, m.pkgconfig));
        d.fix(fmt::format("use {}", m.pkgconfig), ir::Applicability::Safe, {{tree.range(name), std::string(m.pkgconfig)}});
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo prefer_pkgconfig_buildrequires;  // listed in rules/rules.def
constinit const RuleInfo prefer_pkgconfig_buildrequires{
    .id = "prefer-pkgconfig-buildrequires",
    .severity = ir::Severity::Info,
    .summary = "a -devel BuildRequires where the pkgconfig() name is known",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports an unversioned `BuildRequires: X-devel` (any branch) for which katalint's table knows the `pkgconfig(...)` name the package provides, e.g. `systemd-devel` → `pkgconfig(libsystemd)`, `zlib-devel` → `pkgconfig(zlib)`, `openssl-devel` → `pkgconfig(openssl)` (24 entries).)md",
            .why = R"md(openSUSE prefers `pkgconfig()` BuildRequires: they keep working when a library is renamed or split (as systemd-devel was for libsystemd), and they say what the build really uses. openSUSE's packaging news asked for `pkgconfig(libsystemd)` in 2020.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  systemd-devel

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
BuildRequires:  pkgconfig(libsystemd)

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: each pkgconfig() name in the table is provided by the -devel package it replaces on openSUSE, so the build root gets the same files. Versioned requirements are left alone, since the .pc file's version may differ from the package's.)md",
            .reference = R"md(openSUSE *News in openSUSE Packaging* (2020-11-23); spec-cleaner's pkgconfig conversion (whose GPL data katalint does not copy).)md"},
    .check = check,
};

}  // namespace katalint::rules
