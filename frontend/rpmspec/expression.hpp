// Internal interface of the %[ ] / %if expression evaluator (rpm 4.18 rpmio/expression.c).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontend/rpmspec/macro_engine.hpp"

namespace katalint::rpmspec::detail {

// Expands the macros of one expression token (rpm's RPMEXPR_EXPAND); nullopt when the
// expansion failed (already reported by the expander).
class ExprMacroExpander {
 public:
  virtual ~ExprMacroExpander() = default;
  virtual std::optional<std::string> expand_token(std::string_view text) = 0;
};

// Evaluates `expr`; with `expander`, macros are expanded token by token as rpm does, and
// not at all in branches that short-circuit. On failure sets `error` to rpm's message.
std::optional<ExprValue> evaluate(std::string_view expr, ExprMacroExpander* expander, std::string& error);

// The text %[ ] produces for a value (integer in decimal, string as is, version as [E:]V[-R]).
std::string to_output(const ExprValue& value);

}  // namespace katalint::rpmspec::detail
