// Dependency tag parsing against rpm 4.18: every case below was run through rpmspec, and the
// oracle test runs them again when rpmspec is installed.
#include <string>
#include <vector>

#include "frontend/rpmspec/dependencies.hpp"
#include "frontend/rpmspec/macro_engine.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/rpm_oracle.hpp"

using katalint::ir::DepKind;
using katalint::ir::Dependency;
using katalint::ir::DiagnosticSink;
using katalint::ir::RichDep;
namespace rs = katalint::rpmspec;

namespace {

struct Case {
  DepKind kind;
  std::string value;
  std::vector<std::string> qualifiers;
  std::vector<std::string> rendered;  // accepted: rpm's text of each item, in input order
  std::string error;                  // rejected: a part of the message
};

std::string tag_name(DepKind kind) { return std::string(katalint::ir::to_string(kind)); }

const std::vector<Case>& cases() {
  static const std::vector<Case> kCases = {
      // Plain items, separators and operators.
      {DepKind::Requires, "a, b >= 1.0, c == 2, d => 3, e =< 4", {},
       {"a", "b >= 1.0", "c = 2", "d >= 3", "e <= 4"}, ""},
      {DepKind::Requires, "a==1", {}, {"a==1"}, ""},
      {DepKind::Requires, "a<1", {}, {"a<1"}, ""},
      {DepKind::Requires, "a >= ,b", {}, {"a >= b"}, ""},
      {DepKind::Requires, "a,b,,c", {}, {"a", "b", "c"}, ""},
      {DepKind::Requires, "\t a \t b\t", {}, {"a", "b"}, ""},
      {DepKind::Requires, "\xc3\xa4", {}, {"\xc3\xa4"}, ""},
      {DepKind::Requires, "a = 1:2-3", {}, {"a = 1:2-3"}, ""},
      {DepKind::Requires, "a = 1~2^3+4_5", {}, {"a = 1~2^3+4_5"}, ""},
      {DepKind::Requires, "a = :2", {}, {"a = :2"}, ""},
      {DepKind::Requires, "a = 1:", {}, {"a = 1:"}, ""},
      {DepKind::Requires, "a = -1", {}, {"a = -1"}, ""},
      {DepKind::Requires, "x >= 1 x", {}, {"x >= 1", "x"}, ""},
      {DepKind::Requires, "perl(Foo::Bar) >= 0.82", {}, {"perl(Foo::Bar) >= 0.82"}, ""},
      {DepKind::Requires, "rpmlib(Foo) <= 1", {}, {"rpmlib(Foo) <= 1"}, ""},
      {DepKind::Requires, "x", {"pre", "post"}, {"x"}, ""},
      {DepKind::Requires, "x", {"meta"}, {"x"}, ""},
      {DepKind::Requires, "x", {"pretrans", "posttrans", "verify", "preun", "postun"}, {"x"}, ""},
      {DepKind::Requires, "x", {""}, {"x"}, ""},
      {DepKind::Requires, "(a or b)", {"pre"}, {"(a or b)"}, ""},
      // Rich dependencies are re-spaced; operators inside keep their spelling only when
      // they are not separate words.
      {DepKind::Requires, "(a)", {}, {"(a)"}, ""},
      {DepKind::Requires, "(  a   >=  1 with   b  )", {}, {"(a >= 1 with b)"}, ""},
      {DepKind::Requires, "(a=>1 or b)", {}, {"(a=>1 or b)"}, ""},
      {DepKind::Requires, "(a => 1 or b == 2 or c =< 3)", {}, {"(a >= 1 or b = 2 or c <= 3)"}, ""},
      {DepKind::Requires, "(a if b else c)", {}, {"(a if b else c)"}, ""},
      {DepKind::Requires, "(a else b)", {}, {"(a else b)"}, ""},
      {DepKind::Requires, "(a if (b or c) else (d and (e with f)))", {},
       {"(a if (b or c) else (d and (e with f)))"}, ""},
      {DepKind::Requires, "(a without b)", {}, {"(a without b)"}, ""},
      {DepKind::Requires, "(a with b with c)", {}, {"(a with b with c)"}, ""},
      {DepKind::Requires, "(a or b)c", {}, {"(a or b)", "c"}, ""},
      {DepKind::Requires, "(a or b),c", {}, {"(a or b)", "c"}, ""},
      {DepKind::Requires, "a (b or c)", {}, {"a", "(b or c)"}, ""},
      {DepKind::Requires, "(a(x) or b)", {}, {"(a(x) or b)"}, ""},
      {DepKind::Requires, "(a(x)>=1 or b)", {}, {"(a(x)>=1 or b)"}, ""},
      {DepKind::Requires, "(x or (a unless b))", {}, {"(x or (a unless b))"}, ""},
      {DepKind::Requires, "(x and (a if b))", {}, {"(x and (a if b))"}, ""},
      {DepKind::Requires, "((a if b))", {}, {"((a if b))"}, ""},
      {DepKind::Requires, "((a or b) with c)", {}, {"((a or b) with c)"}, ""},
      {DepKind::Requires, "(a with (b or c))", {}, {"(a with (b or c))"}, ""},
      {DepKind::Requires, "((a with b) or c)", {}, {"((a with b) or c)"}, ""},
      {DepKind::Requires, "(a if (b unless c))", {}, {"(a if (b unless c))"}, ""},
      {DepKind::Recommends, "x > 1, x", {}, {"x > 1", "x"}, ""},
      {DepKind::Recommends, "rpmlib(X), a", {}, {"rpmlib(X)", "a"}, ""},
      {DepKind::Conflicts, "rpmlib(X)", {}, {"rpmlib(X)"}, ""},
      {DepKind::Recommends, "(a if b else c)", {}, {"(a if b else c)"}, ""},
      {DepKind::Suggests, "(a with b)", {}, {"(a with b)"}, ""},
      {DepKind::Conflicts, "(a unless b)", {}, {"(a unless b)"}, ""},
      {DepKind::Conflicts, "(a unless b else c)", {}, {"(a unless b else c)"}, ""},
      {DepKind::Conflicts, "((a unless b))", {}, {"((a unless b))"}, ""},
      {DepKind::Conflicts, "/usr/bin/x", {}, {"/usr/bin/x"}, ""},
      {DepKind::Supplements, "(a unless b)", {}, {"(a unless b)"}, ""},
      {DepKind::Enhances, "(a and b)", {}, {"(a and b)"}, ""},
      {DepKind::BuildRequires, "(a if b)", {}, {"(a if b)"}, ""},
      {DepKind::BuildRequires, "zlib-devel >= 1.2, gcc", {}, {"zlib-devel >= 1.2", "gcc"}, ""},
      {DepKind::BuildConflicts, "(a unless b)", {}, {"(a unless b)"}, ""},
      {DepKind::Provides, "/usr/bin/x", {}, {"/usr/bin/x"}, ""},
      {DepKind::Provides, "foo-extra = 1.0", {}, {"foo-extra = 1.0"}, ""},
      {DepKind::Obsoletes, "a.b", {}, {"a.b"}, ""},
      {DepKind::Obsoletes, "a+b < 2", {}, {"a+b < 2"}, ""},
      {DepKind::Obsoletes, "_a", {}, {"_a"}, ""},

      // What rpm rejects.
      {DepKind::Requires, "a = 1:2:3", {}, {}, "invalid version (double separator ':'): 1:2:3"},
      {DepKind::Requires, "a = 1-2-3", {}, {}, "invalid version (double separator '-')"},
      {DepKind::Requires, "a = 1:2:3-4-5", {}, {}, "double separator '-'"},
      {DepKind::Requires, "a = x:2", {}, {}, "invalid version (epoch must be unsigned integer): x:2"},
      {DepKind::Requires, "a = 1..2", {}, {}, "illegal sequence \"..\""},
      {DepKind::Requires, "a = 1#2", {}, {}, "illegal char '#' (0x23)"},
      {DepKind::Requires, "a = 1#2*3", {}, {}, "illegal char '*' (0x2a)"},
      {DepKind::Requires, "a = 1#2..3", {}, {}, "illegal char '#' (0x23)"},
      {DepKind::Requires, "a = \xc3\xa9", {}, {}, "illegal char '?' (0xffffffa9)"},
      {DepKind::Requires, "/usr/bin/x >= 1", {}, {}, "versioned file name not permitted"},
      {DepKind::Requires, "-a", {}, {}, "dependency tokens must begin with alpha-numeric, '_' or '/'"},
      {DepKind::Requires, ".a", {}, {}, "dependency tokens must begin"},
      {DepKind::Requires, "a <1", {}, {}, "dependency tokens must begin"},
      {DepKind::Requires, "a >=", {}, {}, "version required"},
      {DepKind::Requires, "a >= 1(b or c)", {}, {}, "illegal char '(' (0x28)"},
      {DepKind::Requires, "(a or b and c)", {}, {}, "cannot chain different ops"},
      {DepKind::Requires, "(a if b if c)", {}, {}, "can only chain and/or/with ops"},
      {DepKind::Requires, "(a without b without c)", {}, {}, "can only chain and/or/with ops"},
      {DepKind::Requires, "(a,b)", {}, {}, "unknown rich dependency op 'b'"},
      {DepKind::Requires, "(a xor b)", {}, {}, "unknown rich dependency op 'xor'"},
      {DepKind::Requires, "(a >= or b)", {}, {}, "unknown rich dependency op 'b'"},
      {DepKind::Requires, "(a >=1) ", {}, {}, "unknown rich dependency op '>=1'"},
      {DepKind::Requires, "(a or b", {}, {}, "unterminated rich dependency: (a or b"},
      {DepKind::Requires, "(a or", {}, {}, "name required"},
      {DepKind::Requires, "()", {}, {}, "empty rich dependency"},
      {DepKind::Requires, "(a or)", {}, {}, "missing argument to rich dependency op"},
      {DepKind::Requires, "(/usr/bin/a >= 1 or b)", {}, {}, "versioned file name not permitted"},
      {DepKind::Requires, "(-a or b)", {}, {}, "dependency tokens must begin"},
      {DepKind::Requires, "(a = 1..2 or b)", {}, {}, "illegal sequence"},
      {DepKind::Requires, "(a = 1:2:3 or b)", {}, {}, "double separator ':'"},
      {DepKind::Requires, "(a unless b)", {}, {}, "illegal context for 'unless', please use 'or' instead"},
      {DepKind::Requires, "(a unless b else c)", {}, {}, "illegal context for 'unless'"},
      {DepKind::Requires, "((a unless b))", {}, {}, "illegal context for 'unless'"},
      {DepKind::Requires, "(a and (b unless c))", {}, {}, "illegal context for 'unless'"},
      {DepKind::Requires, "((a unless b) if c)", {}, {}, "illegal context for 'unless'"},
      {DepKind::Requires, "(a if b else (c unless d))", {}, {}, "illegal context for 'unless'"},
      {DepKind::Requires, "(a or (b if c))", {}, {}, "illegal context for 'if', please use 'and' instead"},
      {DepKind::Requires, "(a without (b and c))", {}, {}, "illegal ops in with/without"},
      {DepKind::Recommends, "(a unless b)", {}, {}, "illegal context for 'unless'"},
      {DepKind::BuildRequires, "(a unless b)", {}, {}, "illegal context for 'unless'"},
      {DepKind::Conflicts, "(a if b)", {}, {}, "illegal context for 'if'"},
      {DepKind::Conflicts, "((a if b))", {}, {}, "illegal context for 'if'"},
      {DepKind::Conflicts, "(a if (b unless c))", {}, {}, "illegal context for 'if'"},
      {DepKind::Conflicts, "(a if b else (c unless d))", {}, {}, "illegal context for 'unless'"},
      {DepKind::Supplements, "(a if b)", {}, {}, "illegal context for 'if'"},
      {DepKind::Enhances, "(a if b else c)", {}, {}, "illegal context for 'if'"},
      {DepKind::BuildConflicts, "(a if b)", {}, {}, "illegal context for 'if'"},
      {DepKind::Provides, "(a or b)", {}, {}, "no rich dependencies allowed for Provides"},
      {DepKind::Obsoletes, "(a and b)", {}, {}, "no rich dependencies allowed for Obsoletes"},
      {DepKind::Provides, "/usr/bin/x = 1", {}, {}, "versioned file name not permitted"},
      {DepKind::Provides, "rpmlib(Foo) = 1", {}, {}, "rpmlib() dependencies are not allowed in Provides"},
      {DepKind::Obsoletes, "/usr/bin/x", {}, {}, "only package names are allowed in Obsoletes: illegal char '/'"},
      {DepKind::Obsoletes, "a(b) = 1", {}, {}, "illegal char ')' (0x29)"},
      {DepKind::Obsoletes, "a:b", {}, {}, "only package names are allowed in Obsoletes"},
      {DepKind::Requires, "x", {"hint"}, {}, "bad Requires qualifiers: hint"},
      {DepKind::Requires, "x", {"PRE"}, {}, "bad Requires qualifiers"},
      {DepKind::Requires, "x", {"pre", ""}, {}, "bad Requires qualifiers"},
  };
  return kCases;
}

std::vector<Dependency> parse(const Case& c, DiagnosticSink& sink) {
  return rs::parse_dependencies(c.value, c.kind, c.qualifiers, {}, sink);
}

std::string spec_for(const Case& c) {
  std::string tag = tag_name(c.kind);
  if (!c.qualifiers.empty()) {
    tag += "(";
    for (std::size_t i = 0; i < c.qualifiers.size(); ++i) tag += (i ? "," : "") + c.qualifiers[i];
    tag += ")";
  }
  return "Name: oracle\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n" + tag + ": " + c.value +
         "\n%description\nd\n%files\n";
}

// rpm's header query for the tag a case writes to: "NEVR|deptype" lines, in rpm's order.
std::string query_for(DepKind kind) {
  switch (kind) {
    case DepKind::BuildRequires: return "--srpm --qf '[%{REQUIRENEVRS}|%{REQUIREFLAGS:deptype}\\n]'";
    case DepKind::BuildConflicts: return "--srpm --qf '[%{CONFLICTNEVRS}\\n]'";
    case DepKind::Requires: return "--qf '[%{REQUIRENEVRS}|%{REQUIREFLAGS:deptype}\\n]'";
    case DepKind::Provides: return "--qf '[%{PROVIDENEVRS}\\n]'";
    case DepKind::Conflicts: return "--qf '[%{CONFLICTNEVRS}\\n]'";
    case DepKind::Obsoletes: return "--qf '[%{OBSOLETENEVRS}\\n]'";
    case DepKind::Recommends: return "--qf '[%{RECOMMENDNEVRS}\\n]'";
    case DepKind::Suggests: return "--qf '[%{SUGGESTNEVRS}\\n]'";
    case DepKind::Supplements: return "--qf '[%{SUPPLEMENTNEVRS}\\n]'";
    case DepKind::Enhances: return "--qf '[%{ENHANCENEVRS}\\n]'";
    default: return "";
  }
}

std::string ours_in_rpm_order(std::vector<Dependency> deps) {
  rs::sort_dependencies(deps);
  std::string out;
  for (const auto& d : deps) {
    out += rs::render_dependency(d);
    if (d.kind == DepKind::Requires || d.kind == DepKind::BuildRequires)
      out += "|" + rs::deptype(rs::dependency_flags(d));
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("dependency values parse and render as rpm 4.18 does", "[dependencies]") {
  for (const auto& c : cases()) {
    INFO(tag_name(c.kind) << ": " << c.value);
    DiagnosticSink sink;
    auto deps = parse(c, sink);
    if (c.error.empty()) {
      CHECK(sink.diagnostics().empty());
      std::vector<std::string> rendered;
      for (const auto& d : deps) {
        rendered.push_back(rs::render_dependency(d));
        CHECK(d.kind == c.kind);
      }
      CHECK(rendered == c.rendered);
    } else {
      REQUIRE(sink.diagnostics().size() == 1);
      const auto& diag = sink.diagnostics().front();
      CHECK(diag.rule == "invalid-dependency");
      CHECK(diag.severity == katalint::ir::Severity::Error);
      CHECK_THAT(diag.message, Catch::Contains(c.error));
    }
  }
}

TEST_CASE("rpmspec agrees with every dependency case", "[dependencies][oracle]") {
  if (!katalint::test::rpmspec_available()) {
    if (katalint::test::tools_required()) FAIL("rpmspec is required (KATALINT_REQUIRE_TOOLS=1)");
    WARN("rpmspec not installed: oracle comparison skipped");
    return;
  }
  for (const auto& c : cases()) {
    INFO(tag_name(c.kind) << ": " << c.value);
    katalint::test::SpecDir dir(spec_for(c));
    auto rpm = dir.rpmspec("-q " + query_for(c.kind));
    DiagnosticSink sink;
    auto deps = parse(c, sink);
    if (!c.error.empty()) {
      CHECK(rpm.rc != 0);
      continue;
    }
    REQUIRE(rpm.rc == 0);
    std::string expected = rpm.out;
    if (c.kind == DepKind::Provides) {
      // rpm's own provides for the package are query_json's business.
      std::string filtered;
      for (auto& line : katalint::test::oracle_detail::split(expected, '\n'))
        if (!line.empty() && line.rfind("oracle", 0) != 0) filtered += line + "\n";
      expected = filtered;
    }
    CHECK(ours_in_rpm_order(deps) == expected);
  }
}

TEST_CASE("rich dependencies keep their structure", "[dependencies]") {
  DiagnosticSink sink;
  auto deps = rs::parse_dependencies("(a >= 1 if (b or c or d) else e)", DepKind::Requires, {}, {}, sink);
  REQUIRE(deps.size() == 1);
  REQUIRE(deps[0].rich);
  const RichDep& root = *deps[0].rich;
  CHECK(root.op == RichDep::Op::IfElse);
  CHECK(root.text == "(a >= 1 if (b or c or d) else e)");
  REQUIRE(root.operands.size() == 3);
  CHECK(root.operands[0].op == RichDep::Op::Leaf);
  CHECK(root.operands[0].text == "a >= 1");
  CHECK(root.operands[1].op == RichDep::Op::Or);
  CHECK(root.operands[1].operands.size() == 3);
  CHECK(root.operands[1].text == "(b or c or d)");
  CHECK(root.operands[2].text == "e");
  CHECK(deps[0].name == root.text);
  CHECK(deps[0].op.empty());

  auto single = rs::parse_dependencies("((x))", DepKind::Requires, {}, {}, sink);
  REQUIRE(single.size() == 1);
  CHECK(single[0].name == "((x))");
  CHECK(single[0].rich->op == RichDep::Op::Leaf);
  CHECK(single[0].rich->text == "x");

  auto unless_else = rs::parse_dependencies("(a unless b else c)", DepKind::Conflicts, {}, {}, sink);
  REQUIRE(unless_else.size() == 1);
  CHECK(unless_else[0].rich->op == RichDep::Op::UnlessElse);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("simple dependencies keep name, operator and evr", "[dependencies]") {
  DiagnosticSink sink;
  katalint::ir::Range where{3, 10, 20};
  auto deps = rs::parse_dependencies("foo => 1:2.0-3", DepKind::Requires, {"post"}, where, sink);
  REQUIRE(deps.size() == 1);
  CHECK(deps[0].name == "foo");
  CHECK(deps[0].op == ">=");
  CHECK(deps[0].evr == "1:2.0-3");
  CHECK(deps[0].qualifiers == std::vector<std::string>{"post"});
  CHECK(deps[0].range == where);
  CHECK_FALSE(deps[0].rich);
}

TEST_CASE("errors stop the value and point at its range", "[dependencies]") {
  DiagnosticSink sink;
  katalint::ir::Range where{1, 5, 30};
  auto deps = rs::parse_dependencies("a, b >= 1, -c, d", DepKind::Requires, {}, where, sink);
  CHECK(deps.size() == 2);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].range == where);
  CHECK(sink.diagnostics()[0].message ==
        "dependency tokens must begin with alpha-numeric, '_' or '/': -c");
}

TEST_CASE("qualifiers only on Requires and OrderWithRequires", "[dependencies]") {
  DiagnosticSink sink;
  rs::parse_dependencies("x", DepKind::Recommends, {"pre"}, {}, sink);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].message == "qualifiers are not allowed on Recommends");
  DiagnosticSink ok;
  auto deps = rs::parse_dependencies("x", DepKind::OrderWithRequires, {"pre"}, {}, ok);
  CHECK(ok.diagnostics().empty());
  CHECK(deps.size() == 1);
}

