// Builds the lossless syntax tree of a spec. This is the only file that instantiates the
// PEGTL grammar (frontend/rpmspec/grammar.hpp).
//
// The driver follows rpm 4.18's reader (build/parseSpec.c):
//  - a logical line is a physical line, extended while a %{, %( or %[ is open at its end
//    (rpm's copyNextLineFromOFI counters); directive and %define lines also take
//    backslash-newline continuations;
//  - conditionals are recognised on every line, in every section; section keywords only in
//    column 1, case-insensitively, followed by whitespace or end of line;
//  - the section mode changes in source order, whatever the conditionals around it.
// Everything is iterative with explicit stacks, so input nesting cannot exhaust the stack.
#include "frontend/rpmspec/syntax.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "frontend/rpmspec/grammar.hpp"
#include "ir/swar.hpp"

namespace katalint::rpmspec {
namespace {

namespace pegtl = tao::pegtl;
using ir::Severity;
using K = SyntaxKind;

constexpr std::uint32_t kNone = 0xffffffffu;

// The bytes extent() stops at while no bracket is open.
constexpr std::array<bool, 256> kLineBreakers = [] {
  std::array<bool, 256> table{};
  table['\\'] = table['\n'] = table['%'] = true;
  return table;
}();

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
char closer_of(char open) { return open == '{' ? '}' : open == '(' ? ')' : ']'; }

// ---------------------------------------------------------------------------------------------
// Tree construction in preorder.

class Builder {
 public:
  explicit Builder(std::vector<SyntaxNode>& nodes) : nodes_(nodes) {}

  NodeId open(SyntaxKind kind, std::uint32_t begin) {
    const NodeId id = append(kind, begin, begin);
    stack_.push_back({id, kNoNode});
    return id;
  }
  void close(std::uint32_t end) {
    const NodeId id = stack_.back().id;
    stack_.pop_back();
    nodes_[id].end = end;
    nodes_[id].subtree_end = static_cast<NodeId>(nodes_.size());
  }
  void leaf(SyntaxKind kind, std::uint32_t begin, std::uint32_t end) {
    if (begin >= end) return;
    const NodeId id = append(kind, begin, end);
    nodes_[id].subtree_end = id + 1;
  }
  [[nodiscard]] SyntaxKind top_kind() const { return nodes_[stack_.back().id].kind; }
  [[nodiscard]] NodeId top() const { return stack_.back().id; }
  [[nodiscard]] std::size_t depth() const { return stack_.size(); }

 private:
  struct Open {
    NodeId id;
    NodeId last_child;
  };
  NodeId append(SyntaxKind kind, std::uint32_t begin, std::uint32_t end) {
    const auto id = static_cast<NodeId>(nodes_.size());
    SyntaxNode n;
    n.kind = kind;
    n.begin = begin;
    n.end = end;
    if (!stack_.empty()) {
      Open& parent = stack_.back();
      n.parent = parent.id;
      if (parent.last_child == kNoNode) {
        nodes_[parent.id].first_child = id;
      } else {
        nodes_[parent.last_child].next_sibling = id;
      }
      parent.last_child = id;
    }
    nodes_.push_back(n);
    return id;
  }

  std::vector<SyntaxNode>& nodes_;
  std::vector<Open> stack_;
};

// ---------------------------------------------------------------------------------------------
// PEGTL glue: actions record spans, the control drops spans of rules that failed.

struct Span {
  SyntaxKind kind;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t order;  // record order; an enclosing rule is recorded after its parts
};

class BracketTable;

struct SpanState {
  const char* base = nullptr;
  const BracketTable* brackets = nullptr;
  std::vector<Span> spans;
  std::vector<std::size_t> marks;
  std::size_t depth = 0;

  std::size_t macro_token_length(const char* p, const char* end) const;
  std::size_t dependency_word_length(const char* p, const char* end) const;
};

template <SyntaxKind Kind>
struct record {
  template <typename ActionInput>
  static void apply(const ActionInput& in, SpanState& st) {
    st.spans.push_back({Kind, static_cast<std::uint32_t>(in.begin() - st.base),
                        static_cast<std::uint32_t>(in.end() - st.base),
                        static_cast<std::uint32_t>(st.spans.size())});
  }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// clang-format off
template <> struct action<grammar::directive_keyword> : record<K::Keyword> {};
template <> struct action<grammar::section_keyword> : record<K::Keyword> {};
template <> struct action<grammar::option_name> : record<K::Option> {};
template <> struct action<grammar::option_value> : record<K::OptionValue> {};
template <> struct action<grammar::option_flag> : record<K::Option> {};
template <> struct action<grammar::section_option> : record<K::SectionOption> {};
template <> struct action<grammar::trigger_condition> : record<K::TriggerCondition> {};
template <> struct action<grammar::section_name> : record<K::SectionName> {};
template <> struct action<grammar::define_keyword> : record<K::Keyword> {};
template <> struct action<grammar::macro_name> : record<K::MacroName> {};
template <> struct action<grammar::macro_options> : record<K::MacroOptions> {};
template <> struct action<grammar::kw_dnl> : record<K::Keyword> {};
template <> struct action<grammar::tag_name> : record<K::TagName> {};
template <> struct action<grammar::tag_qualifier> : record<K::TagQualifier> {};
template <> struct action<grammar::tag_colon> : record<K::Punct> {};
template <> struct action<grammar::dep_op> : record<K::DependencyOperator> {};
template <> struct action<grammar::dep_name> : record<K::DependencyName> {};
template <> struct action<grammar::dep_version> : record<K::DependencyVersion> {};
template <> struct action<grammar::dep_simple> : record<K::Dependency> {};
template <> struct action<grammar::rich_op> : record<K::RichOperator> {};
template <> struct action<grammar::rich_dep> : record<K::RichDependency> {};
template <> struct action<grammar::file_directive_keyword> : record<K::Keyword> {};
template <> struct action<grammar::file_directive_args> : record<K::FileDirectiveArgs> {};
template <> struct action<grammar::file_directive> : record<K::FileDirective> {};
template <> struct action<grammar::file_path> : record<K::FilePath> {};
template <> struct action<grammar::cl_star> : record<K::Punct> {};
template <> struct action<grammar::cl_date> : record<K::ChangelogDate> {};
template <> struct action<grammar::cl_author> : record<K::ChangelogAuthor> {};
template <> struct action<grammar::cl_dash> : record<K::Punct> {};
template <> struct action<grammar::cl_version> : record<K::ChangelogVersion> {};
// clang-format on

// Rules that can fail after some of their parts recorded spans.
template <typename Rule>
inline constexpr bool kTransactional = false;
template <>
inline constexpr bool kTransactional<grammar::option_with_value> = true;
template <>
inline constexpr bool kTransactional<grammar::rich_dep> = true;
template <>
inline constexpr bool kTransactional<grammar::rich_continuation> = true;

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename ParseInput>
  static void start(const ParseInput& /*in*/, SpanState& st) {
    if constexpr (kTransactional<Rule>) st.marks.push_back(st.spans.size());
  }
  template <typename ParseInput>
  static void success(const ParseInput& /*in*/, SpanState& st) {
    if constexpr (kTransactional<Rule>) st.marks.pop_back();
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*in*/, SpanState& st) {
    if constexpr (kTransactional<Rule>) {
      st.spans.resize(st.marks.back());
      st.marks.pop_back();
    }
  }
};

// ---------------------------------------------------------------------------------------------
// Bracket matching with rpm's matchchar(): per bracket type, backslash escapes the next byte.
// One pass over the whole file gives the same pairs as matchchar() started at any opener
// that follows a '%', because a scan never starts inside an escape there.

class BracketTable {
  // Nonzero if the word may hold one of ()[]{} or a backslash: '|' 0x20 maps '[', '\\', ']'
  // onto '{', '|', '}'.
  static std::uint64_t may_hold_bracket(std::uint64_t word) {
    return ir::swar::has_in_range(word | (ir::swar::kOnes * 0x20), '{', '}') |
           ir::swar::has_in_range(word, '(', ')');
  }

