// missing-license-paragraph-in-dep5-copyright: a license named in a Files paragraph with no stand-alone License paragraph.
#include <set>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const auto all = licenses(ctx);
  std::set<std::string> standalone;
  for (const auto& l : all)
    if (!l.files && l.has_text && !l.identifier.empty()) standalone.insert(l.identifier);
  std::set<std::string> reported;
  for (const auto& l : all) {
    if (!l.files || l.has_text || unresolved(l.identifier)) continue;
    for (const auto& name : l.names) {
      if (standalone.count(name) != 0 || !reported.insert(name).second) continue;
      out.report(first_line_range(ctx, *l.field), fmt::format("license '{}' has no stand-alone License paragraph with its text", name));
    }
  }
}

}  // namespace

extern const RuleInfo missing_license_paragraph_in_dep5_copyright;  // listed in rules/rules.def
constinit const RuleInfo missing_license_paragraph_in_dep5_copyright{
    .id = "missing-license-paragraph-in-dep5-copyright",
    .severity = ir::Severity::Warning,
    .summary = "a license named in a Files paragraph with no stand-alone License paragraph",
    .kinds = kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a short license name in a `Files` paragraph that carries no license text, when no stand-alone `License:` paragraph gives the text for that name.)md",
             .why = R"md(DEP-5 requires the full text (or a pointer to `/usr/share/common-licenses`) for every license used. lintian reports `missing-license-paragraph-in-dep5-copyright`.)md",
             .example = R"md(Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: *
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

Files: debian/*
Copyright: 2025 Jane Doe <jane@example.org>
License: MIT

License: GPL-2+
 This program is free software; you can redistribute it and/or modify it
 under the terms of the GNU General Public License as published by the Free
 Software Foundation; either version 2 of the License, or (at your option)
 any later version.
 .
 On Debian systems, the full text of the GNU General Public License version 2
 can be found in the file /usr/share/common-licenses/GPL-2.
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
             .reference = R"md(DEP-5 (copyright-format 1.0), Policy 12.5; lintian `missing-license-paragraph-in-dep5-copyright`; rules-debian.md DEB-P003.)md",
             .example_file = "debian/copyright"},
    .check = check,
};

}  // namespace katalint::rules
