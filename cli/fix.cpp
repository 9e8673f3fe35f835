#include "cli/fix.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace katalint::cli {
namespace fs = std::filesystem;

std::optional<FixPass> apply_fixes(std::string_view text, ir::FileId file,
                                   const std::vector<ir::Diagnostic>& diagnostics, bool unsafe) {
  struct Candidate {
    std::uint32_t begin, end;  // span of all its edits
    const ir::Diagnostic* d;
  };
  std::vector<Candidate> candidates;
  for (const auto& d : diagnostics) {
    if (!d.fix || d.fix->edits.empty()) continue;
    const auto a = d.fix->applicability;
    if (a == ir::Applicability::DisplayOnly || (a == ir::Applicability::Unsafe && !unsafe)) continue;
    bool usable = true;
    std::uint32_t begin = UINT32_MAX, end = 0;
    for (const auto& e : d.fix->edits) {
      if (e.range.file != file || e.range.begin > e.range.end || e.range.end > text.size()) usable = false;
      begin = std::min(begin, e.range.begin);
      end = std::max(end, e.range.end);
    }
    // Edits of one fix must not overlap each other either.
    auto edits = d.fix->edits;
    std::sort(edits.begin(), edits.end(), [](const ir::Edit& x, const ir::Edit& y) { return x.range.begin < y.range.begin; });
    for (std::size_t i = 1; usable && i < edits.size(); ++i)
      if (edits[i].range.begin < edits[i - 1].range.end ||
          (edits[i].range.begin == edits[i - 1].range.begin && edits[i].range.begin == edits[i - 1].range.end))
        usable = false;
    if (usable) candidates.push_back({begin, end, &d});
  }
  // Diagnostics arrive sorted by position already; sort by span so the choice never depends
  // on the order rules ran in.
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
    return std::tie(x.begin, x.end, x.d->rule) < std::tie(y.begin, y.end, y.d->rule);
  });

  std::vector<ir::Edit> chosen;
  FixPass pass;
  std::int64_t last_end = -1;
  bool last_was_insert_at = false;
  for (const auto& c : candidates) {
    // Touching spans are fine, except two changes at the same point: their order would be a guess.
    if (static_cast<std::int64_t>(c.begin) < last_end) continue;
    if (static_cast<std::int64_t>(c.begin) == last_end && (last_was_insert_at || c.begin == c.end)) continue;
    for (const auto& e : c.d->fix->edits) chosen.push_back(e);
    last_end = c.end;
    last_was_insert_at = c.begin == c.end;
    ++pass.applied;
    pass.rules.push_back(c.d->rule);
  }
  if (chosen.empty()) return std::nullopt;
  std::sort(chosen.begin(), chosen.end(), [](const ir::Edit& x, const ir::Edit& y) { return x.range.begin < y.range.begin; });
  std::size_t copied = 0;
  for (const auto& e : chosen) {
    pass.text.append(text.substr(copied, e.range.begin - copied));
    pass.text.append(e.replacement);
    copied = e.range.end;
  }
  pass.text.append(text.substr(copied));
  return pass;
}

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const auto nl = s.find('\n', start);
    const std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

// Myers' O(ND) diff over lines; returns the edit script as (op, a_index, b_index) with op
// ' ', '-' or '+'.
struct Op {
  char op;
  std::size_t a, b;
};

// Beyond this many differing lines the diff is printed as one replaced block: still correct,
// and memory stays bounded (the trace is O(D^2)).
constexpr std::ptrdiff_t kMaxDiffDistance = 1000;
// ... and time: at most this many snake steps in all.
constexpr std::size_t kMaxDiffSteps = 50'000'000;