 public:
  explicit BracketTable(std::string_view text) {
    std::array<std::vector<std::uint32_t>, 3> open;
    const auto n = static_cast<std::uint32_t>(text.size());
    for (std::uint32_t i = 0; i < n; ++i) {
      while (i + 8 <= n && !may_hold_bracket(ir::swar::load(text.data() + i))) i += 8;
      if (i >= n) break;
      const char c = text[i];
      int type = -1;
      bool closing = false;
      switch (c) {
        case '\\': ++i; continue;
        case '{': type = 0; break;
        case '(': type = 1; break;
        case '[': type = 2; break;
        case '}': type = 0, closing = true; break;
        case ')': type = 1, closing = true; break;
        case ']': type = 2, closing = true; break;
        default: continue;
      }
      auto& stack = open[static_cast<std::size_t>(type)];
      if (!closing) {
        stack.push_back(i);
      } else if (!stack.empty()) {
        pairs_.push_back({stack.back(), i});
        stack.pop_back();
      }
    }
    std::sort(pairs_.begin(), pairs_.end());
  }
  // Offset of the bracket closing the one at `open`, or kNone.
  [[nodiscard]] std::uint32_t match(std::uint32_t open) const {
    auto it = std::lower_bound(pairs_.begin(), pairs_.end(), std::pair<std::uint32_t, std::uint32_t>{open, 0});
    return it != pairs_.end() && it->first == open ? it->second : kNone;
  }

 private:
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs_;
};

// Length of a bare macro name after '%' at `p` (flags excluded), after rpm's expandMacro:
// [-]name-chars then '*', '**' or '#'.
std::size_t bare_name_length(const char* p, const char* end) {
  const char* q = p;
  if (q < end && *q == '-') ++q;
  while (q < end && is_name_char(*q)) ++q;
  if (q < end && *q == '*') {
    ++q;
    if (q < end && *q == '*') ++q;
  } else if (q < end && *q == '#') {
    ++q;
  }
  return static_cast<std::size_t>(q - p);
}

std::size_t SpanState::macro_token_length(const char* p, const char* end) const {
  if (end - p < 2 || p[0] != '%') return 0;
  const char c = p[1];
  if (c == '%') return 2;
  if (c == '{' || c == '(' || c == '[') {
    const std::uint32_t open = static_cast<std::uint32_t>(p + 1 - base);
    const std::uint32_t close = brackets->match(open);
    if (close == kNone || base + close >= end) return 0;
    return static_cast<std::size_t>(base + close + 1 - p);
  }
  const char* q = p + 1;
  while (q < end && (*q == '!' || *q == '?')) ++q;
  const std::size_t name = bare_name_length(q, end);
  return name == 0 ? 0 : static_cast<std::size_t>(q + name - p);
}

std::size_t SpanState::dependency_word_length(const char* p, const char* end) const {
  const char* q = p;
  int level = 0;
  while (q < end) {
    const char c = *q;
    if (is_space(c) || c == ',') break;
    if (c == ')') {
      if (level-- <= 0) break;
    } else if (c == '%') {
      const std::size_t n = macro_token_length(q, end);
      if (n > 0) {
        q += n;
        continue;
      }
    } else if (c == '(') {
      ++level;
    }
    ++q;
  }
  return static_cast<std::size_t>(q - p);
}

// ---------------------------------------------------------------------------------------------
// Sections.

enum class Mode : std::uint8_t { Preamble, Description, Script, Files, Changelog, List };
enum class Trigger : std::uint8_t { None, Classic, Path };

struct Part {
  std::string_view name;
  Mode mode;
  Trigger trigger;
};

constexpr std::array kParts = {
    Part{"package", Mode::Preamble, Trigger::None},
    Part{"description", Mode::Description, Trigger::None},
    Part{"prep", Mode::Script, Trigger::None},
    Part{"conf", Mode::Script, Trigger::None},
    Part{"build", Mode::Script, Trigger::None},
    Part{"install", Mode::Script, Trigger::None},
    Part{"check", Mode::Script, Trigger::None},
    Part{"clean", Mode::Script, Trigger::None},
    Part{"generate_buildrequires", Mode::Script, Trigger::None},
    Part{"pre", Mode::Script, Trigger::None},
    Part{"post", Mode::Script, Trigger::None},
    Part{"preun", Mode::Script, Trigger::None},
    Part{"postun", Mode::Script, Trigger::None},
    Part{"pretrans", Mode::Script, Trigger::None},
    Part{"posttrans", Mode::Script, Trigger::None},
    Part{"preuntrans", Mode::Script, Trigger::None},
    Part{"postuntrans", Mode::Script, Trigger::None},
    Part{"verifyscript", Mode::Script, Trigger::None},
    Part{"trigger", Mode::Script, Trigger::Classic},
    Part{"triggerin", Mode::Script, Trigger::Classic},
    Part{"triggerun", Mode::Script, Trigger::Classic},
    Part{"triggerprein", Mode::Script, Trigger::Classic},
    Part{"triggerpostun", Mode::Script, Trigger::Classic},
    Part{"filetrigger", Mode::Script, Trigger::Path},
    Part{"filetriggerin", Mode::Script, Trigger::Path},
    Part{"filetriggerun", Mode::Script, Trigger::Path},
    Part{"filetriggerpostun", Mode::Script, Trigger::Path},
    Part{"transfiletrigger", Mode::Script, Trigger::Path},
    Part{"transfiletriggerin", Mode::Script, Trigger::Path},
    Part{"transfiletriggerun", Mode::Script, Trigger::Path},
    Part{"transfiletriggerpostun", Mode::Script, Trigger::Path},
    Part{"files", Mode::Files, Trigger::None},
    Part{"changelog", Mode::Changelog, Trigger::None},
    Part{"sepolicy", Mode::List, Trigger::None},
    Part{"sourcelist", Mode::List, Trigger::None},
    Part{"patchlist", Mode::List, Trigger::None},
    Part{"end", Mode::List, Trigger::None},
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (std::tolower(x) != std::tolower(y)) return false;
  }
  return true;
}

const Part* find_part(std::string_view keyword) {  // keyword without '%'
  for (const Part& p : kParts) {
    if (iequals(p.name, keyword)) return &p;
  }
  return nullptr;
}

bool is_dependency_tag(std::string_view name) {
  static constexpr std::array kTags = {
      "Requires",  "BuildRequires", "BuildConflicts", "BuildPrereq", "Conflicts",
      "Obsoletes", "Provides",      "PreReq",         "Recommends",  "Suggests",
      "Supplements", "Enhances",    "OrderWithRequires"};
  return std::any_of(kTags.begin(), kTags.end(), [&](const char* t) { return iequals(name, t); });
}

// Kinds whose span content is text with inline macros.
bool is_content_kind(SyntaxKind k) {
  switch (k) {
    case K::TagValue: case K::DependencyName: case K::DependencyVersion: case K::OptionValue:
    case K::SectionName: case K::FilePath: case K::FileDirectiveArgs: case K::ChangelogDate:
    case K::ChangelogAuthor: case K::ChangelogVersion: case K::Condition: case K::MacroBody:
    case K::MacroArgs:
      return true;
    default:
      return false;
  }
}

// Kinds whose span has parts of its own.
bool is_interior_kind(SyntaxKind k) {
  return k == K::Dependency || k == K::RichDependency || k == K::SectionOption ||
         k == K::FileDirective || k == K::TriggerCondition;
}

// ---------------------------------------------------------------------------------------------

class Parser {
 public:
  Parser(std::string_view text, ir::FileId file, ir::DiagnosticSink& sink, SyntaxTree& tree,
         const SyntaxOptions& options)
      : text_(text), n_(static_cast<std::uint32_t>(text.size())), file_(file), sink_(sink),
        options_(options), b_(tree.nodes), brackets_(text) {
    tree.nodes.reserve(text.size() / 5 + 16);  // the corpus averages 0.17 nodes per byte
    st_.base = text_.data();
    st_.brackets = &brackets_;
  }

