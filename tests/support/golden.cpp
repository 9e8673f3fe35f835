#include "tests/support/golden.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace katalint::testing {
namespace {

namespace fs = std::filesystem;

// Each line keeps its '\n', so a missing final newline shows up as a difference.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const auto len = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return lines;
}

struct Op {
  char kind;      // ' ' kept, '-' only in expected, '+' only in actual
  std::size_t a;  // index in expected where the op sits
  std::size_t b;  // index in actual where the op sits
};

// Beyond this many cells the middle part is shown as one replaced block.
constexpr std::size_t kMaxLcsCells = 4'000'000;

std::vector<Op> edit_script(const std::vector<std::string_view>& x,
                            const std::vector<std::string_view>& y) {
  std::size_t prefix = 0;
  while (prefix < x.size() && prefix < y.size() && x[prefix] == y[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < x.size() - prefix && suffix < y.size() - prefix &&
         x[x.size() - 1 - suffix] == y[y.size() - 1 - suffix])
    ++suffix;

  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({' ', i, i});
  const std::size_t n = x.size() - prefix - suffix;
  const std::size_t m = y.size() - prefix - suffix;
  if (n * m <= kMaxLcsCells) {
    // lcs[i][j]: longest common subsequence of x[prefix+i..] and y[prefix+j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
      for (std::size_t j = m; j-- > 0;)
        at(i, j) = x[prefix + i] == y[prefix + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[prefix + i] == y[prefix + j]) {
        ops.push_back({' ', prefix + i++, prefix + j++});
      } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
        ops.push_back({'-', prefix + i++, prefix + j});  // deletions first, as diff(1) does
      } else {
        ops.push_back({'+', prefix + i, prefix + j++});
      }
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) ops.push_back({'-', prefix + i, prefix});
    for (std::size_t j = 0; j < m; ++j) ops.push_back({'+', prefix + n, prefix + j});
  }
  for (std::size_t k = 0; k < suffix; ++k)
    ops.push_back({' ', prefix + n + k, prefix + m + k});
  return ops;
}

void append_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

bool read_file(const fs::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool write_file(const fs::path& path, std::string_view text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

}  // namespace

std::string unified_diff(std::string_view expected, std::string_view actual,
                         std::string_view expected_name, std::string_view actual_name,
                         std::size_t context) {
  if (expected == actual) return {};
  const auto x = split_lines(expected);
  const auto y = split_lines(actual);
  const auto ops = edit_script(x, y);

  std::ostringstream header;
  header << "--- " << expected_name << "\n+++ " << actual_name << "\n";
  std::string out = header.str();
  std::size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    const std::size_t begin = k > context ? k - context : 0;
    // Extend the hunk while the next change is close enough to share context.
    std::size_t last_change = k;
    for (std::size_t q = k + 1; q < ops.size(); ++q) {
      if (ops[q].kind == ' ') {
        if (q - last_change > 2 * context) break;
      } else {
        last_change = q;
      }
    }
    const std::size_t end = std::min(ops.size(), last_change + 1 + context);
    std::size_t old_count = 0, new_count = 0;
    for (std::size_t q = begin; q < end; ++q) {
      if (ops[q].kind != '+') ++old_count;
      if (ops[q].kind != '-') ++new_count;
    }
    // Unified diff numbers an empty side by the line before it.
    const std::size_t old_start = ops[begin].a + (old_count ? 1 : 0);
    const std::size_t new_start = ops[begin].b + (new_count ? 1 : 0);
    out += "@@ -" + std::to_string(old_start) + "," + std::to_string(old_count) + " +" +
           std::to_string(new_start) + "," + std::to_string(new_count) + " @@\n";
    for (std::size_t q = begin; q < end; ++q)
      append_line(out, ops[q].kind, ops[q].kind == '+' ? y[ops[q].b] : x[ops[q].a]);
    k = end;
  }
  return out;
}

GoldenResult compare_golden(const std::filesystem::path& expected, std::string_view actual) {
  fs::path actual_path = expected;
  actual_path += ".actual";
  std::error_code ec;

  const char* update = std::getenv("KATALINT_UPDATE_GOLDEN");
  std::string current;
  const bool exists = read_file(expected, current);
  if (update && std::string_view(update) == "1") {
    fs::remove(actual_path, ec);
    if (exists && current == actual) return {true, ""};
    if (!write_file(expected, actual)) return {false, "cannot write " + expected.string()};
    return {true, "updated " + expected.string()};
  }

  if (exists && current == actual) {
    fs::remove(actual_path, ec);
    return {true, ""};
  }
  const bool wrote = write_file(actual_path, actual);
  std::string report = exists ? "output differs from " + expected.string()
                              : "missing golden file " + expected.string();
  report += wrote ? "; the output is in " + actual_path.string() : "; cannot write the output";
  report += "; review and run with KATALINT_UPDATE_GOLDEN=1 to accept\n";
  report += unified_diff(current, actual, expected.string(), actual_path.string());
  return {false, report};
}

}  // namespace katalint::testing
