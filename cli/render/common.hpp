// Helpers shared by the output formats; internal to cli/render*.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/render.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::cli::render_detail {

// A range resolved for output. Offsets are clamped to the file so a rule that reports a
// stale or reversed range still renders.
struct Location {
  const ir::SourceFile* file = nullptr;  // null: no location
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // begin <= end <= file size
  ir::LineColumn begin_pos;
  ir::LineColumn end_pos;  // exclusive: the position just after the range

  explicit operator bool() const { return file != nullptr; }
  [[nodiscard]] const std::string& path() const { return file->path(); }
  // Inclusive end: the position of the range's last code point (begin for an empty range).
  [[nodiscard]] ir::LineColumn last_pos() const;
};

Location locate(const ir::SourceManager& sources, ir::Range range);

struct Counts {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t safe_fixes = 0;
  std::size_t unsafe_fixes = 0;
  void add(const ir::Diagnostic& d);
  [[nodiscard]] std::size_t total() const { return errors + warnings + infos; }
};

Counts count(const std::vector<ir::Diagnostic>& diagnostics);
// "3 problems (1 error, 2 warnings)"
std::string describe(const Counts& counts);

// Decodes one code point at `i` and advances past it. Invalid or overlong sequences and
// surrogates yield nullopt and advance by one byte.
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i);
void append_utf8(std::string& out, char32_t c);
// Control characters (tab, CR and LF included) become spaces and invalid UTF-8 becomes
// U+FFFD, so one message stays on one output line.
std::string one_line(std::string_view s);

// `path:line:col: severity: message [rule]`, or `katalint: severity: ...` without a location.
std::string gcc_line(const ir::Diagnostic& d, const ir::SourceManager& sources);

// Files in output order: options.files, then any other file a diagnostic is located in.
// Diagnostics without a location belong to the entry "" which comes last when present.
struct FileGroup {
  std::string path;
  std::vector<const ir::Diagnostic*> diagnostics;
};
std::vector<FileGroup> group_by_file(const std::vector<ir::Diagnostic>& diagnostics,
                                     const ir::SourceManager& sources,
                                     const std::vector<std::string>& files);

void render_text(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                 const RenderOptions& options, std::ostream& out);
void render_gcc(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                std::ostream& out);
void render_github(const std::vector<ir::Diagnostic>& diagnostics,
                   const ir::SourceManager& sources, std::ostream& out);
void render_json(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                 std::ostream& out);
void render_sarif(const std::vector<ir::Diagnostic>& diagnostics,
                  const ir::SourceManager& sources, const RenderOptions& options,
                  std::ostream& out);
void render_checkstyle(const std::vector<ir::Diagnostic>& diagnostics,
                       const ir::SourceManager& sources, const RenderOptions& options,
                       std::ostream& out);
void render_junit(const std::vector<ir::Diagnostic>& diagnostics,
                  const ir::SourceManager& sources, const RenderOptions& options,
                  std::ostream& out);

}  // namespace katalint::cli::render_detail