  void run();

 private:
  enum class LineClass : std::uint8_t { Directive, Section, Define, Dnl, Comment, Blank, Other };
  enum class Directive : std::uint8_t { If, Elif, Else, Endif, Include };

  struct Cond {
    ir::Range keyword;       // the %if keyword
    ir::Range first_else;    // invalid until an %else is seen
  };

  // Lines.
  std::uint32_t parse_line(std::uint32_t pos);
  std::uint32_t conditional_macro(std::uint32_t pos, std::uint32_t end) const;
  std::uint32_t extent(std::uint32_t pos, bool continuation);
  void directive_line(Directive d, std::uint32_t pos, std::uint32_t kw_end, std::uint32_t end);
  void section_line(std::uint32_t pos, std::uint32_t kw_end, std::uint32_t end);
  void define_line(std::uint32_t pos, std::uint32_t end);
  void dnl_line(std::uint32_t pos, std::uint32_t end);
  void simple_line(SyntaxKind kind, std::uint32_t pos, std::uint32_t end);
  void tag_line(std::uint32_t pos, std::uint32_t end);
  void files_line(std::uint32_t pos, std::uint32_t end);
  void changelog_header(std::uint32_t pos, std::uint32_t end);

  // Containers.
  void ensure_section(std::uint32_t pos);
  void close_to_branch_or_file(std::uint32_t pos);

  // Pieces.
  std::uint32_t content_end(std::uint32_t pos, std::uint32_t end) const;  // before the newline
  std::uint32_t skip_plain(std::uint32_t i) const;  // the next '\\', '\n' or '%' from i, or n_
  std::uint32_t trim_right(std::uint32_t b, std::uint32_t e) const;
  std::uint32_t skip_blanks(std::uint32_t b, std::uint32_t e) const;
  std::uint32_t dnl_cut(std::uint32_t b, std::uint32_t e) const;
  void newline(std::uint32_t ce, std::uint32_t end) { b_.leaf(K::Newline, ce, end); }
  void content(SyntaxKind kind, std::uint32_t b, std::uint32_t e, bool continuations = false);
  void inline_content(std::uint32_t b, std::uint32_t e, bool continuations);
  void gap(std::uint32_t b, std::uint32_t e);
  void dependencies(std::uint32_t b, std::uint32_t e);
  void trigger_condition(std::uint32_t b, std::uint32_t e);
  void emit_spans(std::uint32_t b, std::uint32_t e, std::vector<Span> spans);

  template <typename Rule>
  bool run_rule(std::uint32_t b, std::uint32_t e) {
    st_.spans.clear();
    st_.marks.clear();
    st_.depth = 0;
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> in(
        text_.data() + b, text_.data() + e, "");
    return pegtl::parse<Rule, action, control>(in, st_);
  }

  ir::Diagnostic& report(std::string_view rule, std::uint32_t b, std::uint32_t e,
                         std::string message) {
    return sink_.report(std::string(rule), Severity::Error, {file_, b, e}, std::move(message));
  }

  std::string_view text_;
  std::uint32_t n_;
  ir::FileId file_;
  ir::DiagnosticSink& sink_;
  const SyntaxOptions& options_;
  Builder b_;
  BracketTable brackets_;
  SpanState st_;
  Mode mode_ = Mode::Preamble;
  Trigger trigger_ = Trigger::None;
  std::vector<Cond> conds_;
  std::vector<std::uint32_t> dead_;  // openers rpm would never close (sorted)
  std::array<std::vector<std::uint32_t>, 3> walk_stacks_;

