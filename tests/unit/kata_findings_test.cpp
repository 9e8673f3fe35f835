// The readiness rules on the Kata home project: each defect of the top-15 table in
// kata-findings.md that a readiness rule covers is reported on the line the table names.
#include <filesystem>
#include <string>
#include <string_view>

#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
namespace fs = std::filesystem;

const fs::path kKata = fs::path(KATALINT_CORPUS_DIR) / "kata-home";

struct Finding {
  int item;  // the row of the top-15 table
  std::string_view file;
  std::uint32_t line;
  std::string_view rule;
};

constexpr Finding kFindings[] = {
    // 1 GO-BUNDLED-SERVICE: download_url of the Go binary tarball, in a service without a mode.
    {1, "kata-runtime/2019-05-02_f8189fa/_service-template", 19, "go-bundled-toolchain"},
    {1, "kata-runtime/2019-05-02_f8189fa/_service-template", 16, "obs-service-mode"},
    // 2 GO-BUNDLED-PREP: the Go binary tarball unpacked in %prep.
    {2, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 47, "go-bundled-toolchain"},
    // 3 GO-PATH-OVERRIDE (deb): PATH and GOROOT point at the bundled Go, which is unpacked at :27.
    {3, "kata-runtime/2019-07-05_bfc9220/debian.rules-template", 10, "go-bundled-toolchain"},
    {3, "kata-runtime/2019-07-05_bfc9220/debian.rules-template", 12, "go-bundled-toolchain"},
    {3, "kata-runtime/2019-07-05_bfc9220/debian.rules-template", 27, "go-bundled-toolchain"},
    // 4 PREBUILT-IMAGE: Source0 holds the rootfs image and initrd; there is no %build.
    {4, "kata-containers-image/2020-03-25_9bdc51c/kata-containers-image.spec-template", 8, "prebuilt-binary"},
    // 6 VERSION-BY-SCRIPT: Version: @VERSION@, Release: @RELEASE@; the _service is a template too.
    {6, "kata-runtime/2019-05-02_f8189fa/_service-template", 9, "version-from-placeholder"},
    {6, "kata-runtime/2019-05-02_f8189fa/_service-template", 10, "version-from-placeholder"},
    {6, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 17, "version-from-placeholder"},
    {6, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 18, "version-from-placeholder"},
    // 9 NO-SPEC-HEADER / NO-LICENSE-FILE: starts with %global; %files (:87) has no %license.
    {9, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 1, "missing-suse-copyright-header"},
    {9, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 87, "license-file-not-packaged"},
    // 10 LICENSE-NOT-SPDX: ids without operators; ids that SPDX does not have.
    {10, "qemu-lite/2019-05-02_f8189fa/qemu-lite.spec-template", 12, "license-not-spdx"},
    {10, "kata-containers-image/2019-07-26_54f3786/kata-containers-image.spec-template", 4, "license-not-spdx"},
    // 12 HARDCODED-PATH: %define LIBEXECDIR /usr/libexec.
    {12, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 9, "hardcoded-path-macro"},
    // 12 DIR-OWNERSHIP: %files lists %{LIBEXECDIR} (/usr/libexec) and the bash-completion dirs.
    {12, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 91, "owns-system-directory"},
    {12, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 98, "owns-system-directory"},
    {12, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 99, "owns-system-directory"},
    // 13 HARDCODED-BUILD-PATH: $HOME/rpmbuild and ../SOURCES; OBS's /usr/src/packages.
    {13, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 47, "hardcoded-build-location"},
    {13, "kata-runtime/2019-11-15_c6f4313/kata-runtime.spec-template", 54, "hardcoded-build-location"},
    {13, "kata-ksm-throttler/2018-06-30_f051735/debian.rules-template", 12, "hardcoded-build-location"},
    {13, "kata-ksm-throttler/2018-06-30_f051735/debian.rules-template", 22, "hardcoded-build-location"},
    // 14 CHECKS-DISABLED.
    {14, "kata-proxy/2019-05-02_f8189fa/kata-proxy.spec-template", 11, "build-checks-disabled"},
    {14, "kata-proxy/2019-05-02_f8189fa/kata-proxy.spec-template", 25, "build-checks-disabled"},
    {14, "kata-proxy/2019-05-02_f8189fa/kata-proxy.spec-template", 38, "build-checks-disabled"},
    {14, "kata-proxy/2019-05-02_f8189fa/kata-proxy.spec-template", 39, "build-checks-disabled"},
    {14, "kata-linux-container/2020-05-19_34136ac/kata-linux-container.spec-template", 47, "build-checks-disabled"},
    // 15 SYSTEMD-UNITS-NO-MACROS: two units, no %service_* macros, BuildRequires: systemd.
    {15, "kata-ksm-throttler/2019-05-02_f8189fa/kata-ksm-throttler.spec-template", 28, "suse-systemd-service-macros"},
    {15, "kata-ksm-throttler/2019-05-02_f8189fa/kata-ksm-throttler.spec-template", 81, "suse-systemd-service-macros"},
    {15, "kata-ksm-throttler/2019-05-02_f8189fa/kata-ksm-throttler.spec-template", 82, "suse-systemd-service-macros"},
};

bool reported(const testing::LintRun& run, std::string_view rule, std::uint32_t line) {
  for (const auto& d : run.diagnostics) {
    if (d.rule != rule || !d.range.valid()) continue;
    if (run.sources.file(d.range.file).position(d.range.begin).line == line) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("kata findings: the readiness rules report the top-15 defects on their lines", "[rules][kata]") {
  if (!fs::exists(kKata)) {
    WARN("no kata-home corpus");
    return;
  }
  for (const Finding& f : kFindings) {
    INFO("kata-findings " << f.item << ": " << f.file << ":" << f.line << " " << f.rule);
    frontend::AnalyzeOptions options;
    options.target = "opensuse-tumbleweed";
    options.rules.has_select = true;
    options.rules.select = {std::string(f.rule)};
    const auto run = testing::lint_file(kKata / f.file, options);
    CHECK(reported(run, f.rule, f.line));
  }
}
