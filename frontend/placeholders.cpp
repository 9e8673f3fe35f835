#include "frontend/placeholders.hpp"

#include <algorithm>

#include <fmt/core.h>

namespace katalint::frontend {
namespace {

bool is_key_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_key_char(char c) { return is_key_start(c) || (c >= '0' && c <= '9'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

PlaceholderValues parse_values_file(const ir::SourceFile& file, ir::DiagnosticSink& sink) {
  PlaceholderValues values;
  for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = trim(file.line_text(line));
    if (text.empty() || text.front() == '#') continue;
    if (text.substr(0, 7) == "export ") text = trim(text.substr(7));
    const auto eq = text.find('=');
    const std::string_view key = eq == std::string_view::npos ? text : text.substr(0, eq);
    if (eq == std::string_view::npos || key.empty() || !is_key_start(key.front()) ||
        !std::all_of(key.begin(), key.end(), is_key_char)) {
      const auto begin = file.line_start(line);
      sink.report("values-file-syntax", ir::Severity::Error,
                  {file.id(), begin, begin + static_cast<std::uint32_t>(file.line_text(line).size())},
                  "expected a KEY=VALUE line");
      continue;
    }
    std::string_view value = text.substr(eq + 1);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    values.insert_or_assign(std::string(key), std::string(value));
  }
  return values;
}

FilledTemplate fill_placeholders(const ir::SourceFile& file, const PlaceholderValues& values,
                                 std::string_view unbound_open, std::string_view unbound_close) {
  FilledTemplate out;
  const std::string_view src = file.text();
  std::uint32_t copied = 0;  // start of the verbatim run not yet copied
  auto flush = [&](std::uint32_t upto) {
    if (upto > copied) {
      out.segments_.push_back({static_cast<std::uint32_t>(out.text_.size()), copied, upto - copied});
      out.text_.append(src.substr(copied, upto - copied));
    }
    copied = upto;
  };
  for (std::uint32_t i = 0; i < src.size(); ++i) {
    if (src[i] != '@' || i + 2 >= src.size() || !is_key_start(src[i + 1])) continue;
    std::uint32_t j = i + 1;
    while (j < src.size() && is_key_char(src[j])) ++j;
    if (j >= src.size() || src[j] != '@') continue;
    const std::string_view key = src.substr(i + 1, j - i - 1);
    const ir::Range range{file.id(), i, j + 1};
    auto it = values.find(key);
    out.placeholders_.push_back({range, std::string(key), it != values.end()});
    if (it != values.end()) {
      flush(i);
      out.segments_.push_back({static_cast<std::uint32_t>(out.text_.size()), i, 0});
      out.text_.append(it->second);
      copied = j + 1;
    } else if (!unbound_open.empty()) {
      flush(i);
      out.segments_.push_back({static_cast<std::uint32_t>(out.text_.size()), i, 0});
      out.text_.append(unbound_open).append(src.substr(i, j + 1 - i)).append(unbound_close);
      copied = j + 1;
    }
    i = j;  // the closing @ cannot open another placeholder
  }
  flush(static_cast<std::uint32_t>(src.size()));
  return out;
}

std::uint32_t FilledTemplate::to_source(std::uint32_t offset) const {
  if (segments_.empty()) return offset;
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](std::uint32_t o, const Segment& s) { return o < s.out_begin; });
  if (it == segments_.begin()) return offset;
  const Segment& seg = *std::prev(it);
  if (seg.length == 0) {
    // Inside a substituted value, or exactly at its end when nothing follows.
    return seg.src_begin;
  }
  return seg.src_begin + std::min(offset - seg.out_begin, seg.length);
}

void report_unbound(const FilledTemplate& filled, ir::DiagnosticSink& sink) {
  for (const auto& p : filled.placeholders()) {
    if (p.bound) continue;
    sink.report("unbound-placeholder", ir::Severity::Warning, p.range,
                fmt::format("placeholder '@{}@' has no value (use --set {}=VALUE or --values FILE)",
                            p.key, p.key));
  }
}

}  // namespace katalint::frontend
