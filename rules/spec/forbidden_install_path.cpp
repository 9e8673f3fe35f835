// forbidden-install-path: files packaged under /usr/local or /var/run.
#include <array>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Forbidden {
  std::string_view prefix;
  std::string_view dir;
};
constexpr std::array<Forbidden, 9> kForbidden = {{
    {"/usr/local", "/usr/local"},
    {"%{_prefix}/local", "/usr/local"},
    {"%_prefix/local", "/usr/local"},
    {"/var/run", "/var/run"},
    {"%{_localstatedir}/run", "/var/run"},
    {"%_localstatedir/run", "/var/run"},
    {"%{_var}/run", "/var/run"},
    {"%_var/run", "/var/run"},
    {"%{_usr}/local", "/usr/local"},
}};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    for (NodeId c : tree.all_of(SyntaxKind::FilePath, line.line)) {
      std::string_view path = tree.text_of(c);
      std::size_t skip = 0;
      if (!path.empty() && path.front() == '"') skip = 1;
      path = path.substr(skip);
      for (const Forbidden& f : kForbidden) {
        if (path.substr(0, f.prefix.size()) != f.prefix) continue;
        const std::size_t end = f.prefix.size();
        if (end < path.size() && path[end] != '/' && path[end] != '"' && path[end] != '*') continue;
        const std::uint32_t begin = tree.node(c).begin + static_cast<std::uint32_t>(skip);
        out.report({tree.file, begin, begin + static_cast<std::uint32_t>(f.prefix.size())},
                   f.dir == "/usr/local"
                       ? std::string("/usr/local belongs to the local administrator; packages must not install there")
                       : std::string("/var/run is a symlink to /run; package the runtime directory with "
                                     "tmpfiles.d in %{_rundir}"));
        break;
      }
    }
  });
}

}  // namespace

extern const RuleInfo forbidden_install_path;  // listed in rules/rules.def
constinit const RuleInfo forbidden_install_path{
    .id = "forbidden-install-path",
    .severity = ir::Severity::Error,
    .summary = "files packaged under /usr/local or /var/run",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "dir-or-file-in-usr-local dir-or-file-in-var-run",
    .doc = {.what = R"md(Reports `%files` entries under `/usr/local` or `/var/run`, written literally or with `%{_prefix}`, `%{_localstatedir}` or `%{_var}`.)md",
            .why = R"md(The FHS reserves `/usr/local` for the local administrator, so a package must not put files there. `/var/run` is a symlink to `/run`, a tmpfs that is empty at every boot: files packaged there disappear, and rpm reports conflicts between the symlink and the packaged directory.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
/usr/local/bin/example
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
%{_bindir}/example
)md",
            .fix_safety = R"md(No fix: where the files belong depends on what they are (`%{_bindir}`, a tmpfiles.d entry for `/run`, ...).)md",
            .reference = R"md(rpmlint `dir-or-file-in-usr-local`, `dir-or-file-in-var-run`; Filesystem Hierarchy Standard 3.0.)md"},
    .check = check,
};

}  // namespace katalint::rules
