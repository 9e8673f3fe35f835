// suse-patch-comment-missing: a PatchN line without a comment about its origin.
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const auto& all = lines(ctx);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const LineInfo& line = all[i];
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) continue;
    const std::string_view name = line.tag;
    if (name.substr(0, 5) != "patch" || (name.size() > 5 && !std::isdigit(static_cast<unsigned char>(name[5])))) continue;
    // The line above, skipping conditional lines, must be a comment.
    std::size_t k = i;
    while (k > 0) {
      const SyntaxKind pk = tree.kind(all[k - 1].line);
      if (pk != SyntaxKind::IfDirective && pk != SyntaxKind::ElseDirective && pk != SyntaxKind::ElifDirective &&
          pk != SyntaxKind::EndifDirective)
        break;
      --k;
    }
    if (k > 0 && tree.kind(all[k - 1].line) == SyntaxKind::Comment) continue;
    auto d = out.report(without_newline(tree, line.line),
                        fmt::format("{} has no comment above it saying where it comes from and why, e.g. "
                                    "'# PATCH-FIX-UPSTREAM name.patch bsc#123 -- why'",
                                    tree.text_of(tree.child(line.line, SyntaxKind::TagName))));
    note_branch(ctx, d, tree.node(line.line).begin);
  }
}

}  // namespace

extern const RuleInfo suse_patch_comment_missing;  // listed in rules/rules.def
constinit const RuleInfo suse_patch_comment_missing{
    .id = "suse-patch-comment-missing",
    .severity = ir::Severity::Info,
    .summary = "a PatchN line without a comment that says where the patch comes from",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports a `PatchN:` tag (any branch) whose line above (conditional lines skipped) is not a comment.)md",
            .why = R"md(openSUSE's patch guidelines mark every patch with its origin and upstream status (`# PATCH-FIX-UPSTREAM name.patch bsc#123 -- why`, `PATCH-FEATURE-OPENSUSE`, ...), so reviewers and later maintainers know whether it can be dropped on the next update.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Patch0:         fix-build.patch

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
# PATCH-FIX-UPSTREAM fix-build.patch gh#example/example#12 -- fix the build with gcc 14
Patch0:         fix-build.patch

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: only the packager knows the patch's origin.)md",
            .reference = R"md(openSUSE *Packaging Patches guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