TEST_CASE("opaque shell output is one word and is not checked", "[dependencies]") {
  DiagnosticSink sink;
  std::string value = std::string("perl(:MODULE_COMPAT_") + katalint::rpmspec::kOpaqueBegin +
                      "%(eval \"$(perl -V:version)\"; echo $version)" + katalint::rpmspec::kOpaqueEnd +
                      ") x = " + katalint::rpmspec::kOpaqueBegin + "%(echo 1#2)" +
                      katalint::rpmspec::kOpaqueEnd;
  auto deps = rs::parse_dependencies(value, DepKind::Requires, {}, {}, sink);
  CHECK(sink.diagnostics().empty());
  REQUIRE(deps.size() == 2);
  CHECK(deps[1].name == "x");
  CHECK(deps[1].op == "=");
}

TEST_CASE("deep nesting is refused, not a crash", "[dependencies]") {
  DiagnosticSink sink;
  std::string value(5000, '(');
  value += "a";
  value += std::string(5000, ')');
  auto deps = rs::parse_dependencies(value, DepKind::Requires, {}, {}, sink);
  CHECK(deps.empty());
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].message == "rich dependency nested too deeply");
}

TEST_CASE("deptype words follow rpm's order", "[dependencies]") {
  namespace s = katalint::rpmspec::sense;
  CHECK(rs::deptype(0) == "manual");
  CHECK(rs::deptype(s::kInterp | s::kScriptPost) == "post,interp");
  CHECK(rs::deptype(s::kInterp | s::kPosttrans) == "interp,posttrans");
  CHECK(rs::deptype(s::kScriptPre | s::kScriptPreun) == "pre,preun");
  CHECK(rs::deptype(s::kRpmlib | s::kLess | s::kEqual) == "rpmlib");
  CHECK(rs::deptype(s::kMeta) == "meta");
  CHECK(rs::deptype(s::kScriptVerify | s::kInterp) == "verify,interp");
}

