// macro-expansion-too-large: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_expansion_too_large;  // listed in rules/rules.def
constinit const RuleInfo macro_expansion_too_large{
    .id = "macro-expansion-too-large",
    .severity = ir::Severity::Error,
    .summary = "a macro expansion grows beyond katalint's size or work limit",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a macro expansion whose output passes 16 MiB, or that needs more work than katalint allows, such as macros that double at every level.)md",
             .why = R"md(rpm would use memory and time without bound; katalint stops the expansion to stay fast and safe.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global a1 xxxxxxxx
%global a2 %{a1}%{a1}
%global a3 %{a2}%{a2}
%global a4 %{a3}%{a3}
%global a5 %{a4}%{a4}
%global a6 %{a5}%{a5}
%global a7 %{a6}%{a6}
%global a8 %{a7}%{a7}
%global a9 %{a8}%{a8}
%global a10 %{a9}%{a9}
%global a11 %{a10}%{a10}
%global a12 %{a11}%{a11}
%global a13 %{a12}%{a12}
%global a14 %{a13}%{a13}
%global a15 %{a14}%{a14}
%global a16 %{a15}%{a15}
%global a17 %{a16}%{a16}
%global a18 %{a17}%{a17}
%global a19 %{a18}%{a18}
%global a1 xxxxxxxx
%global a20 %{a19}%{a19}
%global a1 xxxxxxxx
%global a21 %{a20}%{a20}
%global a1 xxxxxxxx
%global a22 %{a21}%{a21}
%global a1 xxxxxxxx
%global a23 %{a22}%{a22}
%global a1 xxxxxxxx
%global a24 %{a23}%{a23}
%global a1 xxxxxxxx
%global a25 %{a24}%{a24}
%global a1 xxxxxxxx
%global a26 %{a25}%{a25}
%global a1 xxxxxxxx
%global a27 %{a26}%{a26}
%global a1 xxxxxxxx
%global a28 %{a27}%{a27}
%global a1 xxxxxxxx
%global a29 %{a28}%{a28}
%global a30 %{a29}%{a29}
Provides:       %{a30}

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
%global a1 xxxxxxxx
%global a2 %{a1}%{a1}
Provides:       %{a2}

%description
An example package.

%files
)md",
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(katalint limits (docs/macro-engine.md).)md"},
};

}  // namespace katalint::rules
