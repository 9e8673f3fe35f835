// Helpers for the home-to-devel readiness checks: spec lines as text with their sections,
// and plain text lines for files without a syntax tree (debian/rules).
#pragma once

#include <cstdint>
#include <string_view>

#include "rules/spec/support.hpp"

namespace katalint::rules::readiness_support {

struct TextLine {
  std::string_view section;  // spec_support::section_name; "" for the preamble or a non-spec file
  std::string_view text;     // without the line end
  std::uint32_t begin = 0;   // offset of text in ctx.file
  rpmspec::NodeId node = rpmspec::kNoNode;
  rpmspec::SyntaxKind kind = rpmspec::SyntaxKind::BodyLine;
  std::string_view tag = {};  // spec_support::LineInfo::tag
};

// Every line of a spec (with its section) or, without a syntax tree, of the file.
template <class Fn>
void for_each_text_line(const Context& ctx, Fn&& fn) {
  if (ctx.spec != nullptr) {
    for (const spec_support::LineInfo& l : spec_support::lines(ctx))
      fn(TextLine{l.section, l.text, l.begin, l.line, l.kind, l.tag});
    return;
  }
  for (std::uint32_t n = 1; n <= ctx.file.line_count(); ++n) {
    std::string_view text = ctx.file.line_text(n);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    fn(TextLine{{}, text, ctx.file.line_start(n)});
  }
}

inline ir::Range range_at(const Context& ctx, std::uint32_t begin, std::size_t size) {
  return {ctx.file.id(), begin, begin + static_cast<std::uint32_t>(size)};
}

// Sections rpm runs as build scripts.
inline bool build_script(std::string_view section) {
  return section == "prep" || section == "build" || section == "install" || section == "check" ||
         section == "clean" || section == "generate_buildrequires" || section == "conf";
}

inline bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
inline bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Word boundaries of shell-ish tokens.
inline bool token_break(char c) {
  return c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '=' || c == ';' || c == '|' || c == '&' ||
         c == '(' || c == ')' || c == '<' || c == '>' || c == ',';
}

// The whole token of `text` that contains `at`.
inline std::pair<std::size_t, std::size_t> token_around(std::string_view text, std::size_t at) {
  std::size_t b = at;
  while (b > 0 && !token_break(text[b - 1])) --b;
  std::size_t e = at;
  while (e < text.size() && !token_break(text[e])) ++e;
  return {b, e};
}

}  // namespace katalint::rules::readiness_support
