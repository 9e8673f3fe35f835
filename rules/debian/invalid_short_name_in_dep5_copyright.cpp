// invalid-short-name-in-dep5-copyright: a GPL or BSD short name spelt against DEP-5.
#include <regex>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  static const std::regex gpl(R"(^(?:agpl|gpl|lgpl)[^-]?\d(?:\.\d)?\+?$)");
  static const std::regex bsd(R"(^bsd(?:[^-]?[234][^-]?(?:clause|cluase))?$)");
  for (const auto& l : licenses(ctx)) {
    for (const auto& name : l.names) {
      if (!std::regex_search(name, gpl) && !std::regex_search(name, bsd)) continue;
      out.report(first_line_range(ctx, *l.field),
                 fmt::format("'{}' is not a DEP-5 short name (GPL-2+, LGPL-2.1, BSD-3-clause, ...)", name));
    }
  }
}

}  // namespace

extern const RuleInfo invalid_short_name_in_dep5_copyright;  // listed in rules/rules.def
constinit const RuleInfo invalid_short_name_in_dep5_copyright{
    .id = "invalid-short-name-in-dep5-copyright",
    .severity = ir::Severity::Warning,
    .summary = "a GPL or BSD short name spelt against DEP-5",
    .kinds = kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports license short names that DEP-5 spells otherwise: `GPL2`, `GPLv2+`, `LGPL 2.1` without the hyphen, `BSD`, `BSD3clause`.)md",
             .why = R"md(DEP-5 defines the spellings `GPL-2`, `GPL-2+`, `LGPL-2.1`, `BSD-3-clause`; tools match licenses by these names. lintian reports `invalid-short-name-in-dep5-copyright`.)md",
             .example = R"md(Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: example
Source: https://example.org/example

Files: *
Copyright: 2025 Jane Doe <jane@example.org>
License: GPLv2+
 See /usr/share/common-licenses/GPL-2.

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
             .reference = R"md(DEP-5 (copyright-format 1.0) short names; lintian `invalid-short-name-in-dep5-copyright`; rules-debian.md DEB-P004.)md",
             .example_file = "debian/copyright"},
    .check = check,
};

}  // namespace katalint::rules
