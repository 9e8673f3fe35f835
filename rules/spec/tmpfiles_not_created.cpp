// tmpfiles-not-created: a tmpfiles.d file in %files whose %post does not create its entries.
#include <map>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool tmpfiles_conf(std::string_view path) {
  for (std::string_view dir : {"%{_tmpfilesdir}/", "%_tmpfilesdir/", "/usr/lib/tmpfiles.d/", "%{_prefix}/lib/tmpfiles.d/"})
    if (path.substr(0, dir.size()) == dir && path.size() > dir.size() + 5 && path.substr(path.size() - 5) == ".conf")
      return true;
  return false;
}

struct Post {
  NodeId header = rpmspec::kNoNode;
  bool creates = false;
};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::map<std::string, Post> posts;
  for (NodeId h : section_headers(ctx, "post")) {
    Post& p = posts[section_package(ctx, h)];
    if (p.header == rpmspec::kNoNode) p.header = h;
    const NodeId section = tree.node(h).parent;
    const std::string_view body = tree.text.substr(tree.node(h).end, tree.node(section).end - tree.node(h).end);
    if (body.find("tmpfiles_create") != std::string_view::npos || body.find("systemd-tmpfiles") != std::string_view::npos)
      p.creates = true;
  }
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    for (NodeId path : tree.all_of(SyntaxKind::FilePath, line.line)) {
      const std::string_view p = trim(tree.text_of(path));
      if (!tmpfiles_conf(p)) continue;
      const std::string package = section_package(ctx, line.header);
      const auto found = posts.find(package);
      if (found != posts.end() && found->second.creates) continue;
      auto d = out.report(tree.range(path), fmt::format("{} is installed but %post does not run %tmpfiles_create for it; "
                                                        "its directories exist only after a reboot", p));
      const std::string call = fmt::format("%tmpfiles_create {}\n", p);
      if (found != posts.end()) {
        // Into the existing shell %post, right after its header.
        if (section_interpreter(tree, found->second.header).empty()) {
          const std::uint32_t at = tree.node(found->second.header).end;
          d.fix("call %tmpfiles_create in %post", ir::Applicability::Safe, {{{tree.file, at, at}, call}});
        }
      } else {
        std::string spec_of;
        for (NodeId c : tree.children(line.header)) {
          if (tree.kind(c) == SyntaxKind::SectionName) spec_of = " " + std::string(trim(tree.text_of(c)));
          if (tree.kind(c) == SyntaxKind::SectionOption) {
            const NodeId flag = tree.child(c, SyntaxKind::Option);
            if (flag != rpmspec::kNoNode && tree.text_of(flag) == "-n") spec_of = " " + std::string(trim(tree.text_of(c)));
          }
        }
        const std::uint32_t at = tree.node(line.header).begin;
        d.fix("add a %post that calls %tmpfiles_create", ir::Applicability::Safe,
              {{{tree.file, at, at}, fmt::format("%post{}\n{}\n", spec_of, call)}});
      }
      note_branch(ctx, d, tree.node(line.line).begin);
    }
  });
}

}  // namespace

extern const RuleInfo tmpfiles_not_created;  // listed in rules/rules.def
constinit const RuleInfo tmpfiles_not_created{
    .id = "tmpfiles-not-created",
    .severity = ir::Severity::Warning,
    .summary = "a tmpfiles.d file whose directories are not created in %post",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "post-without-tmpfile-creation",
    .doc = {.what = R"md(Reports a `%{_tmpfilesdir}/NAME.conf` (or `/usr/lib/tmpfiles.d/NAME.conf`) in a package's `%files` (any branch) when that package's `%post` does not call `%tmpfiles_create` or `systemd-tmpfiles`. Directories under `/run` packaged without `%ghost` are reported by `forbidden-install-path`.)md",
            .why = R"md(systemd reads tmpfiles.d at boot; without `%tmpfiles_create` in `%post`, the directories and files the package needs exist only after the next reboot, and the service fails when started right after installation.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_tmpfilesdir}/example.conf
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%post
%tmpfiles_create %{_tmpfilesdir}/example.conf

%files
%{_tmpfilesdir}/example.conf
)md",
            .fix_safety = R"md(Safe: `%tmpfiles_create` only creates what the package's own tmpfiles.d file declares, which would happen at the next boot anyway. A `%post` with another interpreter (`-p`) gets no fix.)md",
            .reference = R"md(openSUSE *Systemd packaging guidelines* ("Creating files in /run"); Fedora Packaging Guidelines, "tmpfiles.d"; rpmlint#1234.)md"},
    .check = check,
};

}  // namespace katalint::rules
