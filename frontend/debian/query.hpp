// JSON views of Debian files for `katalint query --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "frontend/debian/deb822.hpp"

namespace katalint::frontend::debian {

// {"paragraphs": [{field: value, ...}, ...]} with exactly the keys and values
// python3-debian's debian.deb822.Deb822.iter_paragraphs() yields for the same bytes
// (read from a binary file, without apt_pkg). docs/debian-frontend.md lists the
// deliberate differences (invalid UTF-8 only).
nlohmann::ordered_json deb822_query_json(const Deb822Document& doc);

// The same emulation on raw text; exposed for tests and benchmarks.
nlohmann::ordered_json deb822_python_view(std::string_view text);

// Replaces invalid UTF-8 sequences by U+FFFD so the string can go into JSON.
std::string to_valid_utf8(std::string_view s);

}  // namespace katalint::frontend::debian
