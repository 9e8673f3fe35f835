#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "frontend/rpmspec/syntax.hpp"
#include "rules/registry.hpp"
#include "tests/support/catch.hpp"

namespace {

using katalint::ir::DiagnosticSink;
using katalint::ir::SourceManager;
using namespace katalint::rpmspec;  // NOLINT(google-build-using-namespace)
using K = SyntaxKind;

// Empty when the tree is well formed: preorder, children tile their parent, leaves tile the
// input with no gap, overlap or empty leaf.
std::string check_invariants(const SyntaxTree& t) {
  if (t.nodes.empty()) return "no nodes";
  const SyntaxNode& root = t.nodes[0];
  if (root.kind != K::File || root.begin != 0 || root.end != t.text.size()) return "bad root";
  if (root.subtree_end != t.nodes.size()) return "root subtree_end";
  std::uint32_t prev = 0;
  for (NodeId i = 0; i < t.nodes.size(); ++i) {
    const SyntaxNode& n = t.nodes[i];
    if (n.begin > n.end) return "node " + std::to_string(i) + " inverted";
    if (n.subtree_end <= i || n.subtree_end > t.nodes.size()) return "subtree_end of " + std::to_string(i);
    if (n.is_leaf()) {
      if (n.begin != prev) return "leaf " + std::to_string(i) + " starts at " + std::to_string(n.begin) + ", expected " + std::to_string(prev);
      if (n.begin == n.end && t.nodes.size() > 1) return "empty leaf " + std::to_string(i);
      prev = n.end;
      continue;
    }
    std::uint32_t at = n.begin;
    NodeId expect = i + 1;
    for (NodeId c = n.first_child; c != kNoNode; c = t.nodes[c].next_sibling) {
      if (c != expect) return "child " + std::to_string(c) + " of " + std::to_string(i) + " not in preorder";
      if (t.nodes[c].parent != i) return "parent link of " + std::to_string(c);
      if (t.nodes[c].begin != at) return "gap before child " + std::to_string(c) + " of " + std::to_string(i);
      at = t.nodes[c].end;
      expect = t.nodes[c].subtree_end;
    }
    if (at != n.end) return "children of " + std::to_string(i) + " end at " + std::to_string(at) + ", node at " + std::to_string(n.end);
    if (expect != n.subtree_end) return "subtree_end of " + std::to_string(i) + " disagrees with children";
  }
  if (prev != t.text.size()) return "leaves end at " + std::to_string(prev);
  return {};
}

// A parsed snippet with helpers to look into its tree.
struct Spec {
  SourceManager sources;
  katalint::ir::FileId id = 0;
  DiagnosticSink sink;
  SyntaxTree tree;

  explicit Spec(std::string text, const SyntaxOptions& options = {}) {
    id = sources.add("test.spec", std::move(text));
    tree = parse_spec_syntax(sources.file(id), sink, options);
  }
  [[nodiscard]] std::string text(NodeId n) const { return std::string(tree.text_of(n)); }
  [[nodiscard]] NodeId first(SyntaxKind k, NodeId within = 0) const { return tree.find_first(k, within); }
  [[nodiscard]] std::vector<std::string> texts(SyntaxKind k, NodeId within = 0) const {
    std::vector<std::string> out;
    for (NodeId n : tree.find_all(k, within)) out.push_back(text(n));
    return out;
  }
  [[nodiscard]] std::size_t count(SyntaxKind k, NodeId within = 0) const { return tree.find_all(k, within).size(); }
  // "rule@line:column" for every diagnostic.
  [[nodiscard]] std::vector<std::string> diags() const {
    std::vector<std::string> out;
    for (const auto& d : sink.diagnostics()) {
      const auto p = sources.file(id).position(d.range.begin);
      out.push_back(d.rule + "@" + std::to_string(p.line) + ":" + std::to_string(p.column));
    }
    return out;
  }
  // Kind of the parent of the first node of kind `k` with text `t`.
  [[nodiscard]] NodeId find(SyntaxKind k, const std::string& t) const {
    for (NodeId n : tree.find_all(k)) {
      if (text(n) == t) return n;
    }
    return kNoNode;
  }
  [[nodiscard]] SyntaxKind parent_kind(NodeId n) const { return tree.kind(tree.node(n).parent); }
};

using Strings = std::vector<std::string>;

void require_lossless(const std::string& text, const std::string& what) {
  DiagnosticSink sink;
  const SyntaxTree tree = parse_spec_syntax(text, 0, sink);
  INFO(what);
  REQUIRE(reprint(tree) == text);
  REQUIRE(check_invariants(tree).empty());
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kHead = "Name: foo\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n";

}  // namespace

// ---------------------------------------------------------------------------------------------
// Losslessness.

TEST_CASE("spec syntax: every corpus spec reprints byte for byte", "[spec-syntax][corpus]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(KATALINT_CORPUS_DIR)) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    auto ends = [&](const std::string& s) {
      return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".spec") || ends(".spec.in") || ends(".spec-template")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 300);

  double total = 0;
  double slowest = 0;
  std::size_t bytes = 0;
  std::string slowest_file;
  for (const auto& path : files) {
    const std::string text = read_file(path);
    DiagnosticSink sink;
    const auto t0 = std::chrono::steady_clock::now();
    const SyntaxTree tree = parse_spec_syntax(text, 0, sink);
    const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    total += dt;
    bytes += text.size();
    if (dt > slowest) {
      slowest = dt;
      slowest_file = path.string();
    }
    INFO("file: " << path.string());
    REQUIRE(reprint(tree) == text);
    REQUIRE(check_invariants(tree) == "");
  }
  std::printf("spec syntax: %zu corpus files, %zu bytes in %.3f s (%.1f MB/s); slowest %.4f s: %s\n",
              files.size(), bytes, total, static_cast<double>(bytes) / total / 1e6, slowest,
              slowest_file.c_str());
}

