// The macro engine against rpm 4.18 itself: every case is expanded by `rpm --eval` (with no
// macro files, so only built-ins and the definitions given) and by MacroEngine.
#include <random>
#include <fstream>
#include <sstream>

#include "frontend/rpmspec/macro_engine.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/macro_test_support.hpp"

using katalint::ir::DiagnosticSink;
using katalint::rpmspec::MacroEngine;
using katalint::rpmspec::contains_opaque;

namespace {

struct Case {
  std::vector<std::string> defines;  // as `rpm --define`
  std::string input;
};

struct Result {
  bool ok = true;
  std::string out;
};

// rpm reads its rpmrc even with --macros=/dev/null; these are its values on x86_64.
void define_rpmrc(MacroEngine& e) {
  e.define("_target", "x86_64-linux");
  e.define("_target_cpu", "x86_64");
  e.define("_target_os", "linux");
  e.define("optflags", "-O2 -g");
}

Result expand_like_rpm(const Case& c, DiagnosticSink* sink = nullptr) {
  MacroEngine e(sink);
  define_rpmrc(e);
  e.read_file = [](std::string_view) { return std::optional<std::string>(); };  // no files
  Result r;
  for (const auto& d : c.defines) r.ok = e.define_line(d) && r.ok;
  const std::string out = e.expand(c.input);
  if (e.last_expansion_failed()) r.ok = false;
  r.out = out;
  return r;
}

const std::vector<Case> kCases = {
    // plain text, %%, and '%' that starts no macro
    {{}, "plain text"},
    {{}, "%%"},
    {{}, "100%%"},
    {{}, "%%%"},
    {{}, "trailing %"},
    {{}, "% x"},
    {{}, "%{}"},
    {{}, "%-"},
    {{}, "%?"},
    {{}, "%!"},
    {{}, "%??"},
    {{}, "%!foo"},
    {{}, "%!!foo"},
    {{}, "%?!foo bar"},
    {{}, "%!-f"},
    {{}, "%{?}"},
    {{}, "%{!}"},
    {{}, "a%.b"},
    {{}, "%/usr"},
    {{}, "%*"},
    {{}, "%#"},
    {{}, "%0 %1 %**"},
    // simple macros
    {{"foo 1"}, "%foo"},
    {{"foo 1"}, "%{foo}"},
    {{"foo 1"}, "x%{foo}y"},
    {{"foo 1"}, "%foobar"},
    {{"foo 1"}, "%foo.bar"},
    {{"foo 1"}, "%foo_x"},
    {{"foo bar baz"}, "[%foo]"},
    {{"foo  spaced  body  "}, "[%foo]"},
    {{}, "%{undefined_macro}"},
    {{}, "%undefined_macro and text"},
    {{}, "%{undefined %{also}}"},
    {{"a b"}, "%{%{a}}"},
    {{"a 1", "b %{a}%{a}"}, "%b"},
    {{"a %b", "b %c", "c end"}, "%a"},
    {{"ab 2"}, "%ab"},
    {{"x 5"}, "%x"},
    {{"_a 5"}, "%_a"},
    {{"foo 1"}, "%{foo:x}"},
    {{"foo 1"}, "%{foo x}"},
    {{"foo 1"}, "%foo x"},
    {{"foo %%"}, "%foo"},
    {{"foo %%{bar}"}, "%foo"},
    {{"foo 100%"}, "%foo"},
    {{"foo \\%x"}, "[%foo]"},
    {{"foo a\\\\b"}, "[%foo]"},
    {{"foo {a b}"}, "[%foo]"},
    {{"foo {a} b"}, "[%foo]"},
    // conditionals
    {{"foo 1"}, "%{?foo}"},
    {{}, "%{?foo}"},
    {{"foo 1"}, "%{!?foo}"},
    {{}, "%{!?foo}"},
    {{"foo 1"}, "%{?foo:yes}"},
    {{}, "%{?foo:yes}"},
    {{"foo 1"}, "%{!?foo:no}"},
    {{}, "%{!?foo:no}"},
    {{"foo 1"}, "%{?foo:}"},
    {{"foo 1"}, "%{!?foo:}"},
    {{"foo 1"}, "%?foo"},
    {{}, "%?foo"},
    {{"foo 1"}, "%!?foo"},
    {{}, "%!?foo"},
    {{"foo 1"}, "%{!foo}"},
    {{"x 1"}, "%{!!x}|%{??x}|%{?!x:y}|%{!?!x:y}"},
    {{"x 1"}, "%{?x:a\\}b}c"},
    {{"x 1"}, "%{?x:%{?y:both}%{!?y:only x}}"},
    {{"x 1", "y 2"}, "%{?x:%{?y:both}%{!?y:only x}}"},
    {{}, "%{?x:%{error:never}}ok"},
    {{"v 1.2.3"}, "%{?v:version %v}"},
    // parametric macros
    {{"foo(f) [%0|%#|%1|%2|%*|%**|%{-f}|%{-f*}|%{?-f:F}|%{!?-f:NF}]"}, "%foo a -f b c"},
    {{"foo(f:) [%0|%#|%1|%2|%*|%**|%{-f}|%{-f*}|%-f|%-f*]"}, "%foo a -f b c"},
    {{"foo(f) x"}, "%foo -x"},
    {{"foo(f:) x"}, "%foo -f"},
    {{"foo() [%#|%*]"}, "%{foo}"},
    {{"foo() [%#|%*|%1]"}, "%{?foo}"},
    {{"foo() [%#|%1]"}, "%{foo:a b}"},
    {{"foo() [%#|%1]"}, "%{foo a b}"},
    {{"foo() [%#|%1]"}, "%{foo:}"},
    {{"foo(f) [%#|%1|%{-f}]"}, "%foo -- -f a"},
    {{"foo(f:) [%{-f*}]"}, "%foo -fab"},
    {{"foo(ab) [%{-a}%{-b}|%1]"}, "%foo -ab c"},
    {{"foo() [%#|%1]"}, "%foo \"a b\" c"},
    {{"foo() [%#]"}, "x%foo\ny"},
    {{"foo() [%#|%*]"}, "x%foo a \\\nb"},
    {{"foo() [%#|%*]"}, "x%foo   a\t b  \nnext line"},
    {{"foo() [%1]"}, "%foo a\n%{?1}"},
    {{"foo() %{expand:%%1}"}, "%foo a"},
    {{"foo() %bar b", "bar() %1%2"}, "%foo a"},
    {{"foo() %bar", "bar %1"}, "%foo a"},
    {{"foo(f) %bar", "bar() %{-f}"}, "%foo -f"},
    {{"foo(f) %{?bar}", "bar() %{-f}"}, "%foo -f"},
    {{"foo(f) %{-f:yes}|%{?-f:y2}|%{!-f:no}"}, "%foo -f"},
    {{"foo(f) %{-f:yes}|%{?-f:y2}|%{!-f:no}|%{!?-f:n2}"}, "%foo"},
    {{"foo(a:b) [%{-a*}|%{-b}|%{-b*}|%#]"}, "%foo -b -a x y"},
    {{"foo(a:b) [%{-a*}|%{-b}|%#]"}, "%{foo -a x -b}"},
    {{"foo(a:) [%{-a}]"}, "%foo -a -b"},
    {{"foo(x) [%*]"}, "%foo - a"},
    {{"foo(x) [%1]"}, "%foo -xx q"},
    {{"foo(x) [%1]"}, "%foo --x"},
    {{"foo() [%#]"}, "%foo %{nil_undefined}"},
    {{"foo() [%#:%1:%2]"}, "%foo %{quote:} x"},
    {{"foo() [%#:%1:%2]"}, "%foo a%{quote:b c}d e"},
    {{"foo() [%#:%1:%2]", "q %{quote:a b}"}, "%foo %q x"},
    {{"foo() [%#:%1:%2]"}, "%foo %{quote:a b} %{quote:c}"},
    {{"foo() [%1] rest"}, "%foo arg1\n%foo arg2"},
    {{"foo(n:) name=%{-n*}"}, "%{foo -n %{?undef}x}"},
    {{"outer() %inner %1", "inner() <%1>"}, "%outer val"},
    {{"rec() %{?1:%1 %{rec}}"}, "%rec a"},
    {{"foo() %define bar 1"}, "%foo"},
    {{"foo() %{expand:%%define bar 1}"}, "%foo\n[%{?bar}]"},
    {{"foo() %{expand:%%global bar 1}"}, "%foo\n[%{?bar}]"},
    {{"foo() %{expand:%%define bar 1}%bar"}, "%foo\n[%{?bar}]"},
    // %define, %global, %undefine inside the text
    {{}, "%define foo 5\n%foo"},
    {{}, "%define foo a \\\nb\n[%foo]"},
    {{}, "%define foo {a\nb}  trailing\n[%foo]"},
    {{}, "%define foo() %1\n[%foo]"},
    {{}, "%define foo(a)b\n%foo"},
    {{}, "%global foo %{bar}\n%define bar 1\n%foo"},
    {{}, "%define foo %{bar}\n%define bar 1\n%foo"},
    {{}, "%global foo %%x\n%foo"},
    {{}, "%define foo %%x\n%foo"},
    {{}, "%{define:foo  a b  }[%foo]"},
    {{}, "%{define foo a b}[%foo]"},
    {{}, "%{global:foo %%}[%foo]"},
    {{}, "%define foo 1 %{expand:%%define bar 2}\n%foo %bar"},
    {{}, "%define foo 1\n%define foo 2\n%foo\n%undefine foo\n%foo\n%undefine foo\n%foo"},
    {{"x foo", "foo 1"}, "%undefine %{x}\n[%{?foo}]"},
    {{"foo 1"}, "%{undefine:foo}[%{?foo}]"},
    {{"foo 1"}, "%{undefine foo}[%{?foo}]"},
    {{}, "%define a %{expand:%%{?b:B}}\n%define b 1\n%a"},
    {{}, "%global a %{expand:%%{?b:B}}\n%define b 1\n[%a]"},
    {{}, "%define   spaced    value  \n[%spaced]"},
    {{}, "%define multi %{expand:\nline1\nline2}\n[%multi]"},
    {{}, "%global g1 1\n%global g2 %{g1}%{g1}\n%g2"},
    {{}, "text\n%define x 1\nmore %x\n"},
    {{"foo(a) %{expand:%%global seen_%{1} 1}"}, "%foo one\n%{?seen_one}"},
    {{}, "%define crlf value\r\n[%crlf]"},
    {{}, "%global e %{?nothing}\n[%e]"},
    {{}, "%define a 1\n%define b 2\n%a%b"},
    {{}, "%define"},
    {{}, "%define  foo"},
    {{}, "%undefine never_defined\nok"},
    {{}, "%{undefine}"},
    {{}, "%global cont a \\\n  b\n[%cont]"},
    {{}, "%define tabs value\t \t\n[%tabs]"},
    {{"foo() [%#]"}, "%{?foo:}|%{?foo}"},
    {{"foo(f:) [%{?-f*:yes %{-f*}}%{!?-f*:no}]"}, "%foo -f v|%{foo}"},
    {{"foo() [%1]"}, "%{foo:{a}}"},
    {{"foo 1"}, "%foo(bar)|%{foo}bar|%foo1"},
    {{"foo1 one"}, "%foo1|%{foo1}"},
    {{}, "%{?1}|%{!?1:none}"},
    {{}, "%{expand:%%%%}"},
    {{}, "%{shrink:}|%{basename:x}|%{suffix:}"},
    {{}, "a%dnl"},
    {{"foo() %{expand:%{quote:a b}}"}, "%foo"},
    {{"foo() [%#:%1]"}, "%{foo:%{quote:a b} c}"},
    {{"n(a) %[%{-a*} + 1]"}, "%n -a 41"},
    {{"cond(t) %[%{-t:1}%{!-t:0} ? \"yes\" : \"no\"]"}, "%cond -t|%cond"},
    // built-ins
    {{}, "%{basename:/usr/lib/foo.so}|%{basename:foo}|%{basename:/usr/}|%{basename:}"},
    {{}, "%{dirname:/usr/lib/foo.so}|%{dirname:foo}|%{dirname:/}|%{dirname:/a/}"},
    {{}, "%{suffix:a.tar.gz}|%{suffix:a.b/c}|%{suffix:abc}"},
    {{}, "%basename a/b c/d"},
    {{}, "%{shrink:  a   b \t c  }|"},
    {{}, "%{shescape:a b}|%{shescape:it's}"},
    {{}, "%shescape a 'b c"},
    {{}, "%{url2path:http://a.b/c/d}|%{u2p:/x/y}|%{u2p:file:///x}|%{u2p:}|%{u2p:https://h}"},
    {{}, "%{u2p:ftp://host/pub/x}|%{u2p:-}|%{u2p:hkp://k/p}"},
    {{}, "%{getconfdir}"},
    {{}, "%getconfdir x"},
    {{"SOURCE1 src.tgz", "PATCH2 p.diff"}, "%{S:1}|%{P:2}|%S 1|%{S:9}"},
    {{"x 1", "SOURCE1 s"}, "%{S:%{x}}"},
    {{}, "%{S:a}"},
    {{}, "%{uncompress:foo.tar.gz}"},
    {{"__rpmuncompress /usr/lib/rpm/rpmuncompress"}, "%{uncompress:foo.tar.gz}"},
    {{"x 1"}, "%{expand:%%{x}}|%{expand:%x %%x}"},
    {{}, "%{expand:}|"},
    {{"a %%b", "b B"}, "%{expand:%a}"},
    {{}, "a%{verbose}|%{verbose:x}|%verbose|%{?verbose:x}"},
    {{"x %{y} a"}, "%{macrobody:x}"},
    {{"foo(a) body %1"}, "%{macrobody:foo}"},
    {{}, "%{macrobody:basename}"},
    {{}, "%{dnl x}y"},
    {{}, "a%dnl x\ny"},
    {{}, "a%dnl\ny"},
    {{}, "%{warn:careful}|"},
    {{}, "%{dump}%{trace}x"},
    {{}, "%{quote:a b}"},
    {{"foo() %#:%1"}, "%{foo %{quote:a b} c}"},
    {{}, "%{expr:1+2}|%{expr:\"a\" < \"b\"}"},
    {{"x 3"}, "%{expr:%x * 2}"},
    {{}, "%[1 + 2]"},
    {{"x 2"}, "%[%x * %x]|%[\"%x\" == \"2\"]"},
    {{}, "%{len:abc}|%{lower:ABC}|%{rpmversion}|%{defined:x}"},
    // bcond as rpm 4.18 defines it (rpm's macros file, one line each)
    {{"bcond() %[ (%2) ? \"%{expand:%%{!?_without_%{1}:%%global with_%{1} 1}}\" : "
      "\"%{expand:%%{?_with_%{1}:%%global with_%{1} 1}}\" ]",
      "with() %{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}",
      "without() %{expand:%%{?with_%{1}:0}%%{!?with_%{1}:1}}",
      "bcond_with() %bcond %{1} 0", "bcond_without() %bcond %{1} 1"},
     "%bcond foo 1\n%bcond bar 0\n%bcond_with baz\n%bcond_without qux\n"
     "[%{with foo}%{with bar}%{with baz}%{with qux}|%{without foo}%{without bar}]"},
    {{"bcond() %[ (%2) ? \"%{expand:%%{!?_without_%{1}:%%global with_%{1} 1}}\" : "
      "\"%{expand:%%{?_with_%{1}:%%global with_%{1} 1}}\" ]",
      "with() %{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}", "_without_foo --without-foo",
      "_with_bar --with-bar"},
     "%bcond foo 1\n%bcond bar 0\n[%{with foo}%{with bar}]"},
    // errors: rpm fails the expansion
    {{}, "a%{foo"},
    {{}, "a%(foo"},
    {{}, "a%[1"},
    {{}, "a%{foo\\}"},
    {{"foo %foo"}, "%foo"},
    {{"foo %{bar}", "bar %{foo}"}, "x%{foo}"},
    {{}, "%define _ 5"},
    {{}, "%define 1a 5"},
    {{}, "%define basename 5"},
    {{}, "%define foo %{bar\n[%foo]"},
    {{}, "%define foo   \n[%foo]"},
    {{}, "%define foo(x\n[%foo]"},
    {{}, "%define foo %[1\n]\n%foo"},
    {{}, "%undefine basename"},
    {{}, "%undefine 1"},
    {{}, "%{?basename}"},
    {{}, "%{basename}"},
    {{}, "%basename"},
    {{}, "%{expand}"},
    {{}, "%{dump:x}"},
    {{}, "%{echo}"},
    {{}, "%{error:stop here}"},
    {{}, "before %{error:stop} after"},
    {{"x %{y} a"}, "%{macrobody:y}"},
    {{}, "%[1/0]"},
    {{}, "%{expr:1 +}"},
    {{"foo(f:) x"}, "%{foo -f}"},
    {{}, "%{load:/nonexistent/macros/file}"},
};

}  // namespace

