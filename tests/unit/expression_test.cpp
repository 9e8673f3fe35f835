// rpm's expression language against rpm 4.18: `%[expr]` and `%{expr:expr}` evaluated by rpm
// and by katalint, plus the API (evaluate_expression, compare_versions).
#include <random>

#include "frontend/rpmspec/macro_engine.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/macro_test_support.hpp"

using katalint::ir::DiagnosticSink;
using katalint::rpmspec::ExprValue;
using katalint::rpmspec::MacroEngine;
using katalint::rpmspec::compare_versions;
using katalint::rpmspec::evaluate_expression;

namespace {

struct Case {
  std::vector<std::string> defines;
  std::string expr;
};

const std::vector<Case> kCases = {
    // integers and arithmetic
    {{}, "1"},
    {{}, "  07 "},
    {{}, "1 + 2 * 3"},
    {{}, "(1+2)*3"},
    {{}, "7/2"},
    {{}, "-7/2"},
    {{}, "7 - 10"},
    {{}, "4 - 2 - 1"},
    {{}, "3 - - 2"},
    {{}, "- 3"},
    {{}, "--3"},
    {{}, "2147483647+1"},
    {{}, "2147483647*2"},
    {{}, "-2147483647-1"},
    {{}, "99999999999"},
    {{}, "-2147483648 < 1"},
    {{}, "((((((1))))))"},
    {{}, "1 < 2 < 3"},
    {{}, "1 == 1 == 1"},
    {{}, "3 > 2"},
    {{}, "2 >= 2"},
    {{}, "2 <= 1"},
    {{}, "1 != 2"},
    // logic and ternary
    {{}, "!0"},
    {{}, "!5"},
    {{}, "0 || 0"},
    {{}, "1 && 0 || 1"},
    {{}, "0 || 1 && 0"},
    {{}, "1 && 2"},
    {{}, "0 && 1/0"},
    {{}, "1 || 1/0"},
    {{}, "1 ? 2 : 3"},
    {{}, "0 ? 2 : 3"},
    {{}, "1 ? 2 ? 3 : 4 : 5"},
    {{}, "0 ? 1 : 0 ? 2 : 3"},
    {{}, "1 ? v\"1\" : v\"2\""},
    {{}, "0 ? v\"\" : v\"2\""},
    // strings
    {{}, "\"a\" + \"b\""},
    {{}, "\"abc\" < \"abd\""},
    {{}, "\"b\" > \"a\""},
    {{}, "\"a\" == \"a\""},
    {{}, "\"\" || \"b\""},
    {{}, "\"a\" && \"b\""},
    {{}, "\"\" && \"b\""},
    {{}, "!\"a\""},
    {{}, "!\"\""},
    {{}, "\"a b\" != \"a\""},
    // versions
    {{}, "v\"1.0\" < v\"1.1\""},
    {{}, "v\"1.0\""},
    {{}, "!v\"1.0\""},
    {{}, "v\"1.0\" == v\"1.0.0\""},
    {{}, "v\"1.0~rc\" < v\"1.0\""},
    {{}, "v\"1.0^p\" > v\"1.0\""},
    {{}, "v\"1.0^p\" < v\"1.0.1\""},
    {{}, "v\"2:1.0-1\" > v\"1:2\""},
    {{}, "v\"1:2.0-1\" > v\"2.1\""},
    {{}, "v\"1.0-1\" > v\"1.0\""},
    {{}, "v\"1.0a\" < v\"1.0\""},
    {{}, "v\"1.01\" == v\"1.1\""},
    {{}, "v\"1.0-2.fc38\" < v\"1.0-10.fc38\""},
    {{}, "v\":1.0\""},
    {{}, "v\"1:\""},
    {{}, "v\"-1\""},
    {{}, "v\"1.0\" || v\"2\""},
    {{}, "v\"0\" < v\"a\""},
    {{}, "v\"1.0~~\" < v\"1.0~\""},
    // macros inside expressions (expanded token by token)
    {{"x 2"}, "%{x} + 1"},
    {{"x 2"}, "%x+1"},
    {{"x 2"}, "\"%x\" == \"2\""},
    {{"x -"}, "%x"},
    {{}, "%{?y}"},
    {{}, "%{?y}1"},
    {{}, "1 || %{foo}"},
    {{}, "1 || %{error:x}"},
    {{}, "0 && \"%{error:x}\" == \"a\""},
    {{"foo bar"}, "0 && %{foo}"},
    {{"foo bar"}, "1 ? 1 : %{foo}"},
    {{}, "1 ? 2 : %{error:x}"},
    {{}, "0 && v\"%{foo}\" < v\"1\""},
    {{"ver 1.2.3"}, "v\"%{ver}\" >= v\"1.2\""},
    {{"fedora 38"}, "0%{?fedora} >= 37"},
    {{}, "0%{?fedora} >= 37"},
    {{"rhel 9"}, "0%{?rhel} && 0%{?rhel} < 10"},
    {{"suse_version 1500"}, "%{?suse_version} > 1500 || 0%{?sle_version} >= 150400"},
    {{"with_foo 1"}, "%{with_foo} && 1"},
    {{"n 3"}, "%n * %n - 1"},
    {{"s abc"}, "\"%s\" + \"d\""},
    // errors
    {{}, "1 && \"a\""},
    {{}, "1 ? \"a\" : 2"},
    {{}, "-\"a\""},
    {{}, "1/0"},
    {{}, "abc"},
    {{}, "1 = 2"},
    {{}, "(1"},
    {{}, ""},
    {{}, "1 +"},
    {{}, "\"a\" * \"b\""},
    {{}, "v\"1\" + v\"2\""},
    {{}, "1 + \"a\""},
    {{}, "1 2"},
    {{}, "1)"},
    {{}, "\"abc"},
    {{}, "&"},
    {{}, "|"},
    {{}, ":"},
    {{}, "?"},
    {{}, "1?2"},
    {{}, "1?2:"},
    {{}, "@"},
    {{}, "v\"\""},
    {{}, "1 || abc"},
    {{}, "0 && \"x\" + 1"},
    {{}, "0 ? v\"\" : 1"},
    {{}, "1 || v\"\""},
    {{}, "foo(1)"},
    {{"x abc"}, "%x"},
    {{}, "0 || %{foo}"},
    {{}, "%{error:x}"},
};

}  // namespace

