// The native shell syntax check behind scriptlet-shell-syntax: scripts sh and bash accept stay
// silent, broken ones are reported at the right token, and deep or hostile input is linear
// and never recurses.
#include <string>
#include <vector>

#include "rules/spec/shell_syntax.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
using rules::shell::check_shell_syntax;
using rules::shell::OpaqueRanges;
using rules::shell::Verdict;

// "LINE:COL: message" of the first error, "ok" or "unsure".
std::string verdict(const std::string& script, const OpaqueRanges& opaque = {}) {
  const auto r = check_shell_syntax(script, opaque);
  if (r.verdict == Verdict::Ok) return "ok";
  if (r.verdict == Verdict::Unsure) return "unsure";
  int line = 1, col = 1;
  for (std::uint32_t k = 0; k < r.error.begin && k < script.size(); ++k) {
    if (script[k] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col) + ": " + r.error.message;
}

frontend::AnalyzeOptions only(const std::string& target = "opensuse-tumbleweed") {
  frontend::AnalyzeOptions o;
  o.target = target;
  o.rules.has_select = true;
  o.rules.select = {"scriptlet-shell-syntax"};
  return o;
}

const std::string kHead = R"(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

)";

}  // namespace

TEST_CASE("shell syntax: valid scripts are accepted", "[shell]") {
  const std::vector<std::string> valid = {
      "",
      "\n\n",
      "# only a comment with ' and \" quotes\n",
      "echo ok # trailing ' comment\n",
      "echo a#b 'c#d'\n",
      "if [ \"$1\" = 1 ]; then echo one; elif [ \"$1\" = 2 ]; then :; else echo other; fi\n",
      "if true\nthen\n  :\nfi\n",
      "if(true)then :;fi\n",
      "if true; then { :; } fi\n",
      "while read x; do echo \"$x\"; done < /etc/passwd\n",
      "while read -r a b\ndo\n  :\ndone <<EOF\na b\nEOF\n",
      "until [ -f /a ]; do sleep 1; done\n",
      "for i in a b c; do echo $i; done\n",
      "for i\ndo\n  :\ndone\n",
      "for i in; do :; done\n",
      "for f in /etc/*.conf\ndo\n  [ -e \"$f\" ] || continue\ndone\n",
      "case \"$1\" in\n  0) echo remove ;;\n  1|2) echo install ;;\n  (*) echo other\nesac\n",
      "case $x in \"esac\") :;; 'a)') :;; *\\)*) :;; esac\n",
      "case x in esac\n",
      "case $1 in\n  configure)\n  ;;\n  *)\n    echo \"unknown argument \\`$1'\" >&2\n    exit 1\n  "
      ";;\nesac\n",
      "f() { echo \"$1\"; }\nf x\n",
      "f ( ) {\n  local x=1\n}\n",
      "f()\n{\n  :\n}\n",
      "f() ( cd /; ls )\n",
      "f() { :; } >/dev/null 2>&1\n",
      "{ echo a; echo b; } | cat\n",
      "(cd /tmp && ls) > /dev/null 2>&1\n",
      "test -e /a || { echo missing; exit 1; }\n",
      "echo a &&\n  echo b ||\n  # comment\n  echo c\n",
      "echo a |\n  cat\n",
      "sleep 1 &\nwait\n",
      "! grep -q x /etc/y || echo z\n",
      "x=1 y=2 cmd\n",
      "> /tmp/file\n",
      "exec 3>&1 2>&3 3<&-\n",
      "echo a >| f; echo b <> f\n",
      "echo \"$(echo \"$(echo 'a')\")\"\n",
      "echo $(echo ')') \"$(echo \"(\")\"\n",
      "x=$(case $y in a) echo a;; esac)\n",
      "echo \"$(\n  case x in\n    x) echo \")\" ;;\n  esac\n)\"\n",
      "echo $(echo a # comment )\n)\n",
      "echo `date +%Y` \"`echo \\\"a\\\"`\"\n",
      "x=`echo \\`date\\``\n",
      "echo ${x:-default} ${x#*/} \"${x%%.*}\" ${#x} ${x:+\"$y\"}\n",
      "echo \"${x//\\\"/\\\\\\\"}\"\n",
      "echo ${x:-$(echo \"}\")}\n",
      ": ${FOO:=bar}\n",
      "echo $$ $# $? $! $@ $* $0 $1 ${10}\n",
      "echo $((1 << 2)) $(( (1 + 2) * 3 )) $((16#ff))\n",
      "x=$(( $(wc -l < f) + 1 ))\n",
      "echo $((\n1 +\n2\n))\n",
      "echo \"it's\" 'say \"hi\"' \"a\\\"b\" 'c\\'\n",
      "echo $'it\\'s'\n",
      "echo \"a\nb\" 'c\nd'\n",
      "echo \\\n  foo \\\n  bar\n",
      "[ -x /usr/bin/foo ] && \\\n  /usr/bin/foo || :\n",
      "i\\\nf true; then :; f\\\ni\n",
      "cat <<EOF\nif then fi esac ) ' \"\nEOF\n",
      "cat <<-EOF\n\tif (\n\tEOF\n",
      "cat <<'EOF'\n$(unterminated `\nEOF\n",
      "cat <<\"EOF\"\n'\nEOF\n",
      "cat <<\\EOF\n'\nEOF\n",
      "cat <<EOF; echo after\nbody\nEOF\n",
      "cat <<A; cat <<B\na\nA\nb\nB\n",
      "if true; then\ncat <<EOF\nx\nEOF\nfi\n",
      "x=$(cat <<EOF\nhello )\nEOF\n)\n",
      "cat <<EOF | while read l; do echo \"$l\"; done\na\nEOF\n",
      "cat <<EOF\nunterminated here-document is only a warning\n",
      "echo a\r\nif true; then\r\n  :\r\nfi\r\n",
      // bash
      "[[ -n $x && $y == a* ]] && echo yes\n",
      "[[ $x =~ ^(a|b)$ ]] || exit 1\n",
      "arr=(one \"two three\" # comment\n  four)\necho ${arr[0]} ${#arr[@]}\n",
      "local a=(1 2); declare -A m=([a]=1 [b]=2); a[1]=x; a+=(y)\n",
      "function f { :; }\nfunction g() { :; }\nfunction h\n{\n  :\n}\n",
      "while read x; do :; done < <(ls /)\n",
      "diff <(sort a) >(cat)\n",
      "select x in a b; do break; done\n",
      "for ((i = 0; i < 3; i++)); do :; done\n",
      "for i in a; { :; }\n",
      "(( i++ )); (( (a + b) * c ))\n",
      "((cd /tmp && ls) || exit 1)\n",
      "x=$((cd /; ls) )\n",
      "shopt -s extglob\nls !(*.o) @(a|b)\ncase $x in @(a|b)) :;; esac\n",
      "echo a |& cat; echo b &>/dev/null; cat <<< word\n",
      "exec {fd}>/tmp/f\n",
      "time ls; ! ;\n",
      "echo $\"localized\"\n",
  };
  for (const auto& script : valid) {
    INFO(script);
    CHECK(verdict(script) != "unsure");
    CHECK(verdict(script) == "ok");
  }
}