TEST_CASE("macro expansion matches rpm --eval", "[macro][rpm]") {
  if (!katalint::test::need_rpm()) return;
  REQUIRE(kCases.size() >= 150);
  int compared = 0;
  for (const auto& c : kCases) {
    const auto rpm = katalint::test::run_rpm(c.defines, {c.input});
    REQUIRE(rpm);
    const Result ours = expand_like_rpm(c);
    std::string defs;
    for (const auto& d : c.defines) defs += "  --define '" + d + "'\n";
    INFO("defines:\n" << defs << "input: [" << c.input << "]\nrpm: " << (rpm->ok ? "ok" : "failed")
                      << " [" << rpm->out << "]\nkatalint: " << (ours.ok ? "ok" : "failed") << " ["
                      << ours.out << "]");
    CHECK(ours.ok == rpm->ok);
    if (rpm->ok && ours.ok) CHECK(ours.out == rpm->out);
    ++compared;
  }
  CHECK(compared == static_cast<int>(kCases.size()));
}

TEST_CASE("rpm's 4.18 macro file loads as rpm loads it", "[macro][rpm]") {
  if (!katalint::test::need_rpm()) return;
  const std::string path =
      std::string(KATALINT_SOURCE_DIR) + "/../shared/data/macros/upstream/rpm-4.18.x/macros.in";
  std::ifstream in(path);
  if (!in) {
    WARN("no rpm macros.in at " << path);
    return;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  MacroEngine e;
  e.load_macro_file(ss.str());
  define_rpmrc(e);  // rpmrc values override the macro file's

  std::vector<std::string> names;
  for (const auto& [name, stack] : e.table()) {
    if (stack.empty()) continue;
    if (stack.back().flags & katalint::rpmspec::kMacroBuiltin) continue;
    if (stack.back().options) continue;  // parametric: would read the rest of the line
    names.push_back(name);
  }
  REQUIRE(names.size() > 200);
  int compared = 0;
  for (const auto& name : names) {
    const std::string input = "%{" + name + "}";
    MacroEngine copy = e;
    const std::string ours = copy.expand(input);
    if (contains_opaque(ours) || copy.last_expansion_failed()) continue;  // shell, lua, host
    const auto rpm = katalint::test::run_rpm({}, {input}, path);
    REQUIRE(rpm);
    if (!rpm->ok) continue;
    INFO("macro %" << name);
    CHECK(ours == rpm->out);
    ++compared;
  }
  CHECK(compared > 150);

  // %bcond and %with, parametric macros from the file.
  const std::string text = "%bcond foo 1\n%bcond bar 0\n%bcond_without baz\n[%{with foo}%{with bar}%{with baz}]";
  const auto rpm = katalint::test::run_rpm({"_without_foo 1"}, {text}, path);
  REQUIRE(rpm);
  MacroEngine copy = e;
  copy.define("_without_foo", "1");
  CHECK(copy.expand(text) == rpm->out);
}

TEST_CASE("random macro text expands as rpm expands it", "[macro][rpm]") {
  if (!katalint::test::need_rpm()) return;
  // Fixed seed: the same inputs on every run. No shell, lua or host-dependent built-ins.
  const std::vector<std::string> tokens = {
      "%", "{", "}", "[", "]", "?", "!", "-", "*", "#", ":", " ", "\n", "\\", "\"", "a", "b", "1",
      "0", "f", "x", "(", ")", "+", "<", " -f ", " -x ", "%%", "%define ", "%global ", "%undefine ",
      "%{expand:", "%{quote:", "%[", "%{S:", "%{basename:", "%{dirname:", "%{suffix:", "%{?", "%{!?",
      "%foo", "%bar", "%baz", "%{foo ", "%{foo:", "%{-f}", "%{-f*}", "%1", "%*", "%**", "%#", "v\"",
      "&&", "||", "==", "%{expr:", "%dnl ", "%{shrink:", "%{macrobody:", "%{uncompress:",
      "%{shescape:", "%one", "%str", "%qq", "%{?one:", "%{!?one:", "%{u2p:", "%{P:", "%{one}"};
  const std::vector<std::string> defines = {"foo(f:x) [%{-f*}|%1|%#|%{?-x:X}|%*]",
                                            "bar %{?foo:%foo -f b}", "baz() <%**>",
                                            "qq %{quote:a b}", "one 1", "str abc"};
  std::mt19937 rng(20240611);
  int compared = 0;
  while (compared < 300) {
    std::string input;
    const unsigned len = 1 + rng() % 20;
    for (unsigned i = 0; i < len; ++i) input += tokens[rng() % tokens.size()];
    // rpm reads past the end of a text ending in a backslash (undefined behaviour).
    if (input.back() == '\\') continue;
    const auto rpm = katalint::test::run_rpm(defines, {input});
    REQUIRE(rpm);
    const Result ours = expand_like_rpm({defines, input});
    INFO("input: [" << input << "]\nrpm: " << (rpm->ok ? "ok" : "failed") << " [" << rpm->out
                    << "]\nkatalint: " << (ours.ok ? "ok" : "failed") << " [" << ours.out << "]");
    CHECK(ours.ok == rpm->ok);
    if (rpm->ok && ours.ok) CHECK(ours.out == rpm->out);
    ++compared;
  }
}

TEST_CASE("nesting depth is counted as rpm counts it", "[macro][rpm]") {
  if (!katalint::test::need_rpm()) return;
  // Plain chains, and chains of parametric macros whose argument expansion nests too.
  for (const bool parametric : {false, true}) {
    for (int n : {30, 60, 61, 62, 63, 64, 65}) {
      std::vector<std::string> defs;
      defs.push_back(parametric ? "m0() end%1" : "m0 end");
      for (int i = 1; i <= n; ++i) {
        const std::string prev = "%{m" + std::to_string(i - 1) + "}";
        defs.push_back("m" + std::to_string(i) + (parametric ? "() " + prev + " %1" : " " + prev));
      }
      const std::string input = "%m" + std::to_string(n) + (parametric ? " x" : "");
      const auto rpm = katalint::test::run_rpm(defs, {input});
      REQUIRE(rpm);
      const Result ours = expand_like_rpm({defs, input});
      INFO("chain of " << n << (parametric ? " parametric" : "") << " macros: rpm "
                       << (rpm->ok ? "ok" : "failed"));
      CHECK(ours.ok == rpm->ok);
      if (rpm->ok) CHECK(ours.out == rpm->out);
    }
  }
  // Arguments expanded inside arguments.
  for (int n : {20, 40, 61, 62, 63, 64}) {
    std::string input = "x";
    for (int i = 0; i < n; ++i) input = "%{id:" + input + "}";
    const std::vector<std::string> defs = {"id() %1"};
    const auto rpm = katalint::test::run_rpm(defs, {input});
    REQUIRE(rpm);
    const Result ours = expand_like_rpm({defs, input});
    INFO(n << " nested arguments: rpm " << (rpm->ok ? "ok" : "failed"));
    CHECK(ours.ok == rpm->ok);
    if (rpm->ok) CHECK(ours.out == rpm->out);
  }
}

TEST_CASE("recursion stops at rpm's depth with one diagnostic", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  e.define("loop", "x%{loop}");
  const std::string out = e.expand("%loop and %loop");
  CHECK(e.last_expansion_failed());
  int reported = 0;
  for (const auto& d : sink.diagnostics())
    if (d.rule == "macro-recursion-limit") ++reported;
  CHECK(reported == 1);
  CHECK(out.size() < 100);

  // A chain of 60 macros is fine: rpm allows 64 levels.
  MacroEngine deep;
  deep.define("m0", "end");
  for (int i = 1; i <= 60; ++i) deep.define("m" + std::to_string(i), "%{m" + std::to_string(i - 1) + "}");
  CHECK(deep.expand("%m60") == "end");
  CHECK_FALSE(deep.last_expansion_failed());
}

// Termination is guaranteed by the work budget (ExpansionLimits::max_work), not by a clock:
// the expansion must stop with the size diagnostic and bounded output.
TEST_CASE("a macro doubling itself 40 times stops with bounded output", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  e.define("a0", "x");
  for (int i = 1; i <= 40; ++i) {
    const std::string prev = "%{a" + std::to_string(i - 1) + "}";
    e.define("a" + std::to_string(i), prev + prev);
  }
  const std::string out = e.expand("%a40");
  CHECK(out.size() <= katalint::rpmspec::ExpansionLimits{}.max_output);
  CHECK(e.last_expansion_failed());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].rule == "macro-expansion-too-large");

  // Growth without output is stopped too.
  MacroEngine quiet;
  quiet.define("b0", "%{?nothing}");
  for (int i = 1; i <= 40; ++i) {
    const std::string prev = "%{b" + std::to_string(i - 1) + "}";
    quiet.define("b" + std::to_string(i), prev + prev);
  }
  CHECK(quiet.expand("%b40").empty());
  CHECK(quiet.last_expansion_failed());

  // A small output cap is honoured exactly.
  katalint::rpmspec::ExpansionLimits small;
  small.max_output = 1000;
  MacroEngine capped(nullptr, small);
  capped.define("a0", "x");
  for (int i = 1; i <= 20; ++i) {
    const std::string prev = "%{a" + std::to_string(i - 1) + "}";
    capped.define("a" + std::to_string(i), prev + prev);
  }
  CHECK(capped.expand("%a20").size() == 1000);
}

