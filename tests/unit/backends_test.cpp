// The SUSE and Fedora backends: every Kata package at tags 1.2.0 and 1.11.0 converted to
// golden files (KATALINT_UPDATE_GOLDEN=1 regenerates them), emitted files read back to the
// same model, values files with sections, and writes that never leave the output directory.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "backends/common/rpm_spec.hpp"
#include "backends/common/tables.hpp"
#include "backends/common/values.hpp"
#include "backends/common/write.hpp"
#include "backends/convert.hpp"
#include "backends/targets.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/obs/service.hpp"
#include "frontend/package/directory.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/golden.hpp"

using namespace katalint;
namespace fs = std::filesystem;

namespace {

const fs::path kSource = KATALINT_SOURCE_DIR;
const fs::path kCorpus = fs::path(KATALINT_CORPUS_DIR) / "kata-home";
constexpr std::int64_t kTimestamp = 1700000000;  // 2023-11-14, fixed for the golden files

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "katalint-backends-XXXXXX").string();
    REQUIRE(mkdtemp(tmpl.data()) != nullptr);
    path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The home project at a tag, one folder per OBS package (as scripts/kata-home-at-tag.sh).
void build_home(const std::string& tag, const fs::path& dest) {
  std::ifstream in(kCorpus / "TAGS.tsv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() != 4 || cols[0] != tag) continue;
    const std::string package = cols[3].substr(0, cols[3].find('/'));
    if (package.front() == '_') continue;
    fs::create_directories(dest / package);
    fs::copy_file(kCorpus / cols[3], dest / package / fs::path(cols[2]).filename(),
                  fs::copy_options::overwrite_existing);
  }
}

backends::ProjectValues read_values(ir::SourceManager& sources, const fs::path& file) {
  std::string error;
  const auto id = sources.load(file.string(), error);
  REQUIRE(id);
  ir::DiagnosticSink sink;
  auto values = backends::parse_project_values(sources, *id, sink);
  REQUIRE(sink.diagnostics().empty());
  return values;
}

backends::ConvertOptions fixed_options() {
  backends::ConvertOptions o;
  o.packager = "Kata Packager <kata@example.com>";
  o.timestamp = kTimestamp;
  return o;
}

