// debian/rules (a GNU makefile) kept as text, with what later checks need recognised:
// variable assignments, rules with their targets and recipe lines, and directives.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
class FilledTemplate;
}

namespace katalint::frontend::debian {

enum class RulesLineKind : std::uint8_t {
  Blank,
  Comment,     // `# ...` (a continued comment covers several lines)
  Assignment,  // `X = v`, `export X := v`, `override X += v`, `X ?= v`, `X != cmd`
  Rule,        // `targets: prerequisites`
  Recipe,      // tab-indented line after a rule
  Directive,   // ifeq/ifneq/ifdef/ifndef/else/endif, include, define/endef, export X, ...
  DefineBody,  // lines between define and endef
  Other,       // anything make would reject ("missing separator")
};

// A physical line. Logical lines continued with a backslash give each physical line the
// kind of the logical line.
struct RulesLine {
  RulesLineKind kind;
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t next;
};

struct RulesAssignment {
  std::string name;
  std::string op;     // "=", ":=", "::=", "?=", "+=", "!="
  std::string value;  // as written, continuation lines included, blanks trimmed
  bool exported = false;
  bool overridden = false;
  ir::Range range;  // the whole logical line
  ir::Range name_range;
  ir::Range value_range;
};

struct RulesRecipeLine {
  std::string text;  // after the leading tab, continuation lines included as written
  ir::Range range;   // the whole logical line
  ir::Range text_range;
};

struct RulesTarget {
  std::string name;  // `override_dh_auto_test`, `%`, `$(FOO)`, ...
  ir::Range range;
};

struct RulesRule {
  std::vector<RulesTarget> targets;
  std::string prerequisites;  // as written after the colon (may be a target-specific assignment)
  bool double_colon = false;
  ir::Range range;  // the rule line
  ir::Range prerequisites_range;
  std::vector<RulesRecipeLine> recipe;
};

struct RulesDirective {
  std::string keyword;   // "ifeq", "endif", "include", "-include", "export", "define", ...
  std::string argument;  // the rest of the line, trimmed
  ir::Range range;
};

struct DebianRules {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<RulesLine> lines;  // tile `text`
  std::string shebang;           // first line when it starts with "#!"
  std::vector<RulesAssignment> assignments;
  std::vector<RulesRule> rules;
  std::vector<RulesDirective> directives;

  // The first rule naming `target` (e.g. "override_dh_auto_test"), or null.
  [[nodiscard]] const RulesRule* find_rule(std::string_view target) const;
};

// Lines make would reject are reported as `debian-rules-syntax`.
DebianRules parse_debian_rules(const ir::SourceFile& file, std::string_view text,
                               const FilledTemplate* map, ir::DiagnosticSink& sink);
DebianRules parse_debian_rules(const ir::SourceFile& file, ir::DiagnosticSink& sink);

std::string reprint(const DebianRules& rules);

}  // namespace katalint::frontend::debian