TEST_CASE("shell and lua are never run: their values are opaque", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  using katalint::rpmspec::kOpaqueBegin;
  using katalint::rpmspec::kOpaqueEnd;
  const std::string b(1, kOpaqueBegin);
  const std::string end(1, kOpaqueEnd);
  CHECK(e.expand("v=%(touch /tmp/katalint-must-not-exist; echo 1)") ==
        "v=" + b + "%(touch /tmp/katalint-must-not-exist; echo 1)" + end);
  CHECK(e.expand("%{lua: print(1)}!") == b + "%{lua: print(1)}" + end + "!");
  CHECK(e.expand("%{getenv:HOME}") == b + "%{getenv:HOME}" + end);
  CHECK(contains_opaque(e.expand("%{getncpus}")));

  // A %global keeps the opaque value; using it later splices it unchanged.
  e.expand("%global commit %(git rev-parse HEAD)");
  CHECK(e.expand("c=%{commit}") == "c=" + b + "%(git rev-parse HEAD)" + end);
  CHECK(e.expand("%{expand:%commit}") == b + "%(git rev-parse HEAD)" + end);
  // A built-in computing from an opaque value gives an opaque result, and says so.
  CHECK(e.expand("%{basename:%commit}") == b + "%{basename:%commit}" + end);
  CHECK(e.expand("%[%commit + 1]") == b + "%[%commit + 1]" + end);
  bool noted = false;
  for (const auto& d : sink.diagnostics()) noted = noted || d.rule == "opaque-macro-value";
  CHECK(noted);
  // A parametric macro sees the opaque value as one argument.
  e.define("count", "%#", std::string_view(""));
  CHECK(e.expand("%count %(uname -r -v) x") == "2");
  // A pure text pipeline is evaluated (see shell_lite) and splits into its words.
  CHECK(e.expand("%count %(echo a b c) x") == "4");
  // The shell command's own macros are still expanded (for their side effects).
  e.expand("%(echo %{error:inside shell})");
  CHECK(e.error_raised());
}

