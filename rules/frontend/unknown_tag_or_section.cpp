// unknown-tag-or-section: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unknown_tag_or_section;  // listed in rules/rules.def
constinit const RuleInfo unknown_tag_or_section{
    .id = "unknown-tag-or-section",
    .severity = ir::Severity::Error,
    .summary = "a preamble line that is neither a tag rpm knows nor a section",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .aliases = "unknown-tag unknown-section",
    .doc = {.what = R"md(Reports a preamble `Tag:` whose name is not one of rpm's tags (qualifiers such as `Requires(post):` included), and a preamble line starting with `%word` where `word` is neither a section keyword nor a defined macro. The message suggests the nearest known name when one is close (`Requieres` → `Requires`, `%descripton` → `%description`).)md",
             .why = R"md(rpm stops with `Unknown tag` on the line.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requieres:      bash

%description
An example package.

%files
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       bash

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the suggestion is a guess, and the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`preambleList`) and `build/parseSpec.c`; rpmlint reports it only as `specfile-error`.)md"},
};

}  // namespace katalint::rules
