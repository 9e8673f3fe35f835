// Internals shared by macro_engine.cpp, builtins.cpp and expression.cpp: rpm's scanning
// helpers (rpmio/macro.c) and the expansion state of one top-level expansion.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/rpmspec/expression.hpp"
#include "frontend/rpmspec/macro_engine.hpp"

namespace katalint::rpmspec::detail {

inline constexpr std::size_t kNpos = std::string_view::npos;

// rpm 4.18 marks %{quote:} arguments with 0x1f; that byte is kOpaqueEnd here, so quoting
// uses another control character.
inline constexpr char kQuoteChar = '\x1d';

// rpm's character classes: ASCII only, whatever the locale.
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_eol(char c) { return c == '\n' || c == '\r'; }
inline bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// Index just past the opaque segment that starts at `i`, or kNpos if it has no end marker.
std::size_t opaque_end(std::string_view text, std::size_t i);

// rpm's matchchar(): text[p] is `pl`; returns the index after the matching `pr`, or kNpos.
// Backslash escapes a character; opaque segments are skipped whole. Adds the bytes read to
// `*scanned`.
std::size_t match_char(std::string_view text, std::size_t p, char pl, char pr,
                       std::size_t* scanned = nullptr);

// rpm's findMacroEnd(): `s` is just after a '%'. Returns the end of the macro call, or kNpos
// for an unterminated %{, %( or %[.
std::size_t find_macro_end(std::string_view text, std::size_t s, std::size_t* scanned = nullptr);

class Expander;

struct BuiltinCall {
  Expander& ex;
  std::string& out;
  const MacroDefinition& me;
  const std::vector<std::string>* args;  // args[0] is the name; null for %{?name}
  std::string_view rest;                 // free-field form (%define ...): the text after the name
  std::size_t* parsed;                   // free-field form only: bytes of `rest` consumed
  std::string_view original;             // the whole call, e.g. "%{basename:%x}"

  [[nodiscard]] std::string_view arg1() const {
    return args && args->size() > 1 ? std::string_view((*args)[1]) : std::string_view();
  }
};

struct BuiltinInfo {
  std::string_view name;
  int nargs;       // 0: takes none, 1: needs one, -1: either
  unsigned flags;  // kMacroParse for built-ins that read their argument unexpanded
  void (*fn)(BuiltinCall&);
};

std::span<const BuiltinInfo> builtins();
const BuiltinInfo* find_builtin(std::string_view name);

// The state of one top-level expansion (rpm's MacroBuf, shared by nested buffers).
class Expander final : public ExprMacroExpander {
 public:
  Expander(MacroEngine& engine, std::string_view top_text, ir::Range origin);

  // Expands the top-level text into `out` (its old content is dropped).
  void run(std::string& out);
  std::optional<std::string> expand_token(std::string_view text) override;

  // rpm's expandMacro(): expands `src`, appending to `out`; false once expansion failed.
  bool expand_into(std::string& out, std::string_view src);
  // rpm's expandThis(): expands `src` into a buffer of its own.
  bool expand_this(std::string_view src, std::string& result);

  // rpm's doDefine(): `text` starts with the name. With `parsed`, the body is free-field
  // (ends at an unescaped newline) and the bytes consumed are added to *parsed.
  void define(std::string_view text, int level, bool expand_body, std::size_t* parsed);
  void undefine(std::string_view name);
  // %[ ] and %{expr:}: evaluates `expr` and appends its value.
  void expression(std::string& out, std::string_view expr, bool expand, std::string_view original);
  // %{load:}: reads and loads a macro file.
  void load(std::string_view path, std::string_view original);

  void append(std::string& out, std::string_view text);
  // Splices an opaque value; `matters` reports that a result depends on it.
  void append_opaque(std::string& out, std::string_view original, bool matters);
  void report(std::string_view rule, ir::Severity severity, std::string message);
  // An rpm error: reports it and stops the whole expansion, as rpm's mb->error does.
  void fail(std::string_view rule, std::string message);
  void note_opaque(std::string_view original);
  // %{error:}: fails the expansion and marks the engine (MacroEngine::error_raised()).
  void raise_error(std::string message);

  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] MacroEngine& engine() { return eng_; }
  [[nodiscard]] int level() const { return level_; }
  // The newest definition of `name`, whatever its scope (rpm's findEntry()).
  const MacroDefinition* find_top(std::string_view name) const;

 private:
  std::size_t expand_one(std::string& out, std::string_view src, std::size_t s, bool top);
  std::size_t grab_args(const MacroDefinition& me, std::vector<std::string>& args,
                        std::string_view src, std::size_t begin, std::size_t lastc, bool split);
  void do_macro(std::string& out, const MacroDefinition& me, const std::vector<std::string>* args,
                std::string_view rest, std::size_t* parsed, std::string_view original);
  void setup_args(const MacroDefinition& me, const std::vector<std::string>& args);
  void free_args();
  bool charge(std::size_t units);
  [[nodiscard]] ir::Range diag_range() const;

  // The automatic macros of one parametric call (%0, %1..., %#, %*, %**, %-f, %-f*). rpm
  // pushes them into the macro table; since no %define can use their names, katalint keeps
  // them per call instead, and only the innermost call's are visible, as in rpm.
  struct ArgFrame {
    std::vector<MacroDefinition> args;  // the first `size` are live; the rest keep their buffers
    std::size_t size = 0;
    void add(std::string_view name, std::string_view body, int level, ir::Range where);
    [[nodiscard]] const MacroDefinition* find(std::string_view name) const;
  };
  ArgFrame& push_frame();
  // `name` (an argument name) in the innermost call's frame.
  const MacroDefinition* find_argument(std::string_view name) const;

  MacroEngine& eng_;
  std::vector<ArgFrame> frames_;
  std::size_t frame_depth_ = 0;
  std::string_view top_;
  ir::Range origin_;
  bool maps_ = false;  // origin_ covers top_ byte for byte
  bool have_span_ = false;
  std::size_t span_begin_ = 0;
  std::size_t span_end_ = 0;
  int depth_ = 0;
  int level_ = 0;
  bool failed_ = false;
  bool limit_reported_ = false;
  bool opaque_reported_ = false;
  std::size_t work_ = 0;
  std::vector<std::size_t> scope_marks_;
};

}  // namespace katalint::rpmspec::detail