std::vector<const backends::Target*> rpm_targets() {
  return {backends::find_target("suse"), backends::find_target("fedora")};
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("every Kata package at 1.2.0 and 1.11.0 converts to the golden SUSE and Fedora files",
          "[backends][golden][kata]") {
  for (const std::string tag : {"1.2.0", "1.11.0"}) {
    INFO("tag " << tag);
    TempDir tmp;
    build_home(tag, tmp.path / "home");
    ir::SourceManager sources;
    ir::DiagnosticSink sink;
    const auto values = read_values(sources, kSource / "tests/data/kata-values" / (tag + ".values"));
    const auto summary = backends::migrate_project(sources, (tmp.path / "home").string(), rpm_targets(), values,
                                                   fixed_options(), {}, (tmp.path / "out").string(), sink);
    CHECK(sink.diagnostics().empty());
    CHECK(summary.write_errors.empty());
    // 8 packages at 1.2.0 (qemu-lite and qemu-vanilla), 7 at 1.11.0, for two targets.
    CHECK(summary.conversions.size() == (tag == "1.2.0" ? 16u : 14u));
    const fs::path golden = kSource / "tests/golden/backends" / tag;
    std::set<std::string> emitted;
    for (const auto& c : summary.conversions) {
      CHECK_FALSE(c.failed);
      for (const auto& f : c.files) {
        const std::string rel = c.target + "/" + c.package + "/" + f.path;
        emitted.insert(rel);
        INFO(rel);
        KATALINT_CHECK_GOLDEN(golden / rel, f.content);
        // What was written is what was emitted.
        CHECK(read_text(tmp.path / "out" / rel) == f.content);
      }
    }
    KATALINT_CHECK_GOLDEN(golden / "summary.json", backends::summary_json(summary, sources).dump(2) + "\n");
    KATALINT_CHECK_GOLDEN(golden / "summary.txt", backends::summary_text(summary, sources));
    // No golden file is left over from a file the backends no longer emit.
    for (const auto& entry : fs::recursive_directory_iterator(golden)) {
      if (!entry.is_regular_file()) continue;
      const std::string rel = fs::relative(entry.path(), golden).generic_string();
      if (rel.rfind("summary.", 0) == 0 || entry.path().extension() == ".actual") continue;
      INFO(rel);
      CHECK(emitted.count(rel) == 1);
    }
  }
}

namespace {

// The parts of a package model a conversion must keep.
struct ModelView {
  std::string name, version, license;
  std::set<std::string> packages, files, requires_;
};

ModelView view_of(const ir::Package& p) {
  ModelView v{p.name, p.version, p.license, {}, {}, {}};
  for (const auto& b : p.packages) {
    v.packages.insert(b.name);
    for (const auto& d : b.dependencies)
      if (d.kind == ir::DepKind::Requires) v.requires_.insert(d.name + " " + d.op + " " + d.evr);
    for (const auto& list : b.files)
      for (const auto& e : list.entries)
        if (!e.path.empty() && e.path.front() == '/') v.files.insert(b.name + ":" + e.path);
  }
  return v;
}

frontend::AnalyzeOptions profile_options(const backends::Target& target) {
  frontend::AnalyzeOptions o;
  o.target = std::string(target.profile);
  return o;
}

}  // namespace

TEST_CASE("emitted specs, .changes and _service files read back to the same model", "[backends][roundtrip]") {
  TempDir tmp;
  build_home("1.11.0", tmp.path / "home");
  ir::SourceManager sources;
  const auto values = read_values(sources, kSource / "tests/data/kata-values/1.11.0.values");
  for (const auto* target : rpm_targets()) {
    for (const std::string package : {"kata-runtime", "kata-ksm-throttler", "qemu-vanilla", "kata-proxy"}) {
      INFO(target->name << " " << package);
      std::string error;
      const auto all = frontend::list_files_recursively((tmp.path / "home" / package).string(), error);
      const auto package_values = backends::values_for(values, package, {});
      auto first = backends::convert_package(sources, all, *target, package_values, fixed_options(), {});
      REQUIRE_FALSE(first.failed);
      const fs::path out = tmp.path / "out" / std::string(target->name) / package;
      REQUIRE(backends::write_emitted(out.string(), "", first.files, error));

      // The emitted spec, evaluated for the target, is the input's package: same name,
      // version, subpackages, installed files (less the directories the system owns) and
      // run-time requirements.
      frontend::AnalyzeOptions analyze;
      analyze.target = std::string(target->profile);
      analyze.placeholders = package_values;
      ir::DiagnosticSink sink;
      std::vector<std::string> templates;
      for (const auto& f : all)
        if (f.find(".spec-template") != std::string::npos) templates.push_back(f);
      const auto input = frontend::load_package_directory(sources, templates, analyze, sink);
      const auto output = frontend::load_package_directory(sources, {(out / (package + ".spec")).string()},
                                                           profile_options(*target),
                                                           sink);
      REQUIRE(input.spec);
      REQUIRE(output.spec);
      CHECK_FALSE(output.spec->parse_failed);
      const ModelView in = view_of(*input.spec);
      ModelView got = view_of(*output.spec);
      // %{?systemd_requires} adds Fedora's systemd requirement to packages with units.
      if (target->name == "fedora" && package == "kata-ksm-throttler") CHECK(got.requires_.erase("systemd  ") == 1);
      CHECK(got.name == in.name);
      CHECK(got.version == in.version);
      CHECK(got.packages == in.packages);
      CHECK(got.requires_ == in.requires_);
      std::set<std::string> expected_files;
      for (const auto& f : in.files) {
        std::string path = f.substr(f.find(':') + 1);
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        if (path != "/usr/libexec" && path != "/usr/share/bash-completion" &&
            path != "/usr/share/bash-completion/completions")
          expected_files.insert(f);
      }
      CHECK(got.files == expected_files);

      // Converting the output again changes nothing in the model.
      auto second = backends::convert_package(sources, {(out / (package + ".spec")).string()}, *target, {},
                                              fixed_options(), {});
      REQUIRE_FALSE(second.failed);
      const fs::path out2 = tmp.path / "again" / std::string(target->name) / package;
      REQUIRE(backends::write_emitted(out2.string(), "", {second.files.front()}, error));
      const auto again = frontend::load_package_directory(sources, {(out2 / (package + ".spec")).string()},
                                                          profile_options(*target),
                                                          sink);
      REQUIRE(again.spec);
      ModelView v2 = view_of(*again.spec);
      if (target->name == "fedora" && package == "kata-ksm-throttler") v2.requires_.erase("systemd  ");
      CHECK(v2.name == got.name);
      CHECK(v2.version == got.version);
      CHECK(v2.license == got.license);
      CHECK(v2.packages == got.packages);
      CHECK(v2.files == got.files);
      CHECK(v2.requires_ == got.requires_);

      if (target->name != "suse") continue;
      // The .changes file reads back as the entry the conversion wrote.
      ir::DiagnosticSink changes_sink;
      std::string load_error;
      const auto changes_id = sources.load((out / (package + ".changes")).string(), load_error);
      REQUIRE(changes_id);
      const auto changes = frontend::obs::parse_suse_changes(sources.file(*changes_id), changes_sink);
      CHECK(changes_sink.diagnostics().empty());
      REQUIRE(changes.entries.size() == 1);
      CHECK(changes.entries[0].author == "Kata Packager <kata@example.com>");
      CHECK(changes.entries[0].date == "Tue Nov 14 22:13:20 UTC 2023");
      // The _service reads back as obs_scm, set_version, tar and recompress.
      const auto service_id = sources.load((out / "_service").string(), load_error);
      REQUIRE(service_id);
      const auto service = frontend::obs::parse_obs_service(sources.file(*service_id), changes_sink);
      CHECK(service.well_formed);
      std::vector<std::string> names;
      for (const auto& s : service.services) names.push_back(s.name + "/" + s.mode);
      CHECK(names == std::vector<std::string>{"obs_scm/manual", "set_version/manual", "tar/buildtime",
                                              "recompress/buildtime"});
    }
  }
}

TEST_CASE("values files: the top applies to all packages, sections and the package's own file win",
          "[backends][values]") {
  ir::SourceManager sources;
  const auto id = sources.add("project.values",
                              "GO_VERSION=1.13.9\nVERSION=0\n\n[kata-runtime]\nVERSION=1.11.0\n[kata-shim]\nHASH=abc\n");
  ir::DiagnosticSink sink;
  const auto values = backends::parse_project_values(sources, id, sink);
  CHECK(sink.diagnostics().empty());
  auto runtime = backends::values_for(values, "kata-runtime", {});
  CHECK(runtime.at("VERSION") == "1.11.0");
  CHECK(runtime.at("GO_VERSION") == "1.13.9");
  CHECK(runtime.count("HASH") == 0);
  auto shim = backends::values_for(values, "kata-shim", {{"HASH", "def"}});
  CHECK(shim.at("VERSION") == "0");
  CHECK(shim.at("HASH") == "def");

  const auto bad = sources.add("bad.values", "OK=1\n[unclosed\nnot a line\n");
  ir::DiagnosticSink bad_sink;
  backends::parse_project_values(sources, bad, bad_sink);
  REQUIRE(bad_sink.diagnostics().size() == 2);
  for (const auto& d : bad_sink.diagnostics()) {
    CHECK(d.range.file == bad);
    CHECK(d.rule == "values-file-syntax");
  }
  CHECK(sources.file(bad).position(bad_sink.diagnostics()[0].range.begin).line == 2);
  CHECK(sources.file(bad).position(bad_sink.diagnostics()[1].range.begin).line == 3);
}

TEST_CASE("writes stay inside the output directory and do not follow planted links", "[backends][write]") {
  TempDir tmp;
  const fs::path out = tmp.path / "out";
  const fs::path outside = tmp.path / "outside";
  fs::create_directories(out);
  fs::create_directories(outside);
  std::string error;
  for (const std::string bad : {"../escape.spec", "/etc/escape.spec", "a/../../x", "", ".", "a//b"}) {
    INFO(bad);
    CHECK_FALSE(backends::write_emitted(out.string(), "", {{bad, "x", false}}, error));
    CHECK_FALSE(error.empty());
  }
  // A link planted as a package folder is refused, and nothing lands behind it.
  fs::create_directory_symlink(outside, out / "suse");
  CHECK_FALSE(backends::write_emitted(out.string(), "suse/pkg", {{"pkg.spec", "x", false}}, error));
  CHECK(fs::is_empty(outside));
  // A link planted as the file itself is replaced, not written through.
  fs::create_directories(out / "fedora");
  std::ofstream(outside / "victim") << "keep";
  fs::create_symlink(outside / "victim", out / "fedora" / "pkg.spec");
  REQUIRE(backends::write_emitted(out.string(), "fedora", {{"pkg.spec", "new", false}}, error));
  CHECK(read_text(outside / "victim") == "keep");
  CHECK_FALSE(fs::is_symlink(out / "fedora" / "pkg.spec"));
  CHECK(read_text(out / "fedora" / "pkg.spec") == "new");
  // No temporary files are left behind.
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out / "fedora")) ++count;
  CHECK(count == 1);
}

