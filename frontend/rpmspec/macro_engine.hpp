// rpm's macro language, as rpm 4.18 expands it, without executing anything:
// %(shell) and %{lua:...} evaluate to an opaque value (see kOpaque*).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "frontend/rpmspec/shell_lite.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::rpmspec {
namespace detail {
class Expander;
class Pin;
}

// An opaque value (the unknown output of %(...) or %{lua:...}) is spliced into expansion
// output as kOpaqueBegin + the original macro text + kOpaqueEnd, so later stages can tell
// where a value matters but cannot be known.
inline constexpr char kOpaqueBegin = '\x1e';
inline constexpr char kOpaqueEnd = '\x1f';
bool contains_opaque(std::string_view text);
// `text` with the opaque markers removed, leaving the original macro text (for messages).
std::string strip_opaque_markers(std::string_view text);

// rpm's macro entry flags (ME_*), kept in MacroDefinition::flags.
inline constexpr unsigned kMacroAuto = 1u << 0;     // %0, %1, %#, %-f...: set up by a parametric call
inline constexpr unsigned kMacroUsed = 1u << 1;     // looked up since it was defined
inline constexpr unsigned kMacroLiteral = 1u << 2;  // the body is output as is, never expanded
inline constexpr unsigned kMacroParse = 1u << 3;    // a built-in that reads its argument unexpanded
inline constexpr unsigned kMacroBuiltin = 1u << 4;  // a built-in (%{basename:}, %define, ...)

// rpm's scope levels for definitions that are not made by %define/%global.
inline constexpr int kLevelBuiltin = -20;
inline constexpr int kLevelMacroFiles = -13;
inline constexpr int kLevelCommandLine = -7;
inline constexpr int kLevelGlobal = -1;

struct MacroDefinition {
  std::string name;
  std::optional<std::string> options;  // getopt string for parametric macros ("" = takes args, no opts)
  std::string body;
  int level = 0;  // scope level at definition; -1 for global (rpm's RMIL_GLOBAL semantics)
  ir::Range where;  // definition site, invalid for built-ins and profiles
  unsigned flags = 0;  // kMacro* bits
};

struct ExpansionLimits {
  int max_depth = 64;                            // rpm's max_macro_depth
  std::size_t max_output = 16u * 1024u * 1024u;  // bytes of one expansion result
  // Work allowed for one top-level expansion: one unit per byte scanned or written, 64 per
  // macro call. It stops expansions that are exponential without growing the output.
  std::size_t max_work = 64u * 1024u * 1024u;
};

class MacroEngine {
 public:
  explicit MacroEngine(ir::DiagnosticSink* sink = nullptr, ExpansionLimits limits = {});

  // Defines `name` (pushing over an existing definition, as rpm's macro stack does).
  void define(std::string_view name, std::string_view body,
              std::optional<std::string_view> options = std::nullopt, ir::Range where = {});
  // Pops the newest definition of `name`.
  void undefine(std::string_view name);
  [[nodiscard]] const MacroDefinition* lookup(std::string_view name) const;
  // The same for a macro about to be expanded: a local definition is marked used, and
  // `local` tells whether the definition is local (it may change) or in the shared base.
  const MacroDefinition* lookup_for_use(std::string_view name, bool& local);
  [[nodiscard]] bool is_defined(std::string_view name) const { return lookup(name) != nullptr; }

  // Expands every macro in `text`, handling %define/%global/%undefine inline as rpm does.
  // Diagnostics (recursion limit, size cap, %{error:}, %{warn:}, unbalanced braces, shell or
  // lua whose value matters) are reported at `origin`, the source range `text` came from.
  std::string expand(std::string_view text, ir::Range origin = {});
  // The same into `out`, replacing its content (its buffer is reused).
  void expand(std::string_view text, std::string& out, ir::Range origin = {});

  // Loads an rpm macro file (profile): `%name body` / `%name(opts) body` entries with
  // backslash continuation, `#` comment lines.
  void load_macro_file(std::string_view text);
  // The same, for a file in the SourceManager: definitions remember their line, and bad
  // entries are reported there.
  void load_macro_file(std::string_view text, ir::FileId file);

  // Defines a macro from `name[(opts)] body`, as `rpm --define` does (at its level,
  // kLevelCommandLine).
  // Returns false (and reports at `where`) if rpm would reject the definition.
  bool define_line(std::string_view definition, ir::Range where = {});

  // Where diagnostics go from now on (null drops them).
  void set_sink(ir::DiagnosticSink* sink) { sink_ = sink; }
  [[nodiscard]] ir::DiagnosticSink* sink() const { return sink_; }

  // True if the last expand() hit an error that makes rpm fail the expansion (its output is
  // then cut at the error, as rpm's buffer is).
  [[nodiscard]] bool last_expansion_failed() const { return last_failed_; }

