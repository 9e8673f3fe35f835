// go-build-flags: go build without -buildmode=pie, or -ldflags with -s/-w.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool command_start(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const char c = text[at - 1];
  return c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '(';
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || !line.build_section || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    std::size_t at = text.find("go build");
    while (at != std::string_view::npos && !command_start(text, at)) at = text.find("go build", at + 1);
    if (at == std::string_view::npos || trim(text).substr(0, 1) == "#") return;
    const std::string_view rest = text.substr(at);
    const auto begin = r.begin + static_cast<std::uint32_t>(at);
    const ir::Range command{tree.file, begin, begin + 8};
    if (rest.find("-buildmode") == std::string_view::npos && text.find("GOFLAGS") == std::string_view::npos) {
      auto d = out.report(command, "go build without -buildmode=pie; SUSE and Fedora require position-independent executables");
      d.fix("add -buildmode=pie", ir::Applicability::Safe, {{{tree.file, command.end, command.end}, " -buildmode=pie"}});
      note_branch(ctx, d, r.begin);
    }
    // -ldflags "... -s -w ...": both strip the debug information the debuginfo packages need.
    const std::size_t flags = rest.find("-ldflags");
    if (flags == std::string_view::npos) return;
    std::size_t v = flags + 8;
    while (v < rest.size() && (rest[v] == ' ' || rest[v] == '=')) ++v;
    if (v >= rest.size()) return;
    const char quote = rest[v] == '"' || rest[v] == '\'' ? rest[v] : ' ';
    const std::size_t vbegin = quote == ' ' ? v : v + 1;
    std::size_t vend = rest.find(quote, vbegin);
    if (vend == std::string_view::npos) vend = rest.size();
    const std::string_view value = rest.substr(vbegin, vend - vbegin);
    std::vector<ir::Edit> edits;
    for (std::size_t i = 0; i + 1 < value.size(); ++i) {
      if (value[i] != '-' || (value[i + 1] != 's' && value[i + 1] != 'w')) continue;
      if ((i > 0 && value[i - 1] != ' ') || (i + 2 < value.size() && value[i + 2] != ' ')) continue;
      // Remove the flag and one blank next to it.
      std::size_t from = i, to = i + 2;
      if (to < value.size()) ++to;
      else if (from > 0) --from;
      const auto base = begin + static_cast<std::uint32_t>(vbegin);
      edits.push_back({{tree.file, base + static_cast<std::uint32_t>(from), base + static_cast<std::uint32_t>(to)}, ""});
    }
    if (edits.empty()) return;
    const auto fbegin = begin + static_cast<std::uint32_t>(flags);
    auto d = out.report({tree.file, fbegin, fbegin + 8}, "-ldflags with -s or -w strips the debug information the debuginfo packages need");
    d.fix("drop -s and -w", ir::Applicability::Safe, std::move(edits));
    note_branch(ctx, d, r.begin);
  });
}

}  // namespace

extern const RuleInfo go_build_flags;  // listed in rules/rules.def
constinit const RuleInfo go_build_flags{
    .id = "go-build-flags",
    .severity = ir::Severity::Warning,
    .summary = "go build without -buildmode=pie, or with -ldflags that strip debug information",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `go build` called directly in a build section (any branch) without `-buildmode=pie` (unless the line sets `GOFLAGS`), and `-ldflags` values that contain `-s` or `-w`.)md",
            .why = R"md(openSUSE's rpmlint scores a non-PIE executable 10000, which fails the build, and Fedora requires PIE. `-s` and `-w` strip the symbol table and DWARF data, so the debuginfo package is empty and crashes cannot be analysed.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
go build -ldflags "-s -w -X main.version=%{version}" -o example .

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
go build -buildmode=pie -ldflags "-X main.version=%{version}" -o example .

%files
)md",
            .fix_safety = R"md(Safe: `-buildmode=pie` is what the distributions build with anyway, and dropping `-s -w` only keeps debug information, which rpm moves into the debuginfo package.)md",
            .reference = R"md(openSUSE *Packaging Go*; openSUSE rpmlint scoring (`non-position-independent-executable`, 10000); Fedora *Go Packaging Guidelines*.)md"},
    .check = check,
};

}  // namespace katalint::rules
