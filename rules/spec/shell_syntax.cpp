#include "rules/spec/shell_syntax.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include <fmt/core.h>

namespace katalint::rules::shell {
namespace {

enum class Tok : std::uint8_t {
  Word,
  Newline,
  Semi,
  DSemi,
  SemiAnd,
  DSemiAnd,
  Amp,
  AndIf,
  Pipe,
  OrIf,
  PipeAmp,
  LParen,
  RParen,
  Redir,
  Heredoc,
  ArithCmd,
  End,
};

struct Token {
  Tok kind = Tok::End;
  std::uint32_t begin = 0, end = 0;
  bool plain = false;       // a word without quoting, escapes or expansions
  bool assignment = false;  // NAME=..., NAME+=..., NAME[...]=...
  bool strip_tabs = false;  // <<-
  std::string_view word;    // a plain word without its line continuations
};

enum class Kind : std::uint8_t {
  // Grammar frames: a command list, or a compound command.
  Program,
  CmdSubst,
  Subshell,
  Brace,
  If,
  Loop,
  For,
  Case,
  Function,
  DblBracket,
  // Lexical frames: inside one word.
  Word,
  DQuote,
  Param,
  Arith,
  ArrayLit,
  ExtGlob,
};

enum class Part : std::uint8_t {
  List,
  IfCond,
  IfThen,
  IfElse,
  LoopCond,
  LoopBody,
  ForName,
  ForAfterName,
  ForWords,
  ForBeforeDo,
  CaseSubject,
  CaseBeforeIn,
  CasePatStart,
  CasePatWord,
  CasePatNext,
  CaseBody,
  FnName,
  FnAfterName,
  FnRParen,
  FnAwait,
};

// Where a command list is: before a command, after `&&`/`|`/`!`, inside a simple command,
// after a compound command, after a redirection operator, after `name (`.
enum class Cmd : std::uint8_t { Start, NeedCmd, Simple, AfterCompound, Redir, FuncParen };

struct Frame {
  Kind kind = Kind::Program;
  Part part = Part::List;
  Cmd cmd = Cmd::Start;
  Cmd after_redir = Cmd::Simple;
  bool nonempty = false;     // the current command list has a command
  bool single_word = false;  // a simple command of one word so far: `name (` defines a function
  bool prefix = false;       // Start after `!` or `time`, which bash accepts alone
  bool heredoc = false;      // the pending redirection is << or <<-
  bool strip_tabs = false;
  bool plain = true;          // Word: no quoting or expansion so far
  bool continued = false;     // Word: holds a line continuation
  bool paren_seen = false;    // Word: after its first '('
  bool bracket_seen = false;  // Word: after its first '['

  bool in_dquote = false;                // Param: inside "..."
  bool at_word_start = true;             // ArrayLit
  bool arith_cmd = false;                // Arith: a `((` command, not `$((`
  std::uint32_t open = 0, open_end = 0;  // the token that opened the frame
  std::uint32_t kw = 0, kw_end = 0;      // the keyword that started the current list (`then`, `do`)
  std::uint32_t part_begin = 0;          // where the current list starts
  std::uint32_t op = 0, op_end = 0;      // the last operator (&&, |, >, ...)
  std::uint32_t depth = 0;               // Arith, ExtGlob: open parentheses
  std::uint32_t pending = 0;             // Arith: here-documents pending when it started
};

struct Heredoc {
  std::string delimiter;
  bool strip_tabs = false;
  std::uint32_t begin = 0, end = 0;  // the << operator and its word
};

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

// Reserved words that end a list; only valid where their compound command expects them.
bool is_closer(std::string_view w) {
  return w == "then" || w == "elif" || w == "else" || w == "fi" || w == "do" || w == "done" || w == "esac" ||
         w == "}" || w == "in";
}

// `NAME=`, `NAME+=` or `NAME[...]=` at the start of `w`: the length up to and with '=', or 0.
std::size_t assignment_prefix(std::string_view w) {
  if (w.empty() || !is_name_start(w[0])) return 0;
  std::size_t k = 1;
  while (k < w.size() && is_name_char(w[k])) ++k;
  if (k < w.size() && w[k] == '[') {
    const std::size_t close = w.find(']', k);
    if (close == std::string_view::npos) return 0;
    k = close + 1;
  }
  if (k < w.size() && w[k] == '+') ++k;
  return k < w.size() && w[k] == '=' ? k + 1 : 0;
}

class Checker {
 public:
  Checker(std::string_view s, const OpaqueRanges& opaque)
      : s_(s), n_(static_cast<std::uint32_t>(s.size())), opaque_(opaque) {}

  ShellResult run() {
    stack_.push_back(Frame{});
    while (!done_ && !failed_ && !unsure_) {
      restarted_ = false;
      switch (stack_.back().kind) {
        case Kind::Word: step_word(); break;
        case Kind::DQuote: step_dquote(); break;
        case Kind::Param: step_param(); break;
        case Kind::Arith: step_arith(); break;
        case Kind::ArrayLit: step_array(); break;
        case Kind::ExtGlob: step_extglob(); break;
        default: {
          Token t;
          if (lex(t)) feed(t);
        }
      }
    }
    ShellResult out;
    if (unsure_)
      out.verdict = Verdict::Unsure;
    else if (failed_) {
      out.verdict = Verdict::Error;
      out.error = std::move(error_);
    }
    return out;
  }

