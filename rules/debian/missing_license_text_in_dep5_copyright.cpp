// missing-license-text-in-dep5-copyright: a stand-alone License paragraph without license text.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto& l : licenses(ctx)) {
    if (l.files || l.has_text || unresolved(l.identifier)) continue;
    out.report(l.field->range, fmt::format("the License paragraph for '{}' has no text", l.identifier));
  }
}

}  // namespace

extern const RuleInfo missing_license_text_in_dep5_copyright;  // listed in rules/rules.def
constinit const RuleInfo missing_license_text_in_dep5_copyright{
    .id = "missing-license-text-in-dep5-copyright",
    .severity = ir::Severity::Warning,
    .summary = "a stand-alone License paragraph without license text",
    .kinds = kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a stand-alone `License:` paragraph (one without `Files`) that gives a name but no text.)md",
             .why = R"md(A stand-alone License paragraph exists to hold the text; without it the license is not documented. lintian reports `missing-license-text-in-dep5-copyright`.)md",
             .example = R"md(Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: *
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

Files: debian/*
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

License: GPL-2+
)md",
             .use_instead = R"md(Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: *
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

Files: debian/*
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

License: GPL-2+
 This program is free software; you can redistribute it and/or modify it
 under the terms of the GNU General Public License as published by the Free
 Software Foundation; either version 2 of the License, or (at your option)
 any later version.
 .
 On Debian systems, the full text of the GNU General Public License version 2
 can be found in the file /usr/share/common-licenses/GPL-2.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(DEP-5 (copyright-format 1.0); lintian `missing-license-text-in-dep5-copyright`; rules-debian.md DEB-P003.)md",
             .example_file = "debian/copyright"},
    .check = check,
};

}  // namespace katalint::rules
