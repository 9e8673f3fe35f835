// query_json against rpm 4.18: each scenario is a spec, the IR the evaluator should build
// from it (written by hand here), and rpm's own answer. The answers were taken from rpmspec;
// when rpmspec is installed the test asks it again, so rpm stays the oracle.
#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "frontend/rpmspec/dependencies.hpp"
#include "frontend/rpmspec/query_json.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/rpm_oracle.hpp"

using katalint::ir::BinaryPackage;
using katalint::ir::DepKind;
using katalint::ir::Dependency;
using katalint::ir::Package;
namespace rs = katalint::rpmspec;
using nlohmann::ordered_json;

namespace {

void add(std::vector<Dependency>& into, DepKind kind, const std::string& value,
         std::vector<std::string> qualifiers = {}) {
  katalint::ir::DiagnosticSink sink;
  auto deps = rs::parse_dependencies(value, kind, std::move(qualifiers), {}, sink);
  REQUIRE(sink.diagnostics().empty());
  into.insert(into.end(), deps.begin(), deps.end());
}

katalint::ir::Script script(std::string kind, std::string interpreter = "", bool expand = false) {
  katalint::ir::Script s;
  s.kind = std::move(kind);
  s.interpreter = std::move(interpreter);
  s.expand = expand;
  return s;
}

katalint::ir::SourceEntry source(int number, std::string value, bool is_patch = false,
                                 bool nosource = false) {
  katalint::ir::SourceEntry s;
  s.number = number;
  s.value = std::move(value);
  s.raw = s.value;
  s.is_patch = is_patch;
  s.nosource = nosource;
  return s;
}

katalint::ir::Field field(std::string name, std::string value) {
  katalint::ir::Field f;
  f.name = std::move(name);
  f.raw = value;
  f.value = std::move(value);
  return f;
}

void check_scenario(const Package& package, const std::string& spec, const std::string& expected_text) {
  ordered_json expected = ordered_json::parse(expected_text);
  ordered_json ours = rs::query_json(package);
  CHECK(ours.dump(1) == expected.dump(1));
  if (!katalint::test::rpmspec_available()) {
    if (katalint::test::tools_required()) FAIL("rpmspec is required (KATALINT_REQUIRE_TOOLS=1)");
    WARN("rpmspec not installed: oracle comparison skipped");
    return;
  }
  auto rpm = katalint::test::rpm_query_json(spec);
  REQUIRE(rpm);
  CHECK(rpm->dump(1) == expected.dump(1));
}

const char* const kSpecA = R"spec(Name: foo
Version: 1.0
Release: 1%{?dist}
Summary: Foo
License: MIT
Source0: https://example.com/a/foo-1.0.tar.gz#/bar.tar.gz
Source5: local.txt
Patch3: fix.patch
Patch1: http://x/y/other.patch
NoSource: 5
BuildRequires: zlib-devel >= 1.2, gcc
BuildRequires: (foo or bar)
BuildConflicts: evil < 2
Requires: a, b >= 1.0, c == 2
Requires(post): /sbin/ldconfig
Requires(pre,post): x
Requires: (pkgA >= 1.0 with pkgB) (z if y else w)
Provides: foo-extra = 1.0
Provides: foo = 1.0-1
Obsoletes: oldfoo < 1.0
Conflicts: bad
Recommends: r1
Suggests: s1
Supplements: (foo and bar)
Enhances: en

%description
Line one.

Line two.

%package devel
Summary: Devel
Epoch: 0
BuildArch: noarch
Requires: foo%{?_isa} = %{version}-%{release}
BuildRequires: devel-only-br
%description devel
dev

%post
echo hi
%postun -p /sbin/ldconfig
%pre -p <lua>
print(1)
%posttrans -q
echo
%verifyscript
true
%triggerin -- bar
echo
%preun devel -p "/usr/bin/python3 -x"
%pretrans devel -e
%files
%files devel
)spec";

