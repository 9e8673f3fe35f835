// optflags-not-used: $RPM_OPT_FLAGS, or CFLAGS/CXXFLAGS set without the distribution's flags.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// The assigned value after `NAME=` at `at`: a quoted string or a word.
std::string_view value_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return {};
  const char q = text[at];
  if (q == '"' || q == '\'') {
    const std::size_t close = text.find(q, at + 1);
    return text.substr(at, close == std::string_view::npos ? text.size() - at : close - at + 1);
  }
  std::size_t end = text.find_first_of(" \t;", at);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(at, end - at);
}

bool keeps_distribution_flags(std::string_view value) {
  for (std::string_view ok : {"optflags", "RPM_OPT_FLAGS", "$CFLAGS", "${CFLAGS", "$CXXFLAGS", "${CXXFLAGS",
                              "build_cflags", "build_cxxflags", "%{?", "$("})
    if (value.find(ok) != std::string_view::npos) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || !line.build_section || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (trim(text).substr(0, 1) == "#") return;
    for (std::string_view var : {"${RPM_OPT_FLAGS}", "$RPM_OPT_FLAGS"}) {
      const std::size_t at = text.find(var);
      if (at == std::string_view::npos) continue;
      const auto begin = r.begin + static_cast<std::uint32_t>(at);
      const ir::Range where{tree.file, begin, begin + static_cast<std::uint32_t>(var.size())};
      auto d = out.report(where, fmt::format("{} is the shell copy of %{{optflags}}; use the macro", var));
      d.fix("use %{optflags}", ir::Applicability::Safe, {{where, "%{optflags}"}});
      note_branch(ctx, d, r.begin);
      return;
    }
    for (std::string_view var : {"CFLAGS=", "CXXFLAGS="}) {
      for (std::size_t at = text.find(var); at != std::string_view::npos; at = text.find(var, at + 1)) {
        if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\t' && text[at - 1] != '"') continue;  // EXTRA_CFLAGS=
        const std::string_view value = value_at(text, at + var.size());
        if (value.empty() || value == "\"\"" || value == "''" || keeps_distribution_flags(value)) continue;
        const auto begin = r.begin + static_cast<std::uint32_t>(at);
        auto d = out.report({tree.file, begin, begin + static_cast<std::uint32_t>(var.size() + value.size())},
                            fmt::format("{} is set without %{{optflags}}; the distribution's hardening and debug flags are lost",
                                        var.substr(0, var.size() - 1)));
        note_branch(ctx, d, r.begin);
        return;
      }
    }
  });
}

}  // namespace

extern const RuleInfo optflags_not_used;  // listed in rules/rules.def
constinit const RuleInfo optflags_not_used{
    .id = "optflags-not-used",
    .severity = ir::Severity::Warning,
    .summary = "compiler flags set without the distribution's optflags",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports, in build sections of any branch, the shell variable `$RPM_OPT_FLAGS` (use `%{optflags}`), and a `CFLAGS=` or `CXXFLAGS=` assignment whose value contains neither `%{optflags}`, `$RPM_OPT_FLAGS`, the previous `$CFLAGS` nor `%{build_cflags}`. One finding per line.)md",
            .why = R"md(The distribution's flags carry the hardening (`-fstack-protector-strong`, `_FORTIFY_SOURCE`), the debug information the debuginfo packages need and the architecture baseline; a build with its own CFLAGS loses them. openSUSE's "Factory dos and don'ts" ask for `%{optflags}`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
make CFLAGS="$RPM_OPT_FLAGS -fno-strict-aliasing"

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
make CFLAGS="%{optflags} -fno-strict-aliasing"

%files
)md",
            .fix_safety = R"md(Safe for `$RPM_OPT_FLAGS`: rpm sets it to `%{optflags}`, so the script is the same. Assignments have no fix: which of their flags are still needed is for the author to decide.)md",
            .reference = R"md(openSUSE *Factory dos and don'ts* ("use %{optflags}"); Fedora Packaging Guidelines, "Compiler flags".)md"},
    .check = check,
};

}  // namespace katalint::rules
