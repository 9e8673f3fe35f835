// A native syntax check for the POSIX shell scripts of spec scriptlets: what `sh -n` and
// `bash -n` reject, without running a shell. Single pass, linear in the input, with an
// explicit stack (no recursion on nesting depth), so hostile input cannot exhaust the C++ stack.
// It errs towards silence: bash-only syntax ([[ ]], arrays, `function f {`, <(...), select,
// (( ))) is accepted, and where bash and dash disagree or the reading is ambiguous the
// answer is Unsure rather than an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace katalint::rules::shell {

struct ShellError {
  std::uint32_t begin = 0, end = 0;  // the offending token, byte offsets into the script
  std::string message;               // lower-case, no final period
  // True when text around the script could make it valid: a quote or construct left open at
  // the end, or a closing word (`fi`, `)`, `;;`) with nothing open to close.
  bool context_dependent = false;
  // Where the construct the error is about starts (`if` without `fi`), or note_end == 0.
  std::uint32_t note_begin = 0, note_end = 0;
  std::string note;
};

enum class Verdict : std::uint8_t { Ok, Error, Unsure };

struct ShellResult {
  Verdict verdict = Verdict::Ok;
  ShellError error;  // when verdict == Error
};

// Byte ranges [begin, end) of the script that stand for text not known here (masked macros,
// removed %if lines). A command list that holds one is never called empty.
using OpaqueRanges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

// The first syntax error of `script`. `opaque` must be sorted and disjoint.
ShellResult check_shell_syntax(std::string_view script, const OpaqueRanges& opaque = {});

}  // namespace katalint::rules::shell
