// fedora-changelog-format: %changelog headers without an address or version, a top entry
// whose version is not the package's, and %autorelease without %autochangelog (or back).
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const std::string_view text = ctx.file.text();
  const bool autorelease = text.find("%autorelease") != std::string_view::npos || text.find("%{autorelease") != std::string_view::npos;
  const bool autochangelog = text.find("%autochangelog") != std::string_view::npos || text.find("%{autochangelog") != std::string_view::npos;
  if (autorelease != autochangelog) {
    out.report(package_line(ctx), autorelease ? "%autorelease without %autochangelog; rpmautospec manages both together"
                                              : "%autochangelog without %autorelease; rpmautospec manages both together")
        .severity(ir::Severity::Info);
  }
  bool top = true;
  for (NodeId h : tree.all_of(SyntaxKind::ChangelogHeader)) {
    const NodeId author = tree.child(h, SyntaxKind::ChangelogAuthor);
    const NodeId version = tree.child(h, SyntaxKind::ChangelogVersion);
    const bool address = author != rpmspec::kNoNode && tree.text_of(author).find('<') != std::string_view::npos &&
                         tree.text_of(author).find('>') != std::string_view::npos;
    if (!address || version == rpmspec::kNoNode) {
      auto d = out.report(without_newline(tree, h), !address ? "the entry has no <email> after the name"
                                                              : "the entry has no '- VERSION-RELEASE' at the end");
      note_branch(ctx, d, tree.node(h).begin);
    } else if (top && ctx.package && !ctx.package->version.empty() && ctx.package->version.find('%') == std::string::npos) {
      // The top entry names the version being built; its release may differ by the dist tag.
      std::string_view v = trim(tree.text_of(version));
      if (const std::size_t colon = v.find(':'); colon != std::string_view::npos) v.remove_prefix(colon + 1);
      const std::size_t dash = v.rfind('-');
      const std::string_view entry_version = dash == std::string_view::npos ? v : v.substr(0, dash);
      if (entry_version.find('%') == std::string_view::npos && entry_version != ctx.package->version) {
        auto d = out.report(tree.range(version), fmt::format("the newest entry is for {}, but the package is version {}",
                                                              entry_version, ctx.package->version));
        note_branch(ctx, d, tree.node(h).begin);
      }
    }
    top = false;
  }
}

}  // namespace

extern const RuleInfo fedora_changelog_format;  // listed in rules/rules.def
constinit const RuleInfo fedora_changelog_format{
    .id = "fedora-changelog-format",
    .severity = ir::Severity::Warning,
    .summary = "a %changelog entry header Fedora tools cannot read, or a top entry that does not match the version",
    .kinds = kSpecFiles,
    .families = kFedora,
    .fix = FixAvailability::None,
    .aliases = "no-version-in-last-changelog incoherent-version-in-changelog",
    .doc = {.what = R"md(With a Fedora target: reports a `%changelog` entry header without `<email>` or without a trailing `- [E:]VERSION-RELEASE`, a newest entry whose version is not the package's Version, and (info) `%autorelease` used without `%autochangelog` or the other way round.)md",
            .why = R"md(Fedora's guidelines fix the header format `* Day Mon DD YYYY Name <email> - VERSION-RELEASE`; Bodhi, fedpkg and rpmlint read it, and a top entry for another version means the changelog was not updated with the version. rpmautospec computes the release and the changelog from the same git history, so the two macros belong together.)md",
            .example = R"md(Name:           example
Version:        1.1
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Tue Jan 02 2024 Jane Doe <jane@example.org> - 1.0-1
- Initial package
)md",
            .use_instead = R"md(Name:           example
Version:        1.1
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Wed Jan 03 2024 Jane Doe <jane@example.org> - 1.1-1
- Update to 1.1

* Tue Jan 02 2024 Jane Doe <jane@example.org> - 1.0-1
- Initial package
)md",
            .fix_safety = R"md(No fix: the entry's text and author come from the packager.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Changelogs"; Fedora rpmautospec documentation; rpmlint `no-version-in-last-changelog`, `incoherent-version-in-changelog` (built packages).)md"},
    .check = check,
};

}  // namespace katalint::rules