TEST_CASE("%{error:}, %{warn:} and %{echo:} become diagnostics", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  katalint::ir::Range origin{3, 100, 100 + 33};
  const std::string text = "a %{echo:hello} %{warn:careful} b";
  REQUIRE(text.size() == origin.size());
  CHECK(e.expand(text, origin) == "a   b");
  CHECK_FALSE(e.error_raised());
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].rule == "macro-echo");
  CHECK(sink.diagnostics()[0].severity == katalint::ir::Severity::Info);
  CHECK(sink.diagnostics()[0].message == "hello");
  // The range is the macro call inside the origin.
  CHECK(sink.diagnostics()[0].range == katalint::ir::Range{3, 102, 102 + 13});
  CHECK(sink.diagnostics()[1].rule == "macro-warn");
  CHECK(sink.diagnostics()[1].severity == katalint::ir::Severity::Warning);

  CHECK(e.expand("x %{error:broken %{?undefined}value} y") == "x ");
  CHECK(e.error_raised());
  CHECK(e.last_expansion_failed());
  CHECK(sink.diagnostics().back().rule == "macro-error");
  CHECK(sink.diagnostics().back().severity == katalint::ir::Severity::Error);
  CHECK(sink.diagnostics().back().message == "broken value");
}

TEST_CASE("parametric macro options and scoping", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  REQUIRE(e.define_line("setup(a:b:cDn:Tq) [%{-n*}|%{-a*}|%{?-c:c}|%{-q}|%#|%*]"));
  CHECK(e.expand("%setup -q -n foo-1.0 -a 1 extra") == "[foo-1.0|1||-q|1|extra]");
  CHECK(e.expand("%setup -c -T") == "[||c||0|]");
  // Arguments and options are gone after the call.
  CHECK(e.expand("%{?1}%{?-n}%{?**}") == "");
  CHECK_FALSE(e.is_defined("-n"));

  // An unknown option is rpm's error.
  CHECK(e.expand("%setup -z").empty());
  CHECK(e.last_expansion_failed());
  CHECK(sink.diagnostics().back().rule == "macro-unknown-option");

  // %define in a parametric body is local to the call; %global is not.
  REQUIRE(e.define_line("scoped() %{expand:%%define local_one 1}%{expand:%%global global_one 1}"));
  e.expand("%scoped");
  CHECK_FALSE(e.is_defined("local_one"));
  CHECK(e.is_defined("global_one"));
  CHECK(e.lookup("global_one")->level == katalint::rpmspec::kLevelGlobal);
  bool unused = false;
  for (const auto& d : sink.diagnostics()) unused = unused || d.rule == "macro-unused-in-scope";
  CHECK(unused);
}

