#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {
namespace {

using ir::Severity;

// Sorted by id. Ids are never reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
    RuleInfo{"bad-condition", Severity::Error, "an %if or %elif expression that rpm cannot evaluate"},
    RuleInfo{"bad-epoch", Severity::Error, "an Epoch that is not an unsigned number"},
    RuleInfo{"bad-package-spec", Severity::Error, "a %package line without exactly one name"},
    RuleInfo{"bad-qualifier", Severity::Error, "a Requires qualifier that rpm does not know"},
    RuleInfo{"bad-relation", Severity::Error, "a relationship field (Depends, Build-Depends, ...) does not parse"},
    RuleInfo{"bad-section-header", Severity::Error, "a section header with options rpm rejects"},
    RuleInfo{"bad-source-number", Severity::Error, "a Source, Patch, NoSource or NoPatch number that is not valid"},
    RuleInfo{"carriage-return-line-feed", Severity::Warning, "the file has crlf line terminators"},
    RuleInfo{"changelog-syntax", Severity::Error, "a %changelog line before the first '*' entry"},
    RuleInfo{"changes-bad-date-line", Severity::Error, "a .changes entry header is not 'Www Mmm DD HH:MM:SS ZONE YYYY - Name <email>'"},
    RuleInfo{"changes-missing-separator", Severity::Error, "a .changes file has text before its first separator line"},
    RuleInfo{"changes-separator-length", Severity::Warning, "a .changes separator line is not exactly 67 dashes"},
    RuleInfo{"deb822-comment-not-allowed", Severity::Warning, "a comment line in a deb822 file other than debian/control"},
    RuleInfo{"deb822-continuation-before-field", Severity::Error, "a continuation line outside of a field"},
    RuleInfo{"deb822-duplicate-field", Severity::Error, "a field appears twice in one paragraph"},
    RuleInfo{"deb822-empty-field", Severity::Warning, "a field without a value outside debian/control"},
    RuleInfo{"deb822-invalid-field-name", Severity::Error, "a field name starts with a hyphen or has characters outside printable ascii"},
    RuleInfo{"deb822-missing-colon", Severity::Error, "a line is neither a field, a continuation line nor a comment"},
    RuleInfo{"deb822-unterminated-signature", Severity::Error, "openpgp armor without its end line"},
    RuleInfo{"deb822-whitespace-separator", Severity::Info, "a paragraph separator line contains whitespace"},
    RuleInfo{"debian-changelog-malformed-trailer", Severity::Error, "a debian/changelog trailer line does not parse"},
    RuleInfo{"debian-changelog-trailer-spacing", Severity::Warning, "a debian/changelog trailer has one space instead of two before the date"},
    RuleInfo{"debian-control-has-empty-field", Severity::Info, "an empty field in debian/control, which is ignored"},
    RuleInfo{"debian-rules-syntax", Severity::Error, "a debian/rules line make would reject"},
    RuleInfo{"debian-series-drift", Severity::Warning, "debian.series and the spec list different patches"},
    RuleInfo{"debian-source-format-syntax", Severity::Error, "debian/source/format is empty or has more than one line"},
    RuleInfo{"deprecated-tag", Severity::Warning, "a tag that rpm deprecates (PreReq, BuildPreReq)"},
    RuleInfo{"dsc-binary-drift", Severity::Warning, "the .dsc and debian.control name different binary packages"},
    RuleInfo{"dsc-build-depends-drift", Severity::Warning, "the .dsc and debian.control have different build dependencies"},
    RuleInfo{"duplicate-description", Severity::Warning, "a package has a second %description"},
    RuleInfo{"duplicate-else", Severity::Error, "a second %else, or an %elif after %else, in one conditional"},
    RuleInfo{"duplicate-package", Severity::Error, "two %package sections with the same name"},
    RuleInfo{"duplicate-section", Severity::Error, "a build section such as %build appears twice"},
    RuleInfo{"duplicate-source", Severity::Error, "two Source or Patch tags with the same number"},
    RuleInfo{"duplicate-tag", Severity::Error, "a tag that may appear once is repeated"},
    RuleInfo{"empty-tag", Severity::Error, "a preamble tag with no value"},
    RuleInfo{"expression-error", Severity::Error, "an rpm expression (%[ ], %{expr:}) does not evaluate"},
    RuleInfo{"file-contains-nul-byte", Severity::Error, "the file contains nul bytes"},
    RuleInfo{"file-too-large", Severity::Error, "the file is too large to be a packaging file and was not parsed"},
    RuleInfo{"illegal-character", Severity::Error, "a Version or Release with a character rpm does not allow"},
    RuleInfo{"include-recursion", Severity::Error, "%include nests too deeply, usually a file that includes itself"},
    RuleInfo{"internal-error", Severity::Error, "katalint failed on this input; please report it"},
    RuleInfo{"invalid-date-in-debian-changelog", Severity::Error, "a debian/changelog trailer date is invalid"},
    RuleInfo{"invalid-dependency", Severity::Error, "a dependency tag value is one rpm rejects"},
    RuleInfo{"invalid-encoding", Severity::Error, "a package header value is not valid UTF-8"},
    RuleInfo{"macro-builtin-arguments", Severity::Error, "a built-in macro gets an argument it does not take, or none"},
    RuleInfo{"macro-definition-failed", Severity::Error, "the body of a %global does not expand"},
    RuleInfo{"macro-echo", Severity::Info, "message printed by %{echo:}"},
    RuleInfo{"macro-empty-body", Severity::Error, "a macro definition has an empty body"},
    RuleInfo{"macro-error", Severity::Error, "%{error:} was expanded, which makes rpm fail"},
    RuleInfo{"macro-expansion-too-large", Severity::Error, "a macro expansion grows beyond katalint's size or work limit"},
    RuleInfo{"macro-illegal-name", Severity::Error, "a macro name rpm rejects (too short, a digit first, a built-in)"},
    RuleInfo{"macro-load-failed", Severity::Error, "%{load:} names a macro file that cannot be read"},
    RuleInfo{"macro-missing-whitespace", Severity::Warning, "no whitespace between a macro name and its body"},
    RuleInfo{"macro-not-found", Severity::Error, "%{macrobody:} names an undefined macro"},
    RuleInfo{"macro-recursion-limit", Severity::Error, "macro expansion nests deeper than rpm allows (64 levels)"},
    RuleInfo{"macro-unknown-option", Severity::Error, "a parametric macro gets an option it does not declare"},
    RuleInfo{"macro-unterminated-definition", Severity::Error, "a macro definition's options or body are not closed"},
    RuleInfo{"macro-unused-in-scope", Severity::Warning, "a macro defined inside a parametric macro is never used there"},
    RuleInfo{"macro-warn", Severity::Warning, "message printed by %{warn:}"},
    RuleInfo{"malformed-conditional", Severity::Error, "an %ifarch, %ifos or similar conditional without an argument"},
    RuleInfo{"malformed-debian-changelog-version", Severity::Error, "a debian/changelog version is invalid"},
    RuleInfo{"malformed-include", Severity::Error, "an %include without a file name"},
    RuleInfo{"malformed-tag", Severity::Error, "a preamble line that rpm rejects: not 'Tag: value', indented or empty"},
    RuleInfo{"missing-description", Severity::Error, "a package has no %description"},
    RuleInfo{"missing-include", Severity::Error, "an %include names a file that does not exist"},
    RuleInfo{"missing-required-tag", Severity::Error, "the main package has no Name, Version or Release"},
    RuleInfo{"national-encoding", Severity::Warning, "the file is not valid utf-8"},
    RuleInfo{"obs-service-invalid-xml", Severity::Error, "an OBS _service file is not well-formed xml"},
    RuleInfo{"obs-service-unexpected-element", Severity::Warning, "an OBS _service file is not <services> of <service> of <param>"},
    RuleInfo{"opaque-macro-value", Severity::Info, "a value depends on %(...) or %{lua:} output, which katalint does not compute"},
    RuleInfo{"orphan-line", Severity::Error, "a line after %end that belongs to no section"},
    RuleInfo{"shell-in-condition", Severity::Info, "an %if condition depends on %(...) or lua output that katalint does not run"},
    RuleInfo{"source-name-mismatch", Severity::Warning, "the spec, debian.control, .dsc and debian.changelog name different source packages"},
    RuleInfo{"spec-parse-error", Severity::Error, "rpm rejects the spec for this target"},
    RuleInfo{"syntax-error-in-debian-changelog", Severity::Warning, "a debian/changelog line is out of place or unrecognised"},
    RuleInfo{"unbalanced-macro-brace", Severity::Error, "a %{, %( or %[ that is never closed"},
    RuleInfo{"unbound-placeholder", Severity::Warning, "an OBS template placeholder has no value"},
    RuleInfo{"unknown-package", Severity::Error, "a section names a package that was never declared"},
    RuleInfo{"unknown-section", Severity::Error, "a %word line in the preamble that is neither a section nor a defined macro"},
    RuleInfo{"unknown-tag", Severity::Error, "a preamble line that is not a tag rpm knows"},
    RuleInfo{"unknown-target", Severity::Error, "the target profile does not exist"},
    RuleInfo{"unmatched-conditional", Severity::Error, "an %else, %elif or %endif with no open %if"},
    RuleInfo{"unreadable-file", Severity::Error, "the input file cannot be read"},
    RuleInfo{"unterminated-if", Severity::Error, "an %if with no matching %endif before the end of the file"},
    RuleInfo{"values-file-syntax", Severity::Error, "a --values file line is not KEY=VALUE"},
    RuleInfo{"version-mismatch", Severity::Warning, "the spec, .dsc and newest debian.changelog entry give different versions"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace katalint::rules
