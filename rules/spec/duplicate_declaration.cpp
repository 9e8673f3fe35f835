// duplicate-declaration: a %changelog or %files section, a dependency or a file listed twice
// on one conditional path.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// The (Conditional, ConditionalBranch) pairs around a node.
std::vector<std::pair<NodeId, NodeId>> branches_of(const SyntaxTree& tree, NodeId n) {
  std::vector<std::pair<NodeId, NodeId>> out;
  for (NodeId p = tree.node(n).parent; p != rpmspec::kNoNode; p = tree.node(p).parent)
    if (tree.kind(p) == SyntaxKind::ConditionalBranch) out.emplace_back(tree.node(p).parent, p);
  return out;
}

// True when some conditional puts a and b in different branches: rpm never sees both.
bool exclusive(const SyntaxTree& tree, NodeId a, NodeId b) {
  const auto pa = branches_of(tree, a), pb = branches_of(tree, b);
  for (const auto& [ca, ba] : pa)
    for (const auto& [cb, bb] : pb)
      if (ca == cb && ba != bb) return true;
  return false;
}

// Appends `s` without its outer blanks and with each run of inner blanks as one space.
void append_collapsed(std::string& out, std::string_view s) {
  s = trim(s);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    out.append(s.substr(i, j - i));
    if (j == s.size()) break;
    out += ' ';
    while (s[j] == ' ' || s[j] == '\t') ++j;  // trimmed: a non-blank follows
    i = j;
  }
}

std::string collapse(std::string_view s) {
  std::string out;
  append_collapsed(out, s);
  return out;
}

// The key of an item in `seen`: its section header, the kind of declaration and the collapsed
// text, with the sizes in front so that different triples never give the same key.
void make_key(std::string& key, NodeId header, std::string_view kind, std::string_view text) {
  key.clear();
  const auto kind_size = static_cast<std::uint32_t>(kind.size());
  key.append(reinterpret_cast<const char*>(&header), sizeof header);
  key.append(reinterpret_cast<const char*>(&kind_size), sizeof kind_size);
  key += kind;
  append_collapsed(key, text);
}

bool dependency_tag(std::string_view name) {
  for (std::string_view t : {"requires", "buildrequires", "provides", "obsoletes", "conflicts", "buildconflicts",
                             "recommends", "suggests", "supplements", "enhances", "orderwithrequires"})
    if (name == t) return true;
  return false;
}

