// How SUSE writes its packaging files: the spec header and tag alignment that
// format_spec_file produces, and the `osc vc` .changes format (docs/backends.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backends/common/rpm_spec.hpp"

namespace katalint::backends::suse {

// The comment block format_spec_file puts at the top of every openSUSE spec.
std::string copyright_header(std::string_view package, int year);

// "Tag:" padded to 16 columns, then the value.
std::string tag_line(std::string_view tag, std::string_view value);

// Entries newest first, in the byte format `osc vc` writes.
std::string changes_text(const std::vector<ChangeEntry>& entries);

}  // namespace katalint::backends::suse
