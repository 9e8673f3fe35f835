#include "cli/render/common.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>

#include "ir/swar.hpp"

namespace katalint::cli::render_detail {

ir::LineColumn Location::last_pos() const {
  if (begin == end) return begin_pos;
  const std::string_view text = file->text();
  std::uint32_t p = end - 1;
  // A range that swallows its line terminator ends on that line, not the next.
  if (p > begin && text[p] == '\n') --p;
  if (p > begin && text[p] == '\r') --p;
  while (p > begin && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return file->position(p);
}

Location locate(const ir::SourceManager& sources, ir::Range range) {
  Location loc;
  if (!range.valid() || range.file >= sources.size()) return loc;
  loc.file = &sources.file(range.file);
  const auto size = static_cast<std::uint32_t>(loc.file->text().size());
  loc.begin = std::min(range.begin, size);
  loc.end = std::clamp(range.end, loc.begin, size);
  loc.begin_pos = loc.file->position(loc.begin);
  loc.end_pos = loc.file->position(loc.end);
  return loc;
}

void Counts::add(const ir::Diagnostic& d) {
  switch (d.severity) {
    case ir::Severity::Error: ++errors; break;
    case ir::Severity::Warning: ++warnings; break;
    case ir::Severity::Info: ++infos; break;
  }
  if (d.fix && d.fix->applicability == ir::Applicability::Safe) ++safe_fixes;
  if (d.fix && d.fix->applicability == ir::Applicability::Unsafe) ++unsafe_fixes;
}

Counts count(const std::vector<ir::Diagnostic>& diagnostics) {
  Counts c;
  for (const auto& d : diagnostics) c.add(d);
  return c;
}

std::string describe(const Counts& counts) {
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::vector<std::string> parts;
  if (counts.errors) parts.push_back(plural(counts.errors, "error"));
  if (counts.warnings) parts.push_back(plural(counts.warnings, "warning"));
  if (counts.infos) parts.push_back(plural(counts.infos, "info"));
  std::string out = plural(counts.total(), "problem");
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? " (" : ", ") + parts[i];
  if (!parts.empty()) out += ')';
  return out;
}

std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    ++i;
    return std::nullopt;
  }
  if (i + len > s.size()) {
    ++i;
    return std::nullopt;
  }
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return std::nullopt;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return std::nullopt;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

namespace {

// one_line(s) appended to `out`.
void append_one_line(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII is copied as is, a run at a time.
    std::size_t plain = i;
    for (; plain + 8 <= s.size(); plain += 8) {
      const std::uint64_t w = ir::swar::load(s.data() + plain);
      if ((ir::swar::has_below(w, 0x20) | (w & ir::swar::kHighs) | ir::swar::has_byte(w, 0x7F)) != 0) break;
    }
    while (plain < s.size() && s[plain] >= 0x20 && s[plain] < 0x7F) ++plain;
    out.append(s, i, plain - i);
    if (plain == s.size()) break;
    i = plain;
    const auto cp = next_code_point(s, i);
    if (!cp)
      append_utf8(out, 0xFFFD);
    else if (*cp < 0x20 || *cp == 0x7F)
      out += ' ';
    else
      out.append(s, plain, i - plain);  // a valid sequence re-encodes to the same bytes
  }
}

}  // namespace

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_one_line(out, s);
  return out;
}

std::string gcc_line(const ir::Diagnostic& d, const ir::SourceManager& sources) {
  const Location loc = locate(sources, d.range);
  std::string out;
  out.reserve((loc ? loc.path().size() : 0) + d.message.size() + d.rule.size() + 32);
  if (loc) {
    append_one_line(out, loc.path());
    // Not fmt::format_to into a back_inserter: clang cannot link it against Debian's libfmt.
    out += ':';
    out += std::to_string(loc.begin_pos.line);
    out += ':';
    out += std::to_string(loc.begin_pos.column);
  } else {
    out = "katalint";
  }
  out += ": ";
  out += ir::to_string(d.severity);
  out += ": ";
  append_one_line(out, d.message);
  out += " [";
  append_one_line(out, d.rule);
  out += ']';
  return out;
}

std::vector<FileGroup> group_by_file(const std::vector<ir::Diagnostic>& diagnostics,
                                     const ir::SourceManager& sources,
                                     const std::vector<std::string>& files) {
  std::vector<FileGroup> groups;
  std::map<std::string, std::size_t, std::less<>> index;
  auto group_of = [&](const std::string& path) -> FileGroup& {
    auto [it, added] = index.try_emplace(path, groups.size());
    if (added) groups.push_back({path, {}});
    return groups[it->second];
  };
  for (const auto& f : files) group_of(f);
  FileGroup unlocated;
  for (const auto& d : diagnostics) {
    const Location loc = locate(sources, d.range);
    if (loc)
      group_of(loc.path()).diagnostics.push_back(&d);
    else
      unlocated.diagnostics.push_back(&d);
  }
  if (!unlocated.diagnostics.empty()) groups.push_back(std::move(unlocated));
  return groups;
}

}  // namespace katalint::cli::render_detail
