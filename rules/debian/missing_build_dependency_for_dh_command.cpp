// missing-build-dependency-for-dh-command: a dh_ command in debian/rules without its package in Build-Depends.
#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// lintian's Debhelper check overrides its tables for these: any of the packages will do.
constexpr std::pair<std::string_view, std::string_view> kManualCommandPrerequisites[] = {
    {"dh_apache2", "dh-apache2 apache2-dev"},
    {"dh_autoreconf", "dh-autoreconf debhelper debhelper-compat"},
    {"dh_autoreconf_clean", "dh-autoreconf debhelper debhelper-compat"},
    {"dh_dkms", "dkms dh-sequence-dkms"},
    {"dh_girepository", "gobject-introspection dh-sequence-gir"},
    {"dh_gnome", "gnome-pkg-tools dh-sequence-gnome"},
    {"dh_gnome_clean", "gnome-pkg-tools dh-sequence-gnome"},
    {"dh_lv2config", "lv2core"},
    {"dh_make_pgxs", "postgresql-server-dev-all postgresql-all"},
    {"dh_nativejava", "gcj-native-helper default-jdk-builddep"},
    {"dh_pgxs_test", "postgresql-server-dev-all postgresql-all"},
    {"dh_python2", "dh-python dh-sequence-python2"},
    {"dh_python3", "dh-python dh-sequence-python3 pybuild-plugin-pyproject"},
    {"dh_sphinxdoc", "sphinx python-sphinx python3-sphinx dh-sequence-sphinxdoc"},
    {"dh_xine", "libxine-dev libxine2-dev"},
};

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control || !pd.debian_rules) return;
  const auto deps = build_depends_names(*pd.control);
  std::set<std::string> reported;
  for (const auto& rule : pd.debian_rules->rules) {
    for (const auto& line : rule.recipe) {
      for (const auto& [at, word] : recipe_words(line.text)) {
        if (!word.starts_with("dh_")) continue;
        const auto packages = dh_prerequisites(kManualCommandPrerequisites, word, dh_command_package(word));
        if (packages.empty() || packages.front() == "debhelper" || any_in(packages, deps)) continue;
        // debhelper from compat 10 pulls these in.
        if ((packages.front() == "autotools-dev" || packages.front() == "dh-strip-nondeterminism") &&
            debhelper_compat_level(*pd.control) >= 10)
          continue;
        if (!reported.insert(std::string(word)).second) continue;
        out.report(line.text_range, fmt::format("'{}' comes from '{}', which is not in Build-Depends", word, packages.front()));
      }
    }
  }
}

}  // namespace

extern const RuleInfo missing_build_dependency_for_dh_command;  // listed in rules/rules.def
constinit const RuleInfo missing_build_dependency_for_dh_command{
    .id = "missing-build-dependency-for-dh-command",
    .severity = ir::Severity::Error,
    .summary = "a dh_ command in debian/rules without its package in Build-Depends",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .aliases = "missing-build-dependency-for-dh_-command",
    .doc = {.what = R"md(Reports a `dh_` command run in a `debian/rules` recipe whose package (lintian's table: `dh_golang` → `dh-golang`, `dh_python3` → `dh-python`, ...) is not in `Build-Depends`. Commands of debhelper itself are not reported.)md",
             .why = R"md(The build fails with "command not found" on a clean build system. lintian reports `missing-build-dependency-for-dh_-command`.)md",
             .example = R"md(debian/rules:    override_dh_auto_install:
                      dh_golang
debian/control:  Build-Depends: debhelper-compat (= 13)
)md",
             .use_instead = R"md(debian/control:  Build-Depends: debhelper-compat (= 13), dh-golang
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(lintian `missing-build-dependency-for-dh_-command` (data/debhelper/commands.json of lintian 2.116.3); rules-debian.md DEB-R011.)md",
             .example_file = "debian/rules",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
