// Fuzz targets: one entry point per frontend, plus the macro engine, the %if expression
// evaluator, the fix applier and the scriptlet shell syntax check. The libFuzzer drivers
// (fuzz_main.cpp) and the regression test (tests/unit/fuzz_regression_test.cpp) call the
// same functions, so an input that once crashed a target keeps running in every build.
#pragma once

#include <string_view>
#include <vector>

namespace katalint::fuzz {

struct Target {
  std::string_view name;       // spec, control, changelog, changes, service, dsc, macro, expression, fix, shell
  std::string_view seed_kind;  // which files of the corpus seed it (see fuzz/run.sh)
  void (*run)(std::string_view input);
};

const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

// Stops the process with a message when a target finds a broken invariant (not a crash
// by itself, e.g. a reprint that differs from the input), so libFuzzer records the input.
[[noreturn]] void invariant_failed(std::string_view target, std::string_view what);

}  // namespace katalint::fuzz
