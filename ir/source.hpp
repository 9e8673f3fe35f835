// Source buffers and byte ranges. Positions are byte offsets internally;
// line/column are computed only for output (1-based, column in Unicode code points).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katalint::ir {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xffffffffu;

// Half-open byte range [begin, end) in one file.
struct Range {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] bool valid() const { return file != kNoFile; }
  [[nodiscard]] std::uint32_t size() const { return end - begin; }
  friend bool operator==(const Range&, const Range&) = default;
};

struct LineColumn {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, counted in Unicode code points
};

class SourceFile {
 public:
  SourceFile(FileId id, std::string path, std::string text);

  [[nodiscard]] FileId id() const { return id_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string_view text() const { return text_; }

  [[nodiscard]] LineColumn position(std::uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
  [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const;
  [[nodiscard]] std::uint32_t line_count() const {
    return static_cast<std::uint32_t>(line_starts_.size());
  }

 private:
  FileId id_;
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  // Lines (1-based, ascending) holding a byte >= 0x80. In the others a column is a byte
  // count, so position() is O(log lines) however long the line and however many findings.
  std::vector<std::uint32_t> non_ascii_lines_;
};

// Counts code points in a UTF-8 byte sequence; invalid bytes count as one each.
std::uint32_t count_code_points(std::string_view bytes);

// Owns every buffer read during a run. FileIds are indices into it.
class SourceManager {
 public:
  // Largest file katalint reads; bigger inputs are rejected with a diagnostic. Each file
  // kind has a lower limit of its own (frontend::max_file_size).
  static constexpr std::size_t kMaxFileSize = 64u * 1024u * 1024u;

  FileId add(std::string path, std::string text);
  // Reads a file ('-' is stdin); on failure returns nullopt and sets `error` to a one-line
  // reason. `name`, if given, is the path shown in diagnostics. A file larger than
  // `max_size`, and anything but a regular file (a FIFO or a device could block or never
  // end), is refused; stdin is read up to `max_size`.
  std::optional<FileId> load(const std::string& path, std::string& error,
                             const std::string& name = {}, std::size_t max_size = kMaxFileSize);

  [[nodiscard]] const SourceFile& file(FileId id) const { return *files_.at(id); }
  [[nodiscard]] std::size_t size() const { return files_.size(); }

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;
};

// Reads at most `max_size` bytes of the regular file at `path`. Returns nullopt and sets
// `error` when it is missing, not a regular file, unreadable or larger than `max_size`.
std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_size, std::string& error);
// "2 MiB", "64 MiB", "1500 bytes": a size limit as messages show it.
std::string format_size(std::size_t bytes);

}  // namespace katalint::ir
