#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {
namespace {

using ir::Severity;

// Sorted by id. Ids are never reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
    RuleInfo{"bad-relation", Severity::Error, "a relationship field (Depends, Build-Depends, ...) does not parse"},
    RuleInfo{"carriage-return-line-feed", Severity::Warning, "the file has crlf line terminators"},
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
    RuleInfo{"debian-source-format-syntax", Severity::Error, "debian/source/format is empty or has more than one line"},
    RuleInfo{"file-contains-nul-byte", Severity::Error, "the file contains nul bytes"},
    RuleInfo{"file-too-large", Severity::Error, "the file is too large to be a packaging file and was not parsed"},
    RuleInfo{"internal-error", Severity::Error, "katalint failed on this input; please report it"},
    RuleInfo{"invalid-date-in-debian-changelog", Severity::Error, "a debian/changelog trailer date is invalid"},
    RuleInfo{"malformed-debian-changelog-version", Severity::Error, "a debian/changelog version is invalid"},
    RuleInfo{"national-encoding", Severity::Warning, "the file is not valid utf-8"},
    RuleInfo{"obs-service-invalid-xml", Severity::Error, "an OBS _service file is not well-formed xml"},
    RuleInfo{"obs-service-unexpected-element", Severity::Warning, "an OBS _service file is not <services> of <service> of <param>"},
    RuleInfo{"syntax-error-in-debian-changelog", Severity::Warning, "a debian/changelog line is out of place or unrecognised"},
    RuleInfo{"unbound-placeholder", Severity::Warning, "an OBS template placeholder has no value"},
    RuleInfo{"unreadable-file", Severity::Error, "the input file cannot be read"},
    RuleInfo{"values-file-syntax", Severity::Error, "a --values file line is not KEY=VALUE"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace katalint::rules
