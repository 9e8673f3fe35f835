// A tiny evaluator for the pure text pipelines specs put in %(...), such as
// `echo %{version} | cut -d. -f1,2` or `c=%{commit}; echo ${c:0:7}`. Nothing is executed:
// it interprets a fixed set of side-effect-free commands itself and gives up (nullopt) on
// anything else, which then stays an opaque value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katalint::rpmspec {

// Output of commands that depend on the target's build root (`perl -V:version`), keyed by
// the command line with its words joined by single spaces. Target profiles provide them.
using CommandFacts = std::map<std::string, std::string, std::less<>>;

// What a target's /bin/sh is and what its build root has, from the target profile.
struct ShellProfile {
  bool dash = false;            // Debian's /bin/sh: no ${var:offset:length}
  CommandFacts facts;           // `#!katalint-command COMMAND => OUTPUT`
  std::vector<std::string> missing_commands;  // `#!katalint-missing-command NAME`: sh says "not found"
};

// The stdout of `script` with trailing newlines removed (as rpm's %(...) does), or nullopt
// when the script uses anything outside the supported subset.
std::optional<std::string> evaluate_pure_shell(std::string_view script, const ShellProfile& profile);

}  // namespace katalint::rpmspec
