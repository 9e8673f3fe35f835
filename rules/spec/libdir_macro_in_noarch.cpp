// libdir-macro-in-noarch: %{_libdir} or %{_lib} in the %files of a noarch package.
#include <algorithm>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  const SyntaxTree& tree = *ctx.spec;
  // The %files headers of the packages that are noarch for this target.
  std::vector<std::uint32_t> noarch_files;
  for (const auto& pkg : ctx.package->packages) {
    if (lower(trim(pkg.arch)) != "noarch") continue;
    for (const auto& list : pkg.files)
      if (list.range.file == ctx.file.id()) noarch_files.push_back(list.range.begin);
  }
  if (noarch_files.empty()) return;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || line.header == rpmspec::kNoNode || line.line == line.header) return;
    const std::uint32_t at = tree.node(line.header).begin;
    if (std::find(noarch_files.begin(), noarch_files.end(), at) == noarch_files.end()) return;
    if (tree.kind(line.line) == SyntaxKind::Comment) return;
    for (NodeId c : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view name = macro_name(tree, c);
      if (name != "_libdir" && name != "_lib") continue;
      out.report(tree.range(c), fmt::format("%{{{}}} in the files of a noarch package; it differs between "
                                            "architectures",
                                            name));
    }
  });
}

}  // namespace

extern const RuleInfo libdir_macro_in_noarch;  // listed in rules/rules.def
constinit const RuleInfo libdir_macro_in_noarch{
    .id = "libdir-macro-in-noarch",
    .severity = ir::Severity::Warning,
    .summary = "%{_libdir} or %{_lib} in the %files of a noarch package",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "libdir-macro-in-noarch-package",
    .doc = {.what = R"md(Reports `%{_libdir}` and `%{_lib}` in the `%files` list of a package that is `BuildArch: noarch`, package by package.)md",
            .why = R"md(A noarch package is built once and installed on every architecture, but `%{_libdir}` is `/usr/lib64` on some and `/usr/lib` on others. Either the package is not really noarch, or the files belong under `%{_prefix}/lib` or `%{_datadir}`.)md",
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
%{_libdir}/example/
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
%{_prefix}/lib/example/
)md",
            .fix_safety = R"md(No fix: whether the package should stop being noarch or the files should move depends on what they are.)md",
            .reference = R"md(rpmlint `libdir-macro-in-noarch-package`.)md"},
    .check = check,
};

}  // namespace katalint::rules
