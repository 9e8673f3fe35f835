// ldconfig-scriptlets: SUSE packages shipping versioned shared libraries need ldconfig in
// %post and %postun; Fedora runs it from a file trigger, so there the scriptlets are noise.
#include <algorithm>
#include <map>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool versioned_library(std::string_view path) {
  const bool libdir = path.substr(0, 10) == "%{_libdir}" || path.substr(0, 9) == "/usr/lib64" ||
                      path.substr(0, 8) == "%_libdir" || path.substr(0, 6) == "/lib64";
  const std::size_t slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return libdir && base.substr(0, 3) == "lib" && base.find(".so.") != std::string_view::npos;
}

struct PackageState {
  NodeId files = rpmspec::kNoNode;  // first %files header that lists a library
  std::vector<NodeId> post, postun;  // ldconfig scriptlet headers (or %ldconfig_scriptlets lines)
  bool other_post = false, other_postun = false;  // scriptlets that do something else
};

bool runs_ldconfig(const SyntaxTree& tree, NodeId header) {
  const std::string_view interp = section_interpreter(tree, header);
  if (interp == "/sbin/ldconfig" || interp == "/usr/sbin/ldconfig") return true;
  const NodeId section = tree.node(header).parent;
  for (NodeId n = header + 1; n < tree.node(section).subtree_end; ++n)
    if (is_line(tree, n) && tree.kind(n) == SyntaxKind::BodyLine &&
        (contains_word(tree.text_of(n), "ldconfig") || contains_word(tree.text_of(n), "run_ldconfig")))
      return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.family != Family::Suse && ctx.family != Family::Fedora) return;
  const SyntaxTree& tree = *ctx.spec;
  std::map<std::string, PackageState> packages;
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    if (tree.kind(n) == SyntaxKind::SectionHeader) {
      if (line.section == "post" || line.section == "postun") {
        auto& st = packages[section_package(ctx, n)];
        const bool post = line.section == "post";
        if (runs_ldconfig(tree, n)) (post ? st.post : st.postun).push_back(n);
        else (post ? st.other_post : st.other_postun) = true;
      }
      return;
    }
    if (tree.kind(n) == SyntaxKind::BodyLine) {
      const NodeId m = leading_macro(tree, n);
      if (m == rpmspec::kNoNode || macro_name(tree, m) != "ldconfig_scriptlets") return;
      // %ldconfig_scriptlets [-n NAME | NAME]
      const ir::Range r = without_newline(tree, n);
      std::string_view args = trim(tree.text.substr(tree.node(m).end, r.end - tree.node(m).end));
      std::string key;
      if (args.substr(0, 3) == "-n ") key = std::string(trim(args.substr(3)));
      else if (!args.empty()) key = (ctx.package ? ctx.package->name : std::string("%{name}")) + "-" + std::string(args);
      packages[key].post.push_back(n);
      packages[key].postun.push_back(n);
      return;
    }
    if (line.section == "files" && tree.kind(n) == SyntaxKind::FileEntry) {
      for (NodeId p : tree.all_of(SyntaxKind::FilePath, n))
        if (versioned_library(trim(tree.text_of(p)))) {
          auto& st = packages[section_package(ctx, line.header)];
          if (st.files == rpmspec::kNoNode) st.files = line.header;
        }
    }
  });
  for (const auto& [name, st] : packages) {
    if (ctx.family == Family::Fedora) {
      // File triggers in glibc run ldconfig since Fedora 28.
      std::vector<NodeId> seen;
      for (NodeId h : st.post) seen.push_back(h);
      for (NodeId h : st.postun)
        if (std::find(seen.begin(), seen.end(), h) == seen.end()) seen.push_back(h);
      for (NodeId h : seen) {
        auto d = out.report(without_newline(tree, h), "Fedora runs ldconfig from a file trigger; this scriptlet is not needed");
        d.severity(ir::Severity::Info);
        const bool empty_body = tree.kind(h) == SyntaxKind::BodyLine || !section_interpreter(tree, h).empty();
        if (empty_body) d.fix("remove it", ir::Applicability::Safe, {{tree.range(h), ""}});
        note_branch(ctx, d, tree.node(h).begin);
      }
      continue;
    }
    if (st.files == rpmspec::kNoNode || (!st.post.empty() && !st.postun.empty())) continue;
    // The scriptlet headers name the package the way its %files header does.
    std::string spec_of;
    for (NodeId c : tree.children(st.files)) {
      const SyntaxKind k = tree.kind(c);
      if (k == SyntaxKind::SectionName) spec_of = " " + std::string(trim(tree.text_of(c)));
      if (k == SyntaxKind::SectionOption) {
        const NodeId flag = tree.child(c, SyntaxKind::Option);
        if (flag != rpmspec::kNoNode && tree.text_of(flag) == "-n") spec_of = " " + std::string(trim(tree.text_of(c)));
      }
    }
    std::string insert;
    if (st.post.empty()) insert += fmt::format("%post{} -p /sbin/ldconfig\n", spec_of);
    if (st.postun.empty()) insert += fmt::format("%postun{} -p /sbin/ldconfig\n", spec_of);
    insert += "\n";
    // Insert right before the %files header, in the same branch: the package may exist only there.
    const std::uint32_t at = tree.node(st.files).begin;
    // A package with its own %post or %postun needs ldconfig added inside it, by hand.
    const bool fixable = !(st.post.empty() && st.other_post) && !(st.postun.empty() && st.other_postun);
    auto d = out.report(without_newline(tree, st.files),
                        fmt::format("{} ships versioned shared libraries but does not run ldconfig in {}",
                                    name.empty() ? std::string("the main package") : "'" + name + "'",
                                    st.post.empty() && st.postun.empty() ? "%post and %postun" : st.post.empty() ? "%post" : "%postun"));
    if (fixable) d.fix("add ldconfig scriptlets", ir::Applicability::Safe, {{{tree.file, at, at}, insert}});
    note_branch(ctx, d, tree.node(st.files).begin);
  }
}

}  // namespace

