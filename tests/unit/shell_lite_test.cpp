// The pure-shell evaluator against the real dash and bash: every script it answers must
// print what the shell prints, and the common spec idioms must be answered at all.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "frontend/rpmspec/shell_lite.hpp"
#include "tests/support/catch.hpp"

namespace {

using katalint::rpmspec::evaluate_pure_shell;
using katalint::rpmspec::ShellProfile;

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool require_tools() {
  const char* v = std::getenv("KATALINT_REQUIRE_TOOLS");
  return v && std::string(v) == "1";
}

// What `shell -c script` prints, trailing newlines removed as rpm does for %(...).
std::optional<std::string> real_shell(const std::string& shell, const std::string& script) {
  const std::string cmd = "env -i PATH=/usr/bin:/bin " + shell + " -c " + quote(script) + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  pclose(pipe);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Spec idioms seen in real specs; each must be answered and agree with the shell.
const std::vector<std::string> kSupported = {
    "echo 1.2.3 | cut -d. -f1,2",
    "echo 1.2.3 | cut -d . -f 1-2",
    "echo 1.2.3.4 | cut -d. -f2-",
    "echo abcdef0123456789 | cut -c-8",
    "echo abcdef0123456789 | cut -c3-5",
    "echo '1_23' | tr '_' '.'",
    "echo HELLO | tr A-Z a-z",
    "echo a-b-c | tr -d -",
    "echo '0.123' | sed 's/\\(\\...\\)\\(.\\)/\\1.\\2/'",
    "echo foo.bar.baz | sed -e 's/\\./_/g'",
    "echo foo | sed 's/o/0/'",
    "v=1.2.3; echo ${v%%.*}",
    "v=1.2.3; echo ${v%.*}",
    "v=1.2.3; echo ${v#*.}",
    "v=1.2.3; echo ${v##*.}",
    "v=abc; echo ${#v}",
    "echo $((2+3*4))",
    "echo $(( (7 - 1) / 2 ))",
    "x=5; echo $((x+2))",
    "x=5; echo $(($x % 3))",
    "echo `echo nested`",
    "echo $(echo a b | cut -d' ' -f2)",
    "eval \"x=7\"; echo $x",
    "printf_is_not_used=1; echo done",
    "echo -n no-newline",
    "echo \"quoted  spaces\"",
    "echo a   b    c",
    "basename /usr/lib/foo.so",
    "dirname /usr/lib/foo.so",
    "echo one two | head -c 3",
    "false || echo fallback",
    "true && echo chained",
    "echo first; echo second",
    "echo ${unset_lower:-default}",
    "echo x${unset_lower}y",
};

// Scripts it must decline: they read the host (files, environment, clock) or need features
// it does not model.
const std::vector<std::string> kDeclined = {
    "echo *",
    "cat /etc/os-release",
    "date +%Y",
    "echo $HOME",
    "awk -F. '{print $1}' <<< 1.2",
    "echo a > /tmp/x",
    "(echo sub)",
    "uname -r",
    "echo $1",
    "sleep 1 &",
};

}  // namespace

TEST_CASE("pure shell: idioms agree with dash and bash", "[shell-lite]") {
  for (const bool dash : {true, false}) {
    const std::string shell = dash ? "/bin/dash" : "/bin/bash";
    if (!real_shell(shell, "true")) {
      if (require_tools()) FAIL(shell << " missing and KATALINT_REQUIRE_TOOLS=1");
      WARN("skipping: " << shell << " missing");
      continue;
    }
    ShellProfile profile;
    profile.dash = dash;
    for (const auto& script : kSupported) {
      INFO(shell << ": " << script);
      const auto ours = evaluate_pure_shell(script, profile);
      REQUIRE(ours.has_value());
      CHECK(*ours == *real_shell(shell, script));
    }
  }
}

TEST_CASE("pure shell: substring expansion follows the target's sh", "[shell-lite]") {
  const std::string script = "c=0123456789abcdef; echo ${c:0:7}";
  ShellProfile bash, dash;
  dash.dash = true;
  CHECK(evaluate_pure_shell(script, bash) == std::optional<std::string>("0123456"));
  // dash stops at "Bad substitution" and prints nothing.
  CHECK(evaluate_pure_shell(script, dash) == std::optional<std::string>(""));
  CHECK(evaluate_pure_shell("echo before; c=abc; echo ${c:1}", dash) == std::optional<std::string>("before"));
}

TEST_CASE("pure shell: declines what depends on the host", "[shell-lite]") {
  const ShellProfile profile;
  for (const auto& script : kDeclined) {
    INFO(script);
    CHECK_FALSE(evaluate_pure_shell(script, profile).has_value());
  }
}

TEST_CASE("pure shell: profile facts and missing commands", "[shell-lite]") {
  ShellProfile profile;
  profile.facts["perl -V:version"] = "version='5.36.0';\n";
  profile.missing_commands = {"xserver-sdk-abi-requires"};
  CHECK(evaluate_pure_shell("eval \"`perl -V:version`\"; echo $version", profile) ==
        std::optional<std::string>("5.36.0"));
  CHECK(evaluate_pure_shell("xserver-sdk-abi-requires ansic", profile) == std::optional<std::string>(""));
  // An unexpanded macro is never a command: sh prints nothing.
  CHECK(evaluate_pure_shell("eval \"`%{__perl} -V:version`\"; echo $version", profile) ==
        std::optional<std::string>(""));
  CHECK_FALSE(evaluate_pure_shell("perl -V:archname", profile).has_value());
}

TEST_CASE("pure shell: hostile input stays bounded", "[shell-lite]") {
  const ShellProfile profile;
  std::string deep = "echo x";
  for (int i = 0; i < 200; ++i) deep = "echo $(" + deep + ")";
  CHECK_FALSE(evaluate_pure_shell(deep, profile).has_value());
  CHECK_FALSE(evaluate_pure_shell("echo $((1/0))", profile).has_value());
  CHECK_FALSE(evaluate_pure_shell("echo 'unterminated", profile).has_value());
  CHECK_FALSE(evaluate_pure_shell("echo $(( 9999999999999999999 * 9 ))", profile).has_value());
  std::string big = "x=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  for (int i = 0; i < 20; ++i) big += "; x=$x$x";
  CHECK_FALSE(evaluate_pure_shell(big + "; echo $x", profile).has_value());
}
