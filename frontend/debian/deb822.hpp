// Lossless deb822 reader (Debian Policy 5.1): debian/control, OBS debian.control, .dsc,
// debian/tests/control, DEP-5 debian/copyright and Sources/Packages indexes.
//
// The document keeps a flat list of leaves (tokens) that tile the parsed text byte for
// byte, plus paragraphs and fields that point into it. Offsets in tokens are offsets in
// the parsed (filled) text; every ir::Range is mapped back into the source file, which is
// the OBS template when the text came from fill_placeholders().
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

enum class Deb822Flavor {
  Control,       // debian/control, debian.control: `#` comments allowed, empty fields ignored
  TestsControl,  // debian/tests/control (autopkgtest): comments allowed
  Copyright,     // DEP-5 debian/copyright
  Dsc,           // .dsc: may be OpenPGP clear-signed, no comments
  Index,         // Sources/Packages indexes, .changes of uploads: no comments
};

std::string_view to_string(Deb822Flavor flavor);

enum class TokenKind : std::uint8_t {
  FieldName,      // `Build-Depends`
  Separator,      // the colon with the blanks around it
  Value,          // value text of a field line or a continuation line (no trailing blanks)
  Indent,         // leading blanks of a continuation line
  TrailingSpace,  // blanks (and a CR) before the line break
  Newline,        // "\n"
  Comment,        // `# ...` line
  Blank,          // blanks of a paragraph-separating line
  Armor,          // OpenPGP armor: BEGIN/END lines, armor headers, signature body
  Invalid,        // a line that is neither a field, a continuation nor a comment
};

std::string_view to_string(TokenKind kind);

struct Token {
  TokenKind kind;
  std::uint32_t begin;  // offsets into Deb822Document::text
  std::uint32_t end;
};

// One piece of a field's value: the data after the colon, or one continuation line
// (leading blanks included, line break excluded).
struct ValuePiece {
  std::uint32_t begin;
  std::uint32_t end;
};

struct Deb822Field {
  std::string name;        // as written
  std::string value;       // as python3-debian's Deb822 returns it (see docs/debian-frontend.md)
  ir::Range range;         // name through the end of the last continuation line
  ir::Range name_range;
  ir::Range value_range;   // first value byte through the end of the last continuation line
  std::uint32_t first_piece = 0;  // into Deb822Document::pieces
  std::uint32_t piece_count = 0;  // 1 + number of continuation lines
  std::uint32_t line = 0;         // 1-based line of the field name in the parsed text

  [[nodiscard]] bool continued() const { return piece_count > 1; }
};

struct Deb822Paragraph {
  ir::Range range;  // first to last line of the paragraph (comments inside included)
  std::vector<Deb822Field> fields;

  // Case-insensitive lookup. With duplicates the last one wins, as in python3-debian.
  [[nodiscard]] const Deb822Field* find(std::string_view name) const;
};

struct Deb822Document {
  ir::FileId file = ir::kNoFile;
  Deb822Flavor flavor = Deb822Flavor::Control;
  std::string text;  // the parsed text (the filled template for templates)
  std::vector<Token> tokens;
  std::vector<ValuePiece> pieces;
  std::vector<Deb822Paragraph> paragraphs;
  bool is_signed = false;  // OpenPGP clear-signed (.dsc)

  [[nodiscard]] std::string_view slice(std::uint32_t begin, std::uint32_t end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
  [[nodiscard]] std::string_view piece_text(const ValuePiece& p) const {
    return slice(p.begin, p.end);
  }
  // Maps an offset in `text` into the source file (identity unless a template was filled).
  [[nodiscard]] std::uint32_t to_source(std::uint32_t offset) const;
  [[nodiscard]] ir::Range range(std::uint32_t begin, std::uint32_t end) const;

  const FilledTemplate* map = nullptr;  // not owned; may be null
};

// Parses `text` (the file's text, or the filled template text when `map` is given).
// Diagnostics go to `sink`, positioned in `file`; parsing always runs to the end.
Deb822Document parse_deb822(const ir::SourceFile& file, std::string_view text,
                            const FilledTemplate* map, Deb822Flavor flavor,
                            ir::DiagnosticSink& sink);

// Convenience: parses the file's own text.
Deb822Document parse_deb822(const ir::SourceFile& file, Deb822Flavor flavor,
                            ir::DiagnosticSink& sink);

// True when a debian/copyright text is machine-readable (DEP-5): its first field is Format.
// Free-form copyright files are not deb822 and should not go through parse_deb822().
bool looks_like_dep5(std::string_view text);

// The tokens concatenated: equal to the parsed text, byte for byte.
std::string reprint(const Deb822Document& doc);

// Folded value (Policy 5.1): lines joined with single spaces, blanks trimmed.
std::string folded_value(const Deb822Document& doc, const Deb822Field& field);

// Multiline value as dpkg reads it: the first line, then each continuation line with its
// first blank removed and ` .` turned into an empty line.
std::vector<std::string> multiline_value(const Deb822Document& doc, const Deb822Field& field);

// Offset in Deb822Document::text of byte `offset` of field.value (python view).
std::uint32_t value_offset_to_text(const Deb822Document& doc, const Deb822Field& field,
                                   std::size_t offset);

}  // namespace katalint::frontend::debian