TEST_CASE("macro files: continuation lines, comments, options", "[macro]") {
  MacroEngine e;
  e.load_macro_file(
      "# comment \\\n%aaa 1\n%bbb 2 \\\n  3\n%ccc %{expand:\nx}\n  %ddd 4\neee 5\n"
      "%fff(a:) [%{-a*}]\n%hhh\ttab\\\\\nx\n%_libdir /usr/lib64\n%last no newline");
  CHECK(e.expand("%aaa") == "1");
  CHECK(e.expand("%bbb") == "2 \n  3");
  CHECK(e.expand("%ccc") == "\nx");
  CHECK(e.expand("%ddd") == "4");
  CHECK_FALSE(e.is_defined("eee"));
  CHECK(e.expand("%fff -a z") == "[z]");
  CHECK(e.lookup("fff")->options == "a:");
  CHECK(e.lookup("hhh")->body == "tab\\");
  CHECK(e.lookup("_libdir")->level == katalint::rpmspec::kLevelMacroFiles);
  CHECK(e.expand("%last") == "no newline");

  // Definitions made from a file remember their line.
  katalint::ir::SourceManager sources;
  const std::string text = "%one 1\n%two 2\n";
  const auto id = sources.add("m", text);
  MacroEngine f;
  f.load_macro_file(text, id);
  CHECK(f.lookup("two")->where == katalint::ir::Range{id, 7, 14});
}

