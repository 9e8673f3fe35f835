// unused-macro: a %define or %global that nothing refers to.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Macros that rpm, the distributions' macro packages or OBS read by name.
bool known_consumer(std::string_view name) {
  if (name.empty() || name.front() == '_') return true;  // rpm's own settings: _name, __os_install_post, ...
  for (std::string_view m : {"debug_package", "pythons", "python_subpackage_only", "skip_python2", "skip_python3",
                             "python_module", "pyproject_files", "goipath", "forgeurl", "gomodulesmode", "ldconfig_scriptlets",
                             "build_cflags", "build_cxxflags", "build_ldflags", "optflags", "dist", "vendor",
                             "distribution", "packager", "buildroot", "source_date_epoch_from_changelog",
                             "clamp_mtime_to_source_date_epoch", "use_internal_dependency_generator", "cargo_registry",
                             "rust_arches", "bcond_default_lto", "sle_version", "suse_version", "is_opensuse", "fedora", "rhel",
                             "rb_build_versions", "rb_default_ruby_abi", "nodejs_arches", "perl_requires", "gem_name"})
    if (name == m) return true;
  return false;
}

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// True when `name` appears as a word anywhere in `text` outside [skip_begin, skip_end).
bool referenced(std::string_view text, std::string_view name, std::size_t skip_begin, std::size_t skip_end) {
  for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    if (at >= skip_begin && at < skip_end) continue;
    const std::size_t end = at + name.size();
    if ((at == 0 || !word_char(text[at - 1])) && (end >= text.size() || !word_char(text[end]))) return true;
  }
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // An %include or Lua may use anything.
  if (!tree.find_all(SyntaxKind::IncludeDirective).empty() || !tree.find_all(SyntaxKind::LuaExpansion).empty()) return;
  const std::string_view text = ctx.file.text();
  for (NodeId def : tree.find_all(SyntaxKind::MacroDefinition)) {
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (keyword == rpmspec::kNoNode || name == rpmspec::kNoNode) continue;
    if (tree.text_of(keyword) != "%define" && tree.text_of(keyword) != "%global") continue;
    const std::string_view n = tree.text_of(name);
    if (known_consumer(n)) continue;
    // The name used in the definition's own body (recursion) does not count.
    if (referenced(text, n, tree.node(def).begin, tree.node(def).end)) continue;
    auto d = out.report(tree.range(name), fmt::format("%{} is defined but never used", n));
    // Only a one-line definition is removed; a continued body stays for the author.
    if (tree.text_of(def).find('\\') == std::string_view::npos)
      d.fix("remove the definition", ir::Applicability::Unsafe, {{tree.range(def), ""}});
    note_branch(ctx, d, tree.node(def).begin);
  }
}

}  // namespace

extern const RuleInfo unused_macro;  // listed in rules/rules.def
constinit const RuleInfo unused_macro{
    .id = "unused-macro",
    .severity = ir::Severity::Info,
    .summary = "a macro defined but never used",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Unsafe,
    .doc = {.what = R"md(Reports a `%define` or `%global` (any branch) whose name appears nowhere else in the spec. Names that rpm, the distributions' macro packages or OBS read by name are exempt: every name starting with `_`, and `debug_package`, `pythons`, `dist`, `goipath`, `forgeurl` and a few more. Specs with `%include` or Lua are not checked.)md",
            .why = R"md(Leftover definitions (an old commit hash, a version of a dropped dependency) mislead readers into thinking they matter, and keep stale values around.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global commit 0123456789abcdef

%description
An example package.

%files
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
)md",
            .fix_safety = R"md(Unsafe: a macro package or a build tool outside the spec may read the macro by name.)md",
            .reference = R"md(Code hygiene; rpm `%define`/`%global`.)md"},
    .check = check,
};

}  // namespace katalint::rules
