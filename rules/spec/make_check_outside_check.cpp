// make-check-outside-check: make check or make test outside %check.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool is_make(std::string_view word) {
  return word == "make" || word == "gmake" || word == "%make_build" || word == "%{make_build}" ||
         word == "%__make" || word == "%{__make}" || word == "/usr/bin/make";
}

bool ends_command(std::string_view word) {
  return word == ";" || word == "&&" || word == "||" || word == "|" || word == "&";
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (!line.shell || line.section == "check" || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    const std::string_view text = tree.text_of(line.line);
    const std::uint32_t base = tree.node(line.line).begin;
    // Split into blank-separated words with their offsets.
    std::vector<std::pair<std::size_t, std::string_view>> words;
    for (std::size_t i = 0; i < text.size();) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
      if (i >= text.size()) break;
      if (text[i] == '#') break;  // a shell comment
      const std::size_t start = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') ++i;
      words.emplace_back(start, text.substr(start, i - start));
    }
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (!is_make(words[w].second)) continue;
      if (w > 0 && !ends_command(words[w - 1].second)) continue;  // only as a command
      for (std::size_t t = w + 1; t < words.size() && !ends_command(words[t].second); ++t) {
        std::string_view target = words[t].second;
        // Options whose argument is a directory or file, not a target: make -C test.
        if (target == "-C" || target == "-f" || target == "-I" || target == "-o" || target == "-W" ||
            target == "--directory" || target == "--file") {
          ++t;
          continue;
        }
        if (!target.empty() && target.back() == ';') target.remove_suffix(1);
        if (target != "check" && target != "test") continue;
        const std::uint32_t begin = base + static_cast<std::uint32_t>(words[w].first);
        const std::uint32_t end = base + static_cast<std::uint32_t>(words[t].first + target.size());
        out.report({tree.file, begin, end},
                   fmt::format("'{} {}' runs the test suite in %{}; move it to %check", words[w].second, target,
                               line.section.empty() ? "preamble" : line.section));
        break;
      }
    }
  });
}

}  // namespace

extern const RuleInfo make_check_outside_check;  // listed in rules/rules.def
constinit const RuleInfo make_check_outside_check{
    .id = "make-check-outside-check",
    .severity = ir::Severity::Warning,
    .summary = "make check or make test outside %check",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "make-check-outside-check-section",
    .doc = {.what = R"md(Reports `make check`, `make test`, `%make_build check` and the like in `%prep`, `%build`, `%install` or a shell scriptlet instead of `%check`.)md",
            .why = R"md(Tests belong in `%check`, which `rpmbuild --nocheck` skips and which runs after `%install`. Tests in `%build` cannot be turned off and make bootstrapping and cross builds fail.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
%make_build
make check

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
%make_build

%check
make check

%files
)md",
            .fix_safety = R"md(No fix: moving commands between sections can change what they see (the build directory, the environment).)md",
            .reference = R"md(rpmlint `make-check-outside-check-section`; Fedora Packaging Guidelines, test suites.)md"},
    .check = check,
};

}  // namespace katalint::rules
