// invalid-profile-name-in-source-relation: an unknown build profile in a relation's restriction.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool known_profile(std::string_view name) {
  if (is_build_profile(name)) return true;
  // pkg.<source>.<name> profiles belong to one source package.
  return name.starts_with("pkg.") && name.find('.', 4) != std::string_view::npos && name.back() != '.';
}

void check(const Context& ctx, Reporter& out) {
  for_each_relation(ctx, [&](const ir::Dependency& d, bool) {
    for (const auto& group : d.profile_restrictions) {
      for (auto term : split(group, " ")) {
        if (term.starts_with('!')) term.remove_prefix(1);
        if (unresolved(term) || known_profile(term)) continue;
        out.report(d.range, fmt::format("'{}' in the build profiles of '{}' is not a known profile", term, d.name));
      }
    }
  });
}

}  // namespace

extern const RuleInfo invalid_profile_name_in_source_relation;  // listed in rules/rules.def
constinit const RuleInfo invalid_profile_name_in_source_relation{
    .id = "invalid-profile-name-in-source-relation",
    .severity = ir::Severity::Error,
    .summary = "an unknown build profile in a relation's restriction",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a term of a build-profile restriction (`foo <!nocheck>`) that is neither a registered profile (`nocheck`, `nodoc`, `cross`, `stage1`, ...) nor a package-specific `pkg.SOURCE.NAME` profile.)md",
             .why = R"md(A misspelt profile never matches, so the relation is always or never active. lintian reports `invalid-profile-name-in-source-relation`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), python3-pytest <!nochek>
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
Build-Depends: debhelper-compat (= 13), python3-pytest <!nocheck>
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(https://wiki.debian.org/BuildProfileSpec; lintian `invalid-profile-name-in-source-relation`; rules-debian.md DEB-R006.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
