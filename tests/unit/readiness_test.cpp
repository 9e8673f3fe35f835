// Readiness rules beyond their golden files: the SPDX data and expression checker, a Go
// toolchain fetched by a _service, prebuilt images behind an archive source.
#include <string>
#include <vector>

#include "rules/readiness/spdx.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

using namespace katalint;

namespace {

frontend::AnalyzeOptions only(std::string rule) {
  frontend::AnalyzeOptions o;
  o.target = "opensuse-tumbleweed";
  o.rules.has_select = true;
  o.rules.select = {std::move(rule)};
  return o;
}

std::vector<std::string> messages(const std::string& text, const rules::spdx::ExpressionOptions& options = {}) {
  std::vector<std::string> out;
  for (const auto& p : rules::spdx::check_expression(text, options))
    out.push_back(text.substr(p.begin, p.end - p.begin) + ": " + p.message);
  return out;
}

}  // namespace

TEST_CASE("spdx: the embedded list has its version, licenses, exceptions and deprecations", "[readiness][spdx]") {
  CHECK(rules::spdx::list_version() == "3.25.0");
  CHECK(rules::spdx::licenses().size() == 666);
  CHECK(rules::spdx::exceptions().size() == 72);
  const auto* mit = rules::spdx::find_license("mit");
  REQUIRE(mit != nullptr);
  CHECK(mit->id == "MIT");
  CHECK_FALSE(mit->deprecated);
  const auto* gpl = rules::spdx::find_license("GPL-2.0+");
  REQUIRE(gpl != nullptr);
  CHECK(gpl->deprecated);
  CHECK(rules::spdx::find_exception("Classpath-exception-2.0") != nullptr);
  CHECK(rules::spdx::find_license("Classpath-exception-2.0") == nullptr);
  CHECK(rules::spdx::find_license("GPLv2+") == nullptr);
}

TEST_CASE("spdx: valid expressions", "[readiness][spdx]") {
  for (const std::string e :
       {"MIT", "GPL-2.0-or-later", "GPL-2.0+", "Apache-2.0 OR MIT", "(MIT OR Apache-2.0) AND BSD-3-Clause",
        "GPL-2.0-only WITH Classpath-exception-2.0", "LicenseRef-Kata", "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2",
        "GPL-2.0 and LGPL-2.1", "((MIT))", "mit", "LicenseRef-Callaway-LGPLv2+"}) {
    INFO(e);
    CHECK(messages(e).empty());
  }
  CHECK(messages("SUSE-Public-Domain", {.allow_suse_ids = true}).empty());
}

TEST_CASE("spdx: invalid expressions are reported at the offending token", "[readiness][spdx]") {
  using V = std::vector<std::string>;
  CHECK(messages("GPLv2+") ==
        V{"GPLv2+: 'GPLv2+' is not a license id of the SPDX License List 3.25.0; SPDX calls it 'GPL-2.0-or-later'"});
  CHECK(messages("Public-Domain") == V{"Public-Domain: 'Public-Domain' is not a license id of the SPDX License List 3.25.0"});
  // Ids without operators: once per value, at the first gap.
  CHECK(messages("BSD-2-Clause BSD-3-Clause GPL-2.0") ==
        V{"BSD-3-Clause: 'BSD-3-Clause' follows 'BSD-2-Clause' without AND or OR between them"});
  CHECK(messages("MIT AND") == V{"AND: 'AND' has nothing after it"});
  CHECK(messages("OR MIT") == V{"OR: 'OR' has no license before it"});
  CHECK(messages("(MIT") == V{"(: '(' is never closed"});
  CHECK(messages("MIT)") == V{"): ')' has no matching '('"});
  CHECK(messages("MIT WITH") == V{"WITH: WITH is not followed by a license exception"});
  CHECK(messages("MIT WITH Apache-2.0") ==
        V{"Apache-2.0: 'Apache-2.0' is not a license exception of the SPDX License List 3.25.0"});
  CHECK(messages("Classpath-exception-2.0") ==
        V{"Classpath-exception-2.0: 'Classpath-exception-2.0' is a license exception; it follows WITH"});
  CHECK(messages("SUSE-Public-Domain") ==
        V{"SUSE-Public-Domain: 'SUSE-Public-Domain' is not a license id of the SPDX License List 3.25.0"});
  CHECK(messages("") == V{": the license expression is empty"});
  // Deep nesting is reported, not recursed into.
  CHECK(messages(std::string(100000, '(') + "MIT").size() == 1);
}

TEST_CASE("go-bundled-toolchain: a _service that downloads the Go binary distribution", "[readiness][go]") {
  const auto run = testing::lint_text("_service", R"(<services>
 <service name="download_url">
    <param name="protocol">https</param>
    <param name="host">storage.googleapis.com</param>
    <param name="path">golang/go1.22.1.linux-amd64.tar.gz</param>
 </service>
 <service name="obs_scm" mode="manual">
    <param name="url">https://github.com/example/golang-tools.git</param>
 </service>
</services>
)",
                                      only("go-bundled-toolchain"));
  REQUIRE(run.count("go-bundled-toolchain") == 1);
  CHECK(run.gcc().find(":5:31: error: 'go1.22.1.linux-amd64.tar.gz' is a prebuilt Go toolchain") !=
        std::string::npos);
}

TEST_CASE("prebuilt-binary: an archive source whose images are installed without a build", "[readiness]") {
  const std::string spec = R"(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-rootfs.tar.gz

%description
An example package.

%install
tar -C %{buildroot} -xzf %{SOURCE0}
install -m 0400 rootfs/example.img %{buildroot}%{_datadir}/example/

%files
%{_datadir}/example
)";
  const auto run = testing::lint_text("example.spec", spec, only("prebuilt-binary"));
  REQUIRE(run.count("prebuilt-binary") == 1);
  CHECK(run.gcc().find(":7:17: error: 'example-rootfs.tar.gz' holds a prebuilt image: the spec has no %build and "
                       "installs 'rootfs/example.img' from it") != std::string::npos);
  // With a %build the image is built in the package.
  std::string built = spec;
  built.replace(built.find("%install"), 8, "%build\nmake image\n\n%install");
  CHECK(testing::lint_text("example.spec", built, only("prebuilt-binary")).count("prebuilt-binary") == 0);
}

TEST_CASE("version-from-placeholder: a templated _service", "[readiness]") {
  const auto run = testing::lint_text("_service", R"(<services>
  <service name="tar_scm" mode="manual">
    <param name="url">https://github.com/example/example.git</param>
    <param name="versionformat">@VERSION@+git.%h</param>
    <param name="revision">@HASH@</param>
  </service>
  <service name="obs_scm" mode="manual">
    <param name="versionformat">@PARENT_TAG@+@TAG_OFFSET@</param>
  </service>
</services>
)",
                                      only("version-from-placeholder"));
  REQUIRE(run.count("version-from-placeholder") == 2);
  const std::string out = run.gcc();
  CHECK(out.find(":4:33: warning: the service's versionformat is filled by the placeholder @VERSION@") !=
        std::string::npos);
  CHECK(out.find(":5:28: warning: the service's revision is filled by the placeholder @HASH@") != std::string::npos);
}
