// source-without-url: a source archive without a download URL.
#include <array>
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool archive(std::string_view name) {
  const std::string n = lower(name);
  static constexpr std::array<std::string_view, 17> kSuffixes = {
      ".tar",     ".tar.gz", ".tgz",  ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst",
      ".tar.lz",  ".tar.lzma", ".tlz", ".tar.zstd", ".zip", ".7z", ".gem", ".crate"};
  for (std::string_view s : kSuffixes)
    if (ends_with(n, s)) return true;
  return false;
}

// scheme://host/...
bool url(std::string_view s) {
  const std::size_t sep = s.find("://");
  if (sep == std::string_view::npos || sep == 0) return false;
  for (char c : s.substr(0, sep))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  const std::string_view rest = s.substr(sep + 3);
  return !rest.empty() && rest.front() != '/';
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  if (!ctx.package || ctx.package->parse_failed) {
    // rpm rejects the spec for another reason: read the Source tags as written, where they
    // hold no macros.
    for_each_line(ctx, [&](const LineInfo& line) {
      if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
      const std::string_view name = line.tag;
      if (name.substr(0, 6) != "source") return;
      const std::string_view value = trim(tag_value(tree, line.line));
      if (value.find('%') != std::string_view::npos || !archive(value) || url(value)) return;
      const std::string_view number = name == "source" ? "0" : name.substr(6);
      out.report(tree.range(tree.child(line.line, SyntaxKind::TagValue)),
                 fmt::format("Source{} '{}' is an archive without a download URL", number, value));
    });
    return;
  }
  for (const auto& src : ctx.package->sources) {
    if (src.is_patch || src.range.file != ctx.file.id()) continue;
    const std::string_view value = trim(src.value);
    if (!archive(value) || url(value)) continue;
    ir::Range where = src.range;
    if (const NodeId tag = tag_at(tree, src.range.begin); tag != rpmspec::kNoNode) {
      const NodeId v = tree.child(tag, SyntaxKind::TagValue);
      if (v != rpmspec::kNoNode) where = tree.range(v);
    }
    out.report(where, fmt::format("Source{} '{}' is an archive without a download URL", src.number, value));
  }
}

}  // namespace

extern const RuleInfo source_without_url;  // listed in rules/rules.def
constinit const RuleInfo source_without_url{
    .id = "source-without-url",
    .severity = ir::Severity::Warning,
    .summary = "a source archive without a download URL",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "invalid-url",
    .doc = {.what = R"md(Reports a `SourceN:` that names an archive (`.tar*`, `.tgz`, `.zip`, `.7z`, `.gem`, `.crate`, ...) but is not a `scheme://host/...` URL after macro expansion.)md",
            .why = R"md(The full upstream URL lets reviewers and tools verify that the archive is the one upstream published and find newer versions. Fedora's guidelines ask for the complete upstream URL in Source; openSUSE's for a URL wherever one exists.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-1.0.tar.gz

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
Source0:        https://example.org/releases/example-1.0.tar.gz

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: only the packager knows where the archive comes from; `%{url}/archive/v%{version}/%{name}-%{version}.tar.gz` is a common form for forges.)md",
            .reference = R"md(rpmlint `invalid-url`; Fedora Packaging Guidelines, source URL; openSUSE spec file guidelines.)md"},
    .check = check,
};

}  // namespace katalint::rules
