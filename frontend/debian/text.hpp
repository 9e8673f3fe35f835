// Helpers shared by the Debian and OBS readers: line splitting, range mapping through
// filled templates, and the byte-level checks every text file gets (NUL, UTF-8, CRLF).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
class FilledTemplate;
}

namespace katalint::frontend::debian {

// Maps offsets in a parsed (possibly filled) text to ranges in the source file.
class RangeMap {
 public:
  RangeMap(ir::FileId file, const FilledTemplate* map) : file_(file), map_(map) {}
  [[nodiscard]] std::uint32_t to_source(std::uint32_t offset) const {
    return map_ == nullptr ? offset : mapped(offset);
  }
  [[nodiscard]] ir::Range range(std::uint32_t begin, std::uint32_t end) const {
    if (map_ == nullptr) return {file_, begin, end};
    const std::uint32_t b = mapped(begin);
    const std::uint32_t e = mapped(end);
    return {file_, b, e < b ? b : e};
  }
  [[nodiscard]] ir::FileId file() const { return file_; }

 private:
  [[nodiscard]] std::uint32_t mapped(std::uint32_t offset) const;
  ir::FileId file_;
  const FilledTemplate* map_;
};

// One physical line: [begin, end) is the content, `next` the start of the following line
// (end + 1 after a "\n", or end at the end of the text).
struct TextLine {
  std::uint32_t begin;
  std::uint32_t end;
  std::uint32_t next;
};

std::vector<TextLine> split_lines(std::string_view text);

// Reports `file-contains-nul-byte`, `national-encoding` (invalid UTF-8) and
// `carriage-return-line-feed`, each once per file at its first occurrence.
void check_text_bytes(std::string_view text, const RangeMap& map, ir::DiagnosticSink& sink);

// Texts longer than this are not parsed (they cannot be a packaging file), only reported.
inline constexpr std::size_t kMaxTextSize = 64u * 1024u * 1024u;

// Reports `file-too-large` and returns true when `text` exceeds kMaxTextSize.
bool reject_oversized(std::string_view text, const RangeMap& map, ir::DiagnosticSink& sink);

inline bool is_blank(char c) { return c == ' ' || c == '\t'; }
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '\n';
}
std::string_view trim(std::string_view s);
std::string_view trim_right(std::string_view s);

// Byte length of the character at text[i] when Python's str.isspace() holds for it
// (ASCII blanks, U+001C..U+001F, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029,
// U+202F, U+205F, U+3000), else 0. python3-debian strips exactly these.
std::size_t py_space_length(std::string_view text, std::size_t i);
// The same, for the character that ends at text[end - 1].
std::size_t py_space_length_before(std::string_view text, std::size_t end);

// ASCII-only case-insensitive comparison (field names are ASCII).
bool iequals(std::string_view a, std::string_view b);

}  // namespace katalint::frontend::debian