const char* const kExpectedA = R"json({"srpm":{"name":"foo","epoch":null,"version":"1.0","release":"1","summary":"Foo","license":"MIT","url":null,"group":"Unspecified","buildrequires":[{"dep":"(foo or bar)","type":"manual"},{"dep":"devel-only-br","type":"manual"},{"dep":"gcc","type":"manual"},{"dep":"zlib-devel >= 1.2","type":"manual"}],"buildconflicts":["evil < 2"],"sources":["bar.tar.gz","local.txt"],"patches":["fix.patch","other.patch"],"nosource":["5"],"exclusivearch":[],"excludearch":[],"buildarchs":[]},"packages":[{"name":"foo","epoch":null,"version":"1.0","release":"1","arch":"x86_64","summary":"Foo","license":"MIT","url":null,"group":"Unspecified","requires":[{"dep":"(pkgA >= 1.0 with pkgB)","type":"manual"},{"dep":"(z if y else w)","type":"manual"},{"dep":"/bin/sh","type":"interp"},{"dep":"/bin/sh","type":"interp,posttrans"},{"dep":"/bin/sh","type":"post,interp"},{"dep":"/bin/sh","type":"verify,interp"},{"dep":"/sbin/ldconfig","type":"post"},{"dep":"/sbin/ldconfig","type":"postun,interp"},{"dep":"a","type":"manual"},{"dep":"b >= 1.0","type":"manual"},{"dep":"c = 2","type":"manual"},{"dep":"rpmlib(BuiltinLuaScripts) <= 4.2.2-1","type":"rpmlib"},{"dep":"rpmlib(ScriptletExpansion) <= 4.9.0-1","type":"rpmlib"},{"dep":"x","type":"pre,post"}],"provides":["foo = 1.0-1","foo(x86-64) = 1.0-1","foo-extra = 1.0"],"conflicts":["bad"],"obsoletes":["oldfoo < 1.0"],"recommends":["r1"],"suggests":["s1"],"supplements":["(foo and bar)"],"enhances":["en"],"description":"Line one.\n\nLine two."},{"name":"foo-devel","epoch":"0","version":"1.0","release":"1","arch":"noarch","summary":"Devel","license":"MIT","url":null,"group":"Unspecified","requires":[{"dep":"/bin/sh","type":"interp,pretrans"},{"dep":"/usr/bin/python3","type":"preun,interp"},{"dep":"foo(x86-64) = 1.0-1","type":"manual"},{"dep":"rpmlib(ScriptletExpansion) <= 4.9.0-1","type":"rpmlib"},{"dep":"rpmlib(ScriptletInterpreterArgs) <= 4.0.3-1","type":"rpmlib"}],"provides":["foo-devel = 0:1.0-1"],"conflicts":[],"obsoletes":[],"recommends":[],"suggests":[],"supplements":[],"enhances":[],"description":"dev"}]})json";

Package package_a() {
  Package p;
  p.name = "foo";
  p.version = "1.0";
  p.release = "1";
  p.summary = "Foo";
  p.license = "MIT";
  p.sources = {source(0, "https://example.com/a/foo-1.0.tar.gz#/bar.tar.gz"),
               source(5, "local.txt", false, true), source(3, "fix.patch", true),
               source(1, "http://x/y/other.patch", true)};
  add(p.build_dependencies, DepKind::BuildRequires, "zlib-devel >= 1.2, gcc");
  add(p.build_dependencies, DepKind::BuildRequires, "(foo or bar)");
  add(p.build_dependencies, DepKind::BuildConflicts, "evil < 2");

  BinaryPackage main;
  main.name = "foo";
  main.summary = "Foo";
  main.license = "MIT";
  main.description = "Line one.\n\nLine two.\n";
  add(main.dependencies, DepKind::Requires, "a, b >= 1.0, c == 2");
  add(main.dependencies, DepKind::Requires, "/sbin/ldconfig", {"post"});
  add(main.dependencies, DepKind::Requires, "x", {"pre", "post"});
  add(main.dependencies, DepKind::Requires, "(pkgA >= 1.0 with pkgB) (z if y else w)");
  add(main.dependencies, DepKind::Provides, "foo-extra = 1.0");
  add(main.dependencies, DepKind::Provides, "foo = 1.0-1");  // same as rpm's own: merged
  add(main.dependencies, DepKind::Obsoletes, "oldfoo < 1.0");
  add(main.dependencies, DepKind::Conflicts, "bad");
  add(main.dependencies, DepKind::Recommends, "r1");
  add(main.dependencies, DepKind::Suggests, "s1");
  add(main.dependencies, DepKind::Supplements, "(foo and bar)");
  add(main.dependencies, DepKind::Enhances, "en");
  main.scripts = {script("post"), script("postun", "/sbin/ldconfig"), script("pre", "<lua>"),
                  script("posttrans", "", true), script("verifyscript"), script("triggerin")};

  BinaryPackage devel;
  devel.name = "foo-devel";
  devel.summary = "Devel";
  devel.arch = "noarch";
  devel.description = "dev";
  devel.fields = {field("Summary", "Devel"), field("Epoch", "0"), field("BuildArch", "noarch")};
  add(devel.dependencies, DepKind::Requires, "foo(x86-64) = 1.0-1");
  add(devel.dependencies, DepKind::BuildRequires, "devel-only-br");
  devel.scripts = {script("preun", "/usr/bin/python3 -x"), script("pretrans", "", true)};

  p.packages = {main, devel};
  return p;
}

