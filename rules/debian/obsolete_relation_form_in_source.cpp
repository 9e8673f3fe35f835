// obsolete-relation-form-in-source: a relation with the obsolete < or > operator.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_relation(ctx, [&](const ir::Dependency& d, bool) {
    if (d.op != "<" && d.op != ">") return;
    const std::string wanted = d.op == "<" ? "<=" : ">=";
    // The operator sits between the '(' and the version inside the atom's range.
    const std::string_view text = ctx.file.text().substr(d.range.begin, d.range.end - d.range.begin);
    const auto open = text.find('(');
    const auto op = open == std::string_view::npos ? open : text.find(d.op, open);
    auto diag = out.report(d.range, fmt::format("'{}' in '{}' is obsolete: write '{}' (or '{}{}' for strictly {})",
                                                d.op, d.name, wanted, d.op, d.op, d.op == "<" ? "less" : "greater"));
    if (op != std::string_view::npos) {
      const ir::Range at{d.range.file, d.range.begin + static_cast<std::uint32_t>(op),
                         d.range.begin + static_cast<std::uint32_t>(op + 1)};
      diag.fix(fmt::format("write '{}', the meaning dpkg gives it", wanted), ir::Applicability::Unsafe, {{at, wanted}});
    }
  });
}

}  // namespace

extern const RuleInfo obsolete_relation_form_in_source;  // listed in rules/rules.def
constinit const RuleInfo obsolete_relation_form_in_source{
    .id = "obsolete-relation-form-in-source",
    .severity = ir::Severity::Error,
    .summary = "a relation with the obsolete < or > operator",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .fix = FixAvailability::Unsafe,
    .doc = {.what = R"md(Reports a relation in `debian/control` that uses `<` or `>`, which dpkg reads as `<=` and `>=`.)md",
             .why = R"md(The single-character forms are deprecated (Policy 7.1) and read as the non-strict comparison, which is rarely what the author meant. lintian reports `obsolete-relation-form-in-source`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), libfoo-dev (> 1.0)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), libfoo-dev (>= 1.0)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(The fix writes `<=` or `>=`, which keeps what dpkg does today; but the author may have meant the strict `<<`/`>>`, so it is unsafe.)md",
             .reference = R"md(Debian Policy 7.1; lintian `obsolete-relation-form-in-source`; rules-debian.md DEB-R003.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
