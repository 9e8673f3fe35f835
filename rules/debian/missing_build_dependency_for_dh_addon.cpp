// missing-build-dependency-for-dh-addon: dh --with ADDON without the package that provides the add-on in Build-Depends.
#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// lintian's Debhelper check overrides its tables for these: any of the packages will do.
constexpr std::pair<std::string_view, std::string_view> kManualAddonPrerequisites[] = {
    {"ada_library", "dh-ada-library dh-sequence-ada-library"},
    {"apache2", "dh-apache2 apache2-dev"},
    {"autoreconf", "dh-autoreconf debhelper debhelper-compat"},
    {"cli", "cli-common-dev dh-sequence-cli"},
    {"dwz", "debhelper debhelper-compat dh-sequence-dwz"},
    {"installinitramfs", "debhelper debhelper-compat dh-sequence-installinitramfs"},
    {"gnome", "gnome-pkg-tools dh-sequence-gnome"},
    {"lv2config", "lv2core"},
    {"nodejs", "pkg-js-tools dh-sequence-nodejs"},
    {"perl_dbi", "libdbi-perl dh-sequence-perl-dbi"},
    {"perl_imager", "libimager-perl dh-sequence-perl-imager"},
    {"pgxs", "postgresql-server-dev-all postgresql-all"},
    {"pgxs_loop", "postgresql-server-dev-all postgresql-all"},
    {"pypy", "dh-python dh-sequence-pypy"},
    {"python2", "python2 python2-dev dh-sequence-python2"},
    {"python3", "python3 python3-all python3-dev python3-all-dev dh-sequence-python3"},
    {"scour", "scour python-scour dh-sequence-scour"},
    {"sphinxdoc", "sphinx python-sphinx python3-sphinx dh-sequence-sphinxdoc"},
    {"systemd", "debhelper debhelper-compat dh-sequence-systemd dh-systemd"},
    {"vim_addon", "dh-vim-addon dh-sequence-vim-addon"},
};

bool has_debhelper(const std::set<std::string>& deps) {
  return deps.count("debhelper") != 0 || deps.count("debhelper-compat") != 0;
}

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control || !pd.debian_rules) return;
  const auto deps = build_depends_names(*pd.control);
  for (const auto& rule : pd.debian_rules->rules) {
    for (const auto& line : rule.recipe) {
      const auto w = recipe_words(line.text);
      if (w.empty() || w[0].second != "dh") continue;
      for (std::size_t i = 1; i < w.size(); ++i) {
        std::string_view list;
        if (w[i].second == "--with" && i + 1 < w.size()) list = w[i + 1].second;
        else if (w[i].second.starts_with("--with=")) list = w[i].second.substr(7);
        else continue;
        for (const auto addon : split(list, ",")) {
          std::string name(addon);
          for (char& c : name) c = c == '-' ? '_' : c;
          if (unresolved(addon)) continue;
          // From compat 10 debhelper runs dh_autoreconf itself.
          if (name == "autoreconf" && debhelper_compat_level(*pd.control) >= 10) continue;
          auto packages = dh_prerequisites(kManualAddonPrerequisites, name, dh_addon_package(name));
          if (packages.empty()) continue;
          std::string sequence = "dh-sequence-" + std::string(addon);
          for (char& c : sequence) c = c == '_' ? '-' : c;
          if (deps.count(sequence) != 0 || any_in(packages, deps)) continue;
          const bool in_debhelper = packages.front() == "debhelper" || packages.front() == "libdebhelper-perl";
          if (in_debhelper && has_debhelper(deps)) continue;
          const std::string_view package = packages.front();
          out.report(line.text_range, fmt::format("dh add-on '{}' needs '{}' (or '{}') in Build-Depends", addon, package, sequence));
        }
      }
    }
  }
}

}  // namespace

extern const RuleInfo missing_build_dependency_for_dh_addon;  // listed in rules/rules.def
constinit const RuleInfo missing_build_dependency_for_dh_addon{
    .id = "missing-build-dependency-for-dh-addon",
    .severity = ir::Severity::Error,
    .summary = "dh --with ADDON without the package that provides the add-on in Build-Depends",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports `dh $@ --with ADDON` in `debian/rules` when neither the package that provides the add-on (lintian's table: `golang` → `dh-golang`, `python3` → `dh-python`, ...) nor `dh-sequence-ADDON` is in `Build-Depends`.)md",
             .why = R"md(dh fails with "unable to load addon" on a clean build system. lintian reports `missing-build-dependency-for-dh-addon`.)md",
             .example = R"md(debian/rules:    dh $@ --with golang
debian/control:  Build-Depends: debhelper-compat (= 13)
)md",
             .use_instead = R"md(debian/rules:    dh $@ --with golang
debian/control:  Build-Depends: debhelper-compat (= 13), dh-golang
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(debhelper(7) add-ons; lintian `missing-build-dependency-for-dh-addon` (data/debhelper/add_ons.json of lintian 2.116.3); rules-debian.md DEB-R011.)md",
             .example_file = "debian/rules",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