TEST_CASE("built-in macros are in the table and cannot be redefined", "[macro]") {
  MacroEngine e;
  for (const char* name : {"basename", "define", "global", "undefine", "expand", "lua", "S", "P", "dnl"}) {
    INFO(name);
    REQUIRE(e.lookup(name));
    CHECK((e.lookup(name)->flags & katalint::rpmspec::kMacroBuiltin) != 0);
  }
  CHECK_FALSE(e.is_defined("len"));  // rpm 4.19
  CHECK_FALSE(e.define_line("basename 1"));
  e.undefine("basename");
  CHECK(e.is_defined("basename"));
}

TEST_CASE("%{load:} and %{exists:} read through read_file", "[macro]") {
  DiagnosticSink sink;
  MacroEngine e(&sink);
  e.read_file = [](std::string_view path) -> std::optional<std::string> {
    if (path == "extra.macros") return std::string("%from_file loaded\n");
    return std::nullopt;
  };
  CHECK(e.expand("%{load:extra.macros}%from_file") == "loaded");
  CHECK(e.expand("%{exists:extra.macros}%{exists:missing}") == "10");
  CHECK(e.expand("%{load:missing}").empty());
  CHECK(sink.diagnostics().back().rule == "macro-load-failed");
}

TEST_CASE("expanding a large spec expands every line", "[macro]") {
  MacroEngine e;
  e.define("name", "demo");
  e.define("version", "1.2.3");
  e.define("_prefix", "/usr");
  e.define("_bindir", "%{_prefix}/bin");
  e.define("_datadir", "%{_prefix}/share");
  e.define("buildroot", "/tmp/%{name}-%{version}-build");
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (int i = 0; bytes < 100 * 1024; ++i) {
    lines.push_back("install -m 0644 %{name}-%{version}/file" + std::to_string(i) +
                    " %{buildroot}%{_datadir}/%{name}/ %{?undefined_macro} 100%% done");
    bytes += lines.back().size() + 1;
  }
  std::size_t out = 0;
  for (const auto& l : lines) out += e.expand(l).size();
  CHECK(out > bytes / 2);
}
