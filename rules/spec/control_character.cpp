// control-character: bytes below 0x20 other than tab and line feed.
#include <cstdint>

#include <fmt/core.h>

#include "ir/swar.hpp"
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool forbidden(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n'; }

// True when some byte is forbidden, eight bytes at a time.
bool any_forbidden(std::string_view text) {
  namespace swar = ir::swar;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const std::uint64_t w = swar::load(text.data() + i);
    if (swar::has_below(w, 0x20) == 0) continue;  // most words: nothing below 0x20
    if ((swar::below_mask(w, 0x20) & ~swar::equal_mask(w, '\t') & ~swar::equal_mask(w, '\n')) != 0) return true;
  }
  for (; i < text.size(); ++i)
    if (forbidden(static_cast<unsigned char>(text[i]))) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const std::string_view text = ctx.file.text();
  if (!any_forbidden(text)) return;
  const ir::FileId file = ctx.file.id();
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    std::size_t count = 0, first = std::string_view::npos;
    bool only_cr = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if (!forbidden(c)) continue;
      if (first == std::string_view::npos) first = i;
      ++count;
      only_cr = only_cr && c == '\r';
    }
    if (count > 0) {
      const auto at = static_cast<std::uint32_t>(line_begin + first);
      const auto c = static_cast<unsigned char>(line[first]);
      const std::string what = c == '\r' ? std::string("a carriage return") : fmt::format("control character 0x{:02x}", c);
      std::string message = count == 1 ? fmt::format("{} in the spec; rpm keeps it in the value", what)
                                       : fmt::format("{} and {} more control characters on this line", what, count - 1);
      auto d = out.report({file, at, at + 1}, std::move(message));
      if (only_cr) {
        std::vector<ir::Edit> edits;
        for (std::size_t i = 0; i < line.size(); ++i)
          if (line[i] == '\r') {
            const auto pos = static_cast<std::uint32_t>(line_begin + i);
            edits.push_back({{file, pos, pos + 1}, ""});
          }
        d.fix("remove the carriage returns", ir::Applicability::Safe, std::move(edits));
      }
    }
    line_begin = line_end + 1;
  }
}

}  // namespace

extern const RuleInfo control_character;  // listed in rules/rules.def
constinit const RuleInfo control_character{
    .id = "control-character",
    .severity = ir::Severity::Error,
    .summary = "a control character other than tab and line feed",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .aliases = "forbidden-controlchar-found",
    .doc = {.what = R"md(Reports every line that holds a byte below 0x20 other than tab and line feed: NUL, escape, form feed, carriage return (a CRLF file or a stray `\r`), ... One finding per line, at the first such byte.)md",
            .why = R"md(rpm copies these bytes into tag values, dependency names and the changelog, where they break tools that read the package metadata; a carriage return at the end of `Version: 1.0\r` becomes part of the version. They are almost always the result of an editor or a copy from elsewhere.)md",
            .example = "Name:           example\nVersion:        1.0\r\nRelease:        0\nSummary:        Example package\nLicense:        MIT\nURL:            https://example.org\n\n%description\nAn example package.\n\n%files\n",
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
            .fix_safety = R"md(Safe for carriage returns: they are removed, which is what the author meant. Other control characters have no fix: only the author knows what belongs there.)md",
            .reference = R"md(rpmlint `forbidden-controlchar-found`; rpm keeps `\r` in tag values.)md"},
    .check = check,
};

}  // namespace katalint::rules
