// Line-oriented Debian files: debian/source/format, quilt series (debian/patches/series,
// OBS debian.series) and dh_install lists (*.install). Every line is kept, so the files
// reprint byte for byte.
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

enum class ListLineKind : std::uint8_t { Blank, Comment, Entry };

struct ListLine {
  ListLineKind kind;
  std::uint32_t begin;  // content, offsets into WordListFile::text
  std::uint32_t end;
  std::uint32_t next;
};

struct Word {
  std::string text;
  ir::Range range;
};

// One non-blank, non-comment line split at blanks.
struct WordLine {
  ir::Range range;  // the line without its line break
  std::vector<Word> words;
  std::string comment;  // trailing `# ...` (series only), "" otherwise
};

struct WordListFile {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<ListLine> lines;  // tile `text`
  std::vector<WordLine> entries;
};

// quilt series: `patch [-pN] [# comment]`, `#` comment lines.
WordListFile parse_series(const ir::SourceFile& file, std::string_view text,
                          const FilledTemplate* map, ir::DiagnosticSink& sink);
// dh_install lists: `source... [destination]`, `#` comment lines (a `#` inside a line is
// part of a file name).
WordListFile parse_install(const ir::SourceFile& file, std::string_view text,
                           const FilledTemplate* map, ir::DiagnosticSink& sink);

// debian/source/format: one line such as "3.0 (quilt)". `value` is that line without
// surrounding blanks; a missing value or extra lines draw `debian-source-format-syntax`.
struct SourceFormatFile {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<ListLine> lines;
  std::string value;
  ir::Range value_range;
};
SourceFormatFile parse_source_format(const ir::SourceFile& file, std::string_view text,
                                     const FilledTemplate* map, ir::DiagnosticSink& sink);

std::string reprint(const WordListFile& file);
std::string reprint(const SourceFormatFile& file);

}  // namespace katalint::frontend::debian