TEST_CASE("spec syntax: all_of and find_first agree with a scan of the subtree", "[spec-syntax][corpus]") {
  // all_of scans small subtrees and binary-searches the per-kind index of larger ones; both
  // must give every node of the kind in the subtree, in preorder.
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(KATALINT_CORPUS_DIR) / "real-specs"))
    if (e.is_regular_file() && e.path().extension() == ".spec") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() > 100);
  std::size_t checked = 0;
  for (std::size_t f = 0; f < files.size(); f += 10) {
    const std::string text = read_file(files[f]);
    DiagnosticSink sink;
    const SyntaxTree tree = parse_spec_syntax(text, 0, sink);
    INFO("file: " << files[f].string());
    for (NodeId within = 0; within < tree.nodes.size(); ++within) {
      const NodeId end = tree.nodes[within].subtree_end;
      if (end - within > 200) continue;  // the scan below is quadratic in the subtree
      for (const K kind : {K::MacroRef, K::Dependency, K::DependencyName, K::FilePath, K::Newline, K::TagName, K::Text}) {
        std::vector<NodeId> expected;
        for (NodeId i = within; i < end; ++i)
          if (tree.kind(i) == kind) expected.push_back(i);
        const auto found = tree.all_of(kind, within);
        REQUIRE(std::vector<NodeId>(found.begin(), found.end()) == expected);
        REQUIRE(tree.find_first(kind, within) == (expected.empty() ? kNoNode : expected.front()));
        ++checked;
      }
    }
  }
  CHECK(checked > 10000);
}

