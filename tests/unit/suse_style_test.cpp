// The SUSE style API (backends/suse/style) and `katalint fmt`'s formatter.
#include "tests/support/catch.hpp"

#include "backends/suse/style/format.hpp"
#include "backends/suse/style/style.hpp"

using namespace katalint::suse_style;

namespace {

std::string format(std::string_view text, bool minimal = false) {
  FormatOptions options;
  options.minimal = minimal;
  options.file_name = "test.spec";
  return format_spec(text, options).text;
}

}  // namespace

TEST_CASE("tag names and alignment", "[suse-style]") {
  CHECK(canonical_tag_name("buildrequires") == "BuildRequires");
  CHECK(canonical_tag_name("Url") == "URL");
  CHECK(canonical_tag_name("source12") == "Source12");
  CHECK(canonical_tag_name("Name12") == "Name12");  // only Source and Patch take numbers
  CHECK(aligned_tag_prefix("Name") == "Name:           ");
  CHECK(aligned_tag_prefix("BuildRequires") == "BuildRequires:  ");
  CHECK(aligned_tag_prefix("RemovePathPostfixes") == "RemovePathPostfixes: ");
}

TEST_CASE("licences become SPDX expressions", "[suse-style]") {
  CHECK(spdx_license("GPL-2.0+") == "GPL-2.0-or-later");
  CHECK(spdx_license("GPL-2.0; GPL-3.0") == "GPL-2.0-only AND GPL-3.0-only");
  CHECK(spdx_license("MIT;") == "MIT");
  CHECK(spdx_license("( GPL-2.0 and GPL-3.0) or MIT") == "(GPL-2.0-only AND GPL-3.0-only) OR MIT");
  CHECK(spdx_license("GPLv2 or later") == "GPL-2.0-or-later");
  // Unknown atoms and exceptions stay as written.
  CHECK(spdx_license("GPL-3.0 with GCC-exception-3.1") == "GPL-3.0 WITH GCC-exception-3.1");
  CHECK(spdx_license("SomethingElse") == "SomethingElse");
}

TEST_CASE("dependency lists are split as rpm reads them", "[suse-style]") {
  auto deps = split_dependencies("a, b >= 1.0 %{name}-devel = %{version} (c or d) e=>2");
  REQUIRE(deps);
  REQUIRE(deps->size() == 5);
  CHECK((*deps)[0].text() == "a");
  CHECK((*deps)[1].text() == "b >= 1.0");
  CHECK((*deps)[2].text() == "%{name}-devel = %{version}");
  CHECK((*deps)[3].text() == "(c or d)");
  // Without blanks rpm reads one name; the formatter keeps it that way.
  CHECK((*deps)[4].text() == "e=>2");
  // rpm reads "jjj>" as a name and the version as a second dependency: so does the formatter.
  auto glued_end = split_dependencies("jjj>  %{version}");
  REQUIRE(glued_end);
  REQUIRE(glued_end->size() == 2);
  CHECK((*glued_end)[0].text() == "jjj>");
  CHECK((*glued_end)[1].text() == "%{version}");
  auto rich = split_dependencies("packageand(nginx:moodle)");
  REQUIRE(rich);
  CHECK(rich->front().text() == "(nginx and moodle)");
  CHECK_FALSE(split_dependencies("%{unbalanced"));
  CHECK(dependency_sort_key("BuildRequires:  pkgconfig(x)") > dependency_sort_key("BuildRequires:  zzz"));
}

TEST_CASE("namespaced dependencies come from the tables", "[suse-style]") {
  CHECK(namespaced_names(Namespace::Pkgconfig, "zlib-devel") == std::vector<std::string>{"pkgconfig(zlib)"});
  CHECK(namespaced_names(Namespace::Cmake, "Vc-devel") == std::vector<std::string>{"cmake(Vc)"});
  CHECK(namespaced_names(Namespace::Pkgconfig, "no-such-package").empty());
}

TEST_CASE("paths become directory macros unless the spec redefines them", "[suse-style]") {
  CHECK(replace_known_paths("cp x /usr/share/foo") == "cp x %{_datadir}/foo");
  CHECK(replace_known_paths("mkdir -p %{buildroot}/usr/sbin") == "mkdir -p %{buildroot}%{_sbindir}");
  CHECK(replace_known_paths("/etc/init.d/x") == "%{_initddir}/x");
  CHECK(replace_known_paths("/usrlocal /x/usr") == "/usrlocal /x/usr");
  CHECK(replace_known_paths("%define _datadir /usr/share", {"_datadir"}) == "%define _datadir %{_prefix}/share");
  CHECK(replace_buildroot("cp a $RPM_BUILD_ROOT/x \"${RPM_BUILD_ROOT}\"") == "cp a %{buildroot}/x %{buildroot}");
}

