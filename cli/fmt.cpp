// `katalint fmt`: SUSE-style formatting of spec files (backends/suse/style/format.hpp).
#include <fmt/core.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "backends/suse/style/format.hpp"
#include "cli/commands.hpp"
#include "cli/fix.hpp"
#include "cli/fmt_meaning.hpp"

namespace katalint::cli {

namespace {

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
    if (n == 0 || i + n > text.size()) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return i;
    if (n == 2 && c < 0xc2) return i;
    i += n;
  }
  return std::string_view::npos;
}

bool read_input(const std::string& path, std::string& text) {
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return !in.bad();
}

int current_year() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

}  // namespace

int run_fmt(const Options& options, const FmtSettings& settings) {
  if (settings.in_place && (settings.diff || settings.check))
    return usage_error("fmt: -i cannot be combined with --check or --diff");
  suse_style::FormatOptions format;
  format.minimal = settings.style == "minimal";
  for (const auto& c : settings.convert) {
    if (c == "pkgconfig") format.convert_pkgconfig = true;
    if (c == "perl") format.convert_perl = true;
    if (c == "cmake") format.convert_cmake = true;
  }
  format.remove_groups = settings.remove_groups;
  format.keep_space = settings.keep_space;
  format.copyright_header = settings.copyright_header;
  format.copyright_year = settings.copyright_year ? settings.copyright_year : current_year();
  if (!options.target.empty()) format.target = options.target;
  // The output is checked against the input for the same target (cli/fmt_meaning.hpp).
  frontend::AnalyzeOptions meaning;
  if (int rc = make_analyze_options(options, meaning); rc != kExitClean) return rc;
  meaning.target = format.target;

  int status = kExitClean;
  for (const auto& path : options.paths) {
    const std::string shown = display_name(options, path);
    std::string text;
    if (!read_input(path, text)) {
      fmt::print(stderr, "katalint: error: cannot read '{}'\n", shown);
      status = kExitUsage;
      continue;
    }
    if (auto bad = invalid_utf8_at(text); bad != std::string::npos) {
      std::size_t line = 1, column = 1;
      for (std::size_t i = 0; i < bad; ++i) {
        if (text[i] == '\n') {
          ++line;
          column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
          ++column;
        }
      }
      fmt::print(stderr, "{}:{}:{}: error: the file is not valid UTF-8; it was not formatted [fmt]\n", shown, line,
                 column);
      status = kExitUsage;
      continue;
    }
    format.file_name = std::filesystem::path(shown).filename().string();
    auto result = suse_style::format_spec(text, format);
    if (!result.skipped_because.empty())
      fmt::print(stderr, "{}: not formatted: the file opts out ({})\n", shown, result.skipped_because);
    if (!settings.fast && result.text != text) {
      if (auto where = meaning_difference(text, result.text, path == "-" ? format.file_name : path, meaning)) {
        fmt::print(stderr,
                   "{}: warning: not formatted: the formatted spec would mean something else to rpm ({}) "
                   "[fmt-meaning]\n",
                   shown, *where);
        result.text = text;
      }
    }
    const bool changed = result.text != text;
    if (settings.check || settings.diff) {
      if (settings.diff) std::cout << unified_diff(text, result.text, shown);
      if (settings.check && changed) {
        if (!settings.diff) fmt::print(stderr, "{}: would be reformatted\n", shown);
        if (status == kExitClean) status = kExitFindings;
      }
      continue;
    }
    if (settings.in_place) {
      if (path == "-") {
        std::cout << result.text;
        continue;
      }
      std::string error;
      if (changed && !write_atomically(path, text, result.text, error)) {
        fmt::print(stderr, "katalint: error: cannot write '{}': {}\n", shown, error);
        status = kExitUsage;
      }
      continue;
    }
    std::cout << result.text;
  }
  std::cout.flush();
  return status;
}

}  // namespace katalint::cli
