// license-file-not-packaged: no %files section of the spec packages a %license file.
#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

void check(const Context& ctx, Reporter& out) {
  bool license = false;
  std::uint32_t first_files = 0;
  bool have_files = false;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.section != "files") return;
    if (line.kind == rpmspec::SyntaxKind::SectionHeader) {
      if (!have_files) {
        first_files = line.begin;
        have_files = true;
      }
      return;
    }
    const std::string_view t = spec_support::trim(line.text);
    if (starts_with(t, "%license") || starts_with(t, "%{license}")) license = true;
  });
  if (!have_files || license) return;
  // `%files -f list` may list it: be silent then.
  bool from_list = false;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind == rpmspec::SyntaxKind::SectionHeader && line.section == "files" &&
        line.text.find(" -f") != std::string_view::npos)
      from_list = true;
  });
  if (from_list) return;
  out.report(range_at(ctx, first_files, 6), "no %files section packages a license file with %license");
}

}  // namespace

extern const RuleInfo license_file_not_packaged;  // listed in rules/rules.def
constinit const RuleInfo license_file_not_packaged{
    .id = "license-file-not-packaged",
    .severity = ir::Severity::Warning,
    .summary = "no %files section packages a license file",
    .aliases = "no-license-file",
    .doc = {.what = R"md(Reports a spec none of whose `%files` sections has a `%license` entry. A `%files -f LIST` section may list the license in its file, so a spec with one is not reported. The finding is at the first `%files`.)md",
            .why = R"md(Most licenses require the license text to travel with the binaries, and the distributions' reviews decline packages without it. `%license` (not `%doc`) installs it under `%{_licensedir}`, where it stays even when documentation is excluded.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%doc README.md
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
%license LICENSE
%doc README.md
)md",
            .fix_safety = R"md(No fix: the name of the license file is in the sources.)md",
            .reference = R"md(openSUSE *Packaging guidelines*, "Licensing"; Fedora *Licensing guidelines* ("License Text"); rpm `%license`.)md"},
    .check = check,
};

}  // namespace katalint::rules
