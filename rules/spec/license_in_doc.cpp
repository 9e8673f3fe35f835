// license-in-doc: a license file listed with %doc instead of %license.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool license_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string base = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  for (std::string_view prefix : {"copying", "licence", "license", "copyright"})
    if (base.substr(0, prefix.size()) == prefix) return true;
  return base == "notice" || base == "notice.txt" || base == "notice.md";
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    NodeId doc = rpmspec::kNoNode;
    for (NodeId d : tree.children(line.line)) {
      if (tree.kind(d) != SyntaxKind::FileDirective) continue;
      const NodeId kw = tree.child(d, SyntaxKind::Keyword);
      if (kw == rpmspec::kNoNode) continue;
      if (tree.text_of(kw) == "%doc") doc = d;
      else return;  // %attr, %lang, ... with %doc: leave the line to the author
    }
    if (doc == rpmspec::kNoNode || tree.child(doc, SyntaxKind::FileDirectiveArgs) != rpmspec::kNoNode) return;
    std::vector<NodeId> paths = tree.find_all(SyntaxKind::FilePath, line.line), licenses;
    std::string others;
    for (NodeId p : paths) {
      if (license_name(tree.text_of(p))) licenses.push_back(p);
      else others += " " + std::string(tree.text_of(p));
    }
    if (licenses.empty()) return;
    std::string names;
    for (NodeId p : licenses) names += (names.empty() ? "" : " ") + std::string(tree.text_of(p));
    const ir::Range whole = without_newline(tree, line.line);
    const std::string replacement =
        others.empty() ? "%license " + names : "%doc" + others + "\n%license " + names;
    auto d = out.report(tree.range(licenses.front()), fmt::format("{} is a license file; list it with %license", names));
    d.fix("list it with %license", ir::Applicability::Safe, {{whole, replacement}});
    note_branch(ctx, d, whole.begin);
  });
}

}  // namespace

extern const RuleInfo license_in_doc;  // listed in rules/rules.def
constinit const RuleInfo license_in_doc{
    .id = "license-in-doc",
    .severity = ir::Severity::Warning,
    .summary = "a license file listed with %doc instead of %license",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `%doc` entries in `%files` (any branch) that name a license file: `COPYING*`, `LICENSE*`, `LICENCE*`, `COPYRIGHT*`, `NOTICE`.)md",
            .why = R"md(`%license` files are installed even with `--excludedocs` (container images, minimal installs), where the license must still ship. Fedora's licensing guidelines and openSUSE's packaging guidelines ask for `%license`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%doc README.md COPYING
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
%doc README.md
%license COPYING
)md",
            .fix_safety = R"md(Safe: the file is still packaged, in the license directory, and is no longer dropped by `--excludedocs`. Lines with other attributes (`%attr`, `%lang`) are left alone.)md",
            .reference = R"md(Fedora *Licensing Guidelines* (`%license`); openSUSE *Packaging guidelines*; spec-cleaner moves these files.)md"},
    .check = check,
};

}  // namespace katalint::rules
