// suse-changes-file-missing: no %changelog heading, or no NAME.changes next to the spec.
#include <dirent.h>

#include <filesystem>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;
namespace fs = std::filesystem;

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  if (section_headers(ctx, "changelog").empty()) {
    const auto end = static_cast<std::uint32_t>(text.size());
    const std::string insert = (text.empty() || text.back() == '\n' ? "\n" : "\n\n") + std::string("%changelog\n");
    out.report(package_line(ctx), "no %changelog heading; OBS appends NAME.changes under it")
        .fix("append an empty %changelog", ir::Applicability::Safe, {{{ctx.file.id(), end, end}, insert}});
  }
  // The .changes file is looked for only next to a spec that is itself on disk.
  if (!ctx.package || ctx.package->name.empty() || ctx.package->name.find('%') != std::string::npos) return;
  std::error_code ec;
  const fs::path spec = ctx.file.path();
  if (!fs::is_regular_file(spec, ec)) return;
  const fs::path changes = spec.parent_path() / (ctx.package->name + ".changes");
  // Multi-spec packages share the changes file of the spec's own name.
  const fs::path by_file = spec.parent_path() / (spec.stem().string() + ".changes");
  if (fs::exists(changes, ec) || fs::exists(by_file, ec)) return;
  // Only in an OBS package directory: a lone spec (a new package, a test file) has no history yet.
  // readdir, not fs::directory_iterator: building a path per entry costs more than the rest of
  // the check, in directories of a hundred specs.
  bool obs_directory = false;
  const fs::path dir = spec.parent_path().empty() ? fs::path(".") : spec.parent_path();
  if (DIR* d = opendir(dir.c_str())) {
    for (const dirent* entry; !obs_directory && (entry = readdir(d)) != nullptr;) {
      const std::string_view name = entry->d_name;
      obs_directory = name == "_service" || name == "_multibuild" || name == ".osc" ||
                      (name.size() > 8 && name.ends_with(".changes"));  // path::extension() is "" for ".changes"
    }
    closedir(d);
  }
  if (!obs_directory) return;
  out.report(package_line(ctx), fmt::format("no {}.changes next to the spec; SUSE packages record their history there",
                                          ctx.package->name));
}

}  // namespace

extern const RuleInfo suse_changes_file_missing;  // listed in rules/rules.def
constinit const RuleInfo suse_changes_file_missing{
    .id = "suse-changes-file-missing",
    .severity = ir::Severity::Warning,
    .summary = "a SUSE spec without a %changelog heading or a NAME.changes file",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .aliases = "no-changelogname-tag",
    .doc = {.what = R"md(Reports a spec without a `%changelog` heading (in any branch), and a spec in an OBS package directory (one with a `_service`, `_multibuild`, `.osc` or any `.changes` file) that has no `NAME.changes` (or `SPECNAME.changes`).)md",
            .why = R"md(OBS merges `NAME.changes` into the package under the `%changelog` heading; without the heading the history is dropped, and without the file the package has none, which openSUSE's review rejects.)md",
            .example = R"md(Name:           example
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

%changelog
)md",
            .fix_safety = R"md(Safe: an empty `%changelog` heading at the end of the file changes nothing in the build. The `.changes` file itself has no fix: `osc vc` creates it with the packager's address.)md",
            .reference = R"md(openSUSE *Creating a changes file (RPM)*; rpmlint (openSUSE) `no-changelogname-tag`.)md"},
    .check = check,
};

}  // namespace katalint::rules
