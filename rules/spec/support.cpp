#include "rules/spec/support.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <memory>
#include <unordered_map>

#include <fmt/core.h>

namespace katalint::rules::spec_support {

bool is_line(const SyntaxTree& tree, NodeId node) {
  switch (tree.kind(node)) {
    case SyntaxKind::SectionHeader:
    case SyntaxKind::IfDirective:
    case SyntaxKind::ElifDirective:
    case SyntaxKind::ElseDirective:
    case SyntaxKind::EndifDirective:
    case SyntaxKind::IncludeDirective:
    case SyntaxKind::Tag:
    case SyntaxKind::MacroDefinition:
    case SyntaxKind::Comment:
    case SyntaxKind::Blank:
    case SyntaxKind::BodyLine:
    case SyntaxKind::ChangelogHeader:
    case SyntaxKind::FileEntry:
    case SyntaxKind::Error:
      return true;
    case SyntaxKind::Dnl: {
      // %dnl is a line of its own when its parent is a container, not another line.
      const NodeId parent = tree.node(node).parent;
      if (parent == rpmspec::kNoNode) return false;
      const SyntaxKind k = tree.kind(parent);
      return k == SyntaxKind::File || k == SyntaxKind::Section || k == SyntaxKind::ConditionalBranch ||
             k == SyntaxKind::ChangelogEntry;
    }
    default:
      return false;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string section_name(const SyntaxTree& tree, NodeId header) {
  const NodeId keyword = tree.child(header, SyntaxKind::Keyword);
  if (keyword == rpmspec::kNoNode) return {};
  std::string name = lower(tree.text_of(keyword));
  if (!name.empty() && name.front() == '%') name.erase(0, 1);
  return name;
}

bool is_build_section(std::string_view s) {
  static constexpr std::array<std::string_view, 7> kBuild = {"prep",  "conf",  "build",
                                                             "install", "check", "clean",
                                                             "generate_buildrequires"};
  return std::find(kBuild.begin(), kBuild.end(), s) != kBuild.end();
}

bool is_scriptlet(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kScripts = {
      "pre", "post", "preun", "postun", "pretrans", "posttrans", "preuntrans", "postuntrans", "verifyscript"};
  if (std::find(kScripts.begin(), kScripts.end(), s) != kScripts.end()) return true;
  return s.find("trigger") != std::string_view::npos;
}

std::string_view section_interpreter(const SyntaxTree& tree, NodeId header) {
  for (NodeId opt : tree.children(header)) {
    if (tree.kind(opt) != SyntaxKind::SectionOption) continue;
    const NodeId flag = tree.child(opt, SyntaxKind::Option);
    const NodeId value = tree.child(opt, SyntaxKind::OptionValue);
    if (flag != rpmspec::kNoNode && tree.text_of(flag) == "-p" && value != rpmspec::kNoNode)
      return tree.text_of(value);
  }
  return {};
}

std::string tag_name(const SyntaxTree& tree, NodeId tag) {
  const NodeId name = tree.child(tag, SyntaxKind::TagName);
  return name == rpmspec::kNoNode ? std::string() : lower(tree.text_of(name));
}

bool tag_is(const SyntaxTree& tree, NodeId tag, std::string_view name) {
  const NodeId n = tree.child(tag, SyntaxKind::TagName);
  return n == rpmspec::kNoNode ? name.empty() : iequals(tree.text_of(n), name);
}

std::string_view tag_value(const SyntaxTree& tree, NodeId tag) {
  const NodeId value = tree.child(tag, SyntaxKind::TagValue);
  return value == rpmspec::kNoNode ? std::string_view() : tree.text_of(value);
}

NodeId tag_at(const SyntaxTree& tree, std::uint32_t offset) {
  for (NodeId n = tree.node_at(offset); n != rpmspec::kNoNode; n = tree.node(n).parent)
    if (tree.kind(n) == SyntaxKind::Tag) return n;
  return rpmspec::kNoNode;
}

std::string_view macro_name(const SyntaxTree& tree, NodeId macro_ref) {
  const NodeId name = tree.child(macro_ref, SyntaxKind::MacroName);
  return name == rpmspec::kNoNode ? std::string_view() : tree.text_of(name);
}

namespace {

// The innermost ConditionalBranch around `offset`, and whether the target takes it and every
// branch around it.
struct BranchAt {
  NodeId branch = rpmspec::kNoNode;
  bool taken = true;
};

// Whether the target takes each conditional branch of the tree, with all the branches
// around it; built once per file, since rules ask for every line.
struct BranchIndex {
  std::unordered_map<NodeId, bool> taken;  // ConditionalBranch node -> reached and taken
};

const BranchIndex& branch_index(const Context& ctx) {
  static const char kKey = 0;
  return ctx.shared<BranchIndex>(&kKey, [&ctx] {
    BranchIndex index;
    const SyntaxTree& tree = *ctx.spec;
    std::unordered_map<std::uint32_t, bool> own;  // directive offset -> this branch is the taken one
    if (ctx.package)
      for (const auto& c : ctx.package->conditionals)
        for (std::size_t i = 0; i < c.branches.size(); ++i)
          if (c.branches[i].file == tree.file) own[c.branches[i].begin] = c.taken == static_cast<int>(i);
    // Preorder: the enclosing branch is indexed before the branches inside it.
    for (NodeId n : tree.all_of(SyntaxKind::ConditionalBranch)) {
      bool taken = true;
      const NodeId directive = tree.node(n).first_child;
      if (directive != rpmspec::kNoNode) {
        const auto it = own.find(tree.node(directive).begin);
        // A conditional rpm never reached (inside a branch it skipped) is not taken either.
        taken = it != own.end() && it->second;
      }
      for (NodeId up = tree.node(n).parent; up != rpmspec::kNoNode; up = tree.node(up).parent) {
        if (tree.kind(up) != SyntaxKind::ConditionalBranch) continue;
        taken = taken && index.taken.at(up);
        break;
      }
      index.taken[n] = taken;
    }
    return index;
  });
}

BranchAt branch_at(const Context& ctx, std::uint32_t offset) {
  BranchAt out;
  if (!ctx.spec) return out;
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId n = tree.node_at(offset); n != rpmspec::kNoNode; n = tree.node(n).parent) {
    if (tree.kind(n) != SyntaxKind::ConditionalBranch) continue;
    out.branch = n;
    out.taken = branch_index(ctx).taken.at(n);
    break;
  }
  return out;
}

}  // namespace

void note_branch(const Context& ctx, DiagnosticBuilder& d, std::uint32_t offset) {
  const BranchAt at = branch_at(ctx, offset);
  if (at.branch == rpmspec::kNoNode) return;
  const SyntaxTree& tree = *ctx.spec;
  const NodeId directive = tree.node(at.branch).first_child;
  const ir::Range where = without_newline(tree, directive);
  if (!ctx.package)
    d.note(where, "in this conditional branch");
  else if (at.taken)
    d.note(where, fmt::format("in this conditional branch, which {} takes", ctx.target));
  else
    d.note(where, fmt::format("in this conditional branch, which {} does not take", ctx.target));
}

bool in_untaken_branch(const Context& ctx, std::uint32_t offset) {
  const BranchAt at = branch_at(ctx, offset);
  return at.branch != rpmspec::kNoNode && !at.taken;
}

NodeId leading_macro(const SyntaxTree& tree, NodeId line) {
  NodeId first = tree.node(line).first_child;
  if (first != rpmspec::kNoNode && tree.node(first).is_leaf() && trim(tree.text_of(first)).empty())
    first = tree.node(first).next_sibling;
  if (first == rpmspec::kNoNode || tree.kind(first) != SyntaxKind::MacroRef) return rpmspec::kNoNode;
  return first;
}

bool contains_word(std::string_view text, std::string_view word) {
  auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || !word_char(text[at - 1])) && (end >= text.size() || !word_char(text[end]))) return true;
  }
  return false;
}

