// missing-suse-copyright-header: a SUSE spec without the "spec file for package" header comment.
#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

void check(const Context& ctx, Reporter& out) {
  // The header is the comment block before the first other line; the finding is at that line,
  // where the header belongs (a comment added above it does not move the finding).
  bool found = false;
  bool done = false;
  std::uint32_t at = 0;
  std::size_t size = 0;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (done) return;
    if (line.kind == rpmspec::SyntaxKind::Blank || spec_support::trim(line.text).empty()) return;
    if (line.kind == rpmspec::SyntaxKind::Comment) {
      if (line.text.find("spec file for package") != std::string_view::npos) {
        found = true;
        done = true;
      }
      return;
    }
    at = line.begin;
    size = line.text.size();
    done = true;
  });
  if (found || !done) return;
  out.report(range_at(ctx, at, size),
             "the spec does not start with the 'spec file for package' copyright and license header");
}

}  // namespace

extern const RuleInfo missing_suse_copyright_header;  // listed in rules/rules.def
constinit const RuleInfo missing_suse_copyright_header{
    .id = "missing-suse-copyright-header",
    .severity = ir::Severity::Info,
    .summary = "the spec lacks the suse header comment with copyright and license",
    .families = kSuse,
    .doc = {.what = R"md(Reports a spec whose leading comment block (the comments before the first other line) has no `spec file for package NAME` line. The finding is at the first line after the leading comments, where the header belongs. It is only information: the header matters for review, not for the build.)md",
            .why = R"md(openSUSE specs start with a header that names the package, its copyright holders and the license of the spec file itself (the spec's license, not the package's), with the bug-report URL. Factory's review and `spec-cleaner` expect it, and without it the spec's own license is unknown.)md",
            .example = R"md(Name:           example
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
            .fix_safety = R"md(No fix: the copyright holders are the packager's to state; `spec-cleaner` can add the template.)md",
            .reference = R"md(openSUSE *Specfile guidelines* ("the header"); `spec-cleaner`'s header template.)md"},
    .check = check,
};

}  // namespace katalint::rules
