// suse-license-header: the SUSE spec header names another package or lacks its parts.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  // The leading comment block.
  std::size_t end = 0;
  while (end < text.size() && text[end] == '#') {
    const std::size_t nl = text.find('\n', end);
    end = nl == std::string_view::npos ? text.size() : nl + 1;
    while (end < text.size() && text[end] == '\n') ++end;  // blank lines inside the header
  }
  const std::string_view header = text.substr(0, end);
  const std::string_view marker = "# spec file for package ";
  const std::size_t at = header.find(marker);
  // A spec without the header is missing-suse-copyright-header's finding.
  if (at == std::string_view::npos) return;
  const std::size_t name_begin = at + marker.size();
  std::size_t name_end = header.find_first_of(" \t\n", name_begin);
  if (name_end == std::string_view::npos) name_end = header.size();
  const std::string_view written = header.substr(name_begin, name_end - name_begin);
  const ir::FileId file = ctx.file.id();
  if (ctx.package && !ctx.package->name.empty() && ctx.package->name.find('%') == std::string::npos &&
      written != ctx.package->name) {
    const ir::Range where{file, static_cast<std::uint32_t>(name_begin), static_cast<std::uint32_t>(name_end)};
    out.report(where, fmt::format("the header names package '{}', but this spec builds '{}'", written, ctx.package->name))
        .fix(fmt::format("name '{}'", ctx.package->name), ir::Applicability::Safe, {{where, ctx.package->name}});
  }
  const ir::Range line{file, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(name_end)};
  if (header.find("# Copyright (c)") == std::string_view::npos && header.find("# Copyright (C)") == std::string_view::npos)
    out.report(line, "the header has no '# Copyright (c) YEAR ...' line");
  if (header.find("All modifications and additions to the file contributed by third parties") == std::string_view::npos)
    out.report(line, "the header lacks the standard paragraph on the license of the spec file");
  if (header.find("Please submit bugfixes or comments via") == std::string_view::npos)
    out.report(line, "the header lacks the 'Please submit bugfixes or comments via ...' line");
}

}  // namespace

extern const RuleInfo suse_license_header;  // listed in rules/rules.def
constinit const RuleInfo suse_license_header{
    .id = "suse-license-header",
    .severity = ir::Severity::Warning,
    .summary = "a SUSE spec header with the wrong package name or missing parts",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(For a spec whose leading comment block has the SUSE header (`# spec file for package NAME`): reports a NAME that is not the package's, and a header without the `# Copyright (c) YEAR ...` line, the standard paragraph on the license of the spec file ("All modifications and additions ...") or the `Please submit bugfixes or comments via ...` line. A spec without the header at all is reported by `missing-suse-copyright-header`.)md",
            .why = R"md(openSUSE's specfile guidelines require the license header; a header copied from another package names the wrong package, and format_spec_file and the review bot check it.)md",
            .example = R"md(#
# spec file for package oldname
#
# Copyright (c) 2024 SUSE LLC
#
# All modifications and additions to the file contributed by third parties
# remain the property of their copyright owners, unless otherwise agreed
# upon. The license for this file, and modifications and additions to the
# file, is the same license as for the pristine package itself (unless the
# license for the pristine package is not an Open Source License, in which
# case the license is the MIT License). An "Open Source License" is a
# license that conforms to the Open Source Definition (Version 1.9)
# published by the Open Source Initiative.

# Please submit bugfixes or comments via https://bugs.opensuse.org/
#

Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(#
# spec file for package example
#
# Copyright (c) 2024 SUSE LLC
#
# All modifications and additions to the file contributed by third parties
# remain the property of their copyright owners, unless otherwise agreed
# upon. The license for this file, and modifications and additions to the
# file, is the same license as for the pristine package itself (unless the
# license for the pristine package is not an Open Source License, in which
# case the license is the MIT License). An "Open Source License" is a
# license that conforms to the Open Source Definition (Version 1.9)
# published by the Open Source Initiative.

# Please submit bugfixes or comments via https://bugs.opensuse.org/
#

Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe for the name: the header then names the package it heads. Missing parts have no fix: the copyright holder and year are the packager's to state (format_spec_file writes them).)md",
            .reference = R"md(openSUSE *Specfile guidelines*, "Specfile Licensing"; obs-service-format_spec_file; spec-cleaner.)md"},
    .check = check,
};

}  // namespace katalint::rules
