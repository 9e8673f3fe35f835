// Comparing values that may still hold OBS template placeholders (@KEY@), as the
// cross-file checks of a package directory do.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace katalint::frontend {

// A value written symbolically: spec values carry unbound placeholders between the
// evaluator's opaque markers; those are dropped around @KEY@ tokens. Returns nullopt when
// the value holds other opaque output (%(...) or lua), which cannot be compared. Blanks
// around the value are trimmed.
std::optional<std::string> symbolic_value(std::string_view value);

// True when `s` holds an @KEY@ token.
bool has_placeholder(std::string_view s);

enum class Agreement { Same, Different, Unknown };

// Compares two symbolic values:
//  * equal text agrees (two files using the same placeholder agree);
//  * neither templated and unequal, or both templated and unequal: Different (files of one
//    package are filled from one set of keys, so they should use the same expression);
//  * one templated: Unknown when some non-empty values of its placeholders would make the
//    texts equal, Different otherwise (`@VERSION@-@RELEASE@` never equals `0.0.1`).
Agreement compare_symbolic(std::string_view a, std::string_view b);

// Debian [epoch:]upstream[-revision]. `epoch` is "" when absent; placeholders cannot hold
// ':' or '-', so templates split like filled versions.
struct DebianVersion {
  std::string epoch;
  std::string upstream;
  std::string revision;
};
DebianVersion split_debian_version(std::string_view version);

}  // namespace katalint::frontend
