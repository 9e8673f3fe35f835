// Package directories: grouping files into packages, loading one package from all its
// files, the merged model, and each cross-file check (fires / does not fire).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "frontend/package/compare.hpp"
#include "frontend/package/directory.hpp"
#include "rules/registry.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::frontend;
namespace fs = std::filesystem;

namespace {

// A package directory written to a fresh temporary directory and loaded from there.
class TempPackage {
 public:
  explicit TempPackage(std::map<std::string, std::string> files, AnalyzeOptions options = {}) {
    std::string tmpl = (fs::temp_directory_path() / "katalint-pkgdir-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    root_ = tmpl;
    dir_ = root_ / "pkg";
    std::vector<std::string> paths;
    for (const auto& [name, text] : files) {
      const fs::path p = dir_ / name;
      fs::create_directories(p.parent_path());
      std::ofstream(p, std::ios::binary) << text;
      paths.push_back(p.string());
    }
    pd = load_package_directory(sources, paths, options, sink);
  }
  TempPackage(const TempPackage&) = delete;
  TempPackage& operator=(const TempPackage&) = delete;
  ~TempPackage() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  [[nodiscard]] std::vector<const ir::Diagnostic*> with_rule(std::string_view rule) const {
    std::vector<const ir::Diagnostic*> out;
    for (const auto& d : sink.diagnostics()) {
      if (d.rule == rule) out.push_back(&d);
    }
    return out;
  }
  [[nodiscard]] std::size_t count(std::string_view rule) const { return with_rule(rule).size(); }
  // "file:text" for a range: the file name and the bytes it covers.
  [[nodiscard]] std::string at(const ir::Range& r) const {
    if (!r.valid()) return "<none>";
    const auto& f = sources.file(r.file);
    return fs::path(f.path()).filename().string() + ":" + std::string(f.text().substr(r.begin, r.end - r.begin));
  }
  [[nodiscard]] std::uint32_t line(const ir::Range& r) const { return sources.file(r.file).position(r.begin).line; }
  [[nodiscard]] fs::path dir() const { return dir_; }

  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  PackageDirectory pd;

 private:
  fs::path root_, dir_;
};

const char* const kSpec = R"(Name: demo
Version: 1.2
Release: 0
Summary: A demo
License: MIT
Url: https://example.org/demo

%description
Demo.

%files
)";

const char* const kControl = R"(Source: demo
Maintainer: A <a@example.org>
Build-Depends: debhelper (>= 9), make

Package: demo
Architecture: any
Description: a demo
 Demo.
)";

const char* const kDsc = R"(Format: 3.0 (quilt)
Source: demo
Binary: demo
Version: 1.2-1
Maintainer: A <a@example.org>
Build-Depends: debhelper (>= 9), make
)";

const char* const kChangelog = R"(demo (1.2-1) stable; urgency=medium

  * Initial release.

 -- A <a@example.org>  Mon, 01 Jan 2024 00:00:00 +0000
)";

std::string replace(std::string text, std::string_view from, std::string_view to) {
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), to);
  return text;
}

}  // namespace

TEST_CASE("symbolic values keep placeholders and refuse other opaque output", "[package-dir]") {
  CHECK(symbolic_value(" 1.2 ") == "1.2");
  CHECK(symbolic_value("\x1e@VERSION@\x1f+git.\x1e@HASH@\x1f") == "@VERSION@+git.@HASH@");
  CHECK_FALSE(symbolic_value("\x1e%(date)\x1f").has_value());
  CHECK_FALSE(symbolic_value("\x1e@VERSION@").has_value());
  CHECK(has_placeholder("a@KEY@b"));
  CHECK_FALSE(has_placeholder("user@example.org"));
}

