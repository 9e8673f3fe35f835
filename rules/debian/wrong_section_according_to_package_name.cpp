// wrong-section-according-to-package-name: a binary package whose name implies another section.
#include <regex>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// Compiled once: lintian's name_section_mappings, in order.
const std::vector<std::pair<std::regex, std::string_view>>& patterns() {
  static const auto compiled = [] {
    std::vector<std::pair<std::regex, std::string_view>> out;
    for (const auto& [pattern, section] : name_section_patterns())
      out.emplace_back(std::regex(std::string(pattern)), section);
    return out;
  }();
  return compiled;
}

void check(const Context& ctx, Reporter& out) {
  const auto* source = source_paragraph(ctx);
  const auto* inherited = source != nullptr ? source->find("Section") : nullptr;
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto* name = p->find("Package");
    const auto* own = p->find("Section");
    const auto* f = own != nullptr ? own : inherited;
    if (f == nullptr || unresolved(name->value) || unresolved(f->value)) continue;
    std::string_view section = f->value;
    if (const auto slash = section.find('/'); slash != std::string_view::npos) section.remove_prefix(slash + 1);
    for (const auto& [re, wanted] : patterns()) {
      if (!std::regex_search(name->value, re)) continue;
      if (section != wanted)
        out.report(own != nullptr ? own->value_range : name->value_range,
                   fmt::format("package '{}' belongs in section '{}', not '{}'", name->value, wanted, section));
      break;
    }
  }
}

}  // namespace

extern const RuleInfo wrong_section_according_to_package_name;  // listed in rules/rules.def
constinit const RuleInfo wrong_section_according_to_package_name{
    .id = "wrong-section-according-to-package-name",
    .severity = ir::Severity::Info,
    .summary = "a binary package whose name implies another section",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a binary package whose name follows a convention for a section (`-doc` → `doc`, `python3-` → `python`, `golang-` → `golang`, `-dbg` → `debug`, ...) but that is in another section, its own or the one it inherits from the source paragraph.)md",
             .why = R"md(Archive tools and users find packages by section; lintian's name patterns encode the conventions. lintian reports `wrong-section-according-to-package-name`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.

Package: example-doc
Architecture: all
Depends: ${misc:Depends}
Description: greeting tool (documentation)
 The manual of the example tool.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.

Package: example-doc
Section: doc
Architecture: all
Depends: ${misc:Depends}
Description: greeting tool (documentation)
 The manual of the example tool.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(lintian `wrong-section-according-to-package-name` (data/fields/name_section_mappings of lintian 2.116.3); rules-debian.md DEB-C016.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
