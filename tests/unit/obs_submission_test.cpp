// openSUSE's submit-time checks of a package directory (frontend/package/obs_checks.cpp):
// each fires on the defect and stays silent on a devel-ready directory.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "frontend/package/directory.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::frontend;
namespace fs = std::filesystem;

namespace {

// A package directory `demo/` written to a fresh temporary directory and loaded from there.
class Package {
 public:
  explicit Package(const std::map<std::string, std::string>& files) {
    std::string tmpl = (fs::temp_directory_path() / "katalint-obs-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    root_ = tmpl;
    const fs::path dir = root_ / "demo";
    fs::create_directories(dir);
    std::vector<std::string> paths;
    for (const auto& [name, text] : files) {
      const fs::path p = dir / name;
      std::ofstream(p, std::ios::binary) << text;
      paths.push_back(p.string());
    }
    pd = load_package_directory(sources, paths, {}, sink);
  }
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;
  ~Package() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  // "file:line: message" for each finding of `rule`.
  [[nodiscard]] std::vector<std::string> findings(std::string_view rule) const {
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) {
      if (d.rule != rule) continue;
      REQUIRE(d.range.valid());
      const auto& f = sources.file(d.range.file);
      out.push_back(fs::path(f.path()).filename().string() + ":" + std::to_string(f.position(d.range.begin).line) +
                    ": " + d.message);
    }
    return out;
  }
  [[nodiscard]] std::string text_at(std::string_view rule) const {
    for (const auto& d : sink.diagnostics())
      if (d.rule == rule)
        return std::string(sources.file(d.range.file).text().substr(d.range.begin, d.range.end - d.range.begin));
    return {};
  }

  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  PackageDirectory pd;

 private:
  fs::path root_;
};

const char* const kSpec = R"(#
# spec file for package demo
#
Name:           demo
Version:        1.2
Release:        0
Summary:        A demo
License:        MIT
URL:            https://example.org/demo
Source0:        https://example.org/demo-%{version}.tar.gz
Source99:       demo-rpmlintrc
# PATCH-FIX-UPSTREAM fix-build.patch -- fixes the build
Patch0:         fix-build.patch

%description
A demo.

%prep
%autosetup -p1

%files
%license LICENSE

%changelog
)";

const char* const kChanges = R"(-------------------------------------------------------------------
Thu Oct  3 12:05:09 UTC 2024 - Geeko Packager <email@example.com>

- Initial package
)";

std::map<std::string, std::string> ready() {
  return {{"demo.spec", kSpec},
          {"demo.changes", kChanges},
          {"demo-1.2.tar.gz", "tarball"},
          {"demo-rpmlintrc", "addFilter(\"no-manual-page\")\n"},
          {"fix-build.patch", "--- a/x\n+++ b/x\n"}};
}

const std::vector<std::string> kRules = {"obs-changes-file-missing", "obs-stale-changes-file",
                                         "obs-service-file-committed", "obs-source-file-missing",
                                         "obs-file-not-referenced"};

}  // namespace

TEST_CASE("obs submission: a devel-ready directory draws no finding", "[package-dir][obs]") {
  const Package p(ready());
  for (const auto& rule : kRules) {
    INFO(rule);
    CHECK(p.findings(rule).empty());
  }
  CHECK(p.pd.dir_listing.size() == 5);
}

TEST_CASE("obs submission: obs-changes-file-missing", "[package-dir][obs]") {
  auto files = ready();
  files.erase("demo.changes");
  const Package p(files);
  const auto f = p.findings("obs-changes-file-missing");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("demo.spec:4: there is no 'demo.changes'", 0) == 0);
  CHECK(p.text_at("obs-changes-file-missing") == "demo");

  // A template of the changes file counts, as every other OBS template does.
  files["demo.changes-template"] = kChanges;
  CHECK(Package(files).findings("obs-changes-file-missing").empty());
}

TEST_CASE("obs submission: obs-stale-changes-file", "[package-dir][obs]") {
  auto files = ready();
  files["oldname.changes"] = kChanges;
  const Package p(files);
  const auto f = p.findings("obs-stale-changes-file");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("oldname.changes:1: 'oldname.changes' is not named after the package 'demo'", 0) == 0);

  // Named after another spec of the directory: fine.
  files["oldname.spec"] = "Name: oldname\nVersion: 1\nRelease: 0\nSummary: s\nLicense: MIT\n%description\nd\n";
  CHECK(Package(files).findings("obs-stale-changes-file").empty());
  files.erase("oldname.spec");

  // Named after a subpackage: fine.
  files.erase("oldname.changes");
  files["demo.spec"] = std::string(kSpec) + "\n%package -n demo-tools\nSummary: Tools\n%description -n demo-tools\nT.\n";
  files["demo-tools.changes"] = kChanges;
  CHECK(Package(files).findings("obs-stale-changes-file").empty());
}