TEST_CASE("shell syntax: errors are reported at the offending token", "[shell]") {
  struct Case {
    std::string script, expected;
  };
  const std::vector<Case> cases = {
      // The catalogue's example: `then` is an argument of [, so `fi` comes while `then` is due.
      {"if [ $1 = 0 ] : then\n  echo zero\nfi\n", "3:1: unexpected `fi`, expected `then`"},
      {"if [ $1 = 1 ] then\n  echo a\nfi\n", "3:1: unexpected `fi`, expected `then`"},
      {"if [ $1 -eq 0 ]; then\n  rm -f /foo\nfi\nfi\n", "4:1: unexpected `fi`"},
      {"if true; then\n  # nothing yet\nfi\n", "3:1: unexpected `fi`, expected a command after `then`"},
      {"if true; then echo a; else fi\n", "1:28: unexpected `fi`, expected a command after `else`"},
      {"if then\n", "1:4: unexpected `then`, expected a command after `if`"},
      {"if x; then y; elif z; fi\n", "1:23: unexpected `fi`, expected `then`"},
      {"if true; then\n  echo a\n", "1:1: `if` is not closed: `fi` expected before the end of the script"},
      {"while true\n  echo a\ndone\n", "3:1: unexpected `done`, expected `do`"},
      {"while x; do done\n", "1:13: unexpected `done`, expected a command after `do`"},
      {"while; do :; done\n", "1:6: unexpected `;`, expected `do`"},
      {"for x in 1 2 3; do\n  echo $x\n",
       "1:1: `for` is not closed: `done` expected before the end of the script"},
      {"for i in a b do :; done\n", "1:20: unexpected `done`, expected `do`"},
      {"for in a; do :; done\n", "1:8: unexpected `a`, expected `in` or `do`"},
      {"for i in a; done\n", "1:13: unexpected `done`, expected `do`"},
      {"case $1 in\n  a) echo a\n  b) echo b ;;\nesac\n", "3:4: unexpected `)`, expected `;;` or `esac`"},
      {"case x a) ;; esac\n", "1:8: unexpected `a`, expected `in`"},
      {"case x in a echo ;; esac\n", "1:13: unexpected `echo`, expected `)` after the pattern"},
      {"case x in\n  a) :\n",
       "1:1: `case` is not closed: `;;` or `esac` expected before the end of the script"},
      {"echo a;;\n", "1:7: unexpected `;;`"},
      {"{ echo a }\n", "1:1: `{` is not closed: `}` expected before the end of the script"},
      {"{ }\n", "1:3: unexpected `}`, expected a command after `{`"},
      {"( )\n", "1:3: unexpected `)`, expected a command after `(`"},
      {"echo a )\n", "1:8: unexpected `)`"},
      {"[ $1 -eq 0 ] && { rm -f /a; rm -f /b }\n",
       "1:17: `{` is not closed: `}` expected before the end of the script"},
      {"{ :; } echo\n", "1:8: unexpected `echo`"},
      {"if true; then :; fi done\n", "1:21: unexpected `done`"},
      {"echo a; ; echo b\n", "1:9: unexpected `;`"},
      {"echo a &;\n", "1:9: unexpected `;`"},
      {"| echo\n", "1:1: unexpected `|`"},
      {"echo a && || b\n", "1:11: unexpected `||`, expected a command after `&&`"},
      {"echo a |\n", "1:8: missing command after `|`"},
      {"echo a &&\n", "1:8: missing command after `&&`"},
      {"echo a >\n", "1:8: missing file name after `>`"},
      {"echo a 2>\n", "1:9: missing file name after `>`"},
      {"echo a > > b\n", "1:8: missing file name after `>`"},
      {"cat <<\n", "1:5: missing here-document delimiter after `<<`"},
      {"echo foo(bar)\n", "1:9: unexpected `(`"},
      {"echo (foo)\n", "1:7: unexpected `foo`, expected `)`"},
      {"f() echo\n",
       "1:5: unexpected `echo`, expected a compound command such as `{ ... }` as the function body"},
      {"f()\n", "1:1: missing function body before the end of the script"},
      {"then\n", "1:1: unexpected `then`"},
      {"in\n", "1:1: unexpected `in`"},
      {"esac\n", "1:1: unexpected `esac`"},
      {"echo \"start\necho end\n",
       "1:6: unterminated double-quoted string: no closing `\"` before the end of the script"},
      {"echo 'start\necho end\n",
       "1:6: unterminated single-quoted string: no closing `'` before the end of the script"},
      {"echo `date\n", "1:6: unterminated backquote: no closing `` ` `` before the end of the script"},
      {"echo ${a\n", "1:6: unterminated `${`: no closing `}` before the end of the script"},
      {"echo $'a\n", "1:7: unterminated `$'...'` string: no closing `'` before the end of the script"},
      {"echo $(a\n", "1:6: `$(` is not closed: `)` expected before the end of the script"},
      {"if [ $1 = 1 ]; then\n  echo $(date\nfi\n", "3:1: unexpected `fi`, expected `)`"},
      {"echo $(if true; then echo; )\n", "1:28: unexpected `)`, expected `fi`"},
      {"echo `echo '`'`\n",
       "1:14: unterminated single-quoted string: no closing `'` before the end of the script"},
      // A here-document that swallows the rest: the error names it.
      {"if true; then\n  cat <<EOF\ntext\n EOF\nfi\n",
       "1:1: `if` is not closed: `fi` expected before the end of the script"},
      {"i\\\nf true; then :; f\\\ni fi\n", "3:3: unexpected `fi`"},
  };
  for (const auto& c : cases) {
    INFO(c.script);
    CHECK(verdict(c.script) == c.expected);
  }
  // The opening construct is named in a note.
  const auto r = check_shell_syntax("x\nif [ $1 = 0 ] : then\n  echo zero\nfi\n");
  REQUIRE(r.verdict == Verdict::Error);
  CHECK(r.error.note == "`if` starts here");
  CHECK(r.error.note_begin == 2);
  CHECK(r.error.note_end == 4);
  const auto h = check_shell_syntax("if true; then\n  cat <<EOF\ntext\n EOF\nfi\n");
  REQUIRE(h.verdict == Verdict::Error);
  CHECK(h.error.note == "this here-document never ends: no line is exactly `EOF`");
}

