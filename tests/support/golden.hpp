// Golden files: expected output kept in the repository, compared as text, reviewed as a
// diff, regenerated with KATALINT_UPDATE_GOLDEN=1 and never edited by hand.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace katalint::testing {

struct GoldenResult {
  bool ok = false;
  std::string report;  // why it failed, with a unified diff; or what was updated
};

// Compares `actual` with the file `expected`, byte for byte. On a mismatch it writes
// `<expected>.actual` next to it; with KATALINT_UPDATE_GOLDEN=1 it rewrites `expected`
// instead and succeeds. A stale `.actual` is removed once the files agree.
GoldenResult compare_golden(const std::filesystem::path& expected, std::string_view actual);

// Line-based unified diff with `context` lines around each change; "" when equal.
std::string unified_diff(std::string_view expected, std::string_view actual,
                         std::string_view expected_name, std::string_view actual_name,
                         std::size_t context = 3);

}  // namespace katalint::testing

// Catch2 check; include "tests/support/catch.hpp" before using it.
#define KATALINT_CHECK_GOLDEN(expected_path, actual_text)                                  \
  do {                                                                                      \
    const auto katalint_golden_result_ =                                                    \
        ::katalint::testing::compare_golden((expected_path), (actual_text));                \
    INFO(katalint_golden_result_.report);                                                   \
    CHECK(katalint_golden_result_.ok);                                                      \
  } while (false)
