// devel-file-in-non-devel: headers, static libraries, unversioned .so links and .pc files in a
// package not named *-devel; .la files anywhere.
#include <optional>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What makes `path` (as written) a development file, or "".
std::string_view devel_kind(std::string_view path) {
  if (path.find("%{_includedir}") == 0 || path.find("/usr/include/") == 0) return "a header";
  if (path.find("/pkgconfig/") != std::string_view::npos && ends_with(path, ".pc")) return "a pkg-config file";
  if (ends_with(path, ".a") && path.find("lib") != std::string_view::npos) return "a static library";
  if (ends_with(path, ".so") && path.find("/lib") != std::string_view::npos) return "an unversioned shared-library link";
  if (path.find("%{_libdir}/") == 0 && ends_with(path, ".so")) return "an unversioned shared-library link";
  return {};
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const std::string main_name = ctx.package ? ctx.package->name : std::string();
  // The package of the current %files section, worked out once per section.
  std::optional<NodeId> package_header;
  std::string package;
  bool devel = false;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    if (package_header != line.header) {
      package_header = line.header;
      package = section_package(ctx, line.header);
      if (package.empty()) package = main_name;
      devel = ends_with(package, "-devel") || package.find("-devel-") != std::string::npos ||
              ends_with(package, "-devel-static") || package.find("%") != std::string::npos;
    }
    if (tree.text_of(line.line).find("%ghost") != std::string_view::npos) return;
    for (NodeId path : tree.all_of(SyntaxKind::FilePath, line.line)) {
      const std::string_view p = trim(tree.text_of(path));
      if (ends_with(p, ".la")) {
        auto d = out.report(tree.range(path), "a libtool archive (.la); remove it in %install, no package needs it");
        note_branch(ctx, d, tree.node(line.line).begin);
        continue;
      }
      const std::string_view kind = devel_kind(p);
      if (kind.empty() || devel) continue;
      auto d = out.report(tree.range(path), fmt::format("{} in '{}', which is not a -devel package", kind, package));
      note_branch(ctx, d, tree.node(line.line).begin);
    }
  });
}

}  // namespace

extern const RuleInfo devel_file_in_non_devel;  // listed in rules/rules.def
constinit const RuleInfo devel_file_in_non_devel{
    .id = "devel-file-in-non-devel",
    .severity = ir::Severity::Warning,
    .summary = "headers, static or unversioned shared libraries outside a -devel package",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "devel-file-in-non-devel-package",
    .doc = {.what = R"md(Reports, in the `%files` of a package whose name does not end in `-devel` (any branch): headers under `%{_includedir}`, pkg-config files, static libraries (`lib*.a`) and unversioned `lib*.so` links. Libtool archives (`*.la`) are reported in every package.)md",
            .why = R"md(Development files pull compilers' needs into runtime installs and make library packages conflict across versions; the shared-library policies of openSUSE and Fedora put them in `-devel`. `.la` files break linking when the library moves and are removed by both distributions.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_libdir}/libexample.so.1
%{_libdir}/libexample.so
%{_includedir}/example.h
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package devel
Summary:        Development files for example
Requires:       example = %{version}

%description devel
Development files for example.

%files
%{_libdir}/libexample.so.1

%files devel
%{_libdir}/libexample.so
%{_includedir}/example.h
)md",
            .fix_safety = R"md(No fix: a -devel package has to be created and the files moved by hand.)md",
            .reference = R"md(openSUSE *Shared library packaging policy*; Fedora Packaging Guidelines, "Devel packages"; rpmlint `devel-file-in-non-devel-package` (built packages).)md"},
    .check = check,
};

}  // namespace katalint::rules