 private:
  std::string_view s_;
  std::uint32_t n_;
  const OpaqueRanges& opaque_;
  std::uint32_t i_ = 0;
  std::vector<Frame> stack_;
  std::vector<Heredoc> pending_;
  Heredoc unterminated_;                 // a here-document that ran to the end of the script, if end != 0
  std::vector<std::uint32_t> no_arith_;  // `((` / `$((` read as parentheses after all
  int restarts_left_ = 64;
  bool done_ = false, failed_ = false, unsure_ = false;
  bool restarted_ = false;  // the stack was cut back by restart_arith(): frames held by reference are gone
  bool fragile_ = false;
  bool dependent_ = false;  // the error being reported is context-dependent (ShellError)  // read something
                            // bash and dash read differently: errors become Unsure
  ShellError error_;
  std::string cooked_;  // the text of the last continued word

  bool interrupted() const { return failed_ || unsure_ || restarted_; }
  char at(std::uint32_t k) const { return k < n_ ? s_[k] : '\0'; }
  std::string_view text(std::uint32_t b, std::uint32_t e) const { return s_.substr(b, e - b); }
  bool is(const Token& t, std::string_view w) const { return t.plain && t.word == w; }

  // True if a masked macro or removed line lies in [b, e).
  bool opaque_in(std::uint32_t b, std::uint32_t e) const {
    const auto it =
        std::partition_point(opaque_.begin(), opaque_.end(), [b](const auto& r) { return r.second <= b; });
    return it != opaque_.end() && it->first < e;
  }

  // --- errors ---------------------------------------------------------------------------

  void fail(std::uint32_t b, std::uint32_t e, std::string message, std::uint32_t nb = 0, std::uint32_t ne = 0,
            std::string note = {}) {
    const bool dependent = std::exchange(dependent_, false);
    if (restart_arith()) return;
    if (fragile_) {
      unsure_ = true;
      return;
    }
    failed_ = true;
    error_.context_dependent = dependent;
    error_.begin = b;
    error_.end = std::max(e, std::min(b + 1, n_));
    error_.message = std::move(message);
    error_.note_begin = nb;
    error_.note_end = ne;
    error_.note = std::move(note);
  }

  // An error inside `((` or `$((` read as arithmetic: bash then reads it as nested
  // parentheses, and so does this, from the start again (a bounded number of times).
  bool restart_arith() {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      const Frame& f = stack_[k];
      if (f.kind != Kind::Arith) continue;
      if (restarts_left_-- <= 0) {
        unsure_ = true;
        return true;
      }
      restarted_ = true;
      fragile_ = true;  // bash -n does not always check what it re-reads this way
      i_ = f.open;
      no_arith_.push_back(f.open);
      pending_.resize(f.pending);
      stack_.resize(k);
      return true;
    }
    return false;
  }

  bool arith_allowed(std::uint32_t k) const {
    return std::find(no_arith_.begin(), no_arith_.end(), k) == no_arith_.end();
  }

  std::string describe(const Token& t) const {
    if (t.kind == Tok::Newline) return "newline";
    if (t.kind == Tok::End) return "end of script";
    std::string_view w = text(t.begin, t.end);
    if (w.size() > 24) return fmt::format("`{}...`", w.substr(0, 24));
    return fmt::format("`{}`", w);
  }

  std::string_view opener(const Frame& f) const { return text(f.open, f.open_end); }

  std::string expected(const Frame& f) const {
    switch (f.kind) {
      case Kind::If: return f.part == Part::IfCond ? "`then`" : "`fi`";
      case Kind::Loop: return f.part == Part::LoopCond ? "`do`" : "`done`";
      case Kind::For: return f.part == Part::LoopBody ? "`done`" : "`do`";
      case Kind::Case: return f.part == Part::CaseBody ? "`;;` or `esac`" : "`esac`";
      case Kind::Brace: return "`}`";
      case Kind::Subshell:
      case Kind::CmdSubst: return "`)`";
      default: return {};
    }
  }

  void fail_unexpected(const Token& t, std::string expect = {}) {
    const Frame& f = stack_.back();
    if (expect.empty() && f.cmd == Cmd::NeedCmd)
      expect = fmt::format("a command after `{}`", text(f.op, f.op_end));
    if (expect.empty()) expect = expected(f);
    if (t.kind == Tok::End && f.kind != Kind::Program) return fail_unclosed(f, opener(f), expect);
    std::string message = "unexpected " + describe(t);
    if (!expect.empty()) message += ", expected " + expect;
    dependent_ = t.kind == Tok::RParen || t.kind == Tok::DSemi || t.kind == Tok::SemiAnd ||
                 t.kind == Tok::DSemiAnd || (t.kind == Tok::Word && t.plain && is_closer(t.word));
    if (f.kind == Kind::Program)
      fail(t.begin, t.end, std::move(message));
    else
      fail(t.begin, t.end, std::move(message), f.open, f.open_end,
           fmt::format("`{}` starts here", opener(f)));
  }