TEST_CASE("spec syntax: synthetic inputs reprint byte for byte", "[spec-syntax]") {
  SECTION("crlf line ends") {
    const std::string text = "Name: foo\r\nRequires: a >= 1\r\n%if 1\r\n%endif\r\n%description\r\nx\r\n";
    require_lossless(text, "crlf");
    Spec s(text);
    CHECK(s.texts(K::TagValue) == Strings{"foo", "a >= 1"});
    CHECK(s.texts(K::Newline).front() == "\r\n");
    CHECK(s.diags().empty());
  }
  SECTION("no final newline") {
    require_lossless("Name: foo", "no newline");
    require_lossless("%description\ntext", "no newline after body");
    require_lossless("%if 1\n%endif", "no newline after endif");
    Spec s("Name: foo");
    CHECK(s.texts(K::TagValue) == Strings{"foo"});
    CHECK(s.count(K::Newline) == 0);
  }
  SECTION("empty input") {
    require_lossless("", "empty");
    Spec s("");
    CHECK(s.tree.nodes.size() == 1);
  }
  SECTION("tabs and odd whitespace") {
    require_lossless("Name:\tfoo\t\n\t%if 1\t\n\t\t\n%endif\t \n\v\f\r\n", "tabs");
  }
  SECTION("nul bytes") {
    require_lossless(std::string("Name: a\0b\n%if 1\0\n\0%endif\n%{\0}\n", 26), "nul");
    require_lossless(std::string(1000, '\0'), "only nul");
  }
  SECTION("random binary") {
    std::mt19937 rng(20240101);
    static const char kAlphabet[] = "%{}()[]\\\n\r\t :?!-*#@\"<>=,abcdeifnls0123\0";
    const std::string alphabet(kAlphabet, sizeof(kAlphabet) - 1);  // keeps the NUL
    for (int i = 0; i < 300; ++i) {
      const std::size_t size = rng() % 2000;
      std::string text(size, '\0');
      for (auto& c : text) {
        c = (i % 2 == 0) ? static_cast<char>(rng() & 0xff)
                         : alphabet[rng() % alphabet.size()];
      }
      require_lossless(text, "random case " + std::to_string(i));
    }
  }
  SECTION("a 5 MB file") {
    std::string unit =
        "Name: foo\nRequires: (a >= 1 with b), c\n%description\nsome %{name} text\n"
        "%prep\necho %{?x:%{y}} %(ls)\n%files\n%attr(0644,root,root) %{_bindir}/x\n";
    std::string text;
    while (text.size() < 5u * 1024u * 1024u) text += unit;
    require_lossless(text, "5 MB");
  }
  SECTION("100000 nested %if") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "%if 1\n";
    text += "Name: x\n";
    for (int i = 0; i < 100000; ++i) text += "%endif\n";
    require_lossless(text, "nested if");
    Spec s(text);
    CHECK(s.count(K::Conditional) == 100000);
    CHECK(s.diags().empty());
    CHECK(to_json(s.tree).dump().find("\"truncated\":true") != std::string::npos);
  }
  SECTION("100000 unclosed macro openers") {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "%{";
    require_lossless(text, "%{ x 100000");
    std::string lines;
    for (int i = 0; i < 100000; ++i) lines += "%{\n";
    require_lossless(lines, "%{ lines");
    std::string nested = "%prep\n";
    for (int i = 0; i < 100000; ++i) nested += "%{?a:";
    nested += "x";
    for (int i = 0; i < 100000; ++i) nested += "}";
    require_lossless(nested + "\n", "nested macro arguments");
    std::string rich = "Requires: ";
    for (int i = 0; i < 100000; ++i) rich += "(";
    require_lossless(rich + "a\n", "rich dependency parens");
  }
  SECTION("long lines") {
    require_lossless("Summary: " + std::string(3000000, 'x') + "\n", "long tag");
    std::string body = "%description\n";
    for (int i = 0; i < 200000; ++i) body += "%{a}";
    require_lossless(body, "long macro line");
  }
}

TEST_CASE("spec syntax: grammar analysis finds no problems", "[spec-syntax]") {
  CHECK(analyze_spec_grammar() == 0);
}

TEST_CASE("spec syntax: every reported rule is registered", "[spec-syntax]") {
  for (const char* id : {"duplicate-else", "malformed-tag", "unbalanced-macro-brace",
                         "unmatched-conditional", "unterminated-if"}) {
    INFO(id);
    CHECK(katalint::rules::find_rule(id) != nullptr);
  }
}

// ---------------------------------------------------------------------------------------------
// Tree shapes.

TEST_CASE("spec syntax: preamble tags and qualifiers", "[spec-syntax]") {
  Spec s("Name:    foo\nRequires(post): bash\nSummary(de): Ein Test  \nSource0: a.tar.gz\n"
         "Requires (pre) : x\n");
  CHECK(s.texts(K::TagName) == Strings{"Name", "Requires", "Summary", "Source0", "Requires"});
  CHECK(s.texts(K::TagQualifier) == Strings{"(post)", "(de)", "(pre)"});
  CHECK(s.texts(K::TagValue) == Strings{"foo", "bash", "Ein Test", "a.tar.gz", "x"});
  const NodeId tag = s.first(K::Tag);
  CHECK(s.tree.kind(s.tree.children(tag).back()) == K::Newline);
  CHECK(s.parent_kind(tag) == K::Section);
  CHECK(s.diags().empty());
}

TEST_CASE("spec syntax: macro definitions", "[spec-syntax]") {
  Spec s("%define with_x 1\n%global foo(a:b) %{-a:yes} \\\n  more %{?b}\n%undefine with_x\n"
         "Name: %{foo}\n");
  REQUIRE(s.count(K::MacroDefinition) == 3);
  const NodeId def = s.tree.find_all(K::MacroDefinition)[1];
  CHECK(s.text(s.tree.child(def, K::Keyword)) == "%global");
  CHECK(s.text(s.tree.child(def, K::MacroName)) == "foo");
  CHECK(s.text(s.tree.child(def, K::MacroOptions)) == "(a:b)");
  const NodeId body = s.tree.child(def, K::MacroBody);
  CHECK(s.text(body) == "%{-a:yes} \\\n  more %{?b}");
  CHECK(s.count(K::Continuation, body) == 1);
  CHECK(s.texts(K::MacroName, body) == Strings{"-a", "b"});
  CHECK(s.texts(K::Keyword) == Strings{"%define", "%global", "%undefine"});
  // The line after the continued definition is a tag again.
  CHECK(s.texts(K::TagName) == Strings{"Name"});
}

