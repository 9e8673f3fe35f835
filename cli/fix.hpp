// Applying fixes: one pass of non-overlapping edits, unified diffs, atomic file writes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"

namespace katalint::cli {

struct FixPass {
  std::string text;                // the file after this pass
  std::size_t applied = 0;         // fixes applied
  std::vector<std::string> rules;  // their rule ids, in order
};

// Applies, to `text` (the content of `file`), every fix that is Safe (or Unsafe too, with
// `unsafe`) and whose edits all lie in `file`. Fixes are taken in source order; one that
// overlaps an earlier one waits for the next pass, after the file was analysed again.
// Returns nullopt when nothing applies.
std::optional<FixPass> apply_fixes(std::string_view text, ir::FileId file,
                                   const std::vector<ir::Diagnostic>& diagnostics, bool unsafe);

// A unified diff (`--- path` / `+++ path`, three lines of context); "" when equal.
std::string unified_diff(std::string_view before, std::string_view after, std::string_view path);

// Replaces the file at `path` (a symlink's target) with `text` through a temporary file in the
// same directory and a rename, keeping its mode and owner. With `expected`, the file must still
// hold exactly that text, or nothing is written. A new file gets 0666 minus the umask. Returns
// false and sets `error` on failure; the original is then untouched.
bool write_atomically(const std::string& path, const std::optional<std::string_view>& expected,
                      std::string_view text, std::string& error);

}  // namespace katalint::cli