  // A region of inline text still to scan, and what to emit when it is done.
  struct Frame {
    std::uint32_t pos;
    std::uint32_t end;
    std::uint32_t closer_b;     // closing bracket emitted when the frame ends
    std::uint32_t closer_e;
    std::uint32_t close_nodes;  // builder nodes closed when the frame ends
    bool continuations;
  };
  std::vector<Frame> frames_;
};

void Parser::run() {
  b_.open(K::File, 0);
  std::uint32_t pos = 0;
  while (pos < n_) pos = parse_line(pos);
  for (const Cond& cond : conds_) {
    report("unterminated-if", cond.keyword.begin, cond.keyword.end,
           "no %endif before the end of the file (rpm: unclosed %if)");
  }
  while (b_.depth() > 0) b_.close(n_);
}

// rpm joins physical lines while a %{, %( or %[ is open (and, for directives and %define,
// after a backslash-newline). Openers rpm would never close are remembered in `dead_` and
// ignored, so an error costs one extra pass and the rest of the file still parses.
std::uint32_t Parser::extent(std::uint32_t pos, bool continuation) {
  for (;;) {
    for (auto& s : walk_stacks_) s.clear();
    auto& braces = walk_stacks_[0];
    auto& parens = walk_stacks_[1];
    auto& brackets = walk_stacks_[2];
    auto dead = std::lower_bound(dead_.begin(), dead_.end(), pos);
    auto is_dead = [&](std::uint32_t i) {
      while (dead != dead_.end() && *dead < i) ++dead;
      return dead != dead_.end() && *dead == i;
    };
    bool escaped_newline = false;
    for (std::uint32_t i = pos; i < n_; ++i) {
      if (braces.empty() && parens.empty() && brackets.empty()) {
        // Nothing open: only a backslash, a newline or a '%' can end or extend the line.
        i = skip_plain(i);
        if (i == n_) break;
      }
      const char c = text_[i];
      bool at_newline = false;
      switch (c) {
        case '\\':
          if (i + 1 < n_ && text_[i + 1] == '\n') {
            escaped_newline = true;
            at_newline = true;
          }
          ++i;
          break;
        case '\n':
          escaped_newline = false;
          at_newline = true;
          break;
        case '%':
          if (i + 1 < n_) {
            const char d = text_[i + 1];
            if (d == '{' || d == '(' || d == '[') {
              if (!is_dead(i)) (d == '{' ? braces : d == '(' ? parens : brackets).push_back(i);
              ++i;
            } else if (d == '%') {
              ++i;
            }
          }
          break;
        case '{': if (!braces.empty() && !is_dead(i)) braces.push_back(i); break;
        case '}': if (!braces.empty()) braces.pop_back(); break;
        case '(': if (!parens.empty() && !is_dead(i)) parens.push_back(i); break;
        case ')': if (!parens.empty()) parens.pop_back(); break;
        case '[': if (!brackets.empty() && !is_dead(i)) brackets.push_back(i); break;
        case ']': if (!brackets.empty()) brackets.pop_back(); break;
        default: break;
      }
      if (at_newline && braces.empty() && parens.empty() && brackets.empty() &&
          !(continuation && escaped_newline)) {
        return std::min(i + 1, n_);
      }
    }
    if (braces.empty() && parens.empty() && brackets.empty()) return n_;
    // Unclosed until the end of the file: mark the openers dead and walk again.
    std::vector<std::uint32_t> merged;
    merged.reserve(dead_.size() + braces.size() + parens.size() + brackets.size());
    for (const auto& s : walk_stacks_) merged.insert(merged.end(), s.begin(), s.end());
    merged.insert(merged.end(), dead_.begin(), dead_.end());
    std::sort(merged.begin(), merged.end());
    merged.erase(std::unique(merged.begin(), merged.end()), merged.end());
    dead_ = std::move(merged);
  }
}

std::uint32_t Parser::skip_plain(std::uint32_t i) const {
  for (; i + 8 <= n_; i += 8) {
    const std::uint64_t word = ir::swar::load(text_.data() + i);
    if ((ir::swar::has_byte(word, '\\') | ir::swar::has_byte(word, '\n') | ir::swar::has_byte(word, '%')) != 0) break;
  }
  while (i < n_ && !kLineBreakers[static_cast<unsigned char>(text_[i])]) ++i;
  return i;
}

std::uint32_t Parser::content_end(std::uint32_t pos, std::uint32_t end) const {
  if (end > pos && text_[end - 1] == '\n') {
    --end;
    if (end > pos && text_[end - 1] == '\r') --end;
  }
  return end;
}

std::uint32_t Parser::trim_right(std::uint32_t b, std::uint32_t e) const {
  while (e > b && is_space(text_[e - 1])) --e;
  return e;
}

std::uint32_t Parser::skip_blanks(std::uint32_t b, std::uint32_t e) const {
  while (b < e && (text_[b] == ' ' || text_[b] == '\t')) ++b;
  return b;
}

// Offset of the first %dnl outside other macros in [b, e), or e. rpm drops the rest of the
// line, so structured parts of a line end there.
std::uint32_t Parser::dnl_cut(std::uint32_t b, std::uint32_t e) const {
  for (std::uint32_t i = b; i + 1 < e; ++i) {
    if (text_[i] != '%') continue;
    const char c = text_[i + 1];
    if (c == '%') {
      ++i;
    } else if (c == '{' || c == '(' || c == '[') {
      const std::uint32_t close = brackets_.match(i + 1);
      if (close == kNone || close >= e) return e;
      i = close;
    } else if (c == 'd' && text_.substr(i + 1, 3) == "dnl" &&
               (i + 4 >= e || !is_name_char(text_[i + 4]))) {
      return i;
    }
  }
  return e;
}

void Parser::ensure_section(std::uint32_t pos) {
  if (b_.top_kind() == K::File) b_.open(K::Section, pos);
}

// Closes the Sections and ChangelogEntries opened at the current nesting level.
void Parser::close_to_branch_or_file(std::uint32_t pos) {
  while (b_.top_kind() == K::Section || b_.top_kind() == K::ChangelogEntry) b_.close(pos);
}

std::uint32_t Parser::parse_line(std::uint32_t pos) {
  const char* nl = static_cast<const char*>(std::memchr(text_.data() + pos, '\n', n_ - pos));
  const std::uint32_t phys_end = nl ? static_cast<std::uint32_t>(nl - text_.data()) + 1 : n_;

  LineClass cls = LineClass::Other;
  std::uint32_t kw_end = pos;
  Directive directive = Directive::If;
  // The grammar decides; the first significant byte only picks which rules can match.
  std::uint32_t first = pos;
  while (first < phys_end && (text_[first] == ' ' || text_[first] == '\t' ||
                              text_[first] == '\r' || text_[first] == '\v' ||
                              text_[first] == '\f')) {
    ++first;
  }
  const char lead = first < phys_end ? text_[first] : '\n';
  if (lead == '%') {
    if (run_rule<grammar::directive_head>(pos, phys_end)) {
      cls = LineClass::Directive;
      const Span& kw = st_.spans.back();
      kw_end = kw.end;
      const std::string_view word = text_.substr(kw.begin + 1, kw.end - kw.begin - 1);
      if (word == "endif") {
        directive = Directive::Endif;
      } else if (word == "else") {
        directive = Directive::Else;
      } else if (word.substr(0, 4) == "elif") {
        directive = Directive::Elif;
      } else if (word == "include") {
        directive = Directive::Include;
      }
    } else if (const std::uint32_t m = conditional_macro(pos, phys_end); m != 0) {
      cls = LineClass::Directive;
      kw_end = m;
    } else if (first == pos && run_rule<grammar::section_head>(pos, phys_end)) {
      cls = LineClass::Section;
      kw_end = st_.spans.back().end;
    } else if (run_rule<grammar::define_head>(pos, phys_end)) {
      cls = LineClass::Define;
    } else if (run_rule<grammar::dnl_head>(pos, phys_end)) {
      cls = LineClass::Dnl;
    }
  } else if (lead == '#') {
    if (run_rule<grammar::comment_head>(pos, phys_end)) cls = LineClass::Comment;
  } else if (lead == '\n') {
    if (run_rule<grammar::blank_line>(pos, phys_end)) cls = LineClass::Blank;
  }

  switch (cls) {
    case LineClass::Directive: {
      const std::uint32_t end = extent(pos, true);
      directive_line(directive, pos, kw_end, end);
      return end;
    }
    case LineClass::Section: {
      const std::uint32_t end = extent(pos, false);
      section_line(pos, kw_end, end);
      return end;
    }
    case LineClass::Define: {
      const std::uint32_t end = extent(pos, true);
      ensure_section(pos);
      define_line(pos, end);
      return end;
    }
    case LineClass::Dnl:
      // %dnl discards up to the newline, whatever braces it contains.
      ensure_section(pos);
      dnl_line(pos, phys_end);
      return phys_end;
    case LineClass::Comment: {
      const std::uint32_t end = extent(pos, false);
      ensure_section(pos);
      simple_line(K::Comment, pos, end);
      return end;
    }
    case LineClass::Blank:
      ensure_section(pos);
      b_.open(K::Blank, pos);
      b_.leaf(K::Whitespace, pos, content_end(pos, phys_end));
      newline(content_end(pos, phys_end), phys_end);
      b_.close(phys_end);
      return phys_end;
    case LineClass::Other:
      break;
  }

  const std::uint32_t end = extent(pos, false);
  ensure_section(pos);
  switch (mode_) {
    case Mode::Preamble:
      tag_line(pos, end);
      break;
    case Mode::Files:
      files_line(pos, end);
      break;
    case Mode::Changelog:
      if (text_[pos] == '*') {
        changelog_header(pos, end);
      } else {
        simple_line(K::BodyLine, pos, end);
      }
      break;
    case Mode::Description:
    case Mode::Script:
    case Mode::List:
      simple_line(K::BodyLine, pos, end);
      break;
  }
  return end;
}

// End of a leading "%name" listed in SyntaxOptions::conditional_macros, or 0.
std::uint32_t Parser::conditional_macro(std::uint32_t pos, std::uint32_t end) const {
  if (options_.conditional_macros.empty()) return 0;
  std::uint32_t i = pos;
  while (i < end && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r' ||
                     text_[i] == '\v' || text_[i] == '\f')) {
    ++i;
  }
  if (i >= end || text_[i] != '%') return 0;
  std::uint32_t e = i + 1;
  while (e < end && is_name_char(text_[e])) ++e;
  const std::string_view name = text_.substr(i + 1, e - i - 1);
  const auto& list = options_.conditional_macros;
  return !name.empty() && std::find(list.begin(), list.end(), name) != list.end() ? e : 0;
}