TEST_CASE("spec syntax: nested conditionals", "[spec-syntax]") {
  Spec s("%if 0%{?fedora}\n"
         "%ifarch x86_64\nA: 1\n%elifarch aarch64\nA: 2\n%else\nA: 3\n%endif\n"
         "%elif %{with x}\n"
         "%ifos linux\n%endif\n%ifnos darwin\n%endif\n%ifnarch s390x\n%elifos linux\n%endif\n"
         "%else\nB: 1\n%endif\nC: 1\n");
  CHECK(s.diags().empty());
  CHECK(s.count(K::Conditional) == 5);
  CHECK(s.texts(K::Keyword) == Strings{"%if", "%ifarch", "%elifarch", "%else", "%endif", "%elif",
                                       "%ifos", "%endif", "%ifnos", "%endif", "%ifnarch",
                                       "%elifos", "%endif", "%else", "%endif"});
  CHECK(s.texts(K::Condition) == Strings{"0%{?fedora}", "x86_64", "aarch64", "%{with x}", "linux",
                                         "darwin", "s390x", "linux"});
  const NodeId outer = s.first(K::Conditional);
  CHECK(s.tree.children(outer).size() == 4);  // three branches and %endif
  const NodeId inner = s.first(K::Conditional, outer + 1);
  CHECK(s.parent_kind(inner) == K::ConditionalBranch);
  CHECK(s.tree.kind(s.tree.children(inner).back()) == K::EndifDirective);
  // Tags inside branches, and after the conditional.
  CHECK(s.texts(K::TagName) == Strings{"A", "A", "A", "B", "C"});
  CHECK(s.parent_kind(s.find(K::TagName, "C")) == K::Tag);
}

TEST_CASE("spec syntax: conditional keywords need rpm's delimiters", "[spec-syntax]") {
  Spec s(kHead + "%description\n%iffy\n%ifarch\n%if\tx\n%endif\n%elsewhere\n%endif2\n");
  // %iffy is a macro; %ifarch without an argument is not a directive (rpm: unknown tag);
  // "%if\t" is; %endif2 is %endif with extra text (rpm warns), %elsewhere is a macro.
  CHECK(s.texts(K::Keyword) == Strings{"%description", "%if", "%endif", "%endif"});
  CHECK(s.find(K::MacroName, "iffy") != kNoNode);
  CHECK(s.find(K::MacroName, "elsewhere") != kNoNode);
  CHECK(s.diags() == Strings{"unmatched-conditional@12:1"});
}

TEST_CASE("spec syntax: conditional-opening macros from the options", "[spec-syntax]") {
  const std::string text = "Name: a\n%ifpython2\nRequires: b\n%endif\n";
  Spec s(text);
  CHECK(s.diags().empty());
  CHECK(s.texts(K::Keyword) == Strings{"%ifpython2", "%endif"});
  SyntaxOptions none;
  none.conditional_macros.clear();
  Spec plain(text, none);
  CHECK(plain.diags() == Strings{"unmatched-conditional@4:1"});
}

TEST_CASE("spec syntax: section headers inside conditionals", "[spec-syntax]") {
  Spec s("Name: a\n%if %{with py}\n%package -n python-a\nSummary: py\n%endif\nLicense: MIT\n"
         "%description\ntext\n");
  CHECK(s.diags().empty());
  const NodeId header = s.first(K::SectionHeader);
  CHECK(s.parent_kind(header) == K::Section);
  CHECK(s.tree.kind(s.tree.node(s.tree.node(header).parent).parent) == K::ConditionalBranch);
  // The mode changes in source order: the line after %endif is still a tag.
  CHECK(s.texts(K::TagName) == Strings{"Name", "Summary", "License"});
  // Top-level sections: the preamble and %description.
  CHECK(s.tree.children(0).size() == 2);
}

