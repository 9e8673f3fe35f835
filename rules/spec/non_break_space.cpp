// non-break-space: U+00A0 in the spec.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  const ir::FileId file = ctx.file.id();
  for (std::size_t at = text.find("\xc2\xa0"); at != std::string_view::npos; at = text.find("\xc2\xa0", at + 2)) {
    const auto begin = static_cast<std::uint32_t>(at);
    out.report({file, begin, begin + 2}, "a no-break space (U+00A0); rpm does not treat it as a blank")
        .fix("replace it with a space", ir::Applicability::Safe, {{{file, begin, begin + 2}, " "}});
  }
}

}  // namespace

extern const RuleInfo non_break_space;  // listed in rules/rules.def
constinit const RuleInfo non_break_space{
    .id = "non-break-space",
    .severity = ir::Severity::Warning,
    .summary = "a no-break space (U+00A0) in the spec",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports every no-break space (U+00A0, bytes `C2 A0`) in the spec, with its column.)md",
            .why = R"md(A no-break space looks like a space but is not one to rpm or the shell: `BuildRequires:\u00a0gcc` makes the dependency name start with it, and `make\u00a0install` is a command that does not exist. It usually comes from copying text out of a web page.)md",
            .example = "Name:           example\nVersion:        1.0\nRelease:        0\nSummary:        Example package\nLicense:        MIT\nURL:            https://example.org\nBuildRequires:\xc2\xa0gcc\n\n%description\nAn example package.\n\n%files\n",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: a plain space is what the author meant; text where a no-break space matters does not belong in a spec.)md",
            .reference = R"md(rpmlint `non-break-space`; openSUSE *Specfile guidelines*; spec-cleaner replaces it.)md"},
    .check = check,
};

}  // namespace katalint::rules
