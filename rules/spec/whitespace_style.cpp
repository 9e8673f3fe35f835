// whitespace-style: trailing blanks, runs of empty lines, no final newline.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  const ir::FileId file = ctx.file.id();
  std::size_t begin = 0;
  std::size_t empty_run = 0;
  std::uint32_t run_start = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // control-character's business
    std::size_t content = line.size();
    while (content > 0 && (line[content - 1] == ' ' || line[content - 1] == '\t')) --content;
    // Blanks after a backslash are not trailing: removing them would join the next line.
    if (content < line.size() && !(content > 0 && line[content - 1] == '\\')) {
      const ir::Range blanks{file, static_cast<std::uint32_t>(begin + content), static_cast<std::uint32_t>(begin + line.size())};
      out.report(blanks, "trailing blanks").fix("remove them", ir::Applicability::Safe, {{blanks, ""}});
    }
    if (content == 0) {
      if (empty_run == 0) run_start = static_cast<std::uint32_t>(begin);
      ++empty_run;
    } else {
      if (empty_run > 1) {
        // Keep the first empty line of the run.
        const std::uint32_t second = static_cast<std::uint32_t>(text.find('\n', run_start) + 1);
        const ir::Range extra{file, second, static_cast<std::uint32_t>(begin)};
        out.report(extra, fmt::format("{} empty lines in a row", empty_run))
            .fix("keep one empty line", ir::Applicability::Safe, {{extra, ""}});
      }
      empty_run = 0;
    }
    if (last) {
      if (!line.empty()) {
        const auto at = static_cast<std::uint32_t>(text.size());
        out.report({file, static_cast<std::uint32_t>(begin), at}, "no newline at the end of the file")
            .fix("add a newline", ir::Applicability::Safe, {{{file, at, at}, "\n"}});
      }
      break;
    }
    begin = end + 1;
  }
}

}  // namespace

extern const RuleInfo whitespace_style;  // listed in rules/rules.def
constinit const RuleInfo whitespace_style{
    .id = "whitespace-style",
    .severity = ir::Severity::Info,
    .summary = "trailing blanks, repeated empty lines or no final newline",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports blanks at the end of a line (not after a backslash, where they matter), more than one empty line in a row, and a last line without a newline.)md",
            .why = R"md(Invisible whitespace makes diffs noisy and merges conflict; spec-cleaner and the SUSE formatters strip it, so specs that keep it change on every format run.)md",
            .example = "Name:           example\nVersion:        1.0   \nRelease:        0\nSummary:        Example package\nLicense:        MIT\nURL:            https://example.org\n\n\n%description\nAn example package.\n\n%files",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: rpm ignores trailing blanks in tags and the extra empty lines, and shell scripts do not change; blanks after a backslash are left alone.)md",
            .reference = R"md(spec-cleaner (strips trailing blanks, collapses empty lines); openSUSE format_spec_file.)md"},
    .check = check,
};

}  // namespace katalint::rules
