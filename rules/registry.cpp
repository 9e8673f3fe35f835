#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {
namespace {

using ir::Severity;

// Sorted by id. Ids are never reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
    RuleInfo{"duplicate-else", Severity::Error, "a second %else, or an %elif after %else, in one conditional"},
    RuleInfo{"expression-error", Severity::Error, "an rpm expression (%[ ], %{expr:}) does not evaluate"},
    RuleInfo{"internal-error", Severity::Error, "katalint failed on this input; please report it"},
    RuleInfo{"invalid-dependency", Severity::Error, "a dependency tag value is one rpm rejects"},
    RuleInfo{"macro-builtin-arguments", Severity::Error, "a built-in macro gets an argument it does not take, or none"},
    RuleInfo{"macro-definition-failed", Severity::Error, "the body of a %global does not expand"},
    RuleInfo{"macro-echo", Severity::Info, "message printed by %{echo:}"},
    RuleInfo{"macro-empty-body", Severity::Error, "a macro definition has an empty body"},
    RuleInfo{"macro-error", Severity::Error, "%{error:} was expanded, which makes rpm fail"},
    RuleInfo{"macro-expansion-too-large", Severity::Error, "a macro expansion grows beyond katalint's size or work limit"},
    RuleInfo{"macro-illegal-name", Severity::Error, "a macro name rpm rejects (too short, a digit first, a built-in)"},
    RuleInfo{"macro-load-failed", Severity::Error, "%{load:} names a macro file that cannot be read"},
    RuleInfo{"macro-missing-whitespace", Severity::Warning, "no whitespace between a macro name and its body"},
    RuleInfo{"macro-not-found", Severity::Error, "%{macrobody:} names an undefined macro"},
    RuleInfo{"macro-recursion-limit", Severity::Error, "macro expansion nests deeper than rpm allows (64 levels)"},
    RuleInfo{"macro-unknown-option", Severity::Error, "a parametric macro gets an option it does not declare"},
    RuleInfo{"macro-unterminated-definition", Severity::Error, "a macro definition's options or body are not closed"},
    RuleInfo{"macro-unused-in-scope", Severity::Warning, "a macro defined inside a parametric macro is never used there"},
    RuleInfo{"macro-warn", Severity::Warning, "message printed by %{warn:}"},
    RuleInfo{"malformed-tag", Severity::Error, "a preamble line that rpm rejects: not 'Tag: value', indented or empty"},
    RuleInfo{"opaque-macro-value", Severity::Info, "a value depends on %(...) or %{lua:} output, which katalint does not compute"},
    RuleInfo{"unbalanced-macro-brace", Severity::Error, "a %{, %( or %[ that is never closed"},
    RuleInfo{"unbound-placeholder", Severity::Warning, "an OBS template placeholder has no value"},
    RuleInfo{"unmatched-conditional", Severity::Error, "an %else, %elif or %endif with no open %if"},
    RuleInfo{"unreadable-file", Severity::Error, "the input file cannot be read"},
    RuleInfo{"unterminated-if", Severity::Error, "an %if with no matching %endif before the end of the file"},
    RuleInfo{"values-file-syntax", Severity::Error, "a --values file line is not KEY=VALUE"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace katalint::rules
