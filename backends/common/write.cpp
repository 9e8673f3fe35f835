#include "backends/common/write.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backends/common/files.hpp"

namespace katalint::backends {
namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    parts.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

// Creates `dir` if missing; refuses anything that is not a real directory (a symlink too).
bool ensure_directory(const std::string& dir, std::string& error) {
  struct stat st {};
  if (lstat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return true;
    error = dir + ": exists and is not a directory (symbolic links are not followed)";
    return false;
  }
  if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) {
    error = dir + ": " + std::strerror(errno);
    return false;
  }
  if (lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    error = dir + ": cannot be created as a directory";
    return false;
  }
  return true;
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  for (const auto& part : split_path(path))
    if (!is_plain_file_name(part)) return false;
  return true;
}

bool write_emitted(const std::string& out_dir, const std::string& subdir, const EmittedFiles& files,
                   std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    error = out_dir + ": " + ec.message();
    return false;
  }
  if (!subdir.empty() && !is_safe_relative_path(subdir)) {
    error = "'" + subdir + "' is not a plain relative directory name";
    return false;
  }
  for (const auto& f : files) {
    if (!is_safe_relative_path(f.path)) {
      error = "'" + f.path + "' would leave the output directory: not written";
      return false;
    }
    const std::string rel = subdir.empty() ? f.path : subdir + "/" + f.path;
    const auto parts = split_path(rel);
    std::string dir = out_dir;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      dir += "/" + parts[i];
      if (!ensure_directory(dir, error)) return false;
    }
    const std::string target = dir + "/" + parts.back();
    struct stat st {};
    if (lstat(target.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      error = target + ": is a directory";
      return false;
    }
    std::string tmp = dir + "/." + parts.back() + ".XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) {
      error = tmp + ": " + std::strerror(errno);
      return false;
    }
    const bool ok = write_all(fd, f.content) && fchmod(fd, f.executable ? 0755 : 0644) == 0 && fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
      error = target + ": " + std::strerror(ok ? errno : saved);
      ::unlink(tmp.c_str());
      return false;
    }
  }
  return true;
}

}  // namespace katalint::backends
