// spec-name-mismatch: the spec file is not named after its Name tag.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// "foo" for ".../foo.spec", "foo.spec-template" and "foo.spec.in"; "" for stdin and others.
std::string_view stem(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {".spec", ".spec-template", ".spec.in"})
    if (base.size() > suffix.size() && base.substr(base.size() - suffix.size()) == suffix)
      return base.substr(0, base.size() - suffix.size());
  return {};
}

void check(const Context& ctx, Reporter& out) {
  const std::string_view file_stem = stem(ctx.file.path());
  if (file_stem.empty() || !ctx.package) return;
  const std::string& name = ctx.package->name;
  if (name.empty() || name.find_first_of("%$ ") != std::string::npos || name == file_stem) return;
  // Report at the Name tag as written.
  const SyntaxTree& tree = *ctx.spec;
  ir::Range where = package_line(ctx);
  if (const NodeId tag = tag_at(tree, where.begin); tag != rpmspec::kNoNode)
    if (const NodeId value = tree.child(tag, SyntaxKind::TagValue); value != rpmspec::kNoNode) where = tree.range(value);
  out.report(where, fmt::format("the package is named '{}' but the file is '{}.spec'; OBS and koji expect NAME.spec", name,
                                file_stem));
}

}  // namespace

extern const RuleInfo spec_name_mismatch;  // listed in rules/rules.def
constinit const RuleInfo spec_name_mismatch{
    .id = "spec-name-mismatch",
    .severity = ir::Severity::Error,
    .summary = "a spec file not named after its Name tag",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "invalid-spec-name",
    .doc = {.what = R"md(Reports a spec whose file name without `.spec` (or `.spec-template`, `.spec.in`) differs from the value of its `Name:` tag as evaluated for the target. Names that stay unknown macros and specs read from stdin are not checked.)md",
            .why = R"md(OBS and koji find the spec of a package by its name: `NAME.spec`. A mismatch means the build service builds another spec, or none.)md",
            .example = R"md(Name:           other
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

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

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: renaming the file (`git mv other.spec example.spec`) or the package is for the author to decide.)md",
            .reference = R"md(openSUSE *Specfile guidelines*; Fedora Packaging Guidelines ("Spec file naming"); rpmlint `invalid-spec-name` (source RPMs only).)md"},
    .check = check,
};

}  // namespace katalint::rules