TEST_CASE("shell syntax: context-dependent errors are marked", "[shell]") {
  // What text around the script could repair: a closing word, an open construct, a quote.
  for (const std::string script :
       {"fi\n", "if true; then\n", "echo \"a\n", ")\n", ";;\n", "a &&\n", "done\n"}) {
    INFO(script);
    const auto r = check_shell_syntax(script);
    REQUIRE(r.verdict == Verdict::Error);
    CHECK(r.error.context_dependent);
  }
  for (const std::string script :
       {"if true; then fi\n", "echo a | ; b\n", "{ :; } echo\n", "f() echo\n", "a >\n"}) {
    INFO(script);
    const auto r = check_shell_syntax(script);
    REQUIRE(r.verdict == Verdict::Error);
    CHECK_FALSE(r.error.context_dependent);
  }
}

TEST_CASE("shell syntax: opaque text is never an empty body", "[shell]") {
  const std::string script = "if true; then\n  xxxxxxxx\nfi\n";
  CHECK(verdict(script) == "ok");
  // A removed %if line, or a macro in a comment, may stand for commands.
  const std::string blanked = "if true; then\n          \nfi\n";
  CHECK(verdict(blanked) == "3:1: unexpected `fi`, expected a command after `then`");
  CHECK(verdict(blanked, {{14, 24}}) == "ok");
  const std::string comment = "if true; then\n  # xxxxxxxx\nfi\n";
  CHECK(verdict(comment, {{18, 26}}) == "ok");
  CHECK(verdict("( # xxxx\n)\n", {{4, 8}}) == "ok");
}

