// unowned-directory: files under %{_datadir}/%{name} (and the like) while no entry owns the
// directory itself.
#include <map>
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// "P/NAME" when `path` is "P/NAME/more" for a package-private prefix P, else "".
std::string private_dir(std::string_view path, std::string_view package_name) {
  for (std::string_view prefix : {"%{_datadir}/", "%{_libdir}/", "%{_sysconfdir}/", "%{_libexecdir}/",
                                  "%{_localstatedir}/lib/", "%{_prefix}/lib/"}) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = path.substr(prefix.size());
    const std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos || slash + 1 >= rest.size()) return {};
    const std::string_view component = rest.substr(0, slash);
    if (component == "%{name}" || (!package_name.empty() && component == package_name))
      return std::string(path.substr(0, prefix.size() + slash));
  }
  return {};
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const std::string name = ctx.package ? ctx.package->name : std::string();
  std::set<std::string> owned;
  std::map<std::string, std::pair<NodeId, NodeId>> first_file;  // dir -> (path, line)
  std::vector<std::string> order;
  bool opaque = false;  // -f file lists may own anything
  for (NodeId h : section_headers(ctx, "files"))
    for (NodeId c : tree.children(h))
      if (tree.kind(c) == SyntaxKind::SectionOption && tree.child(c, SyntaxKind::Option) != rpmspec::kNoNode &&
          tree.text_of(tree.child(c, SyntaxKind::Option)) == "-f")
        opaque = true;
  if (opaque) return;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    for (NodeId p : tree.all_of(SyntaxKind::FilePath, line.line)) {
      std::string_view path = trim(tree.text_of(p));
      if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
      owned.insert(std::string(path));
      const std::string dir = private_dir(path, name);
      if (!dir.empty() && !first_file.count(dir)) {
        first_file[dir] = {p, line.line};
        order.push_back(dir);
      }
    }
  });
  for (const std::string& dir : order) {
    if (owned.count(dir)) continue;
    const auto [path, line] = first_file[dir];
    auto d = out.report(tree.range(path), fmt::format("{} is not owned by any package: add '%dir {}'", dir, dir));
    const std::uint32_t at = tree.node(line).begin;
    d.fix(fmt::format("add %dir {}", dir), ir::Applicability::Safe, {{{tree.file, at, at}, fmt::format("%dir {}\n", dir)}});
    note_branch(ctx, d, at);
  }
}

}  // namespace

extern const RuleInfo unowned_directory;  // listed in rules/rules.def
constinit const RuleInfo unowned_directory{
    .id = "unowned-directory",
    .severity = ir::Severity::Warning,
    .summary = "a package-private directory that no %files entry owns",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a package's own directory (`%{_datadir}/%{name}`, `%{_libdir}/%{name}`, `%{_sysconfdir}/%{name}`, `%{_libexecdir}/%{name}`, `%{_localstatedir}/lib/%{name}`, `%{_prefix}/lib/%{name}`, also with the literal name) when `%files` (any branch, any package) lists files below it but neither a `%dir` entry nor the directory itself. Specs with `%files -f` lists are not checked.)md",
            .why = R"md(A directory no package owns stays behind after removal and has no defined permissions; OBS's post-build check reports "directories not owned by a package".)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_datadir}/%{name}/data.xml
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
%dir %{_datadir}/%{name}
%{_datadir}/%{name}/data.xml
)md",
            .fix_safety = R"md(Safe: the package then owns the directory it fills; nothing else is packaged.)md",
            .reference = R"md(openSUSE *Packaging guidelines* (file ownership); OBS post-build checks; Fedora Packaging Guidelines, "File and Directory Ownership".)md"},
    .check = check,
};

}  // namespace katalint::rules
