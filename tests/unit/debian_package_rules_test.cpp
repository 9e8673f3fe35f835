// Debian policy checks that need several files of a package directory (rules/debian/ with a
// package_check), debian-rules-not-executable among them: it reads the file mode.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "frontend/package/directory.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

using namespace katalint;
namespace fs = std::filesystem;

namespace {

const char* const kControl = R"(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example tool
 An example package that prints a greeting.
)";

const char* const kRules = "#!/usr/bin/make -f\n\n%:\n\tdh $@\n";
const char* const kCopyright =
    "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n"
    "Files: *\nCopyright: 2025 Jane Doe\nLicense: MIT\n Permission is hereby granted.\n";

// Writes `files` under a fresh directory, loads them as one package and runs its checks.
struct Package {
  explicit Package(const std::map<std::string, std::string>& files) {
    std::vector<std::string> paths;
    for (const auto& [name, text] : files) paths.push_back(dir.write(name, text).string());
    ir::DiagnosticSink scratch;
    const auto pd = frontend::load_package_directory(sources, paths, {}, scratch);
    frontend::check_package_directory(pd, sources, sink);
  }
  [[nodiscard]] std::vector<std::string> found(std::string_view rule) const {
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) {
      if (d.rule != rule) continue;
      const auto& f = sources.file(d.range.file);
      out.push_back(fs::path(f.path()).filename().string() + ":" +
                    std::string(f.text().substr(d.range.begin, d.range.end - d.range.begin)));
    }
    return out;
  }
  testing::TempDir dir;
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
};

std::string with(std::string text, const std::string& old, const std::string& replacement) {
  const auto at = text.find(old);
  REQUIRE(at != std::string::npos);
  return text.replace(at, old.size(), replacement);
}

}  // namespace

TEST_CASE("no-debian-copyright-in-source and missing-debian-source-format", "[debian][rules]") {
  const Package bare({{"debian/control", kControl}, {"debian/rules", kRules}});
  CHECK(bare.found("no-debian-copyright-in-source") == std::vector<std::string>{"control:Source: example"});
  CHECK(bare.found("missing-debian-source-format").size() == 1);

  const Package full({{"debian/control", kControl},
                      {"debian/rules", kRules},
                      {"debian/copyright", kCopyright},
                      {"debian/source/format", "3.0 (quilt)\n"}});
  CHECK(full.found("no-debian-copyright-in-source").empty());
  CHECK(full.found("missing-debian-source-format").empty());

  // OBS takes the format from the .dsc: debian.control alone is not a debian/ directory.
  const Package obs({{"debian.control", kControl}, {"debian.rules", kRules}, {"debian.copyright", kCopyright}});
  CHECK(obs.found("missing-debian-source-format").empty());
  CHECK(obs.found("no-debian-copyright-in-source").empty());
}

TEST_CASE("missing-build-dependency-for-dh-addon and -dh-command", "[debian][rules]") {
  const std::string rules = "#!/usr/bin/make -f\n\n%:\n\tdh $@ --with golang,systemd\n\n"
                            "override_dh_auto_install:\n\tdh_auto_install\n\tdh_golang\n";
  const Package missing({{"debian/control", kControl}, {"debian/rules", rules}});
  // systemd comes with debhelper itself; golang needs dh-golang.
  CHECK(missing.found("missing-build-dependency-for-dh-addon") ==
        std::vector<std::string>{"rules:dh $@ --with golang,systemd"});
  CHECK(missing.found("missing-build-dependency-for-dh-command") == std::vector<std::string>{"rules:dh_golang"});

  const Package present(
      {{"debian/control", with(kControl, "debhelper-compat (= 13)", "debhelper-compat (= 13), dh-golang")},
       {"debian/rules", rules}});
  CHECK(present.found("missing-build-dependency-for-dh-addon").empty());
  CHECK(present.found("missing-build-dependency-for-dh-command").empty());

  const Package sequence(
      {{"debian/control", with(kControl, "debhelper-compat (= 13)", "debhelper-compat (= 13), dh-sequence-golang")},
       {"debian/rules", "#!/usr/bin/make -f\n%:\n\tdh $@ --with=golang\n"}});
  CHECK(sequence.found("missing-build-dependency-for-dh-addon").empty());
}

