// unused-macro: a %define or %global that nothing refers to.
#include <algorithm>
#include <array>
#include <cstdint>
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

// Letters, digits and '_', as a table: the word scan below reads every byte of the spec.
constexpr std::array<bool, 256> kWordChar = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

bool word_char(char c) { return kWordChar[static_cast<unsigned char>(c)]; }

// Up to this many names are searched for one by one; more, and every word is read once.
constexpr std::size_t kSearchedNames = 8;

struct Candidate {
  NodeId def;
  NodeId name_node;
  std::string_view name;
  bool used = false;
};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // An %include or Lua may use anything.
  if (!tree.all_of(SyntaxKind::IncludeDirective).empty() || !tree.all_of(SyntaxKind::LuaExpansion).empty()) return;
  std::vector<Candidate> candidates;
  for (NodeId def : tree.all_of(SyntaxKind::MacroDefinition)) {
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (keyword == rpmspec::kNoNode || name == rpmspec::kNoNode) continue;
    if (tree.text_of(keyword) != "%define" && tree.text_of(keyword) != "%global") continue;
    const std::string_view n = tree.text_of(name);
    if (!known_consumer(n)) candidates.push_back({def, name, n});
  }
  if (candidates.empty()) return;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < candidates.size(); ++i) by_name[candidates[i].name].push_back(i);
  const std::string_view text = ctx.file.text();
  // A candidate is used when its name is a whole word (a run of letters, digits and '_')
  // outside its own definition (recursion does not count).
  const auto mark = [&](const std::vector<std::size_t>& ids, std::size_t at) {
    for (std::size_t c : ids)
      if (at < tree.node(candidates[c].def).begin || at >= tree.node(candidates[c].def).end) candidates[c].used = true;
  };
  if (by_name.size() <= kSearchedNames) {
    // Few names: searching for each is cheaper than reading every word.
    for (const auto& [name, ids] : by_name) {
      if (!std::all_of(name.begin(), name.end(), word_char)) continue;  // never a whole word
      for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at > 0 && word_char(text[at - 1])) || (end < text.size() && word_char(text[end]))) continue;
        mark(ids, at);
      }
    }
  } else {
    // Many names: one pass over the words of the text, so a spec with many definitions stays
    // linear.
    std::uint64_t lengths = 0;  // bit min(length, 63) of each name: most words skip the lookup
    for (const Candidate& c : candidates) lengths |= std::uint64_t{1} << std::min<std::size_t>(c.name.size(), 63);
    for (std::size_t i = 0; i < text.size();) {
      if (!word_char(text[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < text.size() && word_char(text[j])) ++j;
      if (lengths & (std::uint64_t{1} << std::min<std::size_t>(j - i, 63))) {
        const auto found = by_name.find(text.substr(i, j - i));
        if (found != by_name.end()) mark(found->second, i);
      }
      i = j;
    }
  }
  for (const Candidate& c : candidates) {
    if (c.used) continue;
    const NodeId def = c.def;
    auto d = out.report(tree.range(c.name_node), fmt::format("%{} is defined but never used", c.name));
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
