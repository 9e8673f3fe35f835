// invalid-encoding: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo invalid_encoding;  // listed in rules/rules.def
constinit const RuleInfo invalid_encoding{
    .id = "invalid-encoding",
    .severity = ir::Severity::Error,
    .summary = "a package header value is not valid UTF-8",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a package whose header values (Summary, description, ...) hold bytes that are not UTF-8. The example below contains the Latin-1 byte E9.)md",
             .why = R"md(rpm 4.18 refuses such headers (`invalid utf-8 encoding`); the text is mangled wherever it is shown.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Caf)md" "\xe9" R"md( tools
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Café tools
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c` (`checkForValidEncoding`); openSUSE Specfile guidelines, "Specfile Encoding".)md"},
};

}  // namespace katalint::rules