TEST_CASE("dependency names and licences map through the tables in data/backends", "[backends][tables]") {
  using backends::MappedName;
  using backends::RpmFlavor;
  CHECK(backends::map_rpm_dependency("libelf-devel", RpmFlavor::Fedora).name == "elfutils-libelf-devel");
  CHECK(backends::map_rpm_dependency("numactl-devel", RpmFlavor::Suse).name == "libnuma-devel");
  CHECK(backends::map_rpm_dependency("numactl-devel", RpmFlavor::Fedora).kind == MappedName::Kind::Same);
  CHECK(backends::map_rpm_dependency("openSUSE-release", RpmFlavor::Fedora).kind == MappedName::Kind::Dropped);
  CHECK(backends::map_rpm_dependency("pkgconfig(glib-2.0)", RpmFlavor::Suse).kind == MappedName::Kind::Same);
  CHECK(backends::map_rpm_dependency("no-such-package", RpmFlavor::Suse).kind == MappedName::Kind::Unmapped);
  CHECK(backends::rpm_macro_package("@go-toolchain", RpmFlavor::Suse) == "golang(API)");
  CHECK(backends::rpm_macro_package("@go-macros", RpmFlavor::Suse).empty());
  std::vector<std::string> unknown;
  CHECK(backends::spdx_license("GPL-2.0 and LGPL-2.1+ BSD-3-Clause", unknown) ==
        "GPL-2.0-only AND LGPL-2.1-or-later AND BSD-3-Clause");
  CHECK(unknown.empty());
  backends::spdx_license("Apache-2.0 Public_Domain!", unknown);
  CHECK(unknown == std::vector<std::string>{"Public_Domain!"});
  CHECK(backends::go_release("1.13.9") == "1.13");
  CHECK(backends::go_release("x").empty());
}