const char* const kSpecB = R"spec(Name: bar
Epoch: 02
Version: 2.5~rc1
Release: 3
Summary:   Bar   summary
License: GPL-2.0-or-later
URL: https://bar.example/
Group: Development/Tools
ExclusiveArch: x86_64 aarch64
ExcludeArch: s390x, ppc64le
BuildArch: noarch
Source: https://h/a/bar.tar.gz
Source10: http://h/x.tar.gz#bar
Source2: https://h/dir/
Source3: x/y/z.txt
Source4: http://h/get.php?f=q.tar.gz
Patch: p0.patch
Patch2: p2.patch
NoSource: 10
NoSource: 3
NoPatch: 2

%description


  Indented.
last

%package -n other
Summary: other
Group: Other/Grp
License: MIT
URL: http://other
Version: 7
Release: 9
%description -n other

%files
%files -n other
)spec";

const char* const kExpectedB = R"json({"srpm":{"name":"bar","epoch":"2","version":"2.5~rc1","release":"3","summary":"Bar   summary","license":"GPL-2.0-or-later","url":"https://bar.example/","group":"Development/Tools","buildrequires":[],"buildconflicts":[],"sources":["bar.tar.gz","x.tar.gz#bar","z.txt","q.tar.gz"],"patches":["p0.patch","p2.patch"],"nosource":["3","10"],"exclusivearch":["x86_64","aarch64"],"excludearch":["s390x,","ppc64le"],"buildarchs":["noarch"]},"packages":[{"name":"bar","epoch":"2","version":"2.5~rc1","release":"3","arch":"noarch","summary":"Bar   summary","license":"GPL-2.0-or-later","url":"https://bar.example/","group":"Development/Tools","requires":[],"provides":["bar = 2:2.5~rc1-3"],"conflicts":[],"obsoletes":[],"recommends":[],"suggests":[],"supplements":[],"enhances":[],"description":"\n\n  Indented.\nlast"},{"name":"other","epoch":"2","version":"7","release":"9","arch":"noarch","summary":"other","license":"MIT","url":"http://other","group":"Other/Grp","requires":[],"provides":["other = 2:7-9"],"conflicts":[],"obsoletes":[],"recommends":[],"suggests":[],"supplements":[],"enhances":[],"description":""}]})json";

Package package_b() {
  Package p;
  p.name = "bar";
  p.epoch = "02";
  p.version = "2.5~rc1";
  p.release = "3";
  p.summary = "Bar   summary";
  p.license = "GPL-2.0-or-later";
  p.url = "https://bar.example/";
  p.group = "Development/Tools";
  p.exclusive_arch = {"x86_64", "aarch64"};
  p.exclude_arch = {"s390x,", "ppc64le"};
  p.build_arch = {"noarch"};
  p.sources = {source(0, "https://h/a/bar.tar.gz"),
               source(10, "http://h/x.tar.gz#bar", false, true),
               source(2, "https://h/dir/"),
               source(3, "x/y/z.txt", false, true),
               source(4, "http://h/get.php?f=q.tar.gz"),
               source(0, "p0.patch", true),
               source(2, "p2.patch", true, true)};

  BinaryPackage main;
  main.name = "bar";
  main.description = "\n\n  Indented.\nlast\n\n";

  BinaryPackage other;
  other.name = "other";
  other.summary = "other";
  other.group = "Other/Grp";
  other.license = "MIT";
  other.url = "http://other";
  other.fields = {field("Summary", "other"), field("Version", "7"), field("Release", "9")};
  other.description_range = {0, 1, 1};  // an empty %description

  p.packages = {main, other};
  return p;
}

}  // namespace

