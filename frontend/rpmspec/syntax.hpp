// The lossless concrete syntax tree of an RPM spec file: every input byte belongs to exactly
// one leaf, so concatenating the leaves reprints the input byte for byte. Macros stay
// unexpanded, as nodes. The shape is documented in docs/syntax-tree.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::rpmspec {

enum class SyntaxKind : std::uint8_t {
  // Containers.
  File,               // root
  Section,            // optional SectionHeader + the lines up to the next header at this level
  Conditional,        // ConditionalBranch+ [EndifDirective]
  ConditionalBranch,  // IfDirective|ElifDirective|ElseDirective + the lines of the branch
  ChangelogEntry,     // ChangelogHeader + the lines up to the next header at this level
  // Lines; each ends with its Newline leaf unless it is the last line of a file without one.
  SectionHeader,    // Keyword (SectionName | SectionOption | TriggerCondition | Text)*
  IfDirective,      // %if %ifarch %ifnarch %ifos %ifnos: Keyword Condition
  ElifDirective,    // %elif %elifarch %elifos: Keyword Condition
  ElseDirective,    // %else [Text]
  EndifDirective,   // %endif [Text]
  IncludeDirective, // %include Text
  Tag,              // TagName [TagQualifier] Punct(:) [TagValue]
  MacroDefinition,  // Keyword(%define|%global|%undefine) MacroName [MacroOptions] [MacroBody]
  Comment,          // a line whose first non-blank byte is '#'
  Dnl,              // %dnl and the rest of its line (also inline)
  Blank,            // a line of only blanks
  BodyLine,         // free text with inline macros (shell, description, macro lines, ...)
  ChangelogHeader,  // Punct(*) ChangelogDate ChangelogAuthor [Punct(-)] [ChangelogVersion]
  FileEntry,        // (FileDirective | FilePath)* in %files
  Error,            // a line rpm rejects (see the reported diagnostic)
  // Parts of lines.
  SectionName,       // positional subpackage name in a section header
  SectionOption,     // Option [OptionValue]
  OptionValue,       // value of -n/-f/-p/-l/-P
  TriggerCondition,  // "--" and the trigger's dependencies or paths
  Condition,         // the expression or word list after %if/%elif...
  TagName,
  TagQualifier,  // "(post)", parentheses included
  TagValue,
  MacroName,     // name in %define / %{name} / %name
  MacroOptions,  // "(a:b)" of a parametric %define, parentheses included
  MacroBody,
  MacroFlags,  // "?", "!?", "!" before a macro name
  MacroArgs,   // text after ':' or the first blank in %{name:args} / %{name args}
  ChangelogDate,
  ChangelogAuthor,
  ChangelogVersion,
  FileDirective,      // Keyword [FileDirectiveArgs]
  FileDirectiveArgs,  // "(noreplace)", parentheses included
  FilePath,
  Dependency,          // DependencyName [DependencyOperator DependencyVersion]
  DependencyName,
  DependencyOperator,
  DependencyVersion,
  RichDependency,  // Punct(() operands and RichOperator Punct())
  RichOperator,    // and or if else unless with without
  // Inline macro forms.
  MacroRef,        // %name %{name} %{?name:val} %{name:arg} %{expand:...} %* %1 ...
  ShellExpansion,  // %( ... )
  ExprExpansion,   // %[ ... ]
  LuaExpansion,    // %{lua: ... }
  Escape,          // %%
  // Plain leaves.
  Keyword,  // %if, %files, %define, %attr, %dnl, ...
  Option,   // -n, -p, -q, ...
  Punct,    // ':' '(' ')' ',' '%{' '}' '*' '-' '--' ...
  Text,
  Whitespace,
  Continuation,  // backslash + newline inside a multi-line %define body or directive
  Newline,       // "\n" or "\r\n"; the last kind (SyntaxTree::of_kind sizes its index by it)
};

std::string_view to_string(SyntaxKind kind);

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xffffffffu;

// Nodes live in one array in preorder, so the subtree of n is [n, subtree_end) and the
// leaves in array order tile the input. Nothing is recursive: deep input cannot overflow
// the stack when the tree is built, walked or destroyed.
struct SyntaxNode {
  SyntaxKind kind = SyntaxKind::File;
  std::uint32_t begin = 0;  // byte offsets into SyntaxTree::text, half-open
  std::uint32_t end = 0;
  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId next_sibling = kNoNode;
  NodeId subtree_end = 0;  // one past the last descendant

  [[nodiscard]] bool is_leaf() const { return first_child == kNoNode; }
};

class SyntaxTree {
 public:
  ir::FileId file = ir::kNoFile;
  std::string_view text;  // borrowed: the SourceFile or the caller's buffer must outlive the tree
  std::vector<SyntaxNode> nodes;  // nodes[0] is the File node