TEST_CASE("symbolic comparison", "[package-dir]") {
  CHECK(compare_symbolic("@VERSION@", "@VERSION@") == Agreement::Same);
  CHECK(compare_symbolic("1.2", "1.3") == Agreement::Different);
  CHECK(compare_symbolic("@VERSION@.@CONFIG_VERSION@", "@VERSION@") == Agreement::Different);
  // One side filled: only a certain mismatch counts.
  CHECK(compare_symbolic("@VERSION@", "1.2") == Agreement::Unknown);
  CHECK(compare_symbolic("@VERSION@+git.@HASH@", "1.2+git.abc") == Agreement::Unknown);
  CHECK(compare_symbolic("@VERSION@-@RELEASE@", "0.0.1") == Agreement::Different);
  CHECK(compare_symbolic("1.2+git.abc", "@VERSION@+git@HASH@") == Agreement::Unknown);
  CHECK(compare_symbolic("@A@x", "x") == Agreement::Different);  // a placeholder is never empty
  // Very long values are not matched (no quadratic blow-up on hostile input).
  CHECK(compare_symbolic(std::string(5000, 'a'), "@A@b") == Agreement::Unknown);
}

TEST_CASE("Debian versions split into epoch, upstream and revision", "[package-dir]") {
  const auto v = split_debian_version("2:1.0-rc1-3");
  CHECK(v.epoch == "2");
  CHECK(v.upstream == "1.0-rc1");
  CHECK(v.revision == "3");
  const auto t = split_debian_version("@VERSION@+git.@HASH@-@RELEASE@");
  CHECK(t.epoch.empty());
  CHECK(t.upstream == "@VERSION@+git.@HASH@");
  CHECK(t.revision == "@RELEASE@");
  CHECK(split_debian_version("1.0").revision.empty());
}

TEST_CASE("package roots and grouping", "[package-dir]") {
  CHECK(package_root("home/pkg/pkg.spec") == "home/pkg");
  CHECK(package_root("home/pkg/debian/control") == "home/pkg");
  CHECK(package_root("home/pkg/debian/source/format") == "home/pkg");
  CHECK(package_root("pkg.spec") == ".");
  CHECK(package_root("debian/changelog") == ".");

  const auto groups = group_package_directories({
      "home/projectconfig",  // a home project's own files: no package
      "home/distros",
      "home/a/a.spec-template",
      "home/a/debian.control-template",
      "home/a/debian.compat",  // not read, but part of the package
      "home/a/patches/fix.patch",
      "home/b/_service",
      "home/b/debian/control",
      "home/b/debian/source/format",
      "home/b/debian/tests/control",
      "elsewhere/README",
  });
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].dir == "home/a");
  CHECK(groups[0].files == std::vector<std::string>{"home/a/a.spec-template", "home/a/debian.compat",
                                                    "home/a/debian.control-template", "home/a/patches/fix.patch"});
  CHECK(groups[1].dir == "home/b");
  CHECK(groups[1].files.size() == 4);
  CHECK(group_package_directories({"README", "notes/x.txt"}).empty());
  // The current directory as a package: its subdirectories without packaging files join it.
  const auto here = group_package_directories({"x.spec", "patches/p.patch"});
  REQUIRE(here.size() == 1);
  CHECK(here[0].dir == ".");
  CHECK(here[0].files.size() == 2);
}

TEST_CASE("listing a directory skips hidden directories and reports missing ones", "[package-dir]") {
  TempPackage t({{"demo.spec", kSpec}, {".osc/_files", "x"}, {"sub/debian.series", ""}});
  std::string error;
  const auto files = list_files_recursively(t.dir().string(), error);
  CHECK(error.empty());
  REQUIRE(files.size() == 2);
  CHECK(fs::path(files[0]).filename() == "demo.spec");
  CHECK(fs::path(files[1]).filename() == "debian.series");
  std::string missing;
  CHECK(list_files_recursively((t.dir() / "nope").string(), missing).empty());
  CHECK_FALSE(missing.empty());
}

