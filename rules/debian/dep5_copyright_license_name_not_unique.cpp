// dep5-copyright-license-name-not-unique: two stand-alone License paragraphs for one license name.
#include <map>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  std::map<std::string, const License*> first;
  const auto all = licenses(ctx);
  for (const auto& l : all) {
    if (l.files || !l.has_text || l.identifier.empty() || l.identifier == "public-domain") continue;
    const auto [it, added] = first.emplace(l.identifier, &l);
    if (added) continue;
    out.report(first_line_range(ctx, *l.field), fmt::format("license '{}' has another stand-alone paragraph", l.identifier))
        .note(first_line_range(ctx, *it->second->field), "the first one");
  }
}

}  // namespace

extern const RuleInfo dep5_copyright_license_name_not_unique;  // listed in rules/rules.def
constinit const RuleInfo dep5_copyright_license_name_not_unique{
    .id = "dep5-copyright-license-name-not-unique",
    .severity = ir::Severity::Warning,
    .summary = "two stand-alone License paragraphs for one license name",
    .kinds = kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a stand-alone `License:` paragraph whose name was already given its text by an earlier stand-alone paragraph (`public-domain` excepted).)md",
             .why = R"md(A short name must mean one text; two paragraphs leave it open which applies. lintian reports `dep5-copyright-license-name-not-unique`.)md",
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
 This program is free software; you can redistribute it and/or modify it
 under the terms of the GNU General Public License as published by the Free
 Software Foundation; either version 2 of the License, or (at your option)
 any later version.
 .
 On Debian systems, the full text of the GNU General Public License version 2
 can be found in the file /usr/share/common-licenses/GPL-2.

License: GPL-2+
 The GNU General Public License, version 2 or later.
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
             .reference = R"md(DEP-5 (copyright-format 1.0); lintian `dep5-copyright-license-name-not-unique`; rules-debian.md DEB-P003.)md",
             .example_file = "debian/copyright"},
    .check = check,
};

}  // namespace katalint::rules