TEST_CASE("%[expr] matches rpm", "[expr][rpm]") {
  if (!katalint::test::need_rpm()) return;
  REQUIRE(kCases.size() >= 60);
  for (const auto& c : kCases) {
    const std::string input = "%[" + c.expr + "]";
    const auto rpm = katalint::test::run_rpm(c.defines, {input});
    REQUIRE(rpm);
    MacroEngine e;
    for (const auto& d : c.defines) REQUIRE(e.define_line(d));
    const std::string ours = e.expand(input);
    INFO("expression: [" << c.expr << "]\nrpm: " << (rpm->ok ? "ok" : "failed") << " [" << rpm->out
                         << "]\nkatalint: " << (e.last_expansion_failed() ? "failed" : "ok") << " ["
                         << ours << "]");
    CHECK(e.last_expansion_failed() == !rpm->ok);
    if (rpm->ok) CHECK(ours == rpm->out);

    // evaluate_expression() with an engine expands as %[ ] does.
    MacroEngine api;
    for (const auto& d : c.defines) REQUIRE(api.define_line(d));
    std::string error;
    const auto value = evaluate_expression(c.expr, &api, error);
    CHECK(value.has_value() == rpm->ok);
    if (value && rpm->ok) {
      if (value->type == ExprValue::Type::Integer)
        CHECK(std::to_string(value->integer) == rpm->out);
      else
        CHECK(value->text == rpm->out);
    }
    if (!value) CHECK_FALSE(error.empty());
  }
}

TEST_CASE("%{expr:} matches rpm (arguments expanded first)", "[expr][rpm]") {
  if (!katalint::test::need_rpm()) return;
  int compared = 0;
  for (const auto& c : kCases) {
    if (c.expr.find('}') != std::string::npos) continue;  // would end the %{expr:} early
    const std::string input = "%{expr:" + c.expr + "}";
    const auto rpm = katalint::test::run_rpm(c.defines, {input});
    REQUIRE(rpm);
    MacroEngine e;
    for (const auto& d : c.defines) REQUIRE(e.define_line(d));
    const std::string ours = e.expand(input);
    INFO("input: [" << input << "]\nrpm: " << (rpm->ok ? "ok" : "failed") << " [" << rpm->out
                    << "]\nkatalint: " << (e.last_expansion_failed() ? "failed" : "ok") << " [" << ours
                    << "]");
    CHECK(e.last_expansion_failed() == !rpm->ok);
    if (rpm->ok) CHECK(ours == rpm->out);
    ++compared;
  }
  CHECK(compared >= 60);
}

