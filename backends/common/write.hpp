// Writing a backend's files into an output directory, safely: every name stays inside the
// directory, symbolic links found there are never followed, and each file appears whole
// (written to a temporary file in the same directory, then renamed over the old one).
#pragma once

#include <string>

#include "backends/output.hpp"

namespace katalint::backends {

// Writes `files` under `out_dir/subdir` (subdir may be empty or "a/b"). Returns false and
// sets `error` at the first file that cannot be written; files already written stay.
bool write_emitted(const std::string& out_dir, const std::string& subdir, const EmittedFiles& files,
                   std::string& error);

// True when `path` is relative, and each of its '/'-separated parts is a plain name.
bool is_safe_relative_path(std::string_view path);

}  // namespace katalint::backends
