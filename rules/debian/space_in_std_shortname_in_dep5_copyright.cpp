// space-in-std-shortname-in-dep5-copyright: a license short name with a blank in it.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto& l : licenses(ctx)) {
    if (unresolved(l.identifier)) continue;
    for (const auto& name : l.names) {
      if (name.find(' ') == std::string::npos) continue;
      // "gpl-2+ with openssl exception" is the exception syntax, not a spaced name.
      const auto with = name.find(" with ");
      if (with != std::string::npos && with > 0 && name.find(' ') == with) continue;
      out.report(first_line_range(ctx, *l.field), fmt::format("license short name '{}' contains a blank", name));
    }
  }
}

}  // namespace

extern const RuleInfo space_in_std_shortname_in_dep5_copyright;  // listed in rules/rules.def
constinit const RuleInfo space_in_std_shortname_in_dep5_copyright{
    .id = "space-in-std-shortname-in-dep5-copyright",
    .severity = ir::Severity::Warning,
    .summary = "a license short name with a blank in it",
    .kinds = kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a license short name with a blank inside, such as `Apache 2.0` or `GPL 2`, other than the `NAME with EXCEPTION exception` form.)md",
             .why = R"md(DEP-5 short names have no blanks (`Apache-2.0`, `GPL-2`); a blank makes two words that name no license. lintian reports `space-in-std-shortname-in-dep5-copyright`.)md",
             .example = R"md(Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: *
Copyright: 2025 Jane Doe <jane@example.org>
License: GPL-2+

Files: debian/*
Copyright: 2025 Jane Doe <jane@example.org>
License: Apache 2.0
 See /usr/share/common-licenses/Apache-2.0.

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
License: Apache-2.0
 See /usr/share/common-licenses/Apache-2.0.

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
             .reference = R"md(DEP-5 (copyright-format 1.0) short names; lintian `space-in-std-shortname-in-dep5-copyright`; rules-debian.md DEB-P004.)md",
             .example_file = "debian/copyright"},
    .check = check,
};

}  // namespace katalint::rules
