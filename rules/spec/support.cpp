#include "rules/spec/support.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <memory>

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

ir::Range without_newline(const SyntaxTree& tree, NodeId line) {
  // A line's Newline leaf ("\n" or "\r\n") is its last child, so the bytes tell.
  ir::Range r = tree.range(line);
  if (r.end > r.begin && tree.text[r.end - 1] == '\n') {
    --r.end;
    if (r.end > r.begin && tree.text[r.end - 1] == '\r') --r.end;
  }
  return r;
}

namespace {

struct LineTable {
  std::deque<std::string> names;  // section names the LineInfo views point into
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
                             for_each_line(*ctx.spec, [&](const LineInfo& line) {
                               if (table.names.empty() || table.names.back() != line.section)
                                 table.names.emplace_back(line.section);
                               LineInfo copy = line;
                               copy.section = table.names.back();
                               table.lines.push_back(copy);
                             });
                           }
                           return table;
                         })
      .lines;
}

}  // namespace katalint::rules::spec_support