  // The end of the script inside an open construct: reported at its opening token.
  void fail_unclosed(const Frame& f, std::string_view what, std::string expect = {}) {
    dependent_ = true;
    if (expect.empty()) expect = expected(f);
    std::string message = fmt::format("`{}` is not closed: {} expected before the end of the script", what,
                                      expect.empty() ? std::string("its end") : expect);
    if (unterminated_.end != 0)
      fail(f.open, f.open_end, std::move(message), unterminated_.begin, unterminated_.end,
           fmt::format("this here-document never ends: no line is exactly `{}`", unterminated_.delimiter));
    else
      fail(f.open, f.open_end, std::move(message));
  }

  // --- lexical frames -----------------------------------------------------------------

  void push(Kind kind, std::uint32_t open, std::uint32_t open_end) {
    Frame f;
    f.kind = kind;
    f.open = open;
    f.open_end = open_end;
    f.part_begin = open_end;
    f.kw = open;
    f.kw_end = open_end;
    stack_.push_back(f);
  }

  // The first offset from `k` on that does not start a line continuation.
  std::uint32_t after_continuations(std::uint32_t k) const {
    while (at(k) == '\\' && (at(k + 1) == '\n' || (at(k + 1) == '\r' && at(k + 2) == '\n')))
      k += at(k + 1) == '\n' ? 2 : 3;
    return k;
  }
  void skip_continuations() { i_ = after_continuations(i_); }

  void skip_escape() { i_ = std::min(i_ + 2, n_); }

  // '...' from i_; false (and an error) if it never ends.
  bool scan_single_quote() {
    const std::size_t close = s_.find('\'', i_ + 1);
    if (close == std::string_view::npos) {
      dependent_ = true;
      fail(i_, i_ + 1, "unterminated single-quoted string: no closing `'` before the end of the script");
      return false;
    }
    i_ = static_cast<std::uint32_t>(close) + 1;
    return true;
  }

  // `...` from i_, not checked inside; false (and an error) if it never ends.
  bool scan_backquote() {
    std::uint32_t k = i_ + 1;
    while (k < n_ && s_[k] != '`') k += s_[k] == '\\' ? 2 : 1;
    if (k >= n_) {
      dependent_ = true;
      fail(i_, i_ + 1, "unterminated backquote: no closing `` ` `` before the end of the script");
      return false;
    }
    i_ = k + 1;
    return true;
  }

  // $'...' (bash; backslash escapes the quote).
  bool scan_ansi_c() {
    std::uint32_t k = i_ + 2;
    while (k < n_ && s_[k] != '\'') k += s_[k] == '\\' ? 2 : 1;
    if (k >= n_) {
      dependent_ = true;
      fail(i_ + 1, i_ + 2, "unterminated `$'...'` string: no closing `'` before the end of the script");
      return false;
    }
    i_ = k + 1;
    return true;
  }

  // At '$': pushes the frame of `$(`, `$((`, `${` or `$"` and returns true, or steps over
  // `$'...'` or a plain '$' and returns false.
  bool dollar(bool in_dquote) {
    const std::uint32_t b = i_;
    const std::uint32_t p1 = after_continuations(i_ + 1), p2 = after_continuations(p1 + 1);
    const char c = at(p1);
    if (c == '(' && at(p2) == '(' && arith_allowed(b)) {
      push(Kind::Arith, b, p2 + 1);
      stack_.back().pending = static_cast<std::uint32_t>(pending_.size());
      i_ = p2 + 1;
      return true;
    }
    if (c == '(') {
      push(Kind::CmdSubst, b, p1 + 1);
      i_ = p1 + 1;
      return true;
    }
    if (c == '{') {
      push(Kind::Param, b, b + 2);
      stack_.back().in_dquote = in_dquote;
      i_ += 2;
      return true;
    }
    if (!in_dquote && c == '\'') {
      i_ = p1 - 1;  // scan_ansi_c() starts after "$'"
      scan_ansi_c();
      return false;
    }
    if (!in_dquote && c == '"') {
      push(Kind::DQuote, b, p1 + 1);
      i_ = p1 + 1;
      return true;
    }
    // Special parameters ($$, $#, $?, ...): `$${` is `$$` then `{`.
    i_ += c != '\0' && std::string_view("$#?!@*-0123456789").find(c) != std::string_view::npos ? 2 : 1;
    return false;
  }

