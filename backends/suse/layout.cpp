#include "backends/suse/layout.hpp"

#include <algorithm>

#include <fmt/core.h>

namespace katalint::backends::suse {

std::string copyright_header(std::string_view package, int year) {
  return fmt::format(
      "#\n"
      "# spec file for package {}\n"
      "#\n"
      "# Copyright (c) {} SUSE LLC and contributors\n"
      "#\n"
      "# All modifications and additions to the file contributed by third parties\n"
      "# remain the property of their copyright owners, unless otherwise agreed\n"
      "# upon. The license for this file, and modifications and additions to the\n"
      "# file, is the same license as for the pristine package itself (unless the\n"
      "# license for the pristine package is not an Open Source License, in which\n"
      "# case the license is the MIT License). An \"Open Source License\" is a\n"
      "# license that conforms to the Open Source Definition (Version 1.9)\n"
      "# published by the Open Source Initiative.\n"
      "\n"
      "# Please submit bugfixes or comments via https://bugs.opensuse.org/\n"
      "#\n"
      "\n"
      "\n",
      package, year);
}

std::string tag_line(std::string_view tag, std::string_view value) {
  std::string head = std::string(tag) + ":";
  if (head.size() < 16) head.resize(16, ' ');
  else head += ' ';
  return head + std::string(value);
}

namespace {

// A bullet line wrapped at the 67 columns of the separator, continuation lines indented to
// the bullet's text.
std::string wrapped(const std::string& line) {
  constexpr std::size_t kWidth = 67;
  if (line.size() <= kWidth) return line + "\n";
  std::size_t indent = line.find_first_not_of(' ');
  if (indent == std::string::npos) return line + "\n";
  if (indent + 1 < line.size() && (line[indent] == '-' || line[indent] == '*') && line[indent + 1] == ' ') indent += 2;
  std::vector<std::string> words;
  for (std::size_t pos = indent; pos < line.size();) {
    const std::size_t end = std::min(line.find(' ', pos), line.size());
    if (end > pos) words.push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
  std::string out;
  std::string current = line.substr(0, indent);
  bool empty = true;  // no word on `current` yet
  for (const auto& w : words) {
    if (!empty && current.size() + 1 + w.size() > kWidth) {
      out += current + "\n";
      current = std::string(indent, ' ');
      empty = true;
    }
    current += (empty ? "" : " ") + w;
    empty = false;
  }
  return out + current + "\n";
}

}  // namespace

std::string changes_text(const std::vector<ChangeEntry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    out += std::string(67, '-') + "\n";
    out += format_utc(e.time, "%a %b %e %H:%M:%S UTC %Y") + " - " + e.author + "\n\n";
    for (const auto& line : e.lines) out += wrapped(line);
    out += "\n";
  }
  return out;
}

}  // namespace katalint::backends::suse
