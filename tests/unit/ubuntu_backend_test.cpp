// The Ubuntu backend: dependency-name tables (against the Debian file-index tables they were
// generated from), the emitted files and their diagnostics, and the round trip
// debian/control -> package model -> debian/control.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "backends/ubuntu/depmap.hpp"
#include "backends/ubuntu/reverse.hpp"
#include "backends/ubuntu/ubuntu.hpp"
#include "frontend/analyze.hpp"
#include "frontend/debian/control.hpp"
#include "frontend/debian/deb822.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::backends::ubuntu;
namespace fs = std::filesystem;

namespace {

struct TableRow {
  std::string key, package;
};

// Column 0 and 1 of one of ../shared/data/debian-*-map.tsv.
std::vector<TableRow> read_shared_table(const std::string& name) {
  std::ifstream in(fs::path(KATALINT_CORPUS_DIR) / ".." / "data" / name);
  std::vector<TableRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 + 1);
    if (tab1 != std::string::npos) rows.push_back({line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1)});
  }
  return rows;
}

struct Converted {
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  ir::Package package;
  backends::EmittedFiles files;

  [[nodiscard]] const std::string* file(const std::string& path) const {
    for (const auto& f : files)
      if (f.path == path) return &f.content;
    return nullptr;
  }
  [[nodiscard]] const ir::Diagnostic* finding(const std::string& rule, const std::string& needle = {}) const {
    for (const auto& d : sink.diagnostics())
      if (d.rule == rule && d.message.find(needle) != std::string::npos) return &d;
    return nullptr;
  }
  [[nodiscard]] std::uint32_t line_of(const ir::Diagnostic& d) const {
    return sources.file(d.range.file).position(d.range.begin).line;
  }
};

std::unique_ptr<Converted> convert(const std::string& spec, const Options& options = {}) {
  auto c = std::make_unique<Converted>();
  const ir::FileId id = c->sources.add("example.spec", spec);
  frontend::AnalyzeOptions analyze;
  analyze.target = "rpm";
  ir::DiagnosticSink spec_sink;
  c->package = frontend::evaluate_spec_file(c->sources, id, analyze, spec_sink);
  c->files = emit(c->package, c->sources, options, c->sink);
  return c;
}

const std::string kSpec = R"(Name:           example
Version:        1.4.2
Release:        3
Summary:        Tool that shows an example
License:        GPL-2.0-or-later AND MIT
URL:            https://example.org
Source0:        https://example.org/example-%{version}.tar.gz
Patch0:         fix-build.patch
BuildRequires:  pkgconfig(glib-2.0) >= 2.40
BuildRequires:  gcc
BuildRequires:  golang(API) >= 1.21
BuildRequires:  frobnicator-devel
Requires:       %{name}-data = %{version}-%{release}
Requires:       perl(YAML)
%if 0%{?suse_version}
Requires:       suse-only
%endif
Packager:       Jane Doe <jane@example.org>

%description
An example tool.

.dotted line

%package data
Summary:        Data for example
BuildArch:      noarch

%description data
Data files.

%prep
%autosetup -p1

%build
go build -o example ./cmd/example

%install
install -D -m 0755 example %{buildroot}%{_bindir}/example

%pretrans -p <lua>
print("hello")

%post
if [ $1 -eq 1 ]; then echo first; fi

%files
%license COPYING
%doc README.md
%{_bindir}/example

