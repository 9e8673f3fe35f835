// files-path-not-absolute: a %files entry that is not an absolute path for the target.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool relative_allowed(const ir::FileEntry& e) {
  for (const std::string& d : e.directives)
    if (d.substr(0, 4) == "%doc" || d.substr(0, 8) == "%license") return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package) return;
  for (const auto& pkg : ctx.package->packages) {
    for (const auto& list : pkg.files) {
      for (const auto& e : list.entries) {
        if (e.range.file != ctx.file.id() || e.path.empty() || e.path.front() == '/' || relative_allowed(e)) continue;
        // The line as written decides for %doc and %license, whatever the evaluation made of them.
        const std::string_view written = ctx.file.text().substr(e.range.begin, e.range.end - e.range.begin);
        if (written.find("%doc") != std::string_view::npos || written.find("%license") != std::string_view::npos) continue;
        const bool macro = written.find('%') != std::string_view::npos;
        std::string message = fmt::format("'{}' is not an absolute path for {}; rpmbuild stops with \"File must begin with /\"{}",
                                          trim(written), ctx.target, macro ? " (is a macro undefined?)" : "");
        out.report(e.range, std::move(message));
      }
    }
  }
}

}  // namespace

extern const RuleInfo files_path_not_absolute;  // listed in rules/rules.def
constinit const RuleInfo files_path_not_absolute{
    .id = "files-path-not-absolute",
    .severity = ir::Severity::Error,
    .summary = "a %files entry that is not an absolute path for the target",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports a `%files` entry that, expanded with the target's macros, does not start with `/`; usually a macro the target does not define or a typo. `%doc` and `%license` entries may be relative. Only the branches the target takes are evaluated.)md",
            .why = R"md(rpmbuild stops with "File must begin with /". When the macro exists on one distribution only (`%{_unitdir}` without systemd-rpm-macros, `%{_fillupdir}` outside SUSE), the spec builds there and fails elsewhere.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_unitdir_typo}/example.service
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
%{_unitdir}/example.service
)md",
            .fix_safety = R"md(No fix: the intended macro or path is for the author to say.)md",
            .reference = R"md(rpm ("File must begin with /"); rpmlint#610.)md"},
    .check = check,
};

}  // namespace katalint::rules