TEST_CASE("rpm's dependency order: name, then evr, then flags", "[dependencies]") {
  DiagnosticSink sink;
  std::vector<Dependency> deps;
  for (auto [value, quals] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"b, a > 1, a, (z or y), /bin/sh, A", {}},
           {"/bin/sh", {"postun"}},
           {"/bin/sh", {"post"}},
           {"a", {}}}) {
    auto more = rs::parse_dependencies(value, DepKind::Requires, quals, {}, sink);
    deps.insert(deps.end(), more.begin(), more.end());
  }
  rs::sort_dependencies(deps);
  std::vector<std::string> got;
  for (const auto& d : deps) got.push_back(rs::render_dependency(d) + "|" + rs::deptype(rs::dependency_flags(d)));
  CHECK(got == std::vector<std::string>{"(z or y)|manual", "/bin/sh|manual", "/bin/sh|post",
                                        "/bin/sh|postun", "A|manual", "a|manual", "a > 1|manual",
                                        "b|manual"});
}

// Random values from rpm's token alphabet: the parser never crashes, and what it accepts
// renders to a text that parses back to itself (rpm's rendering is canonical).
TEST_CASE("random values: no crash, rendering is a fixed point", "[dependencies]") {
  static const std::vector<std::string> kPieces = {
      "(", ")", " ", ",", "a", "b1", "/x", "-", ">=", "=", "<", "==", "=>", "1.0", "2:3-4",
      "and", "or", "if", "else", "unless", "with", "without", "..", "#", "(x)", "\t", "~", "^",
      "_a", "+", "\xc3\xa9", "1:2:3", "x:1", "a(b", "a)", "rpmlib(X)", ":", ".", "\x1e%(x y)\x1f"};
  const DepKind kinds[] = {DepKind::Requires, DepKind::Conflicts, DepKind::Provides,
                           DepKind::Obsoletes, DepKind::Supplements, DepKind::BuildRequires};
  unsigned state = 12345;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  int accepted = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string value;
    int n = static_cast<int>(next() % 12);
    for (int j = 0; j < n; ++j) value += kPieces[next() % kPieces.size()];
    DepKind kind = kinds[next() % 6];
    DiagnosticSink sink;
    auto deps = rs::parse_dependencies(value, kind, {}, {}, sink);
    CHECK(sink.diagnostics().size() <= 1);
    if (!sink.diagnostics().empty()) continue;
    ++accepted;
    for (const auto& d : deps) {
      std::string text = rs::render_dependency(d);
      DiagnosticSink again;
      auto reparsed = rs::parse_dependencies(text, kind, {}, {}, again);
      INFO(value << " -> " << text);
      REQUIRE(again.diagnostics().empty());
      REQUIRE(reparsed.size() == 1);
      CHECK(rs::render_dependency(reparsed[0]) == text);
    }
  }
  CHECK(accepted > 1000);
}

