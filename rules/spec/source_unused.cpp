// source-unused: a SourceN (N >= 1) that nothing in the spec uses.
#include <cctype>
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

int number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Files OBS or rpmlint read by name: signatures, keyrings, rpmlintrc, changes.
bool used_by_tools(std::string_view value) {
  const std::string v = lower(trim(value));
  return ends_with(v, ".sig") || ends_with(v, ".asc") || ends_with(v, ".keyring") || ends_with(v, ".sign") ||
         ends_with(v, "rpmlintrc") || ends_with(v, ".changes") || ends_with(v, ".gpg");
}

// Numbers in the -a/-b options of %setup or %autosetup: "-a 1", "-a1", "-qa1".
void setup_numbers(std::string_view args, std::set<int>& used) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != '-' || (i > 0 && args[i - 1] != ' ' && args[i - 1] != '\t')) continue;
    std::size_t j = i + 1;
    while (j < args.size() && std::isalpha(static_cast<unsigned char>(args[j]))) {
      const char c = args[j++];
      if (c != 'a' && c != 'b') continue;
      while (j < args.size() && (args[j] == ' ' || args[j] == '\t')) ++j;
      std::size_t k = j;
      while (k < args.size() && std::isdigit(static_cast<unsigned char>(args[k]))) ++k;
      if (k > j) used.insert(number(args.substr(j, k - j)));
      break;
    }
  }
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::set<int> used;
  bool opaque = !tree.all_of(SyntaxKind::IncludeDirective).empty() || !tree.all_of(SyntaxKind::LuaExpansion).empty();
  for (NodeId m : tree.all_of(SyntaxKind::MacroRef)) {
    const std::string_view name = macro_name(tree, m);
    const std::string lname = lower(name);
    if (lname.substr(0, 6) == "source" && name.size() > 6) {
      const int n = number(name.substr(6));
      if (n >= 0) used.insert(n);
      else opaque = true;  // %{SOURCE%{n}}
    } else if (name == "S") {
      const NodeId args = tree.child(m, SyntaxKind::MacroArgs);
      if (args != rpmspec::kNoNode && number(trim(tree.text_of(args))) >= 0) used.insert(number(trim(tree.text_of(args))));
      else opaque = true;
    } else if (name == "_sourcedir" || name == "sources" || name == "lua") {
      opaque = true;  // files used by name or in a loop
    } else if (name == "setup" || name == "autosetup") {
      const NodeId line = [&] {
        NodeId n = m;
        while (n != rpmspec::kNoNode && !is_line(tree, n)) n = tree.node(n).parent;
        return n;
      }();
      if (line != rpmspec::kNoNode) {
        const std::uint32_t end = without_newline(tree, line).end;
        setup_numbers(tree.text.substr(tree.node(m).end, end - tree.node(m).end), used);
      }
    }
  }
  if (ctx.file.text().find("RPM_SOURCE_DIR") != std::string_view::npos) opaque = true;
  if (opaque) return;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    const std::string_view name = line.tag;
    if (name.substr(0, 6) != "source" || name == "source") return;  // Source is Source0
    const int n = number(name.substr(6));
    if (n <= 0 || used.count(n) || used_by_tools(tag_value(tree, line.line))) return;
    auto d = out.report(without_newline(tree, line.line),
                        fmt::format("Source{} is never used: no %{{SOURCE{}}}, %{{S:{}}} or %setup -a/-b {}", n, n, n, n));
    note_branch(ctx, d, tree.node(line.line).begin);
  });
}

}  // namespace

extern const RuleInfo source_unused;  // listed in rules/rules.def
constinit const RuleInfo source_unused{
    .id = "source-unused",
    .severity = ir::Severity::Warning,
    .summary = "a SourceN that the spec never uses",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports a `SourceN:` tag (N >= 1, any branch) that nothing refers to: no `%{SOURCEN}`, `%SOURCEN`, `%{S:N}`, or `-a N`/`-b N` option of `%setup`/`%autosetup` anywhere in the spec. Signatures and keyrings (`.sig`, `.asc`, `.keyring`), `*rpmlintrc` and `.changes` files are exempt, since OBS reads them by name. Specs that use `%{_sourcedir}`, `$RPM_SOURCE_DIR`, `%{sources}`, Lua or `%include` are not checked.)md",
            .why = R"md(An unused source is shipped in every source package but does nothing, which usually means a forgotten install line or a leftover from an old version. Reviewers in openSUSE ask for it to be removed.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Source1:        example.conf
Source2:        old-example.conf

%description
An example package.

%prep
%setup -q

%install
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/example.conf

%files
%config %{_sysconfdir}/example.conf
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Source1:        example.conf

%description
An example package.

%prep
%setup -q

%install
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/example.conf

%files
%config %{_sysconfdir}/example.conf
)md",
            .fix_safety = R"md(No fix: the source may be missing an install line rather than be unneeded.)md",
            .reference = R"md(openSUSE review practice (obs-service-source_validator `20-files-present-and-referenced`).)md"},
    .check = check,
};

}  // namespace katalint::rules
