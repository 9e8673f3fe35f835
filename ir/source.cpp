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
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  const std::size_t n = text_.size();
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      if ((word & kHigh) == 0) {
        i += 8;
        continue;
      }
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

std::optional<FileId> SourceManager::load(const std::string& path, std::string& error,
                                          const std::string& name) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return std::nullopt;
  }
  std::string text;
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    text = std::move(ss).str();
  } else {
    // Plain POSIX reads into a string sized from fstat: no stream or locale set-up per file.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      error = std::strerror(errno);
      return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      if (static_cast<std::uintmax_t>(st.st_size) > kMaxFileSize) {
        ::close(fd);
        error = "file is larger than the 64 MiB limit";
        return std::nullopt;
      }
      text.reserve(static_cast<std::size_t>(st.st_size));
    }
    // Read to the end: the size may change under us, and special files report none.
    char block[65536];
    bool failed = false;
    for (;;) {
      const ssize_t got = ::read(fd, block, sizeof block);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) failed = true;
      if (got <= 0) break;
      text.append(block, static_cast<std::size_t>(got));
      if (text.size() > kMaxFileSize) break;
    }
    ::close(fd);
    if (failed) {
      error = "read error";
      return std::nullopt;
    }
  }
  if (text.size() > kMaxFileSize) {
    error = "input is larger than the 64 MiB limit";
    return std::nullopt;
  }
  return add(name.empty() ? path : name, std::move(text));
}

}  // namespace katalint::ir