TEST_CASE("changelogs move to .changes and to Fedora's classic %changelog; Lua and unmapped names are reported",
          "[backends][changelog]") {
  TempDir tmp;
  const fs::path dir = tmp.path / "demo";
  fs::create_directories(dir);
  std::ofstream(dir / "demo.spec") << "Name: demo\nVersion: 1.0\nRelease: 1\nSummary: demo tool.\n"
                                      "License: GPL-2.0+\nURL: https://example.org/demo\n"
                                      "Source0: https://example.org/demo-1.0.tar.gz\n"
                                      "BuildRequires: libelf-devel\nBuildRequires: frobnicate-devel\n"
                                      "%description\nDemo.\n%prep\n%setup -q\n"
                                      "%build\nmake\n%install\n%{lua: print('x')}\n"
                                      "%files\n/usr/bin/demo\n"
                                      "%changelog\n* Wed Oct 23 2019 Ann Author <ann@example.org> - 1.0-1\n"
                                      "- First release\n";
  ir::SourceManager sources;
  const std::vector<std::string> files = {(dir / "demo.spec").string()};

  auto suse = backends::convert_package(sources, files, *backends::find_target("suse"), {}, fixed_options(), {});
  REQUIRE_FALSE(suse.failed);
  REQUIRE(suse.files.size() == 2);
  CHECK(suse.files[1].path == "demo.changes");
  CHECK(suse.files[1].content ==
        std::string(67, '-') + "\nTue Nov 14 22:13:20 UTC 2023 - Kata Packager <kata@example.com>\n\n"
        "- Package demo for openSUSE, converted from its home-project\n  packaging\n\n" +
        std::string(67, '-') + "\nWed Oct 23 00:00:00 UTC 2019 - Ann Author <ann@example.org>\n\n- First release\n\n");
  const std::string& spec = suse.files[0].content;
  CHECK(spec.find("Summary:        Demo tool\n") != std::string::npos);
  CHECK(spec.find("License:        GPL-2.0-or-later\n") != std::string::npos);
  CHECK(spec.find("BuildRequires:  pkgconfig(libelf)\n") != std::string::npos);
  CHECK(spec.find("%make_build\n") != std::string::npos);
  CHECK(spec.find("%{_bindir}/demo\n") != std::string::npos);
  CHECK(spec.find("\n%changelog\n") != std::string::npos);
  CHECK(spec.find("First release") == std::string::npos);
  std::map<std::string, std::uint32_t> lines;  // rule -> line in the input
  for (const auto& d : suse.diagnostics)
    if (d.range.valid()) lines[d.rule] = sources.file(d.range.file).position(d.range.begin).line;
  CHECK(lines["convert-dependency-unmapped"] == 9);
  CHECK(lines["convert-lua-macro"] == 17);
  CHECK(lines["convert-changelog-lossy"] == 21);

  backends::ConvertOptions classic = fixed_options();
  classic.classic_release = true;
  auto fedora = backends::convert_package(sources, files, *backends::find_target("fedora"), {}, classic, {});
  REQUIRE_FALSE(fedora.failed);
  const std::string& fspec = fedora.files[0].content;
  CHECK(fspec.find("Release:        1%{?dist}\n") != std::string::npos);
  CHECK(fspec.find("BuildRequires:  elfutils-libelf-devel\n") != std::string::npos);
  CHECK(fspec.find("%changelog\n* Tue Nov 14 2023 Kata Packager <kata@example.com> - 1.0-1\n"
                   "- Package demo for Fedora, converted from its home-project packaging\n\n"
                   "* Wed Oct 23 2019 Ann Author <ann@example.org> - 1.0-1\n- First release\n") != std::string::npos);
}

