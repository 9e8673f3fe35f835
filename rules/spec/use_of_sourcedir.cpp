// use-of-sourcedir: %{_sourcedir} or $RPM_SOURCE_DIR instead of %{SOURCEn}.
#include <cctype>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool path_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-' || c == '+' || c == '/';
}

// The declared source whose file name is `file`, or -1.
int source_for(const Context& ctx, std::string_view file) {
  if (!ctx.package || file.empty() || file.find('/') != std::string_view::npos) return -1;
  int found = -1;
  for (const auto& src : ctx.package->sources) {
    if (src.is_patch) continue;
    std::string_view v = trim(src.value);
    if (const std::size_t hash = v.rfind("#/"); hash != std::string_view::npos) v = v.substr(hash + 2);
    if (const std::size_t slash = v.rfind('/'); slash != std::string_view::npos) v = v.substr(slash + 1);
    if (v != file) continue;
    if (found >= 0) return -1;  // ambiguous
    found = src.number;
  }
  return found;
}

void report(const Context& ctx, Reporter& out, const SyntaxTree& tree, std::uint32_t begin, std::uint32_t end,
            std::string_view what) {
  // The file name right after "<dir>/", when it is literal text.
  std::string_view rest = tree.text.substr(end);
  std::size_t n = 0;
  if (!rest.empty() && rest.front() == '/') {
    n = 1;
    while (n < rest.size() && path_char(rest[n])) ++n;
  }
  auto d = out.report({tree.file, begin, end}, fmt::format("{} used; refer to sources as %{{SOURCEn}}", what));
  if (n <= 1) return;
  // Stop at a macro or a shell variable: the name is not literal.
  if (n < rest.size() && (rest[n] == '%' || rest[n] == '$' || rest[n] == '{')) return;
  const int number = source_for(ctx, rest.substr(1, n - 1));
  if (number < 0) return;
  const std::string replacement = fmt::format("%{{SOURCE{}}}", number);
  d.fix(fmt::format("use {}", replacement), ir::Applicability::Safe,
        {{{tree.file, begin, end + static_cast<std::uint32_t>(n)}, replacement}});
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      if (macro_name(tree, c) != "_sourcedir") continue;
      report(ctx, out, tree, tree.node(c).begin, tree.node(c).end, tree.text_of(c));
    }
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      if (tree.kind(c) != SyntaxKind::Text) continue;
      const std::string_view text = tree.text_of(c);
      for (std::string_view word : {"${RPM_SOURCE_DIR}", "$RPM_SOURCE_DIR"}) {
        for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
          const std::size_t end = at + word.size();
          if (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) continue;
          const std::uint32_t begin = tree.node(c).begin + static_cast<std::uint32_t>(at);
          report(ctx, out, tree, begin, begin + static_cast<std::uint32_t>(word.size()), word);
        }
      }
    }
  });
}

}  // namespace

extern const RuleInfo use_of_sourcedir;  // listed in rules/rules.def
constinit const RuleInfo use_of_sourcedir{
    .id = "use-of-sourcedir",
    .severity = ir::Severity::Warning,
    .summary = "%{_sourcedir} or $RPM_SOURCE_DIR instead of %{SOURCEn}",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "use-of-RPM_SOURCE_DIR",
    .doc = {.what = R"md(Reports `%{_sourcedir}`, `$RPM_SOURCE_DIR` and `${RPM_SOURCE_DIR}` in build sections and shell scriptlets.)md",
            .why = R"md(Files used by the build must be declared as `SourceN:` so that they end up in the source package; `%{SOURCEN}` refers to them by their declaration. A path into the source directory works on the packager's machine and fails in a clean build when the file is not declared.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Source1:        example.conf

%description
An example package.

%install
install -D -m 0644 %{_sourcedir}/example.conf %{buildroot}%{_sysconfdir}/example.conf

%files
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

%install
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/example.conf

%files
)md",
            .fix_safety = R"md(Safe when the path names exactly one declared source: the fix replaces `%{_sourcedir}/FILE` with its `%{SOURCEN}`, which expands to the same path. Otherwise there is no fix.)md",
            .reference = R"md(rpmlint `use-of-RPM_SOURCE_DIR`.)md"},
    .check = check,
};

}  // namespace katalint::rules