TEST_CASE("query_json: dependencies, scriptlets and sources as rpm reports them", "[query]") {
  check_scenario(package_a(), kSpecA, kExpectedA);
}

TEST_CASE("query_json: inheritance, epochs, noarch and arch lists", "[query]") {
  check_scenario(package_b(), kSpecB, kExpectedB);
}

TEST_CASE("query_json: rpm's own provides", "[query]") {
  rs::ResolvedPackage r;
  r.name = "x";
  r.version = "1";
  r.release = "2";
  r.arch = "x86_64";
  auto provides = rs::automatic_provides(r);
  REQUIRE(provides.size() == 2);
  CHECK(rs::render_dependency(provides[0]) == "x = 1-2");
  CHECK(rs::render_dependency(provides[1]) == "x(x86-64) = 1-2");
  r.epoch = "0";
  r.arch = "noarch";
  provides = rs::automatic_provides(r);
  REQUIRE(provides.size() == 1);
  CHECK(rs::render_dependency(provides[0]) == "x = 0:1-2");
  CHECK(rs::isa_suffix("aarch64") == "(aarch-64)");
  CHECK(rs::isa_suffix("i686") == "(x86-32)");
  CHECK(rs::isa_suffix("noarch").empty());
}

TEST_CASE("query_json: rpm's source file names", "[query]") {
  CHECK(rs::source_file_name("https://h/a/foo.tar.gz") == "foo.tar.gz");
  CHECK(rs::source_file_name("https://h/v1.tar.gz#/foo-1.tar.gz") == "foo-1.tar.gz");
  CHECK(rs::source_file_name("http://h/get.php?f=q.tar.gz") == "q.tar.gz");
  CHECK(rs::source_file_name("noslash=x.tar") == "noslash=x.tar");
  CHECK(rs::source_file_name("http://h/a=b/c.tar") == "c.tar");
  CHECK(rs::source_file_name("https://h/dir/").empty());
}

TEST_CASE("query_json: a package without subpackages or values still has every key", "[query]") {
  Package p;
  auto j = rs::query_json(p);
  CHECK(j["packages"].empty());
  std::vector<std::string> keys;
  for (const auto& [k, v] : j["srpm"].items()) keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"name", "epoch", "version", "release", "summary", "license",
                                         "url", "group", "buildrequires", "buildconflicts", "sources",
                                         "patches", "nosource", "exclusivearch", "excludearch",
                                         "buildarchs"});
  CHECK(j["srpm"]["group"] == "Unspecified");
  CHECK(j["srpm"]["epoch"].is_null());
}

// Every source file name in the real-specs truth follows rpm's naming rule.
TEST_CASE("query_json: source names agree with the real-specs truth", "[query][corpus]") {
  std::ifstream in(std::string(KATALINT_CORPUS_DIR) + "/real-specs/_truth/truth.jsonl");
  if (!in) {
    WARN("real-specs corpus not found: skipped");
    return;
  }
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    if (t["status"] != "ok") continue;
    std::vector<std::string> sources, patches;
    bool has_lists = false;
    for (const auto& sl : t["source_lines"]) {
      std::string tag = sl["tag"];
      if (tag.rfind("%", 0) == 0) has_lists = true;
      bool patch = tag[0] == 'P' || tag[0] == 'p' || tag == "%patchlist";
      auto name = rs::source_file_name(sl["value"].get<std::string>());
      if (!name.empty()) (patch ? patches : sources).push_back(name);
    }
    // source_lines come from the expanded text, so conditionals and macros can hide entries.
    if (has_lists || t["srpm"]["sources"].size() != sources.size()) continue;
    INFO(t["spec"].get<std::string>());
    CHECK(t["srpm"]["sources"].get<std::vector<std::string>>() == sources);
    ++checked;
  }
  CHECK(checked > 150);
}