  void step_word() {
    Frame& f = stack_.back();
    while (!interrupted()) {
      if (at(i_) == '\\' && i_ > f.open) {
        const std::uint32_t before = i_;
        skip_continuations();
        if (i_ != before) f.continued = true;
      }
      if (i_ >= n_) return finish_word();
      const char c = s_[i_];
      switch (c) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
        case ';':
        case '&':
        case '|':
        case '<':
        case '>':
        case ')': return finish_word();
        case '(': {
          const std::string_view so_far = text(f.open, i_);
          // Only the first '(' of a word can follow `NAME=` (no rescans of long words).
          if (!f.paren_seen && !so_far.empty() && assignment_prefix(so_far) == so_far.size()) {
            // Bash array: a=(1 2 3), local a=(...).
            f.plain = false;
            push(Kind::ArrayLit, i_, i_ + 1);
            ++i_;
            return;
          }
          f.paren_seen = true;
          if (!so_far.empty() && std::string_view("?*+@!").find(so_far.back()) != std::string_view::npos) {
            // Bash extglob: @(a|b), !(*.o).
            f.plain = false;
            push(Kind::ExtGlob, i_, i_ + 1);
            ++i_;
            return;
          }
          return finish_word();
        }
        case '[': skip_subscript(f); break;
        case '\\':
          f.plain = false;
          skip_escape();
          break;
        case '\'':
          f.plain = false;
          scan_single_quote();
          break;
        case '"':
          f.plain = false;
          push(Kind::DQuote, i_, i_ + 1);
          ++i_;
          return;
        case '`':
          f.plain = false;
          scan_backquote();
          break;
        case '$':
          f.plain = false;
          if (dollar(false)) return;
          break;
        default: ++i_;
      }
    }
  }

  // Bash reads the subscript of `name[...]=` as part of the word, whatever it holds.
  void skip_subscript(Frame& f) {
    const std::string_view so_far = text(f.open, i_);
    // Only the first '[' of a word can follow a name (no rescans of long words).
    if (std::exchange(f.bracket_seen, true) || so_far.empty() || !is_name_start(so_far[0]) ||
        !std::all_of(so_far.begin(), so_far.end(), is_name_char)) {
      ++i_;
      return;
    }
    const std::string_view ahead = s_.substr(i_, 256);
    const std::size_t close = ahead.find(']');
    if (close == std::string_view::npos ||
        !(ahead.substr(close + 1, 1) == "=" || ahead.substr(close + 1, 2) == "+=")) {
      ++i_;
      return;
    }
    f.plain = false;
    i_ += static_cast<std::uint32_t>(close) + 1;
  }

  void finish_word() {
    const Frame w = stack_.back();
    stack_.pop_back();
    Token t;
    t.kind = Tok::Word;
    t.begin = w.open;
    t.end = i_;
    t.plain = w.plain;
    std::string_view word = text(t.begin, t.end);
    if (w.continued) {
      // `fi` split by a line continuation is still `fi`.
      cooked_.clear();
      for (std::size_t k = 0; k < word.size(); ++k) {
        if (word[k] == '\\' && k + 1 < word.size() && word[k + 1] == '\n')
          ++k;
        else if (word[k] == '\\' && k + 2 < word.size() && word[k + 1] == '\r' && word[k + 2] == '\n')
          k += 2;
        else
          cooked_ += word[k];
      }
      word = cooked_;
    }
    t.word = word;
    // An IO number (2>) or bash's {fd}> belongs to the redirection that follows.
    if ((at(i_) == '<' || at(i_) == '>') && w.plain && stack_.back().cmd != Cmd::Redir &&
        (std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
         (word.size() > 2 && word.front() == '{' && word.back() == '}')))
      return;
    t.assignment = assignment_prefix(word) != 0;
    feed(t);
  }

  void step_dquote() {
    while (!interrupted()) {
      skip_continuations();
      if (i_ >= n_) {
        const Frame& f = stack_.back();
        dependent_ = true;
        return fail(f.open, f.open_end,
                    "unterminated double-quoted string: no closing `\"` before the end of the script");
      }
      switch (s_[i_]) {
        case '"':
          stack_.pop_back();
          ++i_;
          return;
        case '\\': skip_escape(); break;
        case '`': scan_backquote(); break;
        case '$':
          if (dollar(true)) return;
          break;
        default: ++i_;
      }
    }
  }

  void step_param() {
    while (!interrupted()) {
      skip_continuations();
      const Frame& f = stack_.back();
      if (i_ >= n_) {
        dependent_ = true;
        return fail(f.open, f.open_end, "unterminated `${`: no closing `}` before the end of the script");
      }
      switch (s_[i_]) {
        case '}':
          stack_.pop_back();
          ++i_;
          return;
        case '\\': skip_escape(); break;
        case '\'':
          // Inside "${...}" bash reads '...' as quotes and dash as characters.
          if (f.in_dquote) {
            fragile_ = true;
            ++i_;
          } else {
            scan_single_quote();
          }
          break;
        case '"':
          push(Kind::DQuote, i_, i_ + 1);
          ++i_;
          return;
        case '`': scan_backquote(); break;
        case '$':
          if (dollar(f.in_dquote)) return;
          break;
        default: ++i_;
      }
    }
  }

  void step_arith() {
    while (!interrupted()) {
      skip_continuations();
      Frame& f = stack_.back();
      if (i_ >= n_) {
        dependent_ = true;
        return fail(
            f.open, f.open_end,
            fmt::format("unterminated `{}`: no closing `))` before the end of the script", opener(f)));
      }
      switch (s_[i_]) {
        case '(':
          ++f.depth;
          ++i_;
          break;
        case ')':
          if (f.depth > 0) {
            --f.depth;
            ++i_;
            break;
          }
          if (at(i_ + 1) != ')')
            return fail(i_, i_ + 1, "unexpected `)` in arithmetic");  // re-read, see fail()
          {
            const bool command = f.arith_cmd;
            const std::uint32_t b = f.open;
            stack_.pop_back();
            i_ += 2;
            if (command) {
              Token t;
              t.kind = Tok::ArithCmd;
              t.begin = b;
              t.end = i_;
              feed(t);
            }
          }
          return;
        default:
          if (word_char()) return;
      }
    }
  }

