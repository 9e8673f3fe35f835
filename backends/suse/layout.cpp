#include "backends/suse/layout.hpp"

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

std::string changes_text(const std::vector<ChangeEntry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    out += std::string(67, '-') + "\n";
    out += format_utc(e.time, "%a %b %e %H:%M:%S UTC %Y") + " - " + e.author + "\n\n";
    for (const auto& line : e.lines) out += line + "\n";
    out += "\n";
  }
  return out;
}

}  // namespace katalint::backends::suse