TEST_CASE("uses-debhelper-compat-file and declares-possibly-conflicting-debhelper-compat-versions",
          "[debian][rules]") {
  const Package both({{"debian/control", kControl}, {"debian/rules", kRules}, {"debian/compat", "13\n"}});
  CHECK(both.found("uses-debhelper-compat-file").size() == 1);
  CHECK(both.found("declares-possibly-conflicting-debhelper-compat-versions") ==
        std::vector<std::string>{"control:debhelper-compat (= 13)"});

  const Package file_only({{"debian/control", with(kControl, "debhelper-compat (= 13)", "debhelper (>= 13)")},
                           {"debian/rules", kRules},
                           {"debian/compat", "13\n"}});
  CHECK(file_only.found("uses-debhelper-compat-file").size() == 1);
  CHECK(file_only.found("declares-possibly-conflicting-debhelper-compat-versions").empty());

  const Package neither({{"debian/control", kControl}, {"debian/rules", kRules}});
  CHECK(neither.found("uses-debhelper-compat-file").empty());
}

TEST_CASE("debian-rules-not-executable reads the mode of debian/rules", "[debian][rules]") {
  const auto mode_of_rules = [](const std::string& name, fs::perms mode) {
    testing::TempDir dir;
    const std::string parent = fs::path(name).parent_path().string();
    const auto control = dir.write(parent + (name.ends_with("debian.rules") ? "/debian.control" : "/control"), kControl);
    const auto rules = dir.write(name, kRules);
    fs::permissions(rules, mode);
    ir::SourceManager sources;
    ir::DiagnosticSink scratch, sink;
    const auto pd = frontend::load_package_directory(sources, {control.string(), rules.string()}, {}, scratch);
    frontend::check_package_directory(pd, sources, sink);
    std::size_t n = 0;
    for (const auto& d : sink.diagnostics()) n += d.rule == "debian-rules-not-executable" ? 1 : 0;
    return n;
  };
  const auto rw = fs::perms::owner_read | fs::perms::owner_write;
  CHECK(mode_of_rules("pkg/debian/rules", rw) == 1);
  CHECK(mode_of_rules("pkg/debian/rules", rw | fs::perms::owner_exec) == 0);
  // OBS makes debian.rules executable when it copies it into place.
  CHECK(mode_of_rules("pkg/debian.rules", rw) == 0);
}

TEST_CASE("package-uses-deprecated-debhelper-compat-version and no-versioned-debhelper-prerequisite",
          "[debian][rules]") {
  const std::string unversioned = with(kControl, "debhelper-compat (= 13)", "debhelper");
  const Package old_file({{"debian/control", unversioned}, {"debian/rules", kRules}, {"debian/compat", "9\n"}});
  CHECK(old_file.found("package-uses-deprecated-debhelper-compat-version") ==
        std::vector<std::string>{"control:debhelper"});
  CHECK(old_file.found("no-versioned-debhelper-prerequisite") == std::vector<std::string>{"control:debhelper"});

  // Without any level debhelper runs at level 1.
  const Package no_level({{"debian/control", unversioned}, {"debian/rules", kRules}});
  CHECK(no_level.found("package-uses-deprecated-debhelper-compat-version").size() == 1);
  CHECK(no_level.found("no-versioned-debhelper-prerequisite").empty());

  const Package current({{"debian/control", with(kControl, "debhelper-compat (= 13)", "debhelper (>= 13~)")},
                         {"debian/rules", kRules},
                         {"debian/compat", "13\n"}});
  CHECK(current.found("package-uses-deprecated-debhelper-compat-version").empty());
  CHECK(current.found("no-versioned-debhelper-prerequisite").empty());
}