%files data
%dir %{_datadir}/example
%{_datadir}/example/*.dat
)";

}  // namespace

TEST_CASE("the embedded tables give the package of every key of Debian's file index", "[ubuntu][depmap]") {
  struct Namespace {
    std::string file, prefix;
  };
  for (const auto& ns : {Namespace{"debian-pkgconfig-map.tsv", "pkgconfig"}, Namespace{"debian-cmake-map.tsv", "cmake"},
                         Namespace{"debian-perl-module-map.tsv", "perl"},
                         Namespace{"debian-golang-importpath-map.tsv", "golang"}}) {
    const auto rows = read_shared_table(ns.file);
    REQUIRE(rows.size() > 1000);
    std::size_t wrong = 0;
    for (const auto& row : rows) {
      const DebianName got = debian_name_for(ns.prefix + "(" + row.key + ")");
      const bool core = ns.prefix == "perl" &&
                        (row.package == "perl" || row.package == "perl-base" || row.package.rfind("perl-modules-", 0) == 0);
      const bool ok = core ? got.kind == DebianName::Kind::Drop
                           : got.kind == DebianName::Kind::Package && got.name == row.package;
      if (!ok && ++wrong <= 5) {
        INFO(ns.prefix << "(" << row.key << ") -> " << got.name << ", expected " << row.package);
        CHECK(ok);
      }
    }
    INFO(ns.file << ": " << wrong << " of " << rows.size() << " keys map wrongly");
    CHECK(wrong == 0);
  }
}

TEST_CASE("the reverse direction finds a key for every package, and maps back to it", "[ubuntu][depmap]") {
  for (const std::string file : {"debian-pkgconfig-map.tsv", "debian-cmake-map.tsv", "debian-golang-importpath-map.tsv"}) {
    std::set<std::string> packages;
    for (const auto& row : read_shared_table(file)) packages.insert(row.package);
    std::size_t wrong = 0;
    for (const auto& p : packages) {
      const auto rpm = rpm_name_for(p);
      const bool ok = rpm && debian_name_for(*rpm).name == p;
      if (!ok && ++wrong <= 5) {
        INFO(p << " -> " << rpm.value_or("(none)") << " -> " << (rpm ? debian_name_for(*rpm).name : ""));
        CHECK(ok);
      }
    }
    INFO(file << ": " << wrong << " of " << packages.size() << " packages do not come back");
    CHECK(wrong == 0);
  }
  CHECK(rpm_name_for("libglib2.0-dev") == "pkgconfig(glib-2.0)");
  CHECK(rpm_name_for("zlib1g-dev") == "pkgconfig(zlib)");
  CHECK(rpm_name_for("golang-github-sirupsen-logrus-dev") == "golang(github.com/sirupsen/logrus)");
  CHECK(rpm_name_for("libyaml-perl") == "perl(YAML)");
  CHECK(rpm_name_for("pkg-config") == "pkgconfig");
  CHECK(rpm_name_for("golang-1.22-go") == "golang");
  CHECK_FALSE(rpm_name_for("debhelper-compat"));
  CHECK_FALSE(rpm_name_for("dh-sequence-golang"));
  CHECK_FALSE(rpm_name_for("${misc:Depends}"));
  CHECK(rpm_name_for("kata-proxy") == "kata-proxy");
}

TEST_CASE("RPM names without a table entry", "[ubuntu][depmap]") {
  CHECK(debian_name_for("gcc").kind == DebianName::Kind::Drop);
  CHECK(debian_name_for("perl(:VERSION)").kind == DebianName::Kind::Drop);
  CHECK(debian_name_for("golang(API)").kind == DebianName::Kind::GoToolchain);
  CHECK(debian_name_for("go1.22").kind == DebianName::Kind::GoToolchain);
  CHECK(debian_name_for("zlib-devel").name == "zlib1g-dev");
  // -devel -> -dev only when the tables know the -dev package.
  CHECK(debian_name_for("libseccomp-devel").name == "libseccomp-dev");
  CHECK(debian_name_for("frobnicator-devel").kind == DebianName::Kind::Unmapped);
  CHECK(debian_name_for("python3dist(Foo_Bar)").name == "python3-foo-bar");
  // A subpackage path resolves through its parent import path.
  CHECK(debian_name_for("golang(github.com/sirupsen/logrus/hooks/syslog)").name == "golang-github-sirupsen-logrus-dev");
  const auto weird = debian_name_for("Weird(Thing)");
  CHECK(weird.kind == DebianName::Kind::Unmapped);
  CHECK(weird.name.empty());
  REQUIRE(find_release("focal"));
  CHECK(find_release("focal")->debhelper_compat == 12);
  CHECK_FALSE(find_release("hirsute"));
}

TEST_CASE("a spec becomes a debian/ tree", "[ubuntu][emit]") {
  const auto c = convert(kSpec);
  for (const auto& f : c->files) {
    CHECK(f.path.rfind("debian/", 0) == 0);
    CHECK(f.path.find("..") == std::string::npos);
    CHECK(f.content.find("go1.") == std::string::npos);  // never a Go toolchain
  }
  const std::string* control = c->file("debian/control");
  REQUIRE(control);
  CHECK(control->find("Source: example\n") == 0);
  CHECK(control->find("Maintainer: Jane Doe <jane@example.org>\n") != std::string::npos);
  CHECK(control->find(" debhelper-compat (= 13),\n golang-go (>= 2:1.21~),\n libglib2.0-dev (>= 2.40),\n frobnicator-devel,\n") !=
        std::string::npos);
  CHECK(control->find("\n gcc,") == std::string::npos);
  CHECK(control->find("Depends: ${shlibs:Depends}, ${misc:Depends}, example-data (= ${binary:Version}), libyaml-perl\n") !=
        std::string::npos);
  CHECK(control->find("suse-only") == std::string::npos);
  CHECK(control->find("Package: example-data\nArchitecture: all\nDepends: ${misc:Depends}\n") != std::string::npos);
  CHECK(control->find("Description: Tool that shows an example\n An example tool.\n .\n  .dotted line\n") != std::string::npos);

  const std::string* rules = c->file("debian/rules");
  REQUIRE(rules);
  CHECK(rules->rfind("#!/usr/bin/make -f\n", 0) == 0);
  CHECK(rules->find("export GOTOOLCHAIN := local\n") != std::string::npos);
  CHECK(rules->find("export PATH") == std::string::npos);  // noble's Go 1.22 is new enough
  CHECK(rules->find("override_dh_auto_build:\n\tgo build -o example ./cmd/example\n") != std::string::npos);
  CHECK(rules->find("\tinstall -D -m 0755 example $(CURDIR)/debian/tmp/usr/bin/example\n") != std::string::npos);
  CHECK(std::any_of(c->files.begin(), c->files.end(), [](const auto& f) { return f.path == "debian/rules" && f.executable; }));

  CHECK(*c->file("debian/source/format") == "3.0 (quilt)\n");
  CHECK(*c->file("debian/patches/series") == "fix-build.patch\n");
  CHECK(*c->file("debian/example.install") == "usr/bin/example\n");
  CHECK(*c->file("debian/example.docs") == "README.md\n");
  CHECK(*c->file("debian/example-data.dirs") == "usr/share/example\n");
  CHECK(*c->file("debian/example-data.install") == "usr/share/example/*.dat\n");
  const std::string* postinst = c->file("debian/example.postinst");
  REQUIRE(postinst);
  CHECK(postinst->find("#!/bin/sh\nset -e\n") == 0);
  CHECK(postinst->find("#DEBHELPER#") != std::string::npos);

  const std::string* changelog = c->file("debian/changelog");
  REQUIRE(changelog);
  CHECK(changelog->rfind("example (1.4.2-3) noble; urgency=medium\n", 0) == 0);
  CHECK(changelog->find(" -- Jane Doe <jane@example.org>  ") != std::string::npos);

  const std::string* copyright = c->file("debian/copyright");
  REQUIRE(copyright);
  CHECK(copyright->find("License: GPL-2+ and Expat\n") != std::string::npos);
  CHECK(copyright->find("/usr/share/common-licenses/GPL-2.") != std::string::npos);
  CHECK(copyright->find("\nLicense: Expat\n") != std::string::npos);
}

TEST_CASE("lossy conversions are diagnostics at the source position", "[ubuntu][emit]") {
  const auto c = convert(kSpec);
  const auto* unmapped = c->finding("unmapped-dependency", "frobnicator-devel");
  REQUIRE(unmapped);
  CHECK(c->line_of(*unmapped) == 12);
  const auto* lua = c->finding("lua-macro-not-converted", "%pretrans");
  REQUIRE(lua);
  CHECK(c->line_of(*lua) == 41);
  const auto* pretrans = c->finding("scriptlet-without-equivalent", "%pretrans");
  REQUIRE(pretrans);
  CHECK(c->line_of(*pretrans) == 41);
  const auto* post = c->finding("scriptlet-without-equivalent", "$1");
  REQUIRE(post);
  CHECK(c->line_of(*post) == 44);
  const auto* conditional = c->finding("dropped-conditional");
  REQUIRE(conditional);
  CHECK(c->line_of(*conditional) == 15);
  const auto* gcc = c->finding("lossy-conversion", "'gcc'");
  REQUIRE(gcc);
  CHECK(c->line_of(*gcc) == 10);
  CHECK(gcc->severity == ir::Severity::Info);
  // Nothing the spec says is dropped without a diagnostic: every BuildRequires is in the
  // control file or has a finding on its line.
  for (const auto& dep : c->package.build_dependencies) {
    const auto mapped = debian_name_for(dep.name);
    if (mapped.kind == DebianName::Kind::Package || mapped.kind == DebianName::Kind::GoToolchain) continue;
    const auto line = c->sources.file(dep.range.file).position(dep.range.begin).line;
    INFO(dep.name);
    CHECK(std::any_of(c->sink.diagnostics().begin(), c->sink.diagnostics().end(),
                      [&](const ir::Diagnostic& d) { return d.range.valid() && c->line_of(d) == line; }));
  }
}

TEST_CASE("Debian's description, licence and dependency rules shape the control and copyright files",
          "[ubuntu][emit]") {
  const std::string long_word(90, 'x');
  const auto c = convert(R"(Name:           frob
Version:        1
Release:        0
Summary:        frob - a frobnicator that is described at such length that the synopsis cannot hold it all
License:        GPLv2+ BSD, Public Domain and (MIT or Apache-2.0 WITH LLVM-exception)
URL:            https://example.org
BuildRequires:  build-essential
BuildRequires:  gcc
BuildRequires:  gcc >= 12
Requires:       bash

%description
One description line that is much longer than eighty characters, so the Debian form wraps it at a blank.
)" + long_word + R"(

%files
)");
  const std::string* control = c->file("debian/control");
  REQUIRE(control);
  // The name is not repeated, and the synopsis is cut at a blank; the whole summary opens the text.
  CHECK(control->find("Description: A frobnicator that is described at such length that the synopsis cannot hold\n"
                      " A frobnicator that is described at such length that the synopsis cannot hold it\n"
                      " all\n .\n One description line that is much longer than eighty characters, so the Debian\n"
                      " form wraps it at a blank.\n  " + long_word + "\n") != std::string::npos);
  CHECK(c->finding("lossy-conversion", "starts with its name"));
  CHECK(c->finding("lossy-conversion", "longer than 80 characters"));
  // build-essential and its members are always there.
  CHECK(control->find("build-essential") == std::string::npos);
  CHECK(control->find("gcc") == std::string::npos);
  CHECK_FALSE(c->finding("unmapped-dependency"));
  CHECK(control->find("bash") == std::string::npos);  // Essential
  const std::string* copyright = c->file("debian/copyright");
  REQUIRE(copyright);
  CHECK(copyright->find("\nLicense: GPL-2+ and BSD-3-clause and public-domain and Expat or Apache-2.0 with LLVM-exception\n") !=
        std::string::npos);
  for (const char* name : {"GPL-2+", "BSD-3-clause", "public-domain", "Expat", "Apache-2.0 with LLVM-exception"})
    CHECK(copyright->find(fmt::format("\nLicense: {}\n ", name)) != std::string::npos);
}

TEST_CASE("migrate's sibling packages and packager reach the Debian files", "[ubuntu][emit]") {
  const std::string spec = R"(Name:           runtime
Version:        1
Release:        0
Summary:        Runtime of a project
License:        MIT
URL:            https://example.org
Requires:       project-proxy

%description
The runtime.

%files
)";
  Options options;
  options.sibling_packages = {"project-proxy"};
  options.maintainer = "Jane Doe  <jane@example.org>";
  const auto c = convert(spec, options);
  const std::string* control = c->file("debian/control");
  REQUIRE(control);
  CHECK(control->find("Maintainer: Jane Doe <jane@example.org>\n") != std::string::npos);
  CHECK(control->find(", project-proxy\n") != std::string::npos);
  CHECK_FALSE(c->finding("unmapped-dependency"));
  CHECK_FALSE(c->finding("lossy-conversion", "names no maintainer"));
  // Without them: a warning for each.
  const auto alone = convert(spec);
  CHECK(alone->finding("unmapped-dependency", "project-proxy"));
  CHECK(alone->finding("lossy-conversion", "names no maintainer"));
}

TEST_CASE("a release whose Go is too old gets golang-1.NN-go on the PATH", "[ubuntu][emit][golang]") {
  Options focal;
  focal.release = "focal";
  const auto c = convert(kSpec, focal);
  const std::string& control = *c->file("debian/control");
  CHECK(control.find(" debhelper-compat (= 12),\n golang-1.21-go,\n") != std::string::npos);
  CHECK(control.find("golang-go") == std::string::npos);
  const std::string& rules = *c->file("debian/rules");
  CHECK(rules.find("export PATH := /usr/lib/go-1.21/bin:$(PATH)\n") != std::string::npos);
  CHECK(rules.find("export GOTOOLCHAIN := local\n") != std::string::npos);
  CHECK(c->file("debian/changelog")->find(") focal; urgency=medium") != std::string::npos);

  Options unknown;
  unknown.release = "warty";
  const auto u = convert(kSpec, unknown);
  REQUIRE(u->finding("unknown-release", "warty"));
  CHECK(u->finding("unknown-release")->severity == ir::Severity::Error);
}

TEST_CASE("prebuilt toolchains and images are flagged and not shipped", "[ubuntu][emit]") {
  const auto c = convert(R"(Name:           image
Version:        1.0
Release:        1
Summary:        Disk image
License:        Apache-2.0
Source0:        image.tar.gz
Source1:        https://storage.example.org/go1.10.2.linux-amd64.tar.gz

%description
Image.

%prep
tar -C local -xzf %{SOURCE1}

%install
tar xfz %{SOURCE0}
install -m 0400 rootfs.img %{buildroot}/usr/share/image/rootfs.img

%files
/usr/share/image/rootfs.img
)");
  const auto* image = c->finding("prebuilt-image-source", "image.tar.gz");
  REQUIRE(image);
  CHECK(c->line_of(*image) == 6);
  const auto* toolchain = c->finding("prebuilt-toolchain-source", "go1.10.2.linux-amd64.tar.gz");
  REQUIRE(toolchain);
  CHECK(c->line_of(*toolchain) == 7);
  for (const auto& f : c->files) CHECK(f.content.find("go1.10") == std::string::npos);
  CHECK(c->file("debian/control")->find(" golang-go (>= 2:1.10~),\n") != std::string::npos);
}

TEST_CASE("the OBS layout writes debian.* files and a .dsc with Debtransform", "[ubuntu][emit][obs]") {
  Options obs;
  obs.obs_layout = true;
  const auto c = convert(kSpec, obs);
  std::vector<std::string> paths;
  for (const auto& f : c->files) paths.push_back(f.path);
  CHECK(paths == std::vector<std::string>{"debian.changelog", "debian.control", "debian.copyright",
                                          "debian.example-data.dirs", "debian.example-data.install",
                                          "debian.example.docs", "debian.example.install", "debian.example.postinst",
                                          "debian.rules", "debian.series", "example.dsc"});
  const std::string& dsc = *c->file("example.dsc");
  CHECK(dsc.find("Source: example\nBinary: example, example-data\n") != std::string::npos);
  CHECK(dsc.find("Version: 1.4.2-3\n") != std::string::npos);
  CHECK(dsc.find("Debtransform-Tar: example-1.4.2.tar.gz\n") != std::string::npos);
  CHECK(dsc.find("Debtransform-Series: debian.series\n") != std::string::npos);
  // The .dsc's Build-Depends are the control file's (OBS resolves the .dsc's, dpkg checks the control's).
  CHECK(dsc.find("Build-Depends: debhelper-compat (= 13), golang-go (>= 2:1.21~), libglib2.0-dev (>= 2.40), "
                 "frobnicator-devel\n") != std::string::npos);
}

namespace {

// debian/control -> package model (RPM spelling) -> debian/control.
std::string reemit_control(const std::string& control_text, ir::DiagnosticSink& parse_sink) {
  ir::SourceManager sources;
  const ir::FileId id = sources.add("debian/control", control_text);
  const auto doc = frontend::debian::parse_deb822(sources.file(id), frontend::debian::Deb822Flavor::Control, parse_sink);
  const ir::Package debian = frontend::debian::control_to_ir(doc, sources.file(id), parse_sink);
  const ir::Package rpm = to_rpm_spelling(debian);
  ir::DiagnosticSink sink;
  for (const auto& f : emit(rpm, sources, {}, sink))
    if (f.path == "debian/control") return f.content;
  return {};
}

}  // namespace

TEST_CASE("parsing an emitted debian/control gives back the same package model", "[ubuntu][roundtrip]") {
  const auto c = convert(kSpec);
  const std::string& control = *c->file("debian/control");
  ir::DiagnosticSink parse_sink;
  ir::SourceManager sources;
  const ir::FileId id = sources.add("debian/control", control);
  const auto doc = frontend::debian::parse_deb822(sources.file(id), frontend::debian::Deb822Flavor::Control, parse_sink);
  const ir::Package back = to_rpm_spelling(frontend::debian::control_to_ir(doc, sources.file(id), parse_sink));
  CHECK(parse_sink.diagnostics().empty());
  CHECK(back.name == c->package.name);
  CHECK(back.url == c->package.url);
  REQUIRE(back.packages.size() == c->package.packages.size());
  for (std::size_t i = 0; i < back.packages.size(); ++i) {
    CHECK(back.packages[i].name == c->package.packages[i].name);
    CHECK(back.packages[i].summary == c->package.packages[i].summary);
  }
  CHECK(back.packages[1].arch == "noarch");
  std::vector<std::string> build;
  for (const auto& d : back.build_dependencies) build.push_back(d.name + (d.op.empty() ? "" : " " + d.op + " " + d.evr));
  CHECK(build == std::vector<std::string>{"golang >= 2:1.21~", "pkgconfig(glib-2.0) >= 2.40", "frobnicator-devel"});
  std::vector<std::string> requires_;
  for (const auto& d : back.packages[0].dependencies) requires_.push_back(d.name);
  CHECK(requires_ == std::vector<std::string>{"example-data", "perl(YAML)"});
  // ... and that model converts to the same control file, byte for byte.
  ir::DiagnosticSink sink2;
  const std::string again = reemit_control(control, sink2);
  // The maintainer lives in the changelog trailer, not in the model.
  std::string expected = control;
  expected.replace(expected.find("Jane Doe <jane@example.org>"), 27, "Unknown Maintainer <maintainer@example.org>");
  CHECK(again == expected);
}

TEST_CASE("every emitted Kata debian/control survives the round trip", "[ubuntu][roundtrip][kata]") {
  const fs::path golden = fs::path(KATALINT_SOURCE_DIR) / "tests" / "golden" / "ubuntu";
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(golden)) {
    if (entry.path().filename() != "control" || entry.path().parent_path().filename() != "debian") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    INFO(entry.path().string());
    ir::DiagnosticSink parse_sink;
    CHECK(reemit_control(text.str(), parse_sink) == text.str());
    CHECK(parse_sink.diagnostics().empty());
    ++checked;
  }
  CHECK(checked == 15);
}

TEST_CASE("every spec of the corpus converts, and katalint finds nothing to warn about in the result",
          "[ubuntu][corpus]") {
  const fs::path corpus(KATALINT_CORPUS_DIR);
  std::vector<fs::path> specs;
  for (const char* dir : {"real-specs", "rpmlint-specs", "spec-cleaner-tests", "kata-distro"})
    for (const auto& entry : fs::recursive_directory_iterator(corpus / dir))
      if (entry.is_regular_file() && (entry.path().extension() == ".spec" || entry.path().extension() == ".in"))
        specs.push_back(entry.path());
  std::sort(specs.begin(), specs.end());
  REQUIRE(specs.size() > 500);
  std::size_t files = 0, findings = 0;
  for (const auto& spec : specs) {
    std::ifstream in(spec, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    ir::SourceManager sources;
    const ir::FileId id = sources.add(spec.string(), text.str());
    frontend::AnalyzeOptions analyze;
    analyze.target = "rpm";
    ir::DiagnosticSink spec_sink, sink;
    const ir::Package package = frontend::evaluate_spec_file(sources, id, analyze, spec_sink);
    const auto emitted = emit(package, sources, {}, sink);
    for (const auto& d : sink.diagnostics()) {
      INFO(spec.string() << ": " << d.message);
      CHECK(d.range.valid());  // every conversion finding has a position
    }
    for (const auto& f : emitted) {
      CHECK(f.path.rfind("debian/", 0) == 0);
      ++files;
      const ir::FileId out = sources.add("out/" + f.path, f.content);
      ir::DiagnosticSink lint;
      frontend::analyze_file(sources, out, {}, lint);
      for (const auto& d : lint.diagnostics()) {
        if (d.severity == ir::Severity::Info) continue;
        ++findings;
        INFO(spec.string() << " -> " << f.path << ": " << d.message << " [" << d.rule << "]");
        CHECK(d.severity == ir::Severity::Info);
      }
    }
  }
  CHECK(files > 3000);
  CHECK(findings == 0);
}