TEST_CASE("fmt keeps comments with their lines and %if blocks whole", "[fmt]") {
  const std::string spec =
      "Name: foo\n"
      "%if 0%{?suse_version}\n"
      "Requires: b\n"
      "%endif\n"
      "# needed for the tests\n"
      "BuildRequires: zzz\n"
      "BuildRequires: aaa\n"
      "Version: 1\n"
      "Summary: s\n"
      "License: MIT\n"
      "\n"
      "%description\n"
      "text\n";
  const std::string expected =
      "Name:           foo\n"
      "Version:        1\n"
      "Release:        0\n"
      "Summary:        s\n"
      "License:        MIT\n"
      "BuildRequires:  aaa\n"
      "# needed for the tests\n"
      "BuildRequires:  zzz\n"
      "%if 0%{?suse_version}\n"
      "Requires:       b\n"
      "%endif\n"
      "\n"
      "%description\n"
      "text\n"
      "\n"
      "%changelog\n";
  // No Release: the formatter does not invent one.
  std::string out = format(spec);
  CHECK(out.find("Release:") == std::string::npos);
  std::string without_release = expected;
  without_release.erase(without_release.find("Release:        0\n"), 18);
  CHECK(out == without_release);
  CHECK(format(out) == out);
}

TEST_CASE("fmt braces macros but not calls with arguments", "[fmt]") {
  const std::string spec =
      "%define my_call() echo %1\n"
      "Name: foo\n"
      "\n"
      "%build\n"
      "cp %name %_libdir\n"
      "%my_call arg\n"
      "%unknown_call -n x\n"
      "echo $(date +%Y)\n"
      "X=%(date +%Y)\n";
  std::string out = format(spec);
  CHECK(out.find("cp %{name} %{_libdir}\n") != std::string::npos);
  CHECK(out.find("%my_call arg\n") != std::string::npos);
  CHECK(out.find("%unknown_call -n x\n") != std::string::npos);
  CHECK(out.find("X=%(date +%Y)\n") != std::string::npos);
  // %{description} is a macro; %description would open a section.
  CHECK(format("Name: a\n\n%description\n%{description}\n").find("\n%{description}\n") != std::string::npos);
  // Minimal style does not brace.
  CHECK(format(spec, true).find("cp %name %_libdir\n") != std::string::npos);
}

TEST_CASE("fmt rewrites the SUSE idioms", "[fmt]") {
  const std::string spec =
      "Name: foo\n"
      "BuildRoot: %{_tmppath}/%{name}-build\n"
      "\n"
      "%prep\n"
      "%setup -qn %{name}-%{version}\n"
      "%patch3 -p1\n"
      "\n"
      "%build\n"
      "make %{?_smp_mflags}\n"
      "\n"
      "%install\n"
      "rm -rf $RPM_BUILD_ROOT\n"
      "make install DESTDIR=$RPM_BUILD_ROOT\n"
      "\n"
      "%clean\n"
      "rm -rf %{buildroot}\n"
      "\n"
      "%files\n"
      "%defattr(-,root,root)\n"
      "%doc README COPYING\n";
  std::string out = format(spec);
  CHECK(out.find("BuildRoot") == std::string::npos);
  CHECK(out.find("%setup -q\n") != std::string::npos);
  CHECK(out.find("%patch -P 3 -p1\n") != std::string::npos);
  CHECK(out.find("%make_build\n") != std::string::npos);
  CHECK(out.find("%make_install\n") != std::string::npos);
  CHECK(out.find("rm -rf") == std::string::npos);
  CHECK(out.find("%clean") == std::string::npos);
  CHECK(out.find("%defattr") == std::string::npos);
  CHECK(out.find("%license COPYING\n%doc README\n") != std::string::npos);
  CHECK(format(out) == out);
}

TEST_CASE("fmt honours the opt-out comments", "[fmt]") {
  const std::string spec = "Name:    foo\n# katalint: disable-file=fmt\nLicense: GPL-2.0\n";
  FormatOptions options;
  auto result = format_spec(spec, options);
  CHECK(result.text == spec);
  CHECK_FALSE(result.skipped_because.empty());
  const std::string legacy = "#nospeccleaner\nName:    foo\n";
  CHECK(format_spec(legacy, options).text == legacy);
  // A rule list that does not name fmt does not opt out.
  CHECK(format("# katalint: disable-file=hardcoded-path\nName: a\n") != "# katalint: disable-file=hardcoded-path\nName: a\n");
}

TEST_CASE("fmt survives malformed input", "[fmt]") {
  for (std::string_view text : {"", "\n", "%if\n", "%endif\n%endif\n", "Name: %{\n", "%package\n%files\n%if 1\n",
                                "Requires: (a or\n", "# SECTION\n", "# /SECTION\n", "%define x \\\n",
                                "Source: http://pypi.io/packages/x\n"}) {
    std::string out = format(text);
    CHECK(format(out) == out);
  }
}

TEST_CASE("the SUSE copyright header is written once", "[fmt]") {
  FormatOptions options;
  options.copyright_header = true;
  options.copyright_year = 2030;
  options.file_name = "foo.spec";
  const std::string spec = "# Copyright (c) 2011 SUSE LINUX Products GmbH, Nuernberg, Germany.\n# Copyright (c) 2012 Jane Doe\n\nName: foo\n";
  std::string once = format_spec(spec, options).text;
  CHECK(once.find("# spec file for package foo\n") != std::string::npos);
  CHECK(once.find("# Copyright (c) 2030 SUSE LLC and contributors\n# Copyright (c) 2012 Jane Doe\n") != std::string::npos);
  CHECK(once.find("Nuernberg") == std::string::npos);
  CHECK(format_spec(once, options).text == once);
}
