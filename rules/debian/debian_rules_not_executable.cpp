// debian-rules-not-executable: a debian/rules file without execute permission.
#include <filesystem>

#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const frontend::PackageDirectory& pd, const ir::SourceManager& sources, Reporter& out) {
  const auto* rules = pd.primary_file(frontend::FileKind::DebianRules);
  // OBS copies debian.rules into place and makes it executable itself.
  if (rules == nullptr || rules->id == ir::kNoFile || !rules->path.ends_with("debian/rules")) return;
  std::error_code error;
  const auto status = std::filesystem::status(std::filesystem::path(rules->path), error);
  if (error || !std::filesystem::is_regular_file(status)) return;
  using std::filesystem::perms;
  if ((status.permissions() & (perms::owner_exec | perms::group_exec | perms::others_exec)) != perms::none) return;
  const auto& file = sources.file(rules->id);
  out.report({rules->id, 0, static_cast<std::uint32_t>(file.line_text(1).size())},
             "debian/rules is not executable; dpkg-buildpackage runs it directly (chmod 0755)");
}

}  // namespace

extern const RuleInfo debian_rules_not_executable;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_not_executable{
    .id = "debian-rules-not-executable",
    .severity = ir::Severity::Info,
    .summary = "a debian/rules file without execute permission",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a `debian/rules` file that has no execute permission (OBS `debian.rules` is exempt: OBS makes it executable).)md",
             .why = R"md(dpkg-buildpackage runs `debian/rules` as a program (Policy 4.9); dpkg-source only warns and fixes the mode in the unpacked tree, so builds from a git checkout fail. lintian reports `debian-rules-not-executable`.)md",
             .example = R"md(debian/rules   (mode 0644)
)md",
             .use_instead = R"md(debian/rules   (mode 0755)
)md",
             .fix_safety = R"md(katalint offers no fix: it does not change file modes.)md",
             .reference = R"md(Debian Policy 4.9; lintian `debian-rules-not-executable`; rules-debian.md DEB-U001.)md",
             .example_file = "debian/rules",
             .not_runnable = "the file mode is not part of the example text; tests/unit/debian_package_rules_test.cpp writes both modes"},
    .package_check = check,
};

}  // namespace katalint::rules