TEST_CASE("a Debian source package without a spec becomes a draft spec that says what needs a human",
          "[backends][debian]") {
  TempDir tmp;
  const fs::path dir = tmp.path / "hello" / "debian";
  fs::create_directories(dir);
  std::ofstream(dir / "control") << "Source: hello\nSection: devel\nPriority: optional\n"
                                    "Maintainer: Ann Author <ann@example.org>\n"
                                    "Build-Depends: debhelper-compat (= 13), zlib-devel, libfoo-dev (>= 1.2-3)\n"
                                    "Homepage: https://example.org/hello\n\n"
                                    "Package: hello\nArchitecture: any\n"
                                    "Depends: ${shlibs:Depends}, ${misc:Depends}, hello-data (= ${source:Version})\n"
                                    "Description: greets the world.\n Prints a greeting.\n\n"
                                    "Package: hello-data\nArchitecture: all\nDescription: data for hello\n Data.\n";
  std::ofstream(dir / "changelog") << "hello (1:2.10-3) unstable; urgency=medium\n\n  * New upstream release.\n\n"
                                      " -- Ann Author <ann@example.org>  Thu, 03 Oct 2024 12:05:09 +0200\n";
  ir::SourceManager sources;
  const std::vector<std::string> files = {(dir / "control").string(), (dir / "changelog").string()};
  auto suse = backends::convert_package(sources, files, *backends::find_target("suse"), {}, fixed_options(), {});
  REQUIRE_FALSE(suse.failed);
  REQUIRE(suse.files.size() == 2);
  const std::string& spec = suse.files[0].content;
  CHECK(spec.find("Name:           hello\nVersion:        2.10\nRelease:        0\nSummary:        Greets the world\n") !=
        std::string::npos);
  CHECK(spec.find("BuildRequires:  zlib-devel\n") != std::string::npos);
  CHECK(spec.find("BuildRequires:  libfoo-dev >= 1.2\n") != std::string::npos);
  CHECK(spec.find("Requires:       hello-data = %{version}-%{release}\n") != std::string::npos);
  CHECK(spec.find("debhelper") == std::string::npos);
  CHECK(spec.find("%package -n hello-data\n") != std::string::npos);
  CHECK(spec.find("URL:            https://example.org/hello\n") != std::string::npos);
  // The Debian changelog entry follows the conversion's own, in UTC.
  CHECK(suse.files[1].content.find("Thu Oct  3 10:05:09 UTC 2024 - Ann Author <ann@example.org>\n\n"
                                   "- New upstream release.\n") != std::string::npos);
  std::set<std::string> rules;
  for (const auto& d : suse.diagnostics) rules.insert(d.rule);
  CHECK(rules.count("convert-debian-needs-human") == 1);
  CHECK(rules.count("convert-dependency-unmapped") == 1);  // libfoo-dev
}