void Parser::simple_line(SyntaxKind kind, std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t ce = content_end(pos, end);
  b_.open(kind, pos);
  inline_content(pos, ce, false);
  newline(ce, end);
  b_.close(end);
}

void Parser::directive_line(Directive d, std::uint32_t pos, std::uint32_t kw_end,
                            std::uint32_t end) {
  const std::uint32_t ce = content_end(pos, end);
  std::uint32_t kw_b = pos;
  while (kw_b < kw_end && text_[kw_b] != '%') ++kw_b;
  const std::string keyword(text_.substr(kw_b, kw_end - kw_b));

  auto emit = [&](SyntaxKind kind) {
    b_.open(kind, pos);
    b_.leaf(K::Whitespace, pos, kw_b);
    b_.leaf(K::Keyword, kw_b, kw_end);
    const std::uint32_t arg = skip_blanks(kw_end, ce);
    b_.leaf(K::Whitespace, kw_end, arg);
    const std::uint32_t arg_end = trim_right(arg, ce);
    if (d == Directive::If || d == Directive::Elif) {
      content(K::Condition, arg, arg_end, true);
    } else {
      inline_content(arg, arg_end, true);
    }
    b_.leaf(K::Whitespace, arg_end, ce);
    newline(ce, end);
    b_.close(end);
  };

  switch (d) {
    case Directive::If:
      ensure_section(pos);
      b_.open(K::Conditional, pos);
      b_.open(K::ConditionalBranch, pos);
      emit(K::IfDirective);
      conds_.push_back({{file_, kw_b, kw_end}, {}});
      return;
    case Directive::Include:
      ensure_section(pos);
      emit(K::IncludeDirective);
      return;
    case Directive::Elif:
    case Directive::Else:
    case Directive::Endif:
      break;
  }

  const SyntaxKind kind = d == Directive::Elif   ? K::ElifDirective
                          : d == Directive::Else ? K::ElseDirective
                                                 : K::EndifDirective;
  if (conds_.empty()) {
    report("unmatched-conditional", kw_b, kw_end, keyword + " with no %if");
    ensure_section(pos);
    emit(kind);
    return;
  }
  Cond& cond = conds_.back();
  if (d != Directive::Endif && cond.first_else.valid()) {
    ir::Diagnostic& diag = report("duplicate-else", kw_b, kw_end, keyword + " after %else");
    diag.notes.push_back({cond.first_else, "the first %else is here"});
  }
  close_to_branch_or_file(pos);
  b_.close(pos);  // the branch
  if (d == Directive::Endif) {
    emit(kind);
    b_.close(end);  // the conditional
    conds_.pop_back();
    return;
  }
  if (d == Directive::Else && !cond.first_else.valid()) cond.first_else = {file_, kw_b, kw_end};
  b_.open(K::ConditionalBranch, pos);
  emit(kind);
}

void Parser::section_line(std::uint32_t pos, std::uint32_t kw_end, std::uint32_t end) {
  const std::uint32_t ce = content_end(pos, end);
  const Part* part = find_part(text_.substr(pos + 1, kw_end - pos - 1));
  mode_ = part != nullptr ? part->mode : Mode::Script;
  trigger_ = part != nullptr ? part->trigger : Trigger::None;
  close_to_branch_or_file(pos);
  b_.open(K::Section, pos);
  b_.open(K::SectionHeader, pos);
  b_.leaf(K::Keyword, pos, kw_end);
  const std::uint32_t cut = dnl_cut(kw_end, ce);
  const std::uint32_t args_end = trim_right(kw_end, cut);
  if (args_end > kw_end && run_rule<grammar::section_args>(kw_end, args_end)) {
    emit_spans(kw_end, args_end, std::move(st_.spans));
  } else {
    inline_content(kw_end, args_end, false);
  }
  b_.leaf(K::Whitespace, args_end, cut);
  inline_content(cut, ce, false);
  newline(ce, end);
  b_.close(end);
}

void Parser::define_line(std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t ce = content_end(pos, end);
  b_.open(K::MacroDefinition, pos);
  std::uint32_t head_end = pos;
  bool undefine = false;
  if (run_rule<grammar::define_head>(pos, ce)) {
    std::vector<Span> spans = std::move(st_.spans);
    for (const Span& s : spans) {
      head_end = std::max(head_end, s.end);
      if (s.kind == K::Keyword) undefine = text_.substr(s.begin, s.end - s.begin) == "%undefine";
    }
    emit_spans(pos, head_end, std::move(spans));
  }
  const std::uint32_t body = skip_blanks(head_end, ce);
  b_.leaf(K::Whitespace, head_end, body);
  const std::uint32_t body_end = trim_right(body, ce);
  if (undefine) {
    inline_content(body, body_end, false);
  } else {
    content(K::MacroBody, body, body_end, true);
  }
  b_.leaf(K::Whitespace, body_end, ce);
  newline(ce, end);
  b_.close(end);
}

void Parser::dnl_line(std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t ce = content_end(pos, end);
  b_.open(K::Dnl, pos);
  std::uint32_t kw_b = pos;
  std::uint32_t kw_e = pos;
  if (run_rule<grammar::dnl_head>(pos, ce) && !st_.spans.empty()) {
    kw_b = st_.spans.back().begin;
    kw_e = st_.spans.back().end;
  }
  b_.leaf(K::Whitespace, pos, kw_b);
  b_.leaf(K::Keyword, kw_b, kw_e);
  b_.leaf(K::Text, kw_e, ce);
  newline(ce, end);
  b_.close(end);
}