extern const RuleInfo ldconfig_scriptlets;  // listed in rules/rules.def
constinit const RuleInfo ldconfig_scriptlets{
    .id = "ldconfig-scriptlets",
    .severity = ir::Severity::Warning,
    .summary = "shared libraries without ldconfig scriptlets (SUSE), or ldconfig scriptlets Fedora does not need",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "library-without-ldconfig-postin library-without-ldconfig-postun",
    .doc = {.what = R"md(With a SUSE target: a package whose `%files` lists versioned shared libraries (`%{_libdir}/lib*.so.*`) and has no `%post` and `%postun` running ldconfig (`-p /sbin/ldconfig`, a body calling it, or `%ldconfig_scriptlets`). With a Fedora target (info): such ldconfig scriptlets, which glibc's file triggers made unnecessary in Fedora 28. Other targets: nothing.)md",
            .why = R"md(openSUSE's shared-library policy requires ldconfig after installing and removing libraries, so the linker cache knows them; rpmlint fails the build without it. Fedora runs ldconfig once per transaction from a file trigger, and its guidelines ask to drop the scriptlets.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package -n libexample1
Summary:        The example library

%description -n libexample1
The example library.

%files -n libexample1
%{_libdir}/libexample.so.1*
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package -n libexample1
Summary:        The example library

%description -n libexample1
The example library.

%post -n libexample1 -p /sbin/ldconfig
%postun -n libexample1 -p /sbin/ldconfig

%files -n libexample1
%{_libdir}/libexample.so.1*
)md",
            .fix_safety = R"md(Safe: the added `-p /sbin/ldconfig` scriptlets only refresh the linker cache; on Fedora, removing a `-p /sbin/ldconfig` scriptlet or `%ldconfig_scriptlets` line leaves the same work to the file trigger. A package that already has a `%post` or `%postun` doing something else gets no fix (ldconfig has to go into that scriptlet), nor do Fedora scriptlets whose body does more.)md",
            .reference = R"md(openSUSE *Shared library packaging policy*; Fedora Packaging Guidelines, "Shared Libraries" (ldconfig file triggers since F28); rpmlint `library-without-ldconfig-postin`/`-postun` (built packages).)md",
            .example_target = "opensuse-tumbleweed"},
    .check = check,
};

}  // namespace katalint::rules