namespace {

// Every SectionHeader with its section_name, in source order; built once per file.
struct SectionIndex {
  std::vector<std::pair<NodeId, std::string>> headers;
};

}  // namespace

bool is_macro_dir_glob(std::string_view path, std::string_view name) {
  if (!path.starts_with('%') || !path.ends_with("/*")) return false;
  path = path.substr(1, path.size() - 3);
  if (path.starts_with('{') && path.ends_with('}')) path = path.substr(1, path.size() - 2);
  return path == name;
}

std::vector<NodeId> section_headers(const Context& ctx, std::string_view name) {
  std::vector<NodeId> out;
  if (!ctx.spec) return out;
  static const char kKey = 0;
  const auto& index = ctx.shared<SectionIndex>(&kKey, [&ctx] {
    SectionIndex built;
    for (NodeId h : ctx.spec->all_of(SyntaxKind::SectionHeader)) built.headers.emplace_back(h, section_name(*ctx.spec, h));
    return built;
  });
  for (const auto& [h, n] : index.headers)
    if (n == name) out.push_back(h);
  return out;
}

std::string section_package(const Context& ctx, NodeId header) {
  if (!ctx.spec || header == rpmspec::kNoNode) return {};
  const SyntaxTree& tree = *ctx.spec;
  const std::string main = ctx.package && !ctx.package->name.empty() ? ctx.package->name : "%{name}";
  for (NodeId c : tree.children(header)) {
    if (tree.kind(c) == SyntaxKind::SectionName) return main + "-" + std::string(trim(tree.text_of(c)));
    if (tree.kind(c) != SyntaxKind::SectionOption) continue;
    const NodeId flag = tree.child(c, SyntaxKind::Option), value = tree.child(c, SyntaxKind::OptionValue);
    if (flag != rpmspec::kNoNode && tree.text_of(flag) == "-n" && value != rpmspec::kNoNode)
      return std::string(trim(tree.text_of(value)));
  }
  return {};
}

