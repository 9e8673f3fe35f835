// Human-readable output modelled on clang: location, snippet, caret line, notes, fix-its.
#include <fmt/core.h>

#include <algorithm>

#include "cli/render/common.hpp"

namespace katalint::cli::render_detail {
namespace {

constexpr std::uint32_t kTabStop = 8;
// Longer lines are cut to a window around the caret so output stays bounded.
constexpr std::size_t kMaxSnippetBytes = 400;
constexpr std::size_t kContextBefore = 120;

constexpr std::string_view kBold = "1";
constexpr std::string_view kRed = "1;31";
constexpr std::string_view kMagenta = "1;35";
constexpr std::string_view kCyan = "1;36";
constexpr std::string_view kGreen = "1;32";

struct Style {
  bool color = false;
  [[nodiscard]] std::string paint(std::string_view code, std::string_view text) const {
    if (!color || text.empty()) return std::string(text);
    return fmt::format("\033[{}m{}\033[0m", code, text);
  }
};

std::string_view severity_color(ir::Severity s) {
  switch (s) {
    case ir::Severity::Error: return kRed;
    case ir::Severity::Warning: return kMagenta;
    case ir::Severity::Info: return kCyan;
  }
  return kBold;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct Snippet {
  std::string source;
  std::string caret;
  std::string fixit;  // blanks up to the range start; the caller appends the replacement
};

// The line holding loc.begin and a caret line under the range, clamped to that line. Tabs
// before the range are copied so the caret lines up whatever the tab width; tabs inside
// the range are underlined to the next multiple of 8.
Snippet make_snippet(const Location& loc) {
  const ir::SourceFile& file = *loc.file;
  const std::uint32_t start = file.line_start(loc.begin_pos.line);
  const std::string_view text = file.line_text(loc.begin_pos.line);
  const std::size_t b = std::min<std::size_t>(loc.begin - start, text.size());
  const std::size_t e = std::clamp<std::size_t>(loc.end - start, b, text.size());

  std::size_t from = 0;
  std::size_t to = text.size();
  if (text.size() > kMaxSnippetBytes) {
    from = b > kContextBefore ? b - kContextBefore : 0;
    while (from > 0 && is_continuation(text[from])) --from;
    to = std::min(text.size(), from + kMaxSnippetBytes);
    while (to < text.size() && to > from && is_continuation(text[to])) --to;
  }

  Snippet s;
  std::uint32_t vcol = 0;
  if (from > 0) {
    s.source = "...";
    s.caret = s.fixit = "   ";
    vcol = 3;
  }
  for (std::size_t i = from; i < to;) {
    const std::size_t at = i;
    const auto cp = next_code_point(text, i);
    const bool tab = cp && *cp == '\t';
    const std::uint32_t width = tab ? kTabStop - vcol % kTabStop : 1;
    if (tab)
      s.source += '\t';
    else if (!cp || *cp < 0x20 || *cp == 0x7F)
      append_utf8(s.source, 0xFFFD);  // never send control bytes to the terminal
    else
      s.source.append(text.substr(at, i - at));
    if (at < b) {
      s.caret += tab ? '\t' : ' ';
      s.fixit += tab ? '\t' : ' ';
    } else if (at == b) {
      s.caret += '^';
      if (e > b) s.caret.append(width - 1, '~');
    } else if (at < e) {
      s.caret.append(width, '~');
    }
    vcol += width;
  }
  if (b >= to) s.caret += '^';  // the range starts at the end of the line
  if (to < text.size()) s.source += "...";
  return s;
}

void emit_snippet(std::ostream& out, const Style& style, const Location& loc,
                  const std::string* replacement = nullptr) {
  const Snippet s = make_snippet(loc);
  out << s.source << '\n' << style.paint(kGreen, s.caret) << '\n';
  if (replacement && !replacement->empty())
    out << s.fixit << style.paint(kGreen, one_line(*replacement)) << '\n';
}

std::string where(const Location& loc) {
  return fmt::format("{}:{}:{}:", one_line(loc.path()), loc.begin_pos.line, loc.begin_pos.column);
}

// A fix-it line only makes sense for an edit within one line.
bool single_line(const Location& loc, const std::string& replacement) {
  return loc && loc.begin_pos.line == loc.end_pos.line &&
         replacement.find('\n') == std::string::npos;
}

std::string_view applicability_suffix(ir::Applicability a) {
  switch (a) {
    case ir::Applicability::Safe: return "";
    case ir::Applicability::Unsafe: return " (unsafe fix)";
    case ir::Applicability::DisplayOnly: return " (display-only fix)";
  }
  return "";
}

}  // namespace

void render_text(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                 const RenderOptions& options, std::ostream& out) {
  const Style style{options.color};
  for (const auto& d : diagnostics) {
    const Location loc = locate(sources, d.range);
    out << style.paint(kBold, loc ? where(loc) : std::string("katalint:")) << ' '
        << style.paint(severity_color(d.severity), fmt::format("{}:", ir::to_string(d.severity)))
        << ' ' << style.paint(kBold, one_line(d.message)) << " [" << one_line(d.rule) << "]\n";
    if (loc) emit_snippet(out, style, loc);

    for (const auto& note : d.notes) {
      const Location nloc = locate(sources, note.range);
      if (nloc) out << style.paint(kBold, where(nloc)) << ' ';
      out << style.paint(kCyan, "note:") << ' ' << one_line(note.message) << '\n';
      if (nloc) emit_snippet(out, style, nloc);
    }

    if (d.fix) {
      out << style.paint(kBold, "help:") << ' ' << one_line(d.fix->title)
          << applicability_suffix(d.fix->applicability) << '\n';
      for (const auto& edit : d.fix->edits) {
        const Location eloc = locate(sources, edit.range);
        if (single_line(eloc, edit.replacement)) emit_snippet(out, style, eloc, &edit.replacement);
      }
    }
  }

  const Counts counts = count(diagnostics);
  if (counts.total() == 0) return;
  out << "Found " << describe(counts) << ".\n";
  if (counts.safe_fixes && counts.unsafe_fixes)
    out << fmt::format("{} fixable with --fix ({} more with --unsafe-fixes).\n", counts.safe_fixes,
                       counts.unsafe_fixes);
  else if (counts.safe_fixes)
    out << fmt::format("{} fixable with --fix.\n", counts.safe_fixes);
  else if (counts.unsafe_fixes)
    out << fmt::format("{} fixable with --unsafe-fixes.\n", counts.unsafe_fixes);
}

}  // namespace katalint::cli::render_detail
