// Runs the installed rpm as the oracle for macro and expression tests.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/rpmspec/macro_engine.hpp"
#include "tests/support/catch.hpp"

namespace katalint::test {

inline std::string shell_quote(std::string_view s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q.push_back(c);
  }
  q.push_back('\'');
  return q;
}

struct RpmResult {
  bool ok = false;  // rpm exited with 0
  std::string out;  // stdout without the final newline rpm adds
};

// Runs `rpm --macros=<macros> --define D... --eval E...` and returns stdout and success.
inline std::optional<RpmResult> run_rpm(const std::vector<std::string>& defines,
                                        const std::vector<std::string>& evals,
                                        std::string_view macros = "/dev/null") {
  std::string cmd = "LC_ALL=C rpm --macros=" + shell_quote(macros);
  for (const auto& d : defines) cmd += " --define " + shell_quote(d);
  for (const auto& e : evals) cmd += " --eval " + shell_quote(e);
  cmd += " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return std::nullopt;
  RpmResult r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) == 127) return std::nullopt;
  r.ok = WEXITSTATUS(status) == 0;
  if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
  // rpm 4.18 leaks its %{quote:} marker (0x1f) into output; katalint drops it.
  std::erase(r.out, '\x1f');
  return r;
}

inline bool rpm_available() {
  static const bool available = [] {
    auto r = run_rpm({}, {"%{getconfdir}"});
    return r && r->ok && !r->out.empty();
  }();
  return available;
}

// False (and the test is skipped) without rpm, unless CI demands the tool.
inline bool need_rpm() {
  if (rpm_available()) return true;
  const char* require = std::getenv("KATALINT_REQUIRE_TOOLS");
  if (require && std::string_view(require) == "1") FAIL("rpm is required (KATALINT_REQUIRE_TOOLS=1) but not found");
  WARN("rpm not found; skipping the comparison with rpm");
  return false;
}

}  // namespace katalint::test
