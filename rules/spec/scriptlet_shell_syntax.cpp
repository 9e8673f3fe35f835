// scriptlet-shell-syntax: a shell scriptlet that /bin/sh would reject. Checked natively
// (rules/spec/shell_syntax.hpp), never by running a shell, with the spec's macros masked as
// words and each %if branch read on its own.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>

#include "frontend/rpmspec/macro_engine.hpp"
#include "rules/spec/shell_syntax.hpp"
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;
using shell::OpaqueRanges;
using shell::ShellResult;
using shell::Verdict;

// More ways to read a scriptlet's %if branches than this, and it is not checked.
constexpr std::size_t kMaxVariants = 8;

bool is_macro(SyntaxKind k) {
  return k == SyntaxKind::MacroRef || k == SyntaxKind::ShellExpansion || k == SyntaxKind::ExprExpansion ||
         k == SyntaxKind::LuaExpansion;
}

bool is_directive(SyntaxKind k) {
  return k == SyntaxKind::IfDirective || k == SyntaxKind::ElifDirective || k == SyntaxKind::ElseDirective ||
         k == SyntaxKind::EndifDirective;
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Replaces each rpm macro of `text` (a macro body, not in the tree) by a run of 'x', as the
// tree's macros are masked in a scriptlet.
std::string mask_macro_text(std::string_view text, OpaqueRanges& opaque) {
  std::string out(text);
  const std::size_t n = out.size();
  for (std::size_t k = 0; k < n;) {
    if (out[k] != '%') {
      ++k;
      continue;
    }
    if (k + 1 < n && out[k + 1] == '%') {
      k += 2;
      continue;
    }
    std::size_t e = k + 1;
    const char open = e < n ? out[e] : '\0';
    if (open == '{' || open == '(' || open == '[') {
      // rpm's matchchar(): every bracket of the pair counts, a backslash escapes.
      const char close = open == '{' ? '}' : open == '(' ? ')' : ']';
      std::size_t depth = 0;
      for (; e < n; ++e) {
        if (out[e] == '\\')
          ++e;
        else if (out[e] == open)
          ++depth;
        else if (out[e] == close && --depth == 0)
          break;
      }
      e = std::min(e + 1, n);
    } else {
      while (e < n && (out[e] == '?' || out[e] == '!')) ++e;
      if (e < n && (out[e] == '*' || out[e] == '#'))
        ++e;
      else if (e + 1 < n && out[e] == '-' && name_char(out[e + 1])) {
        e += 2;  // %-f, %-f*
        if (e < n && out[e] == '*') ++e;
      } else {
        while (e < n && name_char(out[e])) ++e;
      }
    }
    if (e == k + 1) {
      ++k;
      continue;
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(k), out.begin() + static_cast<std::ptrdiff_t>(e),
              'x');
    opaque.emplace_back(static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(e));
    k = e;
  }
  return out;
}

// Whether a macro may expand to shell syntax a scriptlet is built around (`fi`, `then`, a
// lone quote): then a syntax error the masked scriptlet shows may not be rpm's. A macro is
// safe when its definitions (the spec's and the target's) and the text of %{?x:...} are
// well-formed shell on their own.
class MacroSafety {
 public:
  explicit MacroSafety(const Context& ctx) : ctx_(ctx), tree_(*ctx.spec) {}

  // True when `%name args` takes the rest of its line as arguments.
  bool parametric(std::string_view name) {
    load();
    if (const auto it = local_.find(std::string(name)); it != local_.end()) return it->second.parametric;
    rpmspec::MacroEngine* profile = ctx_.profile_macros();
    const rpmspec::MacroDefinition* def = profile ? profile->lookup(name) : nullptr;
    return def && def->options.has_value();
  }

  bool safe(NodeId macro) {
    const SyntaxKind k = tree_.kind(macro);
    if (k == SyntaxKind::ShellExpansion || k == SyntaxKind::ExprExpansion) return true;  // values
    if (k == SyntaxKind::LuaExpansion) return false;  // may print any script
    const std::string_view name = macro_name(tree_, macro);
    const NodeId args = tree_.child(macro, SyntaxKind::MacroArgs);
    const bool conditional = tree_.child(macro, SyntaxKind::MacroFlags) != rpmspec::kNoNode;
    // %{?x:TEXT}, %{!?x:TEXT} and %{expand:TEXT} become TEXT (or nothing).
    if (args != rpmspec::kNoNode && (conditional || name == "expand") && !text_safe(tree_.text_of(args)))
      return false;
    if (name.empty() || name == "expand") return true;
    if (conditional && args != rpmspec::kNoNode) return true;  // TEXT replaces the value
    return definition_safe(name);
  }

 private:
  struct Local {
    bool parametric = false;
    std::vector<std::string> bodies;
  };

  // The spec's own definitions, read on first use.
  void load() {
    if (std::exchange(loaded_, true)) return;
    for (NodeId def : tree_.find_all(SyntaxKind::MacroDefinition)) {
      const NodeId name = tree_.child(def, SyntaxKind::MacroName);
      const NodeId keyword = tree_.child(def, SyntaxKind::Keyword);
      if (name == rpmspec::kNoNode || (keyword != rpmspec::kNoNode && tree_.text_of(keyword) == "%undefine"))
        continue;
      Local& local = local_[std::string(tree_.text_of(name))];
      local.parametric = local.parametric || tree_.child(def, SyntaxKind::MacroOptions) != rpmspec::kNoNode;
      const NodeId body = tree_.child(def, SyntaxKind::MacroBody);
      const std::string_view raw = body == rpmspec::kNoNode ? std::string_view() : tree_.text_of(body);
      // A continued body keeps its line ends; the backslashes go.
      std::string text;
      text.reserve(raw.size());
      for (std::size_t k = 0; k < raw.size(); ++k)
        if (!(raw[k] == '\\' && k + 1 < raw.size() && raw[k + 1] == '\n')) text += raw[k];
      local.bodies.push_back(std::move(text));
    }
  }

  bool text_safe(std::string_view text) {
    OpaqueRanges opaque;
    const std::string masked = mask_macro_text(text, opaque);
    return shell::check_shell_syntax(masked, opaque).verdict == Verdict::Ok;
  }

  bool definition_safe(std::string_view name) {
    const std::string key(name);
    if (const auto it = cache_.find(key); it != cache_.end()) return it->second;
    bool ok = true;
    load();
    if (const auto it = local_.find(key); it != local_.end()) {
      for (const std::string& body : it->second.bodies) ok = ok && text_safe(body);
    } else if (rpmspec::MacroEngine* profile = ctx_.profile_macros()) {
      const rpmspec::MacroDefinition* def = profile->lookup(name);
      if (def && !(def->flags & rpmspec::kMacroBuiltin)) ok = text_safe(def->body);
    }
    cache_[key] = ok;
    return ok;
  }

  const Context& ctx_;
  const SyntaxTree& tree_;
  bool loaded_ = false;
  std::map<std::string, Local, std::less<>> local_;
  std::map<std::string, bool, std::less<>> cache_;
};

// One scriptlet body as the shell reads it, with macros masked; offsets are relative to `begin`.
struct Body {
  std::uint32_t begin = 0, end = 0;  // file offsets
  NodeId first = 0, last = 0;        // node range [first, last) of the section's lines
  std::string text;                  // every line kept; %if lines blanked
  OpaqueRanges opaque;               // masked macros and %if lines
  std::vector<NodeId> macros;        // the masked macro nodes
  std::vector<NodeId> lines;         // the body's lines
  bool supported = true;             // false with %include or a line rpm rejects
};

void blank(std::string& text, std::uint32_t b, std::uint32_t e) {
  for (std::uint32_t k = b; k < e; ++k)
    if (text[k] != '\n') text[k] = ' ';
}

Body read_body(const SyntaxTree& tree, const std::vector<NodeId>& lines, MacroSafety& macros) {
  Body body;
  body.lines = lines;
  body.begin = tree.node(lines.front()).begin;
  body.end = tree.node(lines.back()).end;
  body.first = lines.front();
  body.last = tree.node(lines.back()).subtree_end;
  body.text = std::string(tree.text.substr(body.begin, body.end - body.begin));
  auto rel = [&](std::uint32_t offset) { return offset - body.begin; };
  auto mask = [&](std::uint32_t b, std::uint32_t e) {
    std::fill(body.text.begin() + rel(b), body.text.begin() + rel(e), 'x');
    body.opaque.emplace_back(rel(b), rel(e));
  };
  for (NodeId line : lines) {
    const SyntaxKind k = tree.kind(line);
    const ir::Range r = tree.range(line);
    if (is_directive(k)) {
      // Stands for whatever the branch not read here holds.
      blank(body.text, rel(r.begin), rel(r.end));
      body.opaque.emplace_back(rel(r.begin), rel(without_newline(tree, line).end));
      continue;
    }
    if (k == SyntaxKind::MacroDefinition || k == SyntaxKind::Dnl) {
      blank(body.text, rel(r.begin), rel(r.end));  // rpm removes these lines
      continue;
    }
    if (k == SyntaxKind::Blank) continue;
    if (k != SyntaxKind::BodyLine && k != SyntaxKind::Comment) {
      body.supported = false;
      return body;
    }
    const std::uint32_t line_end = without_newline(tree, line).end;
    for (NodeId c = tree.node(line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      const SyntaxKind ck = tree.kind(c);
      if (ck == SyntaxKind::Dnl) {
        blank(body.text, rel(tree.node(c).begin), rel(tree.node(c).end));
        continue;
      }
      if (!is_macro(ck)) continue;
      body.macros.push_back(c);
      const std::string_view text = tree.text_of(c);
      // `%name args` of a parametric macro: rpm takes the rest of the line as its arguments.
      if (ck == SyntaxKind::MacroRef && text.substr(0, 2) != "%{" && macros.parametric(macro_name(tree, c))) {
        mask(tree.node(c).begin, line_end);
        break;
      }
      mask(tree.node(c).begin, tree.node(c).end);
    }
  }
  std::sort(body.opaque.begin(), body.opaque.end());
  return body;
}

// The %if conditionals that start inside the body: each branch with how many ways its
// conditional can be read (its branches, +1 without %else) and its index there.
struct Branches {
  struct Branch {
    NodeId node = 0;
    std::size_t index = 0, ways = 0;
  };
  std::vector<Branch> branches;  // in preorder
  std::size_t variants = 1;
};

Branches find_branches(const SyntaxTree& tree, const Body& body, NodeId header) {
  Branches out;
  for (NodeId n = header; n < body.last; ++n) {
    if (tree.kind(n) != SyntaxKind::Conditional) continue;
    const std::size_t first = out.branches.size();
    bool has_else = false;
    for (NodeId c = tree.node(n).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      if (tree.kind(c) != SyntaxKind::ConditionalBranch) continue;
      out.branches.push_back({c, out.branches.size() - first, 0});
      const NodeId directive = tree.node(c).first_child;
      has_else = directive != rpmspec::kNoNode && tree.kind(directive) == SyntaxKind::ElseDirective;
    }
    const std::size_t ways = out.branches.size() - first + (has_else ? 0 : 1);
    for (std::size_t k = first; k < out.branches.size(); ++k) out.branches[k].ways = ways;
    out.variants = std::max(out.variants, ways);
  }
  std::sort(out.branches.begin(), out.branches.end(),
            [](const Branches::Branch& a, const Branches::Branch& b) { return a.node < b.node; });
  return out;
}

// The body with, in each conditional, branch min(v, last) read and the others blanked.
std::string variant_text(const SyntaxTree& tree, const Body& body, NodeId header, const Branches& branches,
                         std::size_t v) {
  if (branches.branches.empty()) return body.text;
  std::string text = body.text;
  // In preorder a parent comes before its children: one pass decides every node.
  std::vector<char> kept(body.last - header, 1);
  auto next = branches.branches.begin();
  for (NodeId n = header + 1; n < body.last; ++n) {
    const NodeId parent = tree.node(n).parent;
    bool k = parent < header || parent >= body.last || kept[parent - header];
    if (next != branches.branches.end() && next->node == n) {
      k = k && next->index == std::min(v, next->ways - 1);
      ++next;
    }
    kept[n - header] = static_cast<char>(k);
  }
  for (NodeId line : body.lines)
    if (!kept[line - header])
      blank(text, tree.node(line).begin - body.begin, tree.node(line).end - body.begin);
  return text;
}

// True when no branch of a conditional opens or closes a shell construct for the text around
// it (each is well-formed on its own, or its error does not depend on that text): then each
// reading is a script rpm may really run.
bool branches_neutral(const SyntaxTree& tree, const Body& body, const Branches& branches) {
  std::size_t work = 0;
  for (const Branches::Branch& branch : branches.branches) {
    const NodeId node = branch.node;
    const std::uint32_t b = tree.node(node).begin - body.begin, e = tree.node(node).end - body.begin;
    work += e - b;
    if (work > 4 * body.text.size() + 4096) return false;  // deep nesting: do not rescan it all
    OpaqueRanges opaque;
    auto it = std::lower_bound(body.opaque.begin(), body.opaque.end(), std::make_pair(b, std::uint32_t{0}));
    for (; it != body.opaque.end() && it->first < e; ++it)
      if (it->second <= e) opaque.emplace_back(it->first - b, it->second - b);
    const ShellResult alone = shell::check_shell_syntax(std::string_view(body.text).substr(b, e - b), opaque);
    if (alone.verdict == Verdict::Unsure ||
        (alone.verdict == Verdict::Error && alone.error.context_dependent))
      return false;
  }
  return true;
}

bool has_option(const SyntaxTree& tree, NodeId header, std::string_view option) {
  for (NodeId c : tree.children(header)) {
    if (tree.kind(c) != SyntaxKind::SectionOption) continue;
    const NodeId flag = tree.child(c, SyntaxKind::Option);
    if (flag != rpmspec::kNoNode && tree.text_of(flag) == option) return true;
  }
  return false;
}

void check_scriptlet(const Context& ctx, Reporter& out, NodeId header, std::string_view section,
                     const std::vector<NodeId>& lines, MacroSafety& macros) {
  const SyntaxTree& tree = *ctx.spec;
  // -f FILE: the script starts with that file, which is not here.
  if (lines.empty() || has_option(tree, header, "-f")) return;
  const Body body = read_body(tree, lines, macros);
  if (!body.supported) return;
  const Branches branches = find_branches(tree, body, header);
  if (branches.variants > kMaxVariants) return;
  std::vector<ShellResult> results;
  for (std::size_t v = 0; v < branches.variants; ++v)
    results.push_back(shell::check_shell_syntax(variant_text(tree, body, header, branches, v), body.opaque));
  const auto error = std::find_if(results.begin(), results.end(),
                                  [](const ShellResult& r) { return r.verdict == Verdict::Error; });
  if (error == results.end()) return;
  if (branches.variants > 1 && !branches_neutral(tree, body, branches)) {
    // A shell construct split across %if branches: report only what every reading shows.
    for (const ShellResult& r : results)
      if (r.verdict != Verdict::Error || r.error.begin != error->error.begin ||
          r.error.message != error->error.message)
        return;
  }
  for (NodeId m : body.macros)
    if (!macros.safe(m)) return;
  const shell::ShellError& e = error->error;
  const std::uint32_t begin = body.begin + std::min<std::uint32_t>(e.begin, body.end - body.begin);
  const std::uint32_t end =
      body.begin + std::min<std::uint32_t>(std::max(e.end, e.begin), body.end - body.begin);
  auto d = out.report(range_of(tree, begin, std::max(end, begin)),
                      fmt::format("shell syntax error in %{}: {}", section, e.message));
  if (e.note_end > e.note_begin)
    d.note(range_of(tree, body.begin + e.note_begin, body.begin + e.note_end), e.note);
  note_branch(ctx, d, begin);
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  MacroSafety macros(ctx);
  NodeId header = rpmspec::kNoNode;
  std::string section;
  std::vector<NodeId> body;
  auto flush = [&] {
    if (header != rpmspec::kNoNode) check_scriptlet(ctx, out, header, section, body, macros);
    header = rpmspec::kNoNode;
    body.clear();
  };
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) == SyntaxKind::SectionHeader) {
      flush();
      // Scriptlets rpm runs with /bin/sh or bash; -p <lua> and other interpreters are skipped.
      if (is_scriptlet(line.section) && line.shell) {
        header = line.line;
        section = std::string(line.section);
      }
      return;
    }
    if (header != rpmspec::kNoNode) body.push_back(line.line);
  });
  flush();
}

}  // namespace