TEST_CASE("spec syntax: package and build sections", "[spec-syntax]") {
  Spec s(kHead +
         "%description\nText with %name and %%.\n"
         "%package devel\nSummary: d\n"
         "%description -n libfoo-devel\nDevel.\n"
         "%prep\n%autosetup -p1\n%conf\n./configure\n%generate_buildrequires\necho a\n"
         "%build\nmake\n%install\nmake install\n%check\nmake check\n%clean\nrm -rf x\n"
         "%Files\n/a\n  %files\n%prepare\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::Keyword) ==
        Strings{"%description", "%package", "%description", "%prep", "%conf",
                "%generate_buildrequires", "%build", "%install", "%check", "%clean", "%Files"});
  CHECK(s.texts(K::SectionName) == Strings{"devel"});
  CHECK(s.texts(K::Option) == Strings{"-n"});
  CHECK(s.texts(K::OptionValue) == Strings{"libfoo-devel"});
  CHECK(s.find(K::TagName, "Summary") != kNoNode);
  CHECK(s.find(K::BodyLine, "Text with %name and %%.\n") != kNoNode);
  CHECK(s.find(K::BodyLine, "make check\n") != kNoNode);
  // Indented "%files" and "%prepare" are file entries of the %Files section.
  CHECK(s.texts(K::FilePath) == Strings{"/a", "%files", "%prepare"});
}

TEST_CASE("spec syntax: scriptlets and their options", "[spec-syntax]") {
  Spec s(kHead + "%pre -n foo -e -q\necho pre\n%post -p /sbin/ldconfig\n%preun\n%postun -f s.sh\n"
                 "%pretrans -p <lua>\nprint(1)\n%posttrans\n%preuntrans\n%postuntrans\n"
                 "%verifyscript\ntrue\n");
  CHECK(s.diags().empty());
  CHECK(s.count(K::SectionHeader) == 9);
  CHECK(s.texts(K::Option) == Strings{"-n", "-e", "-q", "-p", "-f", "-p"});
  CHECK(s.texts(K::OptionValue) == Strings{"foo", "/sbin/ldconfig", "s.sh", "<lua>"});
  CHECK(s.find(K::BodyLine, "print(1)\n") != kNoNode);
}

TEST_CASE("spec syntax: triggers and their conditions", "[spec-syntax]") {
  Spec s(kHead + "%triggerin -n foo -- bar < 2.0, baz\necho t\n%triggerun -- (a with b)\n"
                 "%triggerpostun -- c\n%triggerprein -- d\n"
                 "%filetriggerin -- /usr/lib\n%transfiletriggerpostun -P 100 -- /usr/share\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::TriggerCondition) == Strings{"-- bar < 2.0, baz", "-- (a with b)", "-- c", "-- d",
                                                "-- /usr/lib", "-- /usr/share"});
  const NodeId first = s.first(K::TriggerCondition);
  CHECK(s.texts(K::DependencyName, first) == Strings{"bar", "baz"});
  CHECK(s.texts(K::DependencyOperator, first) == Strings{"<"});
  CHECK(s.count(K::RichDependency) == 1);
  // File triggers take paths, not dependencies.
  const NodeId path = s.tree.find_all(K::TriggerCondition)[4];
  CHECK(s.count(K::Dependency, path) == 0);
  CHECK(s.texts(K::OptionValue) == Strings{"foo", "100"});
}

TEST_CASE("spec syntax: files entries and directives", "[spec-syntax]") {
  Spec s(kHead + "%files -n foo -f %{name}.lang\n"
                 "%defattr(-,root,root,-)\n"
                 "%attr(0644, root, %{grp}) %config(noreplace) %{_sysconfdir}/foo.conf\n"
                 "%doc README \"with space\"\n%license COPYING\n%dir %{_datadir}/foo\n"
                 "%ghost /run/foo\n%lang(de) /de\n%verify(not md5 size) /v\n%exclude /ex\n"
                 "%caps(cap_net_raw=p) /bin/ping\n%artifact /art\n%docdir /dd\n%readme R\n"
                 "%{_bindir}/*\n%docs/x\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::Keyword) == Strings{"%files", "%defattr", "%attr", "%config", "%doc",
                                       "%license", "%dir", "%ghost", "%lang", "%verify",
                                       "%exclude", "%caps", "%artifact", "%docdir", "%readme"});
  CHECK(s.texts(K::FileDirectiveArgs) ==
        Strings{"(-,root,root,-)", "(0644, root, %{grp})", "(noreplace)", "(de)",
                "(not md5 size)", "(cap_net_raw=p)"});
  CHECK(s.texts(K::FilePath) ==
        Strings{"%{_sysconfdir}/foo.conf", "README", "\"with space\"", "COPYING",
                "%{_datadir}/foo", "/run/foo", "/de", "/v", "/ex", "/bin/ping", "/art", "/dd",
                "R", "%{_bindir}/*", "%docs/x"});
  CHECK(s.count(K::FileEntry) == 15);
  CHECK(s.texts(K::OptionValue) == Strings{"foo", "%{name}.lang"});
}

