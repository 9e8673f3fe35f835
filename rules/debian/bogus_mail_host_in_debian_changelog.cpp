// bogus-mail-host-in-debian-changelog: a changelog trailer whose address has no valid mail host.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool label_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

// Data::Validate::Domain's is_domain without TLD validation: two or more labels of letters,
// digits and inner hyphens.
bool valid_domain(std::string_view host) {
  const auto labels = split(host, ".");
  if (labels.size() < 2 || host.front() == '.' || host.find("..") != std::string_view::npos) return false;
  for (const auto l : labels) {
    if (l.size() > 63 || l.front() == '-' || l.back() == '-') return false;
    for (char c : l)
      if (!label_char(c)) return false;
  }
  return true;
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.changelog == nullptr) return;
  for (const auto& e : ctx.changelog->entries) {
    if (e.author.empty() || unresolved(e.author)) continue;
    const std::string_view mail = e.email;
    const auto at = mail.rfind('@');
    const bool ok = at != std::string_view::npos && at > 0 && mail.find_first_of(" /<>") == std::string_view::npos &&
                    valid_domain(mail.substr(at + 1));
    if (ok) continue;
    ir::Range range = e.trailer_range;
    if (range.valid() && !mail.empty()) {
      const std::string_view line = ctx.file.text().substr(range.begin, range.end - range.begin);
      if (const auto pos = line.find(mail); pos != std::string_view::npos)
        range = {range.file, range.begin + static_cast<std::uint32_t>(pos),
                 range.begin + static_cast<std::uint32_t>(pos + mail.size())};
    }
    out.report(range, fmt::format("'{}' is not a mail address with a valid host (entry {})", mail, e.version));
  }
}

}  // namespace

extern const RuleInfo bogus_mail_host_in_debian_changelog;  // listed in rules/rules.def
constinit const RuleInfo bogus_mail_host_in_debian_changelog{
    .id = "bogus-mail-host-in-debian-changelog",
    .severity = ir::Severity::Error,
    .summary = "a changelog trailer whose address has no valid mail host",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports a changelog trailer (` -- Name <address>  date`) whose address is not `user@host` with a host name of two or more labels: a URL, `localhost`, a bare user name.)md",
             .why = R"md(The archive mails the person who made the upload; Kata's OBS changelogs used `<https://github.com/...>`. lintian reports `bogus-mail-host-in-debian-changelog`.)md",
             .example = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@localhost>  Thu, 27 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@example.org>  Thu, 27 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.4; lintian `bogus-mail-host-in-debian-changelog`; rules-debian.md DEB-L004.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
