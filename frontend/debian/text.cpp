#include "frontend/debian/text.hpp"

#include <cstring>

#include <fmt/core.h>

#include "frontend/placeholders.hpp"

namespace katalint::frontend::debian {

std::uint32_t RangeMap::mapped(std::uint32_t offset) const { return map_->to_source(offset); }

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  lines.reserve(text.size() / 40 + 1);
  const char* base = text.data();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(base + pos, '\n', text.size() - pos);
    const std::size_t end = nl == nullptr ? text.size() : static_cast<const char*>(nl) - base;
    const std::size_t next = nl == nullptr ? end : end + 1;
    lines.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(end),
                     static_cast<std::uint32_t>(next)});
    pos = next;
  }
  return lines;
}

namespace {

// Length of the valid UTF-8 sequence at `s[i]`, or 0 when it is invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((c & 0xe0) == 0xc0) {
    n = 2;
    cp = c & 0x1f;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3;
    cp = c & 0x0f;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
    return 0;
  return n;
}

}  // namespace

void check_text_bytes(std::string_view text, const RangeMap& map, ir::DiagnosticSink& sink) {
  const auto n = static_cast<std::uint32_t>(text.size());
  if (const void* p = std::memchr(text.data(), '\0', text.size()); p != nullptr) {
    const auto at = static_cast<std::uint32_t>(static_cast<const char*>(p) - text.data());
    std::size_t count = 0;
    for (char c : text) count += c == '\0' ? 1 : 0;
    sink.report("file-contains-nul-byte", ir::Severity::Error, map.range(at, at + 1),
                count == 1 ? std::string("file contains a nul byte")
                           : fmt::format("file contains {} nul bytes", count));
  }
  for (std::uint32_t i = 0; i < n;) {
    // Eight ASCII bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_length(text, i);
    if (len == 0) {
      sink.report("national-encoding", ir::Severity::Warning, map.range(i, i + 1),
                  "file is not valid utf-8");
      break;
    }
    i += static_cast<std::uint32_t>(len);
  }
  if (const auto cr = text.find("\r\n"); cr != std::string_view::npos) {
    const auto at = static_cast<std::uint32_t>(cr);
    sink.report("carriage-return-line-feed", ir::Severity::Warning, map.range(at, at + 2),
                "line ends with a carriage return (crlf line terminators)");
  }
}

bool reject_oversized(std::string_view text, const RangeMap& map, ir::DiagnosticSink& sink) {
  if (text.size() <= kMaxTextSize) return false;
  sink.report("file-too-large", ir::Severity::Error, map.range(0, 0),
              fmt::format("file is larger than {} bytes and was not parsed", kMaxTextSize));
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return trim_right(s);
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t py_space_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) ? 1 : 0;
  auto at = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  if (c == 0xc2) return at(1) == 0x85 || at(1) == 0xa0 ? 2 : 0;
  if (c == 0xe1) return at(1) == 0x9a && at(2) == 0x80 ? 3 : 0;  // U+1680
  if (c == 0xe2 && at(1) == 0x80) {
    const unsigned d = at(2);
    return (d >= 0x80 && d <= 0x8a) || d == 0xa8 || d == 0xa9 || d == 0xaf ? 3 : 0;
  }
  if (c == 0xe2 && at(1) == 0x81) return at(2) == 0x9f ? 3 : 0;  // U+205F
  if (c == 0xe3) return at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;  // U+3000
  return 0;
}

std::size_t py_space_length_before(std::string_view s, std::size_t end) {
  for (std::size_t n = 1; n <= 3 && n <= end; ++n) {
    if (py_space_length(s, end - n) == n) return n;
  }
  return 0;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace katalint::frontend::debian