// Reports the later of two equal items; `line` is deleted when `alone`.
void report_second(const Context& ctx, Reporter& out, NodeId item, NodeId line, NodeId earlier, bool alone,
                   std::string message, ir::Severity severity) {
  const SyntaxTree& tree = *ctx.spec;
  auto d = out.report(tree.range(item), std::move(message)).severity(severity);
  d.note(tree.range(earlier), "first listed here");
  if (alone) d.fix("remove the second line", ir::Applicability::Safe, {{tree.range(line), ""}});
  note_branch(ctx, d, tree.node(line).begin);
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // Sections rpm accepts once: %changelog, and %files per package.
  std::map<std::string, std::vector<NodeId>> once;
  for (NodeId h : tree.all_of(SyntaxKind::SectionHeader)) {
    const std::string name = section_name(tree, h);
    if (name == "changelog") once["%changelog"].push_back(h);
    if (name == "files") {
      std::string key = "%files";
      for (NodeId c : tree.children(h)) {
        const SyntaxKind k = tree.kind(c);
        if (k == SyntaxKind::SectionName || k == SyntaxKind::SectionOption) {
          const NodeId flag = tree.child(c, SyntaxKind::Option);
          if (k == SyntaxKind::SectionOption && (flag == rpmspec::kNoNode || tree.text_of(flag) != "-n")) continue;
          key += " " + collapse(tree.text_of(c));
        }
      }
      once[key].push_back(h);
    }
  }
  for (const auto& [key, headers] : once) {
    for (std::size_t i = 1; i < headers.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (exclusive(tree, headers[j], headers[i])) continue;
        auto d = out.report(without_newline(tree, headers[i]), fmt::format("a second {} section; rpm accepts one", key));
        d.note(without_newline(tree, headers[j]), "the first one");
        note_branch(ctx, d, tree.node(headers[i]).begin);
        break;
      }
    }
  }
  // Dependencies per package and tag, files per %files section: every item's key goes into
  // one buffer, and items with equal keys are compared after a stable sort, so nothing is
  // allocated per item.
  struct Item {
    std::uint32_t key_begin, key_size;
    NodeId item, line;
    bool alone, dependency;
  };
  std::string keys, key;
  std::vector<Item> items;
  auto add = [&](NodeId item, NodeId line, bool alone, bool dependency) {
    items.push_back({static_cast<std::uint32_t>(keys.size()), static_cast<std::uint32_t>(key.size()), item, line,
                     alone, dependency});
    keys += key;
  };
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    if (tree.kind(n) == SyntaxKind::Tag) {
      if (!dependency_tag(line.tag)) return;
      const NodeId qualifier = tree.child(n, SyntaxKind::TagQualifier);
      const std::string kind = std::string(line.tag) + (qualifier == rpmspec::kNoNode ? "" : lower(tree.text_of(qualifier)));
      const auto deps = tree.all_of(SyntaxKind::Dependency, n);
      for (NodeId dep : deps) {
        // Only top-level dependencies: the operands of a rich dependency may repeat.
        if (tree.kind(tree.node(dep).parent) == SyntaxKind::RichDependency) continue;
        make_key(key, line.header, kind, tree.text_of(dep));
        add(dep, n, deps.size() == 1, true);
      }
    } else if (tree.kind(n) == SyntaxKind::FileEntry && line.section == "files") {
      const auto paths = tree.all_of(SyntaxKind::FilePath, n);
      for (NodeId path : paths) {
        make_key(key, line.header, "%files", tree.text_of(path));
        add(path, n, paths.size() == 1, false);
      }
    }
  });
  const auto key_of = [&](const Item& it) { return std::string_view(keys).substr(it.key_begin, it.key_size); };
  std::stable_sort(items.begin(), items.end(), [&](const Item& a, const Item& b) { return key_of(a) < key_of(b); });
  for (std::size_t first = 0; first < items.size();) {
    std::size_t end = first + 1;
    while (end < items.size() && key_of(items[end]) == key_of(items[first])) ++end;
    // Each item against the ones listed before it, as they were read.
    for (std::size_t i = first + 1; i < end; ++i) {
      const Item& it = items[i];
      for (std::size_t j = first; j < i; ++j) {
        const Item& earlier = items[j];
        if ((it.dependency && earlier.line == it.line) || exclusive(tree, earlier.line, it.line)) continue;
        const std::string text = collapse(tree.text_of(it.item));
        report_second(ctx, out, it.item, it.line, earlier.item, it.alone,
                      it.dependency ? fmt::format("'{}' is already listed in {} of this package", text,
                                                  tree.text_of(tree.child(it.line, SyntaxKind::TagName)))
                                    : fmt::format("'{}' is listed twice in this %files section", text),
                      ir::Severity::Warning);
        break;
      }
    }
    first = end;
  }
}

}  // namespace

extern const RuleInfo duplicate_declaration;  // listed in rules/rules.def
constinit const RuleInfo duplicate_declaration{
    .id = "duplicate-declaration",
    .severity = ir::Severity::Error,
    .summary = "a section, dependency or file listed twice",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "more-than-one-%changelog-section",
    .doc = {.what = R"md(Reports what is declared twice on one conditional path (two branches of one `%if` are different paths):

- a second `%changelog` section, or a second `%files` for the same package (error);
- the same dependency twice in one tag kind of one package (warning);
- the same path twice in one `%files` section (warning; rpm says "File listed twice").

Tags and sources declared twice are reported while reading the spec (`duplicate-tag`, `duplicate-source`, `duplicate-section`, `duplicate-description`).)md",
            .why = R"md(rpm rejects the second section; a repeated dependency or file is at best noise and often a merge mistake that hides a missing entry.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc
BuildRequires:  make
BuildRequires:  gcc

%description
An example package.

%files
%{_bindir}/example
%{_bindir}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc
BuildRequires:  make

%description
An example package.

%files
%{_bindir}/example
)md",
            .fix_safety = R"md(Safe for a repeated dependency or file alone on its line: the line is removed and the package is the same. Sections have no fix: which of the two is right is for the author to say.)md",
            .reference = R"md(rpm ("File listed twice", "second %changelog"); rpmlint `more-than-one-%changelog-section`.)md"},
    .check = check,
};

}  // namespace katalint::rules