void Parser::tag_line(std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t line_end = content_end(pos, end);
  const std::uint32_t ce = dnl_cut(pos, line_end);
  std::uint32_t start = pos;
  while (start < ce && (text_[start] == ' ' || text_[start] == '\t' || text_[start] == '\r' ||
                        text_[start] == '\v' || text_[start] == '\f')) {
    ++start;
  }
  if (start < ce && text_[start] == '%') {  // a macro line; it may expand to tags
    simple_line(K::BodyLine, pos, end);
    return;
  }
  if (!run_rule<grammar::tag_head>(start, ce)) {
    report("malformed-tag", pos, ce, "line is not a 'Tag: value' pair (rpm: unknown tag)");
    simple_line(K::Error, pos, end);
    return;
  }
  std::vector<Span> spans = std::move(st_.spans);
  std::uint32_t head_end = start;
  std::string_view name;
  for (const Span& s : spans) {
    head_end = std::max(head_end, s.end);
    if (s.kind == K::TagName) name = text_.substr(s.begin, s.end - s.begin);
  }
  if (start != pos) {
    report("malformed-tag", pos, head_end,
           "tag does not start in the first column (rpm: unknown tag)");
  }
  b_.open(K::Tag, pos);
  b_.leaf(K::Whitespace, pos, start);
  emit_spans(start, head_end, std::move(spans));
  const std::uint32_t value = skip_blanks(head_end, ce);
  b_.leaf(K::Whitespace, head_end, value);
  const std::uint32_t value_end = trim_right(value, ce);
  if (value == value_end) {
    report("malformed-tag", start, head_end,
           "empty value for tag '" + std::string(name) + "' (rpm: empty tag)");
  } else if (is_dependency_tag(name)) {
    b_.open(K::TagValue, value);
    dependencies(value, value_end);
    b_.close(value_end);
  } else {
    content(K::TagValue, value, value_end);
  }
  b_.leaf(K::Whitespace, value_end, ce);
  inline_content(ce, line_end, false);
  newline(line_end, end);
  b_.close(end);
}

void Parser::files_line(std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t line_end = content_end(pos, end);
  const std::uint32_t ce = dnl_cut(pos, line_end);
  b_.open(K::FileEntry, pos);
  if (run_rule<grammar::file_entry>(pos, ce)) {
    emit_spans(pos, ce, std::move(st_.spans));
  } else {
    inline_content(pos, ce, false);
  }
  inline_content(ce, line_end, false);
  newline(line_end, end);
  b_.close(end);
}

void Parser::changelog_header(std::uint32_t pos, std::uint32_t end) {
  const std::uint32_t line_end = content_end(pos, end);
  const std::uint32_t ce = dnl_cut(pos, line_end);
  const std::uint32_t he = trim_right(pos, ce);
  if (b_.top_kind() == K::ChangelogEntry) b_.close(pos);
  b_.open(K::ChangelogEntry, pos);
  b_.open(K::ChangelogHeader, pos);
  if (run_rule<grammar::changelog_header>(pos, he)) {
    emit_spans(pos, he, std::move(st_.spans));
  } else {
    inline_content(pos, he, false);
  }
  b_.leaf(K::Whitespace, he, ce);
  inline_content(ce, line_end, false);
  newline(line_end, end);
  b_.close(end);
}

// `kind` over [b, e): a leaf when it holds plain text, else a node with inline children.
void Parser::content(SyntaxKind kind, std::uint32_t b, std::uint32_t e, bool continuations) {
  if (b >= e) return;
  bool plain = std::memchr(text_.data() + b, '%', e - b) == nullptr;
  if (plain && continuations) {
    for (std::uint32_t i = b; i + 1 < e; ++i) {
      if (text_[i] == '\\' && text_[i + 1] == '\n') {
        plain = false;
        break;
      }
    }
  }
  if (plain) {
    b_.leaf(kind, b, e);
    return;
  }
  b_.open(kind, b);
  inline_content(b, e, continuations);
  b_.close(e);
}

// Text with inline macros. Nested macro arguments are handled with an explicit frame stack.
void Parser::inline_content(std::uint32_t b, std::uint32_t e, bool continuations) {
  auto& frames = frames_;  // reused; this function never re-enters itself
  frames.clear();
  frames.push_back({b, e, 0, 0, 0, continuations});

  // Pushes the remainder of a bracketed macro: its content, then its closer.
  auto push_content = [&](std::uint32_t from, std::uint32_t stop, bool terminated,
                          std::uint32_t nodes) {
    frames.push_back({from, stop, stop, terminated ? stop + 1 : stop, nodes, false});
  };

  while (!frames.empty()) {
    const std::size_t fi = frames.size() - 1;
    const Frame f = frames[fi];
    if (f.pos >= f.end) {
      b_.leaf(K::Punct, f.closer_b, f.closer_e);
      const std::uint32_t at = std::max(f.closer_e, f.end);
      for (std::uint32_t k = 0; k < f.close_nodes; ++k) b_.close(at);
      frames.pop_back();
      continue;
    }
    std::uint32_t q = f.pos;
    if (f.continuations) {
      while (q < f.end && text_[q] != '%' &&
             !(text_[q] == '\\' && q + 1 < f.end && text_[q + 1] == '\n')) {
        ++q;
      }
    } else {
      const void* hit = std::memchr(text_.data() + q, '%', f.end - q);
      q = hit != nullptr ? static_cast<std::uint32_t>(static_cast<const char*>(hit) - text_.data())
                         : f.end;
    }
    b_.leaf(K::Text, f.pos, q);
    if (q >= f.end) {
      frames[fi].pos = q;
      continue;
    }
    if (text_[q] == '\\') {
      b_.leaf(K::Continuation, q, q + 2);
      frames[fi].pos = q + 2;
      continue;
    }

    // A macro at q.
    const std::uint32_t end = f.end;
    if (q + 1 >= end) {
      b_.leaf(K::Text, q, q + 1);
      frames[fi].pos = q + 1;
      continue;
    }
    const char c = text_[q + 1];
    if (c == '%') {
      b_.leaf(K::Escape, q, q + 2);
      frames[fi].pos = q + 2;
      continue;
    }
    if (c == '{' || c == '(' || c == '[') {
      const std::uint32_t close = brackets_.match(q + 1);
      const bool terminated = close != kNone && close < end;
      const std::uint32_t stop = terminated ? close : end;
      frames[fi].pos = terminated ? close + 1 : end;
      if (!terminated) {
        const std::string open = std::string("%") + c;
        report("unbalanced-macro-brace", q, q + 2,
               "unterminated '" + open + "': missing '" + closer_of(c) +
                   "' (rpm: unclosed macro)");
      }
      if (c != '{') {
        b_.open(c == '(' ? K::ShellExpansion : K::ExprExpansion, q);
        b_.leaf(K::Punct, q, q + 2);
        push_content(q + 2, stop, terminated, 1);
        continue;
      }
      std::uint32_t name = q + 2;
      while (name < stop && (text_[name] == '!' || text_[name] == '?')) ++name;
      std::uint32_t name_end = name;
      while (name_end < stop && text_[name_end] != ' ' && text_[name_end] != '\t' &&
             text_[name_end] != ':' && text_[name_end] != '}') {
        ++name_end;
      }
      const bool lua = name == q + 2 && text_.substr(name, name_end - name) == "lua" &&
                       name_end < stop && text_[name_end] == ':';
      b_.open(lua ? K::LuaExpansion : K::MacroRef, q);
      b_.leaf(K::Punct, q, q + 2);
      b_.leaf(K::MacroFlags, q + 2, name);
      b_.leaf(K::MacroName, name, name_end);
      if (lua) {
        b_.leaf(K::Punct, name_end, name_end + 1);
        b_.leaf(K::Text, name_end + 1, stop);
        if (terminated) b_.leaf(K::Punct, stop, stop + 1);
        b_.close(terminated ? stop + 1 : stop);
        continue;
      }
      push_content(stop, stop, terminated, 1);  // closer and end of the MacroRef
      if (name_end < stop) {
        std::uint32_t args = name_end;
        if (text_[name_end] == ':') {
          b_.leaf(K::Punct, name_end, name_end + 1);
          args = name_end + 1;
        } else {
          args = skip_blanks(name_end, stop);
          b_.leaf(K::Whitespace, name_end, args);
        }
        if (args < stop) {
          if (std::memchr(text_.data() + args, '%', stop - args) == nullptr) {
            b_.leaf(K::MacroArgs, args, stop);
          } else {
            b_.open(K::MacroArgs, args);
            frames.push_back({args, stop, stop, stop, 1, false});
          }
        }
      }
      continue;
    }

    // %name, %?name, %!?name, %-f, %-f*, %*, %**, %#, %1, %dnl
    std::uint32_t name = q + 1;
    while (name < end && (text_[name] == '!' || text_[name] == '?')) ++name;
    const auto len = static_cast<std::uint32_t>(
        bare_name_length(text_.data() + name, text_.data() + end));
    if (len == 0) {
      b_.leaf(K::Text, q, q + 1);
      frames[fi].pos = q + 1;
      continue;
    }
    const std::uint32_t name_end = name + len;
    if (name == q + 1 && text_.substr(name, len) == "dnl") {
      const void* nl = std::memchr(text_.data() + name_end, '\n', end - name_end);
      const std::uint32_t line_end =
          nl != nullptr ? static_cast<std::uint32_t>(static_cast<const char*>(nl) - text_.data())
                        : end;
      b_.open(K::Dnl, q);
      b_.leaf(K::Keyword, q, name_end);
      b_.leaf(K::Text, name_end, line_end);
      b_.close(line_end);
      frames[fi].pos = line_end;
      continue;
    }
    b_.open(K::MacroRef, q);
    b_.leaf(K::Punct, q, q + 1);
    b_.leaf(K::MacroFlags, q + 1, name);
    b_.leaf(K::MacroName, name, name_end);
    b_.close(name_end);
    frames[fi].pos = name_end;
  }
}

