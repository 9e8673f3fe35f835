// description-line-too-long: a %description line longer than 79 characters.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

constexpr std::uint32_t kMax = 79;

bool verbatim(std::string_view line) {
  return line.empty() || line.front() == ' ' || line.front() == '\t' || line.find("://") != std::string_view::npos ||
         line.front() == '%' || line.front() == '-' || line.front() == '*';
}

std::string rewrap(std::string_view text) {
  std::string out, current;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
    const std::size_t b = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    if (i == b) break;
    const std::string_view word = text.substr(b, i - b);
    if (!current.empty() && ir::count_code_points(current) + 1 + ir::count_code_points(word) > kMax) {
      out += current + "\n";
      current.clear();
    }
    current += (current.empty() ? "" : " ") + std::string(word);
  }
  return out + current;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  const auto& all = lines(ctx);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const LineInfo& line = all[i];
    if (line.section != "description" || tree.kind(line.line) != SyntaxKind::BodyLine) continue;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (ir::count_code_points(text) <= kMax || verbatim(text)) continue;
    // The paragraph: neighbouring plain lines of the same section.
    std::size_t first = i, last = i;
    const auto plain = [&](std::size_t k) {
      if (all[k].section != "description" || all[k].header != line.header || tree.kind(all[k].line) != SyntaxKind::BodyLine)
        return false;
      const ir::Range kr = without_newline(tree, all[k].line);
      return !verbatim(tree.text.substr(kr.begin, kr.end - kr.begin));
    };
    while (first > 0 && plain(first - 1)) --first;
    while (last + 1 < all.size() && plain(last + 1)) ++last;
    const ir::Range para{tree.file, tree.node(all[first].line).begin, without_newline(tree, all[last].line).end};
    auto d = out.report(r, fmt::format("this %description line has {} characters; wrap at {}", ir::count_code_points(text), kMax));
    if (ctx.family == Family::Suse) d.severity(ir::Severity::Info);
    d.fix("re-wrap the paragraph", ir::Applicability::Safe,
          {{para, rewrap(tree.text.substr(para.begin, para.end - para.begin))}});
    note_branch(ctx, d, r.begin);
  }
}

}  // namespace

extern const RuleInfo description_line_too_long;  // listed in rules/rules.def
constinit const RuleInfo description_line_too_long{
    .id = "description-line-too-long",
    .severity = ir::Severity::Warning,
    .summary = "a %description line longer than 79 characters",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a `%description` line (any package, any branch) longer than 79 characters as written. Lines with a URL, indented lines and list items (`-`, `*`) are exempt: they are kept as they are. With a SUSE target the finding is info, since openSUSE's rpmlint configuration filters the check.)md",
            .why = R"md(Package managers show the description as written, in terminals of 80 columns; rpmlint reports longer lines of built packages.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package whose description goes on and on, well past the width of a terminal window.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package whose description goes on and on, well past the width of a
terminal window.

%files
)md",
            .fix_safety = R"md(Safe: the paragraph's words stay the same and in order; only the line breaks move. Package managers re-flow descriptions anyway.)md",
            .reference = R"md(rpmlint `description-line-too-long` (MaxLineLength 79, built packages); openSUSE rpmlint configuration filters it.)md"},
    .check = check,
};

}  // namespace katalint::rules
