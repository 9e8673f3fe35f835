// license-not-spdx: a License tag that is not an SPDX license expression.
#include <fmt/core.h>

#include "rules/readiness/spdx.hpp"
#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

void check(const Context& ctx, Reporter& out) {
  const rpmspec::SyntaxTree& tree = *ctx.spec;
  const spdx::ExpressionOptions options{.allow_suse_ids = ctx.family == Family::Suse};
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::Tag || !spec_support::tag_is(tree, line.node, "license")) return;
    const rpmspec::NodeId value = tree.child(line.node, rpmspec::SyntaxKind::TagValue);
    if (value == rpmspec::kNoNode) return;
    const std::string_view text = tree.text_of(value);
    // Macros and template placeholders are checked where their value is written.
    if (text.find('%') != std::string_view::npos || text.find('@') != std::string_view::npos) return;
    const std::uint32_t base = tree.node(value).begin;
    for (const spdx::Problem& p : spdx::check_expression(text, options))
      out.report(range_at(ctx, base + static_cast<std::uint32_t>(p.begin), p.end - p.begin), p.message);
  });
}

}  // namespace

extern const RuleInfo license_not_spdx;  // listed in rules/rules.def
constinit const RuleInfo license_not_spdx{
    .id = "license-not-spdx",
    .severity = ir::Severity::Error,
    .summary = "a license tag is not an spdx license expression",
    .aliases = "invalid-license",
    .doc = {.what = R"md(Checks every `License:` value against the SPDX expression grammar and the SPDX License List shipped in `data/spdx/` (its version is in the messages and in `data/spdx/licenses.txt`). It reports each id the list does not have (`GPLv2+`, `Public-Domain`, `BSD-3-Clause-Kata`), ids written one after the other without `AND` or `OR` (once per value), a `WITH` not followed by a license exception, an exception used as a license, operators with nothing on one side and unbalanced parentheses. `id+`, `LicenseRef-*` (also with Fedora's trailing `+`, `LicenseRef-Callaway-LGPLv2+`) and `DocumentRef-*:LicenseRef-*` are valid; for SUSE targets so are openSUSE's own `SUSE-*` ids. Deprecated ids (`GPL-2.0+`) and lower-case operators are valid SPDX: `license-spdx-normalize` reports them. For Fedora's old one-word names (`GPLv2+`, `LGPLv2.1`, `GPL+`, `ASL2.0`, ...) the message names the SPDX id. Values written with macros or template placeholders are not checked. The finding is at the offending id or operator.)md",
            .why = R"md(openSUSE accepts only SPDX expressions (rpmlint's `invalid-license` has badness 100000 in openSUSE, which fails the build), and Fedora switched to SPDX in 2022. A list of ids without operators does not say whether the package is under all of them or under any one, and a made-up id says nothing a legal review can check.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        GPL-2.0-or-later BSD-3-Clause-Example
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        GPL-2.0-or-later AND BSD-3-Clause
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: whether ids are joined by `AND` or `OR`, and which listed license a made-up id means, is a licensing decision.)md",
            .reference = R"md(SPDX specification 2.3, Annex D (license expressions); SPDX License List; openSUSE *Accepted licences*; rpmlint `invalid-license`; Fedora *Licensing guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