std::vector<Op> diff_lines(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const auto n = static_cast<std::ptrdiff_t>(a.size()), m = static_cast<std::ptrdiff_t>(b.size());
  const std::ptrdiff_t max = std::min(n + m, kMaxDiffDistance);
  // trace[d] holds v[k] for k = -d..d after step d, at index k + d.
  std::vector<std::vector<std::ptrdiff_t>> trace;
  auto at = [](const std::vector<std::ptrdiff_t>& vec, std::ptrdiff_t d, std::ptrdiff_t k) {
    return vec[static_cast<std::size_t>(k + d)];
  };
  std::ptrdiff_t found = -1;
  std::size_t steps = 0;
  std::vector<std::ptrdiff_t> prev;  // step d-1, indexed k + (d - 1)
  for (std::ptrdiff_t d = 0; d <= max && found < 0 && steps < kMaxDiffSteps; ++d) {
    std::vector<std::ptrdiff_t> cur(static_cast<std::size_t>(2 * d + 1), 0);
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x;
      if (d == 0) x = 0;
      else if (k == -d || (k != d && at(prev, d - 1, k - 1) < at(prev, d - 1, k + 1))) x = at(prev, d - 1, k + 1);
      else x = at(prev, d - 1, k - 1) + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) ++x, ++y, ++steps;
      ++steps;
      cur[static_cast<std::size_t>(k + d)] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push_back(cur);
    prev = std::move(cur);
  }
  std::vector<Op> ops;
  if (found < 0) {
    for (std::size_t i = 0; i < a.size(); ++i) ops.push_back({'-', i, 0});
    for (std::size_t j = 0; j < b.size(); ++j) ops.push_back({'+', a.size(), j});
    return ops;
  }
  std::ptrdiff_t x = n, y = m;
  for (std::ptrdiff_t d = found; d > 0; --d) {
    const auto& pv = trace[static_cast<std::size_t>(d - 1)];
    const std::ptrdiff_t k = x - y;
    const std::ptrdiff_t prev_k =
        (k == -d || (k != d && at(pv, d - 1, k - 1) < at(pv, d - 1, k + 1))) ? k + 1 : k - 1;
    const std::ptrdiff_t prev_x = at(pv, d - 1, prev_k), prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x, --y;
      ops.push_back({' ', static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (x == prev_x) {
      --y;
      ops.push_back({'+', static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    } else {
      --x;
      ops.push_back({'-', static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
  }
  while (x > 0 && y > 0) {
    --x, --y;
    ops.push_back({' ', static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

void append_line(std::string& out, char op, std::string_view line) {
  out += op;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, std::string_view path) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  // Trim the common head and tail first: fixes are small, files may not be.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<std::string_view> ma(a.begin() + static_cast<std::ptrdiff_t>(head), a.end() - static_cast<std::ptrdiff_t>(tail));
  std::vector<std::string_view> mb(b.begin() + static_cast<std::ptrdiff_t>(head), b.end() - static_cast<std::ptrdiff_t>(tail));
  std::vector<Op> ops;
  for (std::size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  for (auto op : diff_lines(ma, mb)) ops.push_back({op.op, op.a + head, op.b + head});
  for (std::size_t i = 0; i < tail; ++i) ops.push_back({' ', a.size() - tail + i, b.size() - tail + i});

  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  std::size_t i = 0;
  while (i < ops.size()) {
    if (ops[i].op == ' ') {
      ++i;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change that
    // is at most 2*kContext unchanged lines away.
    std::size_t start = i >= kContext ? i - kContext : 0;
    std::size_t end = i;
    std::size_t last_change = i;
    while (end < ops.size()) {
      if (ops[end].op != ' ') last_change = end;
      else if (end - last_change > 2 * kContext) break;
      ++end;
    }
    end = std::min(ops.size(), last_change + kContext + 1);
    std::size_t a_start = 0, b_start = 0, a_len = 0, b_len = 0;
    bool first = true;
    for (std::size_t k = start; k < end; ++k) {
      if (first) {
        a_start = ops[k].a;
        b_start = ops[k].b;
        first = false;
      }
      if (ops[k].op != '+') ++a_len;
      if (ops[k].op != '-') ++b_len;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", a_len ? a_start + 1 : a_start, a_len, b_len ? b_start + 1 : b_start, b_len);
    for (std::size_t k = start; k < end; ++k)
      append_line(out, ops[k].op, ops[k].op == '+' ? b[ops[k].b] : a[ops[k].a]);
    i = end;
  }
  return out;
}

bool write_atomically(const std::string& path, const std::optional<std::string_view>& expected, std::string_view text,
                      std::string& error) {
  std::error_code ec;
  // Write through a symlink to its target, so the link stays a link.
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    target = fs::canonical(target, ec);
    if (ec) {
      error = fmt::format("cannot resolve '{}': {}", path, ec.message());
      return false;
    }
  }
  struct stat st {};
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) {
    error = fmt::format("cannot stat '{}': {}", path, std::strerror(errno));
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    error = fmt::format("'{}' is not a regular file", path);
    return false;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".katalint-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = fmt::format("cannot create a temporary file next to '{}': {}", path, std::strerror(errno));
    return false;
  }
  auto fail = [&](std::string why) {
    ::close(fd);
    ::unlink(tmp.c_str());
    error = std::move(why);
    return false;
  };
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(fmt::format("cannot write '{}': {}", tmp, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (exists) {
    if (::fchmod(fd, st.st_mode & 07777) != 0)
      return fail(fmt::format("cannot keep the mode of '{}': {}", path, std::strerror(errno)));
    // Another user's file would silently become ours; leave it alone instead.
    if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(fd, st.st_uid, st.st_gid) != 0)
      return fail(fmt::format("cannot keep the owner of '{}': {}", path, std::strerror(errno)));
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) return fail(fmt::format("cannot set the mode of '{}': {}", tmp, std::strerror(errno)));
  }
  if (::fsync(fd) != 0) return fail(fmt::format("cannot write '{}': {}", tmp, std::strerror(errno)));
  if (expected) {
    std::ifstream in(target, std::ios::binary);
    const std::string now((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return fail(fmt::format("cannot re-read '{}'", path));
    if (now != *expected) return fail(fmt::format("'{}' changed while katalint ran; not written", path));
  }
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    error = fmt::format("cannot write '{}': {}", tmp, std::strerror(errno));
    return false;
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    error = fmt::format("cannot replace '{}': {}", path, std::strerror(e));
    return false;
  }
  return true;
}

}  // namespace katalint::cli