namespace {

// Reads one of rpm's rendered dependencies back, with the qualifiers its type names.
Dependency read_back(const std::string& text, DepKind kind, const std::string& type) {
  std::vector<std::string> qualifiers;
  if (type != "manual") {
    std::string word;
    for (char c : type + ",") {
      if (c != ',') {
        word += c;
        continue;
      }
      bool implied = word == "rpmlib" && text.rfind("rpmlib(", 0) == 0;
      if (!implied) qualifiers.push_back(word);
      word.clear();
    }
  }
  katalint::ir::DiagnosticSink sink;
  auto deps = rs::parse_dependencies(text, kind, qualifiers, {}, sink);
  INFO(text << " [" << type << "]");
  REQUIRE(sink.diagnostics().empty());
  REQUIRE(deps.size() == 1);
  return deps[0];
}

// rpm's list must already be in sort_dependencies' order, and read back to the same text.
void check_rpm_list(const nlohmann::json& list, DepKind kind, bool typed) {
  std::vector<Dependency> deps;
  std::vector<std::string> texts;
  for (const auto& item : list) {
    std::string text = typed ? item["dep"].get<std::string>() : item.get<std::string>();
    std::string type = typed ? item["type"].get<std::string>() : "manual";
    Dependency d = read_back(text, kind, type);
    CHECK(rs::render_dependency(d) == text);
    if (typed) CHECK(rs::deptype(rs::dependency_flags(d)) == type);
    texts.push_back(typed ? text + "|" + type : text);
    deps.push_back(d);
  }
  rs::sort_dependencies(deps);
  std::vector<std::string> sorted;
  for (const auto& d : deps)
    sorted.push_back(typed ? rs::render_dependency(d) + "|" + rs::deptype(rs::dependency_flags(d))
                           : rs::render_dependency(d));
  CHECK(sorted == texts);
}

}  // namespace

// Every dependency list of the real-specs truth is rpm's sorted set as sort_dependencies
// builds it, every item reads back to itself, and every package has rpm's own provides.
TEST_CASE("query_json: dependency rules hold on the real-specs truth", "[query][corpus]") {
  std::ifstream in(std::string(KATALINT_CORPUS_DIR) + "/real-specs/_truth/truth.jsonl");
  if (!in) {
    WARN("real-specs corpus not found: skipped");
    return;
  }
  std::string line;
  int packages = 0;
  while (std::getline(in, line)) {
    auto t = nlohmann::json::parse(line);
    if (t["status"] != "ok") continue;
    INFO(t["spec"].get<std::string>());
    check_rpm_list(t["srpm"]["buildrequires"], DepKind::BuildRequires, true);
    check_rpm_list(t["srpm"]["buildconflicts"], DepKind::BuildConflicts, false);
    for (const auto& p : t["packages"]) {
      INFO(p["name"].get<std::string>());
      check_rpm_list(p["requires"], DepKind::Requires, true);
      check_rpm_list(p["provides"], DepKind::Provides, false);
      check_rpm_list(p["conflicts"], DepKind::Conflicts, false);
      check_rpm_list(p["obsoletes"], DepKind::Obsoletes, false);
      check_rpm_list(p["recommends"], DepKind::Recommends, false);
      check_rpm_list(p["suggests"], DepKind::Suggests, false);
      check_rpm_list(p["supplements"], DepKind::Supplements, false);
      check_rpm_list(p["enhances"], DepKind::Enhances, false);

      rs::ResolvedPackage r;
      r.name = p["name"];
      if (!p["epoch"].is_null()) r.epoch = p["epoch"].get<std::string>();
      r.version = p["version"];
      r.release = p["release"];
      r.arch = p["arch"];
      auto provides = p["provides"].get<std::vector<std::string>>();
      for (const auto& own : rs::automatic_provides(r))
        CHECK(std::find(provides.begin(), provides.end(), rs::render_dependency(own)) != provides.end());
      CHECK(rs::automatic_provides(r).size() == (r.arch == "noarch" ? 1u : 2u));
      if (r.arch != "noarch") CHECK(r.arch == "x86_64");
      ++packages;
    }
  }
  CHECK(packages > 1000);
}
