// build-system-tag: tags the build system owns (Packager, Vendor, Distribution, BuildRoot, ...).
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool literal_path(std::string_view value) {
  value = trim(value);
  return !value.empty() && value.front() == '/' && value.find('%') == std::string_view::npos &&
         value.find('$') == std::string_view::npos;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const std::string_view name = line.tag;
    const std::string_view value = trim(tag_value(tree, line.line));
    const NodeId name_node = tree.child(line.line, SyntaxKind::TagName);
    const std::string_view shown = tree.text_of(name_node);
    std::string message;
    ir::Severity severity = ir::Severity::Warning;
    if (name == "packager" || name == "vendor" || name == "distribution") {
      message = fmt::format("the {} tag is set by the build system", shown);
    } else if (name == "buildroot") {
      message = literal_path(value) ? fmt::format("{} holds a literal path; rpm ignores the tag since 4.6", shown)
                                    : fmt::format("rpm ignores the {} tag since 4.6", shown);
      if (!literal_path(value)) severity = ir::Severity::Info;
    } else if (name == "autoreqprov" && (lower(value) == "yes" || lower(value) == "on" || value == "1")) {
      message = fmt::format("'{}: {}' is rpm's default", shown, value);
      severity = ir::Severity::Info;
    } else if (name == "group" && ctx.family == Family::Fedora) {
      message = fmt::format("Fedora does not use the {} tag", shown);
      severity = ir::Severity::Info;
    } else {
      return;
    }
    out.report(tree.range(name_node), std::move(message))
        .severity(severity)
        .fix(fmt::format("remove the {} line", shown), ir::Applicability::Safe, {{tree.range(line.line), ""}});
  });
}

}  // namespace

extern const RuleInfo build_system_tag;  // listed in rules/rules.def
constinit const RuleInfo build_system_tag{
    .id = "build-system-tag",
    .severity = ir::Severity::Warning,
    .summary = "a tag the build system owns: Packager, Vendor, Distribution, BuildRoot, AutoReqProv, Group",
    .fix = FixAvailability::Safe,
    .aliases = "hardcoded-packager-tag hardcoded-path-in-buildroot-tag non-standard-group",
    .doc = {.what = R"md(Reports preamble tags whose value the build system sets or that rpm ignores:

- `Packager:`, `Vendor:` and `Distribution:` (warning): OBS and koji set them for the distribution;
- `BuildRoot:` (info; warning when it holds a literal path): rpm ignores it since 4.6;
- `AutoReqProv: yes` (info): the default;
- `Group:` with a Fedora target (info): Fedora dropped groups. SUSE stopped validating them in 2019, so the rule leaves them alone there.)md",
            .why = R"md(A hard-coded packager or vendor ends up in every build of the package, whoever builds it, and distributions reject it. The other tags are noise that copies from old templates.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Packager:       Jane Doe <jane@example.org>
BuildRoot:      %{_tmppath}/%{name}-%{version}-build

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
            .fix_safety = R"md(Safe: the fix deletes the line. The build system sets these values itself, and rpm ignores `BuildRoot` and the default `AutoReqProv`, so the built package does not change.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Tags and Sections"; openSUSE *Package group guidelines*; rpmlint `hardcoded-packager-tag`, `hardcoded-path-in-buildroot-tag`, `non-standard-group`; spec-cleaner removes these tags.)md"},
    .check = check,
};

}  // namespace katalint::rules
