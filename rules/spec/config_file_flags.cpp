// config-file-flags: files under /etc without %config, and %config without (noreplace).
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool under_etc(std::string_view path) {
  for (std::string_view etc : {"%{_sysconfdir}/", "%_sysconfdir/", "/etc/"})
    if (path.substr(0, etc.size()) == etc) {
      const std::string_view rest = path.substr(etc.size());
      // Completion scripts and init scripts are code, not configuration.
      return rest.substr(0, 17) != "bash_completion.d" && rest.substr(0, 7) != "init.d/" && !rest.empty() &&
             path.back() != '/';
    }
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    NodeId config = rpmspec::kNoNode;
    bool noreplace = false;
    for (NodeId d : tree.children(line.line)) {
      if (tree.kind(d) != SyntaxKind::FileDirective) continue;
      const NodeId kw = tree.child(d, SyntaxKind::Keyword);
      const std::string_view k = kw == rpmspec::kNoNode ? std::string_view() : tree.text_of(kw);
      if (k == "%dir" || k == "%ghost" || k == "%doc" || k == "%license" || k == "%exclude") return;
      if (k == "%config") {
        config = d;
        const NodeId args = tree.child(d, SyntaxKind::FileDirectiveArgs);
        noreplace = args != rpmspec::kNoNode && tree.text_of(args).find("noreplace") != std::string_view::npos;
        if (args != rpmspec::kNoNode && tree.text_of(args).find("missingok") != std::string_view::npos) noreplace = true;
      }
    }
    const auto paths = tree.all_of(SyntaxKind::FilePath, line.line);
    if (paths.empty() || !under_etc(trim(tree.text_of(paths.front())))) return;
    const NodeId path = paths.front();
    if (config == rpmspec::kNoNode) {
      auto d = out.report(tree.range(path), fmt::format("{} is under /etc but not marked %config; an update overwrites local changes",
                                                        trim(tree.text_of(path))));
      const std::uint32_t at = tree.node(path).begin;
      d.fix("mark it %config(noreplace)", ir::Applicability::Unsafe, {{{tree.file, at, at}, "%config(noreplace) "}});
      note_branch(ctx, d, at);
    } else if (!noreplace) {
      auto d = out.report(tree.range(config), "%config without (noreplace) replaces a locally changed file and keeps it as .rpmsave");
      if (ctx.family == Family::Suse) d.severity(ir::Severity::Info);  // openSUSE's rpmlint filters this part
      if (tree.child(config, SyntaxKind::FileDirectiveArgs) == rpmspec::kNoNode)
        d.fix("use %config(noreplace)", ir::Applicability::Unsafe, {{tree.range(config), "%config(noreplace)"}});
      note_branch(ctx, d, tree.node(line.line).begin);
    }
  });
}

}  // namespace

extern const RuleInfo config_file_flags;  // listed in rules/rules.def
constinit const RuleInfo config_file_flags{
    .id = "config-file-flags",
    .severity = ir::Severity::Warning,
    .summary = "a file under /etc without %config, or %config without (noreplace)",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Unsafe,
    .aliases = "non-conffile-in-etc conffile-without-noreplace-flag",
    .doc = {.what = R"md(Reports `%files` entries (any branch) under `%{_sysconfdir}` or `/etc` that are not marked `%config`, and `%config` entries there without `(noreplace)` (info with a SUSE target, whose rpmlint configuration filters that part). Directories, `%dir`, `%ghost`, `%doc`, `bash_completion.d` and `init.d` are exempt.)md",
            .why = R"md(Without `%config` an update silently overwrites the administrator's changes. Plain `%config` replaces a changed file with the new one and keeps the old as `.rpmsave`, so the service runs with defaults after an update; `%config(noreplace)` keeps the local file and writes `.rpmnew`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_sysconfdir}/example.conf
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
%config(noreplace) %{_sysconfdir}/example.conf
)md",
            .fix_safety = R"md(Unsafe: `%config(noreplace)` changes what updates do with the file; some files under /etc are not meant to be edited, and there plain replacement is right.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Configuration files"; rpmlint `non-conffile-in-etc`, `conffile-without-noreplace-flag` (built packages).)md"},
    .check = check,
};

}  // namespace katalint::rules