// Text between spans: whitespace, the punctuation "(),", and words (with inline macros).
void Parser::gap(std::uint32_t b, std::uint32_t e) {
  std::uint32_t i = b;
  while (i < e) {
    std::uint32_t j = i;
    if (is_space(text_[i])) {
      while (j < e && is_space(text_[j])) ++j;
      b_.leaf(K::Whitespace, i, j);
      i = j;
      continue;
    }
    while (j < e && !is_space(text_[j])) ++j;
    if (std::memchr(text_.data() + i, '%', j - i) != nullptr) {
      inline_content(i, j, false);
      i = j;
      continue;
    }
    while (i < j) {
      const char c = text_[i];
      if (c == '(' || c == ')' || c == ',') {
        b_.leaf(K::Punct, i, i + 1);
        ++i;
        continue;
      }
      std::uint32_t k = i;
      while (k < j && text_[k] != '(' && text_[k] != ')' && text_[k] != ',') ++k;
      b_.leaf(K::Text, i, k);
      i = k;
    }
  }
}

void Parser::dependencies(std::uint32_t b, std::uint32_t e) {
  if (run_rule<grammar::dependency_list>(b, e)) {
    emit_spans(b, e, std::move(st_.spans));
  } else {
    inline_content(b, e, false);
  }
}

void Parser::trigger_condition(std::uint32_t b, std::uint32_t e) {
  b_.open(K::TriggerCondition, b);
  b_.leaf(K::Punct, b, b + 2);
  std::uint32_t rest = b + 2;
  while (rest < e && is_space(text_[rest])) ++rest;
  b_.leaf(K::Whitespace, b + 2, rest);
  if (trigger_ == Trigger::Classic) {
    dependencies(rest, e);
  } else {
    inline_content(rest, e, false);
  }
  b_.close(e);
}

// Emits [b, e) from the (post-order) spans a rule recorded, filling the gaps between them.
void Parser::emit_spans(std::uint32_t b, std::uint32_t e, std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& x, const Span& y) {
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end > y.end;
    return x.order > y.order;  // the enclosing rule first
  });
  std::vector<std::uint32_t> open_ends;
  std::uint32_t cursor = b;
  auto close_until = [&](std::uint32_t pos) {
    while (!open_ends.empty() && open_ends.back() <= pos) {
      gap(cursor, open_ends.back());
      cursor = open_ends.back();
      b_.close(cursor);
      open_ends.pop_back();
    }
  };
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    if (s.begin >= s.end || s.begin < cursor || s.end > e) continue;
    close_until(s.begin);
    gap(cursor, s.begin);
    cursor = s.begin;
    if (s.kind == K::TriggerCondition) {
      trigger_condition(s.begin, s.end);
    } else if (is_interior_kind(s.kind)) {
      b_.open(s.kind, s.begin);
      open_ends.push_back(s.end);
      continue;
    } else if (is_content_kind(s.kind)) {
      content(s.kind, s.begin, s.end);
    } else {
      b_.leaf(s.kind, s.begin, s.end);
    }
    cursor = s.end;
  }
  close_until(e);
  gap(cursor, e);
  // Hand the buffer back, so that the next rule run does not allocate one.
  spans.clear();
  if (spans.capacity() > st_.spans.capacity()) st_.spans.swap(spans);
}

constexpr std::array<std::string_view, static_cast<std::size_t>(SyntaxKind::Newline) + 1> kKindNames = {
    "File", "Section", "Conditional", "ConditionalBranch", "ChangelogEntry",
    "SectionHeader", "IfDirective", "ElifDirective", "ElseDirective", "EndifDirective",
    "IncludeDirective", "Tag", "MacroDefinition", "Comment", "Dnl", "Blank", "BodyLine",
    "ChangelogHeader", "FileEntry", "Error",
    "SectionName", "SectionOption", "OptionValue", "TriggerCondition", "Condition",
    "TagName", "TagQualifier", "TagValue", "MacroName", "MacroOptions", "MacroBody",
    "MacroFlags", "MacroArgs", "ChangelogDate", "ChangelogAuthor", "ChangelogVersion",
    "FileDirective", "FileDirectiveArgs", "FilePath", "Dependency", "DependencyName",
    "DependencyOperator", "DependencyVersion", "RichDependency", "RichOperator",
    "MacroRef", "ShellExpansion", "ExprExpansion", "LuaExpansion", "Escape",
    "Keyword", "Option", "Punct", "Text", "Whitespace", "Continuation", "Newline"};

}  // namespace

std::string_view to_string(SyntaxKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kKindNames.size() ? kKindNames[i] : std::string_view("?");
}

std::size_t SyntaxTree::ChildRange::size() const {
  std::size_t n = 0;
  for (NodeId c = first_; c != kNoNode; c = nodes_[c].next_sibling) ++n;
  return n;
}

NodeId SyntaxTree::ChildRange::back() const {
  NodeId last = first_;
  for (NodeId c = first_; c != kNoNode; c = nodes_[c].next_sibling) last = c;
  return last;
}

NodeId SyntaxTree::child(NodeId id, SyntaxKind k) const {
  for (NodeId c = nodes[id].first_child; c != kNoNode; c = nodes[c].next_sibling) {
    if (nodes[c].kind == k) return c;
  }
  return kNoNode;
}