  // One character of a word outside double quotes: an escape, a quote or an expansion is read
  // whole or opens its frame. True when a frame was pushed and the caller must return.
  bool word_char() {
    switch (s_[i_]) {
      case '\\': skip_escape(); return false;
      case '\'': scan_single_quote(); return false;
      case '"':
        push(Kind::DQuote, i_, i_ + 1);
        ++i_;
        return true;
      case '`': scan_backquote(); return false;
      case '$': return dollar(false);
      default: ++i_; return false;
    }
  }

  void step_array() {
    while (!interrupted()) {
      skip_continuations();
      Frame& f = stack_.back();
      if (i_ >= n_) {
        unsure_ = true;
        return;
      }
      const char c = s_[i_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        f.at_word_start = true;
        ++i_;
        continue;
      }
      if (c == '#' && f.at_word_start) {
        while (i_ < n_ && s_[i_] != '\n') ++i_;
        continue;
      }
      f.at_word_start = false;
      switch (c) {
        case ')':
          stack_.pop_back();
          ++i_;
          return;
        case '(': unsure_ = true; return;
        default:
          if (word_char()) return;
      }
    }
  }

  void step_extglob() {
    while (!interrupted()) {
      skip_continuations();
      Frame& f = stack_.back();
      if (i_ >= n_ || s_[i_] == '\n') {
        unsure_ = true;
        return;
      }
      switch (s_[i_]) {
        case '(':
          ++f.depth;
          ++i_;
          break;
        case ')':
          ++i_;
          if (f.depth == 0) {
            stack_.pop_back();
            return;
          }
          --f.depth;
          break;
        default:
          if (word_char()) return;
      }
    }
  }

  // --- tokens of a command list ----------------------------------------------------------

  // Whether `((` here would be bash's arithmetic command.
  bool arith_command_here() const {
    const Frame& f = stack_.back();
    switch (f.kind) {
      case Kind::For: return f.part == Part::ForName || (f.part == Part::LoopBody && f.cmd <= Cmd::NeedCmd);
      case Kind::Function: return f.part == Part::FnAwait;
      case Kind::Case: return f.part == Part::CaseBody && f.cmd <= Cmd::NeedCmd;
      case Kind::DblBracket: return false;
      default: return f.cmd <= Cmd::NeedCmd;
    }
  }

