#include <filesystem>
#include <fstream>
#include <iostream>

#include "frontend/obs/service.hpp"
#include "frontend/placeholders.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend::obs;
namespace fs = std::filesystem;

namespace {

struct Parsed {
  ir::SourceFile file;
  ir::DiagnosticSink sink;
  ObsServiceFile svc;
  explicit Parsed(std::string text) : file(0, "_service", std::move(text)) {
    svc = parse_obs_service(file, sink);
  }
  [[nodiscard]] std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& d : sink.diagnostics()) n += d.rule == rule ? 1 : 0;
    return n;
  }
  [[nodiscard]] std::string at(const ir::Range& r) const {
    return std::string(file.text().substr(r.begin, r.end - r.begin));
  }
};

}  // namespace

TEST_CASE("obs _service structure", "[obs][service]") {
  Parsed p(
      "<?xml version=\"1.0\"?>\n<!-- c -->\n<services>\n"
      "  <service name=\"obs_scm\">\n    <param name=\"url\">https://x/a.git?a=1&amp;b=2</param>\n"
      "    <param name='versionformat'><![CDATA[@PARENT_TAG@<x>]]></param>\n  </service>\n"
      "  <service name=\"tar\" mode=\"buildtime\"/>\n</services>\n");
  CHECK(p.sink.diagnostics().empty());
  CHECK(p.svc.well_formed);
  REQUIRE(p.svc.services.size() == 2);
  const auto& s0 = p.svc.services[0];
  CHECK(s0.name == "obs_scm");
  CHECK(s0.mode.empty());
  CHECK_FALSE(s0.mode_range.valid());
  REQUIRE(s0.params.size() == 2);
  CHECK(s0.params[0].name == "url");
  CHECK(s0.params[0].value == "https://x/a.git?a=1&b=2");
  CHECK(p.at(s0.params[0].value_range) == "https://x/a.git?a=1&amp;b=2");
  CHECK(p.at(s0.params[0].name_range) == "url");
  CHECK(s0.params[1].value == "@PARENT_TAG@<x>");
  CHECK(p.svc.services[1].mode == "buildtime");
  CHECK(p.at(p.svc.services[1].mode_range) == "buildtime");
  CHECK(p.at(p.svc.services[1].range) == "<service name=\"tar\" mode=\"buildtime\"/>");
  CHECK(reprint(p.svc) == p.file.text());
}

TEST_CASE("obs _service invalid xml", "[obs][service]") {
  const std::vector<std::string> bad = {
      "<services>",
      "<services><service name=\"a\"></services>",
      "<services><service name=\"a\" name=\"b\"/></services>",
      "<services>&nbsp;</services>",
      "<services><!-- a -- b --></services>",
      "<services><service name=a/></services>",
      "<services/><services/>",
      "junk<services/>",
      "",
      std::string(300, '<'),
      [] {
        std::string deep;
        for (int i = 0; i < 300; ++i) deep += "<a>";
        return deep;
      }(),
  };
  for (const auto& text : bad) {
    Parsed p(text);
    CHECK(p.count("obs-service-invalid-xml") == 1);
    CHECK_FALSE(p.svc.well_formed);
    CHECK(reprint(p.svc) == text);
  }
}

TEST_CASE("obs _service unexpected elements", "[obs][service]") {
  CHECK(Parsed("<service name=\"x\"/>").count("obs-service-unexpected-element") == 1);
  CHECK(Parsed("<services><foo/></services>").count("obs-service-unexpected-element") == 1);
  CHECK(Parsed("<services><service/></services>").count("obs-service-unexpected-element") == 1);
}

TEST_CASE("obs _service templates map ranges into the template", "[obs][service]") {
  ir::SourceFile file(0, "_service-template",
                      "<services><service name=\"tar_scm\"><param name=\"revision\">@REVISION@</param>"
                      "</service></services>\n");
  auto filled = frontend::fill_placeholders(file, {{"REVISION", "abc123"}});
  ir::DiagnosticSink sink;
  const auto svc = parse_obs_service(file, filled.text(), &filled, sink);
  REQUIRE(svc.services.size() == 1);
  const auto& p = svc.services[0].params.at(0);
  CHECK(p.value == "abc123");
  CHECK(file.text().substr(p.value_range.begin, p.value_range.end - p.value_range.begin) == "@REVISION@");
}

TEST_CASE("obs _service corpus", "[obs][service][corpus]") {
  const fs::path corpus = KATALINT_CORPUS_DIR;
  const auto files = katalint::testing::corpus_files(corpus / "kata-home", [](const fs::path& p) {
    return p.filename().string().rfind("_service", 0) == 0;
  });
  REQUIRE(files.size() >= 28);
  std::size_t services = 0;
  for (const auto& path : files) {
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const auto svc = parse_obs_service(file, sink);
    CHECK(reprint(svc) == file.text());
    CHECK(svc.well_formed);
    for (const auto& d : sink.diagnostics())
      UNSCOPED_INFO(path.string() << ":" << file.position(d.range.begin).line << ": " << d.message);
    CHECK(sink.diagnostics().empty());
    services += svc.services.size();
  }
  std::cout << "obs _service: " << services << " services in " << files.size() << " files\n";
}

TEST_CASE("obs _service well-formedness agrees with xmllint", "[obs][service][agreement]") {
  int status = 0;
  katalint::testing::run_command("command -v xmllint >/dev/null 2>&1", status);
  if (status != 0) {
    if (katalint::testing::require_tools()) FAIL("xmllint is not installed");
    WARN("skipped: xmllint is not installed");
    return;
  }
  std::vector<std::string> texts = {
      "<services/>",
      "<?xml version=\"1.0\"?>\n<services><!-- c --><service name=\"a\" mode='manual'>"
      "<param name=\"p\">&lt;&#x41;&#66;<![CDATA[x]]></param></service></services>\n",
      "<services>", "<services><service name=\"a\"></services>",
      "<services><service name=\"a\" name=\"b\"/></services>", "<services>&nbsp;</services>",
      "<services><!-- a -- b --></services>", "<services><service name=a/></services>",
      "<services/><services/>", "junk<services/>", "", "<services>a & b</services>",
      "<services a=\"<\"/>", "<services></service>", "<a><b></a></b>", "<services/>junk"};
  const fs::path corpus = KATALINT_CORPUS_DIR;
  for (const auto& p : katalint::testing::corpus_files(corpus / "kata-home", [](const fs::path& f) {
         return f.filename().string().rfind("_service", 0) == 0;
       }))
    texts.push_back(katalint::testing::read_file(p));
  const fs::path tmp = fs::temp_directory_path() / "katalint_service_xmllint.xml";
  std::size_t same = 0;
  for (const auto& text : texts) {
    {
      std::ofstream out(tmp, std::ios::binary);
      out << text;
    }
    katalint::testing::run_command(
        "xmllint --noout " + katalint::testing::shell_quote(tmp.string()) + " >/dev/null 2>&1", status);
    Parsed p(text);
    INFO(text.substr(0, 200));
    CHECK(p.svc.well_formed == (status == 0));
    same += p.svc.well_formed == (status == 0) ? 1 : 0;
  }
  fs::remove(tmp);
  std::cout << "xmllint agreement: " << same << "/" << texts.size() << " documents\n";
}
