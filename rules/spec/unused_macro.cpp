// unused-macro: a %define or %global that nothing refers to.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

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

// Where each word (a run of letters, digits and '_') of the text begins; built once, so a spec
// with many definitions stays linear.
std::unordered_map<std::string_view, std::vector<std::size_t>> word_positions(std::string_view text) {
  std::unordered_map<std::string_view, std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_char(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && word_char(text[j])) ++j;
    out[text.substr(i, j - i)].push_back(i);
    i = j;
  }
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // An %include or Lua may use anything.
  if (!tree.find_all(SyntaxKind::IncludeDirective).empty() || !tree.find_all(SyntaxKind::LuaExpansion).empty()) return;
  const auto words = word_positions(ctx.file.text());
  for (NodeId def : tree.find_all(SyntaxKind::MacroDefinition)) {
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (keyword == rpmspec::kNoNode || name == rpmspec::kNoNode) continue;
    if (tree.text_of(keyword) != "%define" && tree.text_of(keyword) != "%global") continue;
    const std::string_view n = tree.text_of(name);
    if (known_consumer(n)) continue;
    // The name used in the definition's own body (recursion) does not count.
    const auto found = words.find(n);
    if (found != words.end() && std::any_of(found->second.begin(), found->second.end(), [&](std::size_t at) {
          return at < tree.node(def).begin || at >= tree.node(def).end;
        }))
      continue;
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