TEST_CASE("obs submission: obs-service-file-committed", "[package-dir][obs]") {
  auto files = ready();
  files["_service"] = R"(<services><service name="obs_scm" mode="manual"/></services>)";
  files["_service:obs_scm:demo-1.2.obscpio"] = "x";
  const Package p(files);
  const auto f = p.findings("obs-service-file-committed");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("_service:1: '_service:obs_scm:demo-1.2.obscpio' is the output of a server-side service", 0) ==
        0);
}

TEST_CASE("obs submission: obs-source-file-missing", "[package-dir][obs]") {
  auto files = ready();
  files.erase("fix-build.patch");
  files.erase("demo-1.2.tar.gz");
  {
    const Package p(files);
    const auto f = p.findings("obs-source-file-missing");
    REQUIRE(f.size() == 2);
    CHECK(f[0] == "demo.spec:10: source 'demo-1.2.tar.gz' is not in the package directory; OBS builds only "
                  "from committed files");
    CHECK(f[1] == "demo.spec:13: patch 'fix-build.patch' is not in the package directory; OBS builds only from "
                  "committed files");
  }
  // A _service makes the tarball on the server; the patch must still be committed.
  files["_service"] = R"(<services><service name="download_files" mode="manual"/></services>)";
  {
    const Package p(files);
    const auto f = p.findings("obs-source-file-missing");
    REQUIRE(f.size() == 1);
    CHECK(f[0].find("patch 'fix-build.patch'") != std::string::npos);
  }
  // An empty patch is reported too.
  files["fix-build.patch"] = "";
  {
    const Package p(files);
    const auto f = p.findings("obs-source-file-missing");
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "demo.spec:13: patch 'fix-build.patch' is empty; source_validator declines it");
  }
}

TEST_CASE("obs submission: obs-file-not-referenced", "[package-dir][obs]") {
  auto files = ready();
  files["old-fix.patch"] = "--- a\n+++ b\n";
  files["debian.rules"] = "#!/usr/bin/make -f\n%:\n\tdh $@\n";  // allow-listed
  files["_constraints"] = "<constraints/>\n";                   // allow-listed
  const Package p(files);
  const auto f = p.findings("obs-file-not-referenced");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("demo.spec:4: 'old-fix.patch' is in the package directory but no Source or Patch", 0) == 0);

  // A spec whose patch list is template output cannot say what it references.
  files["demo.spec-template"] = std::string(kSpec) + "@RPM_PATCH_LIST@\n";
  files.erase("demo.spec");
  CHECK(Package(files).findings("obs-file-not-referenced").empty());
}

TEST_CASE("obs submission: Debian source trees and spec-less directories are not checked", "[package-dir][obs]") {
  const Package p({{"debian.control", "Source: demo\n\nPackage: demo\nArchitecture: any\nDescription: d\n d\n"},
                   {"stray.txt", "x"}});
  for (const auto& rule : kRules) {
    INFO(rule);
    CHECK(p.findings(rule).empty());
  }
}

TEST_CASE("obs submission: obs-rpmlintrc-set-badness", "[package-dir][obs]") {
  auto files = ready();
  files["demo-rpmlintrc"] = "# setBadness('x', 0) in a comment is fine\nsetBadness('arch-dependent-file-in-usr-share', 0)\n";
  const Package p(files);
  const auto f = p.findings("obs-rpmlintrc-set-badness");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rfind("demo-rpmlintrc:2: setBadness changes how much", 0) == 0);
  CHECK(p.text_at("obs-rpmlintrc-set-badness") == "setBadness");
}

TEST_CASE("go-build-depends-missing: debian.rules builds Go, debian.control names no compiler", "[package-dir][go]") {
  auto files = ready();
  files["debian.rules"] = "#!/usr/bin/make -f\n# GOPATH in a comment does not count\nexport GOPATH=$(CURDIR)/_build\n%:\n\tdh $@\n";
  files["debian.control"] = "Source: demo\nBuild-Depends: debhelper (>= 9), git\n\nPackage: demo\nArchitecture: any\n"
                            "Description: d\n d\n";
  {
    const Package p(files);
    const auto f = p.findings("go-build-depends-missing");
    REQUIRE(f.size() == 1);
    CHECK(f[0] == "debian.rules:3: debian.rules builds Go code ('GOPATH') but debian.control build-depends on no Go "
                  "compiler; add golang-any (or golang-go) to Build-Depends");
    CHECK(p.text_at("go-build-depends-missing") == "GOPATH");
  }
  // Any Go compiler, also as an alternative, satisfies it.
  for (const std::string deps : {"golang-any", "golang-go", "golang-1.22-go", "gccgo | golang-go", "git, gccgo-12"}) {
    INFO(deps);
    auto with = files;
    with["debian.control"] = "Source: demo\nBuild-Depends: debhelper (>= 9), " + deps +
                             "\n\nPackage: demo\nArchitecture: any\nDescription: d\n d\n";
    CHECK(Package(with).findings("go-build-depends-missing").empty());
  }
  // No Go in the rules: nothing to say.
  files["debian.rules"] = "#!/usr/bin/make -f\n%:\n\tdh $@\n";
  CHECK(Package(files).findings("go-build-depends-missing").empty());
}