std::span<const NodeId> SyntaxTree::of_kind(SyntaxKind k) const {
  constexpr std::size_t kKinds = static_cast<std::size_t>(SyntaxKind::Newline) + 1;
  if (kind_start_.empty() || indexed_nodes_ != nodes.size()) {
    // A counting sort: count each kind, then place the ids, which keeps preorder per kind.
    kind_start_.assign(kKinds + 1, 0);
    for (const SyntaxNode& n : nodes) ++kind_start_[static_cast<std::size_t>(n.kind) + 1];
    for (std::size_t i = 1; i <= kKinds; ++i) kind_start_[i] += kind_start_[i - 1];
    by_kind_.resize(nodes.size());
    std::vector<std::uint32_t> next(kind_start_.begin(), kind_start_.end() - 1);
    rank_.resize(nodes.size());
    for (NodeId i = 0; i < nodes.size(); ++i) {
      const std::uint32_t at = next[static_cast<std::size_t>(nodes[i].kind)]++;
      by_kind_[at] = i;
      rank_[i] = at;
    }
    indexed_nodes_ = nodes.size();
  }
  const auto kind = static_cast<std::size_t>(k);
  return std::span<const NodeId>(by_kind_).subspan(kind_start_[kind], kind_start_[kind + 1] - kind_start_[kind]);
}

NodeId SyntaxTree::find_first(SyntaxKind k, NodeId within) const {
  if (within >= nodes.size()) return kNoNode;
  if (const NodeId end = nodes[within].subtree_end; end - within <= 32) {
    for (NodeId i = within; i < end; ++i)
      if (nodes[i].kind == k) return i;
    return kNoNode;
  }
  const auto all = of_kind(k);
  const auto it = std::lower_bound(all.begin(), all.end(), within);
  return it != all.end() && *it < nodes[within].subtree_end ? *it : kNoNode;
}

std::span<const NodeId> SyntaxTree::all_of(SyntaxKind k, NodeId within) const {
  if (within >= nodes.size()) return {};
  const auto all = of_kind(k);  // also builds by_kind_ and rank_, which the scan below reads
  const NodeId end = nodes[within].subtree_end;
  if (end - within <= 32) {
    // A small subtree (a line, mostly): scanning it costs less than two binary searches.
    // The nodes of one kind in a subtree are consecutive in by_kind_.
    NodeId first = kNoNode;
    std::size_t count = 0;
    for (NodeId i = within; i < end; ++i) {
      if (nodes[i].kind != k) continue;
      if (count++ == 0) first = i;
    }
    if (count == 0) return {};
    return std::span<const NodeId>(by_kind_).subspan(rank_[first], count);
  }
  const auto first = std::lower_bound(all.begin(), all.end(), within);
  // The subtree holds at most `size` nodes, so its end is searched for only that far.
  const std::ptrdiff_t size = end - within;
  const auto last = std::lower_bound(first, first + std::min(all.end() - first, size), end);
  return {first, last};
}

std::vector<NodeId> SyntaxTree::find_all(SyntaxKind k, NodeId within) const {
  const auto found = all_of(k, within);
  return {found.begin(), found.end()};
}

NodeId SyntaxTree::node_at(std::uint32_t offset) const {
  if (nodes.empty()) return kNoNode;
  // In preorder the begins never decrease, so the last node that begins at or before
  // `offset` is the deepest candidate; the first of it and its ancestors that contains
  // `offset` is the answer. A binary search keeps this logarithmic when a file has
  // thousands of sections.
  const auto after = std::partition_point(nodes.begin(), nodes.end(),
                                          [offset](const SyntaxNode& n) { return n.begin <= offset; });
  NodeId at = after == nodes.begin() ? 0 : static_cast<NodeId>(after - nodes.begin() - 1);
  while (at != 0 && !(nodes[at].begin <= offset && offset < nodes[at].end)) at = nodes[at].parent;
  return at;
}

SyntaxTree parse_spec_syntax(std::string_view text, ir::FileId file, ir::DiagnosticSink& sink,
                             const SyntaxOptions& options) {
  SyntaxTree tree;
  tree.file = file;
  tree.text = text;
  if (text.size() > 0xfffffff0u) {  // offsets are 32-bit; SourceManager caps files far below
    tree.text = text.substr(0, 0xfffffff0u);
  }
  Parser(tree.text, file, sink, tree, options).run();
  return tree;
}

SyntaxTree parse_spec_syntax(const ir::SourceFile& file, ir::DiagnosticSink& sink,
                             const SyntaxOptions& options) {
  return parse_spec_syntax(file.text(), file.id(), sink, options);
}

std::string reprint(const SyntaxTree& tree) {
  std::string out;
  out.reserve(tree.text.size());
  for (const SyntaxNode& n : tree.nodes) {
    if (n.is_leaf()) out.append(tree.text.substr(n.begin, n.end - n.begin));
  }
  return out;
}

namespace {

// JSON strings must be UTF-8: invalid bytes become U+FFFD (offsets stay exact in the dump).
std::string utf8_for_json(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  std::size_t i = 0;
  while (i < in.size()) {
    const auto c = static_cast<unsigned char>(in[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    bool ok = len != 0 && i + len <= in.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(in[i + k]) & 0xc0) == 0x80;
    }
    if (ok && len > 1) {  // reject overlong forms, surrogates and values past U+10FFFF
      const auto c1 = static_cast<unsigned char>(in[i + 1]);
      ok = !(len == 2 && c < 0xc2) && !(len == 3 && c == 0xe0 && c1 < 0xa0) &&
           !(len == 3 && c == 0xed && c1 >= 0xa0) && !(len == 4 && c == 0xf0 && c1 < 0x90) &&
           !(len == 4 && (c > 0xf4 || (c == 0xf4 && c1 >= 0x90)));
    }
    if (ok) {
      out.append(in.substr(i, len));
      i += len;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

}  // namespace

nlohmann::json to_json(const SyntaxTree& tree, std::size_t max_depth) {
  struct Frame {
    NodeId node;
    NodeId next_child;
    nlohmann::json object;
  };
  auto make = [&](NodeId id) {
    const SyntaxNode& n = tree.nodes[id];
    nlohmann::json j = {{"kind", to_string(n.kind)}, {"begin", n.begin}, {"end", n.end}};
    if (n.is_leaf()) j["text"] = utf8_for_json(tree.text_of(id));
    return j;
  };
  if (tree.nodes.empty()) return nlohmann::json::object();
  std::vector<Frame> stack;
  stack.push_back({0, tree.nodes[0].first_child, make(0)});
  for (;;) {
    Frame& top = stack.back();
    if (top.next_child != kNoNode && stack.size() > max_depth) {
      top.object["truncated"] = true;
      top.next_child = kNoNode;
    }
    if (top.next_child == kNoNode) {
      nlohmann::json done = std::move(top.object);
      stack.pop_back();
      if (stack.empty()) return done;
      stack.back().object["children"].push_back(std::move(done));
      continue;
    }
    const NodeId c = top.next_child;
    top.next_child = tree.nodes[c].next_sibling;
    stack.push_back({c, tree.nodes[c].first_child, make(c)});
  }
}

std::size_t analyze_spec_grammar() {
  using namespace grammar;  // NOLINT(google-build-using-namespace)
  return pegtl::analyze<directive_head>() + pegtl::analyze<section_head>() +
         pegtl::analyze<section_args>() + pegtl::analyze<define_head>() +
         pegtl::analyze<dnl_head>() + pegtl::analyze<comment_head>() +
         pegtl::analyze<blank_line>() + pegtl::analyze<tag_head>() +
         pegtl::analyze<dependency_list>() + pegtl::analyze<file_entry>() +
         pegtl::analyze<changelog_header>();
}

}  // namespace katalint::rpmspec