TEST_CASE("spec syntax: changelog entries", "[spec-syntax]") {
  Spec s(kHead + "%changelog\n"
                 "* Mon Jan 01 2024 Jane Doe <jane@example.com> - 1.0-1\n- first %{name}\n"
                 "# a comment\n%if 0\n- hidden\n%endif\n\n"
                 "* Tue Jan  2 12:00:00 UTC 2024 Joe <joe@example.com> 2.0\n- second\n"
                 "* Wed Jan 03 2024 Ann - 3.0\n");
  CHECK(s.diags().empty());
  CHECK(s.count(K::ChangelogEntry) == 3);
  CHECK(s.texts(K::ChangelogDate) ==
        Strings{"Mon Jan 01 2024", "Tue Jan  2 12:00:00 UTC 2024", "Wed Jan 03 2024"});
  CHECK(s.texts(K::ChangelogAuthor) ==
        Strings{"Jane Doe <jane@example.com>", "Joe <joe@example.com>", "Ann"});
  CHECK(s.texts(K::ChangelogVersion) == Strings{"1.0-1", "2.0", "3.0"});
  const NodeId entry = s.first(K::ChangelogEntry);
  CHECK(s.count(K::BodyLine, entry) == 2);  // "- first" and "- hidden"
  CHECK(s.count(K::Conditional, entry) == 1);
  CHECK(s.count(K::Comment, entry) == 1);
  CHECK(s.find(K::MacroName, "name") != kNoNode);
}

TEST_CASE("spec syntax: source and patch lists", "[spec-syntax]") {
  Spec s(kHead + "%sourcelist\nhttps://x/a.tar.gz\n%{name}.conf\n%patchlist\nfix.patch\n");
  CHECK(s.texts(K::Keyword) == Strings{"%sourcelist", "%patchlist"});
  CHECK(s.texts(K::BodyLine) == Strings{"https://x/a.tar.gz\n", "%{name}.conf\n", "fix.patch\n"});
}

TEST_CASE("spec syntax: comments, dnl and blank lines", "[spec-syntax]") {
  Spec s("# top %{name}\n  # indented\n%dnl hidden %{\nName: a\n\n \t\nRequires: b %dnl rest\n"
         "%description\n# description comment\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::Comment) ==
        Strings{"# top %{name}\n", "  # indented\n", "# description comment\n"});
  CHECK(s.find(K::MacroName, "name") != kNoNode);  // rpm expands macros in comments
  CHECK(s.texts(K::Dnl) == Strings{"%dnl hidden %{\n", "%dnl rest"});
  CHECK(s.count(K::Blank) == 2);
  CHECK(s.texts(K::TagName) == Strings{"Name", "Requires"});
}

TEST_CASE("spec syntax: inline macro forms", "[spec-syntax]") {
  Spec s(kHead + "%build\n"
                 "a %name %{name} %{?name} %{!?name:alt} %{?name:val} %{name:arg} %{expand:%{x}}\n"
                 "b %{-f} %{-f*} %* %** %# %1 %% %-f %!?x %{lua: print(\"{}\") }\n"
                 "c %(echo a\necho b) %[1 + %{x}] %{lua:\nlocal t = {}\nprint(t)\n}\n"
                 "d %{sum %{x} 2}\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::MacroRef) ==
        Strings{"%name", "%{name}", "%{?name}", "%{!?name:alt}", "%{?name:val}", "%{name:arg}",
                "%{expand:%{x}}", "%{x}", "%{-f}", "%{-f*}", "%*", "%**", "%#", "%1", "%-f",
                "%!?x", "%{x}", "%{sum %{x} 2}", "%{x}"});
  CHECK(s.texts(K::MacroFlags) == Strings{"?", "!?", "?", "!?"});
  CHECK(s.texts(K::MacroArgs) == Strings{"alt", "val", "arg", "%{x}", "%{x} 2"});
  CHECK(s.texts(K::Escape) == Strings{"%%"});
  CHECK(s.texts(K::ShellExpansion) == Strings{"%(echo a\necho b)"});
  CHECK(s.texts(K::ExprExpansion) == Strings{"%[1 + %{x}]"});
  CHECK(s.texts(K::LuaExpansion) ==
        Strings{"%{lua: print(\"{}\") }", "%{lua:\nlocal t = {}\nprint(t)\n}"});
  // A multi-line %( and %{lua: keep their lines inside one body line.
  CHECK(s.count(K::BodyLine) == 4);
}