TEST_CASE("a consistent package directory loads without cross-file findings", "[package-dir]") {
  TempPackage t({{"demo.spec", kSpec},
                 {"debian.control", kControl},
                 {"demo.dsc", kDsc},
                 {"debian.changelog", kChangelog},
                 {"debian.compat", "9\n"},
                 {"_service", "<services><service name=\"tar_scm\"/></services>\n"}});
  // openSUSE's submit-time check speaks once (the directory has no demo.changes); Debian
  // policy checks of the directory (rules/debian/) may speak about the packaging itself
  // (debian.compat, no debian.copyright); the files agree with each other.
  std::size_t changes_missing = 0;
  for (const auto& d : t.sink.diagnostics()) {
    const auto* rule = rules::find_rule(d.rule);
    INFO(d.rule << ": " << d.message);
    if (d.rule == "obs-changes-file-missing") {
      ++changes_missing;
      continue;
    }
    CHECK((rule != nullptr && rule->package_check != nullptr));
  }
  CHECK(changes_missing == 1);
  REQUIRE(t.pd.spec);
  REQUIRE(t.pd.control);
  REQUIRE(t.pd.dsc);
  REQUIRE(t.pd.dsc_info);
  REQUIRE(t.pd.debian_changelog);
  REQUIRE(t.pd.service);
  CHECK(t.pd.dir == t.dir().string());
  CHECK(t.pd.files.size() == 6);
  const auto compat = std::find_if(t.pd.files.begin(), t.pd.files.end(), [](const PackageFile& f) {
    return fs::path(f.path).filename() == "debian.compat";
  });
  REQUIRE(compat != t.pd.files.end());
  CHECK(compat->kind == FileKind::Unknown);
  CHECK(compat->id == ir::kNoFile);
  CHECK(t.pd.primary_file(FileKind::Dsc) != nullptr);
  CHECK(t.pd.merged.name == "demo");
  CHECK(t.pd.merged.version == "1.2");
  CHECK(t.pd.merged.file == t.pd.spec->file);
}

TEST_CASE("the merged package fills gaps from the other files", "[package-dir]") {
  SECTION("spec first, Debian files fill url, summary and changelog") {
    std::string spec = replace(kSpec, "Url: https://example.org/demo\n", "");
    TempPackage t({{"demo.spec", spec},
                   {"debian.control", replace(kControl, "Source: demo\n", "Source: demo\nHomepage: https://h.example\n")},
                   {"debian.changelog", kChangelog}});
    CHECK(t.pd.merged.url == "https://h.example");
    CHECK(t.pd.merged.summary == "A demo");
    REQUIRE(t.pd.merged.changelog.size() == 1);
    CHECK(t.pd.merged.changelog[0].version == "1.2-1");
  }
  SECTION("SUSE .changes wins over debian.changelog for the history") {
    TempPackage t({{"demo.spec", kSpec},
                   {"debian.changelog", kChangelog},
                   {"demo.changes",
                    "-------------------------------------------------------------------\n"
                    "Mon Jan  1 00:00:00 UTC 2024 - A <a@example.org>\n\n- Update to 1.2\n"}});
    REQUIRE(t.pd.suse_changes);
    REQUIRE(t.pd.merged.changelog.size() == 1);
    CHECK(t.pd.merged.changelog[0].email == "a@example.org");
    CHECK(t.pd.merged.changelog[0].lines == std::vector<std::string>{"- Update to 1.2"});
  }
  SECTION("without a spec the control file is the base and the .dsc gives the version") {
    TempPackage t({{"debian.control", kControl}, {"demo.dsc", kDsc}});
    CHECK(t.pd.merged.name == "demo");
    CHECK(t.pd.merged.version == "1.2");
    CHECK(t.pd.merged.release == "1");
    CHECK(t.pd.merged.summary == "a demo");
    REQUIRE(t.pd.merged.packages.size() == 1);
    CHECK(t.pd.merged.file == t.pd.control->file);
  }
  SECTION("only a changelog: name and version come from its newest entry") {
    TempPackage t({{"debian/changelog", replace(kChangelog, "1.2-1", "3:1.5-2")}});
    CHECK(t.pd.merged.name == "demo");
    CHECK(t.pd.merged.epoch == "3");
    CHECK(t.pd.merged.version == "1.5");
    CHECK(t.pd.merged.release == "2");
  }
}

TEST_CASE("primary files: debian.X over debian/X, generated over template", "[package-dir]") {
  TempPackage t({{"debian/control", replace(kControl, "Source: demo", "Source: other")},
                 {"debian.control", kControl},
                 {"debian.control-template", kControl}});
  const PackageFile* primary = t.pd.primary_file(FileKind::DebianControl);
  REQUIRE(primary != nullptr);
  CHECK(fs::path(primary->path).filename() == "debian.control");
  REQUIRE(t.pd.control);
  CHECK(t.pd.control->name == "demo");
  CHECK(t.pd.dir == t.dir().string());  // debian/ belongs to the package root
}