  void read_heredocs() {
    for (const Heredoc& h : pending_) {
      while (true) {
        if (i_ >= n_) {
          unterminated_ = h;
          // Inside $(...) bash ends the here-document with the substitution.
          if (std::any_of(stack_.begin(), stack_.end(),
                          [](const Frame& f) { return f.kind == Kind::CmdSubst; }))
            unsure_ = true;
          break;
        }
        std::size_t eol = s_.find('\n', i_);
        if (eol == std::string_view::npos) eol = n_;
        std::string_view line = text(i_, static_cast<std::uint32_t>(eol));
        i_ = static_cast<std::uint32_t>(std::min<std::size_t>(eol + 1, n_));
        if (h.strip_tabs)
          while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == h.delimiter) break;
      }
    }
    pending_.clear();
  }

  // The next token, or false after pushing the Word frame of a word that starts here.
  bool lex(Token& t) {
    while (true) {
      while (i_ < n_) {
        const char c = s_[i_];
        if (c == ' ' || c == '\t' || c == '\r')
          ++i_;
        else if (c == '\\' && (at(i_ + 1) == '\n' || (at(i_ + 1) == '\r' && at(i_ + 2) == '\n')))
          skip_continuations();
        else
          break;
      }
      t = Token{};
      t.begin = i_;
      if (i_ >= n_) {
        t.kind = Tok::End;
        t.end = n_;
        return true;
      }
      if (s_[i_] != '#') break;
      while (i_ < n_ && s_[i_] != '\n') ++i_;
    }
    // The operator's characters, which line continuations may separate (`&\<newline>&`).
    std::uint32_t pos[3] = {i_, 0, 0};
    for (int j = 1; j < 3; ++j) pos[j] = after_continuations(pos[j - 1] + 1);
    const char c = s_[i_], d = at(pos[1]), e = at(pos[2]);
    auto op = [&](Tok kind, std::uint32_t len) {
      t.kind = kind;
      i_ = pos[len - 1] + 1;
      t.end = i_;
      return true;
    };
    switch (c) {
      case '\n':
        op(Tok::Newline, 1);
        if (!pending_.empty()) read_heredocs();
        return true;
      case ';':
        if (d == ';') return op(e == '&' ? Tok::DSemiAnd : Tok::DSemi, e == '&' ? 3 : 2);
        return d == '&' ? op(Tok::SemiAnd, 2) : op(Tok::Semi, 1);
      case '&':
        if (d == '&') return op(Tok::AndIf, 2);
        if (d == '>') return op(Tok::Redir, e == '>' ? 3 : 2);
        return op(Tok::Amp, 1);
      case '|':
        if (d == '|') return op(Tok::OrIf, 2);
        return d == '&' ? op(Tok::PipeAmp, 2) : op(Tok::Pipe, 1);
      case '(':
        if (d == '(' && arith_allowed(i_) && arith_command_here()) {
          push(Kind::Arith, i_, pos[1] + 1);
          stack_.back().arith_cmd = true;
          stack_.back().pending = static_cast<std::uint32_t>(pending_.size());
          i_ = pos[1] + 1;
          return false;
        }
        return op(Tok::LParen, 1);
      case ')': return op(Tok::RParen, 1);
      case '<':
      case '>':
        if (d == '(') {
          // Bash process substitution <(...), >(...): a word.
          push(Kind::Word, i_, i_);
          stack_.back().plain = false;
          push(Kind::CmdSubst, i_, pos[1] + 1);
          i_ = pos[1] + 1;
          return false;
        }
        if (c == '<' && d == '<' && e == '<') return op(Tok::Redir, 3);
        if (c == '<' && d == '<') {
          t.strip_tabs = e == '-';
          return op(Tok::Heredoc, e == '-' ? 3 : 2);
        }
        if (d == '&' || (c == '<' && d == '>') || (c == '>' && (d == '>' || d == '|')))
          return op(Tok::Redir, 2);
        return op(Tok::Redir, 1);
      default: push(Kind::Word, i_, i_); return false;
    }
  }

  // --- the grammar -------------------------------------------------------------------------

  // Opens a compound command from the list on top of the stack.
  void open_compound(Kind kind, Part part, const Token& t) {
    Frame& parent = stack_.back();
    parent.nonempty = true;
    parent.cmd = Cmd::AfterCompound;
    push(kind, t.begin, t.end);
    stack_.back().part = part;
  }

  // The function body or for-loop body on top of the stack becomes this compound command.
  void replace_compound(Kind kind, Part part, const Token& t) {
    stack_.pop_back();
    push(kind, t.begin, t.end);
    stack_.back().part = part;
  }

  void start_part(Frame& f, Part part, const Token& t) {
    f.part = part;
    f.cmd = Cmd::Start;
    f.nonempty = false;
    f.kw = t.begin;
    f.kw_end = t.end;
    f.part_begin = t.end;
  }

  // A compound command starting with word `t` (already known plain), or false.
  bool compound_start(const Token& t, bool replace) {
    const std::string_view w = t.word;
    Kind kind;
    Part part;
    if (w == "if")
      kind = Kind::If, part = Part::IfCond;
    else if (w == "while" || w == "until")
      kind = Kind::Loop, part = Part::LoopCond;
    else if (w == "for" || w == "select")
      kind = Kind::For, part = Part::ForName;
    else if (w == "case")
      kind = Kind::Case, part = Part::CaseSubject;
    else if (w == "{")
      kind = Kind::Brace, part = Part::List;
    else if (w == "[[")
      kind = Kind::DblBracket, part = Part::List;
    else
      return false;
    if (replace)
      replace_compound(kind, part, t);
    else
      open_compound(kind, part, t);
    return true;
  }

  void feed(const Token& t) {
    Frame& f = stack_.back();
    switch (f.kind) {
      case Kind::DblBracket:
        if (t.kind == Tok::Word && is(t, "]]"))
          stack_.pop_back();
        else if (t.kind == Tok::End)
          unsure_ = true;
        return;
      case Kind::Function: return function_header(t);
      case Kind::For:
        if (f.part != Part::LoopBody) return for_header(t);
        break;
      case Kind::Case:
        if (f.part != Part::CaseBody) return case_header(t);
        break;
      default: break;
    }
    list_token(t);
  }

  void function_header(const Token& t) {
    Frame& f = stack_.back();
    switch (f.part) {
      case Part::FnName:
        if (t.kind == Tok::Word) {
          f.part = Part::FnAfterName;
          return;
        }
        return fail_unexpected(t, "a function name");
      case Part::FnAfterName:
        if (t.kind == Tok::LParen) {
          f.part = Part::FnRParen;
          return;
        }
        break;  // `function f {`: the body follows
      case Part::FnRParen:
        if (t.kind == Tok::RParen) {
          f.part = Part::FnAwait;
          return;
        }
        return fail_unexpected(t, "`)`");
      default: break;
    }
    if (t.kind == Tok::Newline) return;
    if (t.kind == Tok::Word && t.plain && compound_start(t, true)) return;
    if (t.kind == Tok::LParen) return replace_compound(Kind::Subshell, Part::List, t);
    if (t.kind == Tok::ArithCmd) return stack_.pop_back();
    if (t.kind == Tok::End) {
      dependent_ = true;
      return fail(f.open, f.open_end, "missing function body before the end of the script");
    }
    fail_unexpected(t, "a compound command such as `{ ... }` as the function body");
  }

  void for_header(const Token& t) {
    Frame& f = stack_.back();
    switch (f.part) {
      case Part::ForName:
        if (t.kind == Tok::Word) {
          f.part = Part::ForAfterName;
          return;
        }
        if (t.kind == Tok::ArithCmd) {
          f.part = Part::ForBeforeDo;
          return;
        }
        return fail_unexpected(t, "a variable name");
      case Part::ForAfterName:
        if (t.kind == Tok::Newline) return;
        if (t.kind == Tok::Semi) {
          f.part = Part::ForBeforeDo;
          return;
        }
        if (is(t, "in")) {
          f.part = Part::ForWords;
          return;
        }
        if (is(t, "do")) return start_part(f, Part::LoopBody, t);
        if (is(t, "{")) return replace_compound(Kind::Brace, Part::List, t);
        return fail_unexpected(t, "`in` or `do`");
      case Part::ForWords:
        if (t.kind == Tok::Word) return;
        if (t.kind == Tok::Newline || t.kind == Tok::Semi) {
          f.part = Part::ForBeforeDo;
          return;
        }
        return fail_unexpected(t, "`do`");
      default:  // ForBeforeDo
        if (t.kind == Tok::Newline || t.kind == Tok::Semi) return;
        if (is(t, "do")) return start_part(f, Part::LoopBody, t);
        if (is(t, "{")) return replace_compound(Kind::Brace, Part::List, t);
        if (t.kind == Tok::End) return fail_unclosed(f, opener(f));
        return fail_unexpected(t, "`do`");
    }
  }

  void case_header(const Token& t) {
    Frame& f = stack_.back();
    switch (f.part) {
      case Part::CaseSubject:
        if (t.kind == Tok::Word) {
          f.part = Part::CaseBeforeIn;
          return;
        }
        return fail_unexpected(t, "a word after `case`");
      case Part::CaseBeforeIn:
        if (t.kind == Tok::Newline) return;
        if (is(t, "in")) {
          f.part = Part::CasePatStart;
          return;
        }
        return fail_unexpected(t, "`in`");
      case Part::CasePatStart:
        if (t.kind == Tok::Newline) return;
        if (is(t, "esac")) return stack_.pop_back();
        if (t.kind == Tok::LParen) {
          f.part = Part::CasePatWord;
          return;
        }
        if (t.kind == Tok::Word) {
          f.part = Part::CasePatNext;
          return;
        }
        if (t.kind == Tok::End) return fail_unclosed(f, "case");
        return fail_unexpected(t, "a pattern or `esac`");
      case Part::CasePatWord:
        if (t.kind == Tok::Word) {
          f.part = Part::CasePatNext;
          return;
        }
        return fail_unexpected(t, "a pattern");
      default:  // CasePatNext
        if (t.kind == Tok::Pipe) {
          f.part = Part::CasePatWord;
          return;
        }
        if (t.kind == Tok::RParen) return start_part(f, Part::CaseBody, t);
        return fail_unexpected(t, "`)` after the pattern");
    }
  }

  // A reserved word that may close the current list.
  void closer(const Token& t) {
    Frame& f = stack_.back();
    const std::string_view w = t.word;
    if (f.cmd == Cmd::NeedCmd)
      return fail_unexpected(t, fmt::format("a command after `{}`", text(f.op, f.op_end)));
    const bool empty = !f.nonempty && !opaque_in(f.part_begin, t.begin);
    auto accept = [&](auto&& then) {
      if (empty)
        return fail(t.begin, t.end,
                    fmt::format("unexpected `{}`, expected a command after `{}`", w, text(f.kw, f.kw_end)),
                    f.open, f.open_end, fmt::format("`{}` starts here", opener(f)));
      then();
    };
    switch (f.kind) {
      case Kind::If:
        if (f.part == Part::IfCond && w == "then") return accept([&] { start_part(f, Part::IfThen, t); });
        if (f.part == Part::IfThen && w == "elif") return accept([&] { start_part(f, Part::IfCond, t); });
        if (f.part == Part::IfThen && w == "else") return accept([&] { start_part(f, Part::IfElse, t); });
        if ((f.part == Part::IfThen || f.part == Part::IfElse) && w == "fi")
          return accept([&] { stack_.pop_back(); });
        break;
      case Kind::Loop:
        if (f.part == Part::LoopCond && w == "do") return accept([&] { start_part(f, Part::LoopBody, t); });
        if (f.part == Part::LoopBody && w == "done") return accept([&] { stack_.pop_back(); });
        break;
      case Kind::For:
        if (w == "done") return accept([&] { stack_.pop_back(); });
        break;
      case Kind::Case:
        if (w == "esac") return stack_.pop_back();
        break;
      case Kind::Brace:
        if (w == "}") return accept([&] { stack_.pop_back(); });
        break;
      default: break;
    }
    fail_unexpected(t);
  }

  void list_token(const Token& t) {
    Frame& f = stack_.back();
    if (f.cmd == Cmd::Redir) {
      if (t.kind == Tok::Word) {
        if (f.heredoc) add_heredoc(f, t);
        f.cmd = f.after_redir;
        return;
      }
      const std::string_view redir = text(f.op, f.op_end);
      dependent_ = t.kind == Tok::End;
      return fail(f.op, f.op_end,
                  f.heredoc ? fmt::format("missing here-document delimiter after `{}`", redir)
                            : fmt::format("missing file name after `{}`", redir));
    }
    if (f.cmd == Cmd::FuncParen) {
      if (t.kind != Tok::RParen) return fail_unexpected(t, "`)`");
      f.cmd = Cmd::AfterCompound;
      push(Kind::Function, f.op, t.end);
      stack_.back().part = Part::FnAwait;
      return;
    }
    const bool at_start = f.cmd == Cmd::Start || f.cmd == Cmd::NeedCmd;
    const bool ended =
        f.cmd == Cmd::Simple || f.cmd == Cmd::AfterCompound || (f.cmd == Cmd::Start && f.prefix);
    f.prefix = false;
    switch (t.kind) {
      case Tok::Word: {
        if (f.cmd == Cmd::Simple) {
          f.single_word = false;
          return;
        }
        if (t.plain) {
          const std::string_view w = t.word;
          if (is_closer(w)) return closer(t);
          if (f.cmd == Cmd::AfterCompound) return fail_unexpected(t);
          if (compound_start(t, false)) return;
          if (w == "function") {
            open_compound(Kind::Function, Part::FnName, t);
            return;
          }
          if (w == "!" || w == "time") {
            // Prefixes of a pipeline; bash accepts them alone.
            f.nonempty = true;
            f.prefix = true;
            f.cmd = Cmd::Start;
            return;
          }
          if (w == "coproc") {
            unsure_ = true;
            return;
          }
        } else if (f.cmd == Cmd::AfterCompound) {
          return fail_unexpected(t);
        }
        f.cmd = Cmd::Simple;
        f.nonempty = true;
        f.single_word = !t.assignment;
        f.op = t.begin;  // the command name, for `name ()`
        f.op_end = t.end;
        return;
      }
      case Tok::Newline:
        if (ended) f.cmd = Cmd::Start;
        return;
      case Tok::Semi:
      case Tok::Amp:
        if (ended) {
          f.cmd = Cmd::Start;
          return;
        }
        return fail_unexpected(t);
      case Tok::AndIf:
      case Tok::OrIf:
      case Tok::Pipe:
      case Tok::PipeAmp:
        if (ended) {
          f.cmd = Cmd::NeedCmd;
          f.op = t.begin;
          f.op_end = t.end;
          return;
        }
        return fail_unexpected(t);
      case Tok::DSemi:
      case Tok::SemiAnd:
      case Tok::DSemiAnd:
        if (f.kind == Kind::Case && f.cmd != Cmd::NeedCmd) {
          f.part = Part::CasePatStart;
          f.cmd = Cmd::Start;
          return;
        }
        return fail_unexpected(t);
      case Tok::LParen:
        if (at_start) {
          open_compound(Kind::Subshell, Part::List, t);
          return;
        }
        if (f.cmd == Cmd::Simple && f.single_word) {
          f.cmd = Cmd::FuncParen;
          return;
        }
        return fail_unexpected(t);
      case Tok::RParen:
        if ((f.kind == Kind::Subshell || f.kind == Kind::CmdSubst) && f.cmd != Cmd::NeedCmd) {
          if (f.kind == Kind::Subshell && !f.nonempty && !opaque_in(f.part_begin, t.begin))
            return fail(t.begin, t.end, "unexpected `)`, expected a command after `(`", f.open, f.open_end,
                        "`(` starts here");
          stack_.pop_back();
          return;
        }
        return fail_unexpected(t);
      case Tok::Redir:
      case Tok::Heredoc:
        f.after_redir = f.cmd == Cmd::AfterCompound ? Cmd::AfterCompound : Cmd::Simple;
        if (at_start) f.nonempty = true;
        f.single_word = false;
        f.cmd = Cmd::Redir;
        f.heredoc = t.kind == Tok::Heredoc;
        f.strip_tabs = t.strip_tabs;
        f.op = t.begin;
        f.op_end = t.end;
        return;
      case Tok::ArithCmd:
        f.nonempty = true;
        f.cmd = Cmd::AfterCompound;
        return;
      case Tok::End:
        dependent_ = true;
        if (f.cmd == Cmd::NeedCmd)
          return fail(f.op, f.op_end, fmt::format("missing command after `{}`", text(f.op, f.op_end)));
        if (f.kind == Kind::Program) {
          done_ = true;
          return;
        }
        return fail_unclosed(f, opener(f));
    }
  }

  void add_heredoc(const Frame& f, const Token& t) {
    Heredoc h;
    h.strip_tabs = f.strip_tabs;
    h.begin = f.op;
    h.end = t.end;
    // The delimiter is the word with its quotes removed.
    const std::string_view w = text(t.begin, t.end);
    for (std::size_t k = 0; k < w.size(); ++k) {
      const char c = w[k];
      if (c == '\\' && k + 1 < w.size())
        h.delimiter += w[++k];
      else if (c != '\'' && c != '"')
        h.delimiter += c;
    }
    pending_.push_back(std::move(h));
  }
};

}  // namespace

ShellResult check_shell_syntax(std::string_view script, const OpaqueRanges& opaque) {
  if (script.size() >= std::numeric_limits<std::uint32_t>::max() / 2) return {Verdict::Unsure, {}};
  return Checker(script, opaque).run();
}

}  // namespace katalint::rules::shell
