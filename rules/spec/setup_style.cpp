// setup-style: %setup without -q, and a -n that repeats the default directory name.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Token {
  std::string_view text;
  std::uint32_t begin;  // offset in the file
};

// Splits the arguments after %setup on blanks; macros stay inside their token.
std::vector<Token> split(std::string_view text, std::uint32_t base) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
    if (i > b) out.push_back({text.substr(b, i - b), base + static_cast<std::uint32_t>(b)});
  }
  return out;
}

void check_setup(const SyntaxTree& tree, NodeId macro, NodeId line, Reporter& out) {
  const ir::Range rest{tree.file, tree.node(macro).end, without_newline(tree, line).end};
  const auto tokens = split(tree.text.substr(rest.begin, rest.end - rest.begin), rest.begin);
  bool quiet = false, no_unpack = false, unpacks = false;
  std::optional<std::size_t> name_option;  // index of a lone "-n"
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = tokens[i].text;
    if (t.size() < 2 || t[0] != '-' || t[1] == '-') continue;
    for (std::size_t k = 1; k < t.size(); ++k) {
      const char c = t[k];
      if (c == 'q') quiet = true;
      if (c == 'T') no_unpack = true;
      if (c == 'a' || c == 'b') unpacks = true;
      // -a, -b and -n take the rest of the token, or the next token, as their argument.
      if (c == 'a' || c == 'b' || c == 'n') {
        if (c == 'n' && t.size() == 2) name_option = i;
        if (k + 1 == t.size()) ++i;
        break;
      }
    }
  }
  if (!quiet && !(no_unpack && !unpacks)) {
    out.report(tree.range(macro), "%setup without -q lists every file it unpacks")
        .fix("add -q", ir::Applicability::Safe, {{{tree.file, tree.node(macro).end, tree.node(macro).end}, " -q"}});
  }
  if (name_option && *name_option + 1 < tokens.size()) {
    const Token& value = tokens[*name_option + 1];
    if (value.text == "%{name}-%{version}" || value.text == "%name-%version") {
      const Token& flag = tokens[*name_option];
      // Remove the blanks before -n too, so the line keeps single spaces.
      std::uint32_t from = flag.begin;
      while (from > rest.begin && (tree.text[from - 1] == ' ' || tree.text[from - 1] == '\t')) --from;
      const std::uint32_t to = value.begin + static_cast<std::uint32_t>(value.text.size());
      out.report({tree.file, flag.begin, to}, fmt::format("'-n {}' is the default", value.text))
          .fix("remove the -n option", ir::Applicability::Safe, {{{tree.file, from, to}, ""}});
    }
  }
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "prep" || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    // %setup must be the first thing on its line.
    NodeId first = tree.node(line.line).first_child;
    // Leading blanks are a Whitespace or Text leaf.
    if (first != rpmspec::kNoNode && tree.node(first).is_leaf() && trim(tree.text_of(first)).empty())
      first = tree.node(first).next_sibling;
    if (first == rpmspec::kNoNode || tree.kind(first) != SyntaxKind::MacroRef || macro_name(tree, first) != "setup")
      return;
    // %{setup ...} with braces keeps its arguments inside; only the plain form is checked.
    if (tree.text_of(first).substr(0, 2) == "%{") return;
    check_setup(tree, first, line.line, out);
  });
}

}  // namespace

extern const RuleInfo setup_style;  // listed in rules/rules.def
constinit const RuleInfo setup_style{
    .id = "setup-style",
    .severity = ir::Severity::Info,
    .summary = "%setup without -q, or with a -n that repeats the default",
    .fix = FixAvailability::Safe,
    .aliases = "setup-not-quiet",
    .doc = {.what = R"md(Reports `%setup` in `%prep` without `-q` (unless `-T` is given without `-a`/`-b`, so nothing is unpacked), and `-n %{name}-%{version}`, which is the directory `%setup` uses anyway.)md",
            .why = R"md(Without `-q`, `tar` lists every file of the archive, which buries the useful part of the build log. A redundant `-n` is noise that hides the cases where the directory really differs.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz

%description
An example package.

%prep
%setup -n %{name}-%{version}

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz

%description
An example package.

%prep
%setup -q

%files
)md",
            .fix_safety = R"md(Safe: `-q` only silences `tar`, and `-n %{name}-%{version}` is the default, so the build does the same with either fix.)md",
            .reference = R"md(rpm `doc/manual/spec.md` (%setup); rpmlint `setup-not-quiet`; spec-cleaner drops the default `-n`.)md"},
    .check = check,
};

}  // namespace katalint::rules
