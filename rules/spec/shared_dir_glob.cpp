// shared-dir-glob: a %files wildcard over a shared system directory.
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  static constexpr std::array<std::string_view, 6> kDirs = {"_bindir", "_datadir", "_docdir",
                                                            "_includedir", "_mandir", "_libdir"};
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry ||
        tree.text_of(line.line).find("/*") == std::string_view::npos)
      return;
    for (NodeId c : tree.all_of(SyntaxKind::FilePath, line.line)) {
      const std::string_view path = trim(tree.text_of(c));
      for (std::string_view dir : kDirs) {
        if (!is_macro_dir_glob(path, dir)) continue;
        out.report(tree.range(c), fmt::format("{} packages everything in a directory other packages share; list "
                                              "the files",
                                              path));
        break;
      }
    }
  });
}

}  // namespace

extern const RuleInfo shared_dir_glob;  // listed in rules/rules.def
constinit const RuleInfo shared_dir_glob{
    .id = "shared-dir-glob",
    .severity = ir::Severity::Warning,
    .summary = "a %files wildcard over a shared system directory",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "shared-dir-glob-in-files",
    .doc = {.what = R"md(Reports the `%files` entries `%{_bindir}/*`, `%{_datadir}/*`, `%{_docdir}/*`, `%{_includedir}/*`, `%{_mandir}/*` and `%{_libdir}/*`.)md",
            .why = R"md(These directories are shared by every package. A wildcard over them packages whatever the build happens to install there, including files that belong to other packages or that a new upstream version adds unnoticed, and hides conflicts until install time.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_bindir}/*
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
%{_bindir}/example*
)md",
            .fix_safety = R"md(No fix: the list of files has to come from the build.)md",
            .reference = R"md(rpmlint `shared-dir-glob-in-files`.)md"},
    .check = check,
};

}  // namespace katalint::rules