TEST_CASE("shell syntax: readings bash and dash disagree on are unsure, not errors", "[shell]") {
  // Inside "${...}" bash reads '...' as quotes and dash does not.
  CHECK(verdict("echo \"${x:-'}\"\nfi\n") == "unsure");
  // bash tries $(( as arithmetic first and, failing that, re-reads it without checking.
  CHECK(verdict("x=$((c)(d) )\n") == "unsure");
  CHECK(verdict("a=(1 (2))\n") == "unsure");
  CHECK(verdict("[[ -n $x\n") == "unsure");
  CHECK(verdict("coproc { cat; }\n") == "unsure");
  CHECK(verdict("x=$(cat <<EOF\nhello )\nEOF)\n") == "unsure");
}

TEST_CASE("shell syntax: deep nesting is linear and does not recurse", "[shell]") {
  const std::size_t n = 100000;
  auto repeat = [](const std::string& s, std::size_t k) {
    std::string out;
    out.reserve(s.size() * k);
    for (std::size_t i = 0; i < k; ++i) out += s;
    return out;
  };
  CHECK(verdict(repeat("$(", n) + repeat(")", n) + "\n") == "ok");
  CHECK(verdict(repeat("if true; then ", n) + ":;" + repeat(" fi;", n) + "\n") == "ok");
  CHECK(verdict(repeat("( ", n) + ":" + repeat(" )", n) + "\n") == "ok");
  CHECK(verdict(repeat("{ ", n) + ":;" + repeat(" }", n) + "\n") == "ok");
  CHECK(verdict(repeat("case x in x) ", n) + ":;;" + repeat(" esac;;", n - 1) + " esac\n") == "ok");
  CHECK(verdict(repeat("while :; do ", n) + ":;" + repeat(" done;", n) + "\n") == "ok");
  CHECK(verdict(repeat("\"$(", n) + "\n").find("is not closed") != std::string::npos);
  CHECK(verdict(repeat("${", n)).find("unterminated `${`") != std::string::npos);
  CHECK(verdict(repeat("$((", n)) == "unsure");
  CHECK(verdict(repeat("((", n) + "1" + repeat("))", n)) == "ok");
  CHECK(verdict(repeat("`", n + 1)).find("unterminated backquote") != std::string::npos);
  CHECK(verdict(repeat("f() { ", n)).find("is not closed") != std::string::npos);
  // Inputs that would make a re-reading parser quadratic.
  CHECK(verdict(repeat("echo $((a) ", n)) == "unsure");
  CHECK(verdict(repeat("a[ ", n)) == "ok");
  CHECK(verdict(repeat("cat <<E <<F\nx\nE\nF\n", n / 4)) == "ok");
}