  [[nodiscard]] static NodeId root() { return 0; }
  [[nodiscard]] const SyntaxNode& node(NodeId id) const { return nodes[id]; }
  [[nodiscard]] SyntaxKind kind(NodeId id) const { return nodes[id].kind; }
  [[nodiscard]] std::string_view text_of(NodeId id) const {
    return text.substr(nodes[id].begin, nodes[id].end - nodes[id].begin);
  }
  [[nodiscard]] ir::Range range(NodeId id) const { return {file, nodes[id].begin, nodes[id].end}; }

  // Direct children in source order, walked through next_sibling (nothing is allocated).
  class ChildRange {
   public:
    class iterator {
     public:
      using value_type = NodeId;
      using difference_type = std::ptrdiff_t;
      iterator() = default;
      iterator(const SyntaxNode* nodes, NodeId at) : nodes_(nodes), at_(at) {}
      NodeId operator*() const { return at_; }
      iterator& operator++() {
        at_ = nodes_[at_].next_sibling;
        return *this;
      }
      bool operator==(const iterator& other) const { return at_ == other.at_; }

     private:
      const SyntaxNode* nodes_ = nullptr;
      NodeId at_ = kNoNode;
    };
    ChildRange(const SyntaxNode* nodes, NodeId first) : nodes_(nodes), first_(first) {}
    [[nodiscard]] iterator begin() const { return {nodes_, first_}; }
    [[nodiscard]] iterator end() const { return {nodes_, kNoNode}; }
    [[nodiscard]] bool empty() const { return first_ == kNoNode; }
    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] NodeId back() const;  // the last child; the range must not be empty

   private:
    const SyntaxNode* nodes_;
    NodeId first_;
  };
  [[nodiscard]] ChildRange children(NodeId id) const { return {nodes.data(), nodes[id].first_child}; }
  // First direct child of `kind`, or kNoNode.
  [[nodiscard]] NodeId child(NodeId id, SyntaxKind kind) const;
  // First node of `kind` in the subtree of `within` (preorder, `within` included), or kNoNode.
  [[nodiscard]] NodeId find_first(SyntaxKind kind, NodeId within = 0) const;
  // Every node of `kind` in the subtree of `within`, in preorder.
  [[nodiscard]] std::vector<NodeId> find_all(SyntaxKind kind, NodeId within = 0) const;
  // find_all without the copy: valid while `nodes` is unchanged.
  [[nodiscard]] std::span<const NodeId> all_of(SyntaxKind kind) const { return of_kind(kind); }
  [[nodiscard]] std::span<const NodeId> all_of(SyntaxKind kind, NodeId within) const;
  // Smallest node whose range contains [offset, offset + 1) (the deepest one), or the root.
  [[nodiscard]] NodeId node_at(std::uint32_t offset) const;

 private:
  // The nodes of each kind in preorder, built on the first search: a hundred rules search
  // the same tree, and each would otherwise scan all of it. Rebuilt when `nodes` grows or
  // shrinks; a tree is searched from one thread at a time.
  [[nodiscard]] std::span<const NodeId> of_kind(SyntaxKind kind) const;
  mutable std::vector<NodeId> by_kind_;           // node ids grouped by kind, in preorder within a kind
  mutable std::vector<std::uint32_t> kind_start_;  // kind k is by_kind_[kind_start_[k], kind_start_[k + 1])
  mutable std::vector<std::uint32_t> rank_;        // node i is by_kind_[rank_[i]]
  mutable std::size_t indexed_nodes_ = 0;
};

struct SyntaxOptions {
  // Macros whose expansion is an %if line, so a line starting with one opens a conditional
  // (openSUSE's python-rpm-macros: "%ifpython2" ... "%endif").
  std::vector<std::string> conditional_macros{"ifpython2", "ifpython3", "ifpycache"};
};

// Parses a spec. Structural problems are reported to `sink` (unterminated-if,
// unmatched-conditional, duplicate-else, unbalanced-macro-brace, malformed-tag);
// parsing always continues and always covers the whole input.
SyntaxTree parse_spec_syntax(const ir::SourceFile& file, ir::DiagnosticSink& sink,
                             const SyntaxOptions& options = {});
// Same, for text that is not a SourceFile (e.g. a filled template); `text` must outlive the tree.
SyntaxTree parse_spec_syntax(std::string_view text, ir::FileId file, ir::DiagnosticSink& sink,
                             const SyntaxOptions& options = {});

// The concatenated leaves; equals the parsed text.
std::string reprint(const SyntaxTree& tree);
// {"kind","begin","end","text" (leaves),"children"} for dumps and debugging. Invalid UTF-8
// in "text" becomes U+FFFD. Subtrees deeper than `max_depth` are cut and marked
// "truncated": true.
nlohmann::json to_json(const SyntaxTree& tree, std::size_t max_depth = 256);

// Runs PEGTL's grammar analysis on every top-level rule; returns the number of problems.
std::size_t analyze_spec_grammar();

}  // namespace katalint::rpmspec