TEST_CASE("loading only the primary files reads nothing else and finds the same", "[package-dir]") {
  TempPackage t({{"debian/control", replace(kControl, "Source: demo", "Source: other")},
                 {"debian.control", kControl},
                 {"demo.spec", kSpec},
                 {"other.spec", replace(kSpec, "Name: demo", "Name: other")},
                 {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 1.3-1")}});
  std::vector<std::string> paths;
  for (const auto& f : t.pd.files) paths.push_back(f.path);
  ir::SourceManager sources;
  ir::DiagnosticSink scratch, all_checks, primary_checks;
  const auto primaries = load_package_directory(sources, paths, {}, scratch, true);
  REQUIRE(primaries.files.size() == t.pd.files.size());
  std::size_t read = 0;
  for (const auto& f : primaries.files) {
    INFO(f.path);
    CHECK((f.id != ir::kNoFile) == f.primary);
    read += f.id != ir::kNoFile;
  }
  CHECK(read == 3);  // debian.control, one spec, the .dsc
  REQUIRE(primaries.spec);
  REQUIRE(t.pd.spec);
  CHECK(primaries.spec->name == t.pd.spec->name);
  check_package_directory(t.pd, t.sources, all_checks);
  check_package_directory(primaries, sources, primary_checks);
  REQUIRE(primary_checks.diagnostics().size() == all_checks.diagnostics().size());
  for (std::size_t i = 0; i < all_checks.diagnostics().size(); ++i)
    CHECK(primary_checks.diagnostics()[i].message == all_checks.diagnostics()[i].message);
  CHECK_FALSE(all_checks.diagnostics().empty());  // the .dsc version differs: the checks ran
}

TEST_CASE("version-mismatch", "[package-dir][version-mismatch]") {
  SECTION("spec against .dsc: fires at the .dsc Version with a note at the spec") {
    TempPackage t({{"demo.spec", kSpec}, {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 1.3-1")}});
    const auto found = t.with_rule("version-mismatch");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->severity == ir::Severity::Warning);
    CHECK(t.at(found[0]->range) == "demo.dsc:1.3-1");
    CHECK(found[0]->message == "upstream version '1.3' differs from Version '1.2' in demo.spec");
    REQUIRE(found[0]->notes.size() == 1);
    CHECK(t.at(found[0]->notes[0].range) == "demo.spec:1.2");
  }
  SECTION("Debian revision and rpm Release are not compared") {
    TempPackage t({{"demo.spec", replace(kSpec, "Release: 0", "Release: 7")}, {"demo.dsc", kDsc}});
    CHECK(t.count("version-mismatch") == 0);
  }
  SECTION("epochs count; a missing epoch is epoch 0") {
    TempPackage bad({{"demo.spec", kSpec}, {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 1:1.2-1")}});
    CHECK(bad.count("version-mismatch") == 1);
    TempPackage good({{"demo.spec", kSpec}, {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 0:1.2-1")}});
    CHECK(good.count("version-mismatch") == 0);
    TempPackage both({{"demo.spec", replace(kSpec, "Version: 1.2", "Epoch: 2\nVersion: 1.2")},
                      {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 2:1.2-1")}});
    CHECK(both.count("version-mismatch") == 0);
  }
  SECTION("templates using the same placeholders agree") {
    TempPackage t({{"demo.spec-template", replace(kSpec, "Version: 1.2", "Version: @VERSION@+git.@HASH@")},
                   {"demo.dsc-template", replace(kDsc, "Version: 1.2-1", "Version: @VERSION@+git.@HASH@-@RELEASE@")}});
    CHECK(t.count("version-mismatch") == 0);
    CHECK(t.count("unbound-placeholder") == 5);  // warnings, not errors
    CHECK_FALSE(t.sink.has_errors());
  }
  SECTION("placeholders reached through a macro still compare") {
    TempPackage t({{"demo.spec-template",
                    replace(kSpec, "Version: 1.2", "%global hash @HASH@\nVersion: @VERSION@+git.%{hash}")},
                   {"demo.dsc-template", replace(kDsc, "Version: 1.2-1", "Version: @VERSION@+git.@HASH@-@RELEASE@")}});
    CHECK(t.count("version-mismatch") == 0);
  }
  SECTION("templates with different expressions do not agree") {
    TempPackage t({{"demo.spec-template", replace(kSpec, "Version: 1.2", "Version: @VERSION@.@CONFIG_VERSION@")},
                   {"demo.dsc-template", replace(kDsc, "Version: 1.2-1", "Version: @VERSION@-@RELEASE@")}});
    const auto found = t.with_rule("version-mismatch");
    REQUIRE(found.size() == 1);
    CHECK(t.at(found[0]->range) == "demo.dsc-template:@VERSION@-@RELEASE@");
    CHECK(t.at(found[0]->notes.at(0).range) == "demo.spec-template:@VERSION@.@CONFIG_VERSION@");
  }
  SECTION("filled placeholders compare as values") {
    AnalyzeOptions options;
    options.placeholders = {{"VERSION", "2.0"}, {"RELEASE", "4"}};
    TempPackage t({{"demo.spec-template", replace(kSpec, "Version: 1.2", "Version: @VERSION@")},
                   {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 2.0-4")}},
                  options);
    CHECK(t.count("version-mismatch") == 0);
    CHECK(t.count("unbound-placeholder") == 0);
  }
  SECTION("the newest changelog entry against the .dsc, full version") {
    TempPackage t({{"demo.spec", kSpec}, {"demo.dsc", kDsc}, {"debian.changelog", replace(kChangelog, "1.2-1", "1.2-2")}});
    const auto found = t.with_rule("version-mismatch");
    REQUIRE(found.size() == 1);
    CHECK(t.at(found[0]->range) == "debian.changelog:1.2-2");
    CHECK(t.at(found[0]->notes.at(0).range) == "demo.dsc:1.2-1");
  }
  SECTION("without a .dsc the changelog's upstream version is compared with the spec") {
    TempPackage bad({{"demo.spec", kSpec}, {"debian.changelog", replace(kChangelog, "1.2-1", "1.1-1")}});
    CHECK(bad.count("version-mismatch") == 1);
    TempPackage good({{"demo.spec", kSpec}, {"debian.changelog", replace(kChangelog, "1.2-1", "1.2-9")}});
    CHECK(good.count("version-mismatch") == 0);
  }
  SECTION("a generated changelog that can never match the .dsc template") {
    // Kata's first import committed a generated `(0.0.1)` changelog next to a
    // `@VERSION@-@RELEASE@` .dsc template: no filling gives a version without a revision.
    TempPackage t({{"demo.dsc-template", replace(kDsc, "Version: 1.2-1", "Version: @VERSION@-@RELEASE@")},
                   {"debian.changelog", replace(kChangelog, "1.2-1", "0.0.1")}});
    CHECK(t.count("version-mismatch") == 1);
    TempPackage maybe({{"demo.dsc-template", replace(kDsc, "Version: 1.2-1", "Version: @VERSION@-@RELEASE@")},
                       {"debian.changelog", replace(kChangelog, "1.2-1", "0.0.1-1")}});
    CHECK(maybe.count("version-mismatch") == 0);
  }
  SECTION("a spec rpm rejects is not compared") {
    TempPackage t({{"demo.spec", replace(kSpec, "Release: 0", "Release: 1.<x>")},
                   {"demo.dsc", replace(kDsc, "Version: 1.2-1", "Version: 9-1")}});
    REQUIRE(t.pd.spec);
    CHECK(t.pd.spec->parse_failed);
    CHECK(t.count("version-mismatch") == 0);
    CHECK(t.pd.merged.file == t.pd.dsc->file);  // the merged model falls back to the .dsc
  }
}

TEST_CASE("source-name-mismatch", "[package-dir][source-name-mismatch]") {
  SECTION("fires for each file that disagrees with the spec") {
    TempPackage t({{"demo.spec", kSpec},
                   {"debian.control", replace(kControl, "Source: demo", "Source: demo2")},
                   {"demo.dsc", kDsc},
                   {"debian.changelog", replace(kChangelog, "demo (", "dem0 (")}});
    const auto found = t.with_rule("source-name-mismatch");
    REQUIRE(found.size() == 2);
    CHECK(t.at(found[0]->range) == "debian.control:demo2");
    CHECK(found[0]->message == "source package name 'demo2' differs from 'demo' in demo.spec");
    CHECK(t.at(found[0]->notes.at(0).range) == "demo.spec:demo");
    CHECK(t.at(found[1]->range) == "debian.changelog:dem0");
  }
  SECTION("without a spec, debian.control is the reference") {
    TempPackage t({{"debian.control", kControl}, {"demo.dsc", replace(kDsc, "Source: demo", "Source: other")}});
    const auto found = t.with_rule("source-name-mismatch");
    REQUIRE(found.size() == 1);
    CHECK(t.at(found[0]->range) == "demo.dsc:other");
    CHECK(t.at(found[0]->notes.at(0).range) == "debian.control:demo");
  }
  SECTION("the evaluated spec Name counts") {
    TempPackage t({{"demo.spec", replace(kSpec, "Name: demo", "%global pkg demo\nName: %{pkg}")},
                   {"debian.control", kControl}});
    CHECK(t.count("source-name-mismatch") == 0);
  }
}

TEST_CASE("dsc-binary-drift", "[package-dir][dsc-binary-drift]") {
  SECTION("a Binary field listing another package") {
    TempPackage t({{"debian.control", kControl}, {"demo.dsc", replace(kDsc, "Binary: demo", "Binary: demo, demo-doc")}});
    const auto found = t.with_rule("dsc-binary-drift");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->message == "binary package 'demo-doc' is in demo.dsc but not in debian.control");
    CHECK(t.at(found[0]->range) == "demo.dsc:demo, demo-doc");
    CHECK(found[0]->notes.at(0).message == "debian.control declares the binary packages: demo");
  }
  SECTION("OBS .dsc templates with Package paragraphs") {
    std::string dsc = replace(kDsc, "Binary: demo\n", "");
    dsc += "\nPackage: demo\nArchitecture: any\n";
    TempPackage same({{"debian.control", kControl}, {"demo.dsc", dsc}});
    CHECK(same.count("dsc-binary-drift") == 0);
    TempPackage more({{"debian.control", kControl + std::string("\nPackage: demo-dbg\nArchitecture: any\n")},
                      {"demo.dsc", dsc}});
    const auto found = more.with_rule("dsc-binary-drift");
    REQUIRE(found.size() == 1);
    CHECK(more.at(found[0]->range) == "debian.control:demo-dbg");
  }
  SECTION("a .dsc without Binary or Package paragraphs says nothing") {
    TempPackage t({{"debian.control", kControl}, {"demo.dsc", replace(kDsc, "Binary: demo\n", "")}});
    CHECK(t.count("dsc-binary-drift") == 0);
  }
}

TEST_CASE("dsc-build-depends-drift", "[package-dir][dsc-build-depends-drift]") {
  SECTION("identical lists, in another order and layout") {
    TempPackage t({{"debian.control", replace(kControl, "debhelper (>= 9), make", "make,\n debhelper(>=9)")},
                   {"demo.dsc", kDsc}});
    CHECK(t.count("dsc-build-depends-drift") == 0);
  }
  SECTION("missing on either side (the Kata drift)") {
    TempPackage t({{"debian.control", replace(kControl, "make", "make, git")},
                   {"demo.dsc", replace(kDsc, "make", "make, fakeroot")}});
    const auto found = t.with_rule("dsc-build-depends-drift");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->message == "Build-Depends 'fakeroot' is in demo.dsc but not in debian.control");
    CHECK(t.at(found[0]->range) == "demo.dsc:fakeroot");
    CHECK(t.line(found[0]->notes.at(0).range) == 3);
    CHECK(found[0]->notes.at(0).message == "Build-Depends of debian.control");
    CHECK(found[1]->message == "Build-Depends 'git' is in debian.control but not in demo.dsc");
    CHECK(t.at(found[1]->range) == "debian.control:git");
  }
  SECTION("the same package with another constraint") {
    TempPackage t({{"debian.control", kControl}, {"demo.dsc", replace(kDsc, "debhelper (>= 9)", "debhelper (>= 10)")}});
    const auto found = t.with_rule("dsc-build-depends-drift");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->message ==
          "Build-Depends 'debhelper (>= 10)' in demo.dsc differs from 'debhelper (>= 9)' in debian.control");
    CHECK(t.at(found[0]->notes.at(0).range) == "debian.control:debhelper (>= 9)");
  }
  SECTION("fields are kept apart: Build-Depends-Indep is not Build-Depends") {
    TempPackage t({{"debian.control", replace(kControl, ", make", "\nBuild-Depends-Indep: make")}, {"demo.dsc", kDsc}});
    const auto found = t.with_rule("dsc-build-depends-drift");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->message == "Build-Depends 'make' is in demo.dsc but not in debian.control");
    CHECK(found[1]->message == "Build-Depends-Indep 'make' is in debian.control but not in demo.dsc");
    CHECK(found[1]->notes.at(0).message == "demo.dsc has no Build-Depends-Indep field");
  }
  SECTION("alternatives and restrictions are part of the relation") {
    TempPackage t({{"debian.control", replace(kControl, "make", "make | bmake [linux-any]")},
                   {"demo.dsc", replace(kDsc, "make", "make | bmake [linux-any]")}});
    CHECK(t.count("dsc-build-depends-drift") == 0);
  }
}

TEST_CASE("debian-series-drift", "[package-dir][debian-series-drift]") {
  const std::string spec = replace(kSpec, "Url: https://example.org/demo\n",
                                   "Url: https://example.org/demo\nPatch1: fix-a.patch\nPatch2: patches/fix-b.patch\n");
  SECTION("the same patches") {
    TempPackage t({{"demo.spec", spec}, {"debian.series", "fix-a.patch\n# comment\nfix-b.patch -p1\n"}});
    CHECK(t.count("debian-series-drift") == 0);
  }
  SECTION("a patch on one side only") {
    TempPackage t({{"demo.spec", spec}, {"debian.series", "fix-a.patch\nfix-c.patch\n"}});
    const auto found = t.with_rule("debian-series-drift");
    REQUIRE(found.size() == 2);
    CHECK(found[0]->message == "patch 'fix-c.patch' is in debian.series but not declared in demo.spec");
    CHECK(t.at(found[0]->range) == "debian.series:fix-c.patch");
    CHECK(found[0]->notes.at(0).message == "demo.spec declares the patches: fix-a.patch, fix-b.patch");
    CHECK(found[1]->message == "patch 'fix-b.patch' is declared in demo.spec but not listed in debian.series");
    CHECK(t.line(found[1]->range) == 8);
  }
  SECTION("a spec whose patch list is a placeholder is not compared") {
    TempPackage t({{"demo.spec-template", replace(kSpec, "Url: https://example.org/demo\n", "@RPM_PATCH_LIST@\n")},
                   {"debian.series", "fix-a.patch\n"}});
    CHECK(t.pd.spec_preamble_opaque);
    CHECK(t.count("debian-series-drift") == 0);
  }
}

TEST_CASE("unreadable files are reported and the rest still loads", "[package-dir]") {
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  const auto pd = load_package_directory(sources, {"/nonexistent-katalint/pkg/pkg.spec"}, {}, sink);
  REQUIRE(sink.diagnostics().size() == 1);
  CHECK(sink.diagnostics()[0].rule == "unreadable-file");
  CHECK_FALSE(pd.spec);
  CHECK(pd.dir == "/nonexistent-katalint/pkg");
}

TEST_CASE("package directory JSON", "[package-dir][json]") {
  TempPackage t({{"demo.spec", kSpec},
                 {"debian.control", kControl},
                 {"demo.dsc", kDsc},
                 {"debian.changelog", kChangelog},
                 {"debian.rules", "#!/usr/bin/make -f\n%:\n\tdh $@\n"},
                 {"debian.series", "fix.patch\n"},
                 {"_service", "<services><service name=\"tar_scm\"><param name=\"scm\">git</param></service></services>\n"}});
  const auto j = to_json(t.pd, t.sources);
  CHECK(j.at("schema") == kPackageDirectoryJsonVersion);
  CHECK(j.at("dir") == t.dir().string());
  CHECK(j.at("files").size() == 7);
  CHECK(j.at("spec").at("name") == "demo");
  CHECK(j.at("spec").at("package_version") == "1.2");
  CHECK(j.at("control").at("packages").size() == 1);
  CHECK(j.at("dsc").at("dsc").at("version") == "1.2-1");
  CHECK(j.at("debian_changelog").at("entries").at(0).at("version") == "1.2-1");
  CHECK(j.at("debian_rules").at("targets").at(0) == "%");
  CHECK(j.at("debian_series").at("patches").at(0).at("patch") == "fix.patch");
  CHECK(j.at("service").at("services").at(0).at("params").at(0).at("value") == "git");
  CHECK(j.at("suse_changes").is_null());
  CHECK(j.at("merged").at("package_version") == "1.2");
  CHECK_NOTHROW(j.dump());
}

TEST_CASE("hostile package directories load without crashing", "[package-dir][robustness]") {
  SECTION("garbage in every file kind") {
    std::string garbage;
    std::uint32_t x = 12345;
    for (int i = 0; i < 4096; ++i) {
      x = x * 1103515245u + 12345u;
      garbage.push_back(static_cast<char>(x >> 16));
    }
    TempPackage t({{"demo.spec", garbage},
                   {"debian.control", garbage},
                   {"demo.dsc", garbage},
                   {"debian.changelog", garbage},
                   {"debian.rules", garbage},
                   {"debian.series", garbage},
                   {"debian.copyright", garbage},
                   {"demo.changes", garbage},
                   {"_service", garbage}});
    CHECK(t.pd.files.size() == 9);
    CHECK_NOTHROW(to_json(t.pd, t.sources).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  SECTION("thousands of relations and binaries compare in O(n log n)") {
    std::string control = "Source: demo\nBuild-Depends: ", dsc = "Source: demo\nVersion: 1-1\nBuild-Depends: ";
    for (int i = 0; i < 5000; ++i) {
      control += fmt::format("{}pkg{} (>= {})", i ? ", " : "", i, i % 2);
      dsc += fmt::format("{}pkg{} (>= 0)", i ? ", " : "", i);
    }
    control += "\n";
    dsc += "\n";
    for (int i = 0; i < 3000; ++i) control += fmt::format("\nPackage: bin{}\nArchitecture: any\n", i);
    TempPackage t({{"debian.control", control}, {"demo.dsc", dsc + "Binary: bin0\n"}});
    CHECK(t.count("dsc-build-depends-drift") == 2500);  // the odd ones differ
    const auto binaries = t.with_rule("dsc-binary-drift");
    REQUIRE(binaries.size() == 2999);
    CHECK(binaries[0]->notes.at(0).message == "demo.dsc declares the binary packages: bin0");
    TempPackage u({{"debian.control", "Source: demo\n\nPackage: a\n"}, {"demo.dsc", dsc + "Binary: " + [] {
      std::string list;
      for (int i = 0; i < 30; ++i) list += fmt::format("{}b{}", i ? ", " : "", i);
      return list;
    }() + "\n"}});
    const auto more = u.with_rule("dsc-binary-drift");
    REQUIRE(more.size() == 31);
    CHECK(more.back()->notes.at(0).message.find(", b19 and 10 more") != std::string::npos);
  }
}

TEST_CASE("package directory diagnostics are registered with their severity", "[package-dir][registry]") {
  for (const char* id : {"version-mismatch", "source-name-mismatch", "dsc-binary-drift", "dsc-build-depends-drift",
                         "debian-series-drift", "unreadable-file"}) {
    INFO(id);
    const auto* rule = rules::find_rule(id);
    REQUIRE(rule != nullptr);
    CHECK(rule->severity == (std::string_view(id) == "unreadable-file" ? ir::Severity::Error : ir::Severity::Warning));
  }
}
