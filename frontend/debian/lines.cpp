#include "frontend/debian/lines.hpp"

#include "frontend/debian/text.hpp"

namespace katalint::frontend::debian {
namespace {

WordListFile parse_words(const ir::SourceFile& file, std::string_view text,
                         const FilledTemplate* map, ir::DiagnosticSink& sink,
                         bool inline_comments) {
  WordListFile out;
  out.file = file.id();
  const RangeMap ranges(file.id(), map);
  if (reject_oversized(text, ranges, sink)) return out;
  out.text.assign(text);
  const std::string_view t = out.text;
  check_text_bytes(t, ranges, sink);
  for (const TextLine& l : split_lines(t)) {
    const std::string_view s = t.substr(l.begin, l.end - l.begin);
    const std::string_view body = trim(s);
    ListLineKind kind = ListLineKind::Entry;
    if (body.empty()) {
      kind = ListLineKind::Blank;
    } else if (body.front() == '#') {
      kind = ListLineKind::Comment;
    } else {
      WordLine entry;
      entry.range = ranges.range(l.begin, l.end);
      std::size_t i = 0;
      while (i < s.size()) {
        if (is_space(s[i])) {
          ++i;
          continue;
        }
        if (inline_comments && s[i] == '#' && (i == 0 || is_space(s[i - 1]))) {
          entry.comment.assign(trim_right(s.substr(i)));
          break;
        }
        const std::size_t b = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        entry.words.push_back({std::string(s.substr(b, i - b)),
                               ranges.range(l.begin + static_cast<std::uint32_t>(b),
                                            l.begin + static_cast<std::uint32_t>(i))});
      }
      out.entries.push_back(std::move(entry));
    }
    out.lines.push_back({kind, l.begin, l.end, l.next});
  }
  return out;
}

}  // namespace

WordListFile parse_series(const ir::SourceFile& file, std::string_view text,
                          const FilledTemplate* map, ir::DiagnosticSink& sink) {
  return parse_words(file, text, map, sink, true);
}

WordListFile parse_install(const ir::SourceFile& file, std::string_view text,
                           const FilledTemplate* map, ir::DiagnosticSink& sink) {
  return parse_words(file, text, map, sink, false);
}

SourceFormatFile parse_source_format(const ir::SourceFile& file, std::string_view text,
                                     const FilledTemplate* map, ir::DiagnosticSink& sink) {
  SourceFormatFile out;
  out.file = file.id();
  const RangeMap ranges(file.id(), map);
  if (reject_oversized(text, ranges, sink)) return out;
  out.text.assign(text);
  const std::string_view t = out.text;
  check_text_bytes(t, ranges, sink);
  bool have = false;
  for (const TextLine& l : split_lines(t)) {
    const std::string_view s = t.substr(l.begin, l.end - l.begin);
    const std::string_view body = trim(s);
    ListLineKind kind = body.empty() ? ListLineKind::Blank : ListLineKind::Entry;
    if (kind == ListLineKind::Entry) {
      if (have) {
        sink.report("debian-source-format-syntax", ir::Severity::Error, ranges.range(l.begin, l.end),
                    "debian/source/format must hold a single line");
      } else {
        have = true;
        out.value.assign(body);
        const auto b = l.begin + static_cast<std::uint32_t>(body.data() - s.data());
        out.value_range = ranges.range(b, b + static_cast<std::uint32_t>(body.size()));
      }
    }
    out.lines.push_back({kind, l.begin, l.end, l.next});
  }
  if (!have) {
    sink.report("debian-source-format-syntax", ir::Severity::Error, ranges.range(0, 0),
                "debian/source/format is empty");
  }
  return out;
}

std::string reprint(const WordListFile& file) {
  std::string out;
  out.reserve(file.text.size());
  for (const auto& l : file.lines) out.append(file.text, l.begin, l.next - l.begin);
  return out;
}

std::string reprint(const SourceFormatFile& file) {
  std::string out;
  out.reserve(file.text.size());
  for (const auto& l : file.lines) out.append(file.text, l.begin, l.next - l.begin);
  return out;
}

}  // namespace katalint::frontend::debian