// The same kind of random values, asked of rpm itself: accepted or rejected alike, and the
// accepted ones rendered and ordered alike.
TEST_CASE("random values: rpmspec agrees", "[dependencies][oracle]") {
  if (!katalint::test::rpmspec_available()) {
    if (katalint::test::tools_required()) FAIL("rpmspec is required (KATALINT_REQUIRE_TOOLS=1)");
    WARN("rpmspec not installed: oracle comparison skipped");
    return;
  }
  static const std::vector<std::string> kPieces = {
      "(", ")", " ", ",", "a", "b1", "/x", "-", ">=", "=", "<", "==", "=>", "1.0", "2:3-4",
      "and", "or", "if", "else", "unless", "with", "without", "..", "(x)", "~", "^", "_a", "+",
      "\xc3\xa9", "1:2:3", "x:1", "a(b", "a)", "#", "rpmlib(X)", ":", "."};
  const DepKind kinds[] = {DepKind::Requires, DepKind::Conflicts, DepKind::Provides,
                           DepKind::Obsoletes, DepKind::Supplements, DepKind::BuildRequires};
  unsigned state = 777;
  auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  int compared = 0;
  while (compared < 300) {
    std::string value;
    int n = 1 + static_cast<int>(next() % 10);
    for (int j = 0; j < n; ++j) value += kPieces[next() % kPieces.size()];
    if (value.find_first_not_of(" ,") == std::string::npos) continue;  // rpm: empty tag
    Case c{kinds[next() % 6], value, {}, {}, ""};
    INFO(tag_name(c.kind) << ": " << value);
    DiagnosticSink sink;
    auto deps = parse(c, sink);
    katalint::test::SpecDir dir(spec_for(c));
    auto rpm = dir.rpmspec("-q " + query_for(c.kind));
    ++compared;
    CHECK((rpm.rc == 0) == sink.diagnostics().empty());
    if (rpm.rc != 0 || !sink.diagnostics().empty()) continue;
    std::string expected;
    for (auto& line : katalint::test::oracle_detail::split(rpm.out, '\n'))
      if (!line.empty() && line.rfind("oracle", 0) != 0) expected += line + "\n";
    CHECK(ours_in_rpm_order(deps) == expected);
  }
}
