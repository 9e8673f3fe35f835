// zypp-legacy-dependency-syntax: packageand(a:b) and otherproviders(x) in dependencies.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    if (value == rpmspec::kNoNode) return;
    const std::string_view text = tree.text_of(value);
    for (std::string_view fn : {"packageand(", "otherproviders("}) {
      for (std::size_t at = text.find(fn); at != std::string_view::npos; at = text.find(fn, at + 1)) {
        const std::size_t close = text.find(')', at);
        if (close == std::string_view::npos) break;
        const std::string_view inner = text.substr(at + fn.size(), close - at - fn.size());
        std::string replacement;
        if (fn == "otherproviders(") {
          replacement = std::string(trim(inner));
        } else {
          replacement = "(";
          std::size_t p = 0;
          while (p <= inner.size()) {
            const std::size_t e = std::min(inner.find(':', p), inner.size());
            replacement += (replacement.size() > 1 ? " and " : "") + std::string(trim(inner.substr(p, e - p)));
            p = e + 1;
          }
          replacement += ")";
        }
        const auto begin = tree.node(value).begin + static_cast<std::uint32_t>(at);
        const ir::Range where{tree.file, begin, begin + static_cast<std::uint32_t>(close - at + 1)};
        auto d = out.report(where, fmt::format("{}...) is zypp's old syntax; rpm's rich dependency is {}",
                                               fn, replacement));
        // A rich dependency needs rpm >= 4.13 in the tag that carries it; SUSE has had it since 15.
        d.fix(fmt::format("use {}", replacement), ir::Applicability::Safe, {{where, replacement}});
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo zypp_legacy_dependency_syntax;  // listed in rules/rules.def
constinit const RuleInfo zypp_legacy_dependency_syntax{
    .id = "zypp-legacy-dependency-syntax",
    .severity = ir::Severity::Warning,
    .summary = "packageand() or otherproviders() in a dependency",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .aliases = "suse-zypp-packageand suse-zypp-otherproviders",
    .doc = {.what = R"md(Reports `packageand(a:b)` and `otherproviders(x)` in any tag (mostly `Supplements:`), in any branch.)md",
            .why = R"md(These are zypp-only pseudo-dependencies from before rpm had rich dependencies. rpm's `(a and b)` says the same to every tool, and `otherproviders(x)` is plain `x` to today's zypp.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Supplements:    packageand(example:bash)

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
Supplements:    (example and bash)

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: `(a and b)` is the rich-dependency form of `packageand(a:b)` and zypp resolves both the same way; `otherproviders(x)` has meant `x` since zypp dropped the special case.)md",
            .reference = R"md(rpmlint (openSUSE) `suse-zypp-packageand`, `suse-zypp-otherproviders`; spec-cleaner rewrites both.)md"},
    .check = check,
};

}  // namespace katalint::rules