TEST_CASE("spec syntax: lines inside an open macro are not classified", "[spec-syntax]") {
  Spec s(kHead + "%prep\n%{?with_x:\n%endif\n%package x\n}\necho hi\n");
  CHECK(s.diags().empty());
  CHECK(s.count(K::EndifDirective) == 0);
  CHECK(s.texts(K::Keyword) == Strings{"%prep"});
  CHECK(s.texts(K::BodyLine) == Strings{"%{?with_x:\n%endif\n%package x\n}\n", "echo hi\n"});
}

TEST_CASE("spec syntax: directives take backslash continuations", "[spec-syntax]") {
  Spec s(kHead + "%prep\n%if 1 \\\n  && 0\na\n%endif\necho \\\n%if 0\nno\n%endif\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::Condition) == Strings{"1 \\\n  && 0", "0"});
  CHECK(s.count(K::Conditional) == 2);  // rpm splits the shell continuation before %if
}

TEST_CASE("spec syntax: dependencies and rich dependencies", "[spec-syntax]") {
  Spec s("Requires: foo(x) >= 1.0, bar, %{name}-libs = %{version}-%{release}\n"
         "Requires: (a >= 1 with b)\n"
         "Requires: (foo if bar else baz)\n"
         "Requires: ((a and b) or (c unless d))\n"
         "BuildRequires: pkgconfig(glib-2.0) perl(Foo::Bar) (x without y)\n"
         "Conflicts: q <= 2\nObsoletes: o < 1\nProvides: p = 3\nRecommends: r\n"
         "Suggests: s\nSupplements: (u and v)\nEnhances: e\nOrderWithRequires: w\n"
         "Summary: not (a with b)\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::DependencyName) ==
        Strings{"foo(x)", "bar", "%{name}-libs", "a", "b", "foo", "bar", "baz", "a", "b", "c", "d",
                "pkgconfig(glib-2.0)", "perl(Foo::Bar)", "x", "y", "q", "o", "p", "r", "s", "u",
                "v", "e", "w"});
  CHECK(s.texts(K::DependencyOperator) == Strings{">=", "=", ">=", "<=", "<", "="});
  CHECK(s.texts(K::DependencyVersion) ==
        Strings{"1.0", "%{version}-%{release}", "1", "2", "1", "3"});
  CHECK(s.texts(K::RichOperator) ==
        Strings{"with", "if", "else", "and", "or", "unless", "without", "and"});
  CHECK(s.texts(K::RichDependency) ==
        Strings{"(a >= 1 with b)", "(foo if bar else baz)", "((a and b) or (c unless d))",
                "(a and b)", "(c unless d)", "(x without y)", "(u and v)"});
  const NodeId nested = s.find(K::RichDependency, "(a and b)");
  CHECK(s.parent_kind(nested) == K::RichDependency);
  // Summary is not a dependency tag.
  CHECK(s.find(K::TagValue, "not (a with b)") != kNoNode);
}

TEST_CASE("spec syntax: json dump", "[spec-syntax]") {
  Spec s("Name: a\n");
  const nlohmann::json j = to_json(s.tree);
  CHECK(j["kind"] == "File");
  CHECK(j["children"][0]["kind"] == "Section");
  CHECK(j["children"][0]["children"][0]["children"][0]["text"] == "Name");
  CHECK(to_string(K::RichOperator) == "RichOperator");
  Spec bad("Summary: caf\xe9 \xff\n");
  const std::string dumped = to_json(bad.tree).dump();
  CHECK(dumped.find("caf\xEF\xBF\xBD \xEF\xBF\xBD") != std::string::npos);
  CHECK(to_string(K::Newline) == "Newline");
}

// ---------------------------------------------------------------------------------------------
// Structural diagnostics: each fires at the right place and parsing continues.

TEST_CASE("spec syntax: unterminated-if", "[spec-syntax][diagnostics]") {
  Spec s("Name: a\n%if 1\n%if 0\n%endif\n  %ifarch x86_64\nRequires: b\n");
  CHECK(s.diags() == Strings{"unterminated-if@2:1", "unterminated-if@5:3"});
  CHECK(s.sink.diagnostics()[0].message == "no %endif before the end of the file (rpm: unclosed %if)");
  CHECK(s.sink.diagnostics()[0].severity == katalint::ir::Severity::Error);
  CHECK(s.texts(K::TagName) == Strings{"Name", "Requires"});
  CHECK(s.count(K::Conditional) == 3);
}

TEST_CASE("spec syntax: unmatched-conditional", "[spec-syntax][diagnostics]") {
  Spec s("Name: a\n%endif\n%else\n  %elif 1\n%elifarch x\nVersion: 1\n");
  CHECK(s.diags() == Strings{"unmatched-conditional@2:1", "unmatched-conditional@3:1",
                             "unmatched-conditional@4:3", "unmatched-conditional@5:1"});
  CHECK(s.sink.diagnostics()[0].message == "%endif with no %if");
  CHECK(s.texts(K::TagName) == Strings{"Name", "Version"});
  CHECK(s.count(K::EndifDirective) == 1);
}

TEST_CASE("spec syntax: duplicate-else", "[spec-syntax][diagnostics]") {
  Spec s("%if 1\nA: 1\n%else\nA: 2\n%else\nA: 3\n%elif 0\nA: 4\n%endif\nB: 1\n");
  CHECK(s.diags() == Strings{"duplicate-else@5:1", "duplicate-else@7:1"});
  const auto& d = s.sink.diagnostics()[0];
  CHECK(d.message == "%else after %else");
  REQUIRE(d.notes.size() == 1);
  CHECK(s.sources.file(s.id).position(d.notes[0].range.begin).line == 3);
  CHECK(s.sink.diagnostics()[1].message == "%elif after %else");
  CHECK(s.tree.children(s.first(K::Conditional)).size() == 5);
  CHECK(s.texts(K::TagName) == Strings{"A", "A", "A", "A", "B"});
}

TEST_CASE("spec syntax: unbalanced-macro-brace", "[spec-syntax][diagnostics]") {
  Spec s("Name: a\nVersion: %{ver\nRelease: 1\n%description\nx %(echo\ny %[1 +\n"
         "%files\n%{_libdir/lib.so\n/ok\n");
  CHECK(s.diags() == Strings{"unbalanced-macro-brace@2:10", "unbalanced-macro-brace@5:3",
                             "unbalanced-macro-brace@6:3", "unbalanced-macro-brace@8:1"});
  CHECK(s.sink.diagnostics()[0].message == "unterminated '%{': missing '}' (rpm: unclosed macro)");
  // Each unterminated macro stops at its line; the following lines parse normally.
  CHECK(s.texts(K::TagName) == Strings{"Name", "Version", "Release"});
  CHECK(s.texts(K::MacroRef) == Strings{"%{ver", "%{_libdir/lib.so"});
  CHECK(s.texts(K::FilePath) == Strings{"%{_libdir/lib.so", "/ok"});
  CHECK(s.count(K::SectionHeader) == 2);
}

TEST_CASE("spec syntax: a brace closed lines later is one logical line", "[spec-syntax][diagnostics]") {
  Spec s("Name: a\nSummary: %{?x:a\nb}\nLicense: MIT\n");
  CHECK(s.diags().empty());
  CHECK(s.texts(K::TagValue) == Strings{"a", "%{?x:a\nb}", "MIT"});
}

TEST_CASE("spec syntax: malformed-tag", "[spec-syntax][diagnostics]") {
  Spec s("Name foo\nVersion:\nGroup:   \n  URL: http://x\nX-Foo: y\n%{?with_x:Group: x}\n"
         "License: MIT\n");
  CHECK(s.diags() == Strings{"malformed-tag@1:1", "malformed-tag@2:1", "malformed-tag@3:1",
                             "malformed-tag@4:1", "malformed-tag@5:1"});
  CHECK(s.sink.diagnostics()[1].message == "empty value for tag 'Version' (rpm: empty tag)");
  CHECK(s.count(K::Error) == 2);
  CHECK(s.texts(K::TagName) == Strings{"Version", "Group", "URL", "License"});
  CHECK(s.count(K::BodyLine) == 1);  // the macro line may expand to tags
}

TEST_CASE("spec syntax: a clean spec has no structural diagnostics", "[spec-syntax][diagnostics]") {
  Spec s(kHead + "%if 0%{?suse_version}\nBuildRequires: a\n%endif\n%description\nd\n%prep\n"
                 "%setup -q\n%files\n%{_bindir}/a\n%changelog\n* Mon Jan 01 2024 A <a@b> - 1\n- x\n");
  CHECK(s.diags().empty());
  CHECK(check_invariants(s.tree).empty());
}

TEST_CASE("spec syntax: macro brackets match like rpm's matchchar", "[spec-syntax]") {
  // rpm counts every brace of the kind, even inside a Lua string, and honours backslashes.
  Spec s(kHead + "%build\n%{lua: print(\"}\") }\n%{?a:\\}}\n%(echo \\))\n");
  CHECK(s.texts(K::LuaExpansion) == Strings{"%{lua: print(\"}"});
  CHECK(s.texts(K::MacroRef) == Strings{"%{?a:\\}}"});
  CHECK(s.texts(K::ShellExpansion) == Strings{"%(echo \\))"});
  CHECK(s.diags().empty());
}
