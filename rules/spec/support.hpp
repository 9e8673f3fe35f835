// Helpers for spec checks: walking the syntax tree line by line with rpm's section state,
// and building edits.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "frontend/rpmspec/syntax.hpp"
#include "rules/rule.hpp"

namespace katalint::rules::spec_support {

using rpmspec::NodeId;
using rpmspec::SyntaxKind;
using rpmspec::SyntaxTree;

// True for nodes that are whole lines (a Tag, a BodyLine, a directive, ...).
bool is_line(const SyntaxTree& tree, NodeId node);

// "files" for "%Files -n foo"; "" for the preamble.
std::string section_name(const SyntaxTree& tree, NodeId header);

// Sections whose body rpm runs as a script: %prep ... %clean, and the scriptlets.
bool is_build_section(std::string_view section);
bool is_scriptlet(std::string_view section);

struct LineInfo {
  NodeId line = rpmspec::kNoNode;
  SyntaxKind kind = SyntaxKind::BodyLine;  // tree.kind(line)
  std::uint32_t begin = 0;                 // where the line starts in the file
  std::string_view text;                   // the line without its line end (without_newline)
  std::string_view section;          // see section_name
  NodeId header = rpmspec::kNoNode;  // the SectionHeader of that section, or kNoNode
  std::string_view tag;              // tag_name() of a Tag line; "" for other lines
  // True when rpm runs the section through a shell (no `-p` interpreter other than sh/bash).
  bool shell = false;
  bool build_section = false;  // is_build_section(section)
  bool scriptlet = false;      // is_scriptlet(section)
};

// Calls fn(const LineInfo&) for every line in source order. Sections change where rpm
// changes them: at each header, whatever conditionals surround it.
template <class Fn>
void for_each_line(const SyntaxTree& tree, Fn&& fn);

// The lines of ctx.spec with their sections, computed once per file and shared by the checks.
const std::vector<LineInfo>& lines(const Context& ctx);
template <class Fn>
void for_each_line(const Context& ctx, Fn&& fn) {
  for (const LineInfo& line : lines(ctx)) fn(line);
}

// The `-p` argument of a section header, or "".
std::string_view section_interpreter(const SyntaxTree& tree, NodeId header);

// The lower-case text of a TagName.
std::string tag_name(const SyntaxTree& tree, NodeId tag);
// tag_name(tree, tag) == name for a lower-case `name`, without the copy.
bool tag_is(const SyntaxTree& tree, NodeId tag, std::string_view name);
// The TagValue text, or "".
std::string_view tag_value(const SyntaxTree& tree, NodeId tag);

// The Tag line that covers `offset`, or kNoNode.
NodeId tag_at(const SyntaxTree& tree, std::uint32_t offset);

// The name of a MacroRef ("setup" for `%setup`, `%{setup}` and `%{?setup:...}`), or "".
std::string_view macro_name(const SyntaxTree& tree, NodeId macro_ref);

// The range from `begin` to `end`, byte offsets in the tree's file.
inline ir::Range range_of(const SyntaxTree& tree, std::uint32_t begin, std::uint32_t end) {
  return {tree.file, begin, end};
}

// The line's range without its trailing Newline leaf; inline, as most checks call it per line.
inline ir::Range without_newline(const SyntaxTree& tree, NodeId line) {
  // A line's Newline leaf ("\n" or "\r\n") is its last child, so the bytes tell.
  ir::Range r = tree.range(line);
  if (r.end > r.begin && tree.text[r.end - 1] == '\n') {
    --r.end;
    if (r.end > r.begin && tree.text[r.end - 1] == '\r') --r.end;
  }
  return r;
}


// Names the %if branch that `offset` is in, as a note on `d`: rpm evaluates only one branch
// for the target, but checks read every branch, so a finding says whether the target takes
// it. Nothing is added outside conditionals.
void note_branch(const Context& ctx, DiagnosticBuilder& d, std::uint32_t offset);
// True when `offset` is in an %if branch the target does not take (or in a conditional the
// target never evaluates).
bool in_untaken_branch(const Context& ctx, std::uint32_t offset);

// The whole-line MacroRef at the start of a BodyLine (after blanks), or kNoNode.
NodeId leading_macro(const SyntaxTree& tree, NodeId line);

// True for "%{NAME}/*" and "%NAME/*": a glob over everything in the directory NAME names.
bool is_macro_dir_glob(std::string_view path, std::string_view name);

// True when `text` contains `word` delimited by non-word characters (letters, digits, '_').
bool contains_word(std::string_view text, std::string_view word);

// Header lines of every section named `name` ("changelog", "files", ...), in any branch.
std::vector<NodeId> section_headers(const Context& ctx, std::string_view name);

// The package a section header belongs to: "" for the main package, "-n NAME" gives NAME,
// a positional NAME gives "MAIN-NAME" (MAIN is the evaluated Name, or "%{name}").
std::string section_package(const Context& ctx, NodeId header);

// Where findings about the spec as a whole go: the main package's Name line (so a baseline
// fingerprint survives lines added above it), or the first line.
ir::Range package_line(const Context& ctx);

// ASCII lower-case copy.
std::string lower(std::string_view s);
// lower(a) == lower(b), without the copies.
inline bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}
// Without leading and trailing blanks and line ends.
std::string_view trim(std::string_view s);

// --- implementation -----------------------------------------------------------------------

template <class Fn>
void for_each_line(const SyntaxTree& tree, Fn&& fn) {
  LineInfo info;
  std::string current, tag;
  for (NodeId id = 0; id < tree.nodes.size();) {
    if (!is_line(tree, id)) {
      ++id;
      continue;
    }
    if (tree.kind(id) == SyntaxKind::SectionHeader) {
      current = section_name(tree, id);
      info.header = id;
      info.build_section = is_build_section(current);
      info.scriptlet = is_scriptlet(current);
      const std::string_view interp = section_interpreter(tree, id);
      info.shell = (info.build_section || info.scriptlet) &&
                   (interp.empty() || interp == "/bin/sh" || interp == "/bin/bash" || interp == "/usr/bin/sh" ||
                    interp == "/usr/bin/bash");
    }
    if (tree.kind(id) == SyntaxKind::Tag)
      tag = tag_name(tree, id);
    else
      tag.clear();
    info.line = id;
    info.kind = tree.kind(id);
    const ir::Range r = without_newline(tree, id);
    info.begin = r.begin;
    info.text = tree.text.substr(r.begin, r.end - r.begin);
    info.section = current;
    info.tag = tag;
    fn(static_cast<const LineInfo&>(info));
    id = tree.node(id).subtree_end;  // lines never hold lines
  }
}

}  // namespace katalint::rules::spec_support
