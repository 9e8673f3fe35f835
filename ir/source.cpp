#include "ir/source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ir/swar.hpp"

namespace katalint::ir {

SourceFile::SourceFile(FileId id, std::string path, std::string text)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const char* const data = text_.data();
  const char* p = data;
  const char* const end = data + text_.size();
  while (const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p))) {
    p = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<std::uint32_t>(p - data));
  }
  // Eight bytes at a time; on a high byte, note its line and go on at the next line.
  std::size_t i = 0;
  const std::size_t n = text_.size();
  while (i < n) {
    if (i + 8 <= n && (swar::load(data + i) & swar::kHighs) == 0) {
      i += 8;
      continue;
    }
    if ((static_cast<unsigned char>(data[i]) & 0x80) == 0) {
      ++i;
      continue;
    }
    const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<std::uint32_t>(i));
    non_ascii_lines_.push_back(static_cast<std::uint32_t>(next - line_starts_.begin()));
    i = next == line_starts_.end() ? n : *next;
  }
}

std::uint32_t count_code_points(std::string_view bytes) {
  std::uint32_t n = 0;
  for (unsigned char c : bytes) {
    if ((c & 0xC0) != 0x80) ++n;  // count every byte that does not continue a sequence
  }
  return n;
}

LineColumn SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const std::uint32_t start = line_starts_[line - 1];
  if (!std::binary_search(non_ascii_lines_.begin(), non_ascii_lines_.end(), line)) return {line, offset - start + 1};
  return {line, count_code_points(std::string_view(text_).substr(start, offset - start)) + 1};
}

std::uint32_t SourceFile::line_start(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                                 : static_cast<std::uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

FileId SourceManager::add(std::string path, std::string text) {
  const auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<SourceFile>(id, std::move(path), std::move(text)));
  return id;
}

namespace {

// Appends at most `max_size` + 1 bytes of `in` to `text`, so an endless input (a device,
// a pipe) stops one byte past the limit. False on a read error.
bool read_bounded(std::istream& in, std::size_t max_size, std::string& text) {
  char block[65536];
  while (text.size() <= max_size) {
    const std::size_t want = std::min(sizeof block, max_size + 1 - text.size());
    in.read(block, static_cast<std::streamsize>(want));
    const auto got = in.gcount();
    if (got > 0) text.append(block, static_cast<std::size_t>(got));
    if (!in) break;
  }
  return !in.bad();
}

}  // namespace

std::string format_size(std::size_t bytes) {
  constexpr std::size_t kMiB = 1024u * 1024u;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::optional<std::string> read_regular_file(const std::string& path, std::size_t max_size, std::string& error) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) {
    error = ec.value() == ENOENT ? std::string("No such file or directory") : ec.message();
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return std::nullopt;
  }
  // Opening a FIFO blocks until a writer comes; a device may never end.
  if (!std::filesystem::is_regular_file(status)) {
    error = "not a regular file";
    return std::nullopt;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_size) {
    error = "file is larger than the " + format_size(max_size) + " limit";
    return std::nullopt;
  }
  // Plain POSIX reads: no stream or locale set-up per file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  if (!ec) text.reserve(static_cast<std::size_t>(size));
  // Read to the end, at most one byte past the limit: the size may change under us.
  char block[65536];
  bool failed = false;
  while (text.size() <= max_size) {
    const std::size_t want = std::min(sizeof block, max_size + 1 - text.size());
    const ssize_t got = ::read(fd, block, want);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) failed = true;
    if (got <= 0) break;
    text.append(block, static_cast<std::size_t>(got));
  }
  ::close(fd);
  if (failed) {
    error = "read error";
    return std::nullopt;
  }
  if (text.size() > max_size) {
    error = "file is larger than the " + format_size(max_size) + " limit";
    return std::nullopt;
  }
  return text;
}

std::optional<FileId> SourceManager::load(const std::string& path, std::string& error, const std::string& name,
                                          std::size_t max_size) {
  max_size = std::min(max_size, kMaxFileSize);
  std::optional<std::string> text;
  if (path == "-") {
    text.emplace();
    if (!read_bounded(std::cin, max_size, *text)) {
      error = "read error";
      return std::nullopt;
    }
    if (text->size() > max_size) {
      error = "input is larger than the " + format_size(max_size) + " limit";
      return std::nullopt;
    }
  } else {
    text = read_regular_file(path, max_size, error);
    if (!text) return std::nullopt;
  }
  return add(name.empty() ? path : name, std::move(*text));
}

}  // namespace katalint::ir