extern const RuleInfo scriptlet_shell_syntax;  // listed in rules/rules.def
constinit const RuleInfo scriptlet_shell_syntax{
    .id = "scriptlet-shell-syntax",
    .severity = ir::Severity::Error,
    .summary = "a scriptlet that is not valid shell syntax",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases =
        "shell-syntax-error-in-%pre shell-syntax-error-in-%post shell-syntax-error-in-%preun "
        "shell-syntax-error-in-%postun shell-syntax-error-in-%pretrans shell-syntax-error-in-%posttrans "
        "shell-syntax-error-in-%trigger shell-syntax-error-in-%verifyscript "
        "shell-syntax-error-in-%filetrigger shell-syntax-error-in-%transfiletrigger",
    .doc =
        {.what =
             R"md(Reports the first shell syntax error in each scriptlet that rpm runs with `/bin/sh` or bash: `%pre`, `%post`, `%preun`, `%postun`, `%pretrans`, `%posttrans`, `%preuntrans`, `%postuntrans`, `%verifyscript`, `%trigger*` and `%filetrigger*`/`%transfiletrigger*` (no `-p`, or `-p /bin/sh`, `/bin/bash`, `/usr/bin/sh`, `/usr/bin/bash`). The check is katalint's own reading of the POSIX shell grammar, what `sh -n` rejects: quotes, `$(...)`, `${...}`, `$((...))`, backquotes, here-documents, `if`/`for`/`while`/`until`/`case`, `{ }`, `( )`, functions, operators and redirections. The spec's macros are read as plain words (a line that is only a macro call is a command), and each `%if`/`%else` branch of the scriptlet is read on its own. Bash syntax (`[[ ]]`, arrays, `function f {`, `<(...)`, `select`, `(( ))`) is accepted. Not checked: `-p <lua>` (Lua is not parsed) and other interpreters, `-f FILE` scriptlets, the text inside backquotes, the build sections (katalint has no per-rule options to opt in), scriptlets with `%include`, with more than 8 ways to read their `%if` branches, or whose error could come from a macro that expands to shell keywords (a `%{lua:}` block, `%{?x:fi}`, a definition that is not well-formed shell on its own).)md",
         .why =
             R"md(rpm runs scriptlets at install and removal time, on the user's machine. A syntax error there makes the transaction fail or leaves a package half installed or impossible to remove (`%preun`), and nothing at build time notices: rpmbuild copies scriptlets verbatim, and rpmlint checks them only in built packages (`shell-syntax-error-in-%post`). Users ask for this check on bare specs (rpmlint#24, #1271).)md",
         .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%postun
if [ $1 = 0 ] : then
    rm -rf /var/lib/example
fi

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

%postun
if [ $1 = 0 ]; then
    rm -rf /var/lib/example
fi

%files
)md",
         .fix_safety =
             R"md(No fix: which token is wrong (a `:` for a `;`, a missing `fi`, a stray quote) takes a human to decide.)md",
         .reference =
             R"md(POSIX *Shell Command Language*, section 2.10 (grammar); rpmlint `shell-syntax-error-in-%post` and the other `shell-syntax-error-in-*` ids (PostCheck, built packages only), which run `sh -n`/`bash -n`; lintian `maintainer-shell-script-fails-syntax-check`. katalint never runs a shell: the answer is the same on every host.)md"},
    .check = check,
};

}  // namespace katalint::rules
