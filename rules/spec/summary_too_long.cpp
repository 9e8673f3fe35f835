// summary-too-long: a Summary longer than 79 characters.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

// Characters, not bytes: UTF-8 continuation bytes do not count.
std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

void check(const Context& ctx, Reporter& out) {
  if (!ctx.package || ctx.package->parse_failed) return;
  constexpr std::size_t kMax = 79;
  std::vector<ir::Range> seen;
  auto visit = [&](const ir::Field& f) {
    if (f.range.file != ctx.file.id() || lower(f.name) != "summary") return;
    for (const auto& r : seen)
      if (r == f.range) return;
    seen.push_back(f.range);
    const std::size_t n = length(trim(f.value));
    if (n <= kMax) return;
    out.report(f.value_range, fmt::format("the summary is {} characters long; keep it to {}", n, kMax));
  };
  for (const auto& f : ctx.package->fields) visit(f);
  for (const auto& pkg : ctx.package->packages)
    for (const auto& f : pkg.fields) visit(f);
}

}  // namespace

extern const RuleInfo summary_too_long;  // listed in rules/rules.def
constinit const RuleInfo summary_too_long{
    .id = "summary-too-long",
    .severity = ir::Severity::Warning,
    .summary = "a Summary longer than 79 characters",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports a `Summary:` (of any package, in any language) longer than 79 characters after macro expansion.)md",
            .why = R"md(The summary is the one line that package managers show in lists; rpmlint's `MaxLineLength` is 79 and openSUSE's rpmlint scores a longer one 200. Details belong in `%description`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package that frobs files, directories and archives in many formats quickly
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package that frobs files, directories and archives in many formats
quickly.

%files
)md",
            .fix_safety = R"md(No fix: shortening a summary needs a person.)md",
            .reference = R"md(rpmlint `summary-too-long` (`MaxLineLength`); openSUSE rpmlint scoring.)md"},
    .check = check,
};

}  // namespace katalint::rules
