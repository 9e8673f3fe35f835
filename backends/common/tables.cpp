#include "backends/common/tables.hpp"

#include <array>
#include <cctype>

namespace katalint::backends {
namespace {

std::string_view table_text(std::string_view name) {
  for (const auto& t : embedded_tables())
    if (t.name == name) return t.text;
  return {};
}

// Rows of a tab-separated table, comments and blank lines skipped.
std::vector<std::vector<std::string>> rows_of(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> cols;
    std::size_t c = 0;
    while (true) {
      const std::size_t tab = line.find('\t', c);
      cols.emplace_back(line.substr(c, tab == std::string_view::npos ? std::string_view::npos : tab - c));
      if (tab == std::string_view::npos) break;
      c = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

using NameTable = std::map<std::string, std::array<std::string, 2>, std::less<>>;

const NameTable& name_table() {
  static const NameTable table = [] {
    NameTable t;
    for (auto& row : rows_of(table_text("rpm-names.tsv")))
      if (row.size() >= 3) t[row[0]] = {row[1], row[2]};
    return t;
  }();
  return table;
}

const std::map<std::string, std::string, std::less<>>& license_table() {
  static const auto table = [] {
    std::map<std::string, std::string, std::less<>> t;
    for (auto& row : rows_of(table_text("licenses.tsv")))
      if (row.size() >= 2) t[row[0]] = row[1];
    return t;
  }();
  return table;
}

bool is_namespaced(std::string_view name) {
  const auto open = name.find('(');
  return open != std::string_view::npos && open > 0 && name.back() == ')';
}

}  // namespace

MappedName map_rpm_dependency(std::string_view name, RpmFlavor flavor) {
  if (is_namespaced(name) || (!name.empty() && (name.front() == '/' || name.front() == '%')))
    return {MappedName::Kind::Same, std::string(name)};
  const auto& table = name_table();
  auto it = table.find(name);
  if (it == table.end()) return {MappedName::Kind::Unmapped, std::string(name)};
  const std::string& to = it->second[flavor == RpmFlavor::Suse ? 0 : 1];
  if (to == "=" || to == name) return {MappedName::Kind::Same, std::string(name)};
  if (to == "-") return {MappedName::Kind::Dropped, std::string(name)};
  return {MappedName::Kind::Renamed, to};
}

std::string rpm_macro_package(std::string_view key, RpmFlavor flavor) {
  const auto& table = name_table();
  auto it = table.find(key);
  if (it == table.end()) return {};
  const std::string& to = it->second[flavor == RpmFlavor::Suse ? 0 : 1];
  return to == "-" ? std::string() : to;
}

std::string spdx_license(std::string_view value, std::vector<std::string>& unknown) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t' || value[i] == ',')) ++i;
    std::size_t j = i;
    while (j < value.size() && value[j] != ' ' && value[j] != '\t' && value[j] != ',') ++j;
    if (j > i) words.emplace_back(value.substr(i, j - i));
    i = j;
  }
  std::string out;
  bool want_operator = false;
  for (auto w : words) {
    if (w == "and" || w == "AND" || w == "or" || w == "OR" || w == "WITH" || w == "with") {
      for (auto& ch : w) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      out += " " + w + " ";
      want_operator = false;
      continue;
    }
    if (want_operator) out += " AND ";
    std::string prefix, suffix;
    while (!w.empty() && w.front() == '(') { prefix += '('; w.erase(0, 1); }
    while (!w.empty() && w.back() == ')') { suffix += ')'; w.pop_back(); }
    auto it = license_table().find(w);
    if (it != license_table().end()) {
      w = it->second;
    } else if (w.find('%') == std::string::npos) {
      // SPDX identifiers are letters, digits, '.', '-' and '+'; other words need a human.
      bool plausible = !w.empty();
      for (char ch : w)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '-' && ch != '+') plausible = false;
      if (!plausible) unknown.push_back(w);
    }
    out += prefix + w + suffix;
    want_operator = true;
  }
  return out;
}

}  // namespace katalint::backends