ir::Range package_line(const Context& ctx) {
  if (ctx.spec) {
    const SyntaxTree& tree = *ctx.spec;
    for (const LineInfo& line : lines(ctx))
      if (line.section.empty() && tree.kind(line.line) == SyntaxKind::Tag && tag_is(tree, line.line, "name"))
        return without_newline(tree, line.line);
  }
  const std::string_view text = ctx.file.text();
  std::size_t end = text.find('\n');
  if (end == std::string_view::npos) end = text.size();
  return {ctx.file.id(), 0, static_cast<std::uint32_t>(end)};
}

namespace {

struct LineTable {
  std::deque<std::string> names;  // section names the LineInfo views point into
  std::deque<std::string> tags;   // tag names, likewise
  std::vector<LineInfo> lines;
};

}  // namespace

const std::vector<LineInfo>& lines(const Context& ctx) {
  static const char key = 0;
  return ctx
      .shared<LineTable>(&key,
                         [&] {
                           LineTable table;
                           if (ctx.spec) {
                             // At most one line per line end, and one more.
                             table.lines.reserve(ctx.spec->all_of(SyntaxKind::Newline).size() + 1);
                             NodeId header = rpmspec::kNoNode;
                             for_each_line(*ctx.spec, [&](const LineInfo& line) {
                               if (table.names.empty() || line.header != header)
                                 table.names.emplace_back(line.section);
                               header = line.header;
                               LineInfo copy = line;
                               copy.section = table.names.back();
                               if (!line.tag.empty()) copy.tag = table.tags.emplace_back(line.tag);
                               table.lines.push_back(copy);
                             });
                           }
                           return table;
                         })
      .lines;
}

}  // namespace katalint::rules::spec_support