  // Reads files for %{load:}, %{exists:} and %include; the spec evaluator installs it so
  // that paths resolve against the spec's directory. Returns nullopt when missing.
  std::function<std::optional<std::string>(std::string_view path)> read_file;

  // What the target's build root prints for host commands (`#!katalint-command` in profiles);
  // %(...) of pure text pipelines and these commands is evaluated without running a shell.
  ShellProfile shell;

  // True once %{error:...} was expanded (rpm then fails the parse).
  [[nodiscard]] bool error_raised() const { return error_raised_; }

  using Table = std::map<std::string, std::vector<MacroDefinition>, std::less<>>;
  // The working tables are hashed: expansion looks names up more than anything else.
  // Not noexcept on purpose: libstdc++ then keeps each node's hash, so a lookup does not hash
  // again every key in the bucket it walks (that was 5 % of a query run).
  // A name with its hash, so that one lookup in the local table and then the base hashes once.
  struct HashedName {
    std::string_view name;
    std::size_t hash;
    friend bool operator==(const HashedName& a, const std::string& b) { return a.name == b; }
  };
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
    std::size_t operator()(const HashedName& key) const { return key.hash; }
  };
  using Stacks = std::unordered_map<std::string, std::vector<MacroDefinition>, NameHash, std::equal_to<>>;

  // Every macro name with its definition stack, base and local merged.
  [[nodiscard]] Table table() const;

  // Makes the current definitions a shared, read-only base: copies of the engine then share
  // it and record only their own changes, so a loaded profile is copied per spec cheaply.
  void freeze();

  // Pushes `definitions` in order, each at its own level and with its flags, then freezes:
  // rebuilds a loaded profile from its snapshot without parsing it again.
  void restore_base(std::vector<MacroDefinition> definitions);

 private:
  friend class detail::Expander;
  void push(std::string_view name, std::optional<std::string_view> options, std::string body,
            int level, unsigned flags, ir::Range where);
  void pop(std::string_view name);
  // Loads macro-file text; bad entries are reported at their line in `file`, or at `fallback`.
  void load_text(std::string_view text, ir::FileId file, ir::Range fallback);

  // The definition stack of `name`, copied from the base on first write; null when the name
  // is defined nowhere and `create` is false. An empty local stack hides the base's.
  std::vector<MacroDefinition>* writable_stack(std::string_view name, bool create);
  // Drops an emptied local stack unless it must hide a base definition.
  void prune(Stacks::iterator it);

  ir::DiagnosticSink* sink_;
  ExpansionLimits limits_;
  std::shared_ptr<const Stacks> base_;
  Stacks table_;
  int level_ = 0;
  bool error_raised_ = false;
  bool last_failed_ = false;
  // Names defined at a parametric call level (> 0), so that leaving the call pops only them.
  std::vector<std::string> scoped_names_;

  // Copies of the local definitions being expanded (see detail::Pin), innermost last; their
  // buffers are reused from call to call. A copied engine starts with an empty pool.
  struct DefinitionPool {
    std::vector<std::unique_ptr<MacroDefinition>> slots;
    std::size_t used = 0;
    DefinitionPool() = default;
    DefinitionPool(const DefinitionPool&) {}
    DefinitionPool& operator=(const DefinitionPool&) { return *this; }
    DefinitionPool(DefinitionPool&&) noexcept = default;
    DefinitionPool& operator=(DefinitionPool&&) noexcept = default;
    ~DefinitionPool() = default;
  };
  friend class detail::Pin;
  DefinitionPool pinned_;
};

// rpm's %if / %[ ] / %{expr:} expression language.
struct ExprValue {
  enum class Type { Integer, String, Version };
  Type type = Type::Integer;
  std::int64_t integer = 0;
  std::string text;  // String and Version (a version as rpm prints it: [E:]V[-R])
  // The value depends on %(...) or %{lua:...} output, so `integer`/`text` are placeholders.
  bool opaque = false;
  [[nodiscard]] bool truthy() const;  // rpm: non-zero integer, non-empty string
};

// Evaluates `expr`. If `engine` is given, macros inside are expanded as rpm 4.18 does for
// %if and %[ ]: token by token, and not in a branch that && || ?: short-circuit. On error
// returns nullopt and sets `error` to a one-line message (rpm's wording where it has one).
// A value computed from an opaque operand is returned with `opaque` set.
std::optional<ExprValue> evaluate_expression(std::string_view expr, MacroEngine* engine,
                                             std::string& error);

// rpm's version comparison (rpmvercmp) of two EVR strings; <0, 0 or >0.
int compare_versions(std::string_view a, std::string_view b);

}  // namespace katalint::rpmspec
