#include <filesystem>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "frontend/debian/control.hpp"
#include "frontend/debian/relations.hpp"
#include "frontend/debian/text.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend::debian;
namespace fs = std::filesystem;

namespace {

struct Rel {
  ir::SourceFile file;
  ir::DiagnosticSink sink;
  Deb822Document doc;
  std::vector<ir::Dependency> deps;
  explicit Rel(const std::string& field_line) : file(0, "debian/control", field_line) {
    doc = parse_deb822(file, Deb822Flavor::Control, sink);
    const auto& f = doc.paragraphs.at(0).fields.at(0);
    deps = parse_relations(doc, f, *relation_field(f.name), sink);
  }
  [[nodiscard]] std::string at(const ir::Range& r) const {
    return std::string(file.text().substr(r.begin, r.end - r.begin));
  }
  [[nodiscard]] std::size_t errors() const {
    std::size_t n = 0;
    for (const auto& d : sink.diagnostics()) n += d.rule == "bad-relation" ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("relations: full atom syntax", "[debian][relations]") {
  Rel r("Build-Depends: foo:any (>= 1:2.0~rc1) [amd64 !i386] <!nocheck cross> <stage1> | bar,\n"
        " ${misc:Depends},\n libc6-dev(<<2),\n");
  REQUIRE(r.errors() == 0);
  REQUIRE(r.deps.size() == 3);
  const auto& a = r.deps[0];
  CHECK(a.kind == ir::DepKind::BuildRequires);
  CHECK(a.name == "foo");
  CHECK(a.arch_qualifier == "any");
  CHECK(a.op == ">=");
  CHECK(a.evr == "1:2.0~rc1");
  CHECK(a.arch_restrictions == std::vector<std::string>{"amd64", "!i386"});
  CHECK(a.profile_restrictions == std::vector<std::string>{"!nocheck cross", "stage1"});
  CHECK(r.at(a.range) == "foo:any (>= 1:2.0~rc1) [amd64 !i386] <!nocheck cross> <stage1>");
  REQUIRE(a.alternatives.size() == 1);
  CHECK(a.alternatives[0].name == "bar");
  CHECK(r.at(a.alternatives[0].range) == "bar");
  CHECK(r.deps[1].name == "${misc:Depends}");
  CHECK(r.at(r.deps[2].range) == "libc6-dev(<<2)");
  CHECK(r.deps[2].op == "<<");
}

TEST_CASE("relations: qualifiers for -Arch/-Indep", "[debian][relations]") {
  Rel r("Build-Depends-Indep: python3-sphinx <!nodoc>\n");
  REQUIRE(r.deps.size() == 1);
  CHECK(r.deps[0].qualifiers == std::vector<std::string>{"indep"});
}

TEST_CASE("relations: syntax errors", "[debian][relations]") {
  CHECK(Rel("Depends: foo (>= 1.0\n").errors() == 1);
  CHECK(Rel("Depends: foo (~ 1.0)\n").errors() == 1);
  CHECK(Rel("Depends: foo [amd64\n").errors() == 1);
  CHECK(Rel("Depends: foo <nocheck\n").errors() == 1);
  CHECK(Rel("Depends: a,, b\n").errors() == 0);  // dpkg-gencontrol accepts empty groups
  CHECK(Rel("Depends: a,, b\n").deps.size() == 2);
  CHECK(Rel("Depends: a b\n").errors() == 1);
  CHECK(Rel("Conflicts: a | b\n").errors() == 1);
  CHECK(Rel("Depends: a, b,\n").errors() == 0);
  Rel broken("Depends: a (>= 1, b\n");
  CHECK(broken.deps.size() == 1);  // the broken group is skipped, parsing goes on
  CHECK(broken.deps[0].name == "b");
}

TEST_CASE("relations: placeholders in OBS templates", "[debian][relations]") {
  Rel r("Depends: kata-proxy (= @VERSION@-@RELEASE@), kata-ksm-throttler(= @KSM_VERSION@)\n");
  CHECK(r.errors() == 0);
  REQUIRE(r.deps.size() == 2);
  CHECK(r.deps[1].evr == "@KSM_VERSION@");
}

TEST_CASE("control_to_ir maps source and binary paragraphs", "[debian][control]") {
  const std::string text =
      "Source: hello\nSection: devel\nMaintainer: A <a@b.c>\nBuild-Depends: debhelper-compat (= 13)\n"
      "Homepage: https://example.org\nStandards-Version: 4.6.2\n\n"
      "Package: hello\nArchitecture: any\nDepends: ${misc:Depends}, libc6 (>= 2.34)\n"
      "Description: greeting\n Long line one.\n .\n  verbatim\n";
  ir::SourceFile file(0, "debian/control", text);
  ir::DiagnosticSink sink;
  const auto doc = parse_deb822(file, Deb822Flavor::Control, sink);
  const ir::Package pkg = control_to_ir(doc, file, sink);
  CHECK(pkg.name == "hello");
  CHECK(pkg.url == "https://example.org");
  REQUIRE(pkg.build_dependencies.size() == 1);
  CHECK(pkg.build_dependencies[0].evr == "13");
  CHECK(pkg.fields.size() == 6);
  CHECK(pkg.fields[3].name == "Build-Depends");
  REQUIRE(pkg.packages.size() == 1);
  const auto& bin = pkg.packages[0];
  CHECK(bin.name == "hello");
  CHECK(bin.arch == "any");
  CHECK(bin.summary == "greeting");
  CHECK(bin.description == "Long line one.\n\n verbatim");
  CHECK(bin.has_description);
  REQUIRE(bin.dependencies.size() == 2);
  CHECK(bin.dependencies[1].kind == ir::DepKind::Requires);
  CHECK(sink.diagnostics().empty());
}

TEST_CASE("read_dsc reads OBS debtransform fields", "[debian][dsc]") {
  ir::SourceFile file(0, "x.dsc",
                      "Format: 3.0 (quilt)\nSource: kata-runtime\nVersion: 1.0-1\nBinary: a, b\n"
                      "Debtransform-Tar: kata-runtime-1.0.tar.gz\nDEBTRANSFORM-RELEASE: 1\n"
                      "Files:\n abc 12 x.tar.gz\n");
  ir::DiagnosticSink sink;
  const auto doc = parse_deb822(file, Deb822Flavor::Dsc, sink);
  const DscInfo info = read_dsc(doc);
  CHECK(info.format == "3.0 (quilt)");
  CHECK(info.binaries == std::vector<std::string>{"a", "b"});
  CHECK(info.debtransform_tar == "kata-runtime-1.0.tar.gz");
  CHECK(info.debtransform_release == "1");
  REQUIRE(info.files.size() == 1);
  CHECK(info.files[0].name == "x.tar.gz");
  const ir::Package pkg = control_to_ir(doc, file, sink);
  CHECK(pkg.version == "1.0");
  CHECK(pkg.release == "1");
}

TEST_CASE("relations agree with python3-debian PkgRelation", "[debian][relations][agreement]") {
  int status = 0;
  katalint::testing::run_command("/usr/bin/python3 -c 'import debian.deb822' 2>/dev/null", status);
  if (status != 0) {
    if (katalint::testing::require_tools()) FAIL("/usr/bin/python3 lacks the debian module");
    WARN("skipped: /usr/bin/python3 lacks the debian module");
    return;
  }
  const fs::path corpus = KATALINT_CORPUS_DIR;
  auto files = katalint::testing::corpus_files(corpus / "real-debian", [](const fs::path& p) {
    return p.filename() == "control" && p.parent_path().filename() == "debian";
  });
  files.push_back(corpus / "real-debian/sources-index/bookworm_main_Sources.every100th");
  REQUIRE(files.size() >= 50);
  std::string command = "/usr/bin/python3 " +
                        katalint::testing::shell_quote(std::string(KATALINT_SOURCE_DIR) +
                                                       "/scripts/deb822-agreement.py") +
                        " --relations";
  for (const auto& p : files) command += " " + katalint::testing::shell_quote(p.string());
  const std::string out = katalint::testing::run_command(command, status);
  REQUIRE(status == 0);
  std::istringstream lines(out);
  std::size_t total = 0, same = 0, bad = 0;
  for (const auto& path : files) {
    std::string line;
    REQUIRE(std::getline(lines, line));
    const auto expected = nlohmann::ordered_json::parse(line)["paragraphs"];
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const auto doc = parse_deb822(file, Deb822Flavor::Control, sink);
    REQUIRE(expected.size() == doc.paragraphs.size());
    for (std::size_t i = 0; i < doc.paragraphs.size(); ++i) {
      for (const auto& f : doc.paragraphs[i].fields) {
        const auto how = relation_field(f.name);
        if (!how) continue;
        ++total;
        const auto deps = parse_relations(doc, f, *how, sink);
        // Compare atom by atom; where python hands back an unparsed atom, compare its raw
        // text with the text our atom covers.
        nlohmann::ordered_json mine = nlohmann::ordered_json::array();
        const auto& theirs = expected[i][f.name];
        auto squash = [](std::string_view s) {
          std::string r;
          for (char c : s) {
            if (is_space(c)) {
              if (!r.empty() && r.back() != ' ') r.push_back(' ');
            } else {
              r.push_back(c);
            }
          }
          while (!r.empty() && r.back() == ' ') r.pop_back();
          return r;
        };
        for (std::size_t g = 0; g < deps.size(); ++g) {
          std::vector<const ir::Dependency*> atoms{&deps[g]};
          for (const auto& alt : deps[g].alternatives) atoms.push_back(&alt);
          nlohmann::ordered_json group = nlohmann::ordered_json::array();
          for (std::size_t k = 0; k < atoms.size(); ++k) {
            const ir::Dependency& a = *atoms[k];
            const bool raw = g < theirs.size() && k < theirs[g].size() && theirs[g][k]["raw"] == true;
            const std::string text = squash(
                file.text().substr(a.range.begin, a.range.end - a.range.begin));
            group.push_back(nlohmann::ordered_json{
                {"raw", raw},
                {"name", raw ? text : a.name},
                {"archqual", raw ? "" : a.arch_qualifier},
                {"op", raw ? "" : a.op},
                {"version", raw ? "" : a.evr},
                {"arch", raw ? std::vector<std::string>{} : a.arch_restrictions},
                {"profiles", raw ? std::vector<std::string>{} : a.profile_restrictions}});
          }
          mine.push_back(group);
        }
        nlohmann::ordered_json expect = theirs;
        for (auto& grp : expect)
          for (auto& atom : grp)
            if (atom["raw"] == true) atom["name"] = squash(atom["name"].get<std::string>());
        const bool ok = mine == expect;
        if (!ok) UNSCOPED_INFO(path.string() << ": " << f.name << ": " << mine.dump() << " vs "
                                             << expect.dump());
        same += ok ? 1 : 0;
      }
    }
    for (const auto& d : sink.diagnostics()) bad += d.rule == "bad-relation" ? 1 : 0;
  }
  std::cout << "relations agreement: " << same << "/" << total << " fields, " << bad
            << " bad-relation diagnostics\n";
  CHECK(same == total);
  CHECK(bad == 0);
}

TEST_CASE("relations: print bad-relation diagnostics of the corpus", "[.debug]") {
  const fs::path corpus = KATALINT_CORPUS_DIR;
  auto files = katalint::testing::corpus_files(corpus / "real-debian", [](const fs::path& p) {
    return p.filename() == "control";
  });
  files.push_back(corpus / "real-debian/sources-index/bookworm_main_Sources.every100th");
  for (const auto& path : files) {
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const auto doc = parse_deb822(file, Deb822Flavor::Control, sink);
    for (const auto& p : doc.paragraphs)
      for (const auto& f : p.fields)
        if (auto how = relation_field(f.name)) parse_relations(doc, f, *how, sink);
    for (const auto& d : sink.diagnostics())
      if (d.rule == "bad-relation")
        std::cout << path.string() << ":" << file.position(d.range.begin).line << ": " << d.message
                  << " [" << file.text().substr(d.range.begin, d.range.end - d.range.begin) << "]\n";
  }
}
