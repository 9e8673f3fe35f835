// python-sitelib-glob: %{python_sitelib}/* or %{python_sitearch}/* in %files.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry ||
        tree.text_of(line.line).find("/*") == std::string_view::npos)
      return;
    for (NodeId path : tree.all_of(SyntaxKind::FilePath, line.line)) {
      const std::string_view text = trim(tree.text_of(path));
      for (std::string_view dir : {"python_sitelib", "python_sitearch", "python3_sitelib", "python3_sitearch"}) {
        if (!is_macro_dir_glob(text, dir)) continue;
        auto d = out.report(tree.range(path),
                            fmt::format("{} owns everything in the python site directory; list the module and its metadata", text));
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo python_sitelib_glob;  // listed in rules/rules.def
constinit const RuleInfo python_sitelib_glob{
    .id = "python-sitelib-glob",
    .severity = ir::Severity::Warning,
    .summary = "a glob over the whole python site directory in %files",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "python-sitelib-glob-in-files",
    .doc = {.what = R"md(Reports `%{python_sitelib}/*` and `%{python_sitearch}/*` (also the `python3_` forms) as `%files` entries, in any branch.)md",
            .why = R"md(The glob packages whatever the build installed into the shared site directory, including files of other modules, tests or stray directories; a new upstream module slips in unnoticed. List the module directory and its `.dist-info`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%files
%{python_sitelib}/*
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch

%description
An example package.

%files
%{python_sitelib}/example
%{python_sitelib}/example-%{version}.dist-info
)md",
            .fix_safety = R"md(No fix: the module name is not in the spec, and a guessed one fails the build when it is wrong. spec-cleaner guesses it from the package name; katalint does not.)md",
            .reference = R"md(rpmlint `python-sitelib-glob-in-files`; Fedora Python packaging guidelines ("Do not use a glob for the whole site-packages").)md"},
    .check = check,
};

}  // namespace katalint::rules
