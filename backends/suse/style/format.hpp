// `katalint fmt`: rewrites an RPM spec in the SUSE style spec-cleaner defines, from the spec's
// syntax tree. docs/compat-spec-cleaner.md lists where the output differs from spec-cleaner.
#pragma once

#include <string>
#include <string_view>

namespace katalint::suse_style {

struct FormatOptions {
  bool minimal = false;           // --style minimal: only the non-intrusive rewrites
  bool convert_pkgconfig = false; // foo-devel -> pkgconfig(foo) from data/suse-style
  bool convert_perl = false;
  bool convert_cmake = false;
  bool remove_groups = false;     // drop Group: tags
  bool keep_space = false;        // keep blank lines in the preamble
  bool copyright_header = false;  // regenerate the SUSE copyright header
  int copyright_year = 0;         // the year the header names
  std::string file_name;          // the spec's file name: "spec file for package NAME", ...
  std::string target = "opensuse-tumbleweed";  // whose parametric macros stay unbraced
};

struct FormatResult {
  std::string text;
  // Why the file was left as it is ("" when it was formatted): an opt-out comment.
  std::string skipped_because;
};

FormatResult format_spec(std::string_view text, const FormatOptions& options);

}  // namespace katalint::suse_style
