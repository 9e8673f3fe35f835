// deb822-empty-field: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_empty_field;  // listed in rules/rules.def
constinit const RuleInfo deb822_empty_field{
    .id = "deb822-empty-field",
    .severity = ir::Severity::Warning,
    .summary = "a field without a value outside debian/control",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a field with no value in a deb822 file other than `debian/control`.)md",
             .why = R"md(Readers differ on whether an empty field exists; dpkg warns.)md",
             .example = R"md(Format: 3.0 (quilt)
Source: example
Binary:
Architecture: any
Version: 1.0-1
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
)md",
             .use_instead = R"md(Format: 3.0 (quilt)
Source: example
Binary: example
Architecture: any
Version: 1.0-1
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 5.1.)md",
             .example_file = "example.dsc"},
};

}  // namespace katalint::rules