TEST_CASE("scriptlet-shell-syntax: macros are words and %if branches are read on their own",
          "[shell][rules]") {
  auto count = [](const std::string& body, const std::string& target = "opensuse-tumbleweed") {
    return testing::lint_text("example.spec", kHead + body + "\n%files\n", only(target))
        .count("scriptlet-shell-syntax");
  };
  CHECK(count("%post\nif [ $1 = 0 ] : then\n  :\nfi\n") == 1);
  CHECK(count("%post\nif [ $1 = 0 ]; then\n  %{?ldconfig}\nfi\n") == 0);
  CHECK(count("%post\n%service_add_post example.service\n%{_bindir}/x \"%{name}\" || :\n") == 0);
  CHECK(count("%post\nif true; then\n%systemd_post example.service\nfi\n") == 0);
  // A macro that may expand to shell keywords hides the error it could be part of.
  CHECK(count("%post\nif true; then\n  :\n%{?with_x:fi}\n") == 0);
  CHECK(count("%define open_if if true; then\n%post\n%open_if\n  :\nfi\n") == 0);
  CHECK(count("%post\n%{lua: print(\"if true; then\")}\n  :\nfi\n") == 0);
  // Each branch complete: an error in one branch is reported.
  CHECK(count("%post\n%if 0%{?suse_version}\n:\n%else\necho a | | b\n%endif\n") == 1);
  // A construct split across branches: only what every reading shows.
  CHECK(count("%post\n%if 0%{?fedora}\nif [ $1 -eq 0 ]; then\n%else\nif [ \"$1\" = 0 ]; then\n%endif\n  "
              ":\nfi\n") == 0);
  CHECK(count("%post\n%if 1\nif true; then\n%endif\n:\n%if 0\n:\n%else\nfi\n%endif\n") == 0);
  CHECK(count("%post\n%if 1\nif true; then\n%endif\n:\n%if 1\nfi\n%endif\nfi\n") == 1);
  // An empty branch does not make the body empty.
  CHECK(count("%post\nif true; then\n%if 0%{?fedora}\n:\n%endif\nfi\n") == 0);
  // Not shell, or not all of the script.
  CHECK(count("%post -p <lua>\nif then fi\n") == 0);
  CHECK(count("%post -p /usr/bin/perl\nif then fi\n") == 0);
  CHECK(count("%post -f post.sh\nfi\n") == 0);
  CHECK(count("%post -p /bin/bash\nif then\n") == 1);
  CHECK(count("%triggerin -- bash\nfi\n") == 1);
  CHECK(count("%filetriggerin -- /usr/lib/example\nfi\n") == 1);
  // Build sections are not scriptlets.
  CHECK(count("%build\nif then\n") == 0);
  // Positions point into the scriptlet.
  const auto run = testing::lint_text("example.spec",
                                      kHead + "%postun\nif [ $1 = 0 ] : then\n  :\nfi\n\n%files\n", only());
  CHECK(run.gcc().find(":14:1: error: shell syntax error in %postun: unexpected `fi`, expected `then`") !=
        std::string::npos);
}
