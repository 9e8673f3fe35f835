#include "rules/suppression.hpp"

#include <fmt/core.h>

namespace katalint::rules {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(std::string_view s, std::size_t i) {
  while (i < s.size() && is_blank(s[i])) ++i;
  return i;
}

// Names are rule ids or aliases; rpmlint aliases may hold '%'.
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '%' || c == '.';
}

constexpr std::string_view kMarker = "katalint:";

// Parses the directive starting at '#' (offset `hash` in `text`, the line's text).
std::optional<Suppression> parse_at(std::string_view text, std::size_t hash, std::uint32_t line_start,
                                    ir::FileId file) {
  std::size_t i = skip_blanks(text, hash + 1);
  if (text.substr(i, kMarker.size()) != kMarker) return std::nullopt;
  Suppression s;
  auto range = [&](std::size_t b, std::size_t e) {
    return ir::Range{file, line_start + static_cast<std::uint32_t>(b), line_start + static_cast<std::uint32_t>(e)};
  };
  std::size_t end = text.size();
  while (end > hash && is_blank(text[end - 1])) --end;
  s.directive = range(hash, end);
  i = skip_blanks(text, i + kMarker.size());
  const std::size_t word_begin = i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == '-')) ++i;
  const std::string_view word = text.substr(word_begin, i - word_begin);
  if (word != "disable" && word != "disable-file") {
    s.error = word.empty() ? "expected 'disable=' or 'disable-file=' after 'katalint:'"
                           : fmt::format("unknown katalint directive '{}' (expected disable or disable-file)", word);
    return s;
  }
  s.whole_file = word == "disable-file";
  if (i >= text.size() || text[i] != '=') {
    s.error = fmt::format("expected '=' and rule names after '{}'", word);
    return s;
  }
  ++i;
  const std::size_t list_begin = i;
  std::size_t list_end = i;
  while (i < text.size()) {
    const std::size_t name_begin = i;
    while (i < text.size() && is_name_char(text[i])) ++i;
    if (i == name_begin) break;
    s.codes.push_back({std::string(text.substr(name_begin, i - name_begin)), range(name_begin, i)});
    list_end = i;
    if (i < text.size() && text[i] == ',') {
      i = skip_blanks(text, i + 1);
      continue;
    }
    break;
  }
  if (s.codes.empty()) s.error = fmt::format("no rule names after '{}='", word);
  s.list = range(list_begin, list_end);
  return s;
}

}  // namespace

std::vector<Suppression> parse_suppressions(const ir::SourceFile& file) {
  std::vector<Suppression> out;
  const std::string_view all = file.text();
  // Cheap exit: most files have no directive at all.
  if (all.find(kMarker) == std::string_view::npos) return out;
  const std::uint32_t lines = file.line_count();
  for (std::uint32_t line = 1; line <= lines; ++line) {
    const std::string_view text = file.line_text(line);
    if (text.find(kMarker) == std::string_view::npos) continue;
    const std::uint32_t start = file.line_start(line);
    for (std::size_t hash = text.find('#'); hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
      auto s = parse_at(text, hash, start, file.id());
      if (!s) continue;
      s->line = line;
      s->standalone = skip_blanks(text, 0) == hash;
      if (s->standalone) {
        const std::uint32_t next = line < lines ? file.line_start(line + 1) : static_cast<std::uint32_t>(all.size());
        s->removal = {file.id(), start, next};
      } else {
        std::size_t before = hash;
        while (before > 0 && is_blank(text[before - 1])) --before;
        s->removal = {file.id(), start + static_cast<std::uint32_t>(before), s->directive.end};
      }
      out.push_back(std::move(*s));
      break;  // one directive per line
    }
  }
  // A standalone comment covers the next line that is not itself a standalone directive, so
  // several of them can stand above one line.
  for (std::size_t k = 0; k < out.size(); ++k) {
    auto& s = out[k];
    if (s.whole_file || !s.standalone) {
      if (!s.whole_file) s.covers = s.line;
      continue;
    }
    std::uint32_t next = s.line + 1;
    for (std::size_t m = k + 1; m < out.size() && out[m].line == next && out[m].standalone; ++m) ++next;
    s.covers = next <= lines ? next : 0;
  }
  return out;
}

}  // namespace katalint::rules