TEST_CASE("random expressions evaluate as rpm evaluates them", "[expr][rpm]") {
  if (!katalint::test::need_rpm()) return;
  const std::vector<std::string> tokens = {
      "1", "0", "2", "10", "7", "-", "+", "*", "/", "!", "(", ")", "<", ">", "<=", ">=", "==", "!=",
      "&&", "||", "?", ":", "\"a\"", "\"\"", "\"b\"", "v\"1.0\"", "v\"1.0-1\"", "v\"2:0\"",
      "v\"1~a\"", "%one", "%{?one}", "%{?none}", "%str", "\"%str\"", " ", "%{expr:1}", "%[1]",
      "%{?one:-}"};
  const std::vector<std::string> defines = {"one 1", "str abc"};
  std::mt19937 rng(7);
  for (int n = 0; n < 200; ++n) {
    std::string expr;
    const unsigned len = 1 + rng() % 12;
    for (unsigned i = 0; i < len; ++i) expr += tokens[rng() % tokens.size()];
    const std::string input = "%[" + expr + "]";
    const auto rpm = katalint::test::run_rpm(defines, {input});
    REQUIRE(rpm);
    MacroEngine e;
    for (const auto& d : defines) REQUIRE(e.define_line(d));
    const std::string ours = e.expand(input);
    INFO("expression: [" << expr << "]\nrpm: " << (rpm->ok ? "ok" : "failed") << " [" << rpm->out
                         << "]\nkatalint: " << (e.last_expansion_failed() ? "failed" : "ok") << " ["
                         << ours << "]");
    CHECK(e.last_expansion_failed() == !rpm->ok);
    if (rpm->ok) CHECK(ours == rpm->out);
  }
}

TEST_CASE("version comparison is rpmvercmp on EVR", "[expr]") {
  CHECK(compare_versions("1.0", "1.0") == 0);
  CHECK(compare_versions("1.0", "1.0.1") < 0);
  CHECK(compare_versions("1.10", "1.9") > 0);
  CHECK(compare_versions("1.0~rc1", "1.0") < 0);
  CHECK(compare_versions("1.0^git1", "1.0") > 0);
  CHECK(compare_versions("1.0^git1", "1.0.1") < 0);
  CHECK(compare_versions("1:1.0", "2.0") > 0);
  CHECK(compare_versions("0:1.0", "1.0") == 0);
  CHECK(compare_versions("1.0-1", "1.0") > 0);
  CHECK(compare_versions("1.0-2", "1.0-10") < 0);
  CHECK(compare_versions("a", "1") < 0);
  CHECK(compare_versions("001", "1") == 0);
  CHECK(compare_versions("1.a", "1.0") < 0);
}

TEST_CASE("expressions without an engine, and opaque operands", "[expr]") {
  std::string error;
  auto v = evaluate_expression("1 + 2", nullptr, error);
  REQUIRE(v);
  CHECK(v->type == ExprValue::Type::Integer);
  CHECK(v->integer == 3);
  CHECK(v->truthy());

  // Without an engine a '%' is a parse error, as in rpm's non-expanding mode.
  CHECK_FALSE(evaluate_expression("%{x} == 1", nullptr, error));
  CHECK(error == "parse error in expression");

  v = evaluate_expression("v\"1.2\" < v\"1.10\"", nullptr, error);
  REQUIRE(v);
  CHECK(v->integer == 1);

  // An opaque operand (the output of %(...)) makes the result opaque, not an error.
  const std::string shell = std::string(1, katalint::rpmspec::kOpaqueBegin) + "%(echo 1)" +
                            std::string(1, katalint::rpmspec::kOpaqueEnd);
  v = evaluate_expression(shell + " == 1", nullptr, error);
  REQUIRE(v);
  CHECK(v->opaque);
  CHECK_FALSE(v->truthy());
  v = evaluate_expression("0 && " + shell, nullptr, error);
  REQUIRE(v);
  CHECK_FALSE(v->opaque);
  CHECK(v->integer == 0);
  v = evaluate_expression("\"" + shell + "\" == \"x\" || 1", nullptr, error);
  REQUIRE(v);
  CHECK(v->opaque);
  v = evaluate_expression("lua:f(1)", nullptr, error);
  REQUIRE(v);
  CHECK(v->opaque);

  MacroEngine e;
  e.define("sh", "%(uname -m)");
  v = evaluate_expression("\"%{sh}\" == \"x86_64\"", &e, error);
  REQUIRE(v);
  CHECK(v->opaque);
}

TEST_CASE("expression nesting is bounded", "[expr]") {
  std::string deep(100000, '(');
  deep += "1";
  deep += std::string(100000, ')');
  std::string error;
  CHECK_FALSE(evaluate_expression(deep, nullptr, error));
  CHECK(error == "expression is nested too deeply");
  std::string negations(100000, '!');
  negations += "1";
  CHECK_FALSE(evaluate_expression(negations, nullptr, error));

  // Short nesting is fine.
  auto v = evaluate_expression(std::string(50, '(') + "2" + std::string(50, ')'), nullptr, error);
  REQUIRE(v);
  CHECK(v->integer == 2);
}

TEST_CASE("%[ ] errors are reported at the expression", "[expr]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  CHECK(e.expand("%[1/0]").empty());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].rule == "expression-error");
  CHECK(sink.diagnostics()[0].message == "division by zero: 1/0");
}
